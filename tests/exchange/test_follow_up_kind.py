"""Follow-up items as their own kind: round trip, closing at the bureau, row/column errors."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from dispatch_app.exchange.bundle import make_bundle
from dispatch_app.exchange.columns import DEPENDENCY_ORDER, SPECS
from dispatch_app.exchange.exporter import ExportOptions, export_kind
from dispatch_app.exchange.importer import ImportOptions, import_file
from dispatch_app.exchange.merge import merge_bundles
from dispatch_app.services import visit_log
from dispatch_app.store import open_store

from .conftest import TODAY


def _export(db: Path, kind: str, out: Path) -> list[list[str]]:
    with open_store(db, readonly=True) as store:
        export_kind(store, kind, out, ExportOptions())
    return list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))


def _copy_all(source: Path, target: Path, folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    with open_store(target) as store:
        for kind in DEPENDENCY_ORDER:
            path = folder / f"{kind}.csv"
            _export(source, kind, path)
            result = import_file(store, kind, path, ImportOptions(today=TODAY))
            assert result.ok, [p.describe() for p in result.problems]


def _bundle(db: Path, out: Path) -> Path:
    with open_store(db, readonly=True) as store:
        make_bundle(store, out)
    return out


def _merge(db: Path, bundle: Path):
    with open_store(db) as store:
        return merge_bundles(store, [bundle])


def test_export_has_the_columns_and_one_row_per_item(tmp_path, district_db) -> None:
    rows = _export(district_db, "follow_ups", tmp_path / "f.csv")
    assert rows[0] == SPECS["follow_ups"].headers
    header = rows[0]
    with open_store(district_db, readonly=True) as store:
        stored = store.query("SELECT id, description, closed_at FROM follow_ups")
    assert len(rows) - 1 == len(stored) == 3
    by_id = {r[header.index("记录编号")]: r for r in rows[1:]}
    for item_id, description, closed_at in stored:
        row = by_id[item_id]
        assert row[header.index("跟进内容")] in (description, "'" + description)
        assert row[header.index("办结时间")] == (closed_at or "")
    sealed = next(r for r in rows[1:] if r[header.index("责任人")] == "张工")
    assert sealed[header.index("办理期限")] == "2026-07-15"
    assert sealed[header.index("需协调")] == "是"
    assert sealed[header.index("跟进内容")].startswith("'=")  # formula guard


def test_round_trip_export_import_export(tmp_path, district_db, empty_db) -> None:
    fresh = empty_db("fresh.db")
    _copy_all(district_db, fresh, tmp_path / "first")
    for kind in ("follow_ups", "visits"):
        first = (tmp_path / "first" / f"{kind}.csv").read_bytes()
        _export(fresh, kind, tmp_path / f"again-{kind}.csv")
        assert (tmp_path / f"again-{kind}.csv").read_bytes() == first, kind
    with open_store(fresh, readonly=True) as store:
        copied = store.query(
            "SELECT id, visit_id, description, owner, due_date, needs_coordination, status,"
            " closed_at, closed_by, resolution, created_at, updated_at FROM follow_ups ORDER BY id"
        )
    with open_store(district_db, readonly=True) as store:
        original = store.query(
            "SELECT id, visit_id, description, owner, due_date, needs_coordination, status,"
            " closed_at, closed_by, resolution, created_at, updated_at FROM follow_ups ORDER BY id"
        )
    assert [tuple(r) for r in copied] == [tuple(r) for r in original]


def test_closed_at_the_bureau_merges_back(tmp_path, make_district, empty_db, dump_db) -> None:
    district = make_district(tmp_path / "d.db", "330382", seed=1, visits=6)
    city = empty_db("city.db")
    assert _merge(city, _bundle(district, tmp_path / "up1")).ok
    with open_store(city) as store:
        item = store.scalar("SELECT id FROM follow_ups WHERE owner = '张工'")
        visit_log.close_follow_up(store, item, "市局刘科", "已协调供应商")
    back = _merge(district, _bundle(city, tmp_path / "down"))
    assert back.ok and back.written
    assert {r.kind: r.updated for r in back.results}["follow_ups"] == 1
    with open_store(district, readonly=True) as store:
        status, closed_by, resolution, text = store.query(
            "SELECT f.status, f.closed_by, f.resolution, v.follow_up_text FROM follow_ups f"
            " JOIN visits v ON v.id = f.visit_id WHERE f.id = ?",
            (item,),
        )[0]
    assert (status, closed_by, resolution) == ("closed", "市局刘科", "已协调供应商")
    assert text == ""  # records win: the visit's cell is rebuilt from them at each export
    cell = {r[6]: r[8] for r in _export(district, "visits", tmp_path / "v.csv")[1:]}["问题2"]
    assert cell.count("已办结") == 2  # both items now closed, as the bureau's export says
    once = dump_db(district)
    again = _merge(district, _bundle(city, tmp_path / "down2"))
    assert again.ok and not again.written and dump_db(district) == once  # merging twice


def test_closed_in_the_district_merges_up_newer_wins(tmp_path, make_district, empty_db) -> None:
    district = make_district(tmp_path / "d.db", "330382", seed=1, visits=6)
    city = empty_db("city.db")
    assert _merge(city, _bundle(district, tmp_path / "up1")).ok
    with open_store(district) as store:
        item = store.scalar("SELECT id FROM follow_ups WHERE owner = '张工'")
        visit_log.close_follow_up(store, item, "李四", "")
    result = _merge(city, _bundle(district, tmp_path / "up2"))
    assert result.ok and {r.kind: r.updated for r in result.results}["follow_ups"] == 1
    with open_store(city, readonly=True) as store:
        assert store.scalar("SELECT status FROM follow_ups WHERE id = ?", (item,)) == "closed"
    # An older copy (the first bundle again) does not reopen it.
    assert _merge(city, tmp_path / "up1").ok
    with open_store(city, readonly=True) as store:
        assert store.scalar("SELECT status FROM follow_ups WHERE id = ?", (item,)) == "closed"


def test_bad_due_date_names_row_and_column(tmp_path, district_db, empty_db) -> None:
    fresh = empty_db("fresh.db")
    _copy_all(district_db, fresh, tmp_path / "first")
    rows = _export(district_db, "follow_ups", tmp_path / "f.csv")
    header = rows[0]
    rows[2][header.index("办理期限")] = "2026-13-45"
    rows[3][header.index("服务记录编号")] = "no-such-visit-0000"
    bad = tmp_path / "bad.csv"
    with bad.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    with open_store(fresh) as store:
        before = store.query("SELECT * FROM follow_ups ORDER BY id")
        result = import_file(store, "follow_ups", bad, ImportOptions(on_existing="update"))
        after = store.query("SELECT * FROM follow_ups ORDER BY id")
    assert not result.ok and not result.written
    found = {(p.row, p.column) for p in result.problems}
    assert found == {(3, "办理期限"), (4, "服务记录编号")}
    assert [tuple(r) for r in after] == [tuple(r) for r in before]  # nothing written


def test_bundle_contains_follow_ups(tmp_path, district_db) -> None:
    out = _bundle(district_db, tmp_path / "b")
    assert (out / "follow_ups.csv").is_file()
    import json

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["follow_ups"] == 3
    assert "follow_ups.csv" in {f["file"] for f in manifest["files"]}


def test_blank_visit_id_is_a_row_problem_not_a_crash(tmp_path, district_db) -> None:
    """Found by fuzzing: a blank 服务记录编号 reached the database (FOREIGN KEY failed)."""
    rows = _export(district_db, "follow_ups", tmp_path / "f.csv")
    header = rows[0]
    rows[1][header.index("服务记录编号")] = ""  # a stored item (by 记录编号): an update
    rows[2][header.index("服务记录编号")] = " "
    rows[2][header.index("记录编号")] = ""  # and one that would be new
    rows[2][header.index("跟进内容")] = "新的跟进事项"
    bad = tmp_path / "bad.csv"
    with bad.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    with open_store(district_db) as store:
        before = store.query("SELECT * FROM follow_ups ORDER BY id")
        result = import_file(store, "follow_ups", bad, ImportOptions(today=TODAY))
        after = store.query("SELECT * FROM follow_ups ORDER BY id")
    assert not result.written
    assert {(p.row, p.column) for p in result.problems} == {
        (2, "服务记录编号"),
        (3, "服务记录编号"),
    }
    assert [tuple(r) for r in after] == [tuple(r) for r in before]
