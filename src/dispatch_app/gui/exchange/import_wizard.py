"""The import wizard: pick a file, map its columns, check it, import it.

Pages: 1 file (kind, file, detected encoding, sheet) → 2 columns (each file column mapped to a
template field, pre-filled from the headers, with a preview of the first rows) → 3 check (a dry
run in a worker: every problem listed by row, a button to save the error report, the policy for
existing records) → 4 import (in a worker with progress and Cancel, then the summary).
All the rules live in ``dispatch_app.exchange``; the wizard only gathers choices and shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ...exchange.columns import SPECS, match_headers
from ...exchange.importer import ImportOptions, ImportResult, import_file, preview
from ...exchange.readers import FileRejected
from ..i18n import pick, tr
from ..workers import Task
from .common import IMPORT_KINDS, fill_problems, kind_label, problems_table, save_error_report

PREVIEW_ROWS = 10
PREVIEW_MAX_WIDTH = 260  # pixels: a longer cell elides


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(tr("Choose the file"))
        self.setSubTitle(tr("CSV (UTF-8 or GB18030/GBK) or Excel XLSX, with a header row."))
        form = QFormLayout(self)
        self.kind = QComboBox(self)
        self.kind.setObjectName("importKind")
        for kind in IMPORT_KINDS:
            self.kind.addItem(kind_label(kind), kind)
        form.addRow(tr("What the file holds"), self.kind)
        row = QHBoxLayout()
        self.path = QLineEdit(self)
        self.path.setObjectName("importPath")
        browse = QPushButton(tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(tr("File"), row)
        self.sheet = QComboBox(self)
        self.sheet.setObjectName("importSheet")
        self.sheet.setEnabled(False)
        form.addRow(tr("Sheet"), self.sheet)
        self.info = QLabel(self)
        self.info.setObjectName("importFileInfo")
        self.info.setWordWrap(True)
        form.addRow(tr("Detected"), self.info)
        self.template = QLabel(self)
        self.template.setObjectName("importTemplate")
        self.template.setWordWrap(True)
        self.template.setStyleSheet("color: #555;")
        form.addRow(tr("Columns"), self.template)
        self.path.editingFinished.connect(self.load)
        self.kind.currentIndexChanged.connect(lambda _i: self.load())
        self.kind.currentIndexChanged.connect(lambda _i: self._show_template())
        self._show_template()
        self.load()

    def _show_template(self) -> None:
        """What a file of this kind should hold: the template's columns, required ones marked."""
        spec = SPECS[self.kind.currentData()]
        names = [
            pick(c.zh, c.en) + ("*" if c.required else "") for c in spec.columns if not c.merge
        ]
        self.template.setText(
            "、".join(names)
            + "\n"
            + tr("* required. Headers may be in any order; other columns are ignored.")
        )
        self.sheet.activated.connect(lambda _i: self.load(keep_sheet=True))

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            tr("Choose the file to import"),
            "",
            tr("Spreadsheets (*.csv *.xlsx *.xlsm *.txt);;All files (*)"),
        )
        if name:
            self.path.setText(name)
            self.load()

    def load(self, keep_sheet: bool = False) -> None:
        """Open the file far enough to show its encoding, sheets, headers and first rows."""
        self.wiz.loaded = None
        text = self.path.text().strip()
        if not text:
            self.info.setText(tr("Choose a file: its encoding and header row are shown here."))
            self.completeChanged.emit()
            return
        sheet = self.sheet.currentText() if keep_sheet and self.sheet.count() else None
        try:
            table, header_row, headers, rows = preview(
                Path(text), self.kind.currentData(), sheet=sheet, rows=PREVIEW_ROWS
            )
        except FileRejected as exc:
            self.info.setText(pick(exc.zh, exc.en))
            self.completeChanged.emit()
            return
        if not keep_sheet:
            self.sheet.clear()
            self.sheet.addItems(table.sheets)
            if table.sheet:
                self.sheet.setCurrentText(table.sheet)
        self.sheet.setEnabled(table.format == "xlsx" and len(table.sheets) > 1)
        self.info.setText(
            tr("{source}; header in row {row}, {n} columns").format(
                source=table.encoding_label, row=header_row, n=len(headers)
            )
        )
        self.wiz.loaded = {
            "table": table,
            "header_row": header_row,
            "headers": headers,
            "rows": rows,
        }
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.wiz.loaded is not None


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(tr("Match the columns"))
        self.setSubTitle(
            tr("Each column of the file feeds one field; unmatched columns are ignored.")
        )
        layout = QVBoxLayout(self)
        self.columns = QTableWidget(0, 3, self)
        self.columns.setObjectName("importColumns")
        self.columns.setHorizontalHeaderLabels(
            [tr("Column in the file"), tr("Field"), tr("First values")]
        )
        self.columns.horizontalHeader().setStretchLastSection(True)
        self.columns.verticalHeader().hide()
        layout.addWidget(self.columns, 3)
        self.missing = QLabel(self)
        self.missing.setObjectName("importMissing")
        self.missing.setWordWrap(True)
        layout.addWidget(self.missing)
        self.preview = QTableWidget(0, 0, self)
        self.preview.setObjectName("importPreview")
        # Its rows are the first rows below the header (blank rows are skipped, so a row
        # number here could disagree with the spreadsheet's: none is shown).
        self.preview.verticalHeader().hide()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(QLabel(tr("First rows of the file"), self))
        layout.addWidget(self.preview, 2)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        loaded = self.wiz.loaded or {}
        headers: list[str] = loaded.get("headers", [])
        rows: list[list[str]] = loaded.get("rows", [])
        spec = SPECS[self.wiz.kind]
        matched = match_headers(spec, headers).fields
        self.columns.setRowCount(len(headers))
        self.combos = []
        for i, header in enumerate(headers):
            self.columns.setItem(i, 0, QTableWidgetItem(header))
            combo = QComboBox(self.columns)
            combo.addItem(tr("(ignore)"), "")
            for col in spec.columns:
                combo.addItem(pick(col.zh, col.en), col.field)
            combo.setCurrentIndex(max(combo.findData(matched.get(i, "")), 0))
            combo.currentIndexChanged.connect(lambda _i: self._changed())
            self.columns.setCellWidget(i, 1, combo)
            self.combos.append(combo)
            sample = "、".join(r[i] for r in rows[:3] if i < len(r) and r[i])
            self.columns.setItem(i, 2, QTableWidgetItem(sample))
        self.columns.resizeColumnsToContents()
        if self.combos:  # a cell widget is not measured by resizeColumnsToContents
            widest = max(c.sizeHint().width() for c in self.combos)
            self.columns.setColumnWidth(1, max(self.columns.columnWidth(1), widest))
        self.preview.setColumnCount(len(headers))
        self.preview.setHorizontalHeaderLabels(headers)
        self.preview.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, value in enumerate(cells[: len(headers)]):
                self.preview.setItem(r, c, QTableWidgetItem(value))
        # Whole values (an 18-character code must be checkable by eye); very long text elides.
        self.preview.resizeColumnsToContents()
        for c in range(self.preview.columnCount()):
            self.preview.setColumnWidth(c, min(self.preview.columnWidth(c), PREVIEW_MAX_WIDTH))
        self._changed()

    def mapping(self) -> dict[int, str]:
        return {
            i: combo.currentData() for i, combo in enumerate(self.combos) if combo.currentData()
        }

    def _problems(self) -> list[str]:
        spec = SPECS[self.wiz.kind]
        chosen = list(self.mapping().values())
        out = [pick(c.zh, c.en) for c in spec.columns if c.required and c.field not in chosen]
        twice = sorted({f for f in chosen if chosen.count(f) > 1})
        out += [
            tr("{field} (chosen twice)").format(field=pick(spec.column(f).zh, spec.column(f).en))
            for f in twice
        ]
        if spec.one_of and not any(f in chosen for f in spec.one_of):
            out.append(" / ".join(pick(spec.column(f).zh, spec.column(f).en) for f in spec.one_of))
        return out

    def _changed(self) -> None:
        problems = self._problems()
        self.missing.setText(
            tr("Still needed: {fields}").format(fields="、".join(problems)) if problems else ""
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.combos) and not self._problems()


class CheckPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(tr("Check the rows"))
        self.setSubTitle(
            tr(
                "Nothing is written yet. Every problem is listed with its row as "
                "the spreadsheet numbers it."
            )
        )
        self.setButtonText(QWizard.WizardButton.NextButton, tr("Import"))
        layout = QVBoxLayout(self)
        options = QFormLayout()
        self.on_existing = QComboBox(self)
        self.on_existing.setObjectName("importOnExisting")
        self.on_existing.addItem(tr("Update them"), "update")
        self.on_existing.addItem(tr("Leave them as they are"), "skip")
        options.addRow(tr("Records already in the database"), self.on_existing)
        self.skip_invalid = QCheckBox(
            tr("Import the valid rows and skip the rows with problems"), self
        )
        self.skip_invalid.setObjectName("importSkipInvalid")
        options.addRow(self.skip_invalid)
        layout.addLayout(options)
        self.summary = QLabel(self)
        self.summary.setObjectName("importCheckSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.problems = problems_table(self)
        layout.addWidget(self.problems, 1)
        row = QHBoxLayout()
        self.recheck = QPushButton(tr("Check again"), self)
        self.recheck.clicked.connect(self.run_check)
        self.save = QPushButton(tr("Save the error report…"), self)
        self.save.setObjectName("importSaveReport")
        self.save.clicked.connect(self._save)
        row.addWidget(self.recheck)
        row.addStretch(1)
        row.addWidget(self.save)
        layout.addLayout(row)
        self.result: ImportResult | None = None
        self.skip_invalid.toggled.connect(lambda _on: self.completeChanged.emit())
        self.on_existing.currentIndexChanged.connect(lambda _i: self.run_check())

    def initializePage(self) -> None:
        self.run_check()

    def run_check(self) -> None:
        self.result = None
        self.save.setEnabled(False)
        self.summary.setText(tr("Checking…"))
        self.completeChanged.emit()
        self.wiz.run(tr("Checking the file…"), self.wiz.options(dry_run=True), self._checked)

    def _checked(self, result: ImportResult) -> None:
        self.result = result
        fill_problems(self.problems, result.problems)
        self.save.setEnabled(bool(result.problems))
        if result.problems:
            text = tr(
                "{rows} rows read: {bad} rows have {n} problems; {ok} would be imported "
                "with “skip”."
            ).format(rows=result.rows, bad=result.rejected, n=len(result.problems), ok=result.added)
        else:
            text = tr(
                "{rows} rows read, no problems: {added} new, {updated} updated, "
                "{unchanged} unchanged, {skipped} left as they are."
            ).format(
                rows=result.rows,
                added=result.added,
                updated=result.updated,
                unchanged=result.unchanged,
                skipped=result.skipped,
            )
        notes = "\n".join(result.notes)
        self.summary.setText(text + ("\n" + notes if notes else ""))
        self.completeChanged.emit()

    def _save(self) -> None:
        if self.result is not None:
            save_error_report(self, self.result.problems)

    def isComplete(self) -> bool:
        if self.result is None or (self.result.rows == 0 and self.result.problems):
            return False
        return self.result.ok or self.skip_invalid.isChecked()


class ResultPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(tr("Import"))
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("importResultSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.result: ImportResult | None = None
        self.failed = False

    def initializePage(self) -> None:
        self.result = None
        self.summary.setText(tr("Importing…"))
        self.wiz.run(
            tr("Importing…"), self.wiz.options(dry_run=False), self._done, on_cancel=self._cancelled
        )

    def _done(self, result: ImportResult) -> None:
        self.result = result
        if result.written:
            self.summary.setText(
                tr(
                    "Imported: {added} new, {updated} updated, {unchanged} unchanged, "
                    "{skipped} left as they are, {rejected} rows skipped."
                ).format(
                    added=result.added,
                    updated=result.updated,
                    unchanged=result.unchanged,
                    skipped=result.skipped,
                    rejected=result.rejected,
                )
            )
            self.wiz.refresh()
        elif result.problems:
            self.summary.setText(tr("Nothing was imported: the file has problems."))
        else:
            self.summary.setText(tr("Nothing to import: every record is already up to date."))
        self.completeChanged.emit()

    def _cancelled(self) -> None:
        self.summary.setText(tr("Cancelled: nothing was imported."))
        self.result = ImportResult(kind=self.wiz.kind, path="")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.result is not None


class ImportWizard(QWizard):
    """``window`` gives the database path and the worker; ``kind``/``path`` preselect."""

    def __init__(
        self,
        window: Any,
        kind: str = "enterprises",
        path: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent or window)
        self.setObjectName("importWizard")
        self.setWindowTitle(tr("Import a spreadsheet"))
        self.main_window = window
        self.loaded: dict | None = None
        self.setMinimumSize(760, 560)
        self.resize(900, 640)  # the columns of a typical file fit without scrolling
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        self.result_page = ResultPage(self)
        for page in (self.file_page, self.mapping_page, self.check_page, self.result_page):
            self.addPage(page)
        self.file_page.kind.setCurrentIndex(max(self.file_page.kind.findData(kind), 0))
        if path:
            self.file_page.path.setText(path)
            self.file_page.load()

    @property
    def kind(self) -> str:
        return self.file_page.kind.currentData()

    def options(self, *, dry_run: bool) -> ImportOptions:
        loaded = self.loaded or {}
        table = loaded.get("table")
        return ImportOptions(
            dry_run=dry_run,
            skip_invalid=self.check_page.skip_invalid.isChecked(),
            on_existing=self.check_page.on_existing.currentData(),
            sheet=table.sheet if table is not None else None,
            mapping=self.mapping_page.mapping(),
            header_row=loaded.get("header_row"),
        )

    def run(self, title: str, options: ImportOptions, on_done: Any, on_cancel: Any = None) -> None:
        kind, path = self.kind, self.file_page.path.text().strip()

        def work(ctx: Any) -> ImportResult:
            options.progress = ctx.report
            return import_file(ctx.store, kind, path, options)

        self.main_window.run_task(
            Task(
                title,
                work,
                db_path=self.main_window.current_store_path(),
                on_done=on_done,
                on_cancel=on_cancel,
            )
        )

    def refresh(self) -> None:
        refresh = getattr(self.main_window, "refresh_pages", None)
        if refresh is not None:
            refresh()
