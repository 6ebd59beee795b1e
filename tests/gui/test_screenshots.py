"""``dispatch-app screenshot`` renders every page and the main dialogs to PNG files."""

from __future__ import annotations

from PySide6.QtGui import QImage

from dispatch_app.gui.main_window import PAGES
from dispatch_app.gui.screenshots import take_screenshots


def test_screenshots_of_every_page_and_dialog(qapp, db_path, tmp_path):
    out = tmp_path / "shots"
    assert take_screenshots(db=db_path, out=out, lang="en") == 0
    names = sorted(p.name for p in out.glob("*.png"))
    for i, (key, _t) in enumerate(PAGES, start=1):
        assert f"{i:02d}-{key}-en.png" in names
    assert {"dialog-visit-en.png", "dialog-about-en.png"} <= set(names)
    image = QImage(str(out / "02-enterprises-en.png"))
    assert image.width() >= 1200 and image.height() >= 700
    assert len({image.pixel(x, 200) for x in range(0, image.width(), 7)}) > 3  # not blank


def test_screenshots_of_a_missing_database_fail(qapp, tmp_path):
    assert take_screenshots(db=tmp_path / "missing.db", out=tmp_path / "o", lang="zh") == 2
