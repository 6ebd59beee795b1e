"""Reading CSV/XLSX: encodings found and reported, every cell as text, limits enforced."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from dispatch_app.exchange.readers import FileRejected, Limits, open_table

ROWS = [["统一社会信用代码", "企业名称"], ["91330302MA2AXXXX", "温州鹿城阀门厂"]]


def _csv(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _rows(path: Path, **kw) -> tuple[object, list]:
    table = open_table(path, **kw)
    return table, list(table.rows)


TEXT = "统一社会信用代码,企业名称\r\n91330302MA2AXXXX,温州鹿城阀门厂\r\n"


@pytest.mark.parametrize(
    ("encoding", "found", "label"),
    [
        ("utf-8", "utf-8", "UTF-8"),
        ("utf-8-sig", "utf-8-sig", "UTF-8（带BOM）"),
        ("gbk", "gb18030", "GB18030/GBK"),
        ("gb18030", "gb18030", "GB18030/GBK"),
        ("utf-16", "utf-16", "UTF-16"),
    ],
)
def test_encodings_are_detected_and_reported(tmp_path, encoding, found, label) -> None:
    table, rows = _rows(_csv(tmp_path / "a.csv", TEXT, encoding))
    assert table.encoding == found
    assert table.encoding_label == label
    assert rows == [(1, ROWS[0]), (2, ROWS[1])]


def test_tab_separated_unicode_text_as_excel_saves_it(tmp_path) -> None:
    path = _csv(tmp_path / "a.txt", TEXT.replace(",", "\t"), "utf-16")
    _, rows = _rows(path)
    assert rows[1] == (2, ROWS[1])


def test_undecodable_bytes_are_refused_with_the_line(tmp_path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"a,b\r\n1,2\r\n" + b"\x81\x20\xff,x\r\n")
    with pytest.raises(FileRejected) as exc:
        _rows(path)
    assert "第 3 行" in exc.value.zh and exc.value.row == 3


def test_row_numbers_count_records_not_lines(tmp_path) -> None:
    path = _csv(tmp_path / "a.csv", 'a,b\r\n"多\n行",x\r\n3,y\r\n', "utf-8")
    _, rows = _rows(path)
    assert [n for n, _ in rows] == [1, 2, 3]


def test_limits(tmp_path) -> None:
    path = _csv(tmp_path / "a.csv", "a,b\r\n" + "1,2\r\n" * 5, "utf-8")
    with pytest.raises(FileRejected, match="行"):
        _rows(path, limits=Limits(max_rows=4))
    with pytest.raises(FileRejected, match="过大"):
        _rows(path, limits=Limits(max_bytes=10))
    long = _csv(tmp_path / "b.csv", "a,b\r\n1," + "x" * 50 + "\r\n", "utf-8")
    with pytest.raises(FileRejected) as exc:
        _rows(long, limits=Limits(max_field=20))
    assert exc.value.row == 2 and exc.value.column == "2"


def test_old_xls_and_binary_files_are_refused(tmp_path) -> None:
    xls = tmp_path / "a.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    with pytest.raises(FileRejected, match="xls"):
        open_table(xls)
    binary = tmp_path / "a.csv"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(FileRejected, match="二进制"):
        open_table(binary)


def _xlsx(path: Path, rows: list[list[object]], title: str = "Sheet1") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_xlsx_cells_become_text(tmp_path) -> None:
    path = _xlsx(
        tmp_path / "a.xlsx",
        [
            ["代码", "日期", "电话", "数"],
            [914403001922038016, datetime(2026, 3, 5), 13812345678, 28.5],
            [None, "2026/3/5", "0577-88881234", True],
        ],
    )
    table, rows = _rows(path)
    assert table.format == "xlsx" and table.sheet == "Sheet1"
    assert rows[1] == (2, ["9.14403001922038E+17", "2026-03-05", "13812345678", "28.5"])
    assert rows[2] == (3, ["", "2026/3/5", "0577-88881234", "TRUE"])


def test_xlsx_named_sheet(tmp_path) -> None:
    path = tmp_path / "a.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["first"])
    wb.create_sheet("企业").append(["second"])
    wb.save(path)
    assert _rows(path, sheet="企业")[1] == [(1, ["second"])]
    with pytest.raises(FileRejected, match="找不到工作表「无」"):
        open_table(path, sheet="无")


def test_xlsx_zip_bomb_is_refused_before_parsing(tmp_path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/worksheets/sheet1.xml", b"<" + b"a" * (20 * 1024 * 1024))
    with pytest.raises(FileRejected, match=r"压缩比|过大"):
        open_table(path)
    with pytest.raises(FileRejected, match="过大"):
        open_table(path, limits=Limits(max_unzipped=1024, max_ratio=10**9))


def test_xlsx_entity_expansion_is_refused(tmp_path) -> None:
    path = _xlsx(tmp_path / "a.xlsx", [["a"], ["b"]])
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    patched = tmp_path / "b.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(patched, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, laughs if info.filename.endswith("sheet1.xml") else data)
    with pytest.raises(FileRejected):
        list(open_table(patched).rows)


def test_damaged_xlsx(tmp_path) -> None:
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"PK\x03\x04garbage")
    with pytest.raises(FileRejected, match="XLSX"):
        open_table(path)


def test_undecodable_bytes_name_the_row_past_multi_line_cells(tmp_path) -> None:
    """A cell on three lines is one row: the row named is the spreadsheet's, not the line."""
    path = tmp_path / "bad.csv"
    path.write_bytes('a,b\r\n"第一行\n第二行\n第三行",x\r\n'.encode() + b"\x81\x20\xff,x\r\n")
    with pytest.raises(FileRejected) as exc:
        _rows(path)
    assert exc.value.row == 3 and "第 3 行" in exc.value.zh
