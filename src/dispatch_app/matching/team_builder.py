"""Proposing a team of 3–6 experts whose specialties together cover the needs (greedy cover).

The universe is the need's topics, weighted like the relevance score (rare topics count more);
each step takes the available expert covering the most uncovered weight, ties broken by the
expert's own score. Greedy set cover is within ln(n) of the best cover, and with a dozen topics
it is exact in practice; it stops when everything is covered and the team has ``team_min``
members, or at ``team_max``. With fewer covering experts the team is filled up by score.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .relevance import ExpertIndex, Need


@dataclass
class ProposedTeam:
    member_ids: list[str]
    member_names: list[str]
    covered: list[str]
    uncovered: list[str]
    line: str = ""
    line_en: str = ""
    covers_by_member: dict[str, list[str]] = field(default_factory=dict)


def propose_team(
    need: Need,
    index: ExpertIndex,
    ranked: Sequence[tuple[int, float]],
    names: Sequence[str],
    ids: Sequence[str],
    *,
    team_min: int = 3,
    team_max: int = 6,
) -> ProposedTeam | None:
    """``ranked``: (row index, score) of the eligible experts, best first. None: no needs."""
    if not need.topics or not ranked:
        return None
    weight = {t: index.topic_weight(t) * need.weight(t) for t in need.topics}
    uncovered = set(weight)
    chosen: list[int] = []
    covers: dict[str, list[str]] = {}
    pool = list(ranked)
    while len(chosen) < team_max and uncovered:
        best = None
        best_key = (0.0, 0.0)
        for i, score in pool:
            gain = sum(weight[t] for t in index.topics[i] if t in uncovered)
            if gain > 0 and (gain, score) > best_key:
                best, best_key = i, (gain, score)
        if best is None:
            break
        chosen.append(best)
        got = [t for t in index.topics[best] if t in uncovered]
        covers[ids[best]] = got
        uncovered -= set(got)
        pool = [p for p in pool if p[0] != best]
    for i, _score in pool:  # fill up to the minimum by score
        if len(chosen) >= team_min:
            break
        chosen.append(i)
        covers[ids[i]] = []
    covered = [t for t in need.topics if t not in uncovered]
    team = ProposedTeam(
        [ids[i] for i in chosen],
        [names[i] for i in chosen],
        covered,
        [t for t in need.topics if t in uncovered],
        covers_by_member=covers,
    )
    n = len(need.topics)
    team.line = f"覆盖 {len(covered)}/{n} 项需求：{'、'.join(covered) or '无'}"
    team.line_en = f"covers {len(covered)}/{n} needs: {', '.join(covered) or 'none'}"
    if team.uncovered:
        team.line += f"；未覆盖：{'、'.join(team.uncovered)}"
        team.line_en += f"; not covered: {', '.join(team.uncovered)}"
    return team
