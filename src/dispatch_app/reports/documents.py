"""The four documents by name: a scope → the records → the builder → a PDF file.

The command line and the Reports page both call :func:`generate`; it checks the scope (unknown
ids are refused, naming them), writes to a temporary file beside the destination and renames
it only when the whole document is laid out, so a cancel or a failure leaves no half a PDF.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..store import report_rows
from .common import cn_date
from .layout import BuildCancelled, BuildResult

if TYPE_CHECKING:
    from ..store.database import Store

T = TypeVar("T")

KINDS = ("visits", "cases", "brief", "assessment")
TITLES = {
    "visits": ("入企服务记录单", "visit summary sheets"),
    "cases": ("典型案例汇编", "case-study booklet"),
    "brief": ("工作推进会简报", "progress-meeting brief"),
    "assessment": ("科技副总年度考核材料", "tech vice-president assessment pack"),
}
_ID_TABLES = {"visits": "visits", "cases": "cases", "assessment": "appointments"}


class ReportError(ValueError):
    """A scope that cannot be printed (unknown ids, a bad period); zh and en text."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh, self.en = zh, en


@dataclass(frozen=True)
class Scope:
    """What to print. ``ids`` wins over the rest; ``year`` defaults to the as-of date's."""

    district_code: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    year: int | None = None
    ids: tuple[str, ...] = ()
    mask_phones: bool = False  # print phone numbers with their middle hidden (PIPL)


def _check_ids(store: Store, kind: str, ids: tuple[str, ...]) -> list[str]:
    table = _ID_TABLES.get(kind)
    if table is None:
        raise ReportError("简报不按编号选择", "the brief is not chosen by ids")
    wanted = list(dict.fromkeys(ids))
    known = set(report_rows.existing_ids(store, table, wanted))  # one query, not one an id
    unknown = [i for i in wanted if i not in known]
    if unknown:
        shown = "、".join(unknown[:5]) + ("……" if len(unknown) > 5 else "")
        raise ReportError(f"找不到这些编号：{shown}", f"unknown ids: {', '.join(unknown[:5])}")
    return wanted


def _period(scope: Scope, year: int) -> tuple[str, str]:
    lo = scope.date_from or (date(scope.year, 1, 1) if scope.year else None)
    hi = scope.date_to or (date(scope.year, 12, 31) if scope.year else None)
    if lo is None and hi is None:
        lo, hi = date(year, 1, 1), date(year, 12, 31)
    if lo and hi and lo > hi:
        raise ReportError(
            f"起始日期 {lo} 晚于截止日期 {hi}", f"the start date {lo} is after the end date {hi}"
        )
    return (lo.isoformat() if lo else "0000-01-01", hi.isoformat() if hi else "9999-12-31")


def _district_name(store: Store, scope: Scope) -> str | None:
    code = scope.district_code or store.get_setting("district_scope")
    return report_rows.district_name(store, code) or None if code else None


def _visit_ids(store: Store, scope: Scope, year: int) -> list[str]:
    if scope.ids:
        return _check_ids(store, "visits", scope.ids)
    lo, hi = _period(scope, year)
    return report_rows.visit_ids(store, date_from=lo, date_to=hi, district_code=scope.district_code)


def expected_pages(store: Store, kind: str, scope: Scope, *, as_of: date) -> int:
    """The page count known before layout (a visit batch: one a visit); 0 when only the
    layout knows it. The Reports page sizes its progress bar with it."""
    if kind != "visits":
        return 0
    return len(_visit_ids(store, scope, scope.year or as_of.year))


def _layout(
    store: Store,
    kind: str,
    scope: Scope,
    target,
    as_of: date,
    progress: Callable[[int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> BuildResult:
    printed_on = cn_date(as_of)
    district = _district_name(store, scope)
    year = scope.year or as_of.year
    hooks = {"progress": progress, "cancelled": cancelled}
    if kind == "visits":
        from .visit_sheet import build_visit_sheets

        visits = report_rows.visits(store, _visit_ids(store, scope, year))
        if scope.mask_phones:
            visits = [_masked(v) for v in visits]
        return build_visit_sheets(target, visits, district=district, printed_on=printed_on, **hooks)
    if kind == "cases":
        from .case_booklet import build_case_booklet

        if scope.ids:
            ids = _check_ids(store, kind, scope.ids)
            heading = f"{year}年度{district or '温州市'}"
        else:
            ids = report_rows.case_ids(store, year=year, district_code=scope.district_code)
            heading = f"{year}年度{district or '温州市'}"
        cases = report_rows.cases(store, ids)
        return build_case_booklet(
            target, cases, heading=heading, district=district, printed_on=printed_on, **hooks
        )
    if kind == "assessment":
        from .assessment_pack import build_assessment_pack

        if scope.ids:
            ids = _check_ids(store, kind, scope.ids)
        else:
            ids = report_rows.appointment_ids(store, year=year, district_code=scope.district_code)
        packs = report_rows.appointments(store, ids)
        if scope.mask_phones:
            packs = [_masked(pack) for pack in packs]
        return build_assessment_pack(
            target,
            packs,
            year=None if scope.ids else year,
            district=district,
            printed_on=printed_on,
            **hooks,
        )
    if kind == "brief":
        from ..progress import dashboard
        from .progress_brief import build_progress_brief

        if scope.ids:
            _check_ids(store, kind, scope.ids)
        until = min(as_of, scope.date_to) if scope.date_to else as_of
        board = dashboard(store, year, as_of=until, scope=scope.district_code)
        return build_progress_brief(target, board, printed_on=printed_on, **hooks)
    raise ReportError(f"未知的文档类型：{kind}", f"unknown document: {kind}")


def _masked(row: Any) -> Any:
    """A report row with every ``*phone`` value masked (nested rows too)."""
    from ..domain.phone import mask_phone

    if isinstance(row, dict):
        return {
            k: mask_phone(str(v or "")) if k.endswith("phone") else _masked(v)
            for k, v in row.items()
        }
    if isinstance(row, list):
        return [_masked(v) for v in row]
    return row


def generate(
    store: Store,
    kind: str,
    scope: Scope,
    out: str | Path,
    *,
    as_of: date,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BuildResult:
    """Write document ``kind`` for ``scope`` to ``out``, all or nothing.

    Raises :class:`ReportError` for a scope that cannot be printed, ``OSError`` when the
    folder cannot be written, :class:`~.layout.BuildCancelled` when ``cancelled()`` said so.
    """
    return _write_atomically(
        out,
        lambda fh: _layout(store, kind, scope, fh, as_of, progress, cancelled),
        sweep=True,
    )


def generate_bytes(
    store: Store, kind: str, scope: Scope, *, as_of: date, **hooks
) -> tuple[BuildResult, bytes]:
    """The same document in memory (the preview)."""
    import io

    buffer = io.BytesIO()
    result = _layout(
        store, kind, scope, buffer, as_of, hooks.get("progress"), hooks.get("cancelled")
    )
    return result, buffer.getvalue()


def save_pdf(data: bytes, out: str | Path) -> None:
    """Write a PDF made in memory (the preview's) to ``out``, all or nothing: a temporary file
    beside it, renamed only once every byte is on disk."""
    _write_atomically(out, lambda fh: fh.write(data), sweep=False)


def _write_atomically(out: str | Path, write: Callable[[Any], T], *, sweep: bool) -> T:
    """Run ``write`` on a temporary file beside ``out`` and rename it only once every byte is
    on disk (``sweep``: first remove what a killed earlier run left there)."""
    out = Path(out)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ReportError(f"文件夹不存在：{folder}", f"folder does not exist: {folder}")
    if out.is_dir():
        raise ReportError(f"这是一个文件夹：{out}", f"this is a folder: {out}")
    if sweep:
        from ..exchange.writers import sweep_abandoned

        sweep_abandoned(folder, f".{out.stem}-", ".pdf.part")  # left by a killed earlier run
    fd, tmp = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".pdf.part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            result = write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return result


__all__ = [
    "KINDS",
    "TITLES",
    "BuildCancelled",
    "BuildResult",
    "ReportError",
    "Scope",
    "generate",
    "generate_bytes",
    "save_pdf",
]
