"""入企服务记录单: one visit a page, Chinese text and fonts in the file, gaps and odd text."""

from __future__ import annotations

import io

from dispatch_app.reports.fonts import MISSING_MARK, register
from dispatch_app.reports.visit_sheet import build_visit_sheets
from dispatch_app.store import report_rows
from support.pdf import embedded_fonts, ink_ratio, pdf_pages


def _build(visits):
    out = io.BytesIO()
    result = build_visit_sheets(out, visits, district="鹿城区", printed_on="2026年11月20日")
    return result, out.getvalue()


def test_one_visit_per_page_with_its_content(demo_store):
    ids = report_rows.visit_ids(demo_store, date_from="2026-03-01", date_to="2026-03-31")
    visits = report_rows.visits(demo_store, ids)
    assert len(visits) >= 5
    result, data = _build(visits)
    pages = pdf_pages(data)
    assert result.pages == len(pages) == len(visits)
    for text, v in zip(pages, visits, strict=True):
        text = text.replace("\n", "")  # cells wrap
        assert text.count("入企服务记录单") == 2  # header and title
        assert v["enterprise"] in text
        assert v["uscc"] in text
        assert f"{int(v['visit_date'][5:7])}月" in text
        for x in v["experts"]:
            assert x["name"] in text
        for f in v["follow_ups"]:
            assert f["owner"] in text
        assert "服务专家签字" in text
    assert result.warnings == []


def test_fonts_are_embedded_and_page_is_not_blank(demo_store):
    visits = report_rows.visits(demo_store, report_rows.visit_ids(demo_store)[:2])
    _, data = _build(visits)
    fonts = embedded_fonts(data)
    cjk = {k: v for k, v in fonts.items() if "UMing" in k or "WenQuanYi" in k}
    assert any("UMing" in k for k in cjk) and any("WenQuanYi" in k for k in cjk)
    assert all(cjk.values()), fonts
    assert ink_ratio(data) > 0.01


def _visit(**overrides):
    base = {
        "id": "0123456789abcdef",
        "visit_date": "2026-05-06",
        "visit_type": "diagnosis",
        "problems": "设备老化",
        "advice": "更新产线",
        "follow_up_text": "",
        "outcome": "",
        "status": "completed",
        "confirmed_by": "",
        "district_code": "330302",
        "district": "鹿城区",
        "enterprise": "温州测试阀门有限公司",
        "uscc": "91330302MA2AAAAA0X",
        "address": "",
        "contact_name": "",
        "contact_phone": "",
        "team": None,
        "experts": [],
        "follow_ups": [],
    }
    return {**base, **overrides}


def test_empty_fields_are_named_not_blank():
    _result, data = _build([_visit()])
    text = pdf_pages(data)[0]
    for label in ("企业地址", "联系人", "服务团队", "服务专家", "服务成效", "企业确认人"):
        assert f"未填写：{label}" in text


def test_huge_text_flows_over_pages():
    problems = "\n".join(
        f"第{i}条：阀门密封面磨损导致泄漏，需更换材料并调整工艺参数。" for i in range(400)
    )
    result, data = _build([_visit(problems=problems), _visit(enterprise="第二家企业有限公司")])
    pages = pdf_pages(data)
    assert result.pages >= 4
    joined = "".join(pages).replace("\n", "")
    assert "第0条" in joined and "第399条" in joined
    assert "第二家企业有限公司" in pages[-1]


def test_rare_characters_fall_back_and_missing_ones_are_reported():
    faces = register()
    assert ord("喆") not in faces.song and ord("喆") in faces.hei
    assert ord("𠮷") not in faces.song | faces.hei
    result, data = _build([_visit(contact_name="陈喆", advice="𠮷野家的做法")])
    text = pdf_pages(data)[0]
    assert "陈喆" in text
    assert MISSING_MARK in text
    assert len(result.warnings) == 1
    assert "U+20BB7" in result.warnings[0] and "意见建议" in result.warnings[0]
