"""How the demo year unfolds: how many visits each district has logged by ``as_of``, on which
days, and when appointments start.

Every district gets a pace factor (some are ahead of their share of the target, some behind,
as in a real year); the factors are one fixed set shuffled by the seed, so a district's demo
database and the city demo of the same seed agree on who is ahead. Visits fall on working days,
with the Spring Festival month, the summer heat and the National Day week quieter and a push
towards the year's end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..services.targets import DEFAULT_SHARES
from .rand import DemoRandom, Weighted

# Relative visit intensity by month (Jan..Dec).
MONTH_WEIGHTS = (0.8, 0.45, 1.0, 1.1, 1.1, 1.05, 0.8, 0.75, 1.05, 1.15, 1.2, 1.15)
WEEKDAY_WEIGHTS = (1.0, 1.0, 1.0, 1.0, 0.95, 0.06, 0.02)  # Mon..Sun
# Districts' paces relative to a steady year: shuffled over the 12 units by the seed.
PACE_FACTORS = (0.72, 0.8, 0.86, 0.92, 0.97, 1.0, 1.03, 1.08, 1.12, 1.18, 1.24, 1.32)
PLANNED_SHARE = 0.03  # of a district's visit records: planned, dated after as_of
CANCELLED_SHARE = 0.02
PLANNED_HORIZON_DAYS = 40


def year_elapsed(as_of: date) -> float:
    """Share of ``as_of``'s year gone by, ``as_of`` included (as services.progress counts)."""
    start = date(as_of.year, 1, 1)
    days = (date(as_of.year, 12, 31) - start).days + 1
    return ((as_of - start).days + 1) / days


def pace_factors(seed: int) -> dict[str, float]:
    """Each county-level unit's pace for this seed (1.0 = exactly on its share)."""
    factors = list(PACE_FACTORS)
    DemoRandom(seed, "pace").shuffle(factors)
    return dict(zip(sorted(DEFAULT_SHARES), factors, strict=True))


def apportion(total: int, weights: list[float]) -> list[int]:
    """Split ``total`` in proportion to ``weights`` exactly (largest remainder)."""
    if total <= 0 or not weights:
        return [0] * len(weights)
    s = sum(weights)
    raw = [total * w / s for w in weights]
    counts = [int(x) for x in raw]
    order = sorted(range(len(raw)), key=lambda i: (counts[i] - raw[i], i))
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


@dataclass(frozen=True)
class DistrictVisits:
    adcode: str
    completed: int
    planned: int
    cancelled: int

    @property
    def total(self) -> int:
        return self.completed + self.planned + self.cancelled


def visit_plan(
    adcodes: list[str], paces: dict[str, float], as_of: date, total: int | None
) -> list[DistrictVisits]:
    """Visit records per district: the paced real year by default, else exactly ``total``."""
    if total is None:
        elapsed = year_elapsed(as_of)
        plan = []
        for code in adcodes:
            target, pace = DEFAULT_SHARES[code][0], paces[code]
            completed = round(target * elapsed * pace)
            plan.append(
                DistrictVisits(
                    code,
                    completed,
                    round(target * pace * PLANNED_HORIZON_DAYS / 365 * 0.25),
                    round(completed * CANCELLED_SHARE),
                )
            )
        return plan
    counts = apportion(total, [DEFAULT_SHARES[c][0] * paces[c] for c in adcodes])
    plan = []
    for code, n in zip(adcodes, counts, strict=True):
        planned, cancelled = round(n * PLANNED_SHARE), round(n * CANCELLED_SHARE)
        plan.append(DistrictVisits(code, n - planned - cancelled, planned, cancelled))
    return plan


def _day_weight(d: date) -> float:
    w = MONTH_WEIGHTS[d.month - 1] * WEEKDAY_WEIGHTS[d.weekday()]
    if (d.month == 10 and d.day <= 7) or (d.month == 1 and d.day == 1):
        w *= 0.1  # National Day week, New Year's Day
    return w


def days_between(first: date, last: date) -> Weighted[date]:
    """Working-day-weighted choice of a day in ``[first, last]``."""
    n = max((last - first).days, 0) + 1
    days = [first + timedelta(days=i) for i in range(n)]
    return Weighted([(d, _day_weight(d)) for d in days])


def appointment_start(rng: DemoRandom, year: int) -> date:
    """Batch appointments start from late February; half by the end of April (集中选派)."""
    if rng.random() < 0.5:
        return rng.day_between(date(year, 2, 20), date(year, 4, 30))
    return rng.day_between(date(year, 5, 1), date(year, 11, 30))
