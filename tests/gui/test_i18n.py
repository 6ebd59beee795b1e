"""Every visible string is translated in both languages; switching language works at once."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableView,
    QWidget,
)

from dispatch_app.gui import i18n
from dispatch_app.gui.main_window import PAGES

CJK = re.compile(r"[\u3400-\u9fff]")


def test_every_source_string_has_a_chinese_translation():
    assert i18n.missing() == []


def test_the_translation_source_is_current():
    """A tr() string added in code but not to the .ts would ship untranslated."""
    in_code = set(i18n.extract())
    in_ts = {k for k, (_t, kind) in i18n.read_ts().items() if kind != "obsolete"}
    assert in_code - in_ts == set()


def test_qm_is_built_from_the_ts():
    qm = i18n.build()
    assert qm is not None and qm.exists()
    assert qm.stat().st_mtime >= i18n.ts_path().stat().st_mtime


def _visible_texts(root: QWidget) -> list[str]:
    """Interface strings (not data): actions, buttons, labels, placeholders, headers, combos'
    'All …' entries, list items of the navigation."""
    out: list[str] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if w.property("data"):
            continue
        out += [a.text() for a in w.actions() if a.text()]
        if isinstance(w, QAbstractButton | QLabel):
            if isinstance(w, QLabel) and w.parent() is not None and w.parent().property("data"):
                continue
            out.append(w.text())
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        elif isinstance(w, QLineEdit | QPlainTextEdit):
            out.append(w.placeholderText())
        elif isinstance(w, QComboBox) and w.objectName().startswith("filter_") and w.count():
            out.append(w.itemText(0))
        elif isinstance(w, QListWidget) and w.objectName() == "nav":
            out += [w.item(i).text() for i in range(w.count())]
        if isinstance(w, QTableView) and w.model() is not None:
            m = w.model()
            out += [
                str(m.headerData(c, Qt.Orientation.Horizontal) or "")
                for c in range(m.columnCount(QModelIndex()))
            ]
        if w.isWindow() and w.windowTitle():
            out.append(w.windowTitle())
    return [t for t in out if t and t.strip()]


def _english_patterns() -> list[re.Pattern[str]]:
    pats = []
    for source, _c in i18n.extract():
        if not re.search(r"[A-Za-z]{3}", source):
            continue
        text = source.replace("&", "")
        parts = re.split(r"\{[^}]*\}", text)
        pats.append(re.compile(".*".join(re.escape(p) for p in parts) + r"\Z", re.S))
    return pats


def _open_everything(window):
    """Every page and the main dialogs, so their strings exist as widgets."""
    from dispatch_app.gui.dialogs.about import AboutDialog
    from dispatch_app.gui.dialogs.close_follow_up import CloseFollowUpDialog
    from dispatch_app.gui.dialogs.settings_dialog import SettingsDialog
    from dispatch_app.gui.dialogs.visit_dialog import VisitDialog

    for key, _t in PAGES:
        page = window.show_page(key)
        if hasattr(page, "view") and page.model.rowCount():
            page.view.selectRow(0)
    return [
        VisitDialog(window.store, window),
        CloseFollowUpDialog("x", "", window),
        SettingsDialog(window.settings, window),
        AboutDialog(window),
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_visible_string_is_left_untranslated(controller, db_path, qtbot, lang):
    window = controller.switch_language(lang) if lang != "zh" else controller.window
    window.show()
    with qtbot.waitSignal(window.store_changed, timeout=10_000):
        window.open_database(db_path)
    dialogs = _open_everything(window)
    texts = _visible_texts(window)
    for d in dialogs:
        texts += _visible_texts(d)
    for menu_action in window.menuBar().actions():
        texts.append(menu_action.text())
        texts += [a.text() for a in menu_action.menu().actions() if a.text()]
    assert len(texts) > 150
    if lang == "zh":
        english = _english_patterns()
        untranslated = sorted({t for t in texts if any(p.match(t) for p in english)})
        assert untranslated == []
    else:
        allowed = {"简体中文"}  # each language is named in itself in the language choice
        chinese = sorted({t for t in texts if CJK.search(t) and t not in allowed})
        assert chinese == []
    for d in dialogs:
        d.deleteLater()


def test_switch_language_at_once_keeps_database_and_page(window, controller, qtbot):
    window.show_page("visits")
    path = window.current_store_path()
    new = controller.switch_language("en")
    assert new is not window
    assert new.current_store_path() == path
    assert new.current_page_key() == "visits"
    assert new.nav.item(1).text() == "Enterprises"
    assert new.pages["visits"].model.total == 8  # up to today: the planned visit is later
    assert new.pages["visits"].when_filter.currentText() == "Up to today"
    status_col = [c.key for c in new.pages["visits"].model.spec.columns].index("status")
    assert new.pages["visits"].model.index(0, status_col).data() in {"Completed", "Planned"}
    assert controller.settings.language == "en"
    back = controller.switch_language("zh")
    assert back.nav.item(1).text() == "企业"
