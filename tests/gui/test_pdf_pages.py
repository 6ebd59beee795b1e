"""PdfPages: pdfium pages as QImages; a closed document refuses to render instead of crashing."""

from __future__ import annotations

from datetime import date

import pytest

from dispatch_app.gui.pdf_pages import PdfPages
from dispatch_app.reports.documents import Scope, generate_bytes
from support import report_demo

demo_path = report_demo.demo_path  # the small demo database fixture of the report tests


@pytest.fixture
def pdf(demo_path):
    from dispatch_app.store import open_store

    with open_store(demo_path, readonly=True) as store:
        scope = Scope(date_from=date(2026, 5, 1), date_to=date(2026, 5, 10))
        result, data = generate_bytes(store, "visits", scope, as_of=date(2026, 11, 20))
    return result, data


def test_pages_render_at_the_asked_resolution_and_are_not_blank(qapp, pdf):
    result, data = pdf
    pages = PdfPages(data)
    assert pages.count == result.pages >= 2
    image = pages.render(1, 72)
    assert abs(image.width() - 595.3) <= 1 and abs(image.height() - 841.9) <= 1  # A4, 72 dpi
    assert image.width() * 2 - 1 <= pages.render(1, 144).width() <= image.width() * 2 + 1
    dark = sum(
        1
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
        if image.pixelColor(x, y).lightness() < 128
    )
    assert dark > 100  # text and rules, not a white page
    pages.close()
    with pytest.raises(RuntimeError):
        pages.render(0, 72)
    pages.close()  # twice is harmless
