"""report: the printed documents as PDF files (the same builders as the Reports page)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import clock
from .args import district as district_arg
from .args import iso_date
from .args import year as year_arg
from .errors import EXIT_OK, CliError

KINDS = ("cases", "visits", "brief", "assessment")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "report",
        help="print a document as PDF / 生成打印文档（PDF）",
        description="cases 典型案例汇编 · visits 入企服务记录单 · brief 工作推进会简报 · "
        "assessment 科技副总年度考核材料",
    )
    p.add_argument("kind", choices=KINDS)
    p.add_argument("--db", dest="db_path", required=False)
    p.add_argument("--out", required=False, help="the PDF file to write / 输出的 PDF 文件")
    p.add_argument("--district", type=district_arg, default=None, help="name or adcode")
    p.add_argument("--from", dest="date_from", type=iso_date, default=None)
    p.add_argument("--to", dest="date_to", type=iso_date, default=None)
    p.add_argument("--year", type=year_arg, default=None)
    p.add_argument(
        "--ids", nargs="+", default=(), help="record ids (visits, cases or appointments)"
    )
    p.add_argument("--as-of", type=iso_date, default=None, help="the date printed and paced to")
    p.add_argument(
        "--mask-phones",
        action="store_true",
        help="print phone numbers with their middle hidden / 电话号码隐去中间几位",
    )
    p.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    from ..reports.documents import TITLES, ReportError, Scope, generate
    from ..store import open_store

    if not args.db_path:
        raise CliError("--db PATH is required / 需要 --db 指定数据库文件")
    if not args.out:
        raise CliError("--out FILE.pdf is required / 需要 --out 指定输出文件")
    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise CliError(f"{out}: the output must end in .pdf / 输出文件应以 .pdf 结尾")
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise CliError(f"--from {args.date_from} 晚于 --to {args.date_to} / --from is after --to")
    scope = Scope(
        district_code=args.district,
        date_from=args.date_from,
        date_to=args.date_to,
        year=args.year,
        ids=tuple(args.ids),
        mask_phones=args.mask_phones,
    )
    as_of = args.as_of or clock.today()
    with open_store(Path(args.db_path), readonly=True) as store:
        try:
            result = generate(store, args.kind, scope, out, as_of=as_of)
        except ReportError as exc:
            raise CliError(f"{exc.zh} / {exc.en}") from exc
        except OSError as exc:  # a full disk, a read-only folder: the old file is kept
            from ..file_errors import describe_write_error

            zh, en = describe_write_error(exc, out)
            raise CliError(f"{zh}\n{en}") from exc
    zh, en = TITLES[args.kind]
    print(f"{zh} / {en}: {out}，共 {result.pages} 页 / {result.pages} pages")
    for line in result.warnings:
        print(f"警告 / warning: {line}", file=sys.stderr)
    return EXIT_OK
