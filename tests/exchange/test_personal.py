"""Personal data: an imported 身份证号 column is dropped with a notice and never stored,
even when the wizard maps it to a field; phones are masked in exports on request."""

from __future__ import annotations

import csv
import random
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch_app.domain.uscc import random_uscc
from dispatch_app.exchange.importer import ImportOptions, import_file
from dispatch_app.exchange.personal import id_number_columns, is_id_number_header
from dispatch_app.store import open_store

ID_NUMBER = "330302198001011234"
USCC = random_uscc(random.Random(9), "330302")


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def _everything(db: Path) -> str:
    """Every stored value of every table, as one text (the audit trail included)."""
    conn = sqlite3.connect(db)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


@pytest.mark.parametrize("header", ["身份证号", "身份证号码", "公民身份号码", "ID number"])
def test_an_id_number_column_is_dropped_with_a_notice(tmp_path, empty_db, header) -> None:
    db = empty_db()
    path = _csv(
        tmp_path / "e.csv",
        [
            ["统一社会信用代码", "企业名称", "所属区县", "联系人", header],
            [USCC, "温州一厂", "鹿城区", "张三", ID_NUMBER],
        ],
    )
    with open_store(db) as store:
        result = import_file(store, "enterprises", path)
    assert result.ok and result.added == 1
    assert any("身份证号" in n and "never stored" in n for n in result.notes)
    assert header not in " ".join(result.unknown_columns)
    assert ID_NUMBER not in _everything(db)


def test_a_mapped_id_number_column_is_still_dropped(tmp_path, empty_db) -> None:
    db = empty_db()
    path = _csv(
        tmp_path / "e.csv",
        [
            ["统一社会信用代码", "企业名称", "所属区县", "身份证号"],
            [USCC, "温州一厂", "鹿城区", ID_NUMBER],
        ],
    )
    mapping = {0: "uscc", 1: "name", 2: "district_code", 3: "address"}
    with open_store(db) as store:
        result = import_file(store, "enterprises", path, ImportOptions(mapping=mapping))
    assert result.ok and result.added == 1
    assert ID_NUMBER not in _everything(db)


def test_a_dry_run_names_the_dropped_column_too(tmp_path, empty_db) -> None:
    db = empty_db()
    path = _csv(
        tmp_path / "e.csv",
        [["统一社会信用代码", "企业名称", "所属区县", "身份证"], [USCC, "温州一厂", "鹿城区", "x"]],
    )
    with open_store(db) as store:
        result = import_file(store, "enterprises", path, ImportOptions(dry_run=True))
    assert any("身份证" in n for n in result.notes)


@given(st.sampled_from(["身份证号", " 身份证号码 ", "*证件号码", "ID_Number", "id number"]))
def test_header_spellings_are_recognised(header: str) -> None:
    assert is_id_number_header(header)


@given(st.sampled_from(["企业名称", "联系电话", "联系人", "统一社会信用代码", "备注", "地址"]))
def test_other_headers_are_not(header: str) -> None:
    assert id_number_columns(["a", header]) == []


def test_export_masks_phones_on_request(tmp_path, empty_db, capsys) -> None:
    from dispatch_app.cli.main import main

    db = empty_db()
    path = _csv(
        tmp_path / "e.csv",
        [
            ["统一社会信用代码", "企业名称", "所属区县", "联系电话"],
            [USCC, "温州一厂", "鹿城区", "13812345678"],
        ],
    )
    assert main(["import", "enterprises", str(path), "--db", str(db)]) == 0
    out = tmp_path / "out.csv"
    assert main(["export", "enterprises", "--db", str(db), "--out", str(out), "--mask-phones"]) == 0
    text = out.read_text(encoding="utf-8-sig")
    assert "138****5678" in text and "13812345678" not in text
