"""The pinyin fast path gives exactly the keys of the former ``pypinyin.pinyin()`` code.

The oracle below is the implementation ``pinyin_keys`` had before it read pypinyin's tables
directly (one ``pinyin()`` call per Han run and per polyphonic character). It stays here,
unchanged, so any difference in the fast path shows up as a failing example.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dispatch_app.domain.text import _PHRASE_FIXES, normalize_text, pinyin_keys
from support.pinyin_text import han_run, with_the_fixes

_CJK_RUN = re.compile(r"[\u3400-\u9fff]+|[^\u3400-\u9fff]+")
_CJK_RUN_ONLY = re.compile(r"[\u3400-\u9fff]")


def oracle_pinyin_keys(name: str) -> tuple[str, str]:
    """The former implementation, verbatim but for the phrase fixes (loaded into pypinyin's
    tables first)."""
    from pypinyin import Style, pinyin
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

    with_the_fixes()
    assert all(k in PHRASES_DICT for k in _PHRASE_FIXES)
    full: list[tuple[str, bool]] = []
    alt: list[tuple[str, bool]] = []
    for run in _CJK_RUN.findall(normalize_text(name).lower()):
        if not _CJK_RUN_ONLY.match(run):
            kept = "".join(ch for ch in run if ch.isascii() and ch.isalnum())
            if kept:
                full.append((kept, False))
                alt.append((kept, False))
            continue
        syllables = [s for s, *_ in pinyin(run, style=Style.NORMAL, errors="ignore")]
        if len(syllables) != len(run):
            full += [(s, True) for s in syllables if s]
            alt += [(s, True) for s in syllables if s]
            continue
        for ch, syl in zip(run, syllables, strict=True):
            full.append((syl, True))
            if "," in PINYIN_DICT.get(ord(ch), ""):
                alt.append((pinyin(ch, style=Style.NORMAL)[0][0], True))
            else:
                alt.append((syl, True))

    def keys(items: list[tuple[str, bool]]) -> tuple[str, str]:
        return (
            "".join(t for t, _ in items),
            "".join(t[0] if syllable else t for t, syllable in items),
        )

    first = keys(full)
    if alt == full:
        return first
    second = keys(alt)
    return (
        " ".join(dict.fromkeys((first[0], second[0]))),
        " ".join(dict.fromkeys((first[1], second[1]))),
    )


# Common characters (where the phrase table matters), all of the basic block and extension A
# (unknown characters, rare readings), mixed with Latin, digits and punctuation.
_COMMON = "温州乐清瓯海龙湾鹿城永嘉平阳苍南文成泰顺瑞安洞头长重行银都会和调朝曾单解"
han = st.text(
    alphabet=st.one_of(
        st.sampled_from(_COMMON),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.characters(min_codepoint=0x3400, max_codepoint=0x4DBF),
    ),
    min_size=1,
    max_size=12,
)
mixed = st.lists(
    st.one_of(han, st.sampled_from(["（", "）", " ", "A", "b2", "·", "-", "ＡＢ", "〇"])),
    max_size=5,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(han, mixed))
def test_fast_path_equals_the_former_pinyin_calls(name: str) -> None:
    assert pinyin_keys(name) == oracle_pinyin_keys(name)


@pytest.fixture(scope="module")
def demo_names(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    from dispatch_app.demo.generator import generate_demo

    path = tmp_path_factory.mktemp("pinyin") / "demo.db"
    generate_demo(path, seed=5, visits=1500, as_of=date(2026, 6, 30))
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [
            r[0]
            for table in ("enterprises", "experts", "teams")
            for r in conn.execute(f"SELECT name FROM {table}")
        ]
    finally:
        conn.close()
    Path(path).unlink()
    return names


def test_fast_path_equals_the_former_pinyin_calls_on_demo_names(demo_names: list[str]) -> None:
    assert len(demo_names) > 300
    differ = [n for n in demo_names if pinyin_keys(n) != oracle_pinyin_keys(n)]
    assert differ == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(han_run, st.sampled_from(["（", "A", " ", "2号", "·"])), max_size=4))
def test_keys_of_phrase_rich_names_are_the_former_ones(parts: list[str]) -> None:
    name = "".join(parts)
    assert pinyin_keys(name) == oracle_pinyin_keys(name)
