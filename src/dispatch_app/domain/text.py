"""Text clean-up shared by every parser: what people paste from Word, WeChat and Excel.

Full-width ASCII (typed with a Chinese IME), zero-width characters (copied from web pages and
chat apps) and stray spaces would otherwise make equal values compare unequal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# Free text: full-width letters and digits become ASCII, U+3000 a space, zero-width chars go.
# Full-width punctuation （），：； is proper Chinese typography in names and prose: kept.
_ALNUM = [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]
_WIDTH_TABLE: dict[int, int | None] = {cp: cp - 0xFEE0 for cp in _ALNUM}
_WIDTH_TABLE[0x3000] = 0x20
for _zw in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF):
    _WIDTH_TABLE[_zw] = None
# Codes, numbers, dates and vocabulary: every full-width ASCII form (U+FF01..U+FF5E) folds.
_FOLD_TABLE: dict[int, int | None] = {
    **_WIDTH_TABLE,
    **{cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)},
}

_SPACE_RUN = re.compile(r"\s+")
_NEEDS_WORK = re.compile(r"[\s\uff01-\uff5e\u3000\u200b-\u200d\u2060\ufeff]")
_MULTI_SEP = re.compile(r"[、;；,，/\n\r]+")
MULTI_JOINER = "、"


def normalize_text(s: object) -> str:
    """Half-width, no zero-width characters, trimmed, single internal spaces.

    ``None`` becomes ``""``; other non-strings are ``str()``-ed, so spreadsheet cells can be
    passed straight in. Chinese punctuation (、，。) is kept: it is meaningful.
    """
    if s is None:
        return ""
    text = s if isinstance(s, str) else str(s)
    if _NEEDS_WORK.search(text) is None:
        return text  # fast path: most cells are already clean
    return _SPACE_RUN.sub(" ", text.translate(_WIDTH_TABLE)).strip()


_LINE_SPACE_RUN = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalize_token(s: object) -> str:
    """Like :func:`normalize_text`, but full-width punctuation folds to ASCII too.

    For values that are codes, numbers, dates or choices (``９１３３０３…``, ``０５７７－８８``),
    where ``（`` and ``(`` must mean the same thing.
    """
    if s is None:
        return ""
    text = s if isinstance(s, str) else str(s)
    if _NEEDS_WORK.search(text) is None:
        return text
    return _SPACE_RUN.sub(" ", text.translate(_FOLD_TABLE)).strip()


def normalize_multiline(s: object) -> str:
    """Like :func:`normalize_text` but keeps line breaks (at most one blank line in a row).

    Free text (技术需求, 发现问题, case write-ups) has paragraphs that printouts must keep.
    """
    if s is None:
        return ""
    text = (s if isinstance(s, str) else str(s)).replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_WIDTH_TABLE)
    lines = [_LINE_SPACE_RUN.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def split_multi(s: object) -> tuple[str, ...]:
    """Split a multi-valued cell (``高新技术企业、专精特新``) into clean, unique items.

    Separators: 、 ; ； , ， / and line breaks. Order is kept; later duplicates dropped.
    An iterable of strings is accepted too and each element is split the same way.
    """
    if s is None:
        return ()
    if isinstance(s, str):
        parts: Iterable[object] = _MULTI_SEP.split(s.translate(_WIDTH_TABLE))
    elif isinstance(s, Iterable):
        parts = [p for item in s for p in split_multi(item)]
    else:
        parts = _MULTI_SEP.split(str(s))
    seen: dict[str, None] = {}
    for part in parts:
        item = normalize_text(part)
        if item:
            seen.setdefault(item, None)
    return tuple(seen)


def join_multi(items: Iterable[str]) -> str:
    """The stored form of a multi-valued field: items joined by 、."""
    return MULTI_JOINER.join(items)


# Readings pypinyin gets wrong for Wenzhou place names (乐 is "yue" in 乐清/乐成).
_PHRASE_FIXES: dict[str, list[list[str]]] = {
    "乐成": [["yuè"], ["chéng"]],
    "乐清": [["yuè"], ["qīng"]],
}
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+|[^\u3400-\u9fff]+")
_CJK_RUN_ONLY = re.compile(r"[\u3400-\u9fff]")


class _Readings:
    """pypinyin's own tables, read directly: a character or phrase costs a dict look-up.

    ``pypinyin.pinyin()`` re-runs its segmenter and a per-syllable style pipeline on every
    call (~30 µs a name); the keys only need what that pipeline reads: the phrase table, the
    per-character table (first reading) and tone marks stripped. Segmentation is pypinyin's
    own forward maximum matcher (``mmseg.seg``), so phrase choices are the same.
    """

    def __init__(self) -> None:
        from pypinyin.constants import PHRASES_DICT, PINYIN_DICT
        from pypinyin.seg import mmseg
        from pypinyin.style._utils import replace_symbol_to_no_symbol

        # What ``load_phrases_dict`` does, without retraining the segmenter on all 47k phrases
        # (~150 ms): the fixes' prefixes are added to the same prefix set.
        PHRASES_DICT.update(_PHRASE_FIXES)
        mmseg.seg.train(_PHRASE_FIXES)
        self.phrases = PHRASES_DICT
        self.chars = PINYIN_DICT
        self.cut = mmseg.seg.cut
        self.plain = lru_cache(maxsize=4096)(replace_symbol_to_no_symbol)
        # ch -> (phrase-free reading, polyphonic?) ; None when pypinyin has no reading
        self.single: dict[str, tuple[str, bool] | None] = {}
        self.words: dict[str, tuple[tuple[tuple[str, str], ...], bool]] = {}

    def char(self, ch: str) -> tuple[str, bool] | None:
        """(reading out of context, polyphonic?) of one character; None when unknown."""
        try:
            return self.single[ch]
        except KeyError:
            pass
        raw = self.chars.get(ord(ch))
        found = None if not raw else (self.plain(raw.split(",", 1)[0]), "," in raw)
        self.single[ch] = found
        return found

    def word(self, word: str) -> tuple[tuple[tuple[str, str], ...], bool]:
        """(phrase-aware, everyday) readings of one segment's characters, and whether every
        character had one (unknown characters are left out, as ``errors="ignore"`` does)."""
        try:
            return self.words[word]
        except KeyError:
            pass
        out: list[tuple[str, str]] = []
        complete = True
        phrase = self.phrases.get(word)
        if phrase is None or len(phrase) != len(word):
            for ch in word:
                one = self.char(ch)
                if one is None:
                    complete = False
                else:
                    out.append((one[0], one[0]))
        else:
            for ch, readings in zip(word, phrase, strict=True):
                syl = self.plain(readings[0])
                one = self.char(ch)
                out.append((syl, one[0] if one is not None and one[1] else syl))
        found = (tuple(out), complete)
        if len(self.words) < 200_000:
            self.words[word] = found
        return found

    def run(self, run: str) -> tuple[list[tuple[str, str]], bool]:
        """The readings of a Han run, segmented as ``pypinyin.pinyin()`` segments it."""
        out: list[tuple[str, str]] = []
        complete = True
        for word in self.cut(run):
            pairs, whole = self.word(word)
            out += pairs
            complete = complete and whole
        return out, complete


_readings: _Readings | None = None


@lru_cache(maxsize=65536)
def pinyin_keys(name: str) -> tuple[str, str]:
    """``(full, initials)`` search keys for a Chinese name, both lowercase and tone-less.

    温州大学 → ("wenzhoudaxue", "wzdx"). Latin letters and digits are kept (lowercased) in both
    keys; punctuation and spaces are dropped. When a polyphonic character is read by its phrase,
    the name also gets the characters' everyday readings, after a space: 乐清市 →
    ("yueqingshi leqingshi", "yqs lqs"), so both ``yqs`` and ``lqs`` find it; sorting uses the
    first (phrase-aware) reading.
    pypinyin is imported lazily: its dictionaries take ~100 ms to load, which start-up should
    not pay for.
    """
    global _readings
    if _readings is None:
        _readings = _Readings()
    table = _readings
    # (text, is_syllable): a pinyin syllable contributes its first letter to the initials,
    # a Latin/digit run contributes itself.
    full: list[tuple[str, bool]] = []  # the phrase-aware reading
    alt: list[tuple[str, bool]] = []  # each character's own common reading, context ignored
    for run in _CJK_RUN.findall(normalize_text(name).lower()):
        if not _CJK_RUN_ONLY.match(run):
            kept = "".join(ch for ch in run if ch.isascii() and ch.isalnum())
            if kept:
                full.append((kept, False))
                alt.append((kept, False))
            continue
        pairs, complete = table.run(run)
        if not complete:  # a character pypinyin does not know: no variant
            known = [(syl, True) for syl, _ in pairs if syl]
            full += known
            alt += known
            continue
        for syl, everyday in pairs:
            full.append((syl, True))
            # A polyphonic character read by its phrase (乐清: yue) is often typed by its
            # everyday reading (le): keep that reading too.
            alt.append((everyday, True))

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
