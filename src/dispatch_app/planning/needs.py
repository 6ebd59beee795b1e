"""Enterprises that need a visit, each with the reasons why (see README for the rules)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domain.geography import load_gazetteer
from ..store import planning_queries as q
from ..store.database import Store
from .approximate import is_approximate

# code -> (zh, en); the order is the order reasons are shown in.
REASONS: dict[str, tuple[str, str]] = {
    "never_this_year": ("今年未走访", "not visited this year"),
    "open_follow_ups": ("有未办结跟进事项", "open follow-up items"),
    "new_needs": ("技术需求有更新", "needs changed since the last visit"),
    "vp_no_visit": ("科技副总企业本季度未走访", "tech VP host not visited this quarter"),
}


@dataclass(frozen=True)
class Need:
    enterprise_id: str
    name: str
    uscc: str
    district_code: str
    district_name: str
    industry: str
    lat: float
    lon: float
    approximate: bool  # no coordinates recorded: the district centre stands in
    last_visit: str | None  # ISO date of the last completed visit
    next_planned: str | None  # ISO date of the next planned visit, if any
    open_items: int
    reasons: tuple[str, ...]  # codes of REASONS

    def reason_text(self, lang: str = "zh") -> str:
        parts = []
        for code in self.reasons:
            zh, en = REASONS[code]
            text = en if lang == "en" else zh
            if code == "open_follow_ups":
                text += f" ({self.open_items})" if lang == "en" else f"（{self.open_items} 项）"
            parts.append(text)
        return ("; " if lang == "en" else "；").join(parts)


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def district_code(raw: str | None) -> str | None:
    """A district filter typed as a name, short name or code (InvalidValue if unknown)."""
    if raw is None or not str(raw).strip():
        return None
    return load_gazetteer().resolve_district(raw).adcode


def _need(row) -> Need:
    approximate = is_approximate(row)
    reasons = tuple(
        code
        for code, flag in (
            ("never_this_year", row["never_this_year"]),
            ("open_follow_ups", row["open_items"] > 0),
            ("new_needs", row["new_needs"]),
            ("vp_no_visit", row["vp_no_visit"]),
        )
        if flag
    )
    return Need(
        enterprise_id=row["id"],
        name=row["name"],
        uscc=row["uscc"],
        district_code=row["district_code"],
        district_name=row["district_name"],
        industry=row["industry"],
        lat=row["center_lat"] if approximate else row["lat"],
        lon=row["center_lon"] if approximate else row["lon"],
        approximate=approximate,
        last_visit=row["last_visit"],
        next_planned=row["next_planned"],
        open_items=int(row["open_items"]),
        reasons=reasons,
    )


def needing_visits(
    store: Store,
    today: date,
    *,
    district: str | None = None,
    industry: str | None = None,
    include_planned: bool = True,
    box: tuple[float, float, float, float] | None = None,
) -> list[Need]:
    """Every enterprise that needs a visit, most reasons first, then the longest unvisited.

    ``district`` is a name or code; ``include_planned=False`` leaves out enterprises that
    already have a planned visit from today on.
    """
    rows = q.needs_rows(
        store,
        today=today,
        year_start=date(today.year, 1, 1),
        quarter_start=quarter_start(today),
        district_code=district_code(district),
        industry=industry.strip() if industry else None,
        include_planned=include_planned,
        box=box,
    )
    return [_need(r) for r in rows]
