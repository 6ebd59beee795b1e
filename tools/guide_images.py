"""Redraw the user guide's pictures: ``python tools/guide_images.py``.

Why a script: the guide's screenshots must show the program as it is, so after a change to a
page they are made again the same way — a 3000-visit demo database, the clock at 2026-11-20
(so "today", overdue items and the year's pace look like a real late-November desk), each
page and dialog rendered by ``dispatch-app screenshot`` in Chinese (and English for the short
guide), plus the first page of the printed progress-meeting brief. Only the pictures the
guides use are kept (``docs/guide/images``; a test fails on an unused or missing one), saved
with a 256-colour palette: a screenshot loses nothing visible and shrinks about three times.
The database is opened under a plain file name so that no folder of this machine shows in
the status bar.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "guide" / "images"
NOW = "2026-11-20T10:00:00+08:00"


def app(*args: str, cwd: Path) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "QT_QPA_PLATFORM": "offscreen",
        "DISPATCH_APP_NOW": NOW,
        "DISPATCH_APP_DATA": str(cwd / "data"),
        "DISPATCH_APP_CONFIG": str(cwd / "config"),
    }
    subprocess.run(
        [sys.executable, "-m", "dispatch_app.cli.main", *args], cwd=cwd, env=env, check=True
    )


def save(src: Path, name: str, colours: int = 256) -> None:
    image = Image.open(src).convert("RGB")
    palette = image.quantize(
        colors=colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
    )
    palette.save(IMAGES / name, optimize=True)


def main() -> None:
    used = sorted(p.name for p in IMAGES.glob("*.png"))
    with tempfile.TemporaryDirectory(prefix="guide-images-") as tmp:
        work = Path(tmp)
        app("demo", "演示数据库.db", "--visits", "3000", "--as-of", "2026-11-20", cwd=work)
        (work / "demo-en.db").write_bytes((work / "演示数据库.db").read_bytes())
        app("screenshot", "--db", "演示数据库.db", "--out", "zh", "--lang", "zh", cwd=work)
        app("screenshot", "--db", "demo-en.db", "--out", "en", "--lang", "en", cwd=work)
        app("report", "brief", "--db", "演示数据库.db", "--out", "brief.pdf", cwd=work)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "brief.pdf", "brief"],
            cwd=work,
            check=True,
        )
        for name in used:
            if name == "report-brief-zh.png":
                save(next(work.glob("brief-*.png")), name, colours=128)
            else:
                save(work / ("en" if name.endswith("-en.png") else "zh") / name, name)
            print(f"wrote {IMAGES / name}")


if __name__ == "__main__":
    main()
