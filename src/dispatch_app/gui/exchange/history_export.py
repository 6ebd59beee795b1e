"""File → 导入/导出 → 导出修改历史: the audit trail as CSV for the bureau (in a worker)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFileDialog

from ..dialogs import messages
from ..i18n import pick, tr
from ..workers import Task


def export_history(window: Any, path: str | None = None, mask: bool | None = None) -> None:
    """Ask where (and whether to mask phones), then write the CSV; say how many lines."""
    if not window.current_store_path():
        messages.show_error(window, tr("Import / Export"), tr("Open a database first."))
        return
    if path is None:
        path, _ = QFileDialog.getSaveFileName(
            window, tr("Export the change history"), "audit.csv", tr("CSV files (*.csv)")
        )
    if not path:
        return
    if mask is None:
        mask = messages.ask(
            window, tr("Export the change history"), tr("Hide the middle digits of phone numbers?")
        )

    def work(ctx: Any) -> int:
        from ...exchange.audit_export import export_audit

        return export_audit(ctx.store, path, mask_phones=bool(mask))

    def failed(exc: BaseException) -> None:
        zh, en = getattr(exc, "zh", None), getattr(exc, "en", None)
        text = pick(zh, en) if zh and en else str(exc)
        messages.show_error(window, tr("Export the change history"), text)

    def done(lines: int) -> None:
        messages.show_info(
            window,
            tr("Export the change history"),
            tr("{lines} lines written to {path}").format(lines=lines, path=path),
        )

    window.run_task(
        Task(
            tr("Exporting…"),
            work,
            db_path=window.current_store_path(),
            on_done=done,
            on_error=failed,
        )
    )
