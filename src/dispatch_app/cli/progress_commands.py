"""progress, targets: the year's figures against the targets, and editing the targets."""

from __future__ import annotations

import argparse
import json
import unicodedata
from pathlib import Path

from .. import clock
from .args import district as district_arg
from .args import iso_date
from .args import year as year_arg
from .errors import EXIT_OK, CliError


def _db(value: str | None) -> Path:
    if not value:
        raise CliError("--db PATH is required / 需要 --db 指定数据库文件")
    return Path(value)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("progress", help="progress toward targets / 目标进度")
    p.add_argument("--db", dest="db_path", required=False)
    p.add_argument("--year", type=year_arg, default=None)
    p.add_argument(
        "--district", type=district_arg, default=None, help="one district (name or adcode)"
    )
    p.add_argument("--as-of", type=iso_date, default=None, help="the date to pace for")
    p.add_argument("--json", action="store_true")
    p.add_argument("--format", choices=["text", "csv"], default="text")
    p.add_argument("--out", default=None, help="file for --format csv (the ranking table)")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="CSV headers' language")
    p.add_argument(
        "--definitions", action="store_true", help="print what counts (口径说明) and exit"
    )
    p.set_defaults(func=cmd_progress)

    p = subparsers.add_parser("targets", help="show or set the yearly targets / 年度目标")
    p.add_argument("--db", dest="db_path", required=False)
    p.add_argument("--year", type=year_arg, default=None)
    p.add_argument(
        "--set",
        nargs="+",
        metavar="KEY=N",
        default=None,
        help="visits=N and/or appointments=M (for --district, else the city)",
    )
    p.add_argument("--district", type=district_arg, default=None)
    p.set_defaults(func=cmd_targets)


def _pad(value: object, width: int, left: bool = False) -> str:
    """Pad for a terminal, where a Chinese character takes two columns."""
    text = str(value)
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    if left:
        return text + " " * max(width - shown, 1)
    return " " * max(width - shown, 1) + text


def _line(cells: tuple, widths: tuple[int, ...]) -> str:
    return "".join(_pad(c, w, i == 0) for i, (c, w) in enumerate(zip(cells, widths, strict=True)))


_WIDTHS = (8, 10, 8, 8, 10, 10, 6, 6, 6)


def cmd_progress(args: argparse.Namespace) -> int:
    from .. import progress
    from ..progress.pacing import status_label
    from ..store import open_store

    if args.definitions:
        from ..progress.definitions import definitions_text

        print(definitions_text(args.lang))
        return 0
    path = _db(args.db_path)
    as_of = args.as_of or clock.today()
    year = as_of.year if args.year is None else args.year
    if args.format == "csv" and not args.out:
        raise CliError("--format csv needs --out FILE / 需要 --out 指定输出文件")
    with open_store(path, readonly=True) as store:
        dash = progress.dashboard(store, year, as_of=as_of, scope=args.district)
    if args.format == "csv":
        from ..progress.export import write_ranking

        out = Path(args.out)
        if not out.parent.is_dir():
            raise CliError(f"文件夹不存在：{out.parent} / Folder does not exist: {out.parent}")
        n = write_ranking(dash, out, args.lang)
        print(f"{out}: {n} 行 / rows")
        return EXIT_OK
    if args.json:
        print(json.dumps(dash.to_json(), ensure_ascii=False, indent=2))
        return EXIT_OK
    v, a = dash.visits, dash.appointments
    print(
        f"{dash.scope_name} {year} 年进度（截至 {dash.as_of}，全年已过 {dash.year_elapsed:.0%}，"
        f"应完成 {dash.expected_share:.0%}）"
    )
    print(
        f"入企服务 / visits: {v.done} / {v.target} 家次 ({v.ratio:.0%})，按进度应 "
        f"{v.expected_by_date}，{status_label(v.status)} / {status_label(v.status, 'en')}"
    )
    print(
        f"  年底预测 / forecast 31 Dec: {v.forecast_year_end}，缺口 / gap {max(v.gap, 0)}，"
        f"每周需 / needed per week {v.per_week_needed:.0f}"
        f"（近四周 / recent {v.per_week_recent:.0f}）"
    )
    print(f"科技副总 / appointments: {a.done} / {a.target} 名，拟派 / proposed {a.pipeline}")
    print(f"覆盖企业 / enterprises covered: {dash.enterprises}")
    header = ("区县", "服务家次", "目标", "完成率", "应完成", "年底预测", "状态", "副总", "目标")
    print(_line(header, _WIDTHS))
    for r in dash.districts:
        cells = (
            r.name,
            r.visits.done,
            r.visits.target,
            f"{r.visits.ratio:.0%}",
            r.visits.expected_by_date,
            r.visits.forecast_year_end,
            status_label(r.visits.status),
            r.appointments.done,
            r.appointments.target,
        )
        print(_line(cells, _WIDTHS))
    return EXIT_OK


def _parse_set(pairs: list[str]) -> dict[str, int]:
    keys = {
        "visits": "visits",
        "appointments": "appointments",
        "家次": "visits",
        "副总": "appointments",
    }
    out: dict[str, int] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or key.strip() not in keys:
            raise CliError(
                f"--set「{pair}」应为 visits=N 或 appointments=M / "
                f"--set '{pair}' must be visits=N or appointments=M"
            )
        try:
            number = int(value.strip())
        except ValueError:
            raise CliError(
                f"--set「{pair}」的值应为整数 / the value of --set '{pair}' must be a whole number"
            ) from None
        if number < 0:
            raise CliError(f"--set「{pair}」不能为负数 / --set '{pair}' must not be negative")
        out[keys[key.strip()]] = number
    return out


def cmd_targets(args: argparse.Namespace) -> int:
    from ..domain.choices import CITY_SCOPE
    from ..services import targets
    from ..store import open_store

    path = _db(args.db_path)
    year = clock.today().year if args.year is None else args.year
    scope = args.district or CITY_SCOPE
    from ..store.writer_lock import open_locked

    opened = open_store(path, readonly=True) if args.set is None else open_locked(path)
    with opened as store:
        if args.set is not None:
            wanted = _parse_set(args.set)
            old_v, old_a = targets.get_target(store, year, scope)
            v, a = wanted.get("visits", old_v), wanted.get("appointments", old_a)
            if targets.targets_for_year(store, year)[1] == "default":
                targets.ensure_default_targets(store, year)  # the year's other scopes too
            targets.set_target(store, year, scope, v, a)
            print(f"{year} {scope}: visits {v}, appointments {a} / 已保存")
            return EXIT_OK
        figures, source = targets.targets_for_year(store, year)
        names = dict(store.query("SELECT adcode, name FROM districts"))
    names[CITY_SCOPE] = "温州市"
    print(f"{year} 年目标 / targets ({'数据库' if source == 'database' else '默认 / default'})")
    print(_line(("范围", "服务家次", "科技副总"), (12, 10, 10)))
    shown = [s for s in figures if args.district in (None, s)]
    for s in sorted(shown, key=lambda c: (c != CITY_SCOPE, c)):
        print(_line((names.get(s, s), *figures[s]), (12, 10, 10)))
    if args.district is None:
        parts = [f for s, f in figures.items() if s != CITY_SCOPE]
        print(_line(("区县合计", sum(f[0] for f in parts), sum(f[1] for f in parts)), (12, 10, 10)))
    return EXIT_OK
