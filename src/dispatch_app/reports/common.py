"""Small pieces every document shares: the issuer's name, dates in Chinese, code labels."""

from __future__ import annotations

from datetime import date

from ..domain.choices import APPOINTMENT_STATUS, VISIT_TYPE

CITY_ISSUER = "温州市科学技术局"


def issuer(district: str | None) -> str:
    """The bureau that issues a document: the city's, or the district's 科学技术局."""
    if not district or district == "温州市":
        return CITY_ISSUER
    if district.startswith("温州"):
        return f"{district}科技局"
    return f"温州市{district}科学技术局"


def cn_date(value: date | str | None) -> str:
    """2026-11-20 → 2026年11月20日 ('' stays '')."""
    if not value:
        return ""
    d = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return f"{d.year}年{d.month}月{d.day}日"


def visit_type(code: str) -> str:
    return VISIT_TYPE.label(code) if code else ""


def appointment_status(code: str) -> str:
    return APPOINTMENT_STATUS.label(code) if code else ""


def amount(value: float | int | None, unit: str = "") -> str | None:
    """A figure as printed (thousands separated, no trailing .0); None when not recorded."""
    if value is None:
        return None
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return f"{text}{unit}"


CN_NUMERALS = "一二三四五六七八九十"


def cn_ordinal(n: int) -> str:
    """1 → 一, 12 → 十二, 25 → 二十五, 100 → 一百, 105 → 一百零五, 120 → 一百二十 (section
    numbers; 1,000 and over stay digits)."""
    if 100 <= n < 1000:
        hundreds, rest = divmod(n, 100)
        head = CN_NUMERALS[hundreds - 1] + "百"
        if not rest:
            return head
        if rest < 10:
            return head + "零" + CN_NUMERALS[rest - 1]
        if rest < 20:
            return head + "一十" + (CN_NUMERALS[rest - 11] if rest > 10 else "")
        return head + cn_ordinal(rest)
    if n <= 10:
        return CN_NUMERALS[n - 1]
    if n < 20:
        return "十" + CN_NUMERALS[n - 11]
    if n < 100:
        tens, ones = divmod(n, 10)
        return CN_NUMERALS[tens - 1] + "十" + (CN_NUMERALS[ones - 1] if ones else "")
    return str(n)
