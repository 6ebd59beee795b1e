"""Importing files: all or nothing, the error report's rows, policies for existing records."""

from __future__ import annotations

import csv
import gc
import random
from pathlib import Path

import openpyxl

from dispatch_app.domain.uscc import make_uscc, random_uscc
from dispatch_app.exchange.error_report import write_error_report
from dispatch_app.exchange.importer import ImportOptions, import_file
from dispatch_app.store import open_store

RNG = random.Random(4)
CODES = [random_uscc(RNG, "330302") for _ in range(6)]
HEAD = ["统一社会信用代码", "企业名称", "所属区县", "乡镇街道", "联系电话"]


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def run(db: Path, kind: str, path: Path, **options) -> object:
    with open_store(db) as store:
        return import_file(store, kind, path, ImportOptions(**options))


def count(db: Path, table: str) -> int:
    with open_store(db, readonly=True) as store:
        return int(store.scalar(f"SELECT count(*) FROM {table}"))


def test_valid_file_is_imported(tmp_path, empty_db) -> None:
    db = empty_db()
    path = write_csv(
        tmp_path / "e.csv", [HEAD, [CODES[0], "温州一厂", "鹿城区", "五马街道", "138 1234 5678"]]
    )
    result = run(db, "enterprises", path)
    assert result.ok and result.written and result.added == 1
    with open_store(db, readonly=True) as store:
        row = store.query("SELECT * FROM enterprises")[0]
    assert (row["district_code"], row["town_code"], row["contact_phone"]) == (
        "330302",
        "330302006",
        "13812345678",
    )


def test_invalid_file_writes_nothing_and_names_every_problem(tmp_path, empty_db) -> None:
    db = empty_db()
    path = write_csv(
        tmp_path / "e.csv",
        [
            ["2026年企业名录（示例）"],  # a title row above the header: row 1
            HEAD,  # row 2
            [CODES[0], "温州一厂", "鹿城区", "", ""],  # row 3: fine
            [CODES[1][:-1] + "0", "温州二厂", "鹿城区", "", ""],  # row 4: check character
            [CODES[2], "", "火星区", "", "12345"],  # row 5: three problems
            [CODES[0], "温州一厂重复", "鹿城区", "", ""],  # row 6: duplicate of row 3
            [CODES[3], "温州三厂", "鹿城区", "龙湾区的街道", ""],  # row 7: town
        ],
    )
    before = db.read_bytes()
    result = run(db, "enterprises", path)
    assert not result.written and db.read_bytes() == before
    found = {(p.row, p.column) for p in result.problems}
    assert found == {
        (4, "统一社会信用代码"),
        (5, "企业名称"),
        (5, "所属区县"),
        (5, "联系电话"),
        (6, "统一社会信用代码"),
        (7, "乡镇街道"),
    }
    assert result.rejected == 4
    report = write_error_report(tmp_path / "errors.csv", result.problems)
    raw = report.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert lines[0] == ["行号", "列名", "原值", "错误原因"]
    assert [line[0] for line in lines[1:]] == ["4", "5", "5", "5", "6", "7"]
    assert any("第 3 行" in line[3] for line in lines)  # the duplicate names its twin


def test_import_leaves_the_garbage_collector_as_it_found_it(tmp_path, empty_db) -> None:
    # The import raises gc thresholds for its bulk load; the rest of the process (the GUI)
    # must get its own settings back, after a good file and after a file that fails.
    db = empty_db()
    good = write_csv(tmp_path / "g.csv", [HEAD, [CODES[0], "甲", "鹿城区", "", ""]])
    missing = tmp_path / "missing.csv"
    before = gc.get_threshold()
    try:
        gc.set_threshold(555, 7, 3)
        assert run(db, "enterprises", good).written
        assert gc.get_threshold() == (555, 7, 3) and gc.isenabled()
        assert not run(db, "enterprises", missing).ok
        assert gc.get_threshold() == (555, 7, 3) and gc.isenabled()
    finally:
        gc.set_threshold(*before)


def test_skip_invalid_writes_the_valid_rows(tmp_path, empty_db) -> None:
    db = empty_db()
    path = write_csv(
        tmp_path / "e.csv",
        [HEAD, [CODES[0], "甲", "鹿城区", "", ""], [CODES[1], "乙", "不存在", "", ""]],
    )
    result = run(db, "enterprises", path, skip_invalid=True)
    assert result.written and result.added == 1 and result.rejected == 1
    assert count(db, "enterprises") == 1


def test_dry_run_counts_without_writing(tmp_path, empty_db) -> None:
    db = empty_db()
    path = write_csv(tmp_path / "e.csv", [HEAD, [CODES[0], "甲", "鹿城区", "", ""]])
    before = db.read_bytes()
    result = run(db, "enterprises", path, dry_run=True)
    assert result.ok and result.added == 1 and not result.written
    assert db.read_bytes() == before


def test_existing_records_update_skip_unchanged(tmp_path, empty_db) -> None:
    db = empty_db()
    first = write_csv(
        tmp_path / "a.csv",
        [HEAD, [CODES[0], "甲", "鹿城区", "", ""], [CODES[1], "乙", "鹿城区", "", ""]],
    )
    assert run(db, "enterprises", first).added == 2
    again = run(db, "enterprises", first)
    assert (again.added, again.updated, again.unchanged, again.written) == (0, 0, 2, False)
    changed = write_csv(
        tmp_path / "b.csv",
        [HEAD, [CODES[0], "甲（改名）", "鹿城区", "", ""], [CODES[2], "丙", "龙湾区", "", ""]],
    )
    skipped = run(db, "enterprises", changed, on_existing="skip")
    assert (skipped.added, skipped.skipped, skipped.updated) == (1, 1, 0)
    updated = run(db, "enterprises", changed)
    assert (updated.added, updated.updated, updated.unchanged) == (0, 1, 1)
    with open_store(db, readonly=True) as store:
        assert (
            store.scalar("SELECT name FROM enterprises WHERE uscc = ?", (CODES[0],)) == "甲（改名）"
        )


def test_columns_absent_from_the_file_are_kept(tmp_path, empty_db) -> None:
    db = empty_db()
    run(
        db,
        "enterprises",
        write_csv(
            tmp_path / "a.csv", [HEAD, [CODES[0], "甲", "鹿城区", "五马街道", "13812345678"]]
        ),
    )
    result = run(
        db,
        "enterprises",
        write_csv(
            tmp_path / "b.csv",
            [["统一社会信用代码", "企业名称", "所属区县"], [CODES[0], "甲", "鹿城区"]],
        ),
    )
    assert result.unchanged == 1
    with open_store(db, readonly=True) as store:
        assert store.scalar("SELECT contact_phone FROM enterprises") == "13812345678"


def test_english_headers_any_order_spaces_and_unknown_columns(tmp_path, empty_db) -> None:
    db = empty_db()
    path = write_csv(
        tmp_path / "a.csv",
        [
            [" District ", "remarks", "Enterprise name", " USCC"],
            ["330302", "备注", "甲", CODES[0]],
        ],
        encoding="gbk",
    )
    result = run(db, "enterprises", path)
    assert result.ok and result.added == 1
    assert result.source == "GB18030/GBK"
    assert result.unknown_columns == ["remarks"]


def test_missing_required_column_is_a_file_problem(tmp_path, empty_db) -> None:
    db = empty_db()
    result = run(db, "enterprises", write_csv(tmp_path / "a.csv", [["企业名称"], ["甲"]]))
    assert not result.ok
    assert {(p.row, p.column) for p in result.problems} == {
        (1, "统一社会信用代码"),
        (1, "所属区县"),
    }


def test_spreadsheet_numbers_in_18_digit_codes(tmp_path, empty_db) -> None:
    """An XLSX written like a spreadsheet program: the all-digit codes became numbers."""
    db = empty_db()
    bodies = (f"{n:08d}" for n in range(10_000_000, 10_001_000))
    digits = [c for c in (make_uscc("9", "1", "330302", b) for b in bodies) if c.isdigit()][:2]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["统一社会信用代码", "企业名称", "所属区县"])
    ws.append([CODES[0], "文本格式的代码", "鹿城区"])  # row 2: a text cell, fine
    ws.append([int(digits[0]), "数字格式一", "鹿城区"])  # row 3: number cell
    ws.append([float(digits[1]), "数字格式二", "鹿城区"])  # row 4: number cell
    wb.save(tmp_path / "a.xlsx")
    result = run(db, "enterprises", tmp_path / "a.xlsx")
    mangled = [p for p in result.problems if "当作数字" in p.zh]
    assert [p.row for p in mangled] == [3, 4]
    assert all(p.column == "统一社会信用代码" for p in mangled)
    assert not result.written and count(db, "enterprises") == 0


def test_references_must_exist(tmp_path, district_db) -> None:
    path = write_csv(
        tmp_path / "v.csv",
        [
            ["服务日期", "统一社会信用代码", "服务队伍", "服务专家", "服务类型"],
            ["2026-03-05", CODES[5], "", "张伟（温州大学11）", "技术诊断"],
            ["2026-03-05", CODES[5], "没有这个队", "", "技术诊断"],
        ],
    )
    result = run(district_db, "visits", path)
    columns = sorted({(p.row, p.column) for p in result.problems})
    assert columns == [
        (2, "服务专家"),
        (2, "统一社会信用代码"),
        (3, "服务队伍"),
        (3, "统一社会信用代码"),
    ]


def test_same_name_experts_need_the_institution(tmp_path, district_db) -> None:
    with open_store(district_db, readonly=True) as store:
        uscc = store.scalar("SELECT uscc FROM enterprises ORDER BY uscc LIMIT 1")
    path = write_csv(
        tmp_path / "v.csv",
        [
            ["服务日期", "统一社会信用代码", "服务专家"],
            ["2026-03-05", uscc, "张伟"],
            ["2026/3/6", uscc, "张伟（温州大学821）"],
        ],
    )
    result = run(district_db, "visits", path, today=__import__("datetime").date(2026, 6, 30))
    assert [(p.row, p.column) for p in result.problems] == [(2, "服务专家")]
    assert "同名" in result.problems[0].zh


def test_experts_file_creates_teams_and_sets_leaders(tmp_path, empty_db) -> None:
    db = empty_db()
    path = write_csv(
        tmp_path / "x.csv",
        [
            ["姓名", "工作单位", "专业领域", "所属轻骑队"],
            ["王强", "温州大学", "机械", "瓯海智造轻骑队（队长）、数字化轻骑队"],
            ["李丽", "温州大学", "电气", "瓯海智造轻骑队"],
        ],
    )
    assert run(db, "experts", path).added == 2
    with open_store(db, readonly=True) as store:
        teams = {r["name"]: r["leader_id"] for r in store.query("SELECT * FROM teams")}
        leader = store.scalar("SELECT id FROM experts WHERE name = '王强'")
        assert teams == {"瓯海智造轻骑队": leader, "数字化轻骑队": None}
        assert store.scalar("SELECT count(*) FROM team_members") == 3
    assert run(db, "experts", path).unchanged == 2


def test_a_former_town_is_imported_as_its_successor_with_a_note(tmp_path, empty_db) -> None:
    code = random_uscc(random.Random(7), "330324")
    path = tmp_path / "old-town.csv"
    path.write_text(
        f"统一社会信用代码,企业名称,所属区县,乡镇街道\n{code},永嘉老厂,永嘉县,江北街道\n",
        encoding="utf-8",
    )
    with open_store(empty_db()) as store:
        result = import_file(store, "enterprises", path)
        assert result.ok and result.added == 1
        assert any("江北街道" in n and "瓯北街道" in n for n in result.notes)
        assert store.scalar("SELECT town_code FROM enterprises") == "330324009"
