"""``dispatch-app history``: who changed what and when (the audit trail), and its CSV export."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .errors import EXIT_OK, CliError


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "history",
        help="who changed what and when / 修改历史（审计记录）",
        description="Show the audit trail: every create, update, archive, delete, import and "
        "merge, with who made it and the changed fields before and after. "
        "显示修改历史：新建、修改、归档、删除、导入、合并，操作人及修改前后的字段。",
    )
    p.add_argument("--db", required=True, help="database file / 数据库文件")
    p.add_argument("--record", metavar="ID", help="one record's history / 只看某条记录")
    p.add_argument("--limit", type=_limit, help="only the newest N entries / 只看最近 N 条")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "--out", metavar="FILE.csv", help="write the trail as CSV for the bureau / 导出为 CSV"
    )
    p.add_argument(
        "--mask-phones", action="store_true", help="hide phone numbers' middle digits / 隐去电话"
    )
    p.set_defaults(func=cmd_history)


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"须为正整数 / not a whole number: {text!r}") from None
    if not 1 <= value <= 10_000_000:
        raise argparse.ArgumentTypeError(f"须在 1 到 10000000 之间 / out of range: {value}")
    return value


def _describe(entry, mask: bool) -> str:
    from ..exchange.audit_export import PHONE_FIELDS, _text

    if entry.record_id is None:
        summary = json.dumps(entry.after or {}, ensure_ascii=False)
        return f"{entry.at}  {entry.who}  {entry.action} {entry.table}  {summary}"
    lines = [f"{entry.at}  {entry.who}  {entry.action} {entry.table} {entry.record_id}"]
    before, after = entry.before or {}, entry.after or {}
    for name in entry.fields():
        masked = mask and name in PHONE_FIELDS
        old, new = (_text(d.get(name), name, masked) for d in (before, after))
        if before and after:  # a change: from → to; a create or delete: the value
            lines.append(f"    {name}: {old or '∅'} → {new or '∅'}")
        else:
            lines.append(f"    {name}: {old or new}")
    return "\n".join(lines)


def cmd_history(args: argparse.Namespace) -> int:
    from ..store import audit, open_store

    path = Path(args.db)
    if not path.exists():
        raise CliError(f"{path}: 文件不存在 / file not found")
    with open_store(path, readonly=True) as store:
        if args.out:
            from ..exchange.audit_export import export_audit
            from ..exchange.writers import ExportFailed

            try:
                n = export_audit(
                    store, args.out, record_id=args.record, mask_phones=args.mask_phones
                )
            except ExportFailed as exc:
                raise CliError(f"{exc.zh}\n{exc.en}") from None
            print(f"已导出 {n} 行 / exported {n} lines: {args.out}")
            return EXIT_OK
        entries = audit.history(store.conn, args.record, limit=args.limit)
    if args.json:
        rows = [e.as_dict() for e in entries]
        if args.mask_phones:
            from ..domain.phone import mask_phone
            from ..exchange.audit_export import PHONE_FIELDS

            for row in rows:
                for side in ("before", "after"):
                    for name in PHONE_FIELDS & set(row[side] or {}):
                        row[side][name] = mask_phone(str(row[side][name] or ""))
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not entries:
        print("没有修改记录 / no history" + (f": {args.record}" if args.record else ""))
        return EXIT_OK
    for entry in entries:
        print(_describe(entry, args.mask_phones))
    return EXIT_OK
