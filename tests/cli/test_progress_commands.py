"""dispatch-app progress / targets: district scope, as-of, forecast fields, CSV, editing."""

from __future__ import annotations

import csv
import json

from dispatch_app.cli.main import main
from dispatch_app.domain.records import Enterprise, Expert
from dispatch_app.services import registry, visit_log
from dispatch_app.store import open_store
from support.world import TODAY, enterprise_raw


def _db(tmp_path):
    path = tmp_path / "p.db"
    main(["init", str(path), "--year", "2026"])
    with open_store(path) as store:
        ent = registry.register(store, Enterprise, enterprise_raw(1))
        exp = registry.register(
            store, Expert, {"name": "陈立", "institution": "温州大学", "specialties": "电气"}
        )
        for day in ("2026-02-02", "2026-06-15", "2026-06-22"):
            visit_log.log_visit(
                store,
                {"enterprise_id": ent.id, "expert_ids": [exp.id], "visit_date": day},
                today=TODAY,
            )
    return path


def test_json_has_the_pacing_fields_city_and_per_district(tmp_path, capsys):
    path = _db(tmp_path)
    capsys.readouterr()
    args = ["progress", "--db", str(path), "--year", "2026", "--as-of", "2026-06-30", "--json"]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    v = data["visits"]
    assert v["done"] == 3 and v["expected_by_date"] == round(10_000 * 181 / 365)
    # 2 visits in the 28 days to 30 June, 184 days left: 3 + 2 * 184 / 28 = 16.
    assert v["forecast_year_end"] == 16 and v["status"] == "behind"
    row = next(d for d in data["districts"] if d["district"] == "乐清市")
    assert row["visits"]["forecast_year_end"] == 16
    assert row["visits"]["expected_by_date"] == round(1500 * 181 / 365)


def test_district_and_as_of(tmp_path, capsys):
    path = _db(tmp_path)
    capsys.readouterr()
    args = ["progress", "--db", str(path), "--district", "乐清市", "--as-of", "2026-03-01"]
    assert main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["scope_name"] == "乐清市" and data["visits"]["target"] == 1500
    assert data["visits"]["done"] == 1 and [d["district"] for d in data["districts"]] == ["乐清市"]
    assert main(args) == 0
    assert "乐清市" in capsys.readouterr().out


def test_csv_writes_the_ranking(tmp_path, capsys):
    path = _db(tmp_path)
    out = tmp_path / "rank.csv"
    args = ["progress", "--db", str(path), "--as-of", "2026-06-30", "--format", "csv"]
    assert main([*args, "--out", str(out)]) == 0
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:4] == ["区县", "代码", "服务家次", "目标家次"]
    assert len(rows) == 1 + 12 + 1  # header, districts, the city's total
    yueqing = next(r for r in rows if r[0] == "乐清市")
    assert yueqing[2:4] == ["3", "1500"] and rows[-1][0] == "温州市"
    assert main(args) == 2  # no --out
    assert "--out" in capsys.readouterr().err


def test_targets_show_and_set(tmp_path, capsys):
    path = _db(tmp_path)
    capsys.readouterr()
    assert main(["targets", "--db", str(path), "--year", "2026"]) == 0
    out = capsys.readouterr().out
    assert "温州市" in out and "1500" in out and "10000" in out
    args = ["targets", "--db", str(path), "--year", "2026", "--district", "乐清市"]
    assert main([*args, "--set", "visits=1800", "appointments=80"]) == 0
    capsys.readouterr()
    assert (
        main(["progress", "--db", str(path), "--year", "2026", "--district", "乐清市", "--json"])
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert (data["visits"]["target"], data["appointments"]["target"]) == (1800, 80)
    for bad in (["visits=-1"], ["visits=abc"], ["bananas=3"]):
        assert main([*args, "--set", *bad]) == 2
        assert "--set" in capsys.readouterr().err
    with open_store(path, readonly=True) as store:
        assert (
            store.scalar("SELECT visits_target FROM targets WHERE year = 2026 AND scope = '330382'")
            == 1800
        )


def test_targets_set_in_a_year_without_any_keeps_the_others(tmp_path, capsys):
    path = _db(tmp_path)
    assert main(["targets", "--db", str(path), "--year", "2027", "--set", "visits=12000"]) == 0
    with open_store(path, readonly=True) as store:
        rows = dict(store.query("SELECT scope, visits_target FROM targets WHERE year = 2027"))
    assert rows["330300"] == 12000 and rows["330382"] == 1500 and len(rows) == 13


def test_definitions_print_the_counting_rules_in_either_language(capsys):
    assert main(["progress", "--definitions"]) == 0
    zh = capsys.readouterr().out
    assert "家次" in zh and "撤回" in zh and "逾期" in zh
    assert main(["progress", "--definitions", "--lang", "en"]) == 0
    en = capsys.readouterr().out
    assert "withdrawn" in en and "counts once" in en
