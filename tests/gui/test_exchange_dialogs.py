"""The import wizard, export and bundle dialogs, driven as a coordinator would."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

from PySide6.QtWidgets import QMenu, QWizard

from dispatch_app.domain.uscc import make_uscc
from dispatch_app.gui.exchange import menu
from dispatch_app.gui.exchange.export_dialog import BundleDialog, ExportDialog
from dispatch_app.gui.exchange.import_wizard import ImportWizard
from dispatch_app.store import open_store

GOOD = make_uscc("9", "1", "330302", "0000777A")
BAD = make_uscc("9", "1", "330302", "0000778A")[:-1] + "0"


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="gb18030", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def _enterprises(db: Path) -> set[str]:
    with open_store(db, readonly=True) as store:
        return {r[0] for r in store.query("SELECT name FROM enterprises")}


def _next(qtbot, wizard: ImportWizard) -> None:
    assert wizard.currentPage().isComplete()
    wizard.next()


def test_import_wizard_end_to_end(window, db_path, tmp_path, qtbot, monkeypatch, messages):
    source = _csv(
        tmp_path / "名录.csv",
        [
            ["企业名录（2026年）"],
            ["企业名称", " 统一社会信用代码 ", "所属区县", "备注"],
            ["温州新星阀门有限公司", GOOD, "鹿城区", "x"],
            ["温州坏码有限公司", BAD, "鹿城区", ""],
        ],
    )
    wizard = menu.open_import_wizard(window, "enterprises")
    qtbot.addWidget(wizard)
    page = wizard.file_page
    assert "统一社会信用代码*" in page.template.text()  # what the file should hold, at once
    assert "编码" in page.info.text()  # and where the detected encoding will show
    page.path.setText(str(source))
    page.load()
    assert "GB18030" in page.info.text() and "2" in page.info.text()  # header found in row 2
    _next(qtbot, wizard)

    mapping = wizard.mapping_page
    assert mapping.mapping() == {0: "name", 1: "uscc", 2: "district_code"}  # pre-filled
    assert mapping.preview.rowCount() == 2
    code_width = mapping.preview.fontMetrics().horizontalAdvance(GOOD)
    assert mapping.preview.columnWidth(1) > code_width  # a code is checked by eye: whole
    mapping.combos[1].setCurrentIndex(0)  # a user un-maps the code column…
    assert not mapping.isComplete() and "统一社会信用代码" in mapping.missing.text()
    mapping.combos[1].setCurrentIndex(mapping.combos[1].findData("uscc"))  # …and fixes it
    _next(qtbot, wizard)

    check = wizard.check_page
    qtbot.waitUntil(lambda: check.result is not None, timeout=10_000)
    assert check.problems.rowCount() == 1
    assert check.problems.item(0, 0).text() == "4"  # the spreadsheet's row number
    assert check.problems.item(0, 1).text() == "统一社会信用代码"
    problem = check.problems.item(0, 3)
    assert "校验位" in problem.text() and problem.toolTip() == problem.text()
    assert not check.isComplete()  # all or nothing: cannot go on with a bad row
    report = tmp_path / "errors.csv"
    monkeypatch.setattr(
        "dispatch_app.gui.exchange.common.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(report), ""),
    )
    check.save.click()
    assert report.read_text(encoding="utf-8-sig").splitlines()[1].startswith("4,")
    assert _enterprises(db_path) >= set() and "温州新星阀门有限公司" not in _enterprises(db_path)

    check.skip_invalid.setChecked(True)
    assert check.isComplete()
    _next(qtbot, wizard)
    result = wizard.result_page
    qtbot.waitUntil(lambda: result.result is not None, timeout=10_000)
    assert result.result.written and result.result.added == 1
    assert "1" in result.summary.text()
    names = _enterprises(db_path)
    assert "温州新星阀门有限公司" in names and "温州坏码有限公司" not in names
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_import_wizard_reports_an_unreadable_file(window, tmp_path, qtbot):
    bad = tmp_path / "x.csv"
    bad.write_bytes(b"\x00\x01\x02" * 50)
    wizard = ImportWizard(window, "visits", str(bad))
    qtbot.addWidget(wizard)
    assert not wizard.file_page.isComplete()
    assert "二进制" in wizard.file_page.info.text()


def test_export_dialog_writes_the_file(window, tmp_path, qtbot, messages):
    dialog = ExportDialog(window, "enterprises")
    qtbot.addWidget(dialog)
    out = tmp_path / "e.xlsx"
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    dialog.mask.setChecked(True)
    dialog.path.setText(str(out))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result_rows is not None, timeout=10_000)
    assert dialog.result_rows == 8 and out.read_bytes()[:2] == b"PK"
    assert messages["infos"] and "8" in messages["infos"][-1][1]


def test_export_dialog_needs_a_path(window, qtbot, messages):
    dialog = ExportDialog(window)
    qtbot.addWidget(dialog)
    dialog.start()
    assert messages["errors"]


def test_bundle_dialog(window, tmp_path, qtbot, messages):
    dialog = BundleDialog(window)
    qtbot.addWidget(dialog)
    dialog.by_month.setChecked(False)
    dialog.district.setCurrentIndex(dialog.district.findData("330382"))
    out = tmp_path / "bundle.zip"
    dialog.path.setText(str(out))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.counts is not None, timeout=10_000)
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["district"]["name"] == "乐清市"
    assert dialog.counts["enterprises"] >= 2
    assert manifest["audit"] is False


def test_bundle_dialog_with_the_audit_trail(window, tmp_path, qtbot, messages):
    dialog = BundleDialog(window)
    qtbot.addWidget(dialog)
    dialog.by_month.setChecked(False)
    dialog.with_audit.setChecked(True)
    out = tmp_path / "bundle.zip"
    dialog.path.setText(str(out))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.counts is not None, timeout=10_000)
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert "audit_log.csv" in zf.namelist()
    assert manifest["audit"] is True
    assert manifest["audit_file"]["entries"] > 0


def test_merge_from_the_menu(window, tmp_path, qtbot, messages):
    dialog = BundleDialog(window)
    qtbot.addWidget(dialog)
    dialog.by_month.setChecked(False)
    out = tmp_path / "bundle.zip"
    dialog.path.setText(str(out))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.counts is not None, timeout=10_000)
    messages["infos"].clear()
    menu.merge_files(window, [str(out)])  # the same data again: nothing changes
    qtbot.waitUntil(lambda: bool(messages["infos"]), timeout=10_000)
    assert "0" in messages["infos"][-1][1]


def test_menu_has_the_actions(window):
    exchange = window.findChild(QMenu, "exchangeMenu")
    names = {a.objectName() for a in exchange.actions()}
    assert {"actionExport", "actionBundle", "actionMerge"} <= names
    importing = exchange.findChild(QMenu, "importMenu")
    assert importing.actions() == []  # named after the exchange's kinds: filled when opened
    importing.aboutToShow.emit()
    importing.aboutToShow.emit()  # a second opening adds nothing
    names = [a.objectName() for a in importing.actions()]
    assert len(names) == 7 and {"actionImport_visits", "actionImport_follow_ups"} <= set(names)
    assert importing.actions()[0].text() == "企业名录…"


def test_filling_the_menu_imports_no_exchange_module(tmp_path):
    """The window fills the menu right after its first paint: that must stay cheap."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from dispatch_app.gui.app import AppController\n"
        "from dispatch_app.gui.settings import Settings\n"
        "from dispatch_app.gui.actions import fill_exchange_menu\n"
        "window = AppController(Settings(Path(sys.argv[1])), 'zh').window\n"
        "window.start_up_finished = True\n"
        "fill_exchange_menu(window)\n"
        "print(sorted(m for m in sys.modules if m.startswith('dispatch_app.exchange')))\n"
    )
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "s.ini")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_follow_ups_export_and_import_from_the_dialogs(window, db_path, tmp_path, qtbot, messages):
    """The follow-up items kind is listed in both dialogs and round-trips through them."""
    import os

    with open_store(db_path) as store:
        items = store.scalar("SELECT count(*) FROM follow_ups")
    assert items
    dialog = ExportDialog(window, "follow_ups")
    qtbot.addWidget(dialog)
    assert dialog.kind.currentData() == "follow_ups" and dialog.kind.currentText() == "跟进事项"
    out = tmp_path / "f.csv"
    dialog.path.setText(str(out))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result_rows is not None, timeout=10_000)
    assert dialog.result_rows == items
    if os.environ.get("DISPATCH_SHOTS"):
        dialog.grab().save(str(Path(os.environ["DISPATCH_SHOTS"]) / "export_follow_ups.png"))

    wizard = menu.open_import_wizard(window, "follow_ups")
    qtbot.addWidget(wizard)
    assert "服务记录编号*" in wizard.file_page.template.text()
    wizard.file_page.path.setText(str(out))
    wizard.file_page.load()
    _next(qtbot, wizard)
    if os.environ.get("DISPATCH_SHOTS"):
        wizard.grab().save(str(Path(os.environ["DISPATCH_SHOTS"]) / "import_follow_ups.png"))
    _next(qtbot, wizard)
    check = wizard.check_page
    qtbot.waitUntil(lambda: check.result is not None, timeout=10_000)
    assert check.problems.rowCount() == 0 and check.isComplete()
    assert check.result.unchanged == items  # the same items: nothing to change
