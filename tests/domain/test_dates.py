"""Dates in every form a spreadsheet or a person produces."""

from __future__ import annotations

import contextlib
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch_app.domain.dates import parse_date, parse_year
from dispatch_app.domain.problems import InvalidValue

D = date(2026, 3, 5)


@pytest.mark.parametrize(
    "raw",
    [
        "2026-03-05",
        "2026-3-5",
        "2026/3/5",
        "2026/03/05",
        "2026.3.5",
        "2026年3月5日",
        "2026 年 3 月 5 日",
        "20260305",
        "2026-03-05 00:00:00",
        "2026/3/5 8:30",
        "2026-03-05T08:30:00",
        "２０２６－０３－０５",
        " 2026-03-05 ",
        D,
        datetime(2026, 3, 5, 14, 0),
        46086,
        46086.0,
        46086.6,
        "46086",
    ],
)
def test_accepted(raw: object) -> None:
    assert parse_date(raw) == D


@pytest.mark.parametrize(
    "raw",
    [
        "2026-02-30",
        "2026-13-01",
        "2026/0/5",
        "20260230",
        "5/3/2026",
        "03-05-2026",
        "昨天",
        "2026-03",
        "12",
        12,
        99999,
        "99999",
        True,
        "1800-01-01",
        float("inf"),
    ],
)
def test_refused(raw: object) -> None:
    with pytest.raises(InvalidValue) as exc:
        parse_date(raw)
    assert "2026-03-05" in exc.value.zh  # names the accepted formats


@pytest.mark.parametrize("raw", ["", None, "  ", float("nan")])
def test_empty(raw: object) -> None:
    with pytest.raises(InvalidValue, match="不能为空"):
        parse_date(raw)


FORMATS = [
    lambda d: d.isoformat(),
    lambda d: f"{d.year}/{d.month}/{d.day}",
    lambda d: f"{d.year}.{d.month}.{d.day}",
    lambda d: f"{d.year}年{d.month}月{d.day}日",
    lambda d: d.strftime("%Y%m%d"),
    lambda d: d.isoformat() + " 00:00:00",
    lambda d: (d - date(1899, 12, 30)).days,
]


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)), st.sampled_from(FORMATS))
def test_round_trip(d: date, fmt) -> None:  # type: ignore[no-untyped-def]
    assert parse_date(fmt(d)) == d


@pytest.mark.parametrize(
    ("raw", "year"),
    [
        (2026, 2026),
        ("2026", 2026),
        ("2026年", 2026),
        ("2026年度", 2026),
        (2026.0, 2026),
        (" ２０２６ ", 2026),
    ],
)
def test_parse_year(raw: object, year: int) -> None:
    assert parse_year(raw) == year


@pytest.mark.parametrize("raw", ["1999", 2101, "abc", "", None, 2026.5, "26"])
def test_parse_year_refused(raw: object) -> None:
    with pytest.raises(InvalidValue):
        parse_year(raw)


@given(st.one_of(st.text(), st.integers(), st.floats()))
def test_never_raises_other_errors(raw: object) -> None:
    for parse in (parse_date, parse_year):
        with contextlib.suppress(InvalidValue):
            parse(raw)
