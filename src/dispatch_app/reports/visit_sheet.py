"""入企服务记录单: one visit a page, for the enterprise to sign and for the file.

A batch (a period, a district) is one PDF; each visit starts on a new page. A visit whose text
is too long for one page continues on the next (the table's cells split, the head repeats).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, PageBreak, Spacer

from .common import cn_date, issuer, visit_type
from .fonts import SONG
from .layout import BLOCK_W, BuildResult, DocInfo, Typesetter, build, table

DOC_TITLE = "入企服务记录单"
WIDTHS = [38 * mm, 52 * mm, 26 * mm, 40 * mm]  # label, value, label, value
L = WIDTHS[0]
WIDE = sum(WIDTHS[1:])  # a value spanning the three right-hand columns


def _experts(v: dict[str, Any]) -> str:
    return "、".join(
        f"{x['name']}（{x['institution']}）" if x.get("institution") else x["name"]
        for x in v["experts"]
    )


def _follow_ups(ts: Typesetter, v: dict[str, Any], where: str):
    items = v["follow_ups"]
    if not items:
        if v.get("follow_up_text"):
            return ts.cell(v["follow_up_text"], "跟进事项", where, WIDE)
        return "无"  # a plain string cell of the value column
    head = ["跟进事项", "责任人", "完成时限"]  # fixed labels: plain strings (layout.table)
    rows = [head]
    for i, f in enumerate(items, 1):
        w = f"{where} · 跟进事项 {i}"
        rows.append(
            [
                ts.para(f"{i}. {f['description']}", "table", w),
                ts.cell(f["owner"], "责任人", w, 24 * mm),
                ts.cell(cn_date(f["due_date"]), "完成时限", w, 34 * mm),
            ]
        )
    inner = BLOCK_W - L - 8
    t = table(rows, [inner - 58 * mm, 24 * mm, 34 * mm], song_cols=(1, 2))
    return t


# A field longer than this is printed after the table as flowing paragraphs (the cell points
# to it): a table cell that spans pages is laid out in quadratic time and reads badly.
LONG_FIELD = 500


def visit_story(ts: Typesetter, v: dict[str, Any], number: int) -> list:
    where = f"第 {number} 份 {v['enterprise']} {v['visit_date']}"
    p = ts.para
    annex: list = []

    def f(text: object, label: str, where: str, width: float = WIDE):
        value = "" if text is None else str(text)
        if len(value) <= LONG_FIELD:
            return ts.cell(value, label, where, width)
        annex.append(p(f"{label}（续）", "h1"))
        annex.extend(ts.paragraphs(value, label, where))
        return p(f"{value[:80]}……（全文见后附「{label}（续）」）", "table", f"{where} · {label}")

    rows = [
        ["企业名称", f(v["enterprise"], "企业名称", where), "", ""],
        [
            "统一社会信用代码",
            f(v["uscc"], "统一社会信用代码", where, WIDTHS[1]),
            "所在地区",
            f(v["district"], "所在地区", where, WIDTHS[3]),
        ],
        ["企业地址", f(v["address"], "企业地址", where), "", ""],
        [
            "联系人",
            f(v["contact_name"], "联系人", where, WIDTHS[1]),
            "联系电话",
            f(v["contact_phone"], "联系电话", where, WIDTHS[3]),
        ],
        [
            "服务日期",
            f(cn_date(v["visit_date"]), "服务日期", where, WIDTHS[1]),
            "服务类型",
            f(visit_type(v["visit_type"]), "服务类型", where, WIDTHS[3]),
        ],
        ["服务团队", f(v["team"], "服务团队", where), "", ""],
        ["服务专家", f(_experts(v), "服务专家", where), "", ""],
        ["发现的问题", f(v["problems"], "发现的问题", where), "", ""],
        ["意见建议", f(v["advice"], "意见建议", where), "", ""],
        ["跟进事项", _follow_ups(ts, v, where), "", ""],
        ["服务成效", f(v["outcome"], "服务成效", where), "", ""],
        ["企业确认人", f(v["confirmed_by"], "企业确认人", where), "", ""],
    ]
    t = table(rows, WIDTHS, head_rows=0, label_col=True, song_cols=(1, 3))
    spans = [r for r, row in enumerate(rows) if row[2] == ""]
    t.setStyle([("SPAN", (1, r), (3, r)) for r in spans])
    # Fixed text: multi-line string cells (layout.table), the blank lines are room to sign.
    sign = table(
        [
            [
                "企业意见（盖章）：\n\n负责人签字：\n\n日期：　　　　年　　月　　日",
                "服务专家签字：\n\n\n\n日期：　　　　年　　月　　日",
            ]
        ],
        [BLOCK_W / 2, BLOCK_W / 2],
        head_rows=0,
    )
    sign.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (0, 0), (-1, -1), "LEFT"),
            ("FONTNAME", (0, 0), (-1, -1), SONG),
            ("LEADING", (0, 0), (-1, -1), 18),
        ]
    )
    return [
        p(DOC_TITLE, "title"),
        p(f"编号：{v['id'][:8].upper()}", "small"),
        Spacer(1, 2 * mm),
        t,
        Spacer(1, 4 * mm),
        CondPageBreak(32 * mm),
        sign,
        *annex,
    ]


def build_visit_sheets(
    target: str | IO[bytes],
    visits: list[dict[str, Any]],
    *,
    district: str | None,
    printed_on: str,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BuildResult:
    """One page (or more, when a visit's text is long) per visit, in the order given."""
    ts = Typesetter()
    story: list = []
    for n, v in enumerate(visits, 1):
        if n > 1:
            story.append(PageBreak())
        story.extend(visit_story(ts, v, n))
    if not visits:
        story.append(ts.para("所选范围内没有入企服务记录。", "body"))
    info = DocInfo(DOC_TITLE, issuer(district), printed_on)
    return build(target, story, info, ts, progress=progress, cancelled=cancelled)
