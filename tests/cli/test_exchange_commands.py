"""import / export / bundle / merge from the command line: exit codes, messages, files."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from dispatch_app import clock
from dispatch_app.cli.main import main
from dispatch_app.domain.uscc import random_uscc
from dispatch_app.store import open_store

_RNG = random.Random(9)
CODES = [random_uscc(_RNG, "330302") for _ in range(3)]


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "d.db"
    assert main(["init", str(path), "--year", "2026"]) == 0
    return path


def write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def enterprises(db: Path) -> int:
    with open_store(db, readonly=True) as store:
        return int(store.scalar("SELECT count(*) FROM enterprises"))


def test_import_then_export(tmp_path, db, capsys) -> None:
    src = write(
        tmp_path / "e.csv",
        [
            ["统一社会信用代码", "企业名称", "所属区县"],
            [CODES[0], "甲厂", "鹿城区"],
            [CODES[1], "乙厂", "330302"],
        ],
    )
    assert main(["import", "enterprises", str(src), "--db", str(db)]) == 0
    assert "新增 2" in capsys.readouterr().out
    out = tmp_path / "out.xlsx"
    assert main(["export", "enterprises", "--db", str(db), "--out", str(out)]) == 0
    assert out.read_bytes()[:2] == b"PK"  # format from the extension
    gb = tmp_path / "gb.csv"
    assert (
        main(
            [
                "export",
                "enterprises",
                "--db",
                str(db),
                "--out",
                str(gb),
                "--encoding",
                "gb18030",
                "--district",
                "鹿城区",
            ]
        )
        == 0
    )
    assert "甲厂" in gb.read_bytes().decode("gb18030")


def test_bad_file_exits_2_names_row_and_column_and_writes_nothing(tmp_path, db, capsys) -> None:
    src = write(
        tmp_path / "e.csv",
        [
            ["统一社会信用代码", "企业名称", "所属区县"],
            [CODES[0], "甲厂", "鹿城区"],
            [CODES[1], "乙厂", "火星"],
        ],
    )
    before = db.read_bytes()
    errors = tmp_path / "errors.csv"
    code = main(["import", "enterprises", str(src), "--db", str(db), "--errors", str(errors)])
    err = capsys.readouterr().err
    assert code == 2 and db.read_bytes() == before
    assert "第 3 行「所属区县」列" in err and "e.csv" in err
    lines = errors.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "行号,列名,原值,错误原因" and lines[1].startswith("3,所属区县,火星,")


def test_skip_invalid_and_dry_run(tmp_path, db, capsys) -> None:
    src = write(
        tmp_path / "e.csv",
        [
            ["统一社会信用代码", "企业名称", "所属区县"],
            [CODES[0], "甲厂", "鹿城区"],
            [CODES[1], "乙厂", "火星"],
        ],
    )
    assert (
        main(["import", "enterprises", str(src), "--db", str(db), "--dry-run", "--skip-invalid"])
        == 0
    )
    assert enterprises(db) == 0
    assert main(["import", "enterprises", str(src), "--db", str(db), "--skip-invalid"]) == 0
    assert enterprises(db) == 1
    assert (
        main(
            [
                "import",
                "enterprises",
                str(src),
                "--db",
                str(db),
                "--skip-invalid",
                "--on-existing",
                "skip",
            ]
        )
        == 0
    )
    assert "跳过 1" in capsys.readouterr().out


def test_unreadable_file_and_missing_sheet(tmp_path, db, capsys) -> None:
    missing = tmp_path / "nope.csv"
    assert main(["import", "enterprises", str(missing), "--db", str(db)]) == 2
    assert "不存在" in capsys.readouterr().err
    src = write(tmp_path / "e.csv", [["a"]])
    assert main(["import", "enterprises", str(src), "--db", str(db), "--sheet", "x"]) == 2


def test_export_rejects_bad_options(tmp_path, db, capsys) -> None:
    out = tmp_path / "x.csv"
    assert main(["export", "visits", "--db", str(db), "--out", str(out), "--district", "火星"]) == 2
    assert (
        main(
            [
                "export",
                "visits",
                "--db",
                str(db),
                "--out",
                str(out),
                "--from",
                "2026-05-01",
                "--to",
                "2026-04-01",
            ]
        )
        == 2
    )
    assert main(["export", "visits", "--db", str(db), "--out", str(tmp_path / "no" / "x.csv")]) == 2
    assert not out.exists()


def test_bundle_and_merge(tmp_path, db, capsys) -> None:
    src = write(
        tmp_path / "e.csv",
        [["统一社会信用代码", "企业名称", "所属区县"], [CODES[0], "甲厂", "鹿城区"]],
    )
    main(["import", "enterprises", str(src), "--db", str(db)])
    bundle = tmp_path / "b.zip"
    assert (
        main(
            [
                "bundle",
                "--db",
                str(db),
                "--out",
                str(bundle),
                "--district",
                "鹿城区",
                "--month",
                f"{clock.today():%Y-%m}",  # the month the enterprise was imported in
            ]
        )
        == 0
    )
    city = tmp_path / "city.db"
    main(["init", str(city)])
    assert main(["merge", "--db", str(city), str(bundle), str(bundle)]) == 0
    assert enterprises(city) == 1
    assert (
        main(["bundle", "--db", str(db), "--out", str(tmp_path / "m"), "--month", "2026-13"]) == 2
    )
    assert main(["merge", "--db", str(city), str(tmp_path / "none.zip")]) == 2
    assert "找不到数据包" in capsys.readouterr().err


def bad_file(tmp_path: Path) -> Path:
    return write(
        tmp_path / "e.csv",
        [
            ["统一社会信用代码", "企业名称", "所属区县"],
            [CODES[0], "甲厂", "鹿城区"],
            [CODES[1], "乙厂", "火星"],
        ],
    )


def test_errors_in_a_missing_folder_is_refused_before_anything(tmp_path, db, capsys) -> None:
    src = bad_file(tmp_path)
    before = db.read_bytes()
    code = main(["import", "enterprises", str(src), "--db", str(db), "--errors", "/no/such/e.csv"])
    err = capsys.readouterr().err
    assert code == 2 and "文件夹不存在" in err and "folder does not exist" in err
    assert "Traceback" not in err and db.read_bytes() == before


def test_rejected_import_writes_the_report_beside_the_file(tmp_path, db, capsys) -> None:
    src = bad_file(tmp_path)
    before = db.read_bytes()
    assert main(["import", "enterprises", str(src), "--db", str(db)]) == 2
    report = tmp_path / "e.errors.csv"
    assert f"error report: {report}" in capsys.readouterr().err
    data = report.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "行号,列名,原值,错误原因" and lines[1].startswith("3,所属区县,火星,")
    assert db.read_bytes() == before


def test_report_that_cannot_be_written_is_said_and_still_exits_2(tmp_path, db, capsys) -> None:
    src = bad_file(tmp_path)
    (tmp_path / "e.errors.csv").mkdir()  # the default place is taken by a folder
    before = db.read_bytes()
    assert main(["import", "enterprises", str(src), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "未能写入错误报告" in err and "--errors" in err and "Traceback" not in err
    assert db.read_bytes() == before


def test_good_import_writes_no_report(tmp_path, db) -> None:
    src = write(
        tmp_path / "ok.csv",
        [["统一社会信用代码", "企业名称", "所属区县"], [CODES[0], "甲厂", "鹿城区"]],
    )
    assert main(["import", "enterprises", str(src), "--db", str(db)]) == 0
    assert not (tmp_path / "ok.errors.csv").exists()


def test_refused_import_says_would_add_not_added(tmp_path, db, capsys) -> None:
    src = bad_file(tmp_path)
    assert main(["import", "enterprises", str(src), "--db", str(db)]) == 2
    out = capsys.readouterr().out
    assert "可新增 1" in out and "would add 1" in out and "未写入" in out
    assert "，新增" not in out and "; added" not in out
    ok = write(
        tmp_path / "ok.csv",
        [["统一社会信用代码", "企业名称", "所属区县"], [CODES[2], "丙厂", "鹿城区"]],
    )
    assert main(["import", "enterprises", str(ok), "--db", str(db), "--dry-run"]) == 0
    assert "可新增 1" in capsys.readouterr().out
    assert main(["import", "enterprises", str(ok), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "新增 1" in out and "可新增" not in out and "added 1" in out


@pytest.mark.parametrize("kind", ["enterprises", "visits"])
def test_dry_run_leaves_the_database_byte_identical(tmp_path, db, kind) -> None:
    src = write(
        tmp_path / "e.csv",
        [["统一社会信用代码", "企业名称", "所属区县"], [CODES[0], "甲厂", "鹿城区"]],
    )
    before = db.read_bytes()
    code = main(["import", kind, str(src), "--db", str(db), "--dry-run", "--skip-invalid"])
    assert code in (0, 2) and db.read_bytes() == before
    assert enterprises(db) == 0


def test_dry_run_refuses_an_older_database_without_upgrading_it(tmp_path, db, capsys) -> None:
    import sqlite3

    from dispatch_app.store.schema import SCHEMA_VERSION

    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.close()
    before = db.read_bytes()
    src = bad_file(tmp_path)
    assert main(["import", "enterprises", str(src), "--db", str(db), "--dry-run"]) == 2
    err = capsys.readouterr().err
    assert "请先在程序中打开一次" in err and "open it once in the program" in err
    assert db.read_bytes() == before


def test_export_to_a_folder_exits_2(tmp_path, db, capsys) -> None:
    assert main(["export", "visits", "--db", str(db), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "是一个文件夹" in err and "is a folder" in err and "Traceback" not in err
    assert [p.name for p in tmp_path.iterdir()] == ["d.db"]


def test_export_over_a_file_open_in_excel_exits_2(tmp_path, db, capsys, monkeypatch) -> None:
    from dispatch_app.exchange import writers

    out = tmp_path / "v.csv"
    out.write_bytes(b"old")

    def locked(src, dst):  # what Windows says when Excel/WPS holds the file open
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(writers.os, "replace", locked)
    assert main(["export", "visits", "--db", str(db), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Excel/WPS" in err and "Traceback" not in err
    assert out.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == [
        "d.db",
        "v.csv",
    ]


def test_encoding_with_xlsx_is_refused(tmp_path, db, capsys) -> None:
    out = tmp_path / "e.xlsx"
    code = main(
        ["export", "enterprises", "--db", str(db), "--out", str(out), "--encoding", "gb18030"]
    )
    assert code == 2 and "CSV" in capsys.readouterr().err and not out.exists()
    args = ["export", "enterprises", "--db", str(db), "--out", str(tmp_path / "e.csv")]
    assert main([*args, "--format", "xlsx", "--encoding", "utf-8-sig"]) == 2
    assert main([*args, "--encoding", "gb18030"]) == 0


def test_bundle_refuses_an_existing_bundle_unless_forced(tmp_path, db, capsys) -> None:
    for out in (tmp_path / "b.zip", tmp_path / "folder"):
        assert main(["bundle", "--db", str(db), "--out", str(out)]) == 0
        before = sorted(p.name for p in tmp_path.rglob("*"))
        assert main(["bundle", "--db", str(db), "--out", str(out)]) == 2
        assert "--force" in capsys.readouterr().err
        assert sorted(p.name for p in tmp_path.rglob("*")) == before
        assert main(["bundle", "--db", str(db), "--out", str(out), "--force"]) == 0
        assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_bundle_never_replaces_other_files(tmp_path, db, capsys) -> None:
    csv_file = tmp_path / "out.csv"
    csv_file.write_bytes(b"keep")
    assert main(["bundle", "--db", str(db), "--out", str(csv_file), "--force"]) == 2
    err = capsys.readouterr().err
    assert "已有的文件" in err and "existing file" in err and "不为空" not in err
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "report.docx").write_bytes(b"keep")
    assert main(["bundle", "--db", str(db), "--out", str(docs), "--force"]) == 2
    assert "不是数据包" in capsys.readouterr().err
    assert csv_file.read_bytes() == b"keep" and [p.name for p in docs.iterdir()] == ["report.docx"]
    assert main(["bundle", "--db", str(db), "--out", str(tmp_path / "no" / "b.zip")]) == 2


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("missing.csv", None),
        ("binary.csv", b"\x00\x01\x02PK" * 200),
        ("damaged.xlsx", b"PK\x03\x04 not really a zip" * 20),
        ("random.xlsx", bytes(range(256)) * 8),
    ],
)
def test_a_file_that_is_not_a_table_says_file_and_leaves_no_report(
    tmp_path, db, capsys, name: str, content: bytes | None
) -> None:
    src = tmp_path / name
    if content is not None:
        src.write_bytes(content)
    before = db.read_bytes()
    assert main(["import", "enterprises", str(src), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "文件：" in err and "/ file: " in err
    assert "row 0" not in err and "第 0 行" not in err and "error report" not in err
    assert not list(tmp_path.glob("*.errors.csv"))
    assert db.read_bytes() == before


def test_report_lists_rows_and_a_file_problem_says_file(tmp_path) -> None:
    from dispatch_app.exchange.error_report import RowProblem, has_row_problems, report_bytes

    whole = RowProblem(0, "", "", "文件不存在", "File not found", file_level=True)
    cell = RowProblem(3, "所属区县", "火星", "不是温州的区县", "not a Wenzhou district")
    assert whole.describe() == "文件：文件不存在 / file: File not found"
    assert cell.describe().startswith(
        "第 3 行「所属区县」列："
    ) and "/ row 3, column 所属区县:" in (cell.describe())
    assert not has_row_problems([whole]) and has_row_problems([whole, cell])
    lines = report_bytes([cell, whole]).decode("utf-8-sig").splitlines()
    assert lines[1].startswith("文件,") and lines[2].startswith("3,所属区县,火星,")


def test_a_row_problem_after_the_file_was_read_still_gets_its_report(tmp_path, db) -> None:
    src = write(
        tmp_path / "rows.csv", [["统一社会信用代码", "企业名称", "所属区县"], ["x", "", ""]]
    )
    assert main(["import", "enterprises", str(src), "--db", str(db)]) == 2
    assert (tmp_path / "rows.errors.csv").exists()


def test_bundle_with_audit_merges_the_trail_once(tmp_path, db, capsys) -> None:
    import json
    import zipfile

    src = write(
        tmp_path / "e.csv",
        [["统一社会信用代码", "企业名称", "所属区县"], [CODES[0], "甲厂", "鹿城区"]],
    )
    main(["import", "enterprises", str(src), "--db", str(db)])
    plain, full = tmp_path / "plain.zip", tmp_path / "full.zip"
    assert main(["bundle", "--db", str(db), "--out", str(plain), "--district", "鹿城区"]) == 0
    args = ["bundle", "--db", str(db), "--out", str(full), "--district", "鹿城区"]
    assert main([*args, "--with-audit", "--mask-phones"]) == 0
    with zipfile.ZipFile(plain) as zf:
        assert "audit_log.csv" not in zf.namelist()
        assert json.loads(zf.read("manifest.json"))["audit"] is False
    with zipfile.ZipFile(full) as zf:
        entries = json.loads(zf.read("manifest.json"))["audit_file"]["entries"]
    assert entries >= 1  # the enterprise's import entry
    city = tmp_path / "city.db"
    main(["init", str(city)])
    capsys.readouterr()

    def merged() -> int:
        with open_store(city, readonly=True) as store:
            return store.conn.execute(
                "SELECT count(*) FROM audit_log WHERE origin IS NOT NULL"
            ).fetchone()[0]

    assert main(["merge", "--db", str(city), str(plain)]) == 0 and merged() == 0
    assert main(["merge", "--db", str(city), str(full)]) == 0
    assert f"audit entries added: {entries}" in capsys.readouterr().out
    assert main(["merge", "--db", str(city), str(full)]) == 0
    assert "audit entries added" not in capsys.readouterr().out
    assert merged() == entries
