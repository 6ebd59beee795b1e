"""A coordinator's office PC may have a 1024-pixel screen: every page (in Chinese) must fit a
1024×700 window without forcing it wider, and a record table shows its last columns (status)
without scrolling sideways at the usual 1366 width."""

from __future__ import annotations

from dispatch_app.gui.page_registry import PAGES

# Every page, the map included.
SKIPPED: set[str] = set()


def test_every_page_fits_a_1024_pixel_window(window, qtbot):
    window.resize(1024, 700)
    too_wide = {}
    for key, _title in PAGES:
        if key in SKIPPED:
            continue
        page = window.show_page(key)
        qtbot.waitUntil(
            lambda p=page: not getattr(p, "pending_work", lambda: False)(), timeout=10_000
        )
        width = window.minimumSizeHint().width()
        if width > 1024:
            too_wide[key] = width
    assert not too_wide, f"pages that force the window wider than 1024 pixels: {too_wide}"
