"""The one place for page templates, type styles and the GB/T 9704-2012 measures.

Every document is a story of platypus flowables handed to :func:`build`; nothing else sets a
margin, a size or a page number. Measures (GB/T 9704-2012 党政机关公文格式):

- A4; text block (版心) 156 × 225 mm; top margin (天头) 37 mm; binding margin (订口) 28 mm,
  on the left of odd pages and the right of even ones (printed on both sides, bound left).
- Body 三号 (16 pt) Song-style, 22 lines a page (leading 225 mm / 22 ≈ 29 pt); title 二号
  (22 pt) bold, centred; tables 小四 (12 pt).
- Page numbers 四号 (14 pt) as "— 1 —", 7 mm below the text block, odd pages on the right and
  even pages on the left, one character in from the edge of the text block.
- A running header in the top margin (issuer and document name left, date right) for the
  documents that are not formal 公文 (all of ours); covers carry neither header nor number.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import IO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)
from reportlab.platypus.tables import CellStyle

from .fonts import HEI, SONG, GlyphCheck

# Chinese line-breaking rule (禁则): these never start a line. reportlab's CJK wrap lets the
# characters of its list hang in the margin instead, but the list is the Japanese one and
# lacks the full-width comma, colon, semicolon, ! and ?, so a Chinese line could start with
# "，". Extend the lists both wrap paths read (module globals, read at wrap time).
_CANNOT_START = "，：；！？”’》」』】〕％…"


def _extend_cannot_start() -> None:
    from reportlab.lib import textsplit  # one-fragment paragraphs
    from reportlab.platypus import paragraph  # several fragments (mixed faces, colours)

    for module in (textsplit, paragraph):
        missing = "".join(c for c in _CANNOT_START if c not in module.ALL_CANNOT_START)
        module.ALL_CANNOT_START += missing


_extend_cannot_start()

PAGE_W, PAGE_H = A4
TOP = 37 * mm
BINDING = 28 * mm
BLOCK_W = 156 * mm
BLOCK_H = 225 * mm
OUTER = PAGE_W - BINDING - BLOCK_W  # 26 mm
BOTTOM = PAGE_H - TOP - BLOCK_H  # 35 mm
LINES_PER_PAGE = 22

TITLE_SIZE = 22  # 二号
BODY_SIZE = 16  # 三号
PAGE_NO_SIZE = 14  # 四号
TABLE_SIZE = 12  # 小四
HEADER_SIZE = 10.5  # 五号
BODY_LEADING = BLOCK_H / LINES_PER_PAGE
TABLE_LEADING = 18
PAGE_NO_GAP = 7 * mm

GRID = colors.Color(0.25, 0.25, 0.25)
HEAD_FILL = colors.Color(0.92, 0.92, 0.92)
MISSING_COLOUR = "#b00000"


class BuildCancelled(Exception):
    """The user cancelled; nothing was written to the destination."""


@dataclass(frozen=True)
class DocInfo:
    """What the running header and the PDF's metadata say."""

    title: str  # the document's name, e.g. 入企服务记录单
    issuer: str  # e.g. 温州市鹿城区科学技术局
    date: str  # e.g. 2026年11月20日
    subject: str = ""


@dataclass
class BuildResult:
    pages: int
    warnings: list[str] = field(default_factory=list)
    gaps: dict[str, int] = field(default_factory=dict)  # empty field label -> times printed


@cache
def styles() -> dict[str, ParagraphStyle]:
    """The named paragraph styles; every document uses these and no others."""
    body = ParagraphStyle(
        "body",
        fontName=SONG,
        fontSize=BODY_SIZE,
        leading=BODY_LEADING,
        alignment=TA_JUSTIFY,
        firstLineIndent=2 * BODY_SIZE,  # 首行缩进两字
        wordWrap="CJK",
        allowWidows=0,
        allowOrphans=0,
    )
    table = ParagraphStyle(
        "table", parent=body, fontSize=TABLE_SIZE, leading=TABLE_LEADING, firstLineIndent=0
    )
    return {
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=HEI,
            fontSize=TITLE_SIZE,
            leading=TITLE_SIZE * 1.5,
            alignment=TA_CENTER,
            firstLineIndent=0,
            spaceAfter=BODY_LEADING * 0.5,
        ),
        "cover_title": ParagraphStyle(
            "cover_title",
            parent=body,
            fontName=HEI,
            fontSize=30,
            leading=48,
            alignment=TA_CENTER,
            firstLineIndent=0,
        ),
        "cover_line": ParagraphStyle(
            "cover_line", parent=body, fontName=SONG, alignment=TA_CENTER, firstLineIndent=0
        ),
        "subtitle": ParagraphStyle("subtitle", parent=body, alignment=TA_CENTER, firstLineIndent=0),
        "h1": ParagraphStyle(
            "h1",
            parent=body,
            fontName=HEI,
            firstLineIndent=0,
            alignment=TA_LEFT,
            spaceBefore=BODY_LEADING * 0.25,
            keepWithNext=1,
        ),
        "body": body,
        "body_flush": ParagraphStyle("body_flush", parent=body, firstLineIndent=0),
        "table": table,
        "table_head": ParagraphStyle("table_head", parent=table, fontName=HEI, alignment=TA_CENTER),
        "table_num": ParagraphStyle("table_num", parent=table, alignment=2),  # right
        "toc": ParagraphStyle("toc", parent=body, firstLineIndent=0, alignment=TA_LEFT),
        "small": ParagraphStyle(
            "small", parent=table, fontSize=HEADER_SIZE, leading=HEADER_SIZE * 1.5
        ),
    }


CELL_PAD = 4  # points, left and right in every table cell


def song_cells(first: tuple[int, int], last: tuple[int, int]) -> list[tuple]:
    """Table style commands: string cells in this range are record values (Typesetter.cell),
    set in the body face, left-aligned, instead of as labels."""
    return [("FONTNAME", first, last, SONG), ("ALIGN", first, last, "LEFT")]


class _Cell(CellStyle):
    """The report's cell defaults as class attributes: each cell still gets its own style
    object (later commands change it in place), but the defaults cost no style commands,
    which reportlab applies cell by cell -- some 500 assignments a visit sheet otherwise.
    A plain string cell is a fixed label of ours (never record text: that goes through
    Typesetter): set like "table_head" and drawn as one string, with no markup to parse
    nor lines to break."""

    fontname = HEI
    fontsize = TABLE_SIZE
    leading = TABLE_LEADING
    alignment = "CENTER"
    valign = "MIDDLE"
    topPadding = 3
    bottomPadding = 4
    leftPadding = CELL_PAD
    rightPadding = CELL_PAD


class _SongCell(_Cell):
    """A value column's string cells (Typesetter.cell): body face, left-aligned."""

    fontname = SONG
    alignment = "LEFT"


def table(
    rows: list[list[Flowable | str]],
    widths: list[float],
    *,
    head_rows: int = 1,
    label_col: bool = False,
    song_cols: tuple[int, ...] = (),
) -> Table:
    """A ruled table in the report style; its head repeats on every page it spans.
    ``song_cols``: columns of values whose string cells (below the head) are set as values,
    not labels."""
    styles = [
        [
            (_SongCell if c in song_cols and r >= head_rows else _Cell)(f"{r},{c}")
            for c in range(len(row))
        ]
        for r, row in enumerate(rows)
    ]
    t = Table(
        rows,
        colWidths=widths,
        repeatRows=head_rows,
        splitByRow=1,
        splitInRow=1,  # a long cell continues on the next page instead of overflowing
        hAlign="CENTER",
        cellStyles=styles,
    )
    cmds: list[tuple] = [("GRID", (0, 0), (-1, -1), 0.6, GRID)]
    if head_rows:
        cmds.append(("BACKGROUND", (0, 0), (-1, head_rows - 1), HEAD_FILL))
    if label_col:
        cmds.append(("BACKGROUND", (0, head_rows), (0, -1), HEAD_FILL))
    t.setStyle(TableStyle(cmds))
    return t


class Typesetter:
    """Paragraphs from record text through one :class:`GlyphCheck` (fallback face, missing
    characters noted, empty fields printed as named gaps)."""

    def __init__(self) -> None:
        self.check = GlyphCheck()
        self.style = styles()
        self.gaps: dict[str, int] = {}  # the empty fields printed, for the Reports page

    def para(self, text: object, style: str = "body", where: str = "") -> Paragraph:
        st = self.style[style]
        return Paragraph(self.check.markup(text, where, st.fontName), st)

    def field(self, text: object, label: str, where: str, style: str = "table") -> Paragraph:
        """The value, or a visible red 「（未填写：label）」 when it is empty."""
        value = "" if text is None else str(text).strip()
        if not value:
            return self.gap(label, style)
        return self.para(value, style, f"{where} · {label}")

    def cell(self, text: object, label: str, where: str, width: float) -> Paragraph | str:
        """A table value: a plain string when it fits one line of ``width`` points in the Song
        face with every character in that face (drawn as one string: no markup to parse, no
        lines to break -- most of a visit sheet's values), else what :meth:`field` gives.
        The table must set string cells in Song (``song_cells``)."""
        value = "" if text is None else str(text).strip()
        if (
            value
            and "\n" not in value
            and not ({ord(c) for c in value} - self.check.faces.song)
            and stringWidth(value, SONG, TABLE_SIZE) <= width - 2 * CELL_PAD
        ):
            return value
        return self.field(value, label, where)

    def gap(self, label: str, style: str = "table") -> Paragraph:
        return Paragraph(self.gap_markup(label), self.style[style])

    def raw(self, markup: str, style: str = "body") -> Paragraph:
        """A paragraph of our own markup (never record text: that goes through para())."""
        return Paragraph(markup, self.style[style])

    def gap_markup(self, label: str) -> str:
        self.gaps[label] = self.gaps.get(label, 0) + 1
        return f'<font color="{MISSING_COLOUR}">（未填写：{self.check.markup(label, "")}）</font>'

    def paragraphs(self, text: object, label: str, where: str) -> list[Paragraph]:
        """Body paragraphs, one per line of the text (so a huge field flows across pages)."""
        value = "" if text is None else str(text).strip()
        if not value:
            return [self.gap(label, "body")]
        lines = [ln.strip() for ln in value.splitlines() if ln.strip()]
        return [self.para(ln, "body", f"{where} · {label}") for ln in lines]


class _Doc(BaseDocTemplate):
    """Mirrored odd/even pages, an optional cover, progress, cancel and late page references."""

    def __init__(self, target, info: DocInfo, progress, cancelled) -> None:
        super().__init__(
            target,
            pagesize=A4,
            title=info.title,
            author=info.issuer,
            subject=info.subject or info.title,
            creator="dispatch-app",
            leftMargin=BINDING,
            rightMargin=OUTER,
            topMargin=TOP,
            bottomMargin=BOTTOM,
        )
        self.info = info
        self._progress = progress
        self._cancelled = cancelled
        self.page_refs: dict[str, int] = {}
        self.pages_done = 0
        odd = Frame(BINDING, BOTTOM, BLOCK_W, BLOCK_H, 0, 0, 0, 0, id="odd")
        even = Frame(OUTER, BOTTOM, BLOCK_W, BLOCK_H, 0, 0, 0, 0, id="even")
        self.addPageTemplates(
            [
                PageTemplate("odd", [odd], onPage=self._decorate, autoNextPageTemplate="even"),
                PageTemplate("even", [even], onPage=self._decorate, autoNextPageTemplate="odd"),
                PageTemplate("cover", [odd], autoNextPageTemplate="even"),
            ]
        )

    def _decorate(self, canv, doc) -> None:
        page = canv.getPageNumber()
        left = BINDING if page % 2 else OUTER
        right = left + BLOCK_W
        canv.saveState()
        # Running header: issuer · document on the left, date on the right, a hairline below.
        y = PAGE_H - TOP + 6 * mm
        canv.setFont(SONG, HEADER_SIZE)
        canv.setFillColor(colors.Color(0.3, 0.3, 0.3))
        canv.drawString(left, y, f"{self.info.issuer} · {self.info.title}")
        canv.drawRightString(right, y, self.info.date)
        canv.setStrokeColor(colors.Color(0.5, 0.5, 0.5))
        canv.setLineWidth(0.5)
        canv.line(left, y - 2 * mm, right, y - 2 * mm)
        # Page number: top of the digits 7 mm below the text block, one character in.
        canv.setFillColor(colors.black)
        canv.setFont(SONG, PAGE_NO_SIZE)
        baseline = BOTTOM - PAGE_NO_GAP - PAGE_NO_SIZE * 0.75
        label = f"— {page} —"
        if page % 2:
            canv.drawRightString(right - PAGE_NO_SIZE, baseline, label)
        else:
            canv.drawString(left + PAGE_NO_SIZE, baseline, label)
        canv.restoreState()

    def afterPage(self) -> None:
        self.pages_done = self.page
        if self._progress is not None:
            self._progress(self.page)
        if self._cancelled is not None and self._cancelled():
            raise BuildCancelled

    def _endBuild(self) -> None:
        # Page references (the table of contents) are forms drawn where they are used and
        # defined here, once every page number is known: one layout pass, not two.
        self._doSave = 0
        super()._endBuild()
        canv = self.canv
        for key, page in self.page_refs.items():
            canv.beginForm(_form_name(key), lowerx=-200, lowery=-20, upperx=0, uppery=40)
            canv.setFont(SONG, BODY_SIZE)
            canv.drawRightString(0, 0, str(page))
            canv.endForm()
        canv.save()


def _form_name(key: str) -> str:
    return f"pgref{key}"


class PageAnchor(Flowable):
    """Zero-size marker: records the page it lands on under ``key``."""

    width = height = 0

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        doc = self.canv._doctemplate
        doc.page_refs[self.key] = self.canv.getPageNumber()


class PageRef(Flowable):
    """The page number of a :class:`PageAnchor`, right-aligned; known only at the end."""

    def __init__(self, key: str, width: float = 14 * mm) -> None:
        super().__init__()
        self.key = key
        self.width = width
        self.height = BODY_LEADING

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.translate(self.width, self.height * 0.3)
        self.canv.doForm(_form_name(self.key))
        self.canv.restoreState()


def cover_then_body() -> list[Flowable]:
    """Flowables that end a cover page: the next page is page 2 with header and number."""
    return [NextPageTemplate("even"), PageBreak()]


def build(
    target: str | IO[bytes],
    story: list[Flowable],
    info: DocInfo,
    typesetter: Typesetter,
    *,
    cover: bool = False,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BuildResult:
    """Lay out ``story`` into ``target`` (a path or a binary file); pages and warnings back."""
    doc = _Doc(target, info, progress, cancelled)
    if cover:
        doc.pageTemplates.insert(0, doc.pageTemplates.pop())  # the first page is the cover
    doc.build(story)
    return BuildResult(
        pages=doc.pages_done, warnings=typesetter.check.warnings(), gaps=dict(typesetter.gaps)
    )
