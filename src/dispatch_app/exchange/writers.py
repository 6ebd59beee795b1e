"""Writing exported rows to CSV or XLSX, atomically and deterministically.

Every file is written to a temporary file beside the target and renamed over it only when
complete (``os.replace``), so a failed or cancelled export never leaves half a file. CSV is
UTF-8 with a BOM by default (what Excel/WPS open correctly) or GB18030; an unencodable
character stops the export with its row and column instead of becoming ``?``. XLSX files carry
fixed document times and zip entry times, so the same data always gives the same bytes.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from itertools import islice
from pathlib import Path

from ..file_errors import describe_write_error

ENCODINGS = ("utf-8-sig", "gb18030")
_FIXED_TIME = datetime(2000, 1, 1)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
CHUNK = 2000


class ExportFailed(Exception):
    """The export could not be written; the target file was left untouched."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en


class Cancelled(Exception):
    """The user cancelled; nothing was written."""


# A temporary file nobody has written to for this long was left by a write that was killed
# (power cut); live writers touch theirs with every chunk. Half an export holds personal data.
ABANDONED_AFTER = 600.0


def sweep_abandoned(folder: Path, prefix: str, suffix: str) -> None:
    """Remove temporary files of earlier writes to the same target that were cut off."""
    import time

    try:
        leftovers = [p for p in folder.iterdir() if p.name.startswith(prefix)]
    except OSError:
        return
    now = time.time()
    for path in leftovers:
        with contextlib.suppress(OSError):
            if path.name.endswith(suffix) and now - path.stat().st_mtime > ABANDONED_AFTER:
                path.unlink()


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path in the target's folder, renamed onto ``target`` on success."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportFailed(f"文件夹不存在：{folder}", f"Folder does not exist: {folder}")
    if target.is_dir():
        raise ExportFailed(
            f"{target} 是一个文件夹，请给出文件名（如 {target / 'export.csv'}）",
            f"{target} is a folder; give a file name (e.g. {target / 'export.csv'})",
        )
    sweep_abandoned(folder, f".{target.name}.", ".tmp")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportFailed(*describe_write_error(exc, target)) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        try:
            yield tmp
        except OSError as exc:  # the disk filled up, the stick was pulled out...
            raise ExportFailed(*describe_write_error(exc, target)) from None
        # mkstemp makes the file private (0600); an export is an ordinary document.
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
        os.chmod(tmp, mode)
        try:
            os.replace(tmp, target)
        except PermissionError:
            raise ExportFailed(
                f"无法替换文件 {target}：它可能正在 Excel/WPS 中打开，或为只读文件；"
                "请关闭该文件后重试，或另存为其他文件名",
                f"Cannot replace {target}: it may be open in Excel/WPS, or read-only; "
                "close it and try again, or save under another name",
            ) from None
        except OSError as exc:
            raise ExportFailed(*describe_write_error(exc, target)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def atomic_write_bytes(target: Path, data: bytes) -> Path:
    with atomic_path(target) as tmp, tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    return target


def _unencodable(
    chunk: Sequence[Sequence[str]], headers: Sequence[str], encoding: str, first_row: int
) -> ExportFailed:
    for offset, row in enumerate(chunk):
        for index, cell in enumerate(row):
            try:
                str(cell).encode(encoding)
            except UnicodeEncodeError as exc:
                ch = exc.object[exc.start : exc.end]
                column = headers[index] if index < len(headers) else str(index + 1)
                row_no = first_row + offset
                return ExportFailed(
                    f"第 {row_no} 行「{column}」列含有 {encoding} 无法表示的字符「{ch!r}」，"
                    "未生成文件；请改用 UTF-8 编码导出",
                    f"Row {row_no}, column '{column}' holds a character {encoding} cannot "
                    f"encode ({ch!r}); nothing was written. Export as UTF-8 instead",
                )
    return ExportFailed(f"{encoding} 编码失败", f"{encoding} encoding failed")


def check_encoding(encoding: str) -> None:
    if encoding not in ENCODINGS:
        raise ExportFailed(
            f"不支持的编码：{encoding}（可选 utf-8-sig、gb18030）",
            f"Unsupported encoding {encoding} (choose utf-8-sig or gb18030)",
        )


def write_csv(
    target: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    encoding: str = "utf-8-sig",
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write rows (already neutralised text) to ``target``; returns the number of data rows."""
    check_encoding(encoding)
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(headers)
    header = buf.getvalue()

    def encode(chunk: list, first_row: int) -> bytes:
        buf.seek(0)
        buf.truncate()
        writer.writerows(chunk)
        try:
            return buf.getvalue().encode(codec)
        except UnicodeEncodeError:
            raise _unencodable(chunk, headers, codec, first_row) from None

    return _write_chunks(target, encoding, header, _chunks(rows), encode, progress, cancelled)


def write_csv_lines(
    target: Path,
    headers: Sequence[str],
    lines: Iterable[Sequence[bytes | str]],
    *,
    encoding: str = "utf-8-sig",
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Like :func:`write_csv`, for rows already written as CSV lines (CRLF included), each a
    1-tuple: UTF-8 bytes for ``utf-8-sig`` (written as they come), else text. The same file,
    the same errors, the same progress calls; Python touches one object per row."""
    check_encoding(encoding)
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    head = io.StringIO(newline="")
    csv.writer(head, lineterminator="\r\n").writerow(headers)

    def encode(chunk: list, first_row: int) -> bytes:
        if codec == "utf-8":
            return b"".join([line for (line,) in chunk])
        text = "".join([line for (line,) in chunk])
        try:
            return text.encode(codec)
        except UnicodeEncodeError:
            rows = list(csv.reader(io.StringIO(text, newline="")))
            raise _unencodable(rows, headers, codec, first_row) from None

    return _write_chunks(
        target, encoding, head.getvalue(), _chunks(lines), encode, progress, cancelled
    )


def _write_chunks(
    target: Path,
    encoding: str,
    header: str,
    take: Callable[[], list],
    encode: Callable[[list, int], bytes],
    progress: Callable[[int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> int:
    """The file both CSV writers make: a BOM for ``utf-8-sig``, the header line, then each
    chunk as ``encode(chunk, its first row's number in the file)`` gives it, with progress
    and cancel after each; into a temporary file, synced, then renamed over ``target``."""
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    count = 0
    with atomic_path(target) as tmp, tmp.open("wb") as fh:
        if encoding == "utf-8-sig":
            fh.write(b"\xef\xbb\xbf")
        fh.write(header.encode(codec))
        while True:
            chunk = take()
            if not chunk:
                break
            fh.write(encode(chunk, count + 2))
            count += len(chunk)
            if progress:
                progress(count)
            if cancelled and cancelled():
                raise Cancelled()
        fh.flush()
        os.fsync(fh.fileno())
    return count


def _chunks(rows: Iterable[Sequence[object]]) -> Callable[[], list]:
    """The next CHUNK rows on each call: ``fetchmany`` on a cursor (no Python per row)."""
    fetchmany = getattr(rows, "fetchmany", None)
    if fetchmany is not None:
        return lambda: fetchmany(CHUNK)
    iterator = iter(rows)
    return lambda: list(islice(iterator, CHUNK))


def write_xlsx(
    target: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    sheet_title: str = "Sheet1",
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write rows as string cells in one sheet; identical data gives identical bytes."""
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    wb = Workbook(write_only=True)
    wb.properties.creator = "dispatch-app"
    wb.properties.created = _FIXED_TIME
    wb.properties.modified = _FIXED_TIME
    ws = wb.create_sheet(title=sheet_title[:31])
    ws.append(list(headers))
    count = 0
    for row in rows:
        ws.append(["" if v is None else str(v) for v in row])
        count += 1
        if count % CHUNK == 0:
            if progress:
                progress(count)
            if cancelled and cancelled():
                raise Cancelled()
    raw = io.BytesIO()
    ExcelWriter(wb, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED)).save()
    atomic_write_bytes(target, _repack(raw.getvalue()))
    if progress:
        progress(count)
    return count


def _repack(data: bytes) -> bytes:
    """Same zip with fixed entry times and attributes (openpyxl stamps the current time)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
