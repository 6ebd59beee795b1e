"""Large loads of one kind: secondary indexes dropped and rebuilt inside the transaction."""

from __future__ import annotations

import csv
import random

from dispatch_app.domain.uscc import random_uscc
from dispatch_app.exchange.apply import BULK_RECORDS
from dispatch_app.exchange.importer import import_file
from dispatch_app.store import open_store


def _indexes(store) -> list[tuple]:
    return [
        tuple(r)
        for r in store.query(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name ="
            " 'enterprises' ORDER BY name"
        )
    ]


def _write(path, rows: int, *, bad_row: int | None = None) -> None:
    rng = random.Random(5)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["统一社会信用代码", "企业名称", "所属区县", "技术需求"])
        for i in range(rows):
            district = "不存在区" if i == bad_row else "乐清市"
            out.writerow(
                [
                    random_uscc(rng, "330382"),
                    f"温州第{i}号阀门厂",
                    district,
                    "" if i % 3 else "自动化",
                ]
            )


def test_bulk_load_rebuilds_the_same_indexes(tmp_path, empty_db) -> None:
    db = empty_db()
    path = tmp_path / "big.csv"
    _write(path, BULK_RECORDS + 10)
    with open_store(db) as store:
        before = _indexes(store)
        result = import_file(store, "enterprises", path)
        assert result.ok and result.added == BULK_RECORDS + 10
        assert _indexes(store) == before
        assert store.scalar("PRAGMA integrity_check") == "ok"
        # What the insert trigger sets for a row with 技术需求, written with the row.
        counts = store.query(
            "SELECT tech_needs = '', count(*), count(needs_updated_at),"
            " sum(needs_updated_at = updated_at) FROM enterprises GROUP BY 1 ORDER BY 1"
        )
        needs = len(range(0, BULK_RECORDS + 10, 3))
        assert [tuple(r) for r in counts] == [
            (0, needs, needs, needs),
            (1, BULK_RECORDS + 10 - needs, 0, None),
        ]
        plan = store.query(
            "EXPLAIN QUERY PLAN SELECT id FROM enterprises WHERE name = '温州第7号阀门厂'"
        )
        assert "enterprises_name" in " ".join(str(tuple(r)) for r in plan)


def test_invalid_bulk_load_leaves_table_and_indexes(tmp_path, empty_db) -> None:
    db = empty_db()
    path = tmp_path / "bad.csv"
    _write(path, BULK_RECORDS + 10, bad_row=BULK_RECORDS)
    with open_store(db) as store:
        before = _indexes(store)
        result = import_file(store, "enterprises", path)
        assert not result.ok and not result.written
        assert store.scalar("SELECT count(*) FROM enterprises") == 0
        assert _indexes(store) == before


def test_new_experts_teams_in_row_order(tmp_path, empty_db) -> None:
    """Two new experts both written as 甲队's 队长: the later row leads it, as one by one."""
    path = tmp_path / "experts.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["姓名", "工作单位", "专业领域", "所属轻骑队"])
        out.writerow(["张三", "温州大学", "机械", "甲队（队长）、乙队"])
        out.writerow(["李四", "温州医科大学", "电气", "甲队（队长）"])
        out.writerow(["王五", "研究院", "电气", ""])
    with open_store(empty_db()) as store:
        result = import_file(store, "experts", path)
        assert result.ok and result.added == 3
        rows = store.query(
            "SELECT t.name, x.name, m.role FROM team_members m JOIN teams t ON t.id = m.team_id"
            " JOIN experts x ON x.id = m.expert_id ORDER BY 1, 2"
        )
        leaders = store.query(
            "SELECT t.name, x.name FROM teams t LEFT JOIN experts x ON x.id = t.leader_id"
            " ORDER BY 1"
        )
    assert [tuple(r) for r in rows] == [
        ("乙队", "张三", "member"),
        ("甲队", "张三", "leader"),
        ("甲队", "李四", "leader"),
    ]
    assert [tuple(r) for r in leaders] == [("乙队", None), ("甲队", "李四")]


def _trail_after(path, start: int) -> list[tuple]:
    with open_store(path, readonly=True) as store:
        return [
            tuple(r)
            for r in store.query(
                # New enterprises' ids are drawn at random: name them by their USCC.
                "SELECT at, who, action, table_name,"
                " coalesce((SELECT uscc FROM enterprises e WHERE e.id = record_id), record_id),"
                " before, after FROM audit_log WHERE id > ? ORDER BY id",
                (start,),
            )
        ]


def _import_scenario(tmp_path, district_db, tag: str) -> list[tuple]:
    """New enterprises (a big load), the same again (no change), updated ones, and streamed
    new visits among unchanged ones."""
    import shutil
    import sqlite3

    from dispatch_app.exchange.exporter import export_kind

    folder = tmp_path / tag
    folder.mkdir()
    with open_store(district_db, readonly=True) as store:
        export_kind(store, "visits", folder / "visits.csv")
    db = shutil.copyfile(district_db, folder / "d.db")
    raw = sqlite3.connect(db)
    raw.execute("PRAGMA foreign_keys = ON")
    with raw:
        raw.execute("DELETE FROM visits WHERE rowid % 3 = 0")  # re-imported as new visits
    start = raw.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0]
    raw.close()
    big, small = folder / "big.csv", folder / "small.csv"
    _write(big, BULK_RECORDS + 10)
    _write(small, 30)
    renamed = small.read_text("utf-8-sig").replace("阀门厂", "泵业")
    with open_store(db) as store:
        for source in (big, small):
            assert import_file(store, "enterprises", source).ok
        small.write_text(renamed, "utf-8-sig")
        assert import_file(store, "enterprises", small).updated == 30
        result = import_file(store, "visits", folder / "visits.csv")
        assert result.ok and result.added > 0
    return _trail_after(db, start)


def test_bulk_audit_rows_are_the_triggers_rows(tmp_path, district_db, monkeypatch) -> None:
    """The new records' audit rows written in one statement equal the trigger's, in order."""
    from dispatch_app.store import audit

    bulk = _import_scenario(tmp_path, district_db, "bulk")
    monkeypatch.setattr(audit, "BULK_INSERTS", False)
    triggered = _import_scenario(tmp_path, district_db, "triggers")
    assert len(bulk) == len(triggered) > BULK_RECORDS
    assert [r[1:] for r in bulk] == [r[1:] for r in triggered]  # all but the import's time
    assert {r[3] for r in bulk if r[4]} == {"enterprises", "visits"}
    assert {r[2] for r in bulk} == {"import"}
    # Each import's rows carry its one time, as the trigger's did.
    for trail in (bulk, triggered):
        times = [r[0] for r in trail if r[4]]  # per-record rows (summaries: own time)
        assert times == sorted(times) and len(set(times)) == 3  # small.csv is in big.csv


def test_a_rejected_streamed_import_leaves_the_trail_as_it_was(tmp_path, district_db) -> None:
    from dispatch_app.exchange.exporter import export_kind
    from dispatch_app.store import audit

    source = tmp_path / "visits.csv"
    with open_store(district_db, readonly=True) as store:
        export_kind(store, "visits", source)
    lines = source.read_text("utf-8-sig").splitlines()
    source.write_text("\n".join([*lines, lines[-1].replace(",", ",,", 1)]) + "\n", "utf-8-sig")
    with open_store(district_db) as store:
        store.conn.execute("DELETE FROM visits WHERE rowid % 2 = 0")
        before = store.query("SELECT count(*) FROM audit_log")[0][0]
        result = import_file(store, "visits", source)
        assert not result.ok
        assert store.query("SELECT count(*) FROM audit_log")[0][0] == before
        per_record = store.query("SELECT per_record FROM temp.audit_session")[0][0]
        assert per_record == 1 and audit.is_installed(store.conn)
