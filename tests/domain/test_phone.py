"""Phone numbers: one canonical form, clear refusals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch_app.domain.phone import mask_phone, parse_phone
from dispatch_app.domain.problems import InvalidValue


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", ""),
        (None, ""),
        ("  ", ""),
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("+8613812345678", "13812345678"),
        ("008613812345678", "13812345678"),
        ("8613812345678", "13812345678"),
        ("(+86)13812345678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        (13812345678, "13812345678"),
        (13812345678.0, "13812345678"),
        ("0577-88881234", "0577-88881234"),
        ("057788881234", "0577-88881234"),
        ("(0577)88881234", "0577-88881234"),
        ("（0577）8888 1234", "0577-88881234"),
        ("0577.88881234", "0577-88881234"),
        ("010-12345678", "010-12345678"),
        ("02112345678", "021-12345678"),
        ("0577-88881234转8001", "0577-88881234转8001"),
        ("0577-88881234 ext. 12", "0577-88881234转12"),
        ("0577-88881234#12", "0577-88881234转12"),
        ("+86 577 88881234", "0577-88881234"),
        ("400-123-4567", "400-123-4567"),
    ],
)
def test_normalisation_table(raw: object, expected: str) -> None:
    assert parse_phone(raw) == expected


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("88881234", "缺少区号"),
        ("8888123", "缺少区号"),
        ("12345678901", "不是有效的手机号码"),
        ("1381234567", "无法识别"),
        ("abc", "无法识别"),
        ("13812345678/13912345678", "多个号码"),
        ("13812345678转12", "无法识别"),
    ],
)
def test_refusals(raw: str, fragment: str) -> None:
    with pytest.raises(InvalidValue) as exc:
        parse_phone(raw)
    assert fragment in exc.value.zh
    assert exc.value.en


mobiles = st.from_regex(r"\A1[3-9][0-9]{9}\Z")
separators = st.sampled_from(["", " ", "-", "\u3000", ".", "－"])
prefixes = st.sampled_from(["", "+86", "+86 ", "0086", "86", "+86-", "(+86)", "＋８６"])


@given(mobiles, prefixes, st.lists(separators, min_size=11, max_size=11))
def test_any_mobile_with_noise(mobile: str, prefix: str, seps: list[str]) -> None:
    noisy = prefix + "".join(d + s for d, s in zip(mobile, seps, strict=True))
    assert parse_phone(noisy) == mobile


def test_mask_phone() -> None:
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("0577-88881234") == "0577-****1234"
    assert mask_phone("010-12345678") == "010-****5678"
    assert mask_phone("0577-88881234转8001") == "0577-****1234转8001"
    assert mask_phone("") == ""


@given(st.text())
def test_never_raises_other_errors(raw: str) -> None:
    try:
        result = parse_phone(raw)
    except InvalidValue:
        return
    assert mask_phone(result) is not None
