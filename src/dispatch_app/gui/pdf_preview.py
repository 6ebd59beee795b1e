"""The in-app preview of a generated PDF: pages one under the other, page x / y, zoom.

A 1,000-visit batch is 1,000 pages; rasterised whole at screen resolution that is gigabytes,
so the pages are placeholders of the right size and only those in (or near) view are
rendered, in a worker (``PdfPages.render`` gives QImages), and the far ones are dropped again.
The Reports page and the record pages' print dialog both use this widget.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
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


class _PageColumn(QWidget):
    """All the pages one under the other, painted by hand: only those in the exposed rectangle
    are drawn (thousands of child widgets in a layout take seconds to lay out)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = 0
        self.page_w = self.page_h = 1
        self.images: dict[int, QPixmap] = {}  # page -> pixmap at the current zoom
        self.notes: dict[int, str] = {}  # page -> why it shows no image

    def set_pages(self, count: int, page_w: int, page_h: int) -> None:
        self.count, self.page_w, self.page_h = count, page_w, page_h
        self.setFixedSize(page_w + 2 * _GAP, max(count * (page_h + _GAP) + _GAP, 1))
        self.update()

    def top_of(self, index: int) -> int:
        return _GAP + index * (self.page_h + _GAP)

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        area = event.rect()
        painter.fillRect(area, QColor("#e6e8eb"))
        if not self.count:
            return
        step = self.page_h + _GAP
        first = max(0, (area.top() - _GAP) // step)
        last = min(self.count - 1, area.bottom() // step)
        painter.setPen(QColor("#c8ccd2"))
        for i in range(first, last + 1):
            rect = QRect(_GAP, self.top_of(i), self.page_w, self.page_h)
            painter.fillRect(rect, Qt.GlobalColor.white)
            pixmap = self.images.get(i)
            if pixmap is not None:
                painter.drawPixmap(rect, pixmap)
            else:
                painter.setPen(QColor("#999999"))
                painter.drawText(
                    rect, Qt.AlignmentFlag.AlignCenter, self.notes.get(i, f"— {i + 1} —")
                )
                painter.setPen(QColor("#c8ccd2"))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.end()


class PdfPreview(QWidget):
    """Shows a :class:`PdfPages`; ``page_changed(current, count)`` as the view scrolls."""

    page_changed = Signal(int, int)
    rendered = Signal()  # the pages in view are drawn

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.pages: PdfPages | None = None
        self.zoom = 1.0
        self._rendered_at: dict[int, float] = {}  # page -> zoom of its image (or of its note)
        self._rendering = False
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
        self.scroll.setWidgetResizable(False)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll.setFrameShape(QFrame.Shape.StyledPanel)
        self.scroll.setStyleSheet("QScrollArea { background: #e6e8eb; }")
        self.column = _PageColumn()
        self.column.set_pages(0, *self._page_px())
        self.scroll.setWidget(self.column)
        self.scroll.verticalScrollBar().setSingleStep(40)
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
        if self.pages is not None and self.pages is not pages:
            self.pages.close()
        self.pages = pages
        self._rendered_at.clear()
        self.column.images.clear()
        self.column.notes.clear()
        self.column.set_pages(self.page_count(), *self._page_px())
        if self.zoom == 1.0:
            for i, image in (images or {}).items():
                if i < self.page_count():
                    self._show_image(i, image, 1.0)
        self.scroll.verticalScrollBar().setValue(0)
        self._update_bar()
        self._settle.start()

    def clear(self) -> None:
        self.set_document(None)

    def page_count(self) -> int:
        return self.pages.count if self.pages is not None else 0

    def has_image(self, index: int) -> bool:
        """Whether page ``index`` shows its rendered image at the current zoom."""
        return index in self.column.images and self._rendered_at.get(index) == self.zoom

    def page_width(self) -> int:
        return self.column.page_w

    def _page_px(self) -> tuple[int, int]:
        w_pt, h_pt = self.pages.page_size_pt if self.pages else (595.0, 842.0)
        scale = SCREEN_DPI / 72.0 * self.zoom
        return round(w_pt * scale), round(h_pt * scale)

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
        self.column.images.clear()  # drawn again at the new size (placeholders meanwhile)
        self.column.notes.clear()
        self._rendered_at.clear()
        self.column.set_pages(self.page_count(), *self._page_px())
        self.go_to(page)
        self._settle.start()

    # -- navigation ------------------------------------------------------------------------
    def current_page(self) -> int:
        """The page at the top of the view (from 0)."""
        n = self.page_count()
        if not n:
            return 0
        step = self.column.page_h + _GAP
        top = self.scroll.verticalScrollBar().value()
        return max(0, min(n - 1, (top + step // 3) // step))

    def go_to(self, index: int) -> None:
        n = self.page_count()
        if not n:
            return
        index = max(0, min(n - 1, index))
        self.scroll.verticalScrollBar().setValue(self.column.top_of(index) - _GAP // 2)
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
        n = self.page_count()
        if not n:
            return []
        step = self.column.page_h + _GAP
        top = self.scroll.verticalScrollBar().value()
        height = max(self.scroll.viewport().height(), 1)
        first = max(0, top // step - 1)
        last = min(n - 1, (top + height) // step + 1)
        return list(range(first, last + 1))

    def _missing(self) -> list[int]:
        return [i for i in self._visible() if self._rendered_at.get(i) != self.zoom]

    def pending_work(self) -> bool:
        """True while pages in view still wait for their image (screenshots wait)."""
        return self._rendering or self._settle.isActive() or bool(self._missing())

    def _render_visible(self) -> None:
        if self.pages is None or self._rendering:
            return  # a running render asks again when it ends
        wanted = self._missing()
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
                self._show_image(i, image, zoom)
        self._render_visible()  # what scrolled into view meanwhile; rendered() when none

    def _failed(self, generation: int, zoom: float, wanted: list[int]) -> None:
        """A page pdfium cannot draw says so (and is not asked for again at this zoom)."""
        if generation == self._generation and zoom == self.zoom:
            for i in wanted:
                self.column.notes[i] = tr("This page cannot be shown")
                self._rendered_at[i] = zoom
            self.column.update()
        self._rendered(generation, zoom, {})

    def _show_image(self, index: int, image: QImage, zoom: float) -> None:
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(image.width() / max(self.column.page_w, 1))
        self.column.images[index] = pixmap
        self._rendered_at[index] = zoom
        top = self.column.top_of(index)
        self.column.update(QRect(0, top, self.column.width(), self.column.page_h))

    def _drop_far(self) -> None:
        """Keep memory bounded: pixmaps far from the view go back to placeholders."""
        images = self.column.images
        visible = self._visible()
        if len(images) <= KEEP_RENDERED or not visible:
            return
        centre = (visible[0] + visible[-1]) // 2
        far = sorted(images, key=lambda i: abs(i - centre), reverse=True)
        for i in far[: len(images) - KEEP_RENDERED]:
            del images[i]
            self._rendered_at.pop(i, None)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._settle.start()
