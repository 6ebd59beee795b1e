"""Where the program finds what it ships (resources/) and where it keeps user data.

Resources live at the top of the source tree (``resources/``); a PyInstaller build puts them
beside the executable; a regular pip install puts them in ``<prefix>/share/dispatch-app/``.
``DISPATCH_APP_RESOURCES`` overrides all of these (tests, odd installs).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    override = os.environ.get("DISPATCH_APP_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    tree = Path(__file__).resolve().parents[2] / "resources"
    if tree.is_dir():
        return tree
    return Path(sys.prefix) / "share" / "dispatch-app" / "resources"


def resource(*parts: str) -> Path:
    """Path of a shipped file; raises FileNotFoundError with the path if it is missing."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"missing resource: {path}")
    return path


def user_data_dir() -> Path:
    """Per-user data folder (databases, backups). ``DISPATCH_APP_DATA`` overrides it."""
    override = os.environ.get("DISPATCH_APP_DATA")
    if override:
        return Path(override)
    from platformdirs import user_data_dir as _udd

    return Path(_udd("dispatch-app", appauthor=False))


# The CJK font shipped for screen and paper (see resources/fonts/README.md): one place for its
# file name, so the window and the PDF reports embed the very same face.
CJK_FONT_FILE = ("fonts", "wqy-microhei.ttc")
CJK_FONT_SUBFONT = 0  # face 0 of the collection: "WenQuanYi Micro Hei" (proportional)


def cjk_font() -> Path:
    """The shipped CJK TrueType collection (``.ttc``); reportlab needs ``CJK_FONT_SUBFONT``."""
    return resource(*CJK_FONT_FILE)
