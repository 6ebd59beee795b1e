"""典型案例汇编: cover, contents with page numbers, one section per case, figures, gaps."""

from __future__ import annotations

import io
import re

from dispatch_app.reports.case_booklet import build_case_booklet
from dispatch_app.store import report_rows
from support.pdf import ink_ratio, pdf_pages


def _build(cases):
    out = io.BytesIO()
    result = build_case_booklet(
        out, cases, heading="2026年度温州市", district=None, printed_on="2026年11月20日"
    )
    return result, out.getvalue()


def test_sections_figures_and_contents(demo_store):
    cases = report_rows.cases(demo_store, report_rows.case_ids(demo_store))
    assert cases, "the demo has approved cases"
    result, data = _build(cases)
    pages = pdf_pages(data)
    assert result.pages == len(pages)
    assert "典型案例汇编" in pages[0] and "温州市科学技术局" in pages[0]
    assert "— 1 —" not in pages[0]  # the cover carries no number
    toc = pages[1].replace("\n", "")
    assert "目" in toc
    for c in cases:
        start = next(i for i, t in enumerate(pages) if c["title"] in t.replace("\n", "") and i > 1)
        # the contents give the page the case starts on
        assert re.search(re.escape(c["title"]) + rf"\s*{start + 1}", toc), (c["title"], start)
        text = pages[start].replace("\n", "") + pages[min(start + 1, len(pages) - 1)]
        assert c["enterprise"] in text
        if c["output_value_wan"] is not None:
            value = c["output_value_wan"]
            shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
            assert shown in text
    assert ink_ratio(data, page=2) > 0.01


def test_missing_fields_are_named(demo_store):
    case = report_rows.cases(demo_store, report_rows.case_ids(demo_store)[:1])[0]
    case.update(title="", background="", patents=None, industry="")
    result, data = _build([case])
    text = "".join(pdf_pages(data)).replace("\n", "")
    for label in ("案例标题", "基本情况", "新增专利", "所属行业"):
        assert f"未填写：{label}" in text
    assert result.warnings == []
