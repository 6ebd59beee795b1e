"""Interface language: Qt's translation system with English source strings and a Chinese .ts.

Why one context: PySide's ``self.tr()`` looks strings up under the *runtime* class name, so a
string written in a base class goes missing in every subclass. Every visible string is written
``tr("English text")`` (this module's function, context ``dispatch``) and the Chinese lives in
``resources/translations/dispatch_zh_CN.ts``. Strings defined in tables at import time are
marked ``N_("...")`` (no-op) and passed through ``tr()`` when shown.

Build step (the .qm files are git-ignored)::

    python -m dispatch_app.gui.i18n update   # add new tr()/N_() strings to the .ts
    python -m dispatch_app.gui.i18n build    # lrelease: .ts -> .qm
    python -m dispatch_app.gui.i18n check    # exit 1 if a string lacks a Chinese translation

At start-up :func:`install` rebuilds the .qm when it is missing or older than the .ts; where
lrelease is not available (a frozen build shipped without the .qm) the .ts is read directly.
Domain messages come as zh/en pairs already; :func:`pick` chooses by language.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..paths import resources_dir

# ast, subprocess and ElementTree are imported where used: start-up only loads the built .qm.

CONTEXT = "dispatch"
LANGUAGES = ("zh", "en")
_TS_NAME = "dispatch_zh_CN.ts"
_current = "zh"
_installed: list[QTranslator] = []


def tr(text: str, disambiguation: str | None = None) -> str:
    """Translate an English source string into the interface language."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation)


def N_(text: str) -> str:
    """Mark a string for translation without translating it now (module-level tables)."""
    return text


def current_language() -> str:
    return _current


def pick(zh: str, en: str) -> str:
    """One of a domain message's two languages."""
    return en if _current == "en" else zh


def ts_path() -> Path:
    return resources_dir() / "translations" / _TS_NAME


def qm_path() -> Path:
    return ts_path().with_suffix(".qm")


def _lrelease() -> list[str] | None:
    import PySide6

    exe = Path(PySide6.__file__).parent / (
        "lrelease.exe" if sys.platform == "win32" else "lrelease"
    )
    return [str(exe)] if exe.exists() else None


def build(force: bool = False) -> Path | None:
    """Compile the .ts into a .qm when needed; None when lrelease is unavailable."""
    ts, qm = ts_path(), qm_path()
    if not force and qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    cmd = _lrelease()
    if cmd is None:
        return qm if qm.exists() else None
    import subprocess

    try:
        subprocess.run(
            [*cmd, "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True, timeout=60
        )
    except (OSError, subprocess.SubprocessError):
        return qm if qm.exists() else None
    return qm


class _TsTranslator(QTranslator):
    """Reads the .ts directly: the fallback when no .qm could be built."""

    def __init__(self, entries: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self._entries = entries

    def translate(self, context, source, disambiguation=None, n=-1):
        return self._entries.get((source, disambiguation or ""), "") if context == CONTEXT else ""

    def isEmpty(self) -> bool:
        return not self._entries


def read_ts(path: Path | None = None) -> dict[tuple[str, str], tuple[str, str]]:
    """(source, comment) -> (translation, type) for every message of our context."""
    import xml.etree.ElementTree as ET

    tree = ET.parse(path or ts_path())
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for ctx in tree.getroot().iter("context"):
        if ctx.findtext("name") != CONTEXT:
            continue
        for msg in ctx.iter("message"):
            node = msg.find("translation")
            key = (msg.findtext("source") or "", msg.findtext("comment") or "")
            text = (node.text or "") if node is not None else ""
            out[key] = (text, node.get("type", "") if node is not None else "unfinished")
    return out


def install(app: QCoreApplication, lang: str) -> None:
    """Load the language's translators into the application (replacing earlier ones)."""
    global _current
    lang = lang if lang in LANGUAGES else "zh"
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _current = lang
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    base = QTranslator(app)
    if base.load("qtbase_zh_CN", qt_dir):
        _installed.append(base)
    ours = QTranslator(app)
    qm = build()
    if qm is None or not ours.load(str(qm)):
        entries = {k: v[0] for k, v in read_ts().items() if v[0] and v[1] != "obsolete"}
        ours = _TsTranslator(entries)
    _installed.append(ours)
    for t in _installed:
        app.installTranslator(t)


# -- extraction (our own lupdate: it understands the module-level ``tr``/``N_`` convention) --


def _gui_sources() -> Iterator[Path]:
    yield from sorted(Path(__file__).parent.rglob("*.py"))


def extract(paths: list[Path] | None = None) -> dict[tuple[str, str], str]:
    """(source, disambiguation) -> "file:line" for every ``tr``/``N_`` call with a literal."""
    import ast

    found: dict[tuple[str, str], str] = {}
    for path in paths or list(_gui_sources()):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = (
                node.func.id
                if isinstance(node.func, ast.Name)
                else (node.func.attr if isinstance(node.func, ast.Attribute) else "")
            )
            if name not in ("tr", "N_"):
                continue
            first = node.args[0]
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                continue
            comment = ""
            if len(node.args) > 1 and isinstance(node.args[1], ast.Constant):
                comment = str(node.args[1].value or "")
            found.setdefault((first.value, comment), f"{path.name}:{node.lineno}")
    return found


def update() -> tuple[int, int]:
    """Merge extracted strings into the .ts: new ones unfinished, vanished ones obsolete."""
    import xml.etree.ElementTree as ET

    sources = extract()
    existing = read_ts() if ts_path().exists() else {}
    root = ET.Element("TS", version="2.1", language="zh_CN", sourcelanguage="en")
    ctx = ET.SubElement(root, "context")
    ET.SubElement(ctx, "name").text = CONTEXT
    added = 0
    keys = sorted(set(sources) | set(existing), key=lambda k: (k[0].lower(), k[0], k[1]))
    for key in keys:
        text, kind = existing.get(key, ("", "unfinished"))
        if key not in existing:
            added += 1
        if key not in sources:
            kind = "obsolete" if text else "vanished"
            if kind == "vanished":
                continue
        elif kind == "obsolete":
            kind = ""
        msg = ET.SubElement(ctx, "message")
        if key in sources:
            file, line = sources[key].split(":")
            ET.SubElement(msg, "location", filename=file, line=line)
        ET.SubElement(msg, "source").text = key[0]
        if key[1]:
            ET.SubElement(msg, "comment").text = key[1]
        node = ET.SubElement(msg, "translation")
        node.text = text
        if kind:
            node.set("type", kind)
    ET.indent(root)
    data = ET.tostring(root, encoding="unicode")
    ts_path().write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + data + "\n", encoding="utf-8"
    )
    return added, len(keys)


def missing() -> list[str]:
    """Source strings without a finished Chinese translation (the test's and CI's check)."""
    have = read_ts()
    out = []
    for key, where in sorted(extract().items()):
        text, kind = have.get(key, ("", "unfinished"))
        if not text or kind in ("unfinished", "obsolete", "vanished"):
            out.append(f"{where}: {key[0]!r}")
    return out


def main(argv: list[str] | None = None) -> int:
    cmd = (argv or sys.argv[1:] or ["build"])[0]
    if cmd == "update":
        added, total = update()
        print(f"{ts_path().name}: {added} new, {total} total")
        return 0
    if cmd == "build":
        qm = build(force=True)
        print(qm or "lrelease not available")
        return 0 if qm else 1
    if cmd == "check":
        gaps = missing()
        for g in gaps:
            print(g)
        return 1 if gaps else 0
    print("usage: python -m dispatch_app.gui.i18n [update|build|check]")
    return 2


if __name__ == "__main__":
    sys.exit(main())
