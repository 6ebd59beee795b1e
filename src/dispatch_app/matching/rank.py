"""Scoring candidates: relevance, distance, load and availability, each part kept for the why.

score = (w_r × relevance + w_d × exp(−km / scale) + w_l × (1 − load)) / (w_r + w_d + w_l);
with no needs text the relevance term is left out (and every line says so). Hard limits drop a
candidate instead of lowering it: over the distance limit, at the appointment limit, already
on a visit that day, already serving this enterprise, not eligible as 科技副总. The pure
function :func:`rank_rows` works on preloaded rows, so ranking 5,000 experts is one pass.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..geo.distance import geodesic_km, haversine_many_km
from .candidates import ExpertRow, Target
from .policy import MatchPolicy
from .relevance import ExpertIndex, Need

APPOINTMENT, VISIT = "appointment", "visit"
PURPOSES = (APPOINTMENT, VISIT)
UNKNOWN_DISTANCE_SCORE = 0.2  # a candidate without a point is neither near nor excluded

# Why candidates were left out (shown under the list: "3 位已满额").
EXCLUDED_LABELS = {
    "full": ("已达选派上限", "at the appointment limit"),
    "busy": ("当天已有服务安排", "already on a visit that day"),
    "far": ("超出距离上限", "beyond the distance limit"),
    "not_vp": ("未登记可任科技副总", "not eligible as tech VP"),
    "serving": ("已在该企业任职或拟派", "already serving this enterprise"),
    "no_members": ("轻骑队没有队员", "team has no members"),
}


@dataclass
class Suggestion:
    """One ranked candidate with the parts of its score and its explanation line."""

    kind: str  # "expert" or "team"
    id: str
    name: str
    detail: str  # institution, or the team's member names
    score: float
    relevance: float | None  # None: no needs text, ranked by distance and load only
    terms: list[str]
    distance_km: float | None
    approximate: bool  # the candidate's point is a district centre
    active: int = 0
    proposed: int = 0
    recent: int = 0
    members: list[tuple[str, str]] = field(default_factory=list)  # teams: (id, name)
    recent_days: int = 30
    line: str = ""
    line_en: str = ""

    def render(self) -> None:
        """Fill ``line`` / ``line_en``: 专业匹配 0.82 (阀门, 流体控制) · 距离 12.4 km · …"""
        zh: list[str] = []
        en: list[str] = []
        if self.relevance is None:
            zh.append("仅按距离和负荷")
            en.append("distance and load only")
        else:
            terms = f" ({', '.join(self.terms)})" if self.terms else ""
            zh.append(f"专业匹配 {self.relevance:.2f}{terms}")
            en.append(f"specialty match {self.relevance:.2f}{terms}")
        if self.distance_km is None:
            zh.append("距离未知")
            en.append("distance unknown")
        elif self.approximate:
            zh.append(f"距离约 {self.distance_km:.0f} km")
            en.append(f"about {self.distance_km:.0f} km")
        else:
            zh.append(f"距离 {self.distance_km:.1f} km")
            en.append(f"{self.distance_km:.1f} km")
        if self.kind == "team":
            zh.append(f"队员 {len(self.members)} 人")
            en.append(f"{len(self.members)} members")
        else:
            zh.append(f"在岗 {self.active} 家")
            en.append(f"serving {self.active}")
            if self.proposed:
                zh.append(f"拟派 {self.proposed} 家")
                en.append(f"{self.proposed} proposed")
        zh.append(f"近{self.recent_days}天 {self.recent} 次")
        visits = "visit" if self.recent == 1 else "visits"
        en.append(f"{self.recent} {visits} in {self.recent_days} days")
        self.line = " · ".join(zh)
        self.line_en = " · ".join(en)


@dataclass
class Ranked:
    suggestions: list[Suggestion]
    excluded: dict[str, int]
    considered: int


def _load(active: int, recent: int, policy: MatchPolicy) -> float:
    a = active / policy.max_active_appointments if policy.max_active_appointments else 0.0
    return min(1.0, 0.5 * a + 0.5 * recent / max(1, policy.busy_visits))


def rank_rows(
    target: Target,
    rows: Sequence[ExpertRow],
    index: ExpertIndex,
    need: Need,
    policy: MatchPolicy,
    purpose: str,
    top: int = 10,
    *,
    shown_distance: str = "geodesic",
) -> Ranked:
    """The ``top`` experts for ``target`` among ``rows`` (``index`` built over the same rows)."""
    if purpose not in PURPOSES:
        raise ValueError(f"purpose must be one of {PURPOSES}")
    use_needs = not need.empty
    rel = index.score_all(need) if use_needs else None
    has_point = target.lat is not None and target.lon is not None
    if has_point:
        pts = [(i, r) for i, r in enumerate(rows) if r.lat is not None and r.lon is not None]
        km = haversine_many_km(
            target.lat,  # type: ignore[arg-type]
            target.lon,  # type: ignore[arg-type]
            [r.lat for _, r in pts],  # type: ignore[misc]
            [r.lon for _, r in pts],  # type: ignore[misc]
        )
        dist: list[float | None] = [None] * len(rows)
        for (i, _), d in zip(pts, km, strict=True):
            dist[i] = d
    else:
        dist = [None] * len(rows)
    wr = policy.weight_relevance if use_needs else 0.0
    wd, wl = policy.weight_distance, policy.weight_load
    total_w = (wr + wd + wl) or 1.0
    scale, max_km, max_active = policy.distance_scale_km, policy.max_distance_km, None
    if purpose == APPOINTMENT:
        max_active = policy.max_active_appointments
    excluded: dict[str, int] = {}
    scored: list[tuple[float, int]] = []
    exp = math.exp
    for i, r in enumerate(rows):
        if purpose == APPOINTMENT:
            reason = (
                "not_vp"
                if not r.can_be_vp
                else "serving"
                if r.serves_target
                else "full"
                if max_active is not None and r.active + r.proposed >= max_active
                else None
            )
        else:
            reason = "busy" if r.busy else None
        d = dist[i]
        if reason is None and d is not None and d > max_km:
            reason = "far"
        if reason is not None:
            excluded[reason] = excluded.get(reason, 0) + 1
            continue
        ds = UNKNOWN_DISTANCE_SCORE if d is None else exp(-d / scale)
        ls = 1.0 - _load(r.active + r.proposed, r.recent, policy)
        s = wd * ds + wl * ls
        if rel is not None:
            s += wr * rel[i]
        scored.append((s / total_w, -i))
    best = heapq.nlargest(top, scored)
    out = []
    for s, neg_i in best:
        i = -neg_i
        r = rows[i]
        d = dist[i]
        if d is not None and shown_distance == "geodesic":
            d = geodesic_km(target.lat, target.lon, r.lat, r.lon)  # type: ignore[arg-type]
        sug = Suggestion(
            kind="expert",
            id=r.id,
            name=r.name,
            detail=r.institution,
            score=s,
            relevance=None if rel is None else min(1.0, rel[i]),
            terms=index.shared_terms(i, need) if use_needs else [],
            distance_km=d,
            approximate=r.precision == "district" or target.precision == "district",
            active=r.active,
            proposed=r.proposed,
            recent=r.recent,
            recent_days=policy.recent_days,
        )
        sug.render()
        out.append(sug)
    return Ranked(out, excluded, len(rows))
