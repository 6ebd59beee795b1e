"""``dispatch-app plan`` / ``needs`` / ``assign``: a team's day in route order, the enterprises
that need a visit, and putting enterprises on a team's day, over ``dispatch_app.planning``."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from .args import district, iso_date
from .errors import EXIT_OK, CliError


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "plan",
        help="a team's day: stops in route order, km, times / 轻骑队某日行程",
        description="The team's planned visits on the day in a short order from its base, "
        "with straight-line km, estimated times and enterprises close to the route. "
        "轻骑队当天的走访按路线排序，含直线里程、预计时间和顺路可访企业。",
    )
    p.add_argument("--db", required=True, help="database file / 数据库文件")
    p.add_argument("--team", required=True, metavar="NAME", help="team name / 轻骑队名称")
    p.add_argument("--date", required=True, type=iso_date, metavar="YYYY-MM-DD", help="日期")
    p.add_argument("--csv", metavar="FILE", help="also write the schedule as CSV / 导出 CSV")
    p.add_argument("--pdf", metavar="FILE", help="also write the A4 schedule / 导出 PDF")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="CSV/PDF language")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_plan)

    n = subparsers.add_parser(
        "needs",
        help="enterprises that need a visit, with reasons / 待走访企业及原因",
        description="Enterprises never visited this year, with open follow-ups, new needs, or "
        "a 科技副总 appointment without a visit this quarter. "
        "今年未走访、有未办结跟进、需求有更新或科技副总企业本季度未走访的企业。",
    )
    n.add_argument("--db", required=True, help="database file / 数据库文件")
    n.add_argument("--district", type=district, help="district name or code / 区县")
    n.add_argument("--industry", help="industry as recorded / 行业")
    n.add_argument(
        "--unplanned", action="store_true", help="leave out those already planned / 不含已安排"
    )
    n.add_argument("--limit", type=int, help="at most N enterprises / 最多列出 N 家")
    n.add_argument("--json", action="store_true", help="machine-readable output")
    n.set_defaults(func=cmd_needs)

    a = subparsers.add_parser(
        "assign",
        help="plan visits by a team on a day / 安排轻骑队走访",
        description="Planned visits for the enterprises (by USCC) by the team on the day: "
        "all of them or none. 为轻骑队在指定日期安排走访（全部成功或全部不写入）。",
    )
    a.add_argument("--db", required=True, help="database file / 数据库文件")
    a.add_argument("--team", required=True, metavar="NAME", help="team name / 轻骑队名称")
    a.add_argument("--date", required=True, type=iso_date, metavar="YYYY-MM-DD", help="日期")
    a.add_argument("uscc", nargs="+", metavar="USCC", help="统一社会信用代码")
    a.set_defaults(func=cmd_assign)


def _team_error(exc: Any) -> CliError:
    return CliError(f"--team: {exc.zh} / {exc.en}")


def cmd_plan(args: argparse.Namespace) -> int:
    from .. import clock
    from ..planning.day import UnknownTeam, plan_day
    from ..planning.gap_closers import gap_closers
    from ..store import open_store

    with open_store(Path(args.db), readonly=True) as store:
        try:
            day = plan_day(store, args.team, args.date)
        except UnknownTeam as exc:
            raise _team_error(exc) from None
        closers = gap_closers(store, day, clock.today()) if day.stops else []
    if args.csv:
        from ..planning.schedule import write_schedule_csv

        write_schedule_csv(day, Path(args.csv), args.lang)
    if args.pdf:
        from ..planning.schedule_pdf import write_schedule_pdf

        write_schedule_pdf(day, Path(args.pdf), args.lang)
    if args.json:
        print(json.dumps(day_json(day, closers), ensure_ascii=False, indent=2))
    else:
        _print_day(day, closers)
    return EXIT_OK


def day_json(day: Any, closers: list) -> dict:
    """The day as plain values: what ``plan --json`` prints."""
    from ..planning.routes import clock_text

    start = day.settings.day_start
    return {
        "team": day.team_name,
        "date": day.day.isoformat(),
        "base": {
            "label": day.base.label,
            "lat": day.base.lat,
            "lon": day.base.lon,
            "source": day.base.source,
        },
        "method": day.route.method,
        "stops": [
            {
                "order": n,
                "visit_id": s.visit_id,
                "uscc": s.uscc,
                "name": s.name,
                "address": s.address,
                "district": s.district_name,
                "lat": s.lat,
                "lon": s.lon,
                "approximate": s.approximate,
                "km_from_previous": round(leg.km, 2),
                "arrive": clock_text(start, leg.arrive_min),
                "leave": clock_text(start, leg.depart_min),
            }
            for n, (s, leg) in enumerate(zip(day.stops, day.route.legs, strict=True), 1)
        ],
        "return_km": round(day.route.return_km, 2),
        "total_km": round(day.route.km, 2),
        "entered_order_km": round(day.entered_km, 2),
        "total_minutes": round(day.route.minutes),
        "leave": start,
        "back": clock_text(start, day.route.minutes),
        "gap_closers": [
            {
                "uscc": g.need.uscc,
                "name": g.need.name,
                "district": g.need.district_name,
                "detour_km": round(g.detour_km, 2),
                "after_stop": g.after + 1,
                "reasons": list(g.need.reasons),
                "reason_text": g.need.reason_text("zh"),
            }
            for g in closers
        ],
    }


def _print_day(day: Any, closers: list) -> None:
    from ..planning import schedule

    s = schedule.summary(day)
    print(f"{s.team} · {s.day} · 出发地 / base: {s.base}")
    if not day.stops:
        print("当天没有安排走访 / no visits planned that day")
        return
    for row in schedule.rows(day):
        number, arrive, _leave, name = row[0], row[1], row[2], row[3]
        note = f"  （{row[9]}）" if row[9] else ""
        print(f"{number:>3} {arrive}  {name}  {row[8]} km{note}")
    duration = schedule.duration_text(s.minutes)
    print(
        f"共 {s.stops} 家 · 直线 {s.km:.1f} km · {s.leave} 出发，约 {s.back} 返回（{duration}）"
        f" / {s.stops} stops · {s.km:.1f} km straight-line · back about {s.back}"
    )
    if day.entered_km > day.route.km + 0.05:
        print(
            f"按录入顺序为 {day.entered_km:.1f} km / {day.entered_km:.1f} km in the entered order"
        )
    if any(stop.approximate for stop in day.stops):
        print("注：部分企业无坐标，按区县中心估算位置 / some positions are district centres")
    if closers:
        print("\n顺路可访 / close to the route:")
        for g in closers:
            print(
                f"  +{g.detour_km:.1f} km  {g.need.name}（{g.need.uscc}）  {g.need.reason_text()}"
            )


def cmd_needs(args: argparse.Namespace) -> int:
    from .. import clock
    from ..planning.needs import needing_visits
    from ..store import open_store
    from ..store import planning_queries as q

    if args.limit is not None and args.limit < 1:
        raise CliError("--limit must be at least 1 / --limit 至少为 1")
    with open_store(Path(args.db), readonly=True) as store:
        if args.industry and args.industry.strip() not in q.industries(store):
            known = "、".join(q.industries(store)) or "—"
            raise CliError(
                f"--industry: 没有登记为“{args.industry}”行业的企业（现有：{known}） / "
                f"no enterprise is recorded under industry '{args.industry}'"
            )
        needs = needing_visits(
            store,
            clock.today(),
            district=args.district,
            industry=args.industry,
            include_planned=not args.unplanned,
        )
    total = len(needs)
    shown = needs[: args.limit] if args.limit else needs
    if args.json:
        print(
            json.dumps(
                {"total": total, "enterprises": [_need_json(n) for n in shown]},
                ensure_ascii=False,
                indent=2,
            )
        )
        return EXIT_OK
    for need in shown:
        last = need.last_visit or "—"
        where = f"{need.district_name} · 上次 {last}"
        print(f"{need.name}（{need.uscc}）· {where} · {need.reason_text()}")
    if len(shown) < total:
        print(
            f"共 {total} 家待走访，列出 {len(shown)} 家 / "
            f"{total} enterprises need a visit, showing {len(shown)}"
        )
    else:
        print(f"共 {total} 家待走访 / {total} enterprises need a visit")
    return EXIT_OK


def _need_json(n: Any) -> dict:
    return {
        "uscc": n.uscc,
        "name": n.name,
        "district": n.district_name,
        "industry": n.industry,
        "last_visit": n.last_visit,
        "next_planned": n.next_planned,
        "open_items": n.open_items,
        "reasons": list(n.reasons),
        "reason_text": n.reason_text("zh"),
        "reason_text_en": n.reason_text("en"),
        "approximate_position": n.approximate,
    }


def cmd_assign(args: argparse.Namespace) -> int:
    from ..domain.problems import InvalidValue
    from ..domain.uscc import parse_uscc
    from ..matching.candidates import find_enterprise_id
    from ..planning.assign import assign
    from ..planning.day import UnknownTeam

    codes = []
    for raw in args.uscc:
        try:
            codes.append(parse_uscc(raw))
        except InvalidValue as exc:
            raise CliError(f"USCC {raw}: {exc.zh} / {exc.en}") from None
    path = Path(args.db)
    from ..store.writer_lock import open_locked

    with open_locked(path) as store:  # one writer: refused while another instance has it
        ids = []
        for code in codes:
            eid = find_enterprise_id(store, code)
            if eid is None:
                raise CliError(
                    f"{path}: 没有统一社会信用代码为 {code} 的企业 / no enterprise with USCC {code}"
                )
            ids.append(eid)
        try:
            visits = assign(store, ids, args.team, args.date)
        except UnknownTeam as exc:
            raise _team_error(exc) from None
    day: date = args.date
    print(
        f"已安排 {len(visits)} 次走访（{args.team}，{day.isoformat()}） / "
        f"{len(visits)} visits planned for {args.team} on {day.isoformat()}"
    )
    return EXIT_OK
