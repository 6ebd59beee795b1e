"""The Reports page driven like a user: choose, generate (off the UI thread), look at the
preview, save, print, cancel."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from dispatch_app import clock
from dispatch_app.store import report_rows
from support.pdf import pdf_pages


def _page(window, qtbot):
    page = window.show_page("reports")
    assert page.store is window.store
    return page


def _generate(page, qtbot, timeout: int = 20_000) -> str:
    ended = []
    page.generation_ended.connect(ended.append)
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(ended), timeout=timeout)
    qtbot.waitUntil(lambda: not page.pending_work(), timeout=timeout)
    return ended[0]


def _choose(page, kind: str) -> None:
    page.kind_box.setCurrentIndex(page.kind_box.findData(kind))


def _period(window, days: int = 40) -> tuple[str, str, list[str]]:
    today = clock.today()
    lo, hi = (today - timedelta(days=days)).isoformat(), today.isoformat()
    ids = report_rows.visit_ids(window.store, date_from=lo, date_to=hi)
    return lo, hi, ids


def test_a_visit_batch_previews_one_page_a_visit_and_saves(window, qtbot, tmp_path, monkeypatch):
    page = _page(window, qtbot)
    lo, hi, ids = _period(window)
    assert len(ids) >= 5
    _choose(page, "visits")
    page.from_edit.setText(lo)
    page.to_edit.setText(hi)
    assert _generate(page, qtbot) == "done"
    assert page.preview.page_count() == len(ids) == page.result.pages
    assert f"1 / {len(ids)}" in page.preview.page_label.text()
    assert page.preview.has_image(0)
    assert page.save_button.isEnabled() and page.print_button.isEnabled()

    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "visits.pdf"
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), "")
    )
    page.save_button.setFocus()
    qtbot.keyClick(page.save_button, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert out.exists()
    texts = pdf_pages(out.read_bytes())
    assert len(texts) == len(ids)
    names = {v["enterprise"] for v in report_rows.visits(window.store, ids)}
    for name in names:
        assert any(name in t for t in texts), name
    assert [p.name for p in out.parent.iterdir()] == ["visits.pdf"]  # no temporary left


def test_page_x_of_y_follows_the_next_button_and_zoom(window, qtbot):
    page = _page(window, qtbot)
    lo, hi, ids = _period(window)
    page.from_edit.setText(lo)
    page.to_edit.setText(hi)
    assert _generate(page, qtbot) == "done"
    preview = page.preview
    qtbot.mouseClick(preview.next_button, Qt.MouseButton.LeftButton)
    assert preview.current_page() == 1
    assert f"2 / {len(ids)}" in preview.page_label.text()
    width = preview.page_width()
    preview.zoom_box.setCurrentIndex(preview.zoom_box.findData(0.5))
    qtbot.waitUntil(lambda: not preview.pending_work(), timeout=10_000)
    assert abs(preview.page_width() - width / 2) <= 1
    assert preview.has_image(1)
    assert preview.current_page() == 1  # the page in view stays in view


def test_far_pages_are_drawn_when_reached_and_dropped_when_left(window, qtbot, monkeypatch):
    from dispatch_app.gui import pdf_preview

    monkeypatch.setattr(pdf_preview, "KEEP_RENDERED", 2)
    page = _page(window, qtbot)
    lo, hi, ids = _period(window)
    page.from_edit.setText(lo)
    page.to_edit.setText(hi)
    assert _generate(page, qtbot) == "done"
    preview = page.preview
    assert preview.has_image(0) and not preview.has_image(len(ids) - 1)
    preview.go_to(len(ids) - 1)
    assert f"{len(ids)} / {len(ids)}" in preview.page_label.text()
    qtbot.waitUntil(lambda: not preview.pending_work(), timeout=10_000)
    assert preview.has_image(len(ids) - 1)
    assert not preview.has_image(0)  # memory stays bounded on a long batch


def test_cancel_makes_nothing_and_leaves_no_file(window, qtbot, tmp_path, monkeypatch):
    page = _page(window, qtbot)
    _choose(page, "visits")
    page.year_box.setCurrentIndex(0)
    ended = []
    page.generation_ended.connect(ended.append)
    task = page.generate()
    assert task is not None and page.cancel_button.isEnabled()
    assert not page.generate_button.isEnabled()
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(ended), timeout=20_000)
    assert ended == ["cancelled"]
    assert page.pdf_data is None and page.preview.page_count() == 0
    assert not page.save_button.isEnabled()
    called = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName",
        lambda *a, **k: called.append(1) or (str(tmp_path / "x.pdf"), ""),
    )
    assert page.save_current() is False and not called
    assert "先生成文档" in page.state_label.text()
    assert list(tmp_path.glob("*.pdf*")) == []
    assert page.generate_button.isEnabled()


def test_print_to_a_pdf_printer(window, qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from dispatch_app.gui.pdf_print import prepare

    page = _page(window, qtbot)
    lo, hi, ids = _period(window, days=10)
    page.from_edit.setText(lo)
    page.to_edit.setText(hi)
    assert _generate(page, qtbot) == "done"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    prepare(printer, page.preview.pages)
    task = page.print_document(printer)
    assert task is not None
    qtbot.waitUntil(lambda: page._print_task is None, timeout=30_000)
    assert "已送打印机" in page.state_label.text()
    from pypdf import PdfReader

    reader = PdfReader(str(out))
    assert len(reader.pages) == len(ids)
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 2 and abs(float(box.height) - 841.9) < 2  # A4


def test_ctrl_p_opens_the_print_dialog(window, qtbot, monkeypatch):
    page = _page(window, qtbot)
    lo, hi, _ids = _period(window, days=10)
    page.from_edit.setText(lo)
    page.to_edit.setText(hi)
    assert _generate(page, qtbot) == "done"
    from PySide6.QtPrintSupport import QPrintDialog

    asked = []

    def exec_(dialog):
        asked.append((dialog.printer().fromPage(), dialog.printer().toPage()))
        return QPrintDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    page.kind_box.setFocus()
    qtbot.keyClick(page.kind_box, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert asked == [(1, page.preview.page_count())]
    assert page._print_task is None  # rejected: nothing printed


def test_a_bad_date_is_named_and_nothing_runs(window, qtbot):
    page = _page(window, qtbot)
    _choose(page, "visits")
    page.from_edit.setText("2026-13-45")
    assert page.generate() is None
    assert "2026-13-45" in page.state_label.text()
    assert not page.busy()


def test_gaps_are_listed_and_the_brief_takes_no_ids(window, qtbot):
    page = _page(window, qtbot)
    _choose(page, "cases")
    page.year_box.setCurrentIndex(page.year_box.findData(clock.today().year))
    assert _generate(page, qtbot) == "done"
    lines = page.warning_lines()
    assert any("未填写" in line for line in lines), lines  # the case leaves figures empty
    _choose(page, "brief")
    assert not page.ids_edit.isEnabled() and not page.from_edit.isEnabled()
    assert _generate(page, qtbot) == "done"
    assert page.preview.page_count() == page.result.pages >= 1  # the new document, whole


def test_print_selected_visits_from_the_visits_page(window, qtbot):
    visits = window.show_page("visits")
    qtbot.waitUntil(lambda: visits.model.rowCount() >= 3, timeout=5000)
    assert not visits.print_button.isEnabled()
    visits.view.selectRow(0)
    assert visits.print_button.text() == "打印此服务记录"
    flag = visits.view.selectionModel().SelectionFlag
    for row in (1, 2):
        visits.view.selectionModel().select(visits.model.index(row, 0), flag.Select | flag.Rows)
    wanted = [visits.model.id_at(r) for r in range(3)]
    assert "3" in visits.print_button.text()
    visits.view.setFocus()
    qtbot.keyClick(visits.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    page = window.pages["reports"]
    assert window.current_page_key() == "reports"
    assert page.kind() == "visits" and page.scope().ids == tuple(wanted)
    assert not page.from_edit.isEnabled() and not page.district_box.isEnabled()  # ids win
    qtbot.waitUntil(lambda: page.result is not None and not page.pending_work(), timeout=20_000)
    assert page.preview.page_count() == 3
    texts = pdf_pages(page.pdf_data)
    for text, visit in zip(texts, report_rows.visits(window.store, wanted), strict=True):
        assert visit["enterprise"] in text


def test_print_this_case_from_the_cases_page(window, qtbot):
    cases = window.show_page("cases")
    qtbot.waitUntil(lambda: cases.model.rowCount() >= 1, timeout=5000)
    cases.view.selectRow(0)
    assert cases.print_button.isEnabled()
    qtbot.mouseClick(cases.print_button, Qt.MouseButton.LeftButton)
    page = window.pages["reports"]
    assert window.current_page_key() == "reports" and page.kind() == "cases"
    qtbot.waitUntil(lambda: page.result is not None and not page.pending_work(), timeout=20_000)
    assert "正泰电气生产线智能化改造" in "".join(pdf_pages(page.pdf_data))


def test_the_window_starts_up_on_the_reports_page(controller, db_path, qtbot):
    """Opened last on this page: the window still reaches "ready" (the page says painted)."""
    w = controller.window
    w.show_page("reports")
    w.show()
    with qtbot.waitSignal(w.ready, timeout=10_000):
        w.open_database(db_path)
    assert w.current_page_key() == "reports" and w.pages["reports"].store is w.store


def test_a_second_preset_while_generating_replaces_the_first(window, qtbot):
    page = _page(window, qtbot)
    lo, hi, ids = _period(window)
    page.from_edit.setText(lo)
    page.to_edit.setText(hi)
    ended = []
    page.generation_ended.connect(ended.append)
    assert page.generate() is not None  # the whole period...
    page.preset("visits", ids[:2])  # ...then two visits chosen on the visits page
    qtbot.waitUntil(lambda: len(ended) >= 2 and not page.pending_work(), timeout=20_000)
    assert page.scope().ids == tuple(ids[:2])
    assert page.preview.page_count() == 2 == page.result.pages
