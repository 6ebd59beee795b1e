"""``dispatch-app plan`` / ``needs`` / ``assign``: the day in route order with km, the needs
with reasons, assigning all or nothing, and the exit-2 errors."""

from __future__ import annotations

import csv
import itertools
import json
from datetime import timedelta

import pytest

from dispatch_app import clock
from dispatch_app.cli.main import main
from dispatch_app.domain.geography import haversine_km
from dispatch_app.domain.records import Enterprise, Team
from dispatch_app.services import registry
from dispatch_app.store import open_store
from support.world import enterprise_raw

# East of 乐清市's centre, entered in a zigzag: the route must straighten it.
POINTS = [(28.11, 121.06), (28.11, 121.00), (28.11, 121.04), (28.11, 121.02)]
TEAM = "乐清电气轻骑队"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "p.db"
    with open_store(path, create=True) as store:
        ents = [
            registry.register(store, Enterprise, enterprise_raw(i + 1, lat=lat, lon=lon))
            for i, (lat, lon) in enumerate(POINTS)
        ]
        registry.register(
            store, Enterprise, enterprise_raw(9, lat=28.112, lon=121.03, industry="泵阀")
        )
        registry.register(
            store, Enterprise, enterprise_raw(10, district="鹿城区", lat=28.02, lon=120.65)
        )
        registry.register(store, Team, {"name": TEAM, "district_code": "乐清市"})
    return path, [e.uscc for e in ents]


def _day() -> str:
    return (clock.today() + timedelta(days=3)).isoformat()


def _assign(path, codes) -> None:
    assert main(["assign", "--db", str(path), "--team", TEAM, "--date", _day(), *codes]) == 0


def test_plan_orders_the_day_and_suggests_gap_closers(db, capsys, tmp_path) -> None:
    path, codes = db
    _assign(path, codes)
    capsys.readouterr()
    out_csv = tmp_path / "day.csv"
    out_pdf = tmp_path / "day.pdf"
    args = ["plan", "--db", str(path), "--team", TEAM, "--date", _day()]
    assert main([*args, "--json", "--csv", str(out_csv), "--pdf", str(out_pdf)]) == 0
    data = json.loads(capsys.readouterr().out)
    stops = data["stops"]
    assert sorted(s["uscc"] for s in stops) == sorted(codes)
    lons = [s["lon"] for s in stops]
    assert lons in (sorted(lons), sorted(lons, reverse=True))  # one sweep, no zigzag
    base = (data["base"]["lat"], data["base"]["lon"])
    points = [base, *((s["lat"], s["lon"]) for s in stops), base]
    km = sum(haversine_km(*a, *b) for a, b in itertools.pairwise(points))
    assert data["total_km"] == pytest.approx(km, abs=0.01)
    assert data["total_km"] < data["entered_order_km"]
    assert [s["arrive"] for s in stops] == sorted(s["arrive"] for s in stops)
    # The unplanned enterprise between the stops is the first gap-closer; 鹿城 is far away.
    assert data["gap_closers"][0]["name"] == "乐清市正泰9号电气有限公司"
    assert all("鹿城" not in g["district"] for g in data["gap_closers"])
    with out_csv.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert [r[4] for r in rows[1:5]] == [s["uscc"] for s in stops]
    assert out_pdf.read_bytes().startswith(b"%PDF")


def test_plan_text_output(db, capsys) -> None:
    path, codes = db
    _assign(path, codes[:2])
    capsys.readouterr()
    assert main(["plan", "--db", str(path), "--team", TEAM, "--date", _day()]) == 0
    out = capsys.readouterr().out
    assert "乐清市中心" in out and "km" in out
    assert "共 2 家" in out and "顺路可访" in out


def test_an_empty_day_says_so(db, capsys) -> None:
    path, _codes = db
    assert main(["plan", "--db", str(path), "--team", TEAM, "--date", _day()]) == 0
    assert "没有安排走访" in capsys.readouterr().out


def test_unknown_team_and_bad_date_exit_2(db, capsys) -> None:
    path, codes = db
    assert main(["plan", "--db", str(path), "--team", "无此队", "--date", _day()]) == 2
    err = capsys.readouterr().err
    assert "找不到轻骑队“无此队”" in err and "No team named" in err
    assert main(["plan", "--db", str(path), "--team", TEAM, "--date", "2026-02-30"]) == 2
    err = capsys.readouterr().err
    assert "--date" in err and "2026-02-30" in err
    assert main(["assign", "--db", str(path), "--team", "无此队", "--date", _day(), codes[0]]) == 2
    assert "找不到轻骑队" in capsys.readouterr().err


def test_assign_is_all_or_nothing(db, capsys) -> None:
    path, codes = db
    _assign(path, codes[:1])
    capsys.readouterr()
    # The second run repeats codes[0] (already on the day): nothing of it is written.
    assert main(["assign", "--db", str(path), "--team", TEAM, "--date", _day(), *codes]) == 2
    assert "已在该队的行程中" in capsys.readouterr().err
    with open_store(path, readonly=True) as store:
        assert store.scalar("SELECT count(*) FROM visits") == 1
    past = (clock.today() - timedelta(days=1)).isoformat()
    assert main(["assign", "--db", str(path), "--team", TEAM, "--date", past, codes[1]]) == 2
    assert "早于今天" in capsys.readouterr().err
    bad = codes[1][:-1] + ("0" if codes[1][-1] != "0" else "1")
    assert main(["assign", "--db", str(path), "--team", TEAM, "--date", _day(), bad]) == 2


def test_needs_lists_reasons_and_filters(db, capsys) -> None:
    path, codes = db
    assert main(["needs", "--db", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 6  # nothing visited yet: every enterprise, never this year
    assert all(e["reasons"] == ["never_this_year"] for e in data["enterprises"])
    assert main(["needs", "--db", str(path), "--district", "鹿城区", "--json"]) == 0
    assert [e["district"] for e in json.loads(capsys.readouterr().out)["enterprises"]] == ["鹿城区"]
    assert main(["needs", "--db", str(path), "--industry", "泵阀"]) == 0
    out = capsys.readouterr().out
    assert "正泰9号" in out and "今年未走访" in out and "共 1 家" in out
    _assign(path, codes)
    capsys.readouterr()
    assert main(["needs", "--db", str(path), "--unplanned", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 2


def test_needs_bad_filters_exit_2(db, capsys) -> None:
    path, _codes = db
    assert main(["needs", "--db", str(path), "--industry", "造船"]) == 2
    err = capsys.readouterr().err
    assert "造船" in err and "电气" in err
    assert main(["needs", "--db", str(path), "--district", "火星区"]) == 2
    assert "火星区" in capsys.readouterr().err
