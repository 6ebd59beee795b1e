"""调度设置 driven as a coordinator would: the stored policy changes what ``match`` suggests,
a bad value is named under its field and nothing is saved, and 补全坐标 runs in a worker with
a fake geocoder (never the network)."""

from __future__ import annotations

import pytest
from guikit import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from dispatch_app.domain.records import Enterprise, Expert
from dispatch_app.gui.dialogs.dispatch_settings_dialog import DispatchSettingsDialog
from dispatch_app.matching import match
from dispatch_app.matching.policy import MatchPolicy
from dispatch_app.services import dispatch_settings as ds
from dispatch_app.services import registry
from dispatch_app.store import open_store
from support.world import enterprise_raw

BASE = (28.04, 120.66)


@pytest.fixture
def world(tmp_path):
    path = tmp_path / "settings.db"
    store = open_store(path, create=True)
    ent = registry.register(
        store,
        Enterprise,
        enterprise_raw(1, district="永嘉县", tech_needs="阀门密封泄漏", lat=BASE[0], lon=BASE[1]),
    )
    for name, km in (("阀门近", 5), ("阀门远", 60)):
        registry.register(
            store,
            Expert,
            {
                "name": name,
                "institution": "温州大学",
                "specialties": "阀门设计、密封技术",
                "can_be_vp": "是",
                "lat": BASE[0] - km / 111.2,
                "lon": BASE[1],
            },
        )
    for n in (2, 3):  # placed only at the district centre: what 补全坐标 looks up
        registry.register(store, Enterprise, enterprise_raw(n, address=f"柳市镇某路{n}号"))
    yield {"store": store, "ent": ent, "path": path}
    store.close()


def _names(store, ent_id) -> list[str]:
    return [s.name for s in match(store, ent_id, "appointment").experts]


def _dialog(qtbot, store, **kw) -> DispatchSettingsDialog:
    d = DispatchSettingsDialog(store, **kw)
    qtbot.addWidget(d)
    d.show()
    return d


def _editor(d, key) -> QLineEdit:
    w = d.editors[key]
    assert isinstance(w, QLineEdit)
    return w


def test_lower_max_distance_changes_the_suggestions(qtbot, world) -> None:
    store, ent = world["store"], world["ent"]
    assert set(_names(store, ent.id)) == {"阀门近", "阀门远"}
    d = _dialog(qtbot, store)
    assert _editor(d, "match.max_distance_km").text() == "100"
    type_text(qtbot, _editor(d, "match.max_distance_km"), "30")
    qtbot.mouseClick(d.save_button, Qt.MouseButton.LeftButton)
    assert d.result() == d.DialogCode.Accepted
    assert MatchPolicy.load(store).max_distance_km == 30
    assert _names(store, ent.id) == ["阀门近"]


def test_a_bad_value_shows_its_error_and_saves_nothing(qtbot, world) -> None:
    store = world["store"]
    before = ds.load(store)
    d = _dialog(qtbot, store)
    type_text(qtbot, _editor(d, "match.max_distance_km"), "30")  # a good value beside it
    d.tabs.setCurrentIndex(2)
    type_text(qtbot, _editor(d, "planning.speed_kmh"), "fast")
    error = d.errors["planning.speed_kmh"]
    assert error.isVisible() or not error.isHidden()
    assert "数字" in error.text()  # the interface is Chinese in the tests
    qtbot.mouseClick(d.save_button, Qt.MouseButton.LeftButton)
    assert d.isVisible() and d.tabs.currentIndex() == 1  # moved to the field's tab
    assert not d.banner.isHidden()
    assert ds.load(store) == before  # nothing, not even the good distance


def test_restore_defaults_fills_in_and_saves_on_save(qtbot, world) -> None:
    store = world["store"]
    ds.save(store, ds.defaults() | {"match.max_distance_km": "40", "planning.day_start": "09:00"})
    d = _dialog(qtbot, store)
    assert _editor(d, "planning.day_start").text() == "09:00"
    qtbot.mouseClick(d.defaults_button, Qt.MouseButton.LeftButton)
    assert _editor(d, "match.max_distance_km").text() == "100"
    assert MatchPolicy.load(store).max_distance_km == 40  # not before Save
    assert d.save()
    assert ds.load(store) == ds.defaults()


class FakeGeocoder:
    name, datum = "baidu", "GCJ-02"

    def __init__(self, fail: bool = False) -> None:
        self.fail, self.calls = fail, 0

    def lookup(self, query: str):
        if self.fail:
            raise OSError("Network is unreachable")
        self.calls += 1
        return (28.12, 120.98)


def _turn_on_baidu(qtbot, d) -> None:
    d.tabs.setCurrentIndex(2)
    combo = d.editors["geo.geocoder"]
    assert not d.geocoding.button.isEnabled()  # off by default: nothing to run
    combo.setCurrentIndex(combo.findData("baidu"))
    type_text(qtbot, _editor(d, "geo.baidu_key"), "test-key")
    type_text(qtbot, _editor(d, "geo.min_interval_s"), "0.2")
    assert d.geocoding.button.isEnabled()


def _precisions(store) -> list[str]:
    return [r[0] for r in store.query("SELECT coord_precision FROM enterprises ORDER BY uscc")]


def test_geocode_missing_runs_in_a_worker_with_a_fake(qtbot, world) -> None:
    store = world["store"]
    fake = FakeGeocoder()
    d = _dialog(qtbot, store, geocoder_factory=lambda settings: fake)
    assert "外部服务" in d.findChild(type(d.banner), "geocodingNote").text()
    _turn_on_baidu(qtbot, d)
    qtbot.mouseClick(d.geocoding.button, Qt.MouseButton.LeftButton)
    assert store.get_setting("geo.geocoder") == "baidu"  # saved before the run
    qtbot.waitUntil(lambda: d.geocoding.result is not None, timeout=10_000)
    assert fake.calls == 2
    assert _precisions(store) == ["exact", "exact", "exact"]
    assert "2" in d.geocoding.status.text()
    assert store.scalar("SELECT count(*) FROM geocode_cache") == 2


def test_geocode_without_network_says_so_and_changes_nothing(qtbot, world) -> None:
    store = world["store"]
    before = _precisions(store)
    d = _dialog(qtbot, store, geocoder_factory=lambda settings: FakeGeocoder(fail=True))
    _turn_on_baidu(qtbot, d)
    qtbot.mouseClick(d.geocoding.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.geocoding.result is not None, timeout=10_000)
    assert "无法连接" in d.geocoding.status.text()
    assert "没有修改任何记录" in d.geocoding.status.text()
    assert _precisions(store) == before
    assert d.geocoding.button.isEnabled()  # can try again later


def test_edit_menu_opens_the_dialog(window, qtbot) -> None:
    action = window.actions_["dispatch_settings"]
    assert action.text().startswith("调度设置")
    action.trigger()
    dialog = window.findChild(DispatchSettingsDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


class BlockingGeocoder(FakeGeocoder):
    """Holds its first answer until the test lets it go (after pressing Cancel)."""

    def __init__(self) -> None:
        super().__init__()
        import threading

        self.release = threading.Event()

    def lookup(self, query: str):
        self.release.wait(10)
        return super().lookup(query)


def test_cancel_in_the_progress_dialog_keeps_what_was_found(qtbot, world) -> None:
    from PySide6.QtWidgets import QPushButton

    store = world["store"]
    fake = BlockingGeocoder()
    d = _dialog(qtbot, store, geocoder_factory=lambda settings: fake)
    _turn_on_baidu(qtbot, d)
    qtbot.mouseClick(d.geocoding.button, Qt.MouseButton.LeftButton)
    task = d.geocoding.task
    qtbot.waitUntil(lambda: d.geocoding.runner.dialog_of(task) is not None, timeout=5000)
    progress = d.geocoding.runner.dialog_of(task)
    assert not d.geocoding.button.isEnabled()  # one run at a time
    qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
    fake.release.set()
    qtbot.waitUntil(lambda: d.geocoding.result == "cancelled", timeout=10_000)
    assert fake.calls == 1
    assert _precisions(store).count("exact") == 2  # the seeded point and the one found
    assert "已取消" in d.geocoding.status.text()


def test_saving_from_the_window_reloads_the_pages(window, qtbot) -> None:
    page = window.show_page("planning")
    window.actions_["dispatch_settings"].trigger()
    dialog = window.findChild(DispatchSettingsDialog)
    reloaded = []
    page.reload = lambda: reloaded.append(True)  # (the page on screen reloads at once)
    type_text(qtbot, dialog.editors["planning.minutes_per_stop"], "45")
    assert dialog.save()
    assert reloaded
    assert float(window.store.get_setting("planning.minutes_per_stop")) == 45


def test_a_read_only_database_says_why_and_keeps_the_input(qtbot, world) -> None:
    from dispatch_app.store.writer_lock import ReadOnlySession

    store = world["store"]

    def refuse() -> None:
        raise ReadOnlySession(world["path"], None)

    d = _dialog(qtbot, store)
    store.write_guard = refuse
    try:
        type_text(qtbot, _editor(d, "match.max_distance_km"), "30")
        assert not d.save()
        assert not d.banner.isHidden() and d.banner.text()
        assert _editor(d, "match.max_distance_km").text() == "30"
    finally:
        store.write_guard = None
    assert MatchPolicy.load(store).max_distance_km == 100


def test_choosing_baidu_without_a_key_says_so_at_once(qtbot, world) -> None:
    d = _dialog(qtbot, world["store"])
    d.tabs.setCurrentIndex(2)
    combo = d.editors["geo.geocoder"]
    combo.setCurrentIndex(combo.findData("baidu"))
    assert "密钥" in d.errors["geo.baidu_key"].text()
    assert not d.errors["geo.baidu_key"].isHidden()
    assert not d.geocoding.button.isEnabled()
    type_text(qtbot, _editor(d, "match.weight_load"), "0")  # one weight at 0 is fine
    assert d.errors["match.weight_relevance"].isHidden()
