"""``dispatch-app match``: ranked experts (and teams) for one enterprise, with the reasons."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from .errors import EXIT_OK, CliError


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "match",
        help="rank experts and teams for an enterprise / 为企业推荐专家和轻骑队",
        description="Rank experts (for a 科技副总 appointment or a visit) and, for a visit, "
        "teams and a proposed team, by specialty match, distance and load. "
        "按专业匹配、距离和负荷推荐专家（选派科技副总或入企服务）及轻骑队。",
    )
    p.add_argument("--db", required=True, help="database file / 数据库文件")
    p.add_argument("--enterprise", required=True, metavar="USCC", help="统一社会信用代码")
    p.add_argument(
        "--for",
        dest="purpose",
        choices=["appointment", "visit"],
        default="appointment",
        help="appointment (科技副总, default) or visit (入企服务)",
    )
    p.add_argument("--top", type=int, default=10, help="how many suggestions (default 10)")
    p.add_argument("--date", help="the day of the visit or start of the term (default today)")
    p.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="try a policy value without saving it, e.g. max_distance_km=40",
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_match)


def _day(raw: str | None) -> date | None:
    if raw is None:
        return None
    from ..domain.dates import parse_date

    try:
        return parse_date(raw)
    except ValueError as exc:
        raise CliError(f"--date: {exc}") from None


def cmd_match(args: argparse.Namespace) -> int:
    from ..domain.problems import InvalidValue
    from ..domain.uscc import parse_uscc
    from ..matching import MatchPolicy, match
    from ..matching.candidates import find_enterprise_id
    from ..store import open_store

    if args.top < 1:
        raise CliError("--top must be at least 1 / --top 至少为 1")
    try:
        uscc = parse_uscc(args.enterprise)
    except InvalidValue as exc:
        raise CliError(f"--enterprise: {exc.zh} / {exc.en}") from None
    on = _day(args.date)
    path = Path(args.db)
    with open_store(path, readonly=True) as store:
        enterprise_id = find_enterprise_id(store, uscc)
        if enterprise_id is None:
            raise CliError(
                f"{path}: 没有统一社会信用代码为 {uscc} 的企业 / no enterprise with USCC {uscc}"
            )
        policy = MatchPolicy.load(store)
        for item in args.set:
            key, eq, value = item.partition("=")
            if not eq:
                raise CliError(f"--set {item}: expected KEY=VALUE / 应为 键=值")
            try:
                policy = policy.with_value(key.strip(), value.strip())
            except InvalidValue as exc:
                raise CliError(f"--set {item}: {exc.zh} / {exc.en}") from None
        result = match(store, enterprise_id, args.purpose, on=on, top=args.top, policy=policy)
    if args.json:
        print(json.dumps(_as_json(result), ensure_ascii=False, indent=2))
    else:
        _print(result)
    return EXIT_OK


def _suggestion(s) -> dict:
    return {
        "kind": s.kind,
        "id": s.id,
        "name": s.name,
        "detail": s.detail,
        "score": round(s.score, 4),
        "relevance": None if s.relevance is None else round(s.relevance, 4),
        "terms": s.terms,
        "distance_km": None if s.distance_km is None else round(s.distance_km, 2),
        "distance_approximate": s.approximate,
        "active_appointments": s.active,
        "proposed_appointments": s.proposed,
        "recent_visits": s.recent,
        "members": [name for _, name in s.members],
        "line": s.line,
        "line_en": s.line_en,
    }


def _as_json(result) -> dict:
    t = result.target
    team = result.proposed_team
    return {
        "enterprise": {"uscc": t.uscc, "name": t.name, "tech_needs": t.tech_needs},
        "purpose": result.purpose,
        "date": result.on.isoformat(),
        "needs_used": result.needs_used,
        "label": result.label[0],
        "label_en": result.label[1],
        "considered": result.considered,
        "excluded": result.excluded,
        "experts": [_suggestion(s) for s in result.experts],
        "teams": [_suggestion(s) for s in result.teams],
        "proposed_team": None
        if team is None
        else {
            "members": team.member_names,
            "member_ids": team.member_ids,
            "covered": team.covered,
            "uncovered": team.uncovered,
            "line": team.line,
        },
    }


def _print(result) -> None:
    t = result.target
    kind = "选派科技副总 / appointment" if result.purpose == "appointment" else "入企服务 / visit"
    print(f"{t.name}（{t.uscc}） · {kind} · {result.on.isoformat()}")
    print(f"{result.label[0]}\n{result.label[1]}")
    if not result.experts:
        print("没有符合条件的专家 / no eligible expert")
    for n, s in enumerate(result.experts, 1):
        print(f"{n:>2}. {s.name}（{s.detail}）  {s.line}")
    excluded = result.excluded_text()
    if excluded[0]:
        print(f"未列入 / left out: {excluded[0]} / {excluded[1]}")
    if result.teams:
        print("\n推荐轻骑队 / teams:")
        for n, s in enumerate(result.teams, 1):
            print(f"{n:>2}. {s.name}  {s.line}")
    if result.proposed_team is not None:
        team = result.proposed_team
        print(f"\n建议组队 / proposed team: {'、'.join(team.member_names)}")
        print(f"    {team.line}")
