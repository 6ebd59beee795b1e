"""Demo experts from the local universities and institutes, and the light-cavalry teams they
form (a leader and 2–5 members, named after the district and industry they cover)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from ..domain.geography import Gazetteer
from ..domain.records import Expert, Team, TeamMember
from .enterprises import jitter
from .industries import SPECIALTIES
from .institutions import INSTITUTIONS, TITLES, VP_CHANCE, Institution
from .pools import NATIONAL_SURNAMES
from .rand import DemoRandom, Weighted

_ORDINALS = "一二三四五六七八九十"


@dataclass(eq=False)  # identity: two experts are never "equal"
class DemoExpert:
    record: Expert
    industry: str  # the industry the expert mainly serves
    seniority: int  # 0 junior, 1 associate, 2 full
    appointments: int = 0  # 科技副总 posts held (the generator spreads them)


@dataclass
class DemoTeam:
    record: Team
    members: list[DemoExpert] = field(default_factory=list)  # leader first


def make_experts(rng: DemoRandom, gaz: Gazetteer, year: int, count: int) -> list[DemoExpert]:
    """``count`` experts spread over the institutions by their weight."""
    institutions = Weighted([(i, i.weight) for i in INSTITUTIONS])
    per_inst = {i.name: Weighted(i.industries) for i in INSTITUTIONS}
    titles = {k: Weighted([((t, s), w) for t, w, s in v]) for k, v in TITLES.items()}
    surnames = Weighted(NATIONAL_SURNAMES)
    taken: set[tuple[str, str]] = set()
    lo, hi = date(year - 3, 6, 1), date(year - 2, 12, 31)
    out = []
    for _ in range(count):
        inst: Institution = institutions.pick(rng)
        industry = per_inst[inst.name].pick(rng)
        title, seniority = titles[inst.kind].pick(rng)
        name = rng.person(surnames)
        while (name, inst.name) in taken:
            name = rng.person(surnames)
        taken.add((name, inst.name))
        district = gaz.district(inst.district)
        specs = rng.sample(
            SPECIALTIES[industry], min(len(SPECIALTIES[industry]), rng.randint(1, 2))
        )
        if rng.random() < 0.2:
            specs.append(rng.choice(SPECIALTIES["其他"]))
        lat, lon = jitter(rng, district.center_lat, district.center_lon, 3.0)
        created = rng.stamp(rng.day_between(lo, hi))
        record = Expert(
            id=rng.uid(),
            created_at=created,
            updated_at=created,
            name=name,
            institution=inst.name,
            title=title,
            specialties=tuple(dict.fromkeys(specs)),
            phone=rng.mobile(),
            district_code=inst.district,
            address=f"温州市{district.name}{inst.area}{inst.name}",
            lat=lat,
            lon=lon,
            can_be_vp=rng.random() < VP_CHANCE[seniority],
        )
        out.append(DemoExpert(record, industry, seniority))
    return out


class _Roster:
    """Hands out experts of an industry round-robin so team seats spread evenly."""

    def __init__(self, rng: DemoRandom, experts: list[DemoExpert]) -> None:
        by_industry: dict[str, list[DemoExpert]] = defaultdict(list)
        for e in experts:
            by_industry[e.industry].append(e)
        self.queues = {k: rng.sample(v, len(v)) for k, v in sorted(by_industry.items())}
        self.everyone = rng.sample(experts, len(experts))
        self.cursor: dict[str, int] = defaultdict(int)

    def take(self, industry: str, exclude: list[DemoExpert], senior: bool = False) -> DemoExpert:
        for key in (industry, "*"):
            queue = self.everyone if key == "*" else self.queues.get(key, [])
            for _ in range(len(queue)):
                e = queue[self.cursor[key] % len(queue)]
                self.cursor[key] += 1
                if e not in exclude and (not senior or e.seniority > 0):
                    return e
        return next(e for e in self.everyone if e not in exclude)


def make_teams(
    rng: DemoRandom,
    gaz: Gazetteer,
    year: int,
    experts: list[DemoExpert],
    per_district: dict[str, int],
    industries: dict[str, Weighted[str]],
    citywide: int,
) -> list[DemoTeam]:
    """Teams covering each district (mostly its main industries) plus city-wide ones."""
    roster = _Roster(rng, experts)
    names: dict[str, int] = {}
    styles: dict[str, str] = {}
    lo, hi = date(year - 1, 1, 5), date(year - 1, 3, 31)
    plan: list[tuple[str | None, str, str]] = []  # (district, industry, name stem)
    for code, n in per_district.items():
        short = gaz.district(code).short_name
        for _ in range(n):
            industry = industries[code].pick(rng)
            stem = f"{short}综合" if industry == "其他" else f"{short}{industry}"
            plan.append((code, industry, stem))
    by_inst = Weighted([(i, i.weight) for i in INSTITUTIONS])
    for _ in range(citywide):
        inst = by_inst.pick(rng)
        industry = Weighted(inst.industries).pick(rng)
        stem = f"{inst.name}{'综合' if industry == '其他' else industry}"
        plan.append((None, industry, stem))
    teams = []
    if len(experts) < 3:
        return teams
    for code, industry, stem in plan:
        n = names.get(stem, 0) + 1
        names[stem] = n
        if stem not in styles:  # a stem keeps its style: 瑞安汽摩配科技轻骑队, …第二队
            styles[stem] = "科技轻骑队" if (code is None or rng.random() < 0.5) else "轻骑队"
        style = styles[stem]
        name = f"{stem}{style}" + (f"第{_ORDINALS[n - 1]}队" if 1 < n <= 10 else "")
        if n > 10:
            name = f"{stem}{style}{n}队"
        created_day = rng.day_between(lo, hi)
        created = rng.stamp(created_day)
        leader = roster.take(industry, [], senior=True)
        members = [leader]
        for _ in range(min(rng.randint(2, 5), len(experts) - 1)):
            members.append(roster.take(industry, members))
        team = Team(
            id=rng.uid(),
            created_at=created,
            updated_at=created,
            name=name,
            leader_id=leader.record.id,
            district_code=code,
            industry="" if industry == "其他" else industry,
        )
        teams.append(DemoTeam(team, members))
    return teams


def team_members(rng: DemoRandom, teams: list[DemoTeam]) -> list[TeamMember]:
    out = []
    for t in teams:
        joined = t.record.created_at[:10]
        for i, e in enumerate(t.members):
            out.append(
                TeamMember(
                    id=rng.uid(),
                    created_at=t.record.created_at,
                    updated_at=t.record.created_at,
                    team_id=t.record.id,
                    expert_id=e.record.id,
                    role="leader" if i == 0 else "member",
                    joined_on=joined,
                )
            )
    return out
