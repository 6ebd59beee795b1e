"""Paged, sorted, filtered lists of records for the window's tables (pure SQL, no Qt).

A table on screen asks for a *count* and then for *pages* of rows as the user scrolls; sorting
and filtering happen here in SQL so that 100k visits stay instant (a proxy model sorting in
Python would have to fetch every row first). Everything a caller can choose is whitelisted:
sort keys are column keys of a :class:`ListSpec` (``store.list_specs``), filters are named
conditions, and every value travels as a parameter, so nothing typed into a search box ever
becomes SQL text.

Search: every whitespace-separated term must match one of the spec's text columns (``LIKE``,
which facts.md measured at ~30 ms over 100k names; FTS trigram would miss 1–2 character words).
An ASCII term also matches the stored pinyin keys, so ``wzdx`` finds 温州大学 and ``wenzhou``
finds every 温州… name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from .list_specs import SPECS, Column, ListSpec, spec

__all__ = [  # the specs are re-exported: callers need one module for lists
    "PAGE_SIZE",
    "SPECS",
    "Column",
    "Criteria",
    "ListSpec",
    "count",
    "due_criteria",
    "fetch",
    "planned_visits_criteria",
    "recent_visits_criteria",
    "spec",
]

if TYPE_CHECKING:
    from .database import Store

PAGE_SIZE = 200


@dataclass
class Criteria:
    """What a table shows: search text, named filters, archived rows, sort order."""

    search: str = ""
    filters: dict[str, Any] = field(default_factory=dict)
    include_archived: bool = False
    sort_key: str | None = None
    descending: bool | None = None


def like_term(term: str) -> str:
    """``%term%`` for ``LIKE … ESCAPE '\\'``: a typed ``%`` or ``_`` (as in 瑞安市100%阀门)
    matches itself, not any text. Shared by the paged lists and ``services.lookup``."""
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
        params[key] = like_term(term)
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
    sql = f"SELECT count(*) FROM {s.table} t {_joins_for(s, where)}{where}"
    return int(store.conn.execute(sql, params).fetchone()[0])


_JOIN = re.compile(r"(?:LEFT )?JOIN (\w+) (\w+) ON (.+?)(?= (?:LEFT )?JOIN |$)")
_PARSED_JOINS: dict[str, list[tuple[str, str, set[str]]]] = {}


def _parsed_joins(s: ListSpec) -> list[tuple[str, str, set[str]]]:
    """(alias, clause, aliases its ON condition names) for each of the spec's joins."""
    if s.kind not in _PARSED_JOINS:
        _PARSED_JOINS[s.kind] = [
            (m.group(2), m.group(0), set(re.findall(r"\b(\w+)\.", m.group(3))))
            for m in _JOIN.finditer(s.joins)
        ]
    return _PARSED_JOINS[s.kind]


def _joins_for(s: ListSpec, sql: str) -> str:
    """The joins ``sql`` (a WHERE or ORDER BY clause) needs: those whose alias it names, and
    the joins those depend on. The others are left out: every join is on a key (a left join
    adds no rows; an inner one loses none, the foreign keys see to it), so leaving one out
    changes no count and no order, and saves a look-up per row."""
    joins = _parsed_joins(s)
    needed = {alias for alias, _c, _r in joins if re.search(rf"\b{alias}\.", sql)}
    for alias, _clause, refs in reversed(joins):  # a join depends only on earlier ones
        if alias in needed:
            needed |= refs - {"t"}
    return " ".join(clause for alias, clause, _r in joins if alias in needed)


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

    Two steps in one statement: the page's rowids are chosen with only the joins the filter
    and the sort need, and the shown columns are looked up for those rows alone. Sorting 100k
    visits by enterprise name used to carry every row's team and district look-ups and shown
    text through the sort (~200 ms); sorting (pinyin, rowid) pairs takes ~40 ms.
    """
    s = SPECS[kind]
    where, params = _where(s, criteria)
    if total is not None and total > FREQUENT_MATCHES and criteria.search.strip():
        where = _IN_SUBQUERY.sub(r"+t.\1 IN (", where)  # unary + : do not drive by this index
    order = _order(s, criteria)
    cols = ", ".join(c.expr for c in s.columns)
    archived = ", t.archived_at IS NOT NULL" if s.archived else ", 0"
    page = (
        f"SELECT t.rowid FROM {s.table} t {_joins_for(s, where + order)}{where}{order}"
        " LIMIT :limit OFFSET :offset"
    )
    sql = (
        f"SELECT t.id{archived}, {cols} FROM {s.table} t {s.joins} WHERE t.rowid IN ({page}){order}"
    )
    params.update(limit=int(limit), offset=int(offset))
    return [tuple(r) for r in store.conn.execute(sql, params).fetchall()]


def recent_visits_criteria(today: date) -> Criteria:
    """Completed visits dated today or earlier, latest first (the home page's recent list)."""
    return Criteria(
        filters={"status": "completed", "date_to": today.isoformat()},
        sort_key="visit_date",
        descending=True,
    )


def planned_visits_criteria(today: date, within_days: int = 14) -> Criteria:
    """Planned visits from today to ``today + within_days``, soonest first (近期计划)."""
    return Criteria(
        filters={
            "status": "planned",
            "date_from": today.isoformat(),
            "date_to": (today + timedelta(days=within_days)).isoformat(),
        },
        sort_key="visit_date",
        descending=False,
    )


def due_criteria(today: date, within_days: int = 7) -> Criteria:
    """Open follow-ups due within ``within_days`` days or already overdue (the home page)."""
    return Criteria(
        filters={
            "status": "open",
            "due_by": (today + timedelta(days=within_days)).isoformat(),
        },
        sort_key="due_date",
    )
