"""Register the shipped CJK font so Chinese renders on machines without Chinese fonts.

The file is the one the PDF reports embed (``dispatch_app.paths.cjk_font``): screen and paper
look the same. Registration reads the 5 MB collection once (~10 ms).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..paths import cjk_font

_family: str | None = None


def register_cjk_font() -> str | None:
    """Add the font to Qt's database; returns its family name (None if it could not load)."""
    global _family
    if _family is not None:
        return _family
    try:
        path = cjk_font()
    except FileNotFoundError:
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    _family = families[0] if families else None
    return _family


def apply_app_font(app: QApplication, point_size: float = 10.0) -> None:
    """Make the shipped face the default, with the system's UI fonts as fallbacks for Latin."""
    family = register_cjk_font()
    if family is None:
        return
    font = QFont(app.font())
    font.setFamilies([family, *app.font().families()])
    font.setPointSizeF(point_size)
    app.setFont(font)
