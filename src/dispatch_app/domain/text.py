"""Text clean-up shared by every parser: what people paste from Word, WeChat and Excel.

Full-width ASCII (typed with a Chinese IME), zero-width characters (copied from web pages and
chat apps) and stray spaces would otherwise make equal values compare unequal.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

from .pinyin_table import BY_CHARACTER, POLYPHONIC

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
    """The readings of ``resources/pinyin/readings.tsv`` (pypinyin's own tables, trimmed to
    what the keys read, see ``pinyin_table``): a character or phrase costs a dict look-up, and
    pypinyin itself is never imported (its import took ~0.25 s of every import process).

    Segmentation is pypinyin's forward maximum matcher (``pypinyin.seg.mmseg.seg``, strict
    mode, as ``pypinyin.pinyin()`` uses it), reproduced in :meth:`run`.
    """

    def __init__(self) -> None:
        from .pinyin_table import load

        # phrase → "syl syl …" ("?": read by character); character → "syl" ("syl*": it has
        # other readings); first two characters of phrases → "4,3" (their lengths).
        self.phrases, self.chars, self.heads = load()
        self.sorted = list(self.phrases)  # the file lists them in code-point order
        self.lengths: dict[str, tuple[int, ...]] = {}
        self.words: dict[str, _Spelt] = {}

    def char(self, ch: str) -> tuple[str, bool] | None:
        """(reading out of context, polyphonic?) of one character; None when unknown."""
        found = self.chars.get(ch)
        if found is None:
            return None
        if found[-1] == POLYPHONIC:
            return found[:-1], True
        return found, False

    def word(self, word: str) -> _Spelt:
        """One segment spelt (see ``_Spelt``); characters without a reading are left out, as
        ``errors="ignore"`` does, and make it incomplete."""
        try:
            return self.words[word]
        except KeyError:
            pass
        pairs: list[tuple[str, str]] = []  # (phrase-aware, everyday) per character
        complete = True
        phrase = self.phrases.get(word)
        if phrase is None or phrase == BY_CHARACTER:
            for ch in word:
                one = self.char(ch)
                if one is None:
                    complete = False
                else:
                    pairs.append((one[0], one[0]))
        else:
            for ch, syl in zip(word, phrase.split(" "), strict=True):
                one = self.char(ch)
                pairs.append((syl, one[0] if one is not None and one[1] else syl))
        found = (
            "".join(s for s, _ in pairs),
            "".join(s[0] for s, _ in pairs),
            "".join(e for _, e in pairs),
            "".join(e[0] for _, e in pairs),
            complete,
        )
        if len(self.words) < 200_000:
            self.words[word] = found
        return found

    def _is_prefix(self, text: str) -> bool:
        """Whether some phrase starts with ``text`` (mmseg's prefix set, without building it:
        a binary search in the sorted phrases)."""
        at = bisect_left(self.sorted, text)
        return at < len(self.sorted) and self.sorted[at].startswith(text)

    def segments(self, run: str) -> list[str]:
        """A Han run cut as ``pypinyin.pinyin()`` cuts it.

        That is mmseg's strict forward maximum matching: from the current position it grows
        the text while it is the prefix of some phrase and takes the longest phrase among
        those prefixes — which is the longest phrase the rest starts with, since every phrase
        is in the prefix set and the set is closed under prefixes. With no phrase there it
        takes one character and goes on, unless the whole rest is some phrase's prefix: then
        it takes every character alone and stops.
        """
        out: list[str] = []
        heads, phrases = self.heads, self.phrases
        at, end = 0, len(run)
        while at < end:
            start = run[at : at + 2]
            lengths = self.lengths.get(start)
            if lengths is None and start in heads:  # the phrases starting so, longest first
                lengths = self.lengths[start] = tuple(map(int, heads[start].split(",")))
            if lengths is not None:
                left = end - at
                for size in lengths:  # longest first
                    if size <= left and run[at : at + size] in phrases:
                        out.append(run[at : at + size])
                        at += size
                        break
                else:
                    if 2 < left <= lengths[0] and self._is_prefix(run[at:]):
                        out += run[at:]
                        return out
                    out.append(run[at])
                    at += 1
                continue
            # No phrase of two or more characters starts here: one character (a phrase of
            # one, or not, reads the same), and the rest is no phrase's prefix either.
            out.append(run[at])
            at += 1
        return out

    def run(self, run: str) -> _Spelt:
        """A Han run spelt: its segments' spellings joined."""
        word = self.word
        parts = [word(w) for w in self.segments(run)]
        if len(parts) == 1:
            return parts[0]
        return (
            "".join(p[0] for p in parts),
            "".join(p[1] for p in parts),
            "".join(p[2] for p in parts),
            "".join(p[3] for p in parts),
            all(p[4] for p in parts),
        )


# A segment or run spelt: (phrase-aware syllables, their initials, everyday syllables, their
# initials, whether every character had a reading).
_Spelt = tuple[str, str, str, str, bool]
_readings: _Readings | None = None


@lru_cache(maxsize=65536)
def pinyin_keys(name: str) -> tuple[str, str]:
    """``(full, initials)`` search keys for a Chinese name, both lowercase and tone-less.

    温州大学 → ("wenzhoudaxue", "wzdx"). Latin letters and digits are kept (lowercased) in both
    keys; punctuation and spaces are dropped. When a polyphonic character is read by its phrase,
    the name also gets the characters' everyday readings, after a space: 乐清市 →
    ("yueqingshi leqingshi", "yqs lqs"), so both ``yqs`` and ``lqs`` find it; sorting uses the
    first (phrase-aware) reading.
    The readings are loaded at the first call (~40 ms), which start-up should not pay for.
    """
    global _readings
    if _readings is None:
        _readings = _Readings()
    table = _readings
    # A pinyin syllable contributes its first letter to the initials, a Latin/digit run
    # contributes itself. The phrase-aware reading, then each character's common reading,
    # context ignored (a polyphonic character read by its phrase, 乐清: yue, is often typed by
    # its everyday reading, le).
    full: list[str] = []
    full_initials: list[str] = []
    alt: list[str] = []
    alt_initials: list[str] = []
    for run in _CJK_RUN.findall(normalize_text(name).lower()):
        if not _CJK_RUN_ONLY.match(run):
            kept = "".join(ch for ch in run if ch.isascii() and ch.isalnum())
            if kept:
                full.append(kept)
                full_initials.append(kept)
                alt.append(kept)
                alt_initials.append(kept)
            continue
        spelt, initials, everyday, everyday_initials, complete = table.run(run)
        full.append(spelt)
        full_initials.append(initials)
        if complete:
            alt.append(everyday)
            alt_initials.append(everyday_initials)
        else:  # a character pypinyin does not know: no variant
            alt.append(spelt)
            alt_initials.append(initials)
    first = ("".join(full), "".join(full_initials))
    second = ("".join(alt), "".join(alt_initials))
    if first == second:
        return first
    return (
        " ".join(dict.fromkeys((first[0], second[0]))),
        " ".join(dict.fromkeys((first[1], second[1]))),
    )
