"""Reading CSV and XLSX files into rows of text, within limits that protect the program.

CSV: the bytes are read once and decoded as UTF-8 (with or without BOM), UTF-16 (what Excel's
"Unicode text" writes) or GB18030 (which includes GBK and GB2312); the encoding found is reported.
XLSX: openpyxl in read-only mode with defusedxml (no entity expansion: no billion-laughs), after
the zip's directory has been checked for a decompression bomb. Only cell values are read —
formulas give their cached value and macros never run. Every cell becomes text (numbers in the
form a spreadsheet shows them, so a mangled 18-digit code is recognisable; date cells as ISO).

Row numbers are the ones a spreadsheet shows: the first line of the file is row 1.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .cells import cell_text

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 200 * MiB
    max_rows: int = 1_000_000
    max_field: int = 10_000
    max_unzipped: int = 500 * MiB
    max_ratio: float = 100.0
    # Entries smaller than this may compress better than max_ratio (tiny repetitive XML).
    ratio_floor: int = 1 * MiB
    max_zip_entries: int = 10_000


class FileRejected(Exception):
    """The file as a whole cannot be read (encoding, format, limits); nothing was written."""

    def __init__(self, zh: str, en: str, *, row: int | None = None, column: str = "") -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en
        self.row = row
        self.column = column


@dataclass
class Table:
    """An opened file: how it was read, and its rows as ``(row number, cells)``."""

    path: Path
    format: str  # "csv" or "xlsx"
    encoding: str | None = None  # csv only: utf-8, utf-8-sig, utf-16, gb18030
    delimiter: str = ","
    sheet: str | None = None  # xlsx only: the sheet read
    sheets: list[str] = field(default_factory=list)
    rows: Iterator[tuple[int, list[str]]] = field(default_factory=lambda: iter(()))
    estimated_rows: int = 0  # a guess for progress bars and bulk-load decisions

    @property
    def encoding_label(self) -> str:
        names = {
            "utf-8": "UTF-8",
            "utf-8-sig": "UTF-8（带BOM）",
            "utf-16": "UTF-16",
            "gb18030": "GB18030/GBK",
        }
        if self.format == "xlsx":
            return f"XLSX（工作表「{self.sheet}」）"
        return names.get(self.encoding or "", self.encoding or "")


def _size_check(path: Path, limits: Limits) -> int:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise FileRejected(f"文件不存在：{path}", f"File not found: {path}") from None
    except OSError as exc:
        raise FileRejected(f"无法读取文件：{path}", f"Cannot read the file: {exc}") from None
    if path.is_dir():
        raise FileRejected(f"这是一个文件夹，不是文件：{path}", f"This is a folder: {path}")
    if size > limits.max_bytes:
        raise FileRejected(
            f"文件过大（{size / MiB:.0f} MB），超过上限 {limits.max_bytes / MiB:.0f} MB；"
            "请拆分后分批导入",
            f"File too large ({size / MiB:.0f} MB, limit {limits.max_bytes / MiB:.0f} MB); "
            "split it and import the parts",
        )
    return size


def is_xlsx(path: Path) -> bool:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return True
    try:
        with path.open("rb") as fh:
            return fh.read(4) == b"PK\x03\x04" and path.suffix.lower() != ".csv"
    except OSError:
        return False


def open_table(path: str | Path, *, sheet: str | None = None, limits: Limits = Limits()) -> Table:
    """Open a CSV or XLSX file for reading; FileRejected when it cannot be used."""
    path = Path(path)
    _size_check(path, limits)
    if path.suffix.lower() == ".xls":
        raise FileRejected(
            "不支持旧版 .xls 格式，请在 Excel/WPS 中另存为 .xlsx 或 CSV（UTF-8）后再导入",
            "The old .xls format is not supported; save the file as .xlsx or CSV (UTF-8)",
        )
    if is_xlsx(path):
        return _open_xlsx(path, sheet, limits)
    return _open_csv(path, limits)


# -- CSV ---------------------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` for UTF-8 (±BOM), UTF-16 with BOM or GB18030; FileRejected else."""
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "gb18030"]
    first_error: UnicodeDecodeError | None = None
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            first_error = first_error or exc
    line = _record_number(data, first_error.start if first_error else 0, candidates[0])
    guess = _guess_encoding(data)
    hint_zh = f"（看起来像 {guess} 编码）" if guess else ""
    hint_en = f" (it looks like {guess})" if guess else ""
    raise FileRejected(
        f"无法识别文件编码{hint_zh}：第 {line} 行附近的内容既不是 UTF-8 也不是 GB18030/GBK。"
        "请在 Excel/WPS 中另存为“CSV UTF-8”后再导入",
        f"Unrecognised encoding{hint_en}: near line {line} the bytes are neither UTF-8 nor "
        "GB18030/GBK. Save the file as 'CSV UTF-8' and import it again",
        row=line,
    )


def _record_number(data: bytes, offset: int, encoding: str) -> int:
    """The row (record, as a spreadsheet counts them) holding byte ``offset``.

    Counting newlines would give a larger number past any cell written on several lines.
    """
    prefix = data[:offset].decode(encoding, errors="ignore")
    try:
        return sum(1 for _ in csv.reader(io.StringIO(prefix + "x", newline="")))
    except csv.Error:
        return data[:offset].count(b"\n") + 1


def _guess_encoding(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:65536]).best()
    except Exception:  # a guess only serves the message
        return None
    return best.encoding if best is not None else None


def _sniff_delimiter(text: str) -> str:
    first = text[: text.find("\n")] if "\n" in text else text[:4096]
    counts = {d: first.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def _open_csv(path: Path, limits: Limits) -> Table:
    data = path.read_bytes()
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileRejected(
            "这不是文本文件（含有二进制内容），请选择 CSV 或 XLSX 文件",
            "This is not a text file (it holds binary data); choose a CSV or XLSX file",
        )
    text, encoding = decode(data)
    del data
    delimiter = _sniff_delimiter(text)
    table = Table(path=path, format="csv", encoding=encoding, delimiter=delimiter)
    table.estimated_rows = text.count("\n")
    table.rows = _csv_rows(text, delimiter, limits)
    return table


def _csv_rows(text: str, delimiter: str, limits: Limits) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    max_field = limits.max_field
    max_rows = limits.max_rows + 1  # + the header row
    try:  # around the loop, not each row: a for loop over the reader is the fast path
        for row in reader:
            number += 1
            if number > max_rows:
                raise _too_many_rows(limits)
            if sum(map(len, row)) > max_field:
                _field_check(row, number, max_field)
            yield number, row
    except csv.Error as exc:
        raise FileRejected(
            f"第 {number + 1} 行不是有效的 CSV 格式（{exc}）",
            f"Row {number + 1} is not valid CSV ({exc})",
            row=number + 1,
        ) from None


def _too_many_rows(limits: Limits) -> FileRejected:
    return FileRejected(
        f"文件超过 {limits.max_rows:,} 行的上限，请拆分后分批导入",
        f"The file has more than {limits.max_rows:,} rows; split it and import the parts",
    )


def _field_check(cells: list[str], number: int, max_field: int) -> None:
    for index, cell in enumerate(cells):
        if len(cell) > max_field:
            raise FileRejected(
                f"第 {number} 行第 {index + 1} 列的内容过长"
                f"（{len(cell):,} 个字符，上限 {max_field:,}）",
                f"Row {number}, column {index + 1} is too long ({len(cell):,} characters, "
                f"limit {max_field:,})",
                row=number,
                column=str(index + 1),
            )


# -- XLSX --------------------------------------------------------------------------------------


def check_zip(path: Path, limits: Limits) -> None:
    """Refuse a zip whose expansion would be huge or suspiciously compressed (zip bomb)."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise FileRejected(
            "这不是有效的 XLSX 文件（文件已损坏，或扩展名不对）",
            "This is not a valid XLSX file (damaged, or the extension is wrong)",
        ) from None
    if len(infos) > limits.max_zip_entries:
        raise _bomb(limits)
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > limits.ratio_floor and (
            info.file_size > limits.max_ratio * max(info.compress_size, 1)
        ):
            raise _bomb(limits)
    if total > limits.max_unzipped:
        raise _bomb(limits)


def _bomb(limits: Limits) -> FileRejected:
    return FileRejected(
        f"XLSX 文件解压后过大或压缩比异常（上限 {limits.max_unzipped / MiB:.0f} MB、"
        f"{limits.max_ratio:.0f}:1），可能是恶意文件，已拒绝读取",
        f"The XLSX file would expand too much or is compressed suspiciously (limits "
        f"{limits.max_unzipped / MiB:.0f} MB, {limits.max_ratio:.0f}:1); refused",
    )


def _open_xlsx(path: Path, sheet: str | None, limits: Limits) -> Table:
    check_zip(path, limits)
    import openpyxl

    if not openpyxl.DEFUSEDXML:  # never parse XLSX XML without entity protection
        raise FileRejected(
            "缺少安全组件 defusedxml，无法安全读取 XLSX", "defusedxml is missing: XLSX refused"
        )
    try:
        wb = openpyxl.load_workbook(
            path, read_only=True, data_only=True, keep_links=False, keep_vba=False
        )
    except Exception as exc:  # openpyxl raises many kinds on broken files
        raise FileRejected(
            f"XLSX 文件无法读取（已损坏或不是 Excel 工作簿）：{type(exc).__name__}",
            f"The XLSX file cannot be read (damaged or not a workbook): {exc}",
        ) from None
    names = list(wb.sheetnames)
    if not names:
        wb.close()
        raise FileRejected("XLSX 文件中没有工作表", "The workbook has no sheets")
    chosen = names[0]
    if sheet:
        wanted = sheet.strip()
        matches = [n for n in names if n == wanted or n.strip() == wanted]
        if not matches:
            wb.close()
            raise FileRejected(
                f"找不到工作表「{wanted}」，现有工作表：{'、'.join(names)}",
                f"No sheet named '{wanted}'; the sheets are: {', '.join(names)}",
            )
        chosen = matches[0]
    table = Table(path=path, format="xlsx", sheet=chosen, sheets=names)
    table.rows = _xlsx_rows(wb, chosen, limits)
    return table


def _xlsx_rows(wb: object, sheet: str, limits: Limits) -> Iterator[tuple[int, list[str]]]:
    try:
        ws = wb[sheet]  # type: ignore[index]
        if hasattr(ws, "reset_dimensions"):
            ws.reset_dimensions()  # writers often record wrong dimensions
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            if number > limits.max_rows + 1:
                raise _too_many_rows(limits)
            cells = [cell_text(v) for v in values]
            while cells and cells[-1] == "":
                cells.pop()
            if sum(map(len, cells)) > limits.max_field:
                _field_check(cells, number, limits.max_field)
            yield number, cells
    except FileRejected:
        raise
    except Exception as exc:
        raise FileRejected(
            f"读取 XLSX 工作表「{sheet}」时出错（文件可能已损坏）：{type(exc).__name__}",
            f"Error reading sheet '{sheet}' (the file may be damaged): {exc}",
        ) from None
    finally:
        wb.close()  # type: ignore[attr-defined]
