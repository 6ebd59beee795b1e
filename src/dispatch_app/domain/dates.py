"""Dates as people type them and as spreadsheets store them; always stored as ISO strings.

Excel/WPS keep dates as serial day numbers (1900 date system), and a CSV saved from a sheet may
hold any of 2026-03-05, 2026/3/5, 2026.3.5 or 2026年3月5日. Day-first and month-first forms
(5/3/2026) are refused: they are ambiguous.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta

from .problems import InvalidValue
from .text import normalize_token

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_GENERAL = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?"
    r"(?:[ T]?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_SERIAL_TEXT = re.compile(r"(\d{5})(?:\.\d+)?")
_YEAR = re.compile(r"(\d{4})(?:\.0+)?\s*年?(?:度)?")

# Serials 36526..73050 are 2000-01-01..2099-12-31; outside that a number is not a date cell.
SERIAL_MIN, SERIAL_MAX = 36526, 73050
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01 after Excel's fake 1900-02-29
YEAR_MIN, YEAR_MAX = 2000, 2100
_FORMATS_ZH = "2026-03-05、2026/3/5、2026.3.5、2026年3月5日 或 20260305"
_FORMATS_EN = "2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日 or 20260305"


def _bad(text: object, why_zh: str = "", why_en: str = "") -> InvalidValue:
    return InvalidValue(
        f"日期「{text}」{why_zh or '无法识别'}，可用格式：{_FORMATS_ZH}",
        f"Date '{text}' {why_en or 'is not recognised'}; accepted formats: {_FORMATS_EN}",
    )


def _from_serial(serial: float, shown: object) -> date:
    if not (SERIAL_MIN <= serial <= SERIAL_MAX + 0.99999):
        raise _bad(
            shown,
            "不是有效的表格日期数值（应在2000–2099年之间）",
            "is not a plausible spreadsheet date number (2000-2099)",
        )
    return _EXCEL_EPOCH + timedelta(days=math.floor(serial))


def _build(text: str, y: str, m: str, d: str) -> date:
    year = int(y)
    if not (1900 <= year <= 2100):
        raise _bad(text, "年份不合理", "has an implausible year")
    try:
        return date(year, int(m), int(d))
    except ValueError:
        raise _bad(text, "不是真实存在的日期", "is not a real calendar date") from None


def parse_date(raw: object) -> date:
    """A date from a date/datetime, an Excel serial or text; InvalidValue otherwise."""
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, bool):
        raise _bad(raw)
    if isinstance(raw, int | float):
        if isinstance(raw, float) and math.isnan(raw):
            raise InvalidValue("日期不能为空", "Date is required")  # an empty pandas cell
        if isinstance(raw, float) and not math.isfinite(raw):
            raise _bad(raw)
        return _from_serial(raw, raw)
    if isinstance(raw, str):
        m = _ISO.fullmatch(raw)
        if m:
            return _build(raw, *m.groups())
    text = normalize_token(raw)
    if not text:
        raise InvalidValue("日期不能为空", "Date is required")
    m = _GENERAL.fullmatch(text) or _COMPACT.fullmatch(text)
    if m:
        return _build(text, *m.groups())
    m = _SERIAL_TEXT.fullmatch(text)
    if m:
        return _from_serial(float(text), text)
    raise _bad(text)


def parse_iso(raw: object) -> str:
    """``parse_date`` written as the ISO string the database stores."""
    return parse_date(raw).isoformat()


def parse_year(raw: object) -> int:
    """A year between 2000 and 2100 from 2026, "2026", "2026年", "2026年度" or 2026.0."""
    value: int | None = None
    if isinstance(raw, bool):
        value = None
    elif isinstance(raw, int):
        value = raw
    elif isinstance(raw, float):
        value = int(raw) if raw.is_integer() else None
    else:
        m = _YEAR.fullmatch(normalize_token(raw))
        value = int(m.group(1)) if m else None
    shown = normalize_token(raw)
    if value is None:
        if not shown:
            raise InvalidValue("年度不能为空", "Year is required")
        raise InvalidValue(
            f"年度「{shown}」应为四位数年份（如 2026）",
            f"Year '{shown}' must be a four-digit year (e.g. 2026)",
        )
    if not (YEAR_MIN <= value <= YEAR_MAX):
        raise InvalidValue(
            f"年度「{shown}」超出范围（{YEAR_MIN}–{YEAR_MAX}）",
            f"Year '{shown}' is out of range ({YEAR_MIN}-{YEAR_MAX})",
        )
    return value
