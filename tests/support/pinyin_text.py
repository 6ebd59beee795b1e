"""Text for the pinyin tests: Han runs made of pypinyin's own phrases, their prefixes and
pieces (where segmentation has its corner cases), and pypinyin's segmenter to compare with."""

from __future__ import annotations

from functools import cache

from hypothesis import strategies as st

from dispatch_app.domain import text
from dispatch_app.domain.text import _PHRASE_FIXES


@cache
def with_the_fixes() -> None:
    """The program's phrase fixes in pypinyin's tables, as the former code loaded them (the
    fast path reads its own table, resources/pinyin/readings.tsv, and never imports pypinyin)."""
    from pypinyin import load_phrases_dict

    load_phrases_dict(_PHRASE_FIXES)


def mmseg_cut(run: str) -> list[str]:
    """pypinyin's segmentation with the fixes, as ``pypinyin.pinyin()`` segments."""
    from pypinyin.seg import mmseg

    with_the_fixes()
    return list(mmseg.seg.cut(run))


def readings() -> text._Readings:
    text.pinyin_keys("温州")
    assert text._readings is not None
    return text._readings


def _piece(phrase: str, start: int, stop: int) -> str:
    return phrase[start:stop] or phrase


phrase = st.integers(min_value=0, max_value=1 << 20).map(
    lambda i: readings().sorted[i % len(readings().sorted)]
)
piece = st.one_of(
    phrase,
    st.tuples(phrase, st.integers(0, 3), st.integers(1, 10)).map(lambda t: _piece(*t)),
    st.sampled_from("温州乐清有限公司市区镇长重行"),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
)
# The start of a longer phrase, at the end of a run: mmseg's corner case.
unfinished = st.tuples(phrase, st.integers(1, 9)).map(lambda t: t[0][: min(t[1], len(t[0]) - 1)])
han_run = st.tuples(
    st.lists(piece, max_size=6).map("".join), st.one_of(st.just(""), unfinished)
).map(lambda t: "".join(t) or "温")
