"""GB 32100 codes: both check characters, normalisation, and the Excel-mangling message."""

from __future__ import annotations

import contextlib
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch_app.domain import uscc
from dispatch_app.domain.problems import InvalidValue
from dispatch_app.domain.uscc import (
    CHARSET,
    make_uscc,
    normalize_uscc,
    parse_uscc,
    random_uscc,
)

VALID = "914403001922038216"

bodies = st.text(alphabet=CHARSET, min_size=8, max_size=8)
adcodes = st.from_regex(r"\A[0-9]{6}\Z")
heads = st.sampled_from(list(CHARSET))
codes = st.builds(make_uscc, heads, heads, adcodes, bodies)


def excel_message(exc: pytest.ExceptionInfo[InvalidValue]) -> bool:
    return "Excel/WPS" in exc.value.zh and "lost" in exc.value.en


def test_worked_example() -> None:
    assert parse_uscc(VALID) == VALID
    with pytest.raises(InvalidValue, match="校验位不符"):
        parse_uscc("914403001922038217")


def test_make_uscc_rebuilds_worked_example() -> None:
    assert make_uscc("9", "1", "440300", "19220382") == VALID


@given(codes)
def test_generated_codes_are_valid(code: str) -> None:
    assert parse_uscc(code) == code


@given(st.integers(min_value=0, max_value=2**32))
def test_random_uscc_is_valid(seed: int) -> None:
    code = random_uscc(random.Random(seed), "330302")
    assert code.startswith("91330302")
    assert parse_uscc(code) == code


@given(codes, st.integers(min_value=0, max_value=17), st.integers(min_value=1, max_value=30))
def test_any_single_change_is_caught(code: str, pos: int, shift: int) -> None:
    new_char = CHARSET[(CHARSET.index(code[pos]) + shift) % len(CHARSET)]
    changed = code[:pos] + new_char + code[pos + 1 :]
    with pytest.raises(InvalidValue):
        parse_uscc(changed)


def test_every_single_change_of_example_is_caught() -> None:
    for pos in range(18):
        for ch in CHARSET:
            if ch != VALID[pos]:
                with pytest.raises(InvalidValue):
                    parse_uscc(VALID[:pos] + ch + VALID[pos + 1 :])


def test_org_check_reported_separately() -> None:
    # Change char 17 and fix the 18th so only the organisation-code check fails.
    with pytest.raises(InvalidValue, match="第17位"):
        parse_uscc("914403001922038226")


@pytest.mark.parametrize(
    "raw",
    [
        "9.14403E+17",
        "9.13303e17",
        "9.14403001922038E+17",
        9.144030019220382e17,
        9.1e17,
        "914403001922038000",
        914403001922038000,
        "913303000000000000",
        "914403001922038000.0",
        "９.１４４０３Ｅ＋１７",
    ],
)
def test_excel_mangled(raw: object) -> None:
    with pytest.raises(InvalidValue) as exc:
        parse_uscc(raw)
    assert excel_message(exc)


@pytest.mark.parametrize(
    "raw",
    [
        " 914403001922038216 ",
        "９１４４０３００１９２２０３８２１６",
        "9144 0300 1922 0382 16",
        "914403-001922038-216",
        "9144\u200b03001922038216\ufeff",
        "914403001922038216\u3000",
    ],
)
def test_normalises_variants(raw: str) -> None:
    assert parse_uscc(raw) == VALID


@given(codes, st.data())
def test_variants_normalise(code: str, data: st.DataObject) -> None:
    seps = st.sampled_from(["", " ", "-", "\u200b", "\u3000", "\ufeff"])
    out = []
    for ch in code:
        if data.draw(st.booleans()):
            ch = chr(ord(ch) + 0xFEE0)  # full-width
        if data.draw(st.booleans()):
            ch = ch.lower()
        out.append(ch + data.draw(seps))
    assert parse_uscc("".join(out)) == code


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("", "不能为空"),
        (None, "不能为空"),
        ("91440300192203821", "实际为17位"),
        ("9144030019220382166", "实际为19位"),
        ("9144O3001922038216", "I、O、Z、S、V"),
        ("91440300192203821!", "不允许的字符：!"),
    ],
)
def test_specific_messages(raw: object, fragment: str) -> None:
    with pytest.raises(InvalidValue) as exc:
        parse_uscc(raw)
    assert fragment in exc.value.zh


def test_int_input_accepted() -> None:
    code = make_uscc("9", "1", "330302", "12345678")
    if code.isdigit():
        assert parse_uscc(int(code)) == code
    assert normalize_uscc(int("913303021234567800")) == "913303021234567800"


@given(st.one_of(st.text(), st.integers(), st.floats(), st.none()))
def test_never_raises_other_errors(raw: object) -> None:
    with contextlib.suppress(InvalidValue):
        parse_uscc(raw)


def _reference_org(body: str) -> str:
    """The check characters as first written (one generator over zip, strict)."""
    total = sum(uscc._ORG_VALUE[c] * w for c, w in zip(body, uscc._ORG_WEIGHTS, strict=True))
    c = 11 - total % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def _reference_uscc(first17: str) -> str:
    total = sum(uscc._VALUE[c] * w for c, w in zip(first17, uscc._WEIGHTS, strict=True))
    return uscc.CHARSET[(31 - total % 31) % 31]


@given(st.text(alphabet=uscc.CHARSET, min_size=17, max_size=17))
def test_check_characters_equal_the_reference_sums(first17: str) -> None:
    assert uscc.uscc_check_char(first17) == _reference_uscc(first17)
    assert uscc.org_check_char(first17[:8]) == _reference_org(first17[:8])


def test_check_characters_refuse_a_wrong_length() -> None:
    with pytest.raises(ValueError):
        uscc.org_check_char("1234567")
    with pytest.raises(ValueError):
        uscc.uscc_check_char("1" * 18)
