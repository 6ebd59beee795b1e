"""Print a generated PDF on a QPrinter: each page rasterised by pdfium at the printer's
resolution (capped) and drawn to fill the paper.

Qt allows a QPainter on a QPrinter in a worker thread, so a 1,000-page batch prints with a
progress bar and Cancel while the window stays responsive. The system print dialog (run on the
UI thread before) has set the printer, copies and page range.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from .pdf_pages import PdfPages

MAX_PRINT_DPI = 300  # text stays sharp; a 1200-dpi raster of A4 would be 140 MB a page


def prepare(printer: QPrinter, pages: PdfPages) -> None:
    """A4 portrait, no margins of the printer's own: the PDF carries GB/T 9704's margins."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setFromTo(1, max(pages.count, 1))


def page_range(printer: QPrinter, count: int) -> range:
    """The pages (from 0) the print dialog asked for; all when it asked for no range."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        return range(count)
    return range(max(first, 1) - 1, min(last, count))


def print_pages(
    pages: PdfPages,
    printer: QPrinter,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Paint the chosen pages; returns how many were printed. ``progress`` may raise to
    cancel (the worker's ``ctx.report``): the job is then aborted, nothing half-printed."""
    which = page_range(printer, pages.count)
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started / 无法启动打印机")
    done = 0
    try:
        for n, index in enumerate(which):
            if progress is not None:
                progress(n, len(which))
            if n:
                printer.newPage()
            image = pages.render(index, dpi)
            target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
            painter.drawImage(target, image)
            done += 1
    except BaseException:
        printer.abort()
        painter.end()
        raise
    painter.end()
    if progress is not None:
        progress(len(which), len(which))
    return done
