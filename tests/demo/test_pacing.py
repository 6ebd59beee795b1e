"""Pacing: exact splits, districts ahead and behind, visits on working days."""

from __future__ import annotations

from datetime import date

import pytest

from dispatch_app.demo.pacing import (
    PACE_FACTORS,
    apportion,
    days_between,
    pace_factors,
    visit_plan,
    year_elapsed,
)
from dispatch_app.demo.rand import DemoRandom
from dispatch_app.services.targets import DEFAULT_SHARES


@pytest.mark.parametrize("total", [0, 1, 7, 999, 100_000])
def test_apportion_is_exact(total: int) -> None:
    weights = [float(v) for v, _ in DEFAULT_SHARES.values()]
    counts = apportion(total, weights)
    assert sum(counts) == total and all(c >= 0 for c in counts)


def test_every_seed_has_districts_ahead_and_behind() -> None:
    for seed in range(20):
        paces = pace_factors(seed)
        assert sorted(paces) == sorted(DEFAULT_SHARES)
        assert sorted(paces.values()) == sorted(PACE_FACTORS)
    assert pace_factors(1) != pace_factors(2)
    assert pace_factors(1) == pace_factors(1)


def test_explicit_total_is_split_exactly_into_statuses() -> None:
    codes = sorted(DEFAULT_SHARES)
    plan = visit_plan(codes, pace_factors(1), date(2026, 5, 1), 1234)
    assert sum(p.total for p in plan) == 1234
    assert all(p.planned >= 0 and p.cancelled >= 0 and p.completed >= 0 for p in plan)


def test_default_plan_is_the_real_year_paced_to_as_of() -> None:
    codes = sorted(DEFAULT_SHARES)
    as_of = date(2026, 9, 30)
    plan = visit_plan(codes, pace_factors(1), as_of, None)
    done = sum(p.completed for p in plan)
    assert abs(done - 10_000 * year_elapsed(as_of)) < 0.15 * 10_000 * year_elapsed(as_of)
    full = visit_plan(codes, pace_factors(1), date(2026, 12, 31), None)
    assert 9_000 < sum(p.completed for p in full) < 11_500


def test_visits_fall_mostly_on_working_days() -> None:
    rng = DemoRandom(1, "t")
    days = days_between(date(2026, 1, 1), date(2026, 12, 31))
    drawn = [days.pick(rng) for _ in range(5000)]
    weekend = sum(d.weekday() >= 5 for d in drawn)
    assert weekend < 0.05 * len(drawn)
    assert all(date(2026, 1, 1) <= d <= date(2026, 12, 31) for d in drawn)
    feb = sum(d.month == 2 for d in drawn)
    nov = sum(d.month == 11 for d in drawn)
    assert feb < nov  # the Spring Festival month is quiet, the year's end busy


def test_year_elapsed_matches_progress() -> None:
    assert year_elapsed(date(2026, 1, 1)) == pytest.approx(1 / 365)
    assert year_elapsed(date(2026, 12, 31)) == 1.0
