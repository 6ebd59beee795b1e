"""Paged, sorted, filtered lists of records for the window's tables (pure SQL, no Qt).

A table on screen asks for a *count* and then for *pages* of rows as the user scrolls; sorting
and filtering happen here in SQL so that 100k visits stay instant (a proxy model sorting in
Python would have to fetch every row first). Everything a caller can choose is whitelisted:
sort keys are column keys of a :class:`ListSpec`, filters are named conditions, and every value
travels as a parameter, so nothing typed into a search box ever becomes SQL text.

Search: every whitespace-separated term must match one of the spec's text columns (``LIKE``,
which facts.md measured at ~30 ms over 100k names; FTS trigram would miss 1–2 character words).
An ASCII term also matches the stored pinyin keys, so ``wzdx`` finds 温州大学 and ``wenzhou``
finds every 温州… name. Related-record searches (a visit's enterprise) go through a subquery on
the small table rather than a LIKE on every joined row.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..domain.choices import (
    APPOINTMENT_STATUS,
    ENTERPRISE_SIZE,
    FOLLOW_UP_STATUS,
    VISIT_STATUS,
    VISIT_TYPE,
    Vocabulary,
)
from .database import Store

PAGE_SIZE = 200


@dataclass(frozen=True)
class Column:
    """One shown column: a stable key (header translation, sort), its SQL, how to show it."""

    key: str
    expr: str
    vocab: Vocabulary | None = None  # stored code → label in the UI language
    kind: str = "text"  # text | bool | number | date
    nulls_last: bool = False  # only for nullable columns: keeps index order usable elsewhere
    sort: str = ""  # what to order by when not the shown value (names: by pinyin, as in 拼音序)
    # Filters that already exclude NULLs: with one of them set, plain ORDER BY can use an index.
    not_null_filters: tuple[str, ...] = ()


@dataclass(frozen=True)
class ListSpec:
    kind: str
    table: str  # main table, aliased ``t``
    joins: str
    columns: tuple[Column, ...]
    search: tuple[str, ...]  # text expressions a term may match
    default_sort: str
    default_descending: bool = False
    archived: bool = False  # the table has archived_at (hidden unless asked for)
    filters: Mapping[str, str] = field(default_factory=dict)  # name → condition with one ``?``

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)


@dataclass
class Criteria:
    """What a table shows: search text, named filters, archived rows, sort order."""

    search: str = ""
    filters: dict[str, Any] = field(default_factory=dict)
    include_archived: bool = False
    sort_key: str | None = None
    descending: bool | None = None


_ENT_MATCH = (
    "(SELECT id FROM enterprises WHERE name LIKE :q ESCAPE '\\' OR uscc LIKE :q ESCAPE '\\'"
    " OR name_pinyin LIKE :q ESCAPE '\\' OR name_initials LIKE :q ESCAPE '\\')"
)
_EXP_MATCH = (
    "(SELECT id FROM experts WHERE name LIKE :q ESCAPE '\\'"
    " OR name_pinyin LIKE :q ESCAPE '\\' OR name_initials LIKE :q ESCAPE '\\')"
)
_TEAM_MATCH = (
    "(SELECT id FROM teams WHERE name LIKE :q ESCAPE '\\'"
    " OR name_pinyin LIKE :q ESCAPE '\\' OR name_initials LIKE :q ESCAPE '\\')"
)
_MULTI_HAS = "('、' || {col} || '、') LIKE ('%、' || ? || '、%')"

SPECS: dict[str, ListSpec] = {
    "enterprises": ListSpec(
        kind="enterprises",
        table="enterprises",
        joins="LEFT JOIN districts d ON d.adcode = t.district_code",
        columns=(
            Column("name", "t.name", sort="t.name_pinyin"),
            Column("uscc", "t.uscc"),
            Column("district", "d.name"),
            Column("industry", "t.industry"),
            Column("size", "t.size", ENTERPRISE_SIZE),
            Column("qualifications", "t.qualifications"),
            Column("contact", "t.contact_name"),
        ),
        search=(
            "t.name",
            "t.uscc",
            "t.name_pinyin",
            "t.name_initials",
            "t.tech_needs",
        ),
        default_sort="name",
        archived=True,
        filters={
            "district": "t.district_code = ?",
            "industry": "t.industry = ?",
            "qualification": _MULTI_HAS.format(col="t.qualifications"),
            "size": "t.size = ?",
        },
    ),
    "experts": ListSpec(
        kind="experts",
        table="experts",
        joins="LEFT JOIN districts d ON d.adcode = t.district_code",
        columns=(
            Column("name", "t.name", sort="t.name_pinyin"),
            Column("institution", "t.institution"),
            Column("title", "t.title"),
            Column("specialties", "t.specialties"),
            Column("district", "d.name"),
            Column("can_be_vp", "t.can_be_vp", kind="bool"),
        ),
        search=("t.name", "t.institution", "t.specialties", "t.name_pinyin", "t.name_initials"),
        default_sort="name",
        archived=True,
        filters={
            "district": "t.district_code = ?",
            "specialty": _MULTI_HAS.format(col="t.specialties"),
            "can_be_vp": "t.can_be_vp = ?",
            "team": "t.id IN (SELECT expert_id FROM team_members WHERE team_id = ?)",
        },
    ),
    "teams": ListSpec(
        kind="teams",
        table="teams",
        joins="LEFT JOIN districts d ON d.adcode = t.district_code"
        " LEFT JOIN experts l ON l.id = t.leader_id",
        columns=(
            Column("name", "t.name", sort="t.name_pinyin"),
            Column("leader", "l.name", sort="l.name_pinyin"),
            Column("district", "d.name"),
            Column("industry", "t.industry"),
            Column(
                "members",
                "(SELECT count(*) FROM team_members m WHERE m.team_id = t.id)",
                kind="number",
            ),
        ),
        search=("t.name", "t.name_pinyin", "t.name_initials", "t.industry"),
        default_sort="name",
        archived=True,
        filters={
            "district": "t.district_code = ?",
            "industry": "t.industry = ?",
            "expert": "t.id IN (SELECT team_id FROM team_members WHERE expert_id = ?)",
        },
    ),
    "appointments": ListSpec(
        kind="appointments",
        table="appointments",
        joins="JOIN experts x ON x.id = t.expert_id JOIN enterprises e ON e.id = t.enterprise_id"
        " LEFT JOIN districts d ON d.adcode = e.district_code",
        columns=(
            Column("expert", "x.name", sort="x.name_pinyin"),
            Column("institution", "x.institution"),
            Column("enterprise", "e.name", sort="e.name_pinyin"),
            Column("district", "d.name"),
            Column("start_date", "t.start_date", kind="date"),
            Column("end_date", "t.end_date", kind="date"),
            Column("batch_year", "t.batch_year", kind="number"),
            Column("status", "t.status", APPOINTMENT_STATUS),
        ),
        search=(f"t.expert_id IN {_EXP_MATCH}", f"t.enterprise_id IN {_ENT_MATCH}"),
        default_sort="start_date",
        default_descending=True,
        filters={
            "status": "t.status = ?",
            "batch_year": "t.batch_year = ?",
            "district": "e.district_code = ?",
            "expert": "t.expert_id = ?",
            "enterprise": "t.enterprise_id = ?",
            "date_from": "t.start_date >= ?",
            "date_to": "t.start_date <= ?",
        },
    ),
    "visits": ListSpec(
        kind="visits",
        table="visits",
        joins="JOIN enterprises e ON e.id = t.enterprise_id"
        " LEFT JOIN teams tm ON tm.id = t.team_id"
        " LEFT JOIN districts d ON d.adcode = t.district_code",
        columns=(
            Column("visit_date", "t.visit_date", kind="date"),
            Column("enterprise", "e.name", sort="e.name_pinyin"),
            Column("district", "d.name"),
            Column("team", "tm.name"),
            Column("visit_type", "t.visit_type", VISIT_TYPE),
            Column("status", "t.status", VISIT_STATUS),
            Column("problems", "substr(t.problems, 1, 60)"),
        ),
        search=(f"t.enterprise_id IN {_ENT_MATCH}", f"t.team_id IN {_TEAM_MATCH}"),
        default_sort="visit_date",
        default_descending=True,
        filters={
            "status": "t.status = ?",
            "visit_type": "t.visit_type = ?",
            "district": "t.district_code = ?",
            "team": "t.team_id = ?",
            "expert": "t.id IN (SELECT visit_id FROM visit_experts WHERE expert_id = ?)",
            "enterprise": "t.enterprise_id = ?",
            "date_from": "t.visit_date >= ?",
            "date_to": "t.visit_date <= ?",
        },
    ),
    "cases": ListSpec(
        kind="cases",
        table="cases",
        joins="JOIN enterprises e ON e.id = t.enterprise_id"
        " LEFT JOIN districts d ON d.adcode = t.district_code",
        columns=(
            Column("title", "t.title"),
            Column("enterprise", "e.name", sort="e.name_pinyin"),
            Column("district", "d.name"),
            Column("industry", "t.industry"),
            Column("year", "t.year", kind="number"),
            Column("approved", "t.approved", kind="bool"),
        ),
        search=("t.title", f"t.enterprise_id IN {_ENT_MATCH}"),
        default_sort="year",
        default_descending=True,
        archived=True,
        filters={
            "district": "t.district_code = ?",
            "industry": "t.industry = ?",
            "year": "t.year = ?",
            "approved": "t.approved = ?",
            "enterprise": "t.enterprise_id = ?",
        },
    ),
    "follow_ups": ListSpec(
        kind="follow_ups",
        table="follow_ups",
        joins="JOIN visits v ON v.id = t.visit_id JOIN enterprises e ON e.id = v.enterprise_id"
        " LEFT JOIN districts d ON d.adcode = v.district_code",
        columns=(
            Column(
                "due_date",
                "t.due_date",
                kind="date",
                nulls_last=True,
                not_null_filters=("due_by", "overdue_on"),
            ),
            Column("description", "t.description"),
            Column("owner", "t.owner"),
            Column("enterprise", "e.name", sort="e.name_pinyin"),
            Column("visit_date", "v.visit_date", kind="date"),
            Column("needs_coordination", "t.needs_coordination", kind="bool"),
            Column("status", "t.status", FOLLOW_UP_STATUS),
        ),
        search=("t.description", "t.owner", f"v.enterprise_id IN {_ENT_MATCH}"),
        default_sort="due_date",
        filters={
            "status": "t.status = ?",
            "needs_coordination": "t.needs_coordination = ?",
            "district": "v.district_code = ?",
            "enterprise": "v.enterprise_id = ?",
            "visit": "t.visit_id = ?",
            # due: the item's deadline is on or before the given day (overdue: before it).
            "due_by": "t.due_date IS NOT NULL AND t.due_date <= ?",
            "overdue_on": "t.due_date IS NOT NULL AND t.due_date < ?",
        },
    ),
}


def spec(kind: str) -> ListSpec:
    return SPECS[kind]


def _like_term(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _where(s: ListSpec, c: Criteria) -> tuple[str, dict[str, Any]]:
    """WHERE clause and named parameters (search terms :q0.., filters :f0..)."""
    parts: list[str] = []
    params: dict[str, Any] = {}
    if s.archived and not c.include_archived:
        parts.append("t.archived_at IS NULL")
    for i, (name, value) in enumerate(sorted(c.filters.items())):
        if value is None or value == "":
            continue
        condition = s.filters[name]  # KeyError: not a whitelisted filter
        key = f"f{i}"
        parts.append("(" + condition.replace("?", f":{key}") + ")")
        params[key] = value
    for i, term in enumerate(c.search.split()):
        key = f"q{i}"
        term = term.lower() if term.isascii() else term
        alternatives = [
            expr.replace(":q", f":{key}") if ":q" in expr else f"{expr} LIKE :{key} ESCAPE '\\'"
            for expr in s.search
        ]
        parts.append("(" + " OR ".join(alternatives) + ")")
        params[key] = _like_term(term)
    return (" WHERE " + " AND ".join(parts)) if parts else "", params


def _order(s: ListSpec, c: Criteria) -> str:
    key = c.sort_key or s.default_sort
    col = s.column(key)  # KeyError: not a whitelisted sort key
    desc = s.default_descending if c.descending is None else c.descending
    direction = "DESC" if desc else "ASC"
    expr = col.sort or col.expr
    needs_nulls_last = col.nulls_last and not any(
        c.filters.get(f) not in (None, "") for f in col.not_null_filters
    )
    nulls = f"{expr} IS NULL, " if needs_nulls_last else ""
    return f" ORDER BY {nulls}{expr} {direction}, t.rowid {direction}"


def count(store: Store, kind: str, criteria: Criteria) -> int:
    """How many records match (shown beside the search box)."""
    s = SPECS[kind]
    where, params = _where(s, criteria)
    joins = s.joins if _needs_joins(s, where) else ""
    sql = f"SELECT count(*) FROM {s.table} t {joins}{where}"
    return int(store.conn.execute(sql, params).fetchone()[0])


def _needs_joins(s: ListSpec, where: str) -> bool:
    """A count needs the joins only when the WHERE clause names a joined alias."""
    aliases = {part.split()[-1] for part in s.joins.split(" ON ")[:-1] if part.strip()}
    return any(re.search(rf"\b{a}\.", where) for a in aliases)


# Above this many matches, a search walks the sort index and tests each row against the
# matching ids; below it, SQLite's own plan (look the few matches up by id, then sort) wins.
# Measured on 100k visits: "温州" (50k matches) 140 ms -> 13 ms; a rare name stays ~10 ms.
FREQUENT_MATCHES = 2000
_IN_SUBQUERY = re.compile(r"\bt\.(\w+) IN \(")


def fetch(
    store: Store,
    kind: str,
    criteria: Criteria,
    offset: int = 0,
    limit: int = PAGE_SIZE,
    *,
    total: int | None = None,
) -> list[tuple[Any, ...]]:
    """One page of rows: ``(id, *column values)`` in the spec's column order.

    ``total`` (the match count, when the caller has it) lets a frequent search use the sort
    order's index instead of collecting and sorting every match.
    """
    s = SPECS[kind]
    where, params = _where(s, criteria)
    if total is not None and total > FREQUENT_MATCHES and criteria.search.strip():
        where = _IN_SUBQUERY.sub(r"+t.\1 IN (", where)  # unary + : do not drive by this index
    cols = ", ".join(c.expr for c in s.columns)
    archived = ", t.archived_at IS NOT NULL" if s.archived else ", 0"
    sql = (
        f"SELECT t.id{archived}, {cols} FROM {s.table} t {s.joins}{where}"
        f"{_order(s, criteria)} LIMIT :limit OFFSET :offset"
    )
    params.update(limit=int(limit), offset=int(offset))
    return [tuple(r) for r in store.conn.execute(sql, params).fetchall()]


def due_criteria(today: date, within_days: int = 7) -> Criteria:
    """Open follow-ups due within ``within_days`` days or already overdue (the home page)."""
    return Criteria(
        filters={
            "status": "open",
            "due_by": (today + timedelta(days=within_days)).isoformat(),
        },
        sort_key="due_date",
    )
