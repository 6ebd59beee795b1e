"""Scopes: district figures add up to the city's; a district's database measures itself
against its share; the bureau's merged database sees every district."""

from __future__ import annotations

from datetime import date

from dispatch_app.demo.generator import generate_demo
from dispatch_app.domain.choices import CITY_SCOPE
from dispatch_app.exchange.bundle import make_bundle
from dispatch_app.exchange.merge import merge_bundles
from dispatch_app.progress import dashboard
from dispatch_app.services import appointments, targets
from dispatch_app.store import open_store

AS_OF = date(2026, 6, 30)


def _assert_adds_up(dash):
    for part in ("visits", "appointments"):
        whole = getattr(dash, part)
        rows = [getattr(r, part) for r in dash.districts]
        assert whole.done == sum(r.done for r in rows)
        assert whole.pipeline == sum(r.pipeline for r in rows)
        assert whole.target == sum(r.target for r in rows)
        assert abs(whole.expected - sum(r.expected for r in rows)) < 1e-6
        assert abs(whole.forecast_year_end - sum(r.forecast_year_end for r in rows)) <= len(rows)
    assert sum(r.visits.done for r in dash.districts) == sum(m.done for m in dash.trend)
    totals = dash.follow_up_totals
    assert totals.open == sum(r.open for r in dash.follow_ups)


def test_district_figures_add_up_to_the_city(world, store):
    targets.ensure_default_targets(store, 2026)
    v = world["visit"]
    for day in ("2026-06-02", "2026-06-20", "2026-05-04"):
        v(day=day)
    v(district="鹿城区", day="2026-06-25")
    v(district="瑞安市", day="2026-01-05")
    v(district="瑞安市", day="2026-07-06", status="planned")
    appointments.appoint(
        store,
        {
            "expert_id": world["experts"][0].id,
            "enterprise_id": world["ents"]["鹿城区"].id,
            "start_date": "2026-06-15",
            "end_date": "2027-06-14",
            "batch_year": 2026,
            "status": "在岗",
        },
    )
    dash = dashboard(store, 2026, as_of=AS_OF)
    assert dash.scope == CITY_SCOPE and len(dash.districts) == 12
    assert (dash.visits.done, dash.visits.pipeline, dash.appointments.done) == (5, 1, 1)
    _assert_adds_up(dash)
    yueqing = next(r for r in dash.districts if r.name == "乐清市")
    # 乐清: 1 visit in the last 28 days (3..30 June: the 20th), 184 days left.
    assert yueqing.visits.forecast_year_end == 3 + round(1 * 184 / 28)
    one = dashboard(store, 2026, as_of=AS_OF, scope="330382")
    assert [r.name for r in one.districts] == ["乐清市"]
    assert (one.visits.done, one.visits.target) == (3, 1500)
    assert one.visits.forecast_year_end == yueqing.visits.forecast_year_end


def test_a_district_database_sees_its_share_and_the_merged_city_sees_all(tmp_path):
    paths = {}
    for code, seed, n in (("330382", 1, 150), ("330302", 2, 120)):
        paths[code] = tmp_path / f"{code}.db"
        generate_demo(paths[code], seed=seed, visits=n, as_of=AS_OF, district=code)
    parts = {}
    bundles = []
    for code, path in paths.items():
        with open_store(path, readonly=True) as store:
            dash = dashboard(store, 2026, as_of=AS_OF)
            make_bundle(store, tmp_path / f"{code}.zip", district=code)
        bundles.append(tmp_path / f"{code}.zip")
        assert dash.scope == code and [r.adcode for r in dash.districts] == [code]
        assert dash.visits.target == targets.DEFAULT_SHARES[code][0]
        parts[code] = dash
    city_path = tmp_path / "city.db"
    open_store(city_path, create=True).close()
    with open_store(city_path) as store:
        assert merge_bundles(store, bundles).ok
        city = dashboard(store, 2026, as_of=AS_OF)
    assert city.scope == CITY_SCOPE and city.visits.target == 10_000
    assert len(city.districts) == 12  # every district has its share, visited or not
    by = {r.adcode: r for r in city.districts}
    for code, dash in parts.items():
        assert by[code].visits.done == dash.visits.done > 0
        assert by[code].appointments.done == dash.appointments.done
        assert by[code].enterprises == dash.enterprises
    assert city.visits.done == sum(d.visits.done for d in parts.values())
    _assert_adds_up(city)
