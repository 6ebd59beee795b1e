"""The 导入/导出 submenu of 文件: import wizard, export, bundle for the bureau, merge bundles.

The window fills this menu right after its first paint, so filling it must cost little: the
exchange package (~40 ms of imports) is imported only by the functions that open a dialog or
merge, and the 导入 submenu, whose entries are named after the exchange's record kinds, gets
them when it is first opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu

from ..dialogs import messages
from ..i18n import pick, tr
from ..workers import Task
from .common import IMPORT_KINDS, kind_label, save_error_report

if TYPE_CHECKING:
    from ...exchange.merge import MergeResult


def _needs_db(window: Any) -> bool:
    if window.current_store_path():
        return True
    messages.show_error(window, tr("Import / Export"), tr("Open a database first."))
    return False


def open_import_wizard(window: Any, kind: str = "enterprises") -> Any:
    from .import_wizard import ImportWizard

    if not _needs_db(window):
        return None
    wizard = ImportWizard(window, kind)
    wizard.open()
    return wizard


def open_export_dialog(window: Any) -> Any:
    from .export_dialog import ExportDialog

    if not _needs_db(window):
        return None
    dialog = ExportDialog(window)
    dialog.open()
    return dialog


def open_bundle_dialog(window: Any) -> Any:
    from .export_dialog import BundleDialog

    if not _needs_db(window):
        return None
    dialog = BundleDialog(window)
    dialog.open()
    return dialog


def merge_files(window: Any, paths: list[str] | None = None) -> None:
    """Merge district bundles into the open database (the bureau's task)."""
    if not _needs_db(window):
        return
    if paths is None:
        paths, _ = QFileDialog.getOpenFileNames(
            window, tr("Choose the district bundles"), "", tr("Zip files (*.zip)")
        )
    if not paths:
        return

    from ...exchange.merge import merge_bundles

    def work(ctx: Any) -> MergeResult:
        return merge_bundles(ctx.store, paths, progress=lambda _step: ctx.check())

    def failed(exc: BaseException) -> None:
        zh, en = getattr(exc, "zh", None), getattr(exc, "en", None)
        messages.show_error(window, tr("Merge bundles"), pick(zh, en) if zh and en else str(exc))

    window.run_task(
        Task(
            tr("Merging…"),
            work,
            db_path=window.current_store_path(),
            on_done=lambda result: _merged(window, result),
            on_error=failed,
        )
    )


def _merged(window: Any, result: MergeResult) -> None:
    from ...exchange.error_report import RowProblem

    if not result.ok:
        problems = [p for _, p in result.problems]
        first = problems[0]
        messages.show_error(
            window,
            tr("Merge bundles"),
            tr("A bundle has invalid rows; nothing was merged.\n{problem}").format(
                problem=f"{pick(*first.where())} {first.column}: {pick(first.zh, first.en)}"
            ),
        )
        return
    added = sum(r.added for r in result.results)
    updated = sum(r.updated for r in result.results)
    conflicts = [p for _, p in result.conflicts]
    messages.show_info(
        window,
        tr("Merge bundles"),
        tr("Merged: {added} new, {updated} updated, {conflicts} conflicts left out.").format(
            added=added, updated=updated, conflicts=len(conflicts)
        ),
    )
    if conflicts and messages.ask(window, tr("Merge bundles"), tr("Save the list of conflicts?")):
        save_error_report(
            window, [RowProblem(p.row, p.column, p.value, p.zh, p.en) for p in conflicts]
        )
    window.refresh_pages()


def fill_import_menu(menu: QMenu, window: Any) -> None:
    """One entry per record kind (done once, when the 导入 submenu is first opened)."""
    if menu.property("filled"):
        return
    menu.setProperty("filled", True)
    for kind in IMPORT_KINDS:
        action = QAction(kind_label(kind) + "…", window)
        action.setObjectName(f"actionImport_{kind}")
        action.triggered.connect(lambda _c=False, k=kind: open_import_wizard(window, k))
        menu.addAction(action)


def build_exchange_menu(menu: QMenu, window: Any) -> None:
    """Fill the submenu (the main window calls this once, right after its first paint)."""
    importing = menu.addMenu(tr("Import"))
    importing.setObjectName("importMenu")
    importing.aboutToShow.connect(lambda: fill_import_menu(importing, window))
    actions = [
        ("actionExport", tr("Export…"), lambda: open_export_dialog(window)),
        ("actionBundle", tr("Bundle for the bureau…"), lambda: open_bundle_dialog(window)),
        ("actionMerge", tr("Merge district bundles…"), lambda: merge_files(window)),
        ("actionExportHistory", tr("Export the change history…"), lambda: _history(window)),
    ]
    for name, text, slot in actions:
        action = QAction(text, window)
        action.setObjectName(name)
        action.triggered.connect(lambda _c=False, s=slot: s())
        menu.addAction(action)


def _history(window: Any) -> None:
    from .history_export import export_history

    export_history(window)
