"""Demo visits (入企服务) and their follow-up items, district by district.

A visit is made by a team (usually naming 1–3 of its members who went) or by experts on their
own; its problem/advice/outcome come from one story fitting the enterprise's industry. About 30%
of completed visits leave follow-up items due 14–60 days later; the older the visit, the likelier
its items are closed, so that some items are overdue at ``as_of``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from ..domain.records import FollowUp, Visit
from .enterprises import DemoEnterprise
from .experts import DemoExpert, DemoTeam
from .industries import SPECIALTIES
from .pacing import PLANNED_HORIZON_DAYS, DistrictVisits, days_between
from .pools import WENZHOU_SURNAMES
from .rand import DemoRandom, Weighted
from .texts import (
    CANCEL_REASONS,
    COORDINATION_ITEMS,
    DIAGNOSES,
    FOLLOW_UPS,
    MATCHMAKING,
    OTHER,
    POLICY,
    RESOLUTIONS,
    REVISIT,
    TYPHOON_REASON,
    Triple,
)
from .world import World

FOLLOW_UP_CHANCE = 0.3
COORDINATION_CHANCE = 0.1
_TYPES = (("diagnosis", 45), ("matchmaking", 20), ("policy", 15), ("revisit", 15), ("other", 5))
_GENERIC: dict[str, tuple[Triple, ...]] = {
    "matchmaking": MATCHMAKING,
    "policy": POLICY,
    "revisit": REVISIT,
    "other": OTHER,
}


@dataclass(frozen=True)
class ServedNote:
    """The latest substantive visit to an enterprise: what a case study can build on."""

    visit_date: date
    story: Triple  # problem, advice, outcome as written in the visit
    institution: str
    team_name: str


class VisitMaker:
    def __init__(self, rng: DemoRandom, world: World) -> None:
        self.rng = rng
        self.world = world
        as_of = world.as_of
        self.done_days = days_between(date(world.year, 1, 1), as_of)
        self.planned_days = days_between(
            as_of + timedelta(days=1), as_of + timedelta(days=PLANNED_HORIZON_DAYS)
        )
        self.types = Weighted(_TYPES)
        self.surnames = Weighted(WENZHOU_SURNAMES)
        self.served: dict[str, ServedNote] = {}  # enterprise id → latest diagnosis/matchmaking
        self._crews: dict[tuple[str, str], Weighted[DemoTeam] | None] = {}

    def _teams_for(self, adcode: str, industry: str) -> Weighted[DemoTeam] | None:
        key = (adcode, industry)
        if key not in self._crews:
            w = self.world
            teams: list[tuple[DemoTeam, float]] = []
            for t in w.teams_by_district.get(adcode, []):
                same = (t.record.industry or "其他") == industry
                teams.append((t, 3.0 if same else 1.0))
            teams += [(t, 1.5) for t in w.citywide_teams.get(industry, [])]
            self._crews[key] = Weighted(teams) if teams else None
        return self._crews[key]

    def _crew(self, ent: DemoEnterprise) -> tuple[DemoTeam | None, list[DemoExpert]]:
        rng = self.rng
        industry = ent.record.industry
        teams = self._teams_for(ent.record.district_code, industry)
        r = rng.random()
        if teams is not None and r < 0.9:
            team = teams.pick(rng)
            if r < 0.8:
                members = team.members
                return team, rng.sample(members, min(len(members), rng.randint(1, 3)))
            return team, []
        pool = self.world.experts_by_industry.get(industry) or self.world.experts
        return None, rng.sample(pool, min(len(pool), rng.randint(1, 2)))

    def district(
        self, plan: DistrictVisits, chunk: int = 5000
    ) -> Iterator[tuple[list[Visit], list[FollowUp]]]:
        """The district's visits in chunks (with their follow-ups) to bound memory."""
        if plan.total == 0:
            return
        picker = self.world.enterprise_picker(plan.adcode)
        statuses = (
            ["completed"] * plan.completed
            + ["cancelled"] * plan.cancelled
            + ["planned"] * plan.planned
        )
        for lo in range(0, len(statuses), chunk):
            visits: list[Visit] = []
            follow_ups: list[FollowUp] = []
            for status in statuses[lo : lo + chunk]:
                visits.append(self._visit(picker.pick(self.rng), status, follow_ups))
            yield visits, follow_ups

    def _visit(self, ent: DemoEnterprise, status: str, follow_ups: list[FollowUp]) -> Visit:
        rng, as_of = self.rng, self.world.as_of
        e = ent.record
        team, experts = self._crew(ent)
        vtype = self.types.pick(rng)
        if status == "planned":
            day = self.planned_days.pick(rng)
            created_day = as_of - timedelta(days=rng.randint(0, 20))
        else:
            day = self.done_days.pick(rng)
            created_day = (
                min(day + timedelta(days=rng.randint(0, 3)), as_of)
                if status == "completed"
                else day - timedelta(days=rng.randint(2, 15))
            )
        created = rng.stamp(created_day)
        updated = rng.stamp(day) if status == "cancelled" else created
        visit = Visit(
            id=rng.uid(),
            created_at=created,
            updated_at=updated,
            enterprise_id=e.id,
            team_id=team.record.id if team else None,
            visit_date=day.isoformat(),
            visit_type=vtype,
            status=status,
            district_code=e.district_code,
            expert_ids=tuple(x.record.id for x in experts),
        )
        if status == "cancelled":
            typhoon = day.month in (7, 8, 9) and rng.random() < 0.4
            visit.outcome = TYPHOON_REASON if typhoon else rng.choice(CANCEL_REASONS)
            return visit
        if status == "planned":
            return visit
        lead = experts[0] if experts else (team.members[0] if team else None)
        inst = lead.record.institution if lead else "温州大学"
        spec = rng.choice(SPECIALTIES[e.industry])
        story = rng.choice(DIAGNOSES[e.industry] if vtype == "diagnosis" else _GENERIC[vtype])
        problems, advice, outcome = (s.format(inst=inst, spec=spec) for s in story)
        visit.problems, visit.advice, visit.outcome = problems, advice, outcome
        visit.confirmed_by = e.contact_name if rng.random() < 0.85 else rng.person(self.surnames)
        if vtype in ("diagnosis", "matchmaking"):
            self.served[e.id] = ServedNote(
                day, (problems, advice, outcome), inst, team.record.name if team else ""
            )
        if rng.random() < FOLLOW_UP_CHANCE:
            items = self._follow_ups(visit, day, created, experts, team, inst, spec)
            visit.follow_up_text = "；".join(f.description for f in items)
            follow_ups.extend(items)
        return visit

    def _follow_ups(
        self,
        visit: Visit,
        day: date,
        created: str,
        experts: list[DemoExpert],
        team: DemoTeam | None,
        inst: str,
        spec: str,
    ) -> list[FollowUp]:
        rng, as_of = self.rng, self.world.as_of
        age = (as_of - day).days
        people = experts or (team.members[:1] if team else [])
        r = rng.random()
        out = []
        for _ in range(1 if r < 0.55 else 2 if r < 0.9 else 3):
            coordination = rng.random() < COORDINATION_CHANCE
            if coordination:
                text, by_expert = rng.choice(COORDINATION_ITEMS), False
            else:
                template, by_expert, _ = rng.choice(FOLLOW_UPS)
                text = template.format(spec=spec, inst=inst)
            if by_expert and people:
                owner = rng.choice(people).record.name
            else:
                owner = self.world.coordinator(rng, visit.district_code)
            due = day + timedelta(days=rng.randint(14, 60))
            p_closed = 0.94 if age > 120 else 0.85 if age > 60 else 0.55 if age > 21 else 0.12
            if coordination:
                p_closed *= 0.7
            item = FollowUp(
                id=rng.uid(),
                created_at=created,
                updated_at=created,
                visit_id=visit.id,
                description=text,
                owner=owner,
                due_date=due.isoformat(),
                needs_coordination=coordination,
            )
            if age >= 6 and rng.random() < p_closed:
                closed_day = min(as_of, day + timedelta(days=rng.randint(5, (due - day).days + 15)))
                item.status = "closed"
                item.closed_at = item.updated_at = rng.stamp(closed_day)
                item.closed_by = owner.split("（")[0]
                item.resolution = rng.choice(RESOLUTIONS)
            out.append(item)
        return out
