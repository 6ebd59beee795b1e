"""科技副总年度考核材料: the expert, the term, the visits, the cases, a blank rating table."""

from __future__ import annotations

import io

from dispatch_app.reports.assessment_pack import build_assessment_pack
from dispatch_app.store import report_rows
from support.pdf import pdf_pages


def test_pack_per_appointment(demo_store):
    ids = report_rows.appointment_ids(demo_store, year=2026)
    packs = report_rows.appointments(demo_store, ids)
    with_visits = [a for a in packs if a["visits"]][:2]
    with_cases = [a for a in packs if a["cases"]][:1]
    chosen = with_visits + with_cases
    assert chosen
    out = io.BytesIO()
    result = build_assessment_pack(
        out, chosen, year=2026, district="乐清市", printed_on="2026年11月20日"
    )
    pages = pdf_pages(out.getvalue())
    assert result.pages == len(pages)
    starts = [i for i, t in enumerate(pages) if "（2026年度）" in t]
    assert len(starts) == len(chosen)
    for a, first in zip(chosen, starts, strict=True):
        end = starts[starts.index(first) + 1] if first != starts[-1] else len(pages)
        text = "".join(pages[first:end]).replace("\n", "")
        assert a["expert"] in text and a["enterprise"] in text
        assert f"任期内入企服务 {len(a['visits'])} 次" in text
        assert "未填写：服务时长" in text  # hours are not recorded: said, not zero
        for c in a["cases"]:
            assert c["title"] in text
        assert "考核等次" in text and "派出单位意见" in text
