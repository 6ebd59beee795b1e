"""``dispatch-app screenshot`` renders every page and the main dialogs to PNG files."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QImage

from dispatch_app.gui.page_registry import PAGES
from dispatch_app.gui.screenshots import take_screenshots

EXCHANGE = ["import-1-file", "import-2-columns", "import-3-check", "export", "bundle"]


def _offscreen_env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def test_screenshots_of_every_page_and_dialog(qapp, db_path, tmp_path):
    out = tmp_path / "shots"
    before = db_path.read_bytes()
    assert take_screenshots(db=db_path, out=out, lang="en") == 0
    names = sorted(p.name for p in out.glob("*.png"))
    for i, (key, _t) in enumerate(PAGES, start=1):
        assert f"{i:02d}-{key}-en.png" in names
    assert {"dialog-visit-en.png", "dialog-about-en.png"} <= set(names)
    assert {f"dialog-{n}-en.png" for n in EXCHANGE} <= set(names)
    number = [k for k, _t in PAGES].index("enterprises") + 1
    image = QImage(str(out / f"{number:02d}-enterprises-en.png"))
    assert image.width() >= 1200 and image.height() >= 700
    assert len({image.pixel(x, 200) for x in range(0, image.width(), 7)}) > 3  # not blank
    check = QImage(str(out / "dialog-import-3-check-en.png"))
    assert check.width() >= 760 and check.height() >= 560
    assert db_path.read_bytes() == before  # the wizard stops at its dry run


def test_a_screenshot_run_prints_only_the_files(db_path, tmp_path):
    """Qt's offscreen noise (propagateSizeHints, once per window) must not reach the user."""
    out = tmp_path / "shots"
    command = ["screenshot", "--db", str(db_path), "--out", str(out), "--lang", "zh"]
    done = subprocess.run(
        [sys.executable, "-m", "dispatch_app.cli.main", *command],
        capture_output=True,
        text=True,
        env=_offscreen_env(),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    printed = done.stdout.split()
    assert str(out / "dialog-import-3-check-zh.png") in printed
    assert all(os.path.exists(p) for p in printed)


def test_screenshots_of_a_missing_database_fail(qapp, tmp_path):
    assert take_screenshots(db=tmp_path / "missing.db", out=tmp_path / "o", lang="zh") == 2
