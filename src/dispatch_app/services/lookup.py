"""Small read-only look-ups the window needs: pick lists, completions, names, related counts.

Kept apart from the paged lists (``store.listing``) because these return a handful of rows for
a combo box or a completer, not a table; kept out of the GUI because they are SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..store.listing import like_term

if TYPE_CHECKING:
    from ..domain.records import Record
    from ..store.database import Store

# The record classes and the repository (uuid, pinyin tables...) are imported in the two
# functions that load whole records: the window's first paint needs neither.


@dataclass(frozen=True)
class Option:
    """One entry of a pick list: the id stored and the text shown."""

    id: str
    text: str
    detail: str = ""


def enterprise_completions(store: Store, text: str, limit: int = 20) -> list[Option]:
    """Enterprises whose name, USCC or pinyin (full or initials) contains ``text``."""
    text = text.strip()
    if not text:
        return []
    q = like_term(text.lower() if text.isascii() else text)
    rows = store.query(
        "SELECT e.id, e.name, e.uscc, d.name AS district FROM enterprises e"
        " LEFT JOIN districts d ON d.adcode = e.district_code"
        " WHERE e.archived_at IS NULL AND (e.name LIKE :q ESCAPE '\\' OR e.uscc LIKE :q"
        " ESCAPE '\\' OR e.name_pinyin LIKE :q ESCAPE '\\' OR e.name_initials LIKE :q"
        " ESCAPE '\\')"
        " ORDER BY (e.name_initials LIKE :p ESCAPE '\\' OR e.name LIKE :p ESCAPE '\\') DESC,"
        " length(e.name), e.name LIMIT :limit",
        {"q": q, "p": q[1:], "limit": limit},
    )
    return [Option(r["id"], r["name"], f"{r['uscc']} · {r['district'] or ''}") for r in rows]


def expert_completions(store: Store, text: str, limit: int = 20) -> list[Option]:
    """Experts whose name, institution or pinyin contains ``text``."""
    text = text.strip()
    if not text:
        return []
    q = like_term(text.lower() if text.isascii() else text)
    rows = store.query(
        "SELECT id, name, institution FROM experts WHERE archived_at IS NULL AND (name LIKE :q"
        " ESCAPE '\\' OR institution LIKE :q ESCAPE '\\' OR name_pinyin LIKE :q ESCAPE '\\'"
        " OR name_initials LIKE :q ESCAPE '\\') ORDER BY length(name), name LIMIT :limit",
        {"q": q, "limit": limit},
    )
    return [Option(r["id"], r["name"], r["institution"]) for r in rows]


def team_options(store: Store) -> list[Option]:
    rows = store.query(
        "SELECT t.id, t.name, d.name AS district FROM teams t"
        " LEFT JOIN districts d ON d.adcode = t.district_code"
        " WHERE t.archived_at IS NULL ORDER BY t.name"
    )
    return [Option(r["id"], r["name"], r["district"] or "") for r in rows]


def district_options(store: Store) -> list[Option]:
    rows = store.query("SELECT adcode, name FROM districts ORDER BY adcode")
    return [Option(r["adcode"], r["name"]) for r in rows]


def town_options(store: Store, district_code: str) -> list[Option]:
    rows = store.query(
        "SELECT code, name FROM towns WHERE district_code = ? ORDER BY code", (district_code,)
    )
    return [Option(r["code"], r["name"]) for r in rows]


def batch_years(store: Store) -> list[int]:
    rows = store.query("SELECT DISTINCT batch_year FROM appointments ORDER BY batch_year DESC")
    return [int(r[0]) for r in rows]


def display_name(store: Store, kind: str, record_id: str) -> str:
    """A record's name for a filter chip or a title (``kind`` is a table name)."""
    column = {
        "enterprises": "name",
        "experts": "name",
        "teams": "name",
        "cases": "title",
        "visits": "visit_date",
        "appointments": "start_date",
    }[kind]
    value = store.scalar(f"SELECT {column} FROM {kind} WHERE id = ?", (record_id,))
    return "" if value is None else str(value)


def load(store: Store, cls: type[Record], record_id: str) -> Record:
    """The full record for a form."""
    from ..store import repository

    return repository.get(store, cls, record_id)


def table_of(cls: type[Record]) -> str:
    from ..store.rows import TABLES

    return TABLES[cls]


def related_counts(store: Store, kind: str, record_id: str) -> dict[str, int]:
    """How many related records each 'show related' button would list."""
    sql = {
        "enterprises": {
            "visits": "SELECT count(*) FROM visits WHERE enterprise_id = ?",
            "appointments": "SELECT count(*) FROM appointments WHERE enterprise_id = ?",
            "cases": "SELECT count(*) FROM cases WHERE enterprise_id = ?",
        },
        "experts": {
            "teams": "SELECT count(*) FROM team_members WHERE expert_id = ?",
            "appointments": "SELECT count(*) FROM appointments WHERE expert_id = ?",
            "visits": "SELECT count(*) FROM visit_experts WHERE expert_id = ?",
        },
        "teams": {
            "experts": "SELECT count(*) FROM team_members WHERE team_id = ?",
            "visits": "SELECT count(*) FROM visits WHERE team_id = ?",
        },
        "visits": {
            "follow_ups": "SELECT count(*) FROM follow_ups WHERE visit_id = ?",
        },
    }.get(kind, {})
    return {k: int(store.scalar(q, (record_id,))) for k, q in sql.items()}


def team_members(store: Store, team_id: str) -> list[Option]:
    rows = store.query(
        "SELECT x.id, x.name, m.role FROM team_members m JOIN experts x ON x.id = m.expert_id"
        " WHERE m.team_id = ? ORDER BY m.role = 'leader' DESC, x.name",
        (team_id,),
    )
    return [Option(r["id"], r["name"], r["role"]) for r in rows]


def experts_by_id(store: Store, ids: list[str] | tuple[str, ...]) -> list[Option]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = {
        r["id"]: r
        for r in store.query(
            f"SELECT id, name, institution FROM experts WHERE id IN ({marks})", tuple(ids)
        )
    }
    return [Option(i, rows[i]["name"], rows[i]["institution"]) for i in ids if i in rows]


def follow_ups_of_visit(store: Store, visit_id: str) -> list[dict[str, Any]]:
    rows = store.query(
        "SELECT id, description, owner, due_date, needs_coordination, status"
        " FROM follow_ups WHERE visit_id = ? ORDER BY rowid",
        (visit_id,),
    )
    return [dict(r) for r in rows]


@dataclass(frozen=True)
class FollowUpSummary:
    overdue: int
    due_soon: int
    flagged: int
    open: int


def follow_up_summary(store: Store, today: date, within_days: int = 7) -> FollowUpSummary:
    """Counts over every open item, for the follow-ups page heading."""
    t = today.isoformat()
    soon = (today + timedelta(days=within_days)).isoformat()
    row = store.query(
        "SELECT sum(due_date < :t), sum(due_date >= :t AND due_date <= :soon),"
        " sum(needs_coordination), count(*) FROM follow_ups WHERE status = 'open'",
        {"t": t, "soon": soon},
    )[0]
    return FollowUpSummary(*(int(v or 0) for v in row))


def due_summary(store: Store, today: date, within_days: int = 7) -> FollowUpSummary:
    """The same counts over the home page's list only: open items due by ``today +
    within_days`` (overdue ones included), so that the heading's figures add up to the list."""
    row = store.query(
        "SELECT sum(due_date < :t), sum(due_date >= :t), sum(needs_coordination), count(*)"
        " FROM follow_ups WHERE status = 'open' AND due_date IS NOT NULL AND due_date <= :soon",
        {"t": today.isoformat(), "soon": (today + timedelta(days=within_days)).isoformat()},
    )[0]
    return FollowUpSummary(*(int(v or 0) for v in row))


def enterprise_district(store: Store, enterprise_id: str) -> str:
    value = store.scalar("SELECT district_code FROM enterprises WHERE id = ?", (enterprise_id,))
    return "" if value is None else str(value)


def visit_heading(store: Store, visit_id: str) -> tuple[str, str]:
    """(enterprise name, visit date) of a visit, for a follow-up item's detail."""
    rows = store.query(
        "SELECT e.name, v.visit_date FROM visits v JOIN enterprises e ON e.id = v.enterprise_id"
        " WHERE v.id = ?",
        (visit_id,),
    )
    return (rows[0][0], rows[0][1]) if rows else ("", "")
