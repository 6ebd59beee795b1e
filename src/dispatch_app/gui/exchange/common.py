"""What the exchange dialogs share: kind names, the problems table, saving the error report."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QFileDialog, QTableWidget, QWidget

from ...domain.geography import load_gazetteer
from ...exchange.columns import SPECS
from ...exchange.error_report import RowProblem, write_error_report
from ...exchange.writers import ExportFailed
from ..dialogs import messages
from ..i18n import pick, tr

IMPORT_KINDS = ("enterprises", "teams", "experts", "appointments", "visits", "cases")
EXPORT_KINDS = IMPORT_KINDS


def kind_label(kind: str) -> str:
    spec = SPECS[kind]
    return pick(spec.zh, spec.en)


def problems_table(parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, 4, parent)
    table.setObjectName("importProblems")
    table.setHorizontalHeaderLabels([tr("Row"), tr("Column"), tr("Value"), tr("Problem")])
    table.horizontalHeader().setStretchLastSection(True)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    return table


def save_error_report(parent: QWidget, problems: Sequence[RowProblem]) -> str | None:
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
    combo = QComboBox(parent)
    combo.addItem(all_label, None)
    for d in load_gazetteer().districts:
        combo.addItem(d.name, d.adcode)
    return combo
