"""Expected share, status and forecast on constructed cases whose answers are worked out by
hand in each test."""

from __future__ import annotations

from datetime import date

import pytest

from dispatch_app.progress import dashboard, pacing
from dispatch_app.progress.pacing import Curve, forecast, learn_curve, linear_curve, status_of


def test_linear_share_counts_the_day_itself():
    c = linear_curve(2026)
    assert c.share_by(2026, date(2026, 1, 1)) == pytest.approx(1 / 365)
    assert c.share_by(2026, date(2026, 7, 2)) == pytest.approx(183 / 365)  # 181 + 2 days
    assert c.share_by(2026, date(2026, 12, 31)) == 1.0
    assert c.share_by(2026, date(2025, 12, 31)) == 0.0
    assert c.share_by(2026, date(2027, 3, 1)) == 1.0
    assert linear_curve(2024).share_by(2024, date(2024, 12, 30)) == pytest.approx(365 / 366)
    assert c.share_of_month_end(2026, 2) == pytest.approx(59 / 365)


def test_status_thresholds():
    assert status_of(95, 100.0, 1000) == "on_track"  # exactly 95 %
    assert status_of(94, 100.0, 1000) == "behind"
    assert status_of(104, 100.0, 1000) == "on_track"
    assert status_of(105, 100.0, 1000) == "ahead"
    assert status_of(0, 0.0, 1000) == "on_track"  # nothing expected yet
    assert status_of(10, 5.0, 0) == "no_target"


def test_forecast_from_the_last_four_weeks():
    # 1 October 2026 is day 274; 91 days (13 weeks) are left. 56 visits in 28 days: 2 a day.
    f = forecast(done=700, recent=56, target=1000, year=2026, as_of=date(2026, 10, 1))
    assert f.year_end == 700 + 2 * 91
    assert f.gap == 1000 - 882
    assert f.per_week_recent == pytest.approx(14.0)
    assert f.per_week_needed == pytest.approx(300 / 13)
    assert f.weeks_left == pytest.approx(13.0)


def test_forecast_early_in_the_year_uses_the_days_there_were():
    # 10 January: the window is 1..10 January (10 days), 10 visits: 1 a day, 355 days left.
    f = forecast(done=10, recent=10, target=100, year=2026, as_of=date(2026, 1, 10))
    assert f.year_end == 10 + 355
    assert f.gap == 100 - 365


def test_forecast_at_and_before_the_year():
    end = forecast(done=900, recent=80, target=1000, year=2026, as_of=date(2026, 12, 31))
    assert (end.year_end, end.gap, end.per_week_needed) == (900, 100, 0.0)
    before = forecast(done=0, recent=0, target=730, year=2026, as_of=date(2025, 12, 1))
    assert before.year_end == 0 and before.per_week_needed == pytest.approx(730 / (365 / 7))


def test_seasonal_curve_learned_from_earlier_years():
    # 2024: everything in January; 2025: everything in December -> half a year each month.
    earlier = {2024: [120] + [0] * 11, 2025: [0] * 11 + [240]}
    c = learn_curve(2026, earlier)
    assert c.kind == "seasonal" and c.years == (2024, 2025)
    assert c.monthly[0] == pytest.approx(0.5) and c.monthly[11] == pytest.approx(0.5)
    assert c.share_by(2026, date(2026, 1, 31)) == pytest.approx(0.5)
    assert c.share_by(2026, date(2026, 11, 30)) == pytest.approx(0.5)
    assert c.share_by(2026, date(2026, 12, 16)) == pytest.approx(0.5 + 0.5 * 16 / 31)


def test_too_few_earlier_visits_keep_the_year_linear():
    c = learn_curve(2026, {2025: [1] * 12, 2026: [500] * 12})  # 12 < MIN; 2026 is not earlier
    assert c == linear_curve(2026)


def test_seasonal_forecast_scales_the_recent_pace_by_the_curve():
    # Curve: all of the year's work in December. Recent window 4..31 December, as_of 31 Dec: 0
    # left. As of 3 December: the window 6 Nov..3 Dec holds 3/31 of December = 3/62 of the year
    # (the curve is half December), what is left is 28/31 of December... with this curve:
    monthly = tuple([0.0] * 11 + [1.0])
    c = Curve("seasonal", monthly, (2025,))
    f = forecast(done=30, recent=30, target=310, year=2026, as_of=date(2026, 12, 3), curve=c)
    # window share = 3/31, left share = 28/31: 30 visits for 3/31 -> 280 more.
    assert f.year_end == 30 + 280
    # November expects nothing: a window wholly in it falls back to the daily rate.
    g = forecast(done=0, recent=28, target=310, year=2026, as_of=date(2026, 11, 28), curve=c)
    assert g.year_end == 33  # 1 a day, 33 days left


def test_dashboard_learns_the_curve_from_earlier_years(world, monkeypatch):
    monkeypatch.setattr(pacing, "MIN_CURVE_VISITS", 3)
    for day in ("2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06"):
        world["visit"](day=day)
    dash = dashboard(world["store"], 2026, as_of=date(2026, 2, 28))
    assert (dash.curve, dash.curve_years) == ("seasonal", (2025,))
    assert dash.expected_share == 0.0  # the curve expects everything in March
    assert dash.visits.status == "on_track"
    march = dashboard(world["store"], 2026, as_of=date(2026, 3, 31))
    assert march.expected_share == 1.0 and march.visits.expected_by_date == 10_000
    assert march.trend[2].expected_cumulative == pytest.approx(10_000)
