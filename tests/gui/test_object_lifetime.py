"""Deferred callbacks die with their object: a page or model destroyed (a window closed, the
program restarting after a crash) must not be called back by a timer it started."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent


def _destroy(obj) -> None:
    obj.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_page_destroyed_right_after_painting_is_not_called_back(window, qtbot) -> None:
    for key in ("home", "enterprises"):
        page = window.show_page(key)
        page._painted = False
        page._on_view_painted()  # queues "rows painted" for the next turn of the event loop
        window.pages.pop(key)
        page.setParent(None)
        _destroy(page)
    qtbot.wait(50)  # the queued calls would run here and raise on the dead pages
