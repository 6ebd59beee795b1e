"""Text clean-up and pinyin keys."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch_app.domain.text import (
    join_multi,
    normalize_multiline,
    normalize_text,
    pinyin_keys,
    split_multi,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ＡＢＣ１２３", "ABC123"),
        ("温州\u3000大学", "温州 大学"),
        ("\u200b温州\u200d大学\ufeff", "温州大学"),
        ("  a   b \t c  ", "a b c"),
        ("高企、专精特新", "高企、专精特新"),
        ("温州（中国）有限公司，主营：阀门", "温州（中国）有限公司，主营：阀门"),
        (None, ""),
        (123, "123"),
    ],
)
def test_normalize_text(raw: object, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_normalize_token_folds_punctuation_for_codes() -> None:
    from dispatch_app.domain.text import normalize_token

    assert normalize_token("０５７７－８８８８１２３４（转８）") == "0577-88881234(转8)"


@given(st.text())
def test_normalize_text_idempotent(raw: str) -> None:
    once = normalize_text(raw)
    assert normalize_text(once) == once
    assert once == once.strip()
    assert "  " not in once


def test_normalize_multiline_keeps_paragraphs() -> None:
    assert normalize_multiline(" 一\r\n\r\n\r\n二  三 \n") == "一\n\n二 三"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("高新技术企业、专精特新", ("高新技术企业", "专精特新")),
        ("a;b；c,d，e/f\ng", ("a", "b", "c", "d", "e", "f", "g")),
        (" a 、、 b 、a ", ("a", "b")),
        ("", ()),
        (None, ()),
        (["a、b", "c", "a"], ("a", "b", "c")),
        ("ＡＢ，ＣＤ", ("AB", "CD")),
    ],
)
def test_split_multi(raw: object, expected: tuple[str, ...]) -> None:
    assert split_multi(raw) == expected


@given(st.lists(st.text(alphabet="温州大学科技abc ", min_size=1), max_size=6))
def test_split_join_round_trip(items: list[str]) -> None:
    clean = split_multi(items)
    assert split_multi(join_multi(clean)) == clean


@pytest.mark.parametrize(
    ("name", "full", "initials"),
    [
        ("温州大学", "wenzhoudaxue", "wzdx"),
        # 乐 reads yuè in 乐清/乐成, but people often type its everyday reading lè: keep both.
        ("乐清市", "yueqingshi leqingshi", "yqs lqs"),
        ("乐清", "yueqing leqing", "yq lq"),
        ("乐成街道", "yuechengjiedao lechengjiedao", "ycjd lcjd"),
        ("瓯海区", "ouhaiqu", "ohq"),
        ("ABC科技 2号", "abckeji2hao", "abckj2h"),
        ("", "", ""),
    ],
)
def test_pinyin_keys(name: str, full: str, initials: str) -> None:
    assert pinyin_keys(name) == (full, initials)


@given(st.text())
def test_pinyin_keys_total(raw: str) -> None:
    full, initials = pinyin_keys(raw)
    assert full == full.lower() and len(initials) <= len(full)
