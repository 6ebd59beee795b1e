"""init, demo, check: the foundation's commands (progress and targets: progress_commands)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .. import clock
from .args import district as district_arg
from .args import iso_date
from .args import year as year_arg
from .errors import EXIT_BAD_INPUT, EXIT_OK, CliError


def _existing_db(value: str | None) -> Path:
    if not value:
        raise CliError("--db PATH is required / 需要 --db 指定数据库文件")
    return Path(value)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("init", help="create an empty database / 新建空数据库")
    p.add_argument("path", help="new database file")
    p.add_argument("--year", type=year_arg, default=None, help="year of default targets")
    p.set_defaults(func=cmd_init)

    p = subparsers.add_parser("demo", help="write a demo database / 生成演示数据库")
    p.add_argument("path", help="database file to write")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument(
        "--visits",
        type=int,
        default=None,
        help="number of visits (default: the "
        "city's real year, about the 10,000-visit target paced to --as-of)",
    )
    p.add_argument(
        "--district", type=district_arg, help="make one district's database (name or adcode)"
    )
    p.add_argument("--as-of", type=iso_date, default=None, help="date the demo year runs up to")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=cmd_demo)

    p = subparsers.add_parser("check", help="schema, integrity and counts / 检查数据库")
    p.add_argument("--db", dest="db_path", required=False)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)


def cmd_init(args: argparse.Namespace) -> int:
    from ..services.targets import ensure_default_targets
    from ..store import open_store

    path = Path(args.path)
    if path.exists() and path.stat().st_size > 0:
        raise CliError(f"{path}: file exists, not overwritten / 文件已存在，未覆盖")
    with open_store(path, create=True) as store:
        ensure_default_targets(store, clock.today().year if args.year is None else args.year)
    print(f"created / 已创建: {path}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from ..demo.generator import generate_demo

    path = Path(args.path)
    if path.is_dir():
        raise CliError(
            f"{path}：这是一个文件夹，请给出数据库文件名 / "
            "this is a folder; give a database file name"
        )
    if path.exists() and not args.force:
        raise CliError(
            f"{path}: file exists; use --force to overwrite / 文件已存在，如需覆盖请加 --force"
        )
    if args.visits is not None and args.visits < 0:
        raise CliError("--visits must be >= 0 / --visits 不能为负数")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise CliError(f"文件夹不存在：{folder} / Folder does not exist: {folder}")

    def report(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    summary = generate_demo(
        path,
        seed=args.seed,
        visits=args.visits,
        district=args.district,
        as_of=args.as_of,
        progress=report,
        overwrite=args.force,
    )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(summary.describe())
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from ..services.health import check
    from ..store import open_store

    path = _existing_db(args.db_path)
    with open_store(path, readonly=True) as store:
        report = check(store)
    if args.json:
        data = {
            "path": report.path,
            "ok": report.ok,
            "schema_version": report.schema_version,
            "supported_version": report.supported_version,
            "integrity": report.integrity,
            "foreign_key_errors": report.foreign_key_errors,
            "counts": report.counts,
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(f"数据库 / database: {report.path}")
        print(
            f"结构版本 / schema version: {report.schema_version} "
            f"(supported {report.supported_version})"
        )
        print(f"完整性 / integrity: {'; '.join(report.integrity)}")
        print(f"外键 / foreign keys: {len(report.foreign_key_errors) or 'ok'}")
        for table, n in report.counts.items():
            print(f"  {table:14} {n:>8}")
        print("OK" if report.ok else "PROBLEMS FOUND / 发现问题")
    return EXIT_OK if report.ok else EXIT_BAD_INPUT


__all__ = ["EXIT_BAD_INPUT", "register"]
