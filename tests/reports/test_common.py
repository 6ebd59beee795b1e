"""Section numbers in Chinese numerals, as the booklet's contents print them."""

from __future__ import annotations

import pytest

from dispatch_app.reports.common import cn_ordinal


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (119, "一百一十九"),
        (120, "一百二十"),
        (205, "二百零五"),
        (999, "九百九十九"),
        (1000, "1000"),
    ],
)
def test_cn_ordinal(n, text):
    assert cn_ordinal(n) == text


def test_every_number_below_a_thousand_is_in_numerals():
    for n in range(1, 1000):
        assert not any(ch.isdigit() for ch in cn_ordinal(n)), n
