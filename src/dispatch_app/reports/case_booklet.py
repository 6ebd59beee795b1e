"""典型案例汇编: cover, table of contents, one section per approved case with its figures.

The contents' page numbers are page references resolved when the layout ends (layout.PageRef),
so the booklet is laid out once. A case with empty fields prints with the gaps named.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Spacer, Table

from .common import amount, cn_ordinal, issuer
from .layout import (
    BLOCK_H,
    BLOCK_W,
    BuildResult,
    DocInfo,
    PageAnchor,
    PageRef,
    Typesetter,
    build,
    cover_then_body,
    song_cells,
    table,
)

DOC_TITLE = "典型案例汇编"
FIGURES = [
    ("output_value_wan", "新增产值（万元）"),
    ("cost_saved_wan", "节约成本（万元）"),
    ("patents", "新增专利（件）"),
    ("new_products", "新产品（个）"),
]


def _cover(ts: Typesetter, heading: str, issued_by: str, date_text: str) -> list:
    return [
        Spacer(1, BLOCK_H * 0.22),
        ts.para(heading, "cover_title"),
        Spacer(1, 8 * mm),
        ts.para(DOC_TITLE, "cover_title"),
        Spacer(1, BLOCK_H * 0.3),
        ts.para(issued_by, "cover_line"),
        ts.para(date_text, "cover_line"),
        *cover_then_body(),
    ]


def _contents(ts: Typesetter, cases: list[dict[str, Any]]) -> list:
    rows = [
        [
            ts.para(f"{cn_ordinal(n)}、{c['title'] or '（未填写：标题）'}", "toc", "目录"),
            PageRef(c["id"]),
        ]
        for n, c in enumerate(cases, 1)
    ]
    story: list = [ts.para("目　　录", "title")]
    if rows:
        t = Table(rows, colWidths=[BLOCK_W - 16 * mm, 16 * mm], repeatRows=0)
        t.setStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, "#999999", None, (1, 2)),
            ]
        )
        story.append(t)
    return story


VALUE_W = BLOCK_W - 44 * mm  # the info table's value column


def _figures(ts: Typesetter, c: dict[str, Any], where: str) -> Table:
    head = [label for _, label in FIGURES]  # fixed labels: plain strings (layout.table)
    values = []
    for key, label in FIGURES:
        text = amount(c.get(key))
        values.append(ts.gap(label.split("（")[0]) if text is None else text)  # digits
    t = table([head, values], [BLOCK_W / 4] * 4)
    t.setStyle([*song_cells((0, 1), (-1, 1)), ("ALIGN", (0, 1), (-1, 1), "RIGHT")])
    return t


def case_story(ts: Typesetter, c: dict[str, Any], number: int) -> list:
    where = f"案例 {number}「{c['title']}」"
    p = ts.para
    expert = c.get("expert")
    who = f"{expert}（{c['institution']}）" if expert and c.get("institution") else expert
    info = table(
        [
            ["企业", ts.cell(c["enterprise"], "企业", where, VALUE_W)],
            ["所在地区", ts.cell(c["district"], "所在地区", where, VALUE_W)],
            ["所属行业", ts.cell(c["industry"], "所属行业", where, VALUE_W)],
            ["科技副总 / 服务团队", ts.cell(who, "科技副总 / 服务团队", where, VALUE_W)],
            ["年度", ts.cell(c["year"], "年度", where, VALUE_W)],
        ],
        [44 * mm, VALUE_W],
        head_rows=0,
        label_col=True,
        song_cols=(1,),
    )
    title = c["title"] or ""
    story: list = [
        PageAnchor(c["id"]),
        p(f"{cn_ordinal(number)}、{title}" if title else f"{cn_ordinal(number)}、", "title", where)
        if title
        else ts.gap("案例标题", "title"),
        info,
        Spacer(1, 4 * mm),
    ]
    for heading, key, label in (
        ("（一）基本情况", "background", "基本情况"),
        ("（二）主要做法", "measures", "主要做法"),
    ):
        story.append(p(heading, "h1"))
        story.extend(ts.paragraphs(c.get(key), label, where))
    # The figures sit under their heading, before the narrative: a table left alone at the
    # top of a page reads as if it belonged to nothing.
    story.append(
        KeepTogether([p("（三）取得成效", "h1"), _figures(ts, c, where), Spacer(1, 2 * mm)])
    )
    story.extend(ts.paragraphs(c.get("results"), "取得成效", where))
    return story


def build_case_booklet(
    target: str | IO[bytes],
    cases: list[dict[str, Any]],
    *,
    heading: str,
    district: str | None,
    printed_on: str,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BuildResult:
    """``heading`` names the set on the cover, e.g. 「2026年度科技副总」."""
    ts = Typesetter()
    issued_by = issuer(district)
    story = _cover(ts, heading, issued_by, printed_on) + _contents(ts, cases)
    for n, c in enumerate(cases, 1):
        story.append(PageBreak())
        story.extend(case_story(ts, c, n))
    if not cases:
        story.append(ts.para("所选范围内没有已审定的典型案例。", "body"))
    info = DocInfo(DOC_TITLE, issued_by, printed_on, subject=heading)
    return build(target, story, info, ts, cover=True, progress=progress, cancelled=cancelled)
