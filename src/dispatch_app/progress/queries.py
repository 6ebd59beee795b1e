"""Every SQL statement of the dashboard, in one place, built from ``definitions``.

Each function returns plain rows; ``dashboard`` turns them into figures. The visit counts
read the summaries of migration ``0007_progress_summary`` (kept by triggers on ``visits``):
``progress_days`` (visits per status, date, district and type: a few thousand rows a year)
and ``progress_enterprises`` (visits per year, status, enterprise and district, with the
first and last date), so no figure scans the year's visits; follow-ups carry their visit's
district. The summaries hold every status: the counting rules are applied here, as before.
``bench/bench_progress.py`` measures it; ``tests/progress/test_summary.py`` checks every
figure against the direct queries over ``visits``.

``district`` narrows a query to one district's adcode (``None``: every district).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import definitions as d

if TYPE_CHECKING:
    import sqlite3

    from ..store.database import Store


def _scope(column: str, district: str | None, params: list) -> str:
    if district is None:
        return ""
    params.append(district)
    return f" AND {column} = ?"


def counted_visits_by_day(
    store: Store, lo: str, until: str, district: str | None
) -> list[sqlite3.Row]:
    """(district_code, visit_date, n): counted visits per district and day (the totals,
    months and the recent window all add up from it)."""
    params: list = [d.VISIT_COUNTED, lo, until]
    where = _scope("district_code", district, params)
    return store.query(
        "SELECT district_code, visit_date, sum(n) FROM progress_days"
        f" WHERE status = ? AND visit_date BETWEEN ? AND ?{where}"
        " GROUP BY visit_date, district_code",
        params,
    )


def _late(lo: str, until: str, hi: str, district: str | None, params: list) -> str:
    """A CTE of the counted-status visits of the year after ``until`` per (enterprise,
    district): what ``progress_enterprises`` holds beyond the as-of date (usually nothing;
    empty when the year is over)."""
    params += [d.VISIT_COUNTED, max(until, lo), hi]
    where = _scope("district_code", district, params)
    return (
        "WITH late AS (SELECT enterprise_id, district_code, count(*) AS n FROM visits"
        f" WHERE status = ? AND visit_date > ? AND visit_date <= ?{where} GROUP BY 1, 2) "
    )


def _summary_where(lo: str, until: str, district: str | None, params: list) -> str:
    """Rows of ``progress_enterprises`` with a counted visit by ``until``: the first one of
    the year is on or before it."""
    params += [int(lo[:4]), d.VISIT_COUNTED, until]
    return " WHERE p.year = ? AND p.status = ? AND p.first_date <= ?" + _scope(
        "p.district_code", district, params
    )


def enterprises_covered(
    store: Store, lo: str, until: str, district: str | None
) -> tuple[dict[str, int], int]:
    """Distinct enterprises with a counted visit: per district, and in all (each once)."""
    params: list = []
    where = _summary_where(lo, until, district, params)
    per = {
        code: n
        for code, n in store.query(
            f"SELECT p.district_code, count(*) FROM progress_enterprises p{where} GROUP BY 1",
            params,
        )
    }
    total = store.query(
        f"SELECT count(DISTINCT p.enterprise_id) FROM progress_enterprises p{where}", params
    )[0][0]
    return per, total


def planned_by_month(store: Store, lo: str, hi: str, district: str | None) -> list[sqlite3.Row]:
    """(district_code, month 'YYYY-MM', n): the pipeline of planned visits in the year."""
    params: list = [d.VISIT_PIPELINE, lo, hi]
    where = _scope("district_code", district, params)
    return store.query(
        "SELECT district_code, substr(visit_date, 1, 7), sum(n) FROM progress_days"
        f" WHERE status = ? AND visit_date BETWEEN ? AND ?{where}"
        " GROUP BY 1, 2",
        params,
    )


def appointments_of_batch(store: Store, year: int, district: str | None) -> list[sqlite3.Row]:
    """(district_code, status, start_date, n) of the year's batch (withdrawn ones left out)."""
    params: list = [year, d.APPOINTMENT_NEVER]
    where = _scope("e.district_code", district, params)
    return store.query(
        "SELECT e.district_code, a.status, a.start_date, count(*) FROM appointments a"
        " JOIN enterprises e ON e.id = a.enterprise_id"
        f" WHERE a.batch_year = ? AND a.status != ?{where}"
        " GROUP BY 1, 2, 3",
        params,
    )


def earlier_years_by_month(
    store: Store, first_year: int, last_year: int, district: str | None
) -> list[sqlite3.Row]:
    """(year, month, n) of counted visits in earlier years: what a seasonal curve learns from."""
    params: list = [d.VISIT_COUNTED, f"{first_year:04d}-01-01", f"{last_year:04d}-12-31"]
    where = _scope("district_code", district, params)
    return store.query(
        "SELECT CAST(substr(visit_date, 1, 4) AS INTEGER), CAST(substr(visit_date, 6, 2) AS"
        " INTEGER), sum(n) FROM progress_days"
        f" WHERE status = ? AND visit_date BETWEEN ? AND ?{where} GROUP BY 1, 2",
        params,
    )


def by_enterprise_kind(
    store: Store, lo: str, until: str, district: str | None
) -> list[tuple[str, str, int, int]]:
    """(industry, qualifications, visits, enterprises) of counted visits, from
    ``progress_enterprises`` (which carries each enterprise's industry and qualifications),
    less the visits after ``until`` of the rows counted."""
    params: list = []
    where = _summary_where(lo, until, district, params)
    rows = store.query(
        "SELECT p.industry, p.qualifications, sum(p.n), count(DISTINCT p.enterprise_id)"
        f" FROM progress_enterprises p{where} GROUP BY 1, 2",
        params,
    )
    hi = d.year_bounds(int(lo[:4]))[1]
    if until >= hi:
        return [tuple(r) for r in rows]
    params = []
    late = _late(lo, until, hi, district, params)
    where = _summary_where(lo, until, district, params)
    after = {
        (ind, qual): n
        for ind, qual, n in store.query(
            f"{late}SELECT p.industry, p.qualifications, sum(l.n) FROM late l"
            " JOIN progress_enterprises p ON p.enterprise_id = l.enterprise_id"
            f" AND p.district_code = l.district_code{where.replace(' WHERE ', ' AND ', 1)}"
            " GROUP BY 1, 2",
            params,
        )
    }
    return [(ind, qual, n - after.get((ind, qual), 0), e) for ind, qual, n, e in rows]


def by_visit_type(store: Store, lo: str, until: str, district: str | None) -> list[sqlite3.Row]:
    """(visit_type, visits) of counted visits, the most frequent first."""
    params: list = [d.VISIT_COUNTED, lo, until]
    where = _scope("district_code", district, params)
    return store.query(
        "SELECT visit_type, sum(n) FROM progress_days"
        f" WHERE status = ? AND visit_date BETWEEN ? AND ?{where} GROUP BY 1 ORDER BY 2 DESC",
        params,
    )


def follow_up_counts(store: Store, as_of: str, district: str | None) -> list[sqlite3.Row]:
    """(district_code, open, overdue, needs coordination) of the open follow-up items (each
    carries its visit's district: no join)."""
    params: list = [as_of, d.FOLLOW_UP_OPEN]
    where = _scope("district_code", district, params)
    return store.query(
        "SELECT district_code, count(*), coalesce(sum(due_date < ?), 0),"
        " sum(needs_coordination) FROM follow_ups"
        f" WHERE status = ?{where} GROUP BY 1",
        params,
    )


def meeting_items(
    store: Store, as_of: str, district: str | None, limit: int | None
) -> list[sqlite3.Row]:
    """Open items flagged "needs coordination": the progress meeting's list, by district and
    due date (items without a date last)."""
    params: list = [as_of, d.FOLLOW_UP_OPEN]
    where = _scope("f.district_code", district, params)
    tail = ""
    if limit is not None:
        params.append(limit)
        tail = " LIMIT ?"
    return store.query(
        "SELECT f.id, f.district_code, e.name AS enterprise, f.description, f.owner,"
        " f.due_date, v.visit_date, v.id AS visit_id,"
        " (f.due_date IS NOT NULL AND f.due_date < ?) AS overdue"
        " FROM follow_ups f JOIN visits v ON v.id = f.visit_id"
        " JOIN enterprises e ON e.id = v.enterprise_id"
        f" WHERE f.status = ? AND f.needs_coordination = 1{where}"
        f" ORDER BY f.district_code, f.due_date IS NULL, f.due_date, e.name_pinyin{tail}",
        params,
    )


def districts(store: Store) -> list[sqlite3.Row]:
    return store.query("SELECT adcode, name FROM districts ORDER BY adcode")


def stored_targets(store: Store, year: int) -> list[sqlite3.Row]:
    return store.query(
        "SELECT scope, visits_target, appointments_target FROM targets WHERE year = ?", (year,)
    )
