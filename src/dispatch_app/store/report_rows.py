"""Read-only queries the printed reports need: whole records with their names joined in.

The report code (``dispatch_app.reports``) holds no SQL; it asks here. Each function returns
plain dicts (column name → value), batched so a 1,000-visit batch costs a handful of queries
rather than one per visit.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .database import Store

_VISIT_SQL = (
    "SELECT v.id, v.visit_date, v.visit_type, v.problems, v.advice, v.follow_up_text,"
    " v.outcome, v.status, v.confirmed_by, v.district_code, d.name AS district,"
    " e.name AS enterprise, e.uscc, e.address, e.contact_name, e.contact_phone,"
    " t.name AS team FROM visits v JOIN enterprises e ON e.id = v.enterprise_id"
    " LEFT JOIN districts d ON d.adcode = v.district_code"
    " LEFT JOIN teams t ON t.id = v.team_id"
)


def _chunks(ids: list[str], size: int = 500) -> list[list[str]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def visit_ids(
    store: Store,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    district_code: str | None = None,
    status: str | None = "completed",
) -> list[str]:
    """Ids of the visits in a period (by date, then rowid), optionally one district's."""
    where, params = ["1 = 1"], []
    if date_from:
        where.append("visit_date >= ?")
        params.append(date_from)
    if date_to:
        where.append("visit_date <= ?")
        params.append(date_to)
    if district_code:
        where.append("district_code = ?")
        params.append(district_code)
    if status:
        where.append("status = ?")
        params.append(status)
    rows = store.query(
        f"SELECT id FROM visits WHERE {' AND '.join(where)} ORDER BY visit_date, rowid", params
    )
    return [r[0] for r in rows]


def visits(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    """Visits with enterprise, team, experts (names) and follow-ups, in the order of ``ids``.

    Unknown ids are left out; the caller compares lengths to name them.
    """
    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        for r in store.query(f"{_VISIT_SQL} WHERE v.id IN ({marks})", chunk):
            found[r["id"]] = {**dict(r), "experts": [], "follow_ups": []}
        for r in store.query(
            "SELECT ve.visit_id, x.name, x.institution, x.title FROM visit_experts ve"
            f" JOIN experts x ON x.id = ve.expert_id WHERE ve.visit_id IN ({marks})"
            " ORDER BY ve.rowid",
            chunk,
        ):
            found[r["visit_id"]]["experts"].append(dict(r))
        for r in store.query(
            "SELECT visit_id, description, owner, due_date, needs_coordination, status"
            f" FROM follow_ups WHERE visit_id IN ({marks}) ORDER BY rowid",
            chunk,
        ):
            found[r["visit_id"]]["follow_ups"].append(dict(r))
    return [found[i] for i in ids if i in found]


def case_ids(
    store: Store,
    *,
    year: int | None = None,
    district_code: str | None = None,
    approved_only: bool = True,
) -> list[str]:
    where, params = ["archived_at IS NULL"], []
    if approved_only:
        where.append("approved = 1")
    if year is not None:
        where.append("year = ?")
        params.append(year)
    if district_code:
        where.append("district_code = ?")
        params.append(district_code)
    rows = store.query(
        f"SELECT id FROM cases WHERE {' AND '.join(where)} ORDER BY year, district_code, rowid",
        params,
    )
    return [r[0] for r in rows]


def cases(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    """Cases with enterprise, district and the appointed expert (if any), in ``ids`` order."""
    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        for r in store.query(
            "SELECT c.*, e.name AS enterprise, d.name AS district, x.name AS expert,"
            " x.institution AS institution FROM cases c"
            " JOIN enterprises e ON e.id = c.enterprise_id"
            " LEFT JOIN districts d ON d.adcode = c.district_code"
            " LEFT JOIN appointments a ON a.id = c.appointment_id"
            " LEFT JOIN experts x ON x.id = a.expert_id"
            f" WHERE c.id IN ({marks})",
            chunk,
        ):
            found[r["id"]] = dict(r)
    return [found[i] for i in ids if i in found]


def appointment_ids(
    store: Store, *, year: int | None = None, district_code: str | None = None
) -> list[str]:
    """Appointments of a batch year (those that count: seconded, not proposed or withdrawn)."""
    where = ["a.status IN ('active', 'completed', 'ended_early')"]
    params: list[Any] = []
    if year is not None:
        where.append("a.batch_year = ?")
        params.append(year)
    if district_code:
        where.append("e.district_code = ?")
        params.append(district_code)
    rows = store.query(
        "SELECT a.id FROM appointments a JOIN enterprises e ON e.id = a.enterprise_id"
        f" WHERE {' AND '.join(where)} ORDER BY e.district_code, a.start_date, a.rowid",
        params,
    )
    return [r[0] for r in rows]


def appointments(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    """Appointments with expert, enterprise, the visits the expert made there during the term
    (with their follow-ups counted) and the cases drawn from the appointment."""
    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        for r in store.query(
            "SELECT a.*, x.name AS expert, x.institution, x.title, x.phone AS expert_phone,"
            " e.name AS enterprise, e.uscc, d.name AS district FROM appointments a"
            " JOIN experts x ON x.id = a.expert_id JOIN enterprises e ON e.id = a.enterprise_id"
            " LEFT JOIN districts d ON d.adcode = e.district_code"
            f" WHERE a.id IN ({marks})",
            chunk,
        ):
            found[r["id"]] = {**dict(r), "visits": [], "cases": []}
        for r in store.query(
            "SELECT a.id AS appointment_id, v.visit_date, v.visit_type, v.problems, v.outcome,"
            " (SELECT count(*) FROM follow_ups f WHERE f.visit_id = v.id) AS follow_ups,"
            " (SELECT count(*) FROM follow_ups f WHERE f.visit_id = v.id"
            "  AND f.status = 'closed') AS closed"
            " FROM appointments a JOIN visits v ON v.enterprise_id = a.enterprise_id"
            " AND v.visit_date BETWEEN a.start_date AND a.end_date AND v.status = 'completed'"
            " JOIN visit_experts ve ON ve.visit_id = v.id AND ve.expert_id = a.expert_id"
            f" WHERE a.id IN ({marks}) ORDER BY v.visit_date",
            chunk,
        ):
            found[r["appointment_id"]]["visits"].append(dict(r))
        for r in store.query(
            "SELECT appointment_id, title, year, output_value_wan, cost_saved_wan, patents,"
            f" new_products, approved FROM cases WHERE appointment_id IN ({marks})"
            " AND archived_at IS NULL ORDER BY year, rowid",
            chunk,
        ):
            found[r["appointment_id"]]["cases"].append(dict(r))
    return [found[i] for i in ids if i in found]


def district_name(store: Store, adcode: str) -> str:
    value = store.scalar("SELECT name FROM districts WHERE adcode = ?", (adcode,))
    return "" if value is None else str(value)


def existing_ids(store: Store, table: str, ids: list[str]) -> set[str]:
    """Which of ``ids`` exist in ``table`` (visits, cases or appointments)."""
    if table not in {"visits", "cases", "appointments"}:
        raise ValueError(table)
    out: set[str] = set()
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        out.update(
            r[0] for r in store.query(f"SELECT id FROM {table} WHERE id IN ({marks})", chunk)
        )
    return out


def group_by(rows: list[dict[str, Any]], key: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        out[r[key] or ""].append(r)
    return dict(out)
