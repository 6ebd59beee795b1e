"""Rebuild ``uming-gb2312.ttf`` from Debian's ``fonts-arphic-uming`` (a developer tool).

    python resources/fonts/subset_uming.py /usr/share/fonts/truetype/arphic/uming.ttc

Takes face 0 of the collection (AR PL UMing CN), keeps the GB 2312 repertoire plus Latin,
punctuation, full-width forms and common symbols, drops the embedded bitmaps (screen-only;
reportlab never uses them) and vertical metrics, and writes the notice the Arphic Public
License (section 2a) asks for into the font's own description. Needs fonttools (not a runtime
dependency: reportlab reads the result directly).
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

NOTICE = (
    "Modified 2026-12-02 by the dispatch-app project: face 0 (AR PL UMing CN) extracted from "
    "uming.ttc 0.2.20080216.2, subset to GB 2312 plus Latin, punctuation and full-width forms, "
    "embedded bitmaps removed. Distributed under the Arphic Public License."
)

BLOCKS = [
    (0x20, 0x7F),  # ASCII
    (0xA0, 0x100),  # Latin-1
    (0x2000, 0x206F),  # general punctuation (— … ‘’ “”)
    (0x2100, 0x218F),  # letter-like symbols, Roman numerals
    (0x2190, 0x21FF),  # arrows
    (0x2460, 0x24FF),  # enclosed numbers ① ...
    (0x25A0, 0x25FF),  # geometric shapes □ ■ ○
    (0x3000, 0x303F),  # CJK punctuation
    (0xFF00, 0xFFEF),  # full-width forms
]


def gb2312_repertoire() -> set[int]:
    chars: set[int] = set()
    for b1 in range(0xA1, 0xF8):
        for b2 in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(ord(bytes([b1, b2]).decode("gb2312")))
    return chars


def main(source: str) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    out = Path(__file__).with_name("uming-gb2312.ttf")
    face = TTCollection(source).fonts[0]
    unicodes = gb2312_repertoire()
    for lo, hi in BLOCKS:
        unicodes.update(range(lo, hi))
    opts = subset.Options()
    opts.drop_tables += ["EBDT", "EBLC", "EBSC", "vmtx", "vhea", "BDF ", "FFTM"]
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.glyph_names = False
    subsetter = subset.Subsetter(opts)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(face)
    face["name"].setName(NOTICE, 10, 3, 1, 0x409)  # description
    face["name"].setName(NOTICE, 10, 1, 0, 0)
    face.save(out)
    print(f"{out.name}: {out.stat().st_size} bytes, {len(face.getBestCmap())} characters")


if __name__ == "__main__":
    main(sys.argv[1])
