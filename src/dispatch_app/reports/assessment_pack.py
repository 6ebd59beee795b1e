"""科技副总年度考核材料: what the annual assessment of a seconded expert asks for.

Per appointment: the expert and the enterprise, the term, the visits the expert made there in
the term, the problems raised and the follow-ups closed, the outcomes, the cases drawn from the
appointment, and a blank rating table with the opinions and signatures the assessment needs.
Service hours are not recorded in the database: the pack says so rather than printing a zero.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Spacer

from .common import amount, appointment_status, cn_date, issuer, visit_type
from .layout import BLOCK_W, BuildResult, DocInfo, Typesetter, build, table

DOC_TITLE = "科技副总年度考核材料"
RATING_ITEMS = [
    ("入企服务", "按期入企、服务频次与时长", "20"),
    ("解决技术难题", "诊断问题、提出方案、跟进落实", "30"),
    ("项目合作与成果", "合作项目、专利、新产品、经济效益", "30"),
    ("企业评价", "企业对服务的满意程度", "20"),
]
W4 = [38 * mm, 48 * mm, 26 * mm, BLOCK_W - 112 * mm]


def _profile(ts: Typesetter, a: dict[str, Any], where: str):
    p, f = ts.para, ts.field
    term = f"{cn_date(a['start_date'])} 至 {cn_date(a['end_date'])}"
    rows = [
        [
            p("姓名", "table_head"),
            f(a["expert"], "姓名", where),
            p("职称", "table_head"),
            f(a["title"], "职称", where),
        ],
        [p("工作单位", "table_head"), f(a["institution"], "工作单位", where), "", ""],
        [p("服务企业", "table_head"), f(a["enterprise"], "服务企业", where), "", ""],
        [
            p("统一社会信用代码", "table_head"),
            f(a["uscc"], "统一社会信用代码", where),
            p("所在地区", "table_head"),
            f(a["district"], "所在地区", where),
        ],
        [p("选派期限", "table_head"), f(term, "选派期限", where), "", ""],
        [
            p("选派批次", "table_head"),
            f(f"{a['batch_year']}年", "选派批次", where),
            p("状态", "table_head"),
            f(appointment_status(a["status"]), "状态", where),
        ],
        [p("岗位职责", "table_head"), f(a["duties"], "岗位职责", where), "", ""],
    ]
    t = table(rows, W4, head_rows=0, label_col=True)
    t.setStyle([("SPAN", (1, r), (3, r)) for r, row in enumerate(rows) if row[2] == ""])
    return t


def _visits(ts: Typesetter, a: dict[str, Any], where: str) -> list:
    visits = a["visits"]
    items = sum(v["follow_ups"] for v in visits)
    closed = sum(v["closed"] for v in visits)
    p = ts.para
    story = [
        p("一、服务情况", "h1"),
        p(
            f"任期内入企服务 {len(visits)} 次；提出跟进事项 {items} 项，已办结 {closed} 项。",
            "body",
        ),
        ts.raw(
            f"服务时长：{ts.gap_markup('服务时长，数据库不登记工时，请据实填写')}＿＿＿＿小时。"
        ),
    ]
    if visits:
        rows = [[p(t, "table_head") for t in ("日期", "类型", "发现的问题", "成效")]]
        for i, v in enumerate(visits, 1):
            w = f"{where} · 第 {i} 次服务"
            rows.append(
                [
                    p(v["visit_date"], "table"),
                    p(visit_type(v["visit_type"]), "table"),
                    ts.field(v["problems"], "发现的问题", w),
                    ts.field(v["outcome"], "成效", w),
                ]
            )
        story.append(table(rows, [26 * mm, 22 * mm, 54 * mm, BLOCK_W - 102 * mm]))
    return story


def _results(ts: Typesetter, a: dict[str, Any], where: str) -> list:
    p = ts.para
    story: list = [p("二、取得成效与典型案例", "h1")]
    cases = a["cases"]
    if not cases:
        story.append(p("任期内尚无典型案例。", "body"))
        return story
    rows = [
        [
            p(t, "table_head")
            for t in ("案例", "新增产值（万元）", "节约成本（万元）", "专利", "新产品")
        ]
    ]
    for c in cases:
        w = f"{where} · 案例「{c['title']}」"
        rows.append(
            [ts.field(c["title"], "案例标题", w)]
            + [
                ts.gap(label) if amount(c[k]) is None else p(amount(c[k]), "table_num")
                for k, label in (
                    ("output_value_wan", "新增产值"),
                    ("cost_saved_wan", "节约成本"),
                    ("patents", "专利"),
                    ("new_products", "新产品"),
                )
            ]
        )
    story.append(table(rows, [BLOCK_W - 104 * mm, 30 * mm, 30 * mm, 22 * mm, 22 * mm]))
    return story


def _rating(ts: Typesetter) -> list:
    p = ts.para
    rows = [[p(t, "table_head") for t in ("考核项目", "考核内容", "分值", "得分")]]
    rows += [[p(a, "table"), p(b, "table"), p(c, "table_num"), ""] for a, b, c in RATING_ITEMS]
    rows.append([p("合计", "table_head"), "", p("100", "table_num"), ""])
    rating = table(rows, [34 * mm, BLOCK_W - 90 * mm, 24 * mm, 32 * mm])
    rating.setStyle([("SPAN", (0, len(rows) - 1), (1, len(rows) - 1))])
    grade = p("考核等次：□优秀　□合格　□基本合格　□不合格", "body_flush")
    blank = Spacer(1, 9 * mm)
    opinions = table(
        [
            [p(t, "table_head"), [blank, p("（盖章）　　　　年　　月　　日", "table_num")]]
            for t in ("企业意见", "派出单位意见", "县（市、区）科技局意见")
        ],
        [44 * mm, BLOCK_W - 44 * mm],
        head_rows=0,
        label_col=True,
    )
    return [
        KeepTogether([p("三、年度考核评价", "h1"), rating, Spacer(1, 2 * mm), grade]),
        Spacer(1, 2 * mm),
        KeepTogether(opinions),
    ]


def assessment_story(ts: Typesetter, a: dict[str, Any], year: int | None) -> list:
    where = f"{a['expert']} · {a['enterprise']}"
    return [
        ts.para(DOC_TITLE, "title"),
        ts.para(f"（{year or a['batch_year']}年度）", "subtitle"),
        _profile(ts, a, where),
        *_visits(ts, a, where),
        *_results(ts, a, where),
        *_rating(ts),
    ]


def build_assessment_pack(
    target: str | IO[bytes],
    appointments: list[dict[str, Any]],
    *,
    year: int | None,
    district: str | None,
    printed_on: str,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BuildResult:
    """One pack per appointment, each starting on a new page."""
    ts = Typesetter()
    story: list = []
    for n, a in enumerate(appointments):
        if n:
            story.append(PageBreak())
        story.extend(assessment_story(ts, a, year))
    if not appointments:
        story.append(ts.para("所选范围内没有在岗或期满的科技副总。", "body"))
    info = DocInfo(DOC_TITLE, issuer(district), printed_on)
    return build(target, story, info, ts, progress=progress, cancelled=cancelled)
