"""Bad coordinates in an imported file: swapped or outside Wenzhou, named by row and column,
and nothing is written; good ones are stored exact, the others placed by the gazetteer."""

from __future__ import annotations

import csv
import random
from pathlib import Path

from dispatch_app.domain.uscc import random_uscc
from dispatch_app.exchange.importer import ImportOptions, import_file
from dispatch_app.store import open_store

RNG = random.Random(7)
CODES = [random_uscc(RNG, "330302") for _ in range(4)]

HEAD = ["统一社会信用代码", "企业名称", "所属区县", "乡镇街道", "纬度", "经度"]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def run(db: Path, kind: str, path: Path) -> object:
    with open_store(db) as store:
        return import_file(store, kind, path, ImportOptions())


def count(db: Path, table: str) -> int:
    with open_store(db, readonly=True) as store:
        return int(store.scalar(f"SELECT count(*) FROM {table}"))


def test_swapped_and_outside_points_are_refused_by_row_and_column(tmp_path, empty_db) -> None:
    db = empty_db()
    path = write_csv(
        tmp_path / "e.csv",
        [
            HEAD,  # row 1
            [CODES[0], "温州一厂", "鹿城区", "", "28.0219", "120.6523"],  # row 2: fine
            [CODES[1], "温州二厂", "鹿城区", "", "120.6523", "28.0219"],  # row 3: swapped
            [CODES[2], "上海三厂", "鹿城区", "", "31.2304", "121.4737"],  # row 4: Shanghai
            [CODES[3], "温州四厂", "鹿城区", "", "28.02", ""],  # row 5: half a point
        ],
    )
    before = db.read_bytes()
    result = run(db, "enterprises", path)
    assert not result.written and db.read_bytes() == before
    by_row = {p.row: p for p in result.problems}
    assert set(by_row) == {3, 4, 5}
    assert by_row[3].column == "纬度" and "填反" in by_row[3].zh
    assert by_row[4].column == "纬度" and "不在温州市范围内" in by_row[4].zh
    assert by_row[5].column == "经度"
    assert count(db, "enterprises") == 0


def test_given_points_are_exact_and_missing_ones_come_from_the_town(tmp_path, empty_db) -> None:
    db = empty_db()
    path = write_csv(
        tmp_path / "e.csv",
        [
            HEAD,
            [CODES[0], "温州一厂", "鹿城区", "", "28.0219", "120.6523"],
            [CODES[1], "温州二厂", "鹿城区", "五马街道", "", ""],
        ],
    )
    assert run(db, "enterprises", path).written
    with open_store(db, readonly=True) as store:
        rows = {
            r["name"]: tuple(r)[1:]
            for r in store.query(
                "SELECT name, coord_precision, coord_datum, lat FROM enterprises ORDER BY name"
            )
        }
    assert rows["温州一厂"] == ("exact", "GCJ-02", 28.0219)
    assert rows["温州二厂"][:2] == ("town", "GCJ-02")
