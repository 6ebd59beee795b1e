"""Turning a chosen suggestion into a record, through the existing services only."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..domain.records import Appointment, Visit
from ..services import appointments, visit_log
from ..store.database import Store


def _one_year_later(d: date) -> date:
    try:
        return d.replace(year=d.year + 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year + 1, day=28)


def appoint_suggested(
    store: Store, enterprise_id: str, expert_id: str, start: date, end: date | None = None
) -> Appointment:
    """A proposed (拟派) one-year appointment; the coordinator confirms it later."""
    end = end or _one_year_later(start)
    return appointments.appoint(
        store,
        {
            "expert_id": expert_id,
            "enterprise_id": enterprise_id,
            "start_date": start.isoformat(),
            "end_date": end.isoformat(),
            "batch_year": start.year,
            "status": "proposed",
        },
    )


def plan_suggested_visit(
    store: Store,
    enterprise_id: str,
    on: date,
    *,
    team_id: str | None = None,
    expert_ids: Sequence[str] = (),
    visit_type: str = "diagnosis",
) -> Visit:
    """A planned (计划中) visit by a team and/or experts on ``on``."""
    return visit_log.log_visit(
        store,
        {
            "enterprise_id": enterprise_id,
            "team_id": team_id,
            "expert_ids": tuple(expert_ids),
            "visit_date": on.isoformat(),
            "visit_type": visit_type,
            "status": "planned",
        },
    )
