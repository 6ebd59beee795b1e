"""The planning page's three tables as FigureTableModel columns: the enterprises needing a
visit (``planning.needs.Need``), a team's day (the schedule's own rows, so screen, CSV and
paper agree) and the gap-closers (``planning.gap_closers.GapCloser``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from ..i18n import N_, current_language, tr
from .figure_table import FigureColumn, FigureTableModel, Index


@dataclass(frozen=True)
class DayRow:
    """One row of the day's table: a stop (``visit_id`` set) or the way back to the base."""

    cells: list[str]  # ``planning.schedule.rows`` for the shown language
    visit_id: str | None
    enterprise_id: str | None
    approximate: bool
    status: str = ""  # the visit's status ("planned", "completed"); "" for the way back


class PlanningTableModel(FigureTableModel):
    """A figure table whose cells show their whole text as a tooltip (reasons, addresses and
    names are often wider than their column)."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            text = super().data(index, Qt.ItemDataRole.DisplayRole)
            return text if isinstance(text, str) and len(text) > 8 else None
        return super().data(index, role)


def need_columns() -> list[FigureColumn]:
    def reasons(n: Any) -> str:
        return n.reason_text(current_language())

    def approx(n: Any) -> str | None:
        return "#8a6d00" if n.approximate else None

    return [
        FigureColumn("name", N_("Enterprise"), lambda n: n.name),
        FigureColumn("reasons", N_("Why a visit"), lambda n: len(n.reasons), reasons, approx),
        FigureColumn("district", N_("District"), lambda n: n.district_name),
        FigureColumn("industry", N_("Industry"), lambda n: n.industry),
        FigureColumn("last_visit", N_("Last visit"), lambda n: n.last_visit or ""),
        FigureColumn("next_planned", N_("Planned"), lambda n: n.next_planned or ""),
    ]


def _cell(i: int):
    return lambda r: r.cells[i]


def _km(r: DayRow) -> float:
    return float(r.cells[8] or 0)


def day_columns() -> list[FigureColumn]:
    """What fits beside the needs list; the phone and USCC are on the CSV and the paper."""
    return [
        FigureColumn("no", N_("No."), lambda r: int(r.cells[0] or 999), _cell(0)),
        FigureColumn("arrive", N_("Arrive"), _cell(1)),
        FigureColumn("leave", N_("Leave"), _cell(2)),
        FigureColumn("name", N_("Enterprise"), _cell(3)),
        FigureColumn("km", N_("km"), _km, _cell(8), number=True),
        FigureColumn("address", N_("Address"), _cell(5)),
        FigureColumn(
            "note", N_("Note"), _cell(9), colour=lambda r: "#8a6d00" if r.approximate else None
        ),
    ]


def _detour(g: Any) -> str:
    return "≈0" if g.detour_km < 0.05 else f"+{g.detour_km:.1f}"


def _place(g: Any) -> str:
    if g.after < 0:
        return tr("before stop 1")
    return tr("after stop {n}").format(n=g.after + 1)


def gap_columns() -> list[FigureColumn]:
    return [
        FigureColumn("detour", N_("Detour (km)"), lambda g: g.detour_km, _detour),
        FigureColumn("name", N_("Enterprise"), lambda g: g.need.name),
        FigureColumn("place", N_("Where"), lambda g: g.after, _place),
        FigureColumn(
            "reasons",
            N_("Why a visit"),
            lambda g: len(g.need.reasons),
            lambda g: g.need.reason_text(current_language()),
        ),
    ]
