"""Pacing: where the year should be by a date, whether a count is ahead or behind, and where it
will end on 31 December at the recent pace.

**Expected share.** By default the year is linear: by a date, (days gone by, that day included)
/ (days in the year) of the target should be done. When the database holds earlier complete
years with enough counted visits (``MIN_CURVE_VISITS`` each), a *seasonal curve* is learned
from them: each month's share of its year's visits, averaged over those years (a quiet Spring
Festival month then expects less, the push before the year's end more). Within a month the
share grows by day.

**Status**, comparing done with expected (= target × expected share):
``ahead`` when done ≥ 105 % of expected, ``behind`` when done < 95 % of expected,
``on_track`` in between (and on the year's first day, when nothing is expected yet);
``no_target`` when the target is 0.

**Forecast for 31 December**: the counted visits of the last ``RUN_RATE_DAYS`` days (fewer at the
start of the year) carried on to the year's end, scaled by the curve (with the linear curve:
the daily rate × the days left). The *gap* is target − forecast (positive: short); the *visits
per week needed* are (target − done) / weeks left, beside the recent visits per week.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

AHEAD_AT = 1.05  # done / expected at or above this: ahead
BEHIND_BELOW = 0.95  # below this: behind
RUN_RATE_DAYS = 28  # the "recent" window of the forecast: four whole weeks
MIN_CURVE_VISITS = 120  # an earlier year teaches the curve only with at least this many visits
CURVE_YEARS = 3  # how many earlier years are looked at

STATUSES = ("ahead", "on_track", "behind", "no_target")


@dataclass(frozen=True)
class Curve:
    """Share of the year's work expected in each month (12 figures summing to 1)."""

    kind: str  # "linear" or "seasonal"
    monthly: tuple[float, ...]
    years: tuple[int, ...] = ()  # the earlier years a seasonal curve was learned from

    def share_by(self, year: int, day: date) -> float:
        """Share of the year expected to be done by the end of ``day``."""
        if day < date(year, 1, 1):
            return 0.0
        if day >= date(year, 12, 31):
            return 1.0
        month_days = calendar.monthrange(year, day.month)[1]
        before = sum(self.monthly[: day.month - 1])
        return min(before + self.monthly[day.month - 1] * day.day / month_days, 1.0)

    def share_of_month_end(self, year: int, month: int) -> float:
        return self.share_by(year, date(year, month, calendar.monthrange(year, month)[1]))


def linear_curve(year: int) -> Curve:
    days = 366 if calendar.isleap(year) else 365
    return Curve("linear", tuple(calendar.monthrange(year, m)[1] / days for m in range(1, 13)))


def learn_curve(year: int, earlier: Mapping[int, Sequence[int]]) -> Curve:
    """The seasonal curve from earlier years' visits per month (``{year: [12 counts]}``), or
    the linear one when no earlier year has ``MIN_CURVE_VISITS`` visits."""
    used = sorted(
        y for y, months in earlier.items() if y < year and sum(months) >= MIN_CURVE_VISITS
    )
    if not used:
        return linear_curve(year)
    shares = [0.0] * 12
    for y in used:
        total = sum(earlier[y])
        for m in range(12):
            shares[m] += earlier[y][m] / total / len(used)
    return Curve("seasonal", tuple(shares), tuple(used))


def status_of(done: int, expected: float, target: int) -> str:
    """ahead / on_track / behind / no_target (thresholds in the module's docstring)."""
    if target <= 0:
        return "no_target"
    if expected <= 0:
        return "on_track"
    ratio = done / expected
    if ratio >= AHEAD_AT:
        return "ahead"
    if ratio < BEHIND_BELOW:
        return "behind"
    return "on_track"


@dataclass(frozen=True)
class Forecast:
    year_end: int  # where the count ends on 31 December at the recent pace
    gap: int  # target − year_end (positive: short of the target)
    per_week_recent: float  # counted per week over the recent window
    per_week_needed: float  # needed per week from now on to reach the target (0 when reached)
    weeks_left: float


def run_rate_window(year: int, as_of: date) -> tuple[date, date]:
    """First and last day of the recent window (inside the year, ending at ``as_of``)."""
    end = min(as_of, date(year, 12, 31))
    start = max(end - timedelta(days=RUN_RATE_DAYS - 1), date(year, 1, 1))
    return start, end


def forecast(
    done: int, recent: int, target: int, year: int, as_of: date, curve: Curve | None = None
) -> Forecast:
    """Year-end forecast from ``recent`` (counted in :func:`run_rate_window`)."""
    curve = curve or linear_curve(year)
    if as_of < date(year, 1, 1):
        weeks = (366 if calendar.isleap(year) else 365) / 7
        return Forecast(done, target - done, 0.0, max(target - done, 0) / weeks, weeks)
    start, end = run_rate_window(year, as_of)
    window_days = (end - start).days + 1
    days_left = (date(year, 12, 31) - end).days
    weeks_left = days_left / 7
    window_share = curve.share_by(year, end) - curve.share_by(year, start - timedelta(days=1))
    left_share = 1.0 - curve.share_by(year, end)
    if days_left <= 0:
        expected_more = 0.0
    elif window_share > 0:
        expected_more = recent * left_share / window_share
    else:  # a month the curve expects nothing in: fall back to the plain daily rate
        expected_more = recent / window_days * days_left
    year_end = done + round(expected_more)
    needed = max(target - done, 0) / weeks_left if weeks_left > 0 else 0.0
    return Forecast(
        year_end=year_end,
        gap=target - year_end,
        per_week_recent=recent / window_days * 7,
        per_week_needed=needed,
        weeks_left=weeks_left,
    )


# The status words, as every front shows them (zh, en).
STATUS_LABELS: dict[str, tuple[str, str]] = {
    "ahead": ("超前", "ahead"),
    "on_track": ("正常", "on track"),
    "behind": ("落后", "behind"),
    "no_target": ("无目标", "no target"),
}


def status_label(status: str, lang: str = "zh") -> str:
    zh, en = STATUS_LABELS.get(status, (status, status))
    return en if lang == "en" else zh
