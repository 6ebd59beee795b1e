"""Every visible string is translated in both languages; switching language works at once."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QWidget,
    QWizardPage,
)

from dispatch_app.gui import i18n
from dispatch_app.gui.page_registry import PAGES

CJK = re.compile(r"[\u3400-\u9fff]")
ADCODE = re.compile(r"\d{6}(?:\d{3}|\d{6})?")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


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


def _is_data(w: QWidget) -> bool:
    """Record data (a record's title, the database path...) is marked ``data`` by the page."""
    while w is not None:
        if w.property("data"):
            return True
        w = w.parentWidget()
    return False


def _plain(text: str) -> str:
    """What a reader sees of a label: rich-text tags and entities removed."""
    return re.sub(r"&\w+;", " ", re.sub(r"<[^>]*>", " ", text)) if "<" in text else text


def _data_item(combo: QComboBox, i: int) -> bool:
    """A pick-list entry that is a value, not interface text: a record (its data is the
    record's uuid), a place from the gazetteer (an administrative code), or a vocabulary value
    stored as shown (industries and qualifications are Chinese names in every language), or a
    suggestion of an editable combo (a value the user may as well type)."""
    value = str(combo.itemData(i) or "")
    text = combo.itemText(i)
    return bool(
        combo.isEditable() or UUID.fullmatch(value) or ADCODE.fullmatch(value) or value == text
    )


def _visible_texts(root: QWidget) -> list[str]:
    """Interface strings, not record data: window titles, actions (text and tooltip), buttons,
    labels, group and wizard-page titles, placeholders, tooltips, tab texts, every combo entry
    that is not a record, navigation items, table headers. Table cells are record data and are
    not read; widgets marked ``data`` (and their children) are skipped."""
    out: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if _is_data(w):
            continue
        if w.isWindow():
            out.append(w.windowTitle())
        out.append(w.toolTip())
        for a in w.actions():
            out += [a.text(), a.toolTip() if a.toolTip() != a.text().replace("&", "") else ""]
        if isinstance(w, QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QLabel):
            out.append(_plain(w.text()))
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        elif isinstance(w, QWizardPage):
            out += [w.title(), _plain(w.subTitle())]
        elif isinstance(w, QLineEdit | QPlainTextEdit):
            out.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count()) if not _data_item(w, i)]
        elif isinstance(w, QTabWidget):
            out += [w.tabText(i) for i in range(w.count())]
            out += [w.tabToolTip(i) for i in range(w.count())]
        elif isinstance(w, QListWidget) and w.objectName() == "nav":
            out += [w.item(i).text() for i in range(w.count())]
            out += [w.item(i).toolTip() for i in range(w.count())]
        if isinstance(w, QTableView) and w.model() is not None:
            m = w.model()
            for c in range(m.columnCount(QModelIndex())):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    out.append(str(m.headerData(c, Qt.Orientation.Horizontal, role) or ""))
    return [t for t in out if t and t.strip()]


# What a Chinese interface may show in Latin letters (the zh run's allow-list): names of
# formats, encodings and programs the users know by these names; the code they are told to
# type; keyboard shortcuts; file names and extensions; the program's folder for its shipped
# font and licence identifiers; version strings; an example of what to type, after 如 ("e.g.").
# Anything else with three Latin letters in a row is English left behind.
ALLOWED_LATIN = re.compile(
    r"\b(?:USCC|WPS|Excel|CSV|XLSX?|PDF|UTF-8|BOM|GB18030|GBK|Qt|PySide6|ZIP)\b"
    r"|\b(?:Ctrl|Shift|Alt|Meta)(?:\+(?:Ctrl|Shift|Alt|Meta|[A-Z0-9←→↑↓]|F\d+|Del|Esc|Tab|Enter))+"
    r"|[^\s/\\（(]*\.(?:db|sqlite|csv|xlsx?|zip|pdf|png|ttf|txt|json)\b"  # world.db, *.xlsx
    r"|\bresources/(?:fonts|pinyin)\b|\b(?:Apache-2\.0|OFL-1\.1|MIT)\b|\bpypinyin\b"
    r"|\b(?:GCJ-02|BD-09|WGS-84|GPS|OpenStreetMap)\b"  # coordinate datums, by their names
    r"|\bv?\d+(?:\.\d+)+(?:[.-]?(?:dev|rc|a|b|post)\d*)*(?:\+[\w.]+)?"  # 0.1.0, 1.2.0.dev3
    r"|如\s*[0-9A-Za-z]+"  # 如 wzdx, 如 91330382MA2XXXXXXX
)
ALLOWED_TEXTS = {"English"}  # each language is named in itself in the language choice
LATIN_RUN = re.compile(r"[A-Za-z]{3,}")


def english_left_in(texts: list[str]) -> list[str]:
    """The Chinese-run rule: a text that, after the allow-list, still has 3+ Latin letters."""
    return sorted(
        {t for t in texts if t not in ALLOWED_TEXTS and LATIN_RUN.search(ALLOWED_LATIN.sub(" ", t))}
    )


def test_the_latin_letter_rule_flags_english_and_spares_the_allow_list(qtbot):
    """The check itself can fail: English in any kind of interface string is caught, the
    allow-list and record data are not."""
    root = QWidget()
    qtbot.addWidget(root)
    root.setWindowTitle("导出 CSV / XLSX 表格")
    QLabel("Save", root)
    QLabel("<b>保存</b> (Ctrl+S) 版本 0.1.0.dev3，文件 *.xlsx", root)
    QLineEdit(root).setPlaceholderText("输入名称、USCC 或拼音首字母")
    QPushButton("关闭", root).setToolTip("Close this window")
    combo = QComboBox(root)
    combo.addItem("All districts", "")
    combo.addItem("Acme Ltd", "0b7e8a52-3c1d-4f0e-9a8b-1c2d3e4f5a6b")  # a record: data
    shown = QLabel("Acme Ltd (record title)", root)
    shown.setProperty("data", True)
    root.addAction(QAction("Open recent", root))
    found = english_left_in(_visible_texts(root))
    assert found == ["All districts", "Close this window", "Open recent", "Save"]


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
    from dispatch_app.gui.exchange.export_dialog import BundleDialog, ExportDialog
    from dispatch_app.gui.exchange.import_wizard import ImportWizard

    for key, _t in PAGES:
        page = window.show_page(key)
        if hasattr(page, "view") and page.model.rowCount():
            page.view.selectRow(0)
    return [
        VisitDialog(window.store, window),
        CloseFollowUpDialog("x", "", window),
        SettingsDialog(window.settings, window),
        AboutDialog(window),
        ExportDialog(window),
        BundleDialog(window),
        ImportWizard(window, "visits"),
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
        assert english_left_in(texts) == []  # also English that never went through tr()
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
    enterprises_row = [k for k, _t in PAGES].index("enterprises")
    assert new.nav.item(enterprises_row).text() == "Enterprises"
    assert new.pages["visits"].model.total == 8  # up to today: the planned visit is later
    assert new.pages["visits"].when_filter.currentText() == "Up to today"
    status_col = [c.key for c in new.pages["visits"].model.spec.columns].index("status")
    assert new.pages["visits"].model.index(0, status_col).data() in {"Completed", "Planned"}
    assert controller.settings.language == "en"
    back = controller.switch_language("zh")
    assert back.nav.item(enterprises_row).text() == "企业"


def test_chinese_translations_use_full_width_brackets():
    """绕行（公里）, not 绕行(km): half-width brackets only for menu mnemonics (&F) and file
    filters (*.csv)."""
    import xml.etree.ElementTree as ET

    allowed = re.compile(r"\(&\w\)|\(\*[^)]*\)|\([^)]*\{[^)]*\)")
    wrong = []
    for message in ET.parse(i18n.ts_path()).iter("message"):
        text = message.findtext("translation") or ""
        if re.search(r"[\u4e00-\u9fff]", text) and "(" in allowed.sub("", text):
            wrong.append(text)
    assert not wrong, wrong
