"""跟进事项: a visit's follow-up items as one readable cell, and which wins, cell or records.

The template has one free-text column 跟进事项 (``Visit.follow_up_text``), but the window
records follow-ups as rows of their own (``follow_ups``) and leaves that text empty. So that the
bureau sees them, a visit whose text is empty exports its items joined in entry order
(created time, then id)::

    更换密封件（张工，期限 2026-07-15，需协调）；申报省级研发中心（已办结）

The cell is capped at the length the importer accepts for free text, so the bureau's merge
never rejects it. A visit's 更新时间 in the export is the later of the visit's and its items'
(adding or closing an item does not touch the visit row), so a changed item reaches the bureau
as a newer edit instead of a conflict. Importing the export stores the joined text in
``follow_up_text``: exporting again gives the same bytes.

The items also travel as records of their own (the ``follow_ups`` kind, ``follow_ups.csv`` in a
bundle), so the bureau can close them. **Records win**: a 跟进事项 cell that is exactly the
summary of its visit's records is not kept as the visit's text (``reconcile`` clears it after a
follow-ups file, and a visits file comparing such a cell with what is stored compares it with
the records' summary), so closing an item changes the cell at the next export instead of
leaving a stale copy. A cell that says something else is the visit's own text and is kept.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from itertools import groupby
from operator import itemgetter

from ..domain.validation import FREE_TEXT_MAX

TABLE = "temp.dx_visit_follow_ups"
SEPARATOR = "；"


def item_text(
    description: str, owner: str, due_date: str | None, coordination: object, status: str
) -> str:
    """One item: 描述（责任人，期限 2026-07-15，需协调，已办结） — empty parts left out."""
    notes = [owner] if owner else []
    if due_date:
        notes.append(f"期限 {due_date}")
    if coordination:
        notes.append("需协调")
    if status == "closed":
        notes.append("已办结")
    return description + (f"（{'，'.join(notes)}）" if notes else "")


def joined(items: Sequence[str], limit: int = FREE_TEXT_MAX) -> str:
    """Items joined by ；, cut at whole items with “…（另有 N 条）” when over ``limit``."""
    text = SEPARATOR.join(items)
    if len(text) <= limit:
        return text
    for keep in range(len(items) - 1, 0, -1):
        head = SEPARATOR.join(items[:keep])
        suffix = f"{SEPARATOR}…（另有 {len(items) - keep} 条）"
        if len(head) + len(suffix) <= limit:
            return head + suffix
    suffix = f"…（另有 {len(items) - 1} 条）" if len(items) > 1 else "…"
    return items[0][: limit - len(suffix)].rstrip() + suffix


def _grouped(rows: Iterable[sqlite3.Row | tuple]) -> Iterable[tuple[str, str, str]]:
    for visit_id, group in groupby(rows, key=itemgetter(0)):
        items = list(group)
        texts = [item_text(r[1], r[2], r[3], r[4], r[5]) for r in items]
        yield visit_id, joined(texts), max(r[6] for r in items)


def make_table(conn: sqlite3.Connection) -> bool:
    """Fill ``TABLE`` (visit_id, text, updated_at) for visits with empty 跟进事项.

    Returns whether any visit has items (without any, the export needs no join).
    """
    conn.execute(f"DROP TABLE IF EXISTS {TABLE}")
    conn.execute(
        f"CREATE TABLE {TABLE} (visit_id TEXT PRIMARY KEY, text TEXT, updated_at TEXT)"
        " WITHOUT ROWID"
    )
    cursor = conn.cursor()
    cursor.row_factory = None
    cursor.execute(
        "SELECT f.visit_id, f.description, f.owner, f.due_date, f.needs_coordination,"
        " f.status, f.updated_at FROM follow_ups f JOIN visits v ON v.id = f.visit_id"
        " WHERE v.follow_up_text = '' ORDER BY f.visit_id, f.created_at, f.id"
    )
    conn.executemany(f"INSERT INTO {TABLE} VALUES (?, ?, ?)", _grouped(cursor))
    cursor.close()
    return conn.execute(f"SELECT EXISTS (SELECT 1 FROM {TABLE})").fetchone()[0] == 1


_ITEMS = (
    "SELECT f.visit_id, f.description, f.owner, f.due_date, f.needs_coordination,"
    " f.status, f.updated_at FROM follow_ups f WHERE f.visit_id IN ({})"
    " ORDER BY f.visit_id, f.created_at, f.id"
)


def summaries(conn: sqlite3.Connection, visit_ids: Iterable[str]) -> dict[str, str]:
    """The 跟进事项 cell each of these visits' records give (visits without records: absent)."""
    ids = list(dict.fromkeys(visit_ids))
    out: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        cursor = conn.cursor()
        cursor.row_factory = None
        cursor.execute(_ITEMS.format(",".join("?" * len(chunk))), chunk)
        out.update((visit_id, text) for visit_id, text, _ in _grouped(cursor))
        cursor.close()
    return out


def reconcile(conn: sqlite3.Connection, visit_ids: Iterable[str]) -> int:
    """Clear the text of visits whose 跟进事项 is their records' summary (records win).

    The export gives the same cell either way, so the visit's 更新时间 is left alone.
    Returns how many visits were cleared.
    """
    texts = summaries(conn, visit_ids)
    before = conn.total_changes
    conn.executemany(
        "UPDATE visits SET follow_up_text = '' WHERE id = ? AND follow_up_text = ?",
        [(visit_id, text) for visit_id, text in texts.items() if text],
    )
    return conn.total_changes - before
