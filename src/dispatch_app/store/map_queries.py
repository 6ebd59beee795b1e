"""The SQL the map page needs beyond ``planning_queries.map_points``: the team days it can
jump to (a day with visits), so a coordinator need not guess a date."""

from __future__ import annotations

from datetime import date

from .database import Store


def next_team_day(store: Store, team_id: str, after: date) -> date | None:
    """The first day after ``after`` on which the team has a visit that is not cancelled."""
    row = store.conn.execute(
        "SELECT min(visit_date) FROM visits WHERE team_id = ? AND visit_date > ?"
        " AND status <> 'cancelled'",
        (team_id, after.isoformat()),
    ).fetchone()
    return date.fromisoformat(row[0]) if row and row[0] else None
