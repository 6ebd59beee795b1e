"""The in-app preview of a generated PDF: pages one under the other, page x / y, zoom.

A 1,000-visit batch is 1,000 pages; rasterised whole at screen resolution that is gigabytes,
so the pages are placeholders of the right size and only those in (or near) view are
rendered, in a worker (``PdfPages.render`` gives QImages), and the far ones are dropped again.
The Reports page and the record pages' print dialog both use this widget.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from .i18n import tr
from .pdf_pages import PdfPages
from .workers import Task, TaskRunner

SCREEN_DPI = 96.0
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
KEEP_RENDERED = 24  # pages kept as pixmaps around the view; the rest go back to placeholders
_GAP = 12


class _PageLabel(QLabel):
    def __init__(self, index: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.index = index
        self.rendered_at: float | None = None  # the zoom of the pixmap shown, None: placeholder
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("background: white; border: 1px solid #c8ccd2; color: #999;")
        self.setText(f"— {index + 1} —")


class PdfPreview(QWidget):
    """Shows a :class:`PdfPages`; ``page_changed(current, count)`` as the view scrolls."""

    page_changed = Signal(int, int)
    rendered = Signal()  # the pages in view are drawn

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.pages: PdfPages | None = None
        self.zoom = 1.0
        self._labels: list[_PageLabel] = []
        self._rendering = False
        self._again = False
        self._generation = 0
        self._runner = TaskRunner(self)
        self._build()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.prev_button = QPushButton(tr("Previous page"), self)
        self.prev_button.setObjectName("prevPage")
        self.prev_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button = QPushButton(tr("Next page"), self)
        self.next_button.setObjectName("nextPage")
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.page_label = QLabel(self)
        self.page_label.setObjectName("pageNumber")
        self.zoom_box = QComboBox(self)
        self.zoom_box.setObjectName("zoom")
        for z in ZOOMS:
            self.zoom_box.addItem(f"{z:.0%}", z)
        self.zoom_box.setCurrentIndex(ZOOMS.index(1.0))
        self.zoom_box.currentIndexChanged.connect(
            lambda _i: self.set_zoom(self.zoom_box.currentData())
        )
        bar.addWidget(self.prev_button)
        bar.addWidget(self.next_button)
        bar.addWidget(self.page_label)
        bar.addStretch(1)
        bar.addWidget(QLabel(tr("Zoom"), self))
        bar.addWidget(self.zoom_box)
        outer.addLayout(bar)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("previewScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.StyledPanel)
        self.scroll.setStyleSheet("QScrollArea { background: #e6e8eb; }")
        self._column = QWidget()
        self._column.setStyleSheet("background: #e6e8eb;")
        self._layout = QVBoxLayout(self._column)
        self._layout.setSpacing(_GAP)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll.setWidget(self._column)
        outer.addWidget(self.scroll, 1)
        self._settle = QTimer(self)  # scrolling: render once the view rests for a moment
        self._settle.setSingleShot(True)
        self._settle.setInterval(60)
        self._settle.timeout.connect(self._render_visible)
        self.scroll.verticalScrollBar().valueChanged.connect(self._scrolled)
        self._update_bar()

    # -- content ---------------------------------------------------------------------------
    def set_document(self, pages: PdfPages | None, images: dict[int, QImage] | None = None) -> None:
        """Show ``pages``; ``images`` are pages the worker already rendered at 100 %."""
        self._generation += 1
        for label in self._labels:
            label.deleteLater()
        self._labels = []
        if self.pages is not None and self.pages is not pages:
            self.pages.close()
        self.pages = pages
        if pages is not None:
            for i in range(pages.count):
                label = _PageLabel(i, self._column)
                self._layout.addWidget(label)
                self._labels.append(label)
            self._size_labels()
            for i, image in (images or {}).items():
                if i < len(self._labels) and self.zoom == 1.0:
                    self._show_image(self._labels[i], image, 1.0)
        self.scroll.verticalScrollBar().setValue(0)
        self._update_bar()
        self._settle.start()

    def clear(self) -> None:
        self.set_document(None)

    def page_count(self) -> int:
        return self.pages.count if self.pages is not None else 0

    def _page_px(self) -> tuple[int, int]:
        w_pt, h_pt = self.pages.page_size_pt if self.pages else (595.0, 842.0)
        scale = SCREEN_DPI / 72.0 * self.zoom
        return round(w_pt * scale), round(h_pt * scale)

    def _size_labels(self) -> None:
        w, h = self._page_px()
        for label in self._labels:
            label.setFixedSize(w, h)

    def set_zoom(self, zoom: float) -> None:
        if zoom == self.zoom:
            return
        page = self.current_page()
        self.zoom = zoom
        i = self.zoom_box.findData(zoom)
        if i >= 0 and i != self.zoom_box.currentIndex():
            self.zoom_box.blockSignals(True)
            self.zoom_box.setCurrentIndex(i)
            self.zoom_box.blockSignals(False)
        self._size_labels()
        self._column.adjustSize()
        QTimer.singleShot(0, self, lambda: self.go_to(page))
        self._settle.start()

    # -- navigation ------------------------------------------------------------------------
    def current_page(self) -> int:
        """The page at the top of the view (from 0)."""
        if not self._labels:
            return 0
        step = self._page_px()[1] + _GAP
        top = self.scroll.verticalScrollBar().value()
        return max(0, min(len(self._labels) - 1, (top + step // 3) // step))

    def go_to(self, index: int) -> None:
        if not self._labels:
            return
        index = max(0, min(len(self._labels) - 1, index))
        self.scroll.verticalScrollBar().setValue(self._labels[index].y() - _GAP // 2)
        self._update_bar()

    def _scrolled(self, _value: int) -> None:
        self._update_bar()
        self._settle.start()

    def _update_bar(self) -> None:
        n = self.page_count()
        current = self.current_page()
        self.page_label.setText(tr("Page {x} / {y}").format(x=current + 1 if n else 0, y=n))
        self.prev_button.setEnabled(n > 0 and current > 0)
        self.next_button.setEnabled(n > 0 and current < n - 1)
        self.page_changed.emit(current, n)

    # -- rendering -------------------------------------------------------------------------
    def _visible(self) -> list[int]:
        if not self._labels:
            return []
        step = self._page_px()[1] + _GAP
        top = self.scroll.verticalScrollBar().value()
        height = max(self.scroll.viewport().height(), 1)
        first = max(0, top // step - 1)
        last = min(len(self._labels) - 1, (top + height) // step + 1)
        return list(range(first, last + 1))

    def pending_work(self) -> bool:
        """True while pages in view still wait for their image (screenshots wait)."""
        if self._rendering or self._settle.isActive():
            return True
        return any(self._labels[i].rendered_at != self.zoom for i in self._visible())

    def _render_visible(self) -> None:
        if self.pages is None:
            return
        if self._rendering:
            self._again = True
            return
        wanted = [i for i in self._visible() if self._labels[i].rendered_at != self.zoom]
        self._drop_far()
        if not wanted:
            self.rendered.emit()
            return
        self._rendering = True
        pages, zoom, generation = self.pages, self.zoom, self._generation
        dpi = SCREEN_DPI * zoom * self.devicePixelRatioF()

        def work(ctx: Any) -> dict[int, QImage]:
            out = {}
            for i in wanted:
                ctx.check()
                out[i] = pages.render(i, dpi)
            return out

        self._runner.run(
            Task(
                tr("Drawing the pages…"),
                work,
                on_done=lambda images: self._rendered(generation, zoom, images),
                on_error=lambda _exc: self._failed(generation, zoom, wanted),
            ),
            show_after_ms=None,
        )

    def _rendered(self, generation: int, zoom: float, images: dict[int, QImage]) -> None:
        self._rendering = False
        if generation == self._generation and zoom == self.zoom:
            for i, image in images.items():
                self._show_image(self._labels[i], image, zoom)
        self._again = False
        self._render_visible()  # what scrolled into view meanwhile; rendered() when none

    def _failed(self, generation: int, zoom: float, wanted: list[int]) -> None:
        """A page pdfium cannot draw says so (and is not asked for again at this zoom)."""
        if generation == self._generation and zoom == self.zoom:
            for i in wanted:
                self._labels[i].setText(tr("This page cannot be shown"))
                self._labels[i].rendered_at = zoom
        self._rendered(generation, zoom, {})

    def _show_image(self, label: _PageLabel, image: QImage, zoom: float) -> None:
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(image.width() / max(label.width(), 1))
        label.setPixmap(pixmap)
        label.rendered_at = zoom

    def _drop_far(self) -> None:
        """Keep memory bounded: pixmaps far from the view go back to placeholders."""
        visible = self._visible()
        if not visible:
            return
        centre = (visible[0] + visible[-1]) // 2
        shown = [lb for lb in self._labels if lb.rendered_at is not None]
        if len(shown) <= KEEP_RENDERED:
            return
        shown.sort(key=lambda lb: abs(lb.index - centre), reverse=True)
        for label in shown[: len(shown) - KEEP_RENDERED]:
            label.clear()
            label.setText(f"— {label.index + 1} —")
            label.rendered_at = None

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._settle.start()
