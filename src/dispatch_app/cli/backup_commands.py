"""``backup``, ``restore`` and ``backups``: verified copies of a database and putting one back.

The full ``integrity_check`` is ``dispatch-app check`` (core_commands); these commands reuse the
backup package (``dispatch_app.backup``), so the window and the command line behave the same.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .errors import EXIT_OK, CliError


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "backup",
        help="make a verified backup / 备份数据库",
        description="Copy the database with SQLite's online backup API, verify the copy and "
        "keep it (default folder: backups/ beside the database); old copies are rotated. "
        "Prints the backup's path. 用 SQLite 在线备份复制数据库并校验，打印备份文件路径。",
    )
    p.add_argument("--db", required=True, help="database file / 数据库文件")
    p.add_argument("--to", metavar="DIR", help="backup folder / 备份文件夹")
    p.set_defaults(func=cmd_backup)

    p = subparsers.add_parser(
        "restore",
        help="restore a backup / 从备份恢复",
        description="Verify BACKUP, keep the current database as a backup (a damaged one is "
        "renamed aside unchanged), then put BACKUP in its place. With --newest, the newest "
        "backup that passes verification. 先校验备份，保留当前数据库，再替换。",
    )
    p.add_argument("backup", nargs="?", help="backup file / 备份文件")
    p.add_argument("--db", required=True, help="database file to replace / 要替换的数据库文件")
    p.add_argument("--newest", action="store_true", help="the newest good backup / 最近的完好备份")
    p.set_defaults(func=cmd_restore)

    p = subparsers.add_parser(
        "backup-settings",
        help="show or set how backups are kept / 备份保留设置",
        description="Show the backup settings kept in the database, or change them with "
        "--set KEY=VALUE (keep_recent, keep_daily, keep_weekly, keep_monthly, interval_hours, "
        "folder). 显示或修改备份设置。",
    )
    p.add_argument("--db", required=True, help="database file / 数据库文件")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    p.set_defaults(func=cmd_backup_settings)

    p = subparsers.add_parser("backups", help="list the backups / 列出备份")
    p.add_argument("--db", required=True, help="database file / 数据库文件")
    p.add_argument("--verify", action="store_true", help="verify each one / 逐个校验")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_backups)


def cmd_backup(args: argparse.Namespace) -> int:
    from ..backup import make_backup

    path = make_backup(Path(args.db), Path(args.to) if args.to else None)
    print(path)
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from ..backup import newest_good_backup, restore_backup

    db = Path(args.db)
    if args.newest == bool(args.backup):
        raise CliError("restore: give BACKUP or --newest / 请给出备份文件或 --newest")
    backup = newest_good_backup(db).path if args.newest else Path(args.backup)
    if not backup.is_file():
        raise CliError(f"{backup}: 备份文件不存在 / backup file does not exist")
    result = restore_backup(backup, db)
    print(f"已恢复 / restored: {backup} → {db}")
    if result.kept is not None:
        if result.damaged:
            print(
                f"损坏的数据库原样保留在 / the damaged database is kept unchanged at: {result.kept}"
            )
        else:
            print(f"原数据库已备份为 / the replaced database was backed up as: {result.kept}")
    return EXIT_OK


def cmd_backups(args: argparse.Namespace) -> int:
    from ..backup import all_backups, is_valid

    db = Path(args.db)
    rows = []
    for b in all_backups(db):
        row = {"path": str(b.path), "taken": b.taken.isoformat(), "tag": b.tag}
        row["bytes"] = b.path.stat().st_size
        if args.verify:
            row["valid"] = is_valid(b.path)
        rows.append(row)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not rows:
        print("没有备份 / no backups")
    for row in rows:
        state = "" if "valid" not in row else ("  ok" if row["valid"] else "  损坏 / damaged")
        tag = f"  [{row['tag']}]" if row["tag"] else ""
        print(f"{row['taken']}  {row['bytes']:>12,}  {row['path']}{tag}{state}")
    return EXIT_OK


def cmd_backup_settings(args: argparse.Namespace) -> int:
    from dataclasses import asdict, fields

    from ..backup import BackupPolicy
    from ..backup.policy import PREFIX
    from ..store import open_store

    kinds = {f.name: type(getattr(BackupPolicy(), f.name)) for f in fields(BackupPolicy)}
    updates: dict[str, str] = {}
    for item in args.set:
        key, eq, value = (part.strip() for part in item.partition("="))
        if not eq or key not in kinds:
            raise CliError(
                f"--set {item}: expected KEY=VALUE with KEY one of {', '.join(kinds)} / 应为 键=值"
            )
        if kinds[key] is not str:
            try:
                number = kinds[key](value)
            except ValueError:
                raise CliError(f"--set {item}: not a number / 不是数字") from None
            if not 0 <= number < 10**6:  # also refuses nan and inf
                raise CliError(
                    f"--set {item}: must be between 0 and 1000000 / 应在 0 到 1000000 之间"
                )
        updates[key] = value
    path = Path(args.db)
    with open_store(path, readonly=not updates) as store:
        if updates:
            with store.atomic():
                for key, value in updates.items():
                    store.set_setting(PREFIX + key, value)
        policy = BackupPolicy.load(store.conn)
    for key, value in asdict(policy).items():
        print(f"{key:16} {value}")
    return EXIT_OK
