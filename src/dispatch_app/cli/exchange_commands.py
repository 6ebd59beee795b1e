"""import, export, bundle, merge: exchanging files with the bureau (a thin front over exchange/).

Exit codes: 0 done; 2 bad input — nothing was written and stderr says which file, row, column
and field; 1 anything unexpected.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from .errors import EXIT_BAD_INPUT, EXIT_OK, CliError

IMPORT_KINDS = ("enterprises", "experts", "appointments", "visits", "teams", "cases")
EXPORT_KINDS = ("enterprises", "experts", "appointments", "visits", "teams", "cases")
MAX_PRINTED = 50


def _date(value: str) -> date:
    from ..domain.dates import parse_date
    from ..domain.problems import InvalidValue

    try:
        return parse_date(value)
    except InvalidValue as exc:
        raise argparse.ArgumentTypeError(f"{exc.zh} / {exc.en}") from exc


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("import", help="import a CSV/XLSX file / 导入表格")
    p.add_argument("kind", choices=IMPORT_KINDS)
    p.add_argument("file")
    p.add_argument("--db", dest="db_path", required=True)
    p.add_argument("--dry-run", action="store_true", help="check only, write nothing / 只检查")
    p.add_argument(
        "--skip-invalid",
        action="store_true",
        help="write the valid rows, report the rest / 跳过有误的行",
    )
    p.add_argument("--errors", help="write the error report (CSV) here / 错误报告文件")
    p.add_argument(
        "--on-existing",
        choices=("update", "skip"),
        default="update",
        help="records already in the database: update (default) or skip",
    )
    p.add_argument("--sheet", help="XLSX sheet name (default: the first) / 工作表名称")
    p.set_defaults(func=cmd_import)

    p = subparsers.add_parser("export", help="export to CSV/XLSX / 导出表格")
    p.add_argument("kind", choices=EXPORT_KINDS)
    p.add_argument("--db", dest="db_path", required=True)
    p.add_argument("--out", required=True)
    p.add_argument(
        "--format",
        choices=("csv", "xlsx"),
        default=None,
        help="default: from the file extension, else csv",
    )
    p.add_argument("--encoding", choices=("utf-8-sig", "gb18030"), default="utf-8-sig")
    p.add_argument("--mask-personal", action="store_true", help="mask phone numbers / 隐去电话")
    p.add_argument("--district", help="only this district (name or code) / 只导出该区县")
    p.add_argument("--from", dest="date_from", type=_date)
    p.add_argument("--to", dest="date_to", type=_date)
    p.set_defaults(func=cmd_export)

    p = subparsers.add_parser("bundle", help="monthly bundle for the bureau / 生成报送数据包")
    p.add_argument("--db", dest="db_path", required=True)
    p.add_argument("--out", required=True, help="a new folder, or a .zip file")
    p.add_argument("--district", help="district (name or code)")
    p.add_argument("--month", help="YYYY-MM")
    p.set_defaults(func=cmd_bundle)

    p = subparsers.add_parser("merge", help="merge district bundles (bureau) / 合并区县数据包")
    p.add_argument("--db", dest="db_path", required=True)
    p.add_argument("bundles", nargs="+", help="bundle folders or .zip files")
    p.add_argument("--conflicts", help="write the conflicts (CSV) here / 冲突报告文件")
    p.set_defaults(func=cmd_merge)


def _district(value: str | None) -> str | None:
    if not value:
        return None
    from ..domain.geography import load_gazetteer
    from ..domain.problems import InvalidValue

    try:
        return load_gazetteer().resolve_district(value).adcode
    except InvalidValue as exc:
        raise CliError(f"--district: {exc.zh} / {exc.en}") from exc


def _print_problems(problems: list, prefix: str = "") -> None:
    for p in problems[:MAX_PRINTED]:
        print(
            f"{prefix}{p.describe()}" + (f"（原值 value: {p.value}）" if p.value else ""),
            file=sys.stderr,
        )
    if len(problems) > MAX_PRINTED:
        print(
            f"… 另有 {len(problems) - MAX_PRINTED} 条问题 / {len(problems) - MAX_PRINTED} more",
            file=sys.stderr,
        )


def cmd_import(args: argparse.Namespace) -> int:
    from ..exchange.error_report import write_error_report
    from ..exchange.importer import ImportOptions, import_file
    from ..store import open_store

    options = ImportOptions(
        dry_run=args.dry_run,
        skip_invalid=args.skip_invalid,
        on_existing=args.on_existing,
        sheet=args.sheet,
    )
    with open_store(Path(args.db_path)) as store:
        result = import_file(store, args.kind, args.file, options)
    for note in result.notes:
        print(note, file=sys.stderr)
    if result.problems:
        print(f"{args.file}：", file=sys.stderr)
        _print_problems(result.problems)
        if args.errors:
            write_error_report(args.errors, result.problems)
            print(f"错误报告 / error report: {args.errors}", file=sys.stderr)
    print(result.summary())
    if result.problems and not args.skip_invalid:
        return EXIT_BAD_INPUT
    if result.problems and not result.rows:
        return EXIT_BAD_INPUT  # a file-level problem: nothing could be read
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from ..exchange.exporter import ExportOptions, export_kind
    from ..exchange.writers import ExportFailed
    from ..store import open_store

    out = Path(args.out)
    fmt = args.format or ("xlsx" if out.suffix.lower() == ".xlsx" else "csv")
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise CliError("--from is after --to / 起始日期晚于截止日期")
    options = ExportOptions(
        format=fmt,
        encoding=args.encoding,
        mask_personal=args.mask_personal,
        district=_district(args.district),
        date_from=args.date_from,
        date_to=args.date_to,
    )
    with open_store(Path(args.db_path), readonly=True) as store:
        try:
            result = export_kind(store, args.kind, out, options)
        except ExportFailed as exc:
            raise CliError(f"{out}: {exc.zh} / {exc.en}") from exc
    print(f"已导出 {result.rows} 行 / exported {result.rows} rows: {out}")
    return EXIT_OK


def cmd_bundle(args: argparse.Namespace) -> int:
    from ..exchange.bundle import make_bundle
    from ..exchange.writers import ExportFailed
    from ..store import open_store

    with open_store(Path(args.db_path), readonly=True) as store:
        try:
            result = make_bundle(
                store, args.out, district=_district(args.district), month=args.month
            )
        except ExportFailed as exc:
            raise CliError(f"{args.out}: {exc.zh} / {exc.en}") from exc
    counts = "，".join(f"{k} {n}" for k, n in result.counts.items())
    print(f"数据包已生成 / bundle written: {result.path}（{counts}）")
    return EXIT_OK


def cmd_merge(args: argparse.Namespace) -> int:
    from ..exchange.error_report import write_error_report
    from ..exchange.merge import BundleRejected, merge_bundles
    from ..store import open_store

    with open_store(Path(args.db_path)) as store:
        try:
            result = merge_bundles(store, args.bundles)
        except BundleRejected as exc:
            raise CliError(f"{exc.zh}\n{exc.en}") from exc
    for path, problem in result.problems[:MAX_PRINTED]:
        print(f"{path}: {problem.describe()}", file=sys.stderr)
    if not result.ok:
        print("数据包有误，未合并任何数据 / invalid bundle: nothing merged", file=sys.stderr)
        return EXIT_BAD_INPUT
    for path, problem in result.conflicts[:MAX_PRINTED]:
        print(f"冲突 / conflict {path}: {problem.describe()}", file=sys.stderr)
    if args.conflicts and result.conflicts:
        write_error_report(
            args.conflicts,
            [replace(p, column=f"{Path(path).name} {p.column}") for path, p in result.conflicts],
        )
    for r in result.results:
        print(r.summary().splitlines()[0])
    return EXIT_OK


__all__ = ["register"]
