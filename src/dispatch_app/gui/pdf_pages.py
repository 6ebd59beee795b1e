"""A PDF held in memory, its pages rasterised by pypdfium2 to QImage (preview and print).

Why pypdfium2 and not QtPdf: QtPdf ships only with PySide6-Addons (a large extra download);
pdfium is the same engine QtPdf wraps. pdfium is not thread-safe, so every call into it holds
one lock: the preview's worker, the print worker and a test may share a document.
A QImage (unlike a QPixmap) may be made in a worker thread; the preview turns it into a pixmap
on the UI thread.
"""

from __future__ import annotations

import atexit
import threading
import weakref

from PySide6.QtGui import QImage

_PDFIUM = threading.Lock()  # one lock for the library: it has global state
_OPEN: weakref.WeakSet[PdfPages] = weakref.WeakSet()
_closing_registered = False


def _close_all() -> None:
    """At exit, close what is still open (else pdfium's own exit hook warns about each)."""
    for pages in list(_OPEN):
        pages.close()


def _register_close_all() -> None:
    # Registered after pypdfium2's import, so it runs before pypdfium2's own exit hook.
    global _closing_registered
    if not _closing_registered:
        atexit.register(_close_all)
        _closing_registered = True


class PdfPages:
    """The pages of one PDF (bytes); ``render(i, dpi)`` gives page ``i`` as a QImage."""

    def __init__(self, data: bytes) -> None:
        import pypdfium2

        _register_close_all()
        self.data = data
        self._closed = False
        with _PDFIUM:
            self._doc = pypdfium2.PdfDocument(data)
            self.count = len(self._doc)
            first = self._doc[0] if self.count else None
            self.page_size_pt = first.get_size() if first is not None else (595.0, 842.0)
            if first is not None:
                first.close()
        _OPEN.add(self)

    def render(self, index: int, dpi: float) -> QImage:
        """Page ``index`` (from 0) at ``dpi``, white background, RGB32."""
        with _PDFIUM:
            if self._closed:  # a render queued before the preview moved to another document
                raise RuntimeError("the PDF was closed")
            page = self._doc[index]
            try:
                bitmap = page.render(scale=dpi / 72.0, prefer_bgrx=True)
                # BGRx bytes are QImage's RGB32 on a little-endian machine; copy() owns them.
                image = QImage(
                    bitmap.buffer,
                    bitmap.width,
                    bitmap.height,
                    bitmap.stride,
                    QImage.Format.Format_RGB32,
                ).copy()
            finally:
                page.close()
        return image

    def close(self) -> None:
        with _PDFIUM:
            if not self._closed:
                self._closed = True
                self._doc.close()
