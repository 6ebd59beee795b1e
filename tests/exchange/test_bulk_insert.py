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
