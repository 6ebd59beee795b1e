"""Draw the program's icon from plain shapes: ``python tools/make_icon.py``.

Why a script: the icon is ours (no font glyph, no third-party artwork), so it needs no licence
beyond the project's, and anyone can change the colours and redraw it. It writes
``resources/icons/dispatch-app.png`` (256 px, the window icon and the Linux one) and
``dispatch-app.ico`` (16–256 px, the Windows executable and the installer).

The picture: a map pin (a dispatch to a place) on a rounded blue square, with a white tick in
the pin's head (a visit done).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
SIZE = 1024  # drawn large, scaled down with antialiasing
BLUE = (22, 93, 170, 255)
RED = (214, 64, 52, 255)
WHITE = (255, 255, 255, 255)
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw(size: int = SIZE) -> Image.Image:
    """The icon at ``size`` pixels, transparent outside the rounded square."""
    s = size / 1024
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((40 * s, 40 * s, 984 * s, 984 * s), radius=190 * s, fill=BLUE)
    # The pin: a circle and a triangle meeting at its lower half, pointing down.
    cx, cy, r = 512 * s, 420 * s, 250 * s
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=RED)
    d.polygon(
        [(cx - 0.87 * r, cy + 0.5 * r), (cx + 0.87 * r, cy + 0.5 * r), (cx, 880 * s)], fill=RED
    )
    # The tick in the pin's head.
    w = int(58 * s)
    d.line([(cx - 120 * s, cy + 5 * s), (cx - 30 * s, cy + 95 * s)], fill=WHITE, width=w)
    d.line([(cx - 30 * s, cy + 95 * s), (cx + 135 * s, cy - 95 * s)], fill=WHITE, width=w)
    for x, y in ((cx - 30 * s, cy + 95 * s),):  # round the tick's corner
        d.ellipse((x - w / 2, y - w / 2, x + w / 2, y + w / 2), fill=WHITE)
    return img


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw()
    big.resize((256, 256), Image.Resampling.LANCZOS).save(OUT / "dispatch-app.png", optimize=True)
    big.save(OUT / "dispatch-app.ico", sizes=ICO_SIZES)
    print(f"wrote {OUT / 'dispatch-app.png'} and {OUT / 'dispatch-app.ico'}")


if __name__ == "__main__":
    main()
