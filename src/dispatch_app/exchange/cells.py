"""Cell-level rules shared by readers and writers: formula neutralisation and cell text.

Formula neutralisation. Excel and WPS start a formula when a cell begins with ``= + - @``
(and tab or carriage return can smuggle one in; WPS also reacts to the full-width ``＝＋－＠``).
An export prefixes such a cell with one apostrophe ``'``, so the spreadsheet shows text and never
evaluates it. To make the scheme reversible, a cell that already begins with apostrophes followed
by a trigger character gets one more apostrophe; an import removes exactly one leading apostrophe
from any cell that starts with ``'`` + (more apostrophes) + a trigger character, and leaves every
other cell alone. So ``=1+1`` → ``'=1+1`` → ``=1+1`` and ``'=x`` → ``''=x`` → ``'=x``.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time

from ..domain.text import _WIDTH_TABLE

TRIGGERS = "=+-@\t\r＝＋－＠"
_NEEDS_GUARD = re.compile(f"'*[{re.escape(TRIGGERS)}]")
_GUARDED = re.compile(f"'+[{re.escape(TRIGGERS)}]")
_FIRST = frozenset(TRIGGERS + "'")


def neutralise(text: str) -> str:
    """The text a spreadsheet will show as text (see the module docstring)."""
    if text and text[0] in _FIRST and _NEEDS_GUARD.match(text):
        return "'" + text
    return text


def restore(text: str) -> str:
    """Undo :func:`neutralise` (an import applies this to every cell)."""
    if text and text[0] == "'" and _GUARDED.match(text):
        return text[1:]
    return text


# Every character for which str.isspace() is true, except " " and "\n": a literal, because
# computing it (a scan of all 1.1M code points) cost ~45 ms of every import and export
# process. tests/exchange/test_cells.py checks it against the computed set so it cannot drift.
OTHER_WHITESPACE = (
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# Characters normalize_text/normalize_multiline would change: other whitespace, full-width
# ASCII, the ideographic space and zero-width characters. A value without them (and without
# doubled, leading or trailing spaces) is already clean, which lets imports skip the work.
# The rest of the set is derived from the text module's own translation table.
_ODD = re.escape("".join(sorted(set(OTHER_WHITESPACE) | {chr(c) for c in _WIDTH_TABLE})))
_DIRTY_LINE = re.compile(f"[{_ODD}\n]|  |^ | $")
DIRTY_MULTI = re.compile(f"[{_ODD}]|  | \n|\n |\n\n\n|^[ \n]|[ \n]$")
# Without a space (or newline), only an odd character can make text dirty: a search for one
# character class is ~8x faster than the alternation above, and most cells hold no space.
ODD_CHAR = re.compile(f"[{_ODD}]")
_ODD_OR_NEWLINE = re.compile(f"[{_ODD}\n]")


def is_clean_line(text: str) -> bool:
    """True when ``normalize_text(text) == text`` (checked without building a new string)."""
    if " " in text:
        return _DIRTY_LINE.search(text) is None
    return _ODD_OR_NEWLINE.search(text) is None


def is_clean_multiline(text: str) -> bool:
    """True when ``normalize_multiline(text) == text``."""
    return DIRTY_MULTI.search(text) is None


def number_text(value: float | int) -> str:
    """A numeric spreadsheet cell as the text Excel shows in its formula bar.

    A spreadsheet keeps 15 significant digits: an 18-digit code typed into a number cell comes
    back as ``9.14403001922038E+17`` (or an integer with trailing zeros). We reproduce that
    form so the USCC check can name the damage instead of "check character wrong".
    """
    if isinstance(value, int):
        if abs(value) < 10**15:
            return str(value)
        value = float(value)
    if not math.isfinite(value):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if abs(value) >= 1e15:
        mantissa, exponent = f"{value:.14E}".split("E")
        return f"{mantissa.rstrip('0').rstrip('.')}E{exponent}"
    return repr(value)


def cell_text(value: object) -> str:
    """Any XLSX cell value as the text the import works with."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat()
    if isinstance(value, int | float):
        return number_text(value)
    return str(value)
