"""The printable day schedule: A4, the shipped CJK font embedded, one table of stops.

Kept small on purpose: the layout (margins, type sizes) follows GB/T 9704's page where it
fits — 37 mm top, 28 mm binding side, a 156 mm text block, title 22 pt, table 12 pt (小四)
— and can move onto the shared ``reports`` layout when that lands. reportlab reads the
TrueType collection directly (``subfontIndex``), so no separate .ttf is shipped.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from ..exchange.writers import atomic_path
from ..paths import CJK_FONT_SUBFONT, cjk_font
from . import schedule
from .day import TeamDay

FONT = "DispatchCJK"
MM = 72 / 25.4


def _register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(cjk_font()), subfontIndex=CJK_FONT_SUBFONT))


def write_schedule_pdf(day: TeamDay, target: Path, lang: str = "zh") -> Path:
    """Write the schedule to ``target`` (temporary file, then renamed)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _register_font()
    en = lang == "en"
    s = schedule.summary(day, lang)
    title_style = ParagraphStyle("t", fontName=FONT, fontSize=22, leading=30, alignment=1)
    body = ParagraphStyle("b", fontName=FONT, fontSize=12, leading=18)
    cell = ParagraphStyle("c", fontName=FONT, fontSize=10.5, leading=13, wordWrap="CJK")
    title = escape(f"Day schedule: {s.team}" if en else f"{s.team} 走访行程")
    facts = escape(
        f"Date {s.day} · base {s.base} · {s.stops} stops · {s.km:.1f} km straight-line · "
        f"leave {s.leave}, back about {s.back} ({schedule.duration_text(s.minutes, lang)})"
        if en
        else f"日期 {s.day} · 出发地 {s.base} · 共 {s.stops} 家 · 直线里程 {s.km:.1f} 公里 · "
        f"{s.leave} 出发，约 {s.back} 返回（{schedule.duration_text(s.minutes, lang)}）"
    )
    keep = [0, 1, 3, 5, 6, 7, 8]  # No., arrive, enterprise, address, contact, phone, km
    head = [schedule.headers(lang)[i] for i in keep]
    head[-1] = "km" if en else "公里"
    data = [[Paragraph(escape(h), cell) for h in head]]
    for row in schedule.rows(day, lang):
        name = escape(row[3]) + (f"<br/><font size=8>{escape(row[9])}</font>" if row[9] else "")
        values = [escape(row[0]), row[1], name, escape(row[5]), escape(row[6]), escape(row[7])]
        data.append([Paragraph(v, cell) for v in [*values, row[8]]])
    widths = [m * MM for m in (9, 14, 43, 36, 16, 27, 11)]  # 156 mm
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    note = (
        "Times are estimates: straight-line km at {speed:g} km/h plus {stop:g} min at each stop."
        if en
        else "时间为估算：按直线里程、车速 {speed:g} 公里/小时，每家停留 {stop:g} 分钟计。"
    ).format(speed=day.settings.speed_kmh, stop=day.settings.minutes_per_stop)
    story = [
        Paragraph(title, title_style),
        Spacer(1, 4 * MM),
        Paragraph(facts, body),
        Spacer(1, 4 * MM),
        table,
        Spacer(1, 3 * MM),
        Paragraph(note, body),
    ]
    target = Path(target)
    with atomic_path(target) as tmp:
        doc = SimpleDocTemplate(
            str(tmp),
            pagesize=A4,
            topMargin=37 * MM,
            bottomMargin=35 * MM,
            leftMargin=28 * MM,
            rightMargin=26 * MM,
            title=title,
            author="dispatch-app",
        )
        doc.build(story)
    return target
