"""import, export, bundle, merge: exchanging files with the bureau (a thin front over exchange/).

Exit codes: 0 done; 2 bad input — nothing was written and stderr says which file, row, column
and field; 1 anything unexpected.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from .args import district as district_arg
from .args import iso_date
from .errors import EXIT_BAD_INPUT, EXIT_OK, CliError

if TYPE_CHECKING:
    from ..store.database import Store

IMPORT_KINDS = (
    "enterprises",
    "experts",
    "appointments",
    "visits",
    "follow_ups",
    "teams",
    "cases",
)
EXPORT_KINDS = ("enterprises", "experts", "appointments", "visits", "follow_ups", "teams", "cases")
MAX_PRINTED = 50


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
    p.add_argument(
        "--errors",
        help="error report (CSV); default: <file>.errors.csv beside the file / 错误报告文件",
    )
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
    p.add_argument(
        "--encoding",
        choices=("utf-8-sig", "gb18030"),
        default=None,
        help="CSV only (default utf-8-sig) / 仅用于 CSV",
    )
    p.add_argument(
        "--mask-phones",
        "--mask-personal",
        dest="mask_personal",
        action="store_true",
        help="mask phone numbers / 隐去电话",
    )
    p.add_argument(
        "--district", type=district_arg, help="only this district (name or code) / 只导出该区县"
    )
    p.add_argument("--from", dest="date_from", type=iso_date)
    p.add_argument("--to", dest="date_to", type=iso_date)
    p.set_defaults(func=cmd_export)

    p = subparsers.add_parser("bundle", help="monthly bundle for the bureau / 生成报送数据包")
    p.add_argument("--db", dest="db_path", required=True)
    p.add_argument("--out", required=True, help="a new folder, or a .zip file")
    p.add_argument(
        "--force", action="store_true", help="replace an existing bundle / 覆盖已有的数据包"
    )
    p.add_argument("--district", type=district_arg, help="district (name or code)")
    p.add_argument("--month", help="YYYY-MM")
    p.add_argument(
        "--with-audit",
        action="store_true",
        help="include the audit trail (audit_log.csv) / 附带操作记录",
    )
    p.add_argument(
        "--mask-phones",
        action="store_true",
        help="hide phones' middle digits in the audit file / 操作记录中隐去电话",
    )
    p.set_defaults(func=cmd_bundle)

    p = subparsers.add_parser("merge", help="merge district bundles (bureau) / 合并区县数据包")
    p.add_argument("--db", dest="db_path", required=True)
    p.add_argument("bundles", nargs="+", help="bundle folders or .zip files")
    p.add_argument("--conflicts", help="write the conflicts (CSV) here / 冲突报告文件")
    p.set_defaults(func=cmd_merge)


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


def _report_target(args: argparse.Namespace) -> tuple[Path, bool]:
    """Where the error report goes, and whether the user chose it (``--errors``)."""
    if args.errors:
        return Path(args.errors), True
    source = Path(args.file)
    return source.with_name(f"{source.stem}.errors.csv"), False


def _check_report_target(path: Path) -> None:
    """Refuse an impossible ``--errors`` before anything is read or written."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise CliError(
            f"--errors：{path} 是一个文件夹，请给出文件名 / --errors: {path} is a folder; "
            "give a file name"
        )
    if not folder.is_dir():
        raise CliError(
            f"--errors：文件夹不存在：{folder} / --errors: folder does not exist: {folder}"
        )


def _open_for_import(path: Path, dry_run: bool) -> Store:
    """A dry run opens the database read-only: it must not even upgrade an older schema."""
    from ..store import open_store
    from ..store.schema import SCHEMA_VERSION

    if not dry_run:
        from ..store.writer_lock import open_locked

        return open_locked(path)  # one writer: refused while another instance has it open
    store = open_store(path, readonly=True)
    version = int(store.scalar("PRAGMA user_version"))
    if version < SCHEMA_VERSION:
        store.close()
        raise CliError(
            f"{path}：数据库版本较旧（{version}，当前 {SCHEMA_VERSION}），试运行不会升级它；"
            "请先在程序中打开一次该文件（会自动升级），再试运行\n"
            f"{path}: the database has an older schema ({version}, current {SCHEMA_VERSION}) "
            "and a dry run does not upgrade it; open it once in the program first"
        )
    return store


def cmd_import(args: argparse.Namespace) -> int:
    from ..exchange.error_report import has_row_problems, write_error_report
    from ..exchange.importer import ImportOptions, import_file
    from ..exchange.writers import ExportFailed

    if not Path(args.file).name or Path(args.file).is_dir():  # "" is ".", a folder
        raise CliError(
            f"「{args.file}」不是文件，请给出要导入的文件 / '{args.file}' is not a file; "
            "give the file to import"
        )
    report, chosen = _report_target(args)
    if chosen:
        _check_report_target(report)
    options = ImportOptions(
        dry_run=args.dry_run,
        skip_invalid=args.skip_invalid,
        on_existing=args.on_existing,
        sheet=args.sheet,
    )
    with _open_for_import(Path(args.db_path), args.dry_run) as store:
        result = import_file(store, args.kind, args.file, options)
    for note in result.notes:
        print(note, file=sys.stderr)
    code = EXIT_OK
    if result.problems and (not args.skip_invalid or not result.rows):
        code = EXIT_BAD_INPUT  # refused, or a file-level problem: nothing could be read
    if result.problems:
        print(f"{args.file}：", file=sys.stderr)
        _print_problems(result.problems)
        # A file that is not a table at all (missing, binary, damaged) has no rows to list:
        # the message above says it all, and no report is left beside it.
        if has_row_problems(result.problems):
            try:
                write_error_report(report, result.problems)
                print(f"错误报告 / error report: {report}", file=sys.stderr)
            except ExportFailed as exc:
                print(
                    f"未能写入错误报告 {report}：{exc.zh}\n"
                    f"Could not write the error report {report}: {exc.en}\n"
                    "可用 --errors 指定其他位置 / choose another place with --errors",
                    file=sys.stderr,
                )
                if chosen and not result.written:
                    code = EXIT_BAD_INPUT
    print(result.summary())
    return code


def cmd_export(args: argparse.Namespace) -> int:
    from ..exchange.exporter import ExportOptions, export_kind
    from ..exchange.writers import ExportFailed
    from ..store import open_store

    out = Path(args.out)
    fmt = args.format or ("xlsx" if out.suffix.lower() == ".xlsx" else "csv")
    if fmt == "xlsx" and args.encoding is not None:
        raise CliError(
            "--encoding 只适用于 CSV 导出，XLSX 文件不需要指定编码 / "
            "--encoding applies to CSV only; an XLSX file has no encoding to choose"
        )
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise CliError("--from is after --to / 起始日期晚于截止日期")
    options = ExportOptions(
        format=fmt,
        encoding=args.encoding or "utf-8-sig",
        mask_personal=args.mask_personal,
        district=args.district,
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
    from ..exchange.bundle import BundleExists, make_bundle
    from ..exchange.writers import ExportFailed
    from ..store import open_store

    with open_store(Path(args.db_path), readonly=True) as store:
        try:
            result = make_bundle(
                store,
                args.out,
                district=args.district,
                month=args.month,
                overwrite=args.force,
                with_audit=args.with_audit,
                mask_phones=args.mask_phones,
            )
        except BundleExists as exc:
            raise CliError(
                f"{exc.zh}；如需覆盖请加 --force / {exc.en}; use --force to replace it"
            ) from exc
        except ExportFailed as exc:
            raise CliError(f"{exc.zh} / {exc.en}") from exc
    counts = "，".join(f"{k} {n}" for k, n in result.counts.items())
    if args.with_audit:
        counts += f"，audit_log {result.manifest['audit_file']['rows']}"
    print(f"数据包已生成 / bundle written: {result.path}（{counts}）")
    return EXIT_OK


def cmd_merge(args: argparse.Namespace) -> int:
    from ..exchange.error_report import write_error_report
    from ..exchange.merge import BundleRejected, merge_bundles
    from ..store.writer_lock import open_locked

    with open_locked(Path(args.db_path)) as store:
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
    if result.audit_added:
        print(f"操作记录新增 {result.audit_added} 条 / audit entries added: {result.audit_added}")
    return EXIT_OK


__all__ = ["register"]
