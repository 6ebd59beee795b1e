"""The shipped pinyin table is pypinyin's, and reading it segments and spells as pypinyin does.

``resources/pinyin/readings.tsv`` is generated (``tools/build_pinyin_table.py``); regenerating
it from the installed pypinyin must give the very same bytes, or the keys would drift from
what pypinyin says. The segmenter is checked against pypinyin's own on text made of phrases,
their prefixes and their pieces, where its corner cases are (a run ending inside a phrase).
"""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings

from dispatch_app.domain import pinyin_table
from dispatch_app.domain.text import _PHRASE_FIXES
from dispatch_app.paths import resource
from support.pinyin_text import han_run, mmseg_cut, readings


def test_the_shipped_table_is_what_the_generator_makes_from_pypinyin() -> None:
    shipped = resource(*pinyin_table.FILE).read_bytes()
    assert pinyin_table.generate(_PHRASE_FIXES).encode("utf-8") == shipped


def test_pypinyins_licence_ships_beside_it() -> None:
    from importlib import metadata

    licence = resource(pinyin_table.FILE[0], "LICENSE-pypinyin.txt").read_text("utf-8")
    assert "MIT" in licence and metadata.metadata("pypinyin")["Name"] == "pypinyin"


def test_computing_keys_does_not_import_pypinyin() -> None:
    code = (
        "import sys\n"
        "from dispatch_app.domain.text import pinyin_keys\n"
        "assert pinyin_keys('乐清市') == ('yueqingshi leqingshi', 'yqs lqs')\n"
        "assert 'pypinyin' not in sys.modules, 'pypinyin was imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@settings(max_examples=400, deadline=None)
@given(han_run)
def test_segments_are_pypinyins(run: str) -> None:
    assert readings().segments(run) == mmseg_cut(run)


def test_a_run_ending_inside_a_phrase_is_cut_into_characters() -> None:
    """mmseg's corner: the rest of the run is only the start of a longer phrase."""
    starts = {p[:size] for p in readings().sorted[::3] for size in range(3, len(p))}
    assert len(starts) > 5000
    assert [r for r in starts if readings().segments(r) != mmseg_cut(r)] == []
    # 一块石头 starts 一块石头落了地 and starts no phrase: every character alone, 石头 too.
    assert readings().segments("一块石头") == mmseg_cut("一块石头") == ["一", "块", "石", "头"]
    assert readings().segments("有限公") == mmseg_cut("有限公") == ["有限", "公"]
