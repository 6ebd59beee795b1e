"""The audit trail as a CSV file for the bureau: one line per changed field.

A spreadsheet reader wants to filter by person, record or field, so each field an entry names
gets its own line (a create lists the fields it set, a delete the ones it removed; an import's
summary is one line). Phone fields can be masked like any other export.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..domain.phone import mask_phone
from ..store import audit
from ..store.database import Store
from .cells import neutralise
from .writers import write_csv

HEADERS = (
    "时间 / At",
    "操作人 / Who",
    "操作 / Action",
    "数据表 / Table",
    "记录编号 / Record ID",
    "字段 / Field",
    "修改前 / Before",
    "修改后 / After",
)
PHONE_FIELDS = frozenset({"contact_phone", "phone"})


def _text(value: object, field: str, mask: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    text = str(value)
    if mask and field in PHONE_FIELDS:
        text = mask_phone(text)
    return neutralise(text)


def audit_lines(
    store: Store,
    record_id: str | None = None,
    *,
    mask_phones: bool = False,
    entries: Iterable[audit.Entry] | None = None,
) -> Iterator[tuple[str, ...]]:
    if entries is None:
        entries = audit.history(store.conn, record_id) if record_id else audit.iter_all(store.conn)
    for e in entries:
        head = (e.at, neutralise(e.who), e.action, e.table, e.record_id or "")
        names = e.fields()
        if not names or e.record_id is None:
            summary = json.dumps(e.after or {}, ensure_ascii=False)
            yield (*head, "", "", neutralise(summary))
            continue
        before, after = e.before or {}, e.after or {}
        for name in names:
            yield (
                *head,
                name,
                _text(before.get(name), name, mask_phones),
                _text(after.get(name), name, mask_phones),
            )


def export_audit(
    store: Store, target: str | Path, *, record_id: str | None = None, mask_phones: bool = False
) -> int:
    """Write the trail (or one record's) to ``target`` atomically; returns the lines written."""
    lines = audit_lines(store, record_id, mask_phones=mask_phones)
    return write_csv(Path(target), HEADERS, lines)
