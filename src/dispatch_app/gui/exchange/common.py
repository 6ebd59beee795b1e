"""What the exchange dialogs share: kind names, the problems table, saving the error report.

Cheap to import: the menu imports it while the window settles after its first paint, so the
exchange package (tens of milliseconds) is imported inside the functions that need it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ..dialogs import messages
from ..i18n import pick, tr

if TYPE_CHECKING:
    from ...exchange.error_report import RowProblem

IMPORT_KINDS = ("enterprises", "teams", "experts", "appointments", "visits", "follow_ups", "cases")
EXPORT_KINDS = IMPORT_KINDS


def kind_label(kind: str) -> str:
    from ...exchange.columns import SPECS

    spec = SPECS[kind]
    return pick(spec.zh, spec.en)


# Rows up to which the problems table fits each row's height to its wrapped text (beyond,
# fitting costs more than it helps: the full text is in the tooltip and the error report).
WRAP_ROWS = 500


def problems_table(parent: QWidget) -> QTableWidget:
    """Row / column / value / problem; the row is the spreadsheet's, so no row header."""
    table = QTableWidget(0, 4, parent)
    table.setObjectName("importProblems")
    table.setHorizontalHeaderLabels([tr("Row"), tr("Column"), tr("Value"), tr("Problem")])
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    table.setWordWrap(True)
    table.setAlternatingRowColors(True)  # wrapped rows differ in height: keep them apart
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    return table


def fill_problems(table: QTableWidget, problems: Sequence[RowProblem]) -> None:
    """Show every problem; the explanation wraps, so it is read whole, never as "…"."""
    table.setRowCount(0)
    table.setRowCount(len(problems))
    for r, p in enumerate(problems):
        for c, value in enumerate((p.shown_row(), p.column, p.value, pick(p.zh, p.en))):
            item = QTableWidgetItem(value)
            if c >= 1:
                item.setToolTip(value)
            table.setItem(r, c, item)
    fm = table.fontMetrics()
    for column, widest in ((0, "000000"), (1, "统一社会信用代码"), (2, "91330382MA2K001X51")):
        table.resizeColumnToContents(column)
        cap = fm.horizontalAdvance(widest) + 16
        table.setColumnWidth(column, min(table.columnWidth(column), cap))
    # The last column stretches with the dialog; rows follow its wrapped text as it does.
    mode = QHeaderView.ResizeMode.ResizeToContents
    if len(problems) > WRAP_ROWS:
        mode = QHeaderView.ResizeMode.Interactive
    table.verticalHeader().setSectionResizeMode(mode)


def save_error_report(parent: QWidget, problems: Sequence[RowProblem]) -> str | None:
    from ...exchange.error_report import write_error_report
    from ...exchange.writers import ExportFailed

    name, _ = QFileDialog.getSaveFileName(
        parent, tr("Save the error report"), "errors.csv", tr("CSV files (*.csv)")
    )
    if not name:
        return None
    try:
        write_error_report(name, problems)
    except (OSError, ExportFailed) as exc:
        messages.show_error(parent, tr("Save the error report"), str(exc))
        return None
    return name


def district_combo(parent: QWidget, all_label: str) -> QComboBox:
    """``all_label`` (data None), then every county-level unit (data: adcode)."""
    from ...domain.geography import load_gazetteer

    combo = QComboBox(parent)
    combo.addItem(all_label, None)
    for d in load_gazetteer().districts:
        combo.addItem(d.name, d.adcode)
    return combo
