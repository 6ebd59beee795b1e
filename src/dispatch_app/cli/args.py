"""Argument types shared by the command modules: a bad value is a usage error (exit 2).

argparse calls these while parsing; an ``ArgumentTypeError`` becomes
``argument --year: …`` on stderr with the usage line, before any file is opened.
"""

from __future__ import annotations

import argparse
from datetime import date

MIN_YEAR = 2000
MAX_YEAR = 2100


def iso_date(value: str) -> date:
    """A date as the template accepts it (2026-03-05, 2026/3/5, 2026年3月5日 …)."""
    from ..domain.dates import parse_date
    from ..domain.problems import InvalidValue

    try:
        return parse_date(value)
    except InvalidValue as exc:
        raise argparse.ArgumentTypeError(f"{exc.zh} / {exc.en}") from exc


def year(value: str) -> int:
    """A work year between MIN_YEAR and MAX_YEAR (0 or 99999 is a typo, not a year)."""
    from ..domain.text import normalize_token

    text = normalize_token(value)
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"年份「{value}」应为数字，如 2026 / year '{value}' must be a number such as 2026"
        ) from None
    if not MIN_YEAR <= number <= MAX_YEAR:
        raise argparse.ArgumentTypeError(
            f"年份 {number} 超出范围（{MIN_YEAR}–{MAX_YEAR}） / "
            f"year {number} is outside {MIN_YEAR}–{MAX_YEAR}"
        )
    return number


def district(value: str) -> str:
    """A Wenzhou district by name or 6-digit code → its adcode."""
    from ..domain.geography import load_gazetteer
    from ..domain.problems import InvalidValue

    try:
        return load_gazetteer().resolve_district(value).adcode
    except InvalidValue as exc:
        raise argparse.ArgumentTypeError(f"{exc.zh} / {exc.en}") from exc
