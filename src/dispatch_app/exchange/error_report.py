"""The error report of a refused import: one line per problem, as the bureau's template asks.

CSV in UTF-8 with a BOM (Excel and WPS open it directly), columns 行号 (the row number a
spreadsheet shows: the header is row 1), 列名 (the header as written in the file), 原值 (the
value seen) and 错误原因 (Chinese, then English).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .cells import neutralise

REPORT_HEADERS = ("行号", "列名", "原值", "错误原因")


@dataclass(frozen=True)
class RowProblem:
    """One problem in one cell (or one row, or the whole file when ``row`` is 0/1)."""

    row: int
    column: str
    value: str
    zh: str
    en: str

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh

    def describe(self) -> str:
        where = f"第 {self.row} 行" if self.row else "文件"
        col = f"「{self.column}」列" if self.column else ""
        return f"{where}{col}：{self.zh} / row {self.row} {self.column}: {self.en}"


def report_bytes(problems: Iterable[RowProblem]) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(REPORT_HEADERS)
    for p in sorted(problems, key=lambda p: p.row):
        writer.writerow(
            [str(p.row), neutralise(p.column), neutralise(p.value), neutralise(f"{p.zh} / {p.en}")]
        )
    return buf.getvalue().encode("utf-8-sig")


def write_error_report(path: str | Path, problems: Iterable[RowProblem]) -> Path:
    """Write the report atomically (temporary file, then rename)."""
    from .writers import atomic_write_bytes

    return atomic_write_bytes(Path(path), report_bytes(problems))
