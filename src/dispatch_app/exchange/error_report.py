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
    """One problem in one cell, or one row; ``row`` 0 is the whole file.

    ``file_level``: the file could not be read as a table at all (missing, binary, damaged,
    not CSV from some row on); such a problem is said, but no report is written for it alone.
    """

    row: int
    column: str
    value: str
    zh: str
    en: str
    file_level: bool = False

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh

    def where(self) -> tuple[str, str]:
        """(zh, en) of where the problem is: 第 3 行 / row 3, or 文件 / file."""
        if not self.row:
            return "文件", "file"
        return f"第 {self.row} 行", f"row {self.row}"

    def shown_row(self) -> str:
        """The 行号 cell: the row number, or 文件 for the whole file (there is no row 0)."""
        return str(self.row) if self.row else "文件"

    def describe(self) -> str:
        zh, en = self.where()
        col_zh = f"「{self.column}」列" if self.column else ""
        col_en = f", column {self.column}" if self.column else ""
        return f"{zh}{col_zh}：{self.zh} / {en}{col_en}: {self.en}"


def has_row_problems(problems: Iterable[RowProblem]) -> bool:
    """Whether a report has anything to list beyond a file that could not be read."""
    return any(not p.file_level for p in problems)


def report_bytes(problems: Iterable[RowProblem]) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(REPORT_HEADERS)
    for p in sorted(problems, key=lambda p: p.row):
        writer.writerow(
            [
                p.shown_row(),
                neutralise(p.column),
                neutralise(p.value),
                neutralise(f"{p.zh} / {p.en}"),
            ]
        )
    return buf.getvalue().encode("utf-8-sig")


def write_error_report(path: str | Path, problems: Iterable[RowProblem]) -> Path:
    """Write the report atomically (temporary file, then rename)."""
    from .writers import atomic_write_bytes

    return atomic_write_bytes(Path(path), report_bytes(problems))
