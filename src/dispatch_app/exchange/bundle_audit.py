"""The audit trail inside a bundle (opt-in) and its import at the bureau.

Why a file of its own, written only on request: the trail names people and holds old values,
so a district sends it only when it means to (``--with-audit``), and the manifest says so
(``"audit": true``). The file has the columns of ``dispatch-app history --out`` preceded by the
district's audit row id, so the bureau can put the per-field lines back together into entries
and take each entry once however often a bundle is merged (``audit_log.origin``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from ..store import audit
from ..store.database import Store
from .audit_export import HEADERS, audit_lines
from .cells import restore
from .readers import FileRejected, open_table
from .writers import write_csv

AUDIT_FILE = "audit_log.csv"
ID_HEADER = "审计编号 / Audit ID"


def _selected(store: Store, ids_table: str, district: str | None, bounds) -> Iterator:
    """The entries that belong to the bundle: its records' (or all, without a district)."""
    where, params = [], []
    if district is not None:
        where.append(f"record_id IN (SELECT id FROM {ids_table})")
    if bounds is not None:
        where.append("at >= ? AND at < ?")
        params += list(bounds)
    sql = " WHERE " + " AND ".join(where) if where else ""
    ids = [r[0] for r in store.conn.execute(f"SELECT id FROM audit_log{sql} ORDER BY id", params)]
    for chunk in range(0, len(ids), 500):
        part = ids[chunk : chunk + 500]
        marks = ",".join("?" * len(part))
        yield from audit.entries_where(store.conn, f"id IN ({marks})", part)


def write_audit_file(
    store: Store,
    target: Path,
    *,
    ids_table: str,
    district: str | None,
    bounds: tuple[str, str] | None,
    mask_phones: bool,
) -> tuple[int, int]:
    """Write the bundle's audit file; returns its line and entry counts."""
    if not audit.has_trail(store.conn):
        entries: Iterator = iter(())
    else:
        entries = _selected(store, ids_table, district, bounds)

    seen = 0

    def lines() -> Iterator[tuple[str, ...]]:
        nonlocal seen
        for entry in entries:
            seen += 1
            for line in audit_lines(store, entries=[entry], mask_phones=mask_phones):
                yield (str(entry.id), *line)

    written = write_csv(target, (ID_HEADER, *HEADERS), lines())
    return written, seen


def _value(text: str) -> object:
    return restore(text) if text != "" else None


def import_audit_file(store: Store, path: Path, source: str) -> int:
    """Add the file's entries not yet here (``source`` names the district); returns how many.

    Runs inside the merge's transaction; a line that does not fit is a rejection of the bundle.
    """
    try:
        rows = open_table(path).rows
        header = next(rows, None)
    except FileRejected as exc:
        raise ValueError(f"{path.name}: {exc.zh} / {exc.en}") from None
    if header is None or tuple(header[1]) != (ID_HEADER, *HEADERS):
        raise ValueError(f"{path.name}: 列名不符 / unexpected columns")
    grouped: dict[str, dict] = {}
    for number, cells in rows:
        if len(cells) != len(HEADERS) + 1:
            raise ValueError(f"{path.name} 第 {number} 行 / row {number}: 列数不符 / columns")
        rid, at, who, action, table, record, name, before, after = cells
        if action not in audit.ACTIONS or not rid or not at:
            raise ValueError(f"{path.name} 第 {number} 行 / row {number}: 操作 / action")
        e = grouped.setdefault(
            rid,
            {
                "at": at,
                "who": restore(who),
                "action": action,
                "table": table,
                "record": record or None,
                "before": {},
                "after": {},
            },
        )
        if name:
            if action != "create":
                e["before"][name] = _value(before)
            if action != "delete":
                e["after"][name] = _value(after)
        else:
            try:
                e["after"] = json.loads(restore(after) or "{}")
            except ValueError:
                e["after"] = {"text": restore(after)}
    added = 0
    for rid, e in grouped.items():
        # The id with the entry's head (not its values, which masking changes): a second
        # database's entry of the same id is not taken for this one.
        head = [e["at"], e["who"], e["action"], e["table"], e["record"]]
        digest = hashlib.sha256(json.dumps(head, ensure_ascii=False).encode()).hexdigest()
        origin = f"{source}:{rid}:{digest[:16]}"
        cur = store.conn.execute(
            "INSERT OR IGNORE INTO main.audit_log"
            " (at, who, action, table_name, record_id, before, after, origin)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                e["at"],
                e["who"],
                e["action"],
                e["table"],
                e["record"],
                json.dumps(e["before"], ensure_ascii=False) if e["before"] else None,
                json.dumps(e["after"], ensure_ascii=False) if e["after"] else None,
                origin,
            ),
        )
        added += cur.rowcount
    return added
