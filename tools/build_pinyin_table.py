"""Regenerate ``resources/pinyin/readings.tsv`` (and pypinyin's licence beside it) from the
installed pypinyin: ``python tools/build_pinyin_table.py``. Run it after upgrading pypinyin
or changing ``domain.text._PHRASE_FIXES``; tests/domain/test_pinyin_table.py fails until then.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from dispatch_app.domain import pinyin_table
from dispatch_app.domain.text import _PHRASE_FIXES

ROOT = Path(__file__).resolve().parent.parent


def licence_text() -> str:
    dist = metadata.distribution("pypinyin")
    for file in dist.files or []:
        if file.name.upper().startswith("LICENSE"):
            return file.read_text(encoding="utf-8")
    raise SystemExit("pypinyin's licence file was not found in its installed metadata")


def main() -> None:
    folder = ROOT / "resources" / pinyin_table.FILE[0]
    folder.mkdir(parents=True, exist_ok=True)
    table = folder / pinyin_table.FILE[1]
    table.write_text(pinyin_table.generate(_PHRASE_FIXES), encoding="utf-8", newline="\n")
    (folder / "LICENSE-pypinyin.txt").write_text(licence_text(), encoding="utf-8", newline="\n")
    print(f"wrote {table.relative_to(ROOT)} ({table.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
