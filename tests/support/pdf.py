"""Reading generated PDFs in tests: page text, embedded fonts, a rendered page."""

from __future__ import annotations

import io


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page."""
    from pypdf import PdfReader

    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages]


def embedded_fonts(data: bytes) -> dict[str, bool]:
    """Base font name → whether its file is embedded, over every page."""
    from pypdf import PdfReader

    out: dict[str, bool] = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            desc = font.get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            out[str(font["/BaseFont"])] = "/FontFile2" in desc
    return out


def ink_ratio(data: bytes, page: int = 0, scale: float = 0.5) -> float:
    """Share of non-white pixels of a page rendered with pdfium (0.0 = blank)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        image = doc[page].render(scale=scale, grayscale=True).to_pil()
    finally:
        doc.close()
    histogram = image.histogram()  # 256 grey levels
    return sum(histogram[:200]) / sum(histogram)
