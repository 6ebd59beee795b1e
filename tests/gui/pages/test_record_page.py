"""The typed expert filter of the record pages, driven as a coordinator would: pinyin initials,
a picked completion, the table narrowed in SQL, cleared again; and an expert's related links
arriving in that same box."""

from __future__ import annotations

from guikit import type_text
from PySide6.QtCore import Qt

from dispatch_app import clock
from dispatch_app.store import listing


def _expert_id(window, name: str) -> str:
    return window.store.scalar("SELECT id FROM experts WHERE name = ?", (name,))


def _pick(qtbot, edit, typed: str, expected: str) -> None:
    """Type into the filter, wait out the debounce, take the completion named ``expected``."""
    type_text(qtbot, edit, typed)
    edit.clearFocus()  # (offscreen, a completer popup cannot grab the keyboard)
    edit.refresh_options()  # what the 150 ms debounce would do
    texts = [o.text for o in edit.options()]
    assert expected in texts, texts
    edit.choose(texts.index(expected))


def _clear(qtbot, edit) -> None:
    qtbot.keyClick(edit, "a", modifier=Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)


def test_visits_filtered_by_an_expert_typed_in_pinyin_initials(window, qtbot):
    page = window.show_page("visits")
    edit = page.filters["expert"]
    assert edit is page.expert_filter
    assert edit.placeholderText() == "服务专家（姓名或拼音）"
    everything = page.model.total
    assert everything == 8

    _pick(qtbot, edit, "wjg", "王建国")
    expert = _expert_id(window, "王建国")
    expected = listing.count(
        window.store,
        "visits",
        listing.Criteria(filters={"expert": expert, "date_to": clock.today().isoformat()}),
    )
    assert 0 < expected < everything
    assert page.model.total == expected
    shown = {page.model.id_at(r) for r in range(page.model.rowCount())}
    of_expert = {
        r[0]
        for r in window.store.query(
            "SELECT visit_id FROM visit_experts WHERE expert_id = ?", (expert,)
        )
    }
    assert shown <= of_expert and len(shown) == expected
    assert f"{expected}" in page.count_label.text()

    _clear(qtbot, edit)
    assert edit.selected_id == ""
    assert page.model.total == everything


def test_typed_text_not_picked_does_not_filter_and_enter_takes_a_single_match(window, qtbot):
    page = window.show_page("visits")
    edit = page.filters["expert"]
    type_text(qtbot, edit, "lxm")
    page.apply()
    assert page.model.total == 8  # nothing picked yet: the list stays as it is
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # one expert matches: Enter picks her
    assert edit.text() == "李晓梅"
    assert page.model.total == 4


def test_appointments_filtered_by_expert(window, qtbot):
    page = window.show_page("appointments")
    edit = page.filters["expert"]
    assert page.model.total == 1
    _pick(qtbot, edit, "lxm", "李晓梅")
    assert page.model.total == 0
    _pick(qtbot, edit, "wangjian", "王建国")
    assert page.model.total == 1
    assert page.model.index(0, page.model.column_of("expert")).data() == "王建国"
    _clear(qtbot, edit)
    assert page.model.total == 1 and edit.selected_id == ""


def test_teams_filtered_by_expert(window, qtbot):
    page = window.show_page("teams")
    edit = page.filters["expert"]
    assert page.model.total == 2
    _pick(qtbot, edit, "czq", "陈志强")
    assert page.model.total == 1
    assert page.model.index(0, page.model.column_of("name")).data() == "乐清电气轻骑队"


def test_an_experts_related_links_set_the_expert_filter(window, qtbot):
    experts = window.show_page("experts")
    expert = _expert_id(window, "王建国")
    experts.select_record(expert)
    assert experts.form.record_id == expert

    qtbot.mouseClick(experts.form.related_buttons["visits"], Qt.MouseButton.LeftButton)
    visits = window.pages["visits"]
    assert window.stack.currentWidget() is visits
    assert visits.filters["expert"].text() == "王建国"
    assert visits.filters["expert"].selected_id == expert
    assert not visits.chip.isVisibleTo(visits)  # the box says why, no chip besides
    assert visits.model.total == 4  # every date: as many as the link counted
    _clear(qtbot, visits.filters["expert"])
    assert visits.model.total == 9

    window.show_page("experts")
    qtbot.mouseClick(experts.form.related_buttons["appointments"], Qt.MouseButton.LeftButton)
    appointments = window.pages["appointments"]
    assert appointments.filters["expert"].selected_id == expert
    assert appointments.model.total == 1

    window.show_page("experts")
    qtbot.mouseClick(experts.form.related_buttons["teams"], Qt.MouseButton.LeftButton)
    teams = window.pages["teams"]
    assert teams.filters["expert"].text() == "王建国"
    assert teams.model.total == 1


def test_another_related_link_replaces_the_expert_filter(window):
    expert = _expert_id(window, "王建国")
    window.show_related("visits", "expert", expert)
    page = window.pages["visits"]
    ent = window.store.scalar("SELECT enterprise_id FROM visits WHERE status = 'planned'")
    window.show_related("visits", "enterprise", ent)
    assert page.filters["expert"].selected_id == ""
    assert page.chip.isVisibleTo(page)
    assert page.model.total == 2  # all of the enterprise's visits, not only 王建国's
