"""``match``: the one entry point the CLI and the GUI call (core, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .. import clock
from ..domain.geography import load_gazetteer
from ..store.database import Store
from .candidates import ExpertRow, Target, TeamRow, load_experts, load_target, load_teams
from .policy import MatchPolicy
from .rank import APPOINTMENT, EXCLUDED_LABELS, VISIT, Ranked, Suggestion, rank_rows
from .relevance import ExpertIndex, Need, analyse_need
from .team_builder import ProposedTeam, propose_team

NO_NEEDS_LABEL = (
    "该企业未填写技术需求：以下仅按距离和负荷推荐",
    "This enterprise has no technical needs on record: ranked by distance and load only",
)


@dataclass
class MatchResult:
    target: Target
    purpose: str
    on: date
    policy: MatchPolicy
    needs_used: bool
    experts: list[Suggestion]
    excluded: dict[str, int]
    teams: list[Suggestion] = field(default_factory=list)
    proposed_team: ProposedTeam | None = None
    considered: int = 0

    @property
    def label(self) -> tuple[str, str]:
        """The list's heading note (zh, en)."""
        if not self.needs_used:
            return NO_NEEDS_LABEL
        return (
            f"按专业匹配、距离和负荷推荐（需求：{self.target.tech_needs[:40]}）",
            f"Ranked by specialty match, distance and load (needs: {self.target.tech_needs[:40]})",
        )

    def excluded_text(self) -> tuple[str, str]:
        zh = "；".join(f"{n} 位{EXCLUDED_LABELS[k][0]}" for k, n in sorted(self.excluded.items()))
        en = "; ".join(f"{n} {EXCLUDED_LABELS[k][1]}" for k, n in sorted(self.excluded.items()))
        return zh, en


def _team_rows(
    teams: list[TeamRow], experts: list[ExpertRow]
) -> tuple[list[ExpertRow], list[TeamRow]]:
    """Teams as rankable rows: specialties = the members' union, point = their centroid."""
    by_id = {e.id: e for e in experts}
    g = load_gazetteer()
    rows, kept = [], []
    for t in teams:
        members = [by_id[m] for m in t.member_ids if m in by_id]
        if not members:
            continue
        specs = tuple(dict.fromkeys(s for m in members for s in m.specialties))
        pts = [(m.lat, m.lon) for m in members if m.lat is not None and m.lon is not None]
        precision = "exact" if pts else None
        if pts:
            lat = sum(p[0] for p in pts) / len(pts)  # type: ignore[misc]
            lon = sum(p[1] for p in pts) / len(pts)  # type: ignore[misc]
        elif t.district_code:
            d = g.district(t.district_code)
            lat, lon, precision = d.center_lat, d.center_lon, "district"
        else:
            lat = lon = None
        busy = t.busy or any(m.busy for m in members)
        rows.append(
            ExpertRow(
                t.id,
                t.name,
                "、".join(m.name for m in members),
                (t.industry, *specs),
                t.district_code,
                lat,
                lon,
                precision,
                True,
                recent=t.recent,
                busy=busy,
            )
        )
        kept.append(t)
    return rows, kept


def match(
    store: Store,
    enterprise_id: str,
    purpose: str = APPOINTMENT,
    *,
    on: date | None = None,
    top: int = 10,
    policy: MatchPolicy | None = None,
    with_team: bool = True,
    except_visit: str | None = None,
) -> MatchResult:
    """Rank experts (and for a visit, teams plus a proposed team) for one enterprise.

    ``except_visit``: the visit being edited; it does not make its own team and experts busy.
    """
    on = on or clock.today()
    policy = policy or MatchPolicy.load(store)
    target = load_target(store, enterprise_id)
    need: Need = analyse_need(target.tech_needs, target.industry)
    experts = load_experts(store, enterprise_id, on, policy.recent_days, except_visit or "")
    index = ExpertIndex([" ".join(e.specialties) for e in experts])
    ranked: Ranked = rank_rows(target, experts, index, need, policy, purpose, top)
    result = MatchResult(
        target,
        purpose,
        on,
        policy,
        not need.empty,
        ranked.suggestions,
        ranked.excluded,
        considered=ranked.considered,
    )
    if purpose != VISIT:
        return result
    team_rows, teams = _team_rows(
        load_teams(store, on, policy.recent_days, except_visit or ""), experts
    )
    if team_rows:
        team_index = ExpertIndex([" ".join(r.specialties) for r in team_rows])
        t_ranked = rank_rows(target, team_rows, team_index, need, policy, VISIT, top)
        members = {t.id: t.member_ids for t in teams}
        names = {e.id: e.name for e in experts}
        for s in t_ranked.suggestions:
            s.kind = "team"
            s.members = [(m, names.get(m, m)) for m in members[s.id]]
            s.render()
        result.teams = t_ranked.suggestions
    if with_team and not need.empty:
        wide = rank_rows(
            target, experts, index, need, policy, VISIT, 200, shown_distance="haversine"
        )
        pos = {e.id: i for i, e in enumerate(experts)}
        result.proposed_team = propose_team(
            need,
            index,
            [(pos[s.id], s.score) for s in wide.suggestions],
            [e.name for e in experts],
            [e.id for e in experts],
            team_min=policy.team_min,
            team_max=policy.team_max,
        )
    return result
