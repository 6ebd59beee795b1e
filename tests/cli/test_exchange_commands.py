"""import / export / bundle / merge from the command line: exit codes, messages, files."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

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
                "2026-11",
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
