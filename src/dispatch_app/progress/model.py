"""What ``dashboard()`` returns: plain dataclasses that the window, the command line and the
printed brief all read (nothing here knows Qt or reportlab).

Every figure a user can click carries ``drill``: the filters of the visits list
(``store.list_specs`` "visits") that show the records behind it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Figure:
    """One count against its target, paced for the as-of date."""

    done: int
    target: int
    expected: float  # target × expected share by the as-of date
    status: str  # ahead / on_track / behind / no_target (pacing.status_of)
    pipeline: int = 0  # planned visits / proposed appointments
    forecast_year_end: int = 0
    gap: int = 0  # target − forecast (positive: short)
    per_week_recent: float = 0.0
    per_week_needed: float = 0.0
    drill: dict[str, str] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return self.done / self.target if self.target else 0.0

    @property
    def expected_ratio(self) -> float:
        return self.expected / self.target if self.target else 0.0

    @property
    def expected_by_date(self) -> int:
        return round(self.expected)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["expected_by_date"] = self.expected_by_date
        data.pop("expected")
        data["ratio"] = round(self.ratio, 4)
        data["expected_ratio"] = round(self.expected_ratio, 4)
        data["per_week_recent"] = round(self.per_week_recent, 1)
        data["per_week_needed"] = round(self.per_week_needed, 1)
        return data


@dataclass
class DistrictRow:
    """One line of the district ranking."""

    adcode: str
    name: str
    visits: Figure
    appointments: Figure
    enterprises: int

    def to_json(self) -> dict[str, Any]:
        return {
            "adcode": self.adcode,
            "district": self.name,
            "visits": self.visits.to_json(),
            "appointments": self.appointments.to_json(),
            "enterprises_covered": self.enterprises,
        }


@dataclass
class MonthPoint:
    """One month of the trend chart: bars (done, planned) and two lines (cumulative done and
    where the target line stands at the month's end)."""

    month: int
    label: str  # "2026-03"
    done: int
    planned: int
    cumulative: int | None  # None for months after the as-of date
    expected_cumulative: float
    drill: dict[str, str] = field(default_factory=dict)


@dataclass
class Slice:
    """One bar of a breakdown (industry, qualification or visit type)."""

    key: str  # the stored value (industry text, qualification, visit-type code)
    label_zh: str
    label_en: str
    visits: int
    enterprises: int | None  # distinct enterprises visited (None where not counted: types)
    drill: dict[str, str] | None = None  # None: no filter can show it (the '—' bucket)

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_zh


@dataclass
class FollowUpRow:
    adcode: str
    name: str
    open: int
    overdue: int
    needs_coordination: int


@dataclass
class MeetingItem:
    """An open follow-up flagged for the bureau: one line of the progress meeting's list."""

    id: str
    district: str
    enterprise: str
    description: str
    owner: str
    due_date: str
    visit_date: str
    visit_id: str
    overdue: bool


@dataclass
class Dashboard:
    year: int
    as_of: str
    scope: str  # CITY_SCOPE or a district's adcode
    scope_name: str
    database_scope: str  # what the database holds (its ``district_scope`` setting)
    targets_source: str  # "database" or "default"
    curve: str  # "linear" or "seasonal"
    curve_years: tuple[int, ...]
    expected_share: float  # of the year's target, by the as-of date (on the curve)
    year_elapsed: float  # of the calendar year gone by, the as-of date included
    visits: Figure
    appointments: Figure
    enterprises: int  # covered (distinct)
    districts: list[DistrictRow]
    trend: list[MonthPoint]
    by_industry: list[Slice]
    by_qualification: list[Slice]
    by_visit_type: list[Slice]
    follow_ups: list[FollowUpRow]
    meeting: list[MeetingItem]
    meeting_total: int

    @property
    def follow_up_totals(self) -> FollowUpRow:
        rows = self.follow_ups
        return FollowUpRow(
            self.scope,
            self.scope_name,
            sum(r.open for r in rows),
            sum(r.overdue for r in rows),
            sum(r.needs_coordination for r in rows),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "as_of": self.as_of,
            "scope": self.scope,
            "scope_name": self.scope_name,
            "targets_source": self.targets_source,
            "curve": self.curve,
            "curve_years": list(self.curve_years),
            "expected_share": round(self.expected_share, 4),
            "year_elapsed": round(self.year_elapsed, 4),
            "visits": self.visits.to_json(),
            "appointments": self.appointments.to_json(),
            "enterprises_covered": self.enterprises,
            "districts": [r.to_json() for r in self.districts],
            "trend": [asdict(m) for m in self.trend],
            "by_industry": [asdict(s) for s in self.by_industry],
            "by_qualification": [asdict(s) for s in self.by_qualification],
            "by_visit_type": [asdict(s) for s in self.by_visit_type],
            "follow_ups": [asdict(r) for r in self.follow_ups],
            "meeting": [asdict(m) for m in self.meeting],
            "meeting_total": self.meeting_total,
        }
