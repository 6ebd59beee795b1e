"""The two faces every printed report embeds, and the check of every character against them.

``SONG`` (AR PL UMing CN, subset to GB 2312) sets the body, as official documents set it in a
Song/FangSong face; ``HEI`` (WenQuanYi Micro Hei, the window's font) sets titles, headings and
table heads, and catches the characters the Song subset lacks (rare name characters such as
喆 or 堃 are in Micro Hei's 20,000+ ideographs). A character neither face holds is printed as
〓 (the typesetter's mark for a missing character) and reported with where it occurred, never
dropped in silence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from xml.sax.saxutils import escape

from ..paths import CJK_FONT_SUBFONT, cjk_font, resource

SONG = "DispatchSong"
HEI = "DispatchHei"
SONG_FILE = ("fonts", "uming-gb2312.ttf")
MISSING_MARK = "〓"


@dataclass(frozen=True)
class Faces:
    """The registered faces and the code points each one can draw."""

    song: frozenset[int]
    hei: frozenset[int]

    def covers(self, face: str) -> frozenset[int]:
        return self.song if face == SONG else self.hei


@cache
def register() -> Faces:
    """Register both faces with reportlab once per process (reading a font costs ~0.3 s)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    song = TTFont(SONG, str(resource(*SONG_FILE)))
    hei = TTFont(HEI, str(cjk_font()), subfontIndex=CJK_FONT_SUBFONT)
    pdfmetrics.registerFont(song)
    pdfmetrics.registerFont(hei)
    # Bold and italic of a face map to the face itself: a <b> in markup never looks up a
    # font that is not registered.
    pdfmetrics.registerFontFamily(SONG, normal=SONG, bold=HEI, italic=SONG, boldItalic=HEI)
    pdfmetrics.registerFontFamily(HEI, normal=HEI, bold=HEI, italic=HEI, boldItalic=HEI)
    return Faces(frozenset(song.face.charToGlyph), frozenset(hei.face.charToGlyph))


@dataclass(frozen=True)
class MissingGlyph:
    char: str
    where: str

    @property
    def codepoint(self) -> str:
        return f"U+{ord(self.char):04X}"

    def __str__(self) -> str:
        return f"「{self.char}」{self.codepoint}：{self.where}"


_CONTROL = {ord(c) for c in "\t\r"}


@dataclass
class GlyphCheck:
    """Turns record text into Paragraph markup, noting characters no face can draw.

    One per document build; ``missing`` keeps the first place each character was seen.
    """

    faces: Faces = field(default_factory=register)
    missing: dict[str, MissingGlyph] = field(default_factory=dict)

    def markup(self, text: object, where: str, face: str = SONG) -> str:
        """Escaped markup for ``text``: fallback face where needed, line breaks kept."""
        value = "" if text is None else str(text)
        primary = self.faces.covers(face)
        odd = {ord(c) for c in value} - primary - _CONTROL - {10}
        if not odd:
            return escape(value).replace("\n", "<br/>")
        other = HEI if face == SONG else SONG
        secondary = self.faces.covers(other)
        out: list[str] = []
        for ch in value:
            cp = ord(ch)
            if cp not in odd:
                out.append("<br/>" if ch == "\n" else escape(ch))
            elif cp in secondary:
                out.append(f'<font face="{other}">{escape(ch)}</font>')
            else:
                self.missing.setdefault(ch, MissingGlyph(ch, where))
                out.append(MISSING_MARK)
        return "".join(out)

    def warnings(self) -> list[str]:
        """One line per missing character, in Chinese and English."""
        return [
            f"字体中没有此字符，已印为 {MISSING_MARK} / character not in the fonts, printed as "
            f"{MISSING_MARK}: {m}"
            for m in self.missing.values()
        ]
