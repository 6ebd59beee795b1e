"""Typesetter.cell: plain strings only where they are safe (one line, every glyph in Song)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from dispatch_app.reports.layout import Typesetter


def test_a_short_value_is_a_plain_string():
    ts = Typesetter()
    assert ts.cell("温州市鹿城区", "所在地区", "here", 40 * mm) == "温州市鹿城区"
    assert ts.gaps == {} and ts.check.warnings() == []


def test_a_value_too_wide_wraps_as_a_paragraph():
    ts = Typesetter()
    long = "浙江省温州市鹿城区五马街道解放北路一百二十三号科技大厦十六楼"
    assert isinstance(ts.cell(long, "企业地址", "here", 40 * mm), Paragraph)
    assert ts.cell(long, "企业地址", "here", 200 * mm) == long


def test_an_empty_value_is_a_named_gap_and_counted():
    ts = Typesetter()
    cell = ts.cell("  ", "联系电话", "here", 40 * mm)
    assert isinstance(cell, Paragraph) and "未填写：联系电话" in cell.text
    assert ts.gaps == {"联系电话": 1}


def test_a_character_outside_the_fonts_is_still_reported():
    ts = Typesetter()
    odd = "王\U0002a6a5"  # an extension-B character neither face holds
    cell = ts.cell(odd, "联系人", "第 1 份", 40 * mm)
    assert isinstance(cell, Paragraph)
    assert any("U+2A6A5" in w for w in ts.check.warnings())
