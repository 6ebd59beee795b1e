"""报表打印: choose a document and its scope, generate it off the UI thread, look at it, then
save it as a PDF or print it.

The document is laid out once, in memory, by ``reports.documents.generate_bytes`` (the same
builder as ``dispatch-app report``) in a worker with its own database connection; the worker
also opens it with pdfium and draws the first pages, so the preview appears with the result.
Save writes those very bytes (atomically, ``documents.save_pdf``); Print rasterises the pages
for the printer in a worker (``gui/pdf_print.py``). What the layout reported -- characters no
font holds, fields left empty -- is listed under the controls, as the CLI prints it.
The record pages open this page preset ("print this visit"): :meth:`preset`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ... import clock
from ..i18n import N_, pick, tr
from ..pdf_preview import PdfPreview
from ..workers import Task, TaskRunner

KINDS = ("visits", "cases", "brief", "assessment")
# Which scope fields each document reads (the others are greyed out).
_FIELDS = {
    "visits": {"district", "year", "date_from", "date_to", "ids"},
    "cases": {"district", "year", "ids"},
    "brief": {"district", "year", "date_to"},
    "assessment": {"district", "year", "ids"},
}
_IDS_HINT = {
    "visits": N_("Visit ids, separated by commas (empty: the period)"),
    "cases": N_("Case ids, separated by commas (empty: approved cases of the year)"),
    "assessment": N_("Appointment ids, separated by commas (empty: the year's)"),
    "brief": N_("The brief is not chosen by ids"),
}
FIRST_PAGES = 2  # pages the generating worker draws, so the preview is not blank at first


class ScopeError(ValueError):
    """A scope field the user typed that cannot be read (shown beside Generate)."""


class ReportsPage(QWidget):
    key = "reports"
    rows_painted = Signal()
    status_message = Signal(str)
    generated = Signal(int)  # pages; the preview has the document
    generation_ended = Signal(str)  # "done", "cancelled" or "failed"

    def __init__(self, window: Any) -> None:
        super().__init__()
        self.window_ = window
        self.store: Any = None
        self.setObjectName("page_reports")
        self.result: Any = None  # the BuildResult of the document in the preview
        self.pdf_data: bytes | None = None
        self.kind_shown: str | None = None
        self._task: Task | None = None
        self._print_task: Task | None = None
        self._regenerate = False  # a preset arrived while a document was being made
        self._printer: Any = None
        self._runner = TaskRunner(self)
        self._build()
        self._kind_changed()
        self._update_actions()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QHBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(split)
        left.setMinimumWidth(300)
        left.setMaximumWidth(420)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 8, 0)
        heading = QLabel(tr("Print reports"), left)
        heading.setStyleSheet("font-size: 17px; font-weight: bold;")
        column.addWidget(heading)
        form = QFormLayout()
        self.kind_box = QComboBox(left)
        self.kind_box.setObjectName("reportKind")
        from ...reports.documents import TITLES

        for kind in KINDS:
            self.kind_box.addItem(pick(*TITLES[kind]), kind)
        self.kind_box.currentIndexChanged.connect(lambda _i: self._kind_changed())
        form.addRow(tr("Document"), self.kind_box)
        self.district_box = QComboBox(left)
        self.district_box.setObjectName("reportDistrict")
        self.district_box.addItem(tr("This database's scope"), None)
        form.addRow(tr("District"), self.district_box)
        self.year_box = QComboBox(left)
        self.year_box.setObjectName("reportYear")
        this_year = clock.today().year
        for y in range(this_year, this_year - 6, -1):
            self.year_box.addItem(str(y), y)
        form.addRow(tr("Year"), self.year_box)
        self.from_edit = QLineEdit(left)
        self.from_edit.setObjectName("reportFrom")
        self.from_edit.setPlaceholderText(tr("e.g. 2026-05-01 (empty: the year)"))
        form.addRow(tr("From date"), self.from_edit)
        self.to_edit = QLineEdit(left)
        self.to_edit.setObjectName("reportTo")
        self.to_edit.setPlaceholderText(tr("e.g. 2026-05-31 (empty: the year)"))
        form.addRow(tr("To date"), self.to_edit)
        self.ids_edit = QLineEdit(left)
        self.ids_edit.setObjectName("reportIds")
        self.ids_edit.setClearButtonEnabled(True)
        self.ids_edit.textChanged.connect(lambda _t: self._kind_changed())
        form.addRow(tr("Records"), self.ids_edit)
        self.field_widgets = {
            "district": self.district_box,
            "year": self.year_box,
            "date_from": self.from_edit,
            "date_to": self.to_edit,
            "ids": self.ids_edit,
        }
        column.addLayout(form)

        buttons = QHBoxLayout()
        self.generate_button = QPushButton(tr("Generate"), left)
        self.generate_button.setObjectName("generateButton")
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(lambda: self.generate())
        self.cancel_button = QPushButton(tr("Cancel"), left)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addWidget(self.generate_button)
        buttons.addWidget(self.cancel_button)
        column.addLayout(buttons)
        self.progress = QProgressBar(left)
        self.progress.setObjectName("reportProgress")
        self.progress.setTextVisible(True)
        column.addWidget(self.progress)
        self.state_label = QLabel(left)
        self.state_label.setObjectName("reportState")
        self.state_label.setWordWrap(True)
        column.addWidget(self.state_label)

        out = QHBoxLayout()
        self.save_button = QPushButton(tr("Save as PDF…"), left)
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(lambda: self.save_pdf())
        self.print_button = QPushButton(tr("Print…"), left)
        self.print_button.setObjectName("printButton")
        self.print_button.setToolTip("Ctrl+P")
        self.print_button.clicked.connect(lambda: self.print_document())
        out.addWidget(self.save_button)
        out.addWidget(self.print_button)
        column.addLayout(out)

        column.addWidget(QLabel(tr("Warnings from the layout"), left))
        self.warnings = QPlainTextEdit(left)  # wraps long lines (a list view elides them)
        self.warnings.setObjectName("reportWarnings")
        self.warnings.setReadOnly(True)
        column.addWidget(self.warnings, 1)
        split.addWidget(left)

        self.preview = PdfPreview(split)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([330, 880])
        outer.addWidget(split)

        # Ctrl+S is the window's Save, which calls save_current() below.
        for keys, name in (
            ("Ctrl+P", "print_document"),
            ("Ctrl+Return", "generate"),
            ("Ctrl+Enter", "generate"),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=name: getattr(self, n)())

    # -- state -----------------------------------------------------------------------------
    def kind(self) -> str:
        return self.kind_box.currentData()

    def _kind_changed(self) -> None:
        fields = _FIELDS[self.kind()]
        by_ids = "ids" in fields and bool(self.ids_edit.text().strip())
        for name, widget in self.field_widgets.items():
            # Chosen records win over district and period: those are greyed out meanwhile.
            widget.setEnabled(name in fields and (name == "ids" or not by_ids))
        self.ids_edit.setPlaceholderText(tr(_IDS_HINT[self.kind()]))

    def busy(self) -> bool:
        return self._task is not None

    def _update_actions(self) -> None:
        busy = self.busy()
        ready = self.pdf_data is not None and not busy
        self.generate_button.setEnabled(not busy and self.store is not None)
        self.cancel_button.setEnabled(busy)
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready and self._print_task is None)

    def pending_work(self) -> bool:
        """True while a document is being laid out or its pages drawn (screenshots wait)."""
        return self.busy() or self.preview.pending_work()

    def scope(self) -> Any:
        """The scope the controls describe; ScopeError names a field that cannot be read."""
        from ...domain.dates import parse_date
        from ...domain.problems import InvalidValue
        from ...reports.documents import Scope

        fields = _FIELDS[self.kind()]

        def day(edit: QLineEdit, name: str) -> date | None:
            text = edit.text().strip()
            if name not in fields or not text:
                edit.setStyleSheet("")
                return None
            try:
                value = parse_date(text)
            except InvalidValue:
                edit.setStyleSheet("border: 1px solid #b00020;")
                raise ScopeError(tr("Not a date: {text}").format(text=text)) from None
            edit.setStyleSheet("")
            return value

        ids: tuple[str, ...] = ()
        if "ids" in fields:
            raw = self.ids_edit.text().replace("，", ",").replace("、", ",")
            ids = tuple(i.strip() for i in raw.split(",") if i.strip())
        return Scope(
            district_code=self.district_box.currentData()
            if "district" in fields and not ids
            else None,
            date_from=day(self.from_edit, "date_from"),
            date_to=day(self.to_edit, "date_to"),
            year=self.year_box.currentData() if "year" in fields else None,
            ids=ids,
        )

    # -- data ------------------------------------------------------------------------------
    def set_store(self, store: Any) -> None:
        from ...services.lookup import district_options

        self.cancel()
        self.store = store
        current = self.district_box.currentData()
        self.district_box.blockSignals(True)
        while self.district_box.count() > 1:
            self.district_box.removeItem(1)
        for o in district_options(store) if store is not None else []:
            self.district_box.addItem(o.text, o.id)
        self.district_box.setCurrentIndex(max(self.district_box.findData(current), 0))
        self.district_box.blockSignals(False)
        self._forget_document()
        self.state_label.setText(tr("Choose a document and press Generate."))
        self._update_actions()
        # Nothing to load: the page is ready once painted (the window's start-up and the
        # self-test wait for this signal).
        QTimer.singleShot(0, self, self.rows_painted.emit)

    def reload(self) -> None:
        """Data changed: the document on screen is what was printed then; nothing to redo."""

    def _forget_document(self) -> None:
        self.result = None
        self.pdf_data = None
        self.kind_shown = None
        self.preview.clear()
        self.warnings.clear()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)

    def preset(self, kind: str, ids: list[str] | tuple[str, ...], generate: bool = True) -> None:
        """Open on one document for chosen records (the record pages' print buttons)."""
        self.kind_box.setCurrentIndex(max(self.kind_box.findData(kind), 0))
        self.ids_edit.setText(", ".join(ids))
        if generate and self.busy():
            self._regenerate = True  # the new choice replaces the document being made
            self.cancel()
        elif generate:
            self.generate()

    def _ended(self, how: str) -> None:
        self._update_actions()
        self.generation_ended.emit(how)
        if self._regenerate:
            self._regenerate = False
            QTimer.singleShot(0, self, self.generate)

    # -- generate --------------------------------------------------------------------------
    def generate(self) -> Task | None:
        """Lay the document out in a worker; the preview shows it when done."""
        if self.store is None or self.busy():
            return None
        try:
            scope = self.scope()
        except ScopeError as exc:
            self.state_label.setText(str(exc))
            return None
        kind, as_of = self.kind(), clock.today()
        dpr = self.preview.devicePixelRatioF()
        first = FIRST_PAGES if self.preview.zoom == 1.0 else 0

        def work(ctx: Any) -> Any:
            from ...reports.documents import BuildCancelled, expected_pages, generate_bytes
            from ..pdf_pages import PdfPages
            from ..pdf_preview import SCREEN_DPI
            from ..workers import Cancelled

            total = expected_pages(ctx.store, kind, scope, as_of=as_of)
            ctx.report(0, total)
            try:
                result, data = generate_bytes(
                    ctx.store,
                    kind,
                    scope,
                    as_of=as_of,
                    progress=lambda n: ctx.report(n, total),
                    cancelled=lambda: ctx.cancelled,
                )
            except BuildCancelled:
                raise Cancelled() from None
            pages = PdfPages(data)
            images = {i: pages.render(i, SCREEN_DPI * dpr) for i in range(min(first, pages.count))}
            return result, data, pages, images

        self._forget_document()
        self.progress.setRange(0, 0)  # busy until the first progress report
        self.state_label.setText(tr("Laying out the document…"))
        task = Task(
            tr("Generating the document…"),
            work,
            db_path=str(self.store.path),
            on_done=lambda r: self._done(task, kind, r),
            on_error=lambda exc: self._failed(task, exc),
            on_cancel=lambda: self._cancelled(task),
        )
        task.signals.progress.connect(self._on_progress)
        self._task = task
        self._update_actions()
        self._runner.run(task, show_after_ms=None)
        return task

    def _on_progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
            self.progress.setFormat(tr("%v of %m pages"))
        elif done:
            self.progress.setRange(0, 0)
        if done:
            self.state_label.setText(tr("Laying out the document… {n} pages").format(n=done))

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.state_label.setText(tr("Cancelling…"))

    def _done(self, task: Task, kind: str, payload: Any) -> None:
        if task is not self._task:
            return
        self._task = None
        from ...reports.documents import TITLES

        result, data, pages, images = payload
        self.result, self.pdf_data, self.kind_shown = result, data, kind
        self.preview.set_document(pages, images)
        self.progress.setRange(0, max(result.pages, 1))
        self.progress.setValue(max(result.pages, 1))
        self.progress.setFormat(tr("%v of %m pages"))
        if result.pages == 0 or not data:
            self.state_label.setText(tr("Nothing to print for this choice."))
        else:
            self.state_label.setText(
                tr("{title}: {n} pages. Save it as a PDF (Ctrl+S) or print it (Ctrl+P).").format(
                    title=pick(*TITLES[kind]), n=result.pages
                )
            )
        self._show_warnings(result)
        self.generated.emit(result.pages)
        self._ended("done")

    def _show_warnings(self, result: Any) -> None:
        self.warnings.clear()
        lines = list(result.warnings)
        for label, n in sorted(result.gaps.items(), key=lambda kv: -kv[1]):
            lines.append(
                tr("Left empty, printed as a red gap: {field} ({n} times)").format(field=label, n=n)
            )
        if not lines:
            lines.append(tr("None: every field filled, every character in the fonts."))
        self.warnings.setPlainText("\n".join(f"• {line}" for line in lines))

    def warning_lines(self) -> list[str]:
        return [ln.removeprefix("• ") for ln in self.warnings.toPlainText().splitlines() if ln]

    def _failed(self, task: Task, exc: BaseException) -> None:
        if task is not self._task:
            return
        self._task = None
        from ...reports.documents import ReportError

        message = pick(exc.zh, exc.en) if isinstance(exc, ReportError) else str(exc)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.state_label.setText(
            tr("The document could not be made: {error}").format(error=message)
        )
        self._ended("failed")

    def _cancelled(self, task: Task) -> None:
        if task is not self._task:
            return
        self._task = None
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.state_label.setText(tr("Cancelled: nothing was made."))
        self._ended("cancelled")

    # -- save and print --------------------------------------------------------------------
    def default_file_name(self) -> str:
        from ...reports.documents import TITLES

        title = TITLES.get(self.kind_shown or self.kind(), ("report", "report"))[0]
        return f"{title}-{clock.today().isoformat()}.pdf"

    def save_pdf(self, path: str | None = None) -> str | None:
        """Write the document in the preview to a file (asked for when not given)."""
        if self.pdf_data is None or self.busy():
            if not self.busy():
                self.state_label.setText(tr("Generate a document first, then save it."))
            return None
        if path is None:
            start = self.window_.current_store_path() if self.window_ is not None else None
            from pathlib import Path

            folder = Path(start).parent if start else Path.home()
            path, _filter = QFileDialog.getSaveFileName(
                self,
                tr("Save as PDF"),
                str(folder / self.default_file_name()),
                tr("PDF files (*.pdf)"),
            )
            if not path:
                return None
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
        from ...reports.documents import ReportError, save_pdf

        try:
            save_pdf(self.pdf_data, path)
        except ReportError as exc:
            self.state_label.setText(pick(exc.zh, exc.en))
            return None
        except OSError as exc:
            self.state_label.setText(
                tr("Could not write {path}: {error}").format(path=path, error=exc)
            )
            return None
        self.state_label.setText(tr("Written: {path}").format(path=path))
        self.status_message.emit(tr("Written: {path}").format(path=path))
        return path

    def print_document(self, printer: Any = None) -> Task | None:
        """Print through the system print dialog (or on ``printer``, already set up)."""
        pages = self.preview.pages
        if pages is None or self.pdf_data is None or self.busy() or self._print_task is not None:
            return None
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from ..pdf_print import prepare, print_pages

        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            prepare(printer, pages)
            printer.setDocName(self.default_file_name())
            dialog = QPrintDialog(printer, self)
            dialog.setMinMax(1, pages.count)
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return None
        self._printer = printer  # kept alive until the job ends

        def work(ctx: Any) -> int:
            return print_pages(pages, printer, progress=ctx.report)

        def ended(text: str) -> None:
            self._print_task = None
            self._printer = None
            self.state_label.setText(text)
            self._update_actions()

        task = Task(
            tr("Printing…"),
            work,
            on_done=lambda n: ended(tr("Sent to the printer: {n} pages.").format(n=n)),
            on_error=lambda exc: ended(tr("Printing failed: {error}").format(error=exc)),
            on_cancel=lambda: ended(tr("Printing cancelled.")),
        )
        self._print_task = task
        self._update_actions()
        self._runner.run(task, show_after_ms=300)
        return task

    def prepare_screenshot(self) -> None:
        """For the screenshots (and the user guide): the last week's visit sheets, previewed."""
        from datetime import timedelta

        if self.pdf_data is not None or self.busy():
            return
        today = clock.today()
        self.kind_box.setCurrentIndex(self.kind_box.findData("visits"))
        self.ids_edit.clear()
        self.from_edit.setText((today - timedelta(days=6)).isoformat())
        self.to_edit.setText(today.isoformat())
        self.generate()

    # -- the window's page protocol --------------------------------------------------------
    def focus_search(self) -> None:
        self.kind_box.setFocus()

    def new_record(self) -> None:
        self.window_.log_visit()

    def save_current(self) -> bool:
        """Ctrl+S on this page: save the document as a PDF."""
        return self.save_pdf() is not None
