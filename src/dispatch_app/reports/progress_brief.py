"""工作推进会简报: the progress dashboard on paper.

Every figure comes from ``progress.dashboard()`` (the window and the command line show the
same ones); this module only sets them: the year's totals against the targets, the district
ranking, the monthly trend as two charts (reportlab graphics), and the follow-ups flagged for
coordination, grouped by district.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby
from typing import IO, TYPE_CHECKING

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from .common import cn_date, issuer
from .fonts import HEI, SONG
from .layout import BLOCK_W, TABLE_SIZE, BuildResult, DocInfo, Typesetter, build, table

if TYPE_CHECKING:
    from ..progress import Dashboard, Figure

DOC_TITLE = "工作推进会简报"
DONE_COLOUR = colors.Color(0.16, 0.36, 0.62)
PLAN_COLOUR = colors.Color(0.65, 0.75, 0.88)
EXPECTED_COLOUR = colors.Color(0.75, 0.2, 0.2)


def _status(status: str) -> str:
    from ..progress.pacing import status_label

    return status_label(status)


def _pct(fig: Figure) -> str:
    return f"{fig.ratio * 100:.1f}%" if fig.target else "—"


def _n(value: float) -> str:
    return f"{round(value):,}"


def _summary(ts: Typesetter, d: Dashboard) -> list:
    v, a = d.visits, d.appointments
    p = ts.para
    text = (
        f"截至{cn_date(d.as_of)}，{d.scope_name}科技轻骑队入企服务{_n(v.done)}家次，"
        f"年度目标{_n(v.target)}家次，完成{_pct(v)}；按进度应完成{_n(v.expected)}家次，"
        f"进度{_status(v.status)}。按近四周每周{v.per_week_recent:.1f}家次的速度，"
        f"预计年底完成{_n(v.forecast_year_end)}家次"
        + (f"，尚差{_n(v.gap)}家次，需每周完成{v.per_week_needed:.1f}家次。" if v.gap > 0 else "。")
        + f"已选派科技副总{_n(a.done)}名，年度目标{_n(a.target)}名，完成{_pct(a)}，"
        f"进度{_status(a.status)}；另有拟派{_n(a.pipeline)}名。服务企业{_n(d.enterprises)}家，"
        f"计划中的入企服务{_n(v.pipeline)}家次。"
    )
    head = [
        p(t, "table_head")
        for t in ("指标", "年度目标", "已完成", "完成率", "按进度应完成", "进度", "预计年底")
    ]
    rows = [head]
    for label, fig in (("入企服务（家次）", v), ("科技副总（名）", a)):
        rows.append(
            [p(label, "table")]
            + [
                p(x, "table_num")
                for x in (_n(fig.target), _n(fig.done), _pct(fig), _n(fig.expected))
            ]
            + [p(_status(fig.status), "table"), p(_n(fig.forecast_year_end), "table_num")]
        )
    widths = [34 * mm, 20 * mm, 18 * mm, 18 * mm, 26 * mm, 16 * mm]
    widths.append(BLOCK_W - sum(widths))
    return [p("一、总体进展", "h1"), p(text, "body"), Spacer(1, 2 * mm), table(rows, widths)]


def _ranking(ts: Typesetter, d: Dashboard) -> list:
    p = ts.para
    head = [
        p(t, "table_head")
        for t in (
            "序号",
            "地区",
            "服务目标",
            "已完成",
            "完成率",
            "应完成",
            "进度",
            "科技副总",
            "服务企业",
        )
    ]
    rows = [head]
    for i, r in enumerate(d.districts, 1):
        where = f"排名表 · {r.name}"
        rows.append(
            [
                p(str(i), "table_num"),
                p(r.name, "table", where),
                p(_n(r.visits.target), "table_num"),
                p(_n(r.visits.done), "table_num"),
                p(_pct(r.visits), "table_num"),
                p(_n(r.visits.expected), "table_num"),
                p(_status(r.visits.status), "table"),
                p(f"{_n(r.appointments.done)}/{_n(r.appointments.target)}", "table_num"),
                p(_n(r.enterprises), "table_num"),
            ]
        )
    widths = [12 * mm, 32 * mm, 18 * mm, 16 * mm, 16 * mm, 16 * mm, 14 * mm, 18 * mm]
    widths.append(BLOCK_W - sum(widths))
    if len(rows) == 1:
        return [p("二、各地进展", "h1"), p("没有地区数据。", "body")]
    return [p("二、各地进展", "h1"), table(rows, widths)]


def _legend(x: float, y: float, items: list[tuple[colors.Color, str]]) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName, legend.fontSize = SONG, 9
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 70
    legend.colorNamePairs = items
    return legend


def _monthly_chart(d: Dashboard) -> Drawing:
    """Bars: visits done and planned per month."""
    w, h = BLOCK_W, 62 * mm
    drawing = Drawing(w, h)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 36, 28, w - 50, h - 56
    chart.data = [[m.done for m in d.trend], [m.planned for m in d.trend]]
    chart.categoryAxis.categoryNames = [f"{m.month}月" for m in d.trend]
    chart.categoryAxis.style = "stacked"
    chart.bars[0].fillColor, chart.bars[1].fillColor = DONE_COLOUR, PLAN_COLOUR
    chart.bars.strokeColor = None
    for axis in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis.fontName, axis.fontSize = SONG, 9
    chart.valueAxis.valueMin = 0
    drawing.add(chart)
    drawing.add(String(0, h - 10, "每月入企服务（家次）", fontName=HEI, fontSize=TABLE_SIZE - 1))
    drawing.add(_legend(w - 150, h - 6, [(DONE_COLOUR, "已完成"), (PLAN_COLOUR, "计划")]))
    return drawing


def _cumulative_chart(d: Dashboard) -> Drawing:
    """Lines: cumulative visits against where the target line stands at each month's end."""
    w, h = BLOCK_W, 62 * mm
    drawing = Drawing(w, h)
    plot = LinePlot()
    plot.x, plot.y, plot.width, plot.height = 44, 28, w - 58, h - 56
    done = [(m.month, m.cumulative) for m in d.trend if m.cumulative is not None]
    expected = [(m.month, m.expected_cumulative) for m in d.trend]
    plot.data = [done or [(1, 0)], expected]
    plot.lines[0].strokeColor, plot.lines[0].strokeWidth = DONE_COLOUR, 1.8
    plot.lines[1].strokeColor, plot.lines[1].strokeWidth = EXPECTED_COLOUR, 1
    plot.lines[1].strokeDashArray = (3, 2)
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = 1, 12
    plot.xValueAxis.valueSteps = list(range(1, 13))
    plot.xValueAxis.labelTextFormat = "%d月"
    plot.yValueAxis.valueMin = 0
    for axis in (plot.xValueAxis.labels, plot.yValueAxis.labels):
        axis.fontName, axis.fontSize = SONG, 9
    drawing.add(plot)
    drawing.add(
        String(0, h - 10, "累计完成与目标进度线（家次）", fontName=HEI, fontSize=TABLE_SIZE - 1)
    )
    drawing.add(
        _legend(w - 150, h - 6, [(DONE_COLOUR, "累计完成"), (EXPECTED_COLOUR, "按进度应完成")])
    )
    return drawing


def _trend(ts: Typesetter, d: Dashboard) -> list:
    if not d.trend:
        return []
    return [
        KeepTogether([ts.para("三、月度趋势", "h1"), _monthly_chart(d)]),
        Spacer(1, 3 * mm),
        _cumulative_chart(d),
    ]


def _meeting(ts: Typesetter, d: Dashboard) -> list:
    p = ts.para
    story: list = [p("四、需协调解决的问题", "h1")]
    if not d.meeting:
        story.append(p("目前没有标记为需协调的待办事项。", "body"))
        return story
    story.append(
        p(f"各地标记为需市级协调的待办事项共{d.meeting_total}项，按地区列示如下：", "body")
    )
    items = sorted(d.meeting, key=lambda m: m.district)
    for district, group in groupby(items, key=lambda m: m.district):
        group = list(group)
        head = [p(t, "table_head") for t in ("企业", "事项", "责任人", "时限")]
        rows = [head]
        for m in group:
            where = f"需协调事项 · {m.enterprise}"
            due = cn_date(m.due_date) + ("（逾期）" if m.overdue else "")
            rows.append(
                [
                    p(m.enterprise, "table", where),
                    p(m.description, "table", where),
                    ts.field(m.owner, "责任人", where),
                    ts.field(due, "时限", where),
                ]
            )
        story.append(
            KeepTogether(
                [
                    p(f"{district or '（未填写：地区）'}（{len(group)}项）", "body_flush"),
                    table(rows, [40 * mm, 60 * mm, 28 * mm, 28 * mm]),
                ]
            )
        )
        story.append(Spacer(1, 2 * mm))
    if d.meeting_total > len(d.meeting):
        story.append(p(f"另有{d.meeting_total - len(d.meeting)}项未列出，详见系统。", "body"))
    return story


def build_progress_brief(
    target: str | IO[bytes],
    d: Dashboard,
    *,
    printed_on: str,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BuildResult:
    ts = Typesetter()
    district = None if d.scope_name == "温州市" else d.scope_name
    issued_by = issuer(district)
    story: list = [
        ts.para(f"{d.year}年度科技副总与科技轻骑队", "subtitle"),
        ts.para(DOC_TITLE, "title"),
        ts.para(f"{issued_by}　　{cn_date(d.as_of)}", "subtitle"),
        Spacer(1, 3 * mm),
        *_summary(ts, d),
        *_ranking(ts, d),
        *_trend(ts, d),
        *_meeting(ts, d),
    ]
    info = DocInfo(DOC_TITLE, issued_by, printed_on)
    return build(target, story, info, ts, progress=progress, cancelled=cancelled)
