"""The bureau's merge: idempotent, newest edit wins, conflicts reported, progress adds up."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from dispatch_app.demo.generator import generate_demo
from dispatch_app.domain.records import Enterprise
from dispatch_app.exchange.bundle import make_bundle
from dispatch_app.exchange.merge import BundleRejected, merge_bundles
from dispatch_app.services import registry, visit_log
from dispatch_app.services.progress import progress
from dispatch_app.store import open_store

AS_OF = date(2026, 6, 30)


def bundle(db: Path, out: Path, district: str | None = None, month: str | None = None) -> Path:
    with open_store(db, readonly=True) as store:
        make_bundle(store, out, district=district, month=month)
    return out


def merge(db: Path, *bundles: Path):
    with open_store(db) as store:
        return merge_bundles(store, list(bundles))


@pytest.fixture(scope="module")
def districts(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("districts")
    a, b = folder / "yueqing.db", folder / "lucheng.db"
    generate_demo(a, seed=1, visits=150, as_of=AS_OF, district="330382")
    generate_demo(b, seed=2, visits=120, as_of=AS_OF, district="330302")
    return a, b


def test_merging_twice_equals_merging_once(tmp_path, districts, empty_db, dump_db) -> None:
    a = bundle(districts[0], tmp_path / "a.zip", "330382")
    b = bundle(districts[1], tmp_path / "b", "330302")
    city = empty_db("city.db")
    first = merge(city, a, b)
    assert first.ok and first.written, first.problems[:3]
    once = dump_db(city)
    second = merge(city, a, b)
    assert second.ok and not second.written
    assert all(r.added == r.updated == 0 for r in second.results)
    assert dump_db(city) == once
    other = empty_db("other.db")
    merge(other, a, b)
    merge(other, b, a)
    assert dump_db(other) == once  # order and repetition do not matter


def test_city_progress_is_the_sum_of_the_districts(tmp_path, districts, empty_db) -> None:
    city = empty_db("city.db")
    paths = [bundle(db, tmp_path / f"{i}.zip") for i, db in enumerate(districts)]
    assert merge(city, *paths).ok
    parts = []
    for db in districts:
        with open_store(db, readonly=True) as store:
            parts.append(progress(store, 2026, as_of=AS_OF))
    with open_store(city, readonly=True) as store:
        whole = progress(store, 2026, as_of=AS_OF)
    assert whole.visits["done"] == sum(p.visits["done"] for p in parts) > 0
    assert whole.appointments["count"] == sum(p.appointments["count"] for p in parts)
    by_district = {d.adcode: d.visits_done for d in whole.districts}
    for p in parts:
        for d in p.districts:
            if d.visits_done:
                assert by_district[d.adcode] == d.visits_done


def test_newer_edit_replaces_older_and_older_is_ignored(tmp_path, empty_db, make_district) -> None:
    district = make_district(tmp_path / "d.db", "330382", seed=1, visits=3)
    old = bundle(district, tmp_path / "old")
    with open_store(district) as store:
        ent = store.query("SELECT id FROM enterprises ORDER BY uscc LIMIT 1")[0]["id"]
        registry.edit(store, Enterprise, ent, {"name": "改名后的企业"})
    new = bundle(district, tmp_path / "new")
    city = empty_db("city.db")
    merge(city, old)
    result = merge(city, new)
    kinds = {r.kind: r for r in result.results}
    assert kinds["enterprises"].updated == 1
    merge(city, old)  # an older bundle arriving late changes nothing
    with open_store(city, readonly=True) as store:
        assert store.scalar("SELECT name FROM enterprises WHERE id = ?", (ent,)) == "改名后的企业"


def test_same_enterprise_registered_twice_is_a_conflict(tmp_path, empty_db, make_district) -> None:
    district = make_district(tmp_path / "d.db", "330382", seed=1, visits=3)
    city = empty_db("city.db")
    with open_store(district, readonly=True) as store:
        uscc = store.scalar("SELECT uscc FROM enterprises ORDER BY uscc LIMIT 1")
    with open_store(city) as store:
        registry.register(
            store,
            Enterprise,
            {"uscc": uscc, "name": "市局登记的同一企业", "district_code": "330382"},
        )
    result = merge(city, bundle(district, tmp_path / "b"))
    assert result.ok and len(result.conflicts) == 1
    _, conflict = result.conflicts[0]
    assert conflict.column == "统一社会信用代码" and "另一条记录" in conflict.zh
    with open_store(city, readonly=True) as store:
        assert store.scalar("SELECT count(*) FROM enterprises WHERE uscc = ?", (uscc,)) == 1
        # Visits of that enterprise attach to the record already here.
        assert store.scalar("SELECT count(*) FROM visits") == 3


def test_damaged_bundle_merges_nothing(tmp_path, empty_db, make_district) -> None:
    district = make_district(tmp_path / "d.db", "330382", seed=1, visits=3)
    good = bundle(district, tmp_path / "good")
    bad = bundle(district, tmp_path / "bad")
    with (bad / "visits.csv").open("ab") as fh:
        fh.write(b"x")
    city = empty_db("city.db")
    before = city.read_bytes()
    with pytest.raises(BundleRejected, match="校验值"):
        merge(city, good, bad)
    assert city.read_bytes() == before


def test_bundle_manifest_and_month(tmp_path, make_district) -> None:
    district = make_district(tmp_path / "d.db", "330382", seed=1, visits=12)
    out = bundle(district, tmp_path / "m", "330382", "2026-03")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["district"] == {"adcode": "330382", "name": "乐清市"}
    assert manifest["period"] == {"month": "2026-03", "from": "2026-03-01", "to": "2026-03-31"}
    assert manifest["counts"]["visits"] == 2  # only the visits dated in March
    assert manifest["counts"]["enterprises"] >= 1  # with the enterprises they refer to
    assert {f["file"] for f in manifest["files"]} == {f"{k}.csv" for k in manifest["counts"]}


def test_follow_up_items_merge_idempotently_and_updates_arrive(
    tmp_path, empty_db, make_district, dump_db
) -> None:
    district = make_district(tmp_path / "d.db", "330382", seed=1, visits=6)
    with open_store(district) as store:  # visits and items last edited in January
        for table in ("visits", "follow_ups"):
            store.conn.execute(f"UPDATE {table} SET updated_at = '2026-01-05T00:00:00.000000Z'")
    city = empty_db("city.db")
    assert merge(city, bundle(district, tmp_path / "b1")).written
    once = dump_db(city)
    assert not merge(city, bundle(district, tmp_path / "b2")).written
    assert dump_db(city) == once
    with open_store(district) as store:
        visit = store.scalar("SELECT id FROM visits WHERE problems = '问题4'")
        item = visit_log.add_follow_up(
            store, visit, {"description": "补充检测报告", "owner": "王五"}
        )
        store.conn.execute(
            "UPDATE follow_ups SET updated_at = '2026-05-06T00:00:00.000000Z' WHERE id = ?",
            (item.id,),
        )
    # Adding an item does not touch the visit row, yet May's bundle carries the visit.
    may = bundle(district, tmp_path / "may", "330382", "2026-05")
    assert json.loads((may / "manifest.json").read_text(encoding="utf-8"))["counts"]["visits"] == 1
    result = merge(city, may)
    assert {r.kind: r.updated for r in result.results}["visits"] == 1
    assert {r.kind: r.added for r in result.results}["follow_ups"] == 1
    with open_store(city, readonly=True) as store:
        # The item arrived as a record; the visit's cell was its summary, so not kept as text.
        found = store.query(
            "SELECT v.follow_up_text, f.description, f.owner FROM visits v JOIN follow_ups f"
            " ON f.visit_id = v.id WHERE v.id = ?",
            (visit,),
        )
    assert [tuple(r) for r in found] == [("", "补充检测报告", "王五")]
