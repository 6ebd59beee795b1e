"""The demo generator: deterministic, healthy, and believable in the ways the app relies on."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import asdict
from datetime import date, timedelta
from pathlib import Path

import pytest

from dispatch_app.demo import generate_demo
from dispatch_app.demo.generator import DemoSummary
from dispatch_app.domain.choices import APPOINTMENT_STATUS, CITY_SCOPE
from dispatch_app.domain.geography import (
    LAT_MAX,
    LAT_MIN,
    LON_MAX,
    LON_MIN,
    haversine_km,
    load_gazetteer,
)
from dispatch_app.domain.phone import parse_phone
from dispatch_app.domain.uscc import parse_uscc
from dispatch_app.services.health import check
from dispatch_app.services.progress import progress
from dispatch_app.store import open_store

AS_OF = date(2026, 6, 30)
VISITS = 600


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary]:
    path = tmp_path_factory.mktemp("demo") / "city.db"
    return path, generate_demo(path, seed=3, visits=VISITS, as_of=AS_OF)


@pytest.fixture(scope="module")
def db(demo: tuple[Path, DemoSummary]) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{demo[0]}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    yield conn
    conn.close()


def test_same_arguments_give_the_same_database(tmp_path: Path, demo) -> None:
    again = tmp_path / "again.db"
    generate_demo(again, seed=3, visits=VISITS, as_of=AS_OF)
    assert dump(again) == dump(demo[0])


def test_another_seed_gives_another_database(tmp_path: Path, demo) -> None:
    other = tmp_path / "other.db"
    generate_demo(other, seed=4, visits=VISITS, as_of=AS_OF)
    assert dump(other) != dump(demo[0])


def test_output_passes_the_health_check(demo) -> None:
    with open_store(demo[0], readonly=True) as store:
        report = check(store)
    assert report.ok, report
    summary = demo[1]
    assert report.counts["visits"] == summary.visits == VISITS
    assert report.counts["enterprises"] == summary.enterprises >= 200
    assert report.counts["teams"] == summary.teams
    assert report.counts["follow_ups"] == summary.follow_ups > 0
    assert report.counts["cases"] == summary.cases > 0


def test_summary_describes_counts_in_both_languages(demo) -> None:
    text = demo[1].describe()
    assert "入企服务 / visits 600" in text
    assert "企业 / enterprises" in text and "典型案例 / cases" in text


def test_every_uscc_is_valid_and_carries_its_district(db: sqlite3.Connection) -> None:
    rows = db.execute("SELECT uscc, district_code FROM enterprises").fetchall()
    for uscc, district in rows:
        assert parse_uscc(uscc) == uscc
        assert uscc[2:8] == district
    assert len({r[0] for r in rows}) == len(rows)


def test_every_district_and_town_is_real_and_towns_lie_in_their_district(db) -> None:
    gaz = load_gazetteer()
    rows = db.execute("SELECT district_code, town_code FROM enterprises").fetchall()
    assert {r[0] for r in rows} == {d.adcode for d in gaz.districts}
    for district, town in rows:
        if district == "330383":  # 龙港市 has no township besides its directly-run area
            assert town is None
            continue
        assert gaz.town(town).district_code == district
        assert not (int(town[6:9]) >= 400 or town[6:9] == "198")


def test_names_follow_wenzhou_patterns_and_are_unique(db) -> None:
    names = [r[0] for r in db.execute("SELECT name FROM enterprises")]
    pattern = re.compile(
        r"(温州|温州市|浙江|温州市(鹿城|龙湾|瓯海|洞头)区|(乐清|瑞安|龙港)市|(永嘉|平阳|苍南|文成|泰顺)县)"
        r".{2,3}.+(有限公司|股份有限公司|集团有限公司)"
    )
    assert all(pattern.fullmatch(n) for n in names), [n for n in names if not pattern.fullmatch(n)]
    assert len(set(names)) == len(names)


def test_clusters_show_where_industries_really_are(db) -> None:
    def top(adcode: str) -> str:
        return db.execute(
            "SELECT industry FROM enterprises WHERE district_code = ? GROUP BY industry"
            " ORDER BY count(*) DESC LIMIT 1",
            (adcode,),
        ).fetchone()[0]

    assert top("330382") == "电气"  # 乐清
    assert top("330381") == "汽摩配"  # 瑞安
    assert top("330324") == "泵阀"  # 永嘉
    assert top("330383") == "印刷包装"  # 龙港


def test_phones_and_coordinates_are_valid(db) -> None:
    gaz = load_gazetteer()
    for phone, lat, lon, district in db.execute(
        "SELECT contact_phone, lat, lon, district_code FROM enterprises"
    ):
        assert parse_phone(phone) == phone and re.fullmatch(r"1[3-9]\d{9}", phone)
        assert LAT_MIN <= lat <= LAT_MAX and LON_MIN <= lon <= LON_MAX
        d = gaz.district(district)
        assert haversine_km(lat, lon, d.center_lat, d.center_lon) <= 8.2
    for (phone,) in db.execute("SELECT phone FROM experts"):
        assert parse_phone(phone) == phone


def test_no_completed_visit_after_as_of_and_planned_ones_after_it(db) -> None:
    day = AS_OF.isoformat()
    assert (
        db.execute(
            "SELECT count(*) FROM visits"
            " WHERE status IN ('completed', 'cancelled') AND visit_date > ?",
            (day,),
        ).fetchone()[0]
        == 0
    )
    planned = db.execute("SELECT min(visit_date) FROM visits WHERE status = 'planned'").fetchone()
    assert planned[0] > day
    latest = db.execute("SELECT max(created_at), max(updated_at) FROM visits").fetchone()
    assert max(latest) < (AS_OF + timedelta(days=1)).isoformat()


def test_visits_have_a_crew_and_the_enterprise_district(db) -> None:
    rows = db.execute(
        "SELECT v.id, v.team_id, v.district_code, e.district_code AS ed, v.status,"
        " v.confirmed_by, v.problems, (SELECT count(*) FROM visit_experts x"
        " WHERE x.visit_id = v.id) AS n FROM visits v JOIN enterprises e ON e.id = v.enterprise_id"
    ).fetchall()
    for r in rows:
        assert r["team_id"] or r["n"]
        assert 0 <= r["n"] <= 3
        assert r["district_code"] == r["ed"]
        if r["status"] == "completed":
            assert r["confirmed_by"] and r["problems"]
    statuses = {r["status"] for r in rows}
    assert statuses == {"completed", "planned", "cancelled"}


def test_teams_have_three_to_six_members_led_by_their_leader(db) -> None:
    for team in db.execute("SELECT id, leader_id, name FROM teams"):
        members = db.execute(
            "SELECT expert_id, role FROM team_members WHERE team_id = ?", (team["id"],)
        ).fetchall()
        assert 3 <= len(members) <= 6, team["name"]
        assert [m[0] for m in members if m[1] == "leader"] == [team["leader_id"]]
        assert "轻骑队" in team["name"]


def test_appointments_are_well_formed(db) -> None:
    rows = db.execute(
        "SELECT a.*, x.can_be_vp FROM appointments a JOIN experts x ON x.id = a.expert_id"
    ).fetchall()
    assert rows
    for r in rows:
        assert r["end_date"] > r["start_date"]
        assert r["can_be_vp"] == 1
        assert r["batch_year"] in (AS_OF.year - 1, AS_OF.year)
        if r["status"] == "proposed":
            assert r["start_date"] > AS_OF.isoformat()
        if r["status"] in ("completed", "ended_early"):
            assert r["end_date"] <= AS_OF.isoformat()
    assert {r["status"] for r in rows} <= set(APPOINTMENT_STATUS.codes)


def test_follow_ups_are_due_after_their_visit_and_some_are_overdue(db) -> None:
    rows = db.execute(
        "SELECT f.*, v.visit_date FROM follow_ups f JOIN visits v ON v.id = f.visit_id"
    ).fetchall()
    overdue = 0
    for r in rows:
        gap = (date.fromisoformat(r["due_date"]) - date.fromisoformat(r["visit_date"])).days
        assert 14 <= gap <= 60
        if r["status"] == "closed":
            assert r["closed_by"] and r["closed_at"] and r["resolution"]
            assert r["closed_at"][:10] <= AS_OF.isoformat()
            assert r["closed_at"] >= r["created_at"]
        else:
            assert r["closed_at"] is None
            overdue += r["due_date"] < AS_OF.isoformat()
    assert overdue > 0
    assert any(r["needs_coordination"] for r in rows)
    closed = sum(r["status"] == "closed" for r in rows)
    assert 0.3 < closed / len(rows) < 0.95


def test_cases_carry_figures_and_some_are_approved(db) -> None:
    rows = db.execute("SELECT * FROM cases").fetchall()
    assert rows
    for r in rows:
        assert r["background"] and r["measures"] and r["results"]
        assert "：" in r["title"]
    assert any(r["approved"] and r["approved_at"] for r in rows) or len(rows) < 5
    assert any(r["output_value_wan"] for r in rows)


def test_every_timestamp_is_ordered_and_not_after_as_of(db) -> None:
    limit = (AS_OF + timedelta(days=1)).isoformat()
    for table in (
        "enterprises",
        "experts",
        "teams",
        "team_members",
        "appointments",
        "visits",
        "follow_ups",
        "cases",
        "targets",
    ):
        for created, updated in db.execute(f"SELECT created_at, updated_at FROM {table}"):
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", created)
            assert created <= updated < limit, table


def test_targets_and_settings(db) -> None:
    targets = db.execute("SELECT scope, visits_target FROM targets WHERE year = 2026").fetchall()
    assert len(targets) == 13 and dict(targets)[CITY_SCOPE] == 10_000
    settings = dict(db.execute("SELECT key, value FROM settings").fetchall())
    assert settings["demo_seed"] == "3"
    assert settings["demo_as_of"] == "2026-06-30"
    assert settings["district_scope"] == CITY_SCOPE


def test_progress_shows_districts_ahead_and_behind(tmp_path: Path) -> None:
    path = tmp_path / "year.db"
    summary = generate_demo(path, seed=5, as_of=AS_OF)  # the default: the real, paced year
    with open_store(path, readonly=True) as store:
        result = progress(store, 2026, as_of=AS_OF)
    elapsed = result.year_elapsed
    ratios = [d.visits_ratio for d in result.districts]
    assert min(ratios) < elapsed * 0.9 and max(ratios) > elapsed * 1.1
    assert 0.8 * 10_000 * elapsed < result.visits["done"] < 1.2 * 10_000 * elapsed
    assert result.visits["done"] == summary.visits_completed
    assert 0 < result.appointments["count"] <= 600


def test_district_database_holds_only_that_district(tmp_path: Path) -> None:
    path = tmp_path / "yueqing.db"
    summary = generate_demo(path, seed=2, visits=300, district="乐清市", as_of=AS_OF)
    assert summary.district == "330382" and "乐清市" in summary.describe()
    conn = sqlite3.connect(path)
    try:
        for table in ("enterprises", "visits"):
            codes = {r[0] for r in conn.execute(f"SELECT DISTINCT district_code FROM {table}")}
            assert codes == {"330382"}, table
        assert {r[0] for r in conn.execute("SELECT DISTINCT district_code FROM teams")} == {
            "330382"
        }
        assert conn.execute("SELECT count(*) FROM visits").fetchone()[0] == 300
        assert sorted(r[0] for r in conn.execute("SELECT scope FROM targets")) == [
            "330300",
            "330382",
        ]
        scope = conn.execute("SELECT value FROM settings WHERE key = 'district_scope'")
        assert scope.fetchone()[0] == "330382"
    finally:
        conn.close()


@pytest.mark.parametrize("visits", [0, 1, 137])
def test_visit_count_is_exact(tmp_path: Path, visits: int) -> None:
    path = tmp_path / "n.db"
    summary = generate_demo(path, seed=1, visits=visits, as_of=date(2026, 3, 1))
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM visits").fetchone()[0] == visits
    finally:
        conn.close()
    assert summary.visits == visits


def test_progress_is_reported_up_to_the_total(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    generate_demo(
        tmp_path / "p.db",
        visits=200,
        as_of=AS_OF,
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls and calls[-1][0] == calls[-1][1]
    assert all(0 <= d <= t for d, t in calls)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_existing_file_is_refused_unless_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(b"keep me")
    with pytest.raises(FileExistsError):
        generate_demo(path, visits=10, as_of=AS_OF)
    assert path.read_bytes() == b"keep me"
    generate_demo(path, visits=10, as_of=AS_OF, overwrite=True)
    assert path.read_bytes()[:16] == b"SQLite format 3\x00"


def test_a_failure_leaves_no_file_behind(tmp_path: Path, monkeypatch) -> None:
    import dispatch_app.demo.generator as generator

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(generator, "make_cases", broken)
    with pytest.raises(RuntimeError):
        generate_demo(tmp_path / "half.db", visits=50, as_of=AS_OF)
    assert list(tmp_path.iterdir()) == []


def test_records_round_trip_through_the_validators(db) -> None:
    """Every record is accepted by the domain validators, with its codes, dates and links kept."""
    from dispatch_app.domain import validation as v
    from dispatch_app.domain.records import (
        Appointment,
        Case,
        Enterprise,
        Expert,
        FollowUp,
        Target,
        Team,
        Visit,
    )
    from dispatch_app.store.rows import TABLES, from_row

    cleaners = {
        Enterprise: v.clean_enterprise,
        Expert: v.clean_expert,
        Team: v.clean_team,
        Appointment: v.clean_appointment,
        FollowUp: v.clean_follow_up,
        Case: v.clean_case,
        Target: v.clean_target,
        Visit: lambda raw: v.clean_visit(raw, today=AS_OF),
    }
    experts: dict[str, list[str]] = {}
    for vid, eid in db.execute("SELECT visit_id, expert_id FROM visit_experts ORDER BY rowid"):
        experts.setdefault(vid, []).append(eid)
    kept = {
        "id",
        "created_at",
        "updated_at",
        "uscc",
        "district_code",
        "town_code",
        "status",
        "visit_date",
        "start_date",
        "end_date",
        "due_date",
        "enterprise_id",
        "expert_id",
        "team_id",
        "expert_ids",
        "visit_id",
        "lat",
        "lon",
        "qualifications",
        "specialties",
        "contact_phone",
        "phone",
        "size",
        "visit_type",
        "batch_year",
        "year",
        "scope",
    }
    for cls, clean in cleaners.items():
        for row in db.execute(f"SELECT * FROM {TABLES[cls]}"):
            record = from_row(cls, row)
            if isinstance(record, Visit):
                record.expert_ids = tuple(experts.get(record.id, ()))
            raw = asdict(record)
            cleaned = asdict(clean(raw))
            assert {k: cleaned[k] for k in raw if k in kept} == {
                k: raw[k] for k in raw if k in kept
            }
