"""Export and bundle dialogs: the command line's options, gathered in a form, run in a worker."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ... import clock
from ...exchange.bundle import make_bundle
from ...exchange.exporter import ExportOptions, export_kind
from ..dialogs import messages
from ..i18n import pick, tr
from ..workers import Task
from .common import EXPORT_KINDS, district_combo, kind_label


def _date_edit(parent: QWidget, value: date, fmt: str = "yyyy-MM-dd") -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day), parent)
    edit.setDisplayFormat(fmt)
    edit.setCalendarPopup(True)
    return edit


def _to_date(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def _path_row(parent: QWidget, edit: QLineEdit, browse: Any) -> QHBoxLayout:
    row = QHBoxLayout()
    button = QPushButton(tr("Browse…"), parent)
    button.clicked.connect(browse)
    row.addWidget(edit, 1)
    row.addWidget(button)
    return row


def _failed(parent: QWidget, title: str) -> Any:
    def show(exc: BaseException) -> None:
        zh, en = getattr(exc, "zh", None), getattr(exc, "en", None)
        messages.show_error(parent, title, pick(zh, en) if zh and en else str(exc))

    return show


class ExportDialog(QDialog):
    def __init__(self, window: Any, kind: str = "visits", parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("exportDialog")
        self.setWindowTitle(tr("Export a spreadsheet"))
        self.setMinimumWidth(520)
        self.main_window = window
        form = QFormLayout(self)
        self.kind = QComboBox(self)
        for k in EXPORT_KINDS:
            self.kind.addItem(kind_label(k), k)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        form.addRow(tr("What to export"), self.kind)
        self.format = QComboBox(self)
        self.format.addItem(tr("CSV (opens in Excel and WPS)"), "csv")
        self.format.addItem(tr("Excel workbook (XLSX)"), "xlsx")
        form.addRow(tr("Format"), self.format)
        self.encoding = QComboBox(self)
        self.encoding.addItem(tr("UTF-8 with BOM (recommended)"), "utf-8-sig")
        self.encoding.addItem(tr("GB18030 (older software)"), "gb18030")
        form.addRow(tr("Encoding"), self.encoding)
        self.mask = QCheckBox(tr("Hide the middle digits of phone numbers"), self)
        form.addRow(self.mask)
        self.district = district_combo(self, tr("All districts"))
        form.addRow(tr("District"), self.district)
        self.by_date = QCheckBox(tr("Only records dated between"), self)
        today = clock.today()
        self.date_from = _date_edit(self, date(today.year, 1, 1))
        self.date_to = _date_edit(self, today)
        dates = QHBoxLayout()
        dates.addWidget(self.by_date)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(tr("and", "date range"), self))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        form.addRow(dates)
        for edit in (self.date_from, self.date_to):  # only in use when the box is ticked
            edit.setEnabled(False)
            self.by_date.toggled.connect(edit.setEnabled)
        self.path = QLineEdit(self)
        self.path.setObjectName("exportPath")
        form.addRow(tr("Save as"), _path_row(self, self.path, self._browse))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Export"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.result_rows: int | None = None

    def _format_changed(self) -> None:
        self.encoding.setEnabled(self.format.currentData() == "csv")
        text = self.path.text()
        if text:
            self.path.setText(str(Path(text).with_suffix("." + self.format.currentData())))

    def _browse(self) -> None:
        suffix = self.format.currentData()
        name, _ = QFileDialog.getSaveFileName(
            self,
            tr("Export to"),
            f"{self.kind.currentData()}.{suffix}",
            tr("CSV files (*.csv)") if suffix == "csv" else tr("Excel workbooks (*.xlsx)"),
        )
        if name:
            self.path.setText(name)

    def options(self) -> ExportOptions:
        return ExportOptions(
            format=self.format.currentData(),
            encoding=self.encoding.currentData(),
            mask_personal=self.mask.isChecked(),
            district=self.district.currentData(),
            date_from=_to_date(self.date_from) if self.by_date.isChecked() else None,
            date_to=_to_date(self.date_to) if self.by_date.isChecked() else None,
        )

    def start(self) -> None:
        out = self.path.text().strip()
        if not out:
            messages.show_error(self, self.windowTitle(), tr("Choose where to save the file."))
            return
        kind, options = self.kind.currentData(), self.options()

        def work(ctx: Any) -> int:
            return export_kind(
                ctx.store, kind, out, options, progress=lambda n: ctx.report(n, 0)
            ).rows

        self.main_window.run_task(
            Task(
                tr("Exporting…"),
                work,
                db_path=self.main_window.current_store_path(),
                on_done=self._done,
                on_error=_failed(self, self.windowTitle()),
            )
        )

    def _done(self, rows: int) -> None:
        self.result_rows = rows
        messages.show_info(
            self,
            self.windowTitle(),
            tr("{n} rows exported to {path}").format(n=rows, path=self.path.text()),
        )
        self.accept()


class BundleDialog(QDialog):
    """The monthly bundle for the bureau (a .zip), for one district and month."""

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("bundleDialog")
        self.setWindowTitle(tr("Bundle for the bureau"))
        self.setMinimumWidth(460)
        self.main_window = window
        form = QFormLayout(self)
        self.district = district_combo(self, tr("Whole database"))
        form.addRow(tr("District"), self.district)
        self.by_month = QCheckBox(tr("Only one month"), self)
        self.by_month.setChecked(True)
        self.month = _date_edit(self, clock.today(), "yyyy-MM")
        self.by_month.toggled.connect(self.month.setEnabled)
        row = QHBoxLayout()
        row.addWidget(self.by_month)
        row.addWidget(self.month)
        row.addStretch(1)
        form.addRow(row)
        self.with_audit = QCheckBox(tr("Include the audit trail (who changed what)"), self)
        self.with_audit.setObjectName("bundleWithAudit")
        form.addRow(self.with_audit)
        self.path = QLineEdit(self)
        self.path.setObjectName("bundlePath")
        form.addRow(tr("Save as"), _path_row(self, self.path, self._browse))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Create"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.counts: dict[str, int] | None = None

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Save the bundle"), "bundle.zip", tr("Zip files (*.zip)")
        )
        if name:
            self.path.setText(name if name.lower().endswith(".zip") else name + ".zip")

    def start(self) -> None:
        out = self.path.text().strip()
        if not out:
            messages.show_error(self, self.windowTitle(), tr("Choose where to save the file."))
            return
        district = self.district.currentData()
        month = _to_date(self.month).strftime("%Y-%m") if self.by_month.isChecked() else None
        with_audit = self.with_audit.isChecked()

        def work(ctx: Any) -> dict[str, int]:
            return make_bundle(
                ctx.store, out, district=district, month=month, with_audit=with_audit
            ).counts

        self.main_window.run_task(
            Task(
                tr("Creating the bundle…"),
                work,
                db_path=self.main_window.current_store_path(),
                on_done=self._done,
                on_error=_failed(self, self.windowTitle()),
            )
        )

    def _done(self, counts: dict[str, int]) -> None:
        self.counts = counts
        lines = "\n".join(f"{kind_label(k)}: {n}" for k, n in counts.items())
        messages.show_info(
            self,
            self.windowTitle(),
            tr("Bundle written to {path}").format(path=self.path.text()) + "\n" + lines,
        )
        self.accept()
