"""工作推进会简报: the dashboard's own figures on paper, the chart drawn, the meeting list."""

from __future__ import annotations

import io
from datetime import date

from dispatch_app.progress import dashboard
from dispatch_app.reports.progress_brief import build_progress_brief
from support.pdf import ink_ratio, pdf_pages


def test_brief_prints_the_dashboard(demo_store):
    board = dashboard(demo_store, 2026, as_of=date(2026, 11, 20))
    out = io.BytesIO()
    result = build_progress_brief(out, board, printed_on="2026年11月20日")
    pages = pdf_pages(out.getvalue())
    assert result.pages == len(pages)
    text = "".join(pages).replace("\n", "")
    v = board.visits
    assert f"入企服务{v.done:,}家次" in text
    assert f"年度目标{v.target:,}家次" in text
    assert f"预计年底完成{v.forecast_year_end:,}家次" in text
    for row in board.districts:
        assert row.name in text
    assert "每月入企服务" in text and "累计完成与目标进度线" in text  # chart titles
    for item in board.meeting:
        assert item.enterprise in text
    assert f"共{board.meeting_total}项" in text
    assert all(ink_ratio(out.getvalue(), page=i) > 0.005 for i in range(len(pages)))


def test_district_brief_is_issued_by_the_district(demo_store):
    board = dashboard(demo_store, 2026, as_of=date(2026, 11, 20), scope="330382")
    out = io.BytesIO()
    build_progress_brief(out, board, printed_on="2026年11月20日")
    first = pdf_pages(out.getvalue())[0]
    assert "温州市乐清市科学技术局" in first
