"""``dispatch-app --selftest``: is this installation whole? Exit 0, or 1 naming what failed.

Why: the coordinators' PCs get a PyInstaller bundle, and a bundle that lacks a Qt plugin, a
font, the reference data or the translations fails only when someone opens the page that
needs it. The self-test opens everything once, offscreen, on a fresh demo database written to
a temporary folder (the user's own settings and data are never touched):

1. the shipped resources: the CJK font, the reference data, the compiled Chinese translation;
2. every page in ``page_registry`` shown in turn, each waited for until its work is done — it
   painted its rows (``rows_painted``), its deferred work ran (``finish_start_up``), no task
   runner in the window is busy, the thread pool is idle, and ``page.is_settled()`` is true
   where a page offers one — then grabbed and checked not blank; an error box shown or an
   exception raised in a slot on the way fails the test;
3. a PDF written with reportlab and the embedded CJK font, checked to be a complete PDF that
   embeds the font.

Each check prints one line; the exit code is 0 when all passed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

DEMO_VISITS = 500  # enough rows for every page; written in ~0.5 s
PAGE_TIMEOUT_MS = 30_000


class SelfTestFailed(Exception):
    """One check failed; the message says which and why (in both languages where it helps)."""


class _Report:
    def __init__(self, out: Any) -> None:
        self.out = out
        self.lines: list[str] = []

    def ok(self, what: str) -> None:
        line = f"ok    {what}"
        self.lines.append(line)
        print(line, file=self.out, flush=True)


def run_selftest(lang: str = "zh", out: Any = None) -> int:
    """Run every check; 0 when all pass, 1 (with the failing check on stderr) otherwise."""
    out = out or sys.stdout
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a self-test never needs a screen
    report = _Report(out)
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="dispatch-selftest-") as tmp:
            _run(Path(tmp), lang, report)
    except SelfTestFailed as exc:
        print(f"FAILED {exc}", file=sys.stderr, flush=True)
        print("self-test failed / 自检未通过", file=sys.stderr, flush=True)
        return 1
    except Exception as exc:  # anything else is a failure of the installation too
        import traceback

        traceback.print_exc()
        print(f"FAILED unexpected error / 意外错误: {exc}", file=sys.stderr, flush=True)
        return 1
    seconds = time.perf_counter() - started
    print(f"self-test passed / 自检通过: {len(report.lines)} checks in {seconds:.1f} s", file=out)
    return 0


def _run(tmp: Path, lang: str, report: _Report) -> None:
    check_resources(report)
    db = tmp / "demo.db"
    from .. import clock
    from ..demo import generate_demo

    summary = generate_demo(db, visits=DEMO_VISITS, as_of=clock.today())
    report.ok(f"demo database written ({getattr(summary, 'visits', DEMO_VISITS)} visits)")
    check_pages(db, tmp, lang, report)
    check_pdf(tmp / "selftest.pdf", report)


def check_resources(report: _Report) -> None:
    """The font, the reference data and the Chinese translation are shipped and readable."""
    from ..paths import cjk_font, resource, resources_dir

    try:
        font = cjk_font()
        for name in ("wenzhou_districts.csv", "wenzhou_towns.csv"):
            resource("reference", name)
    except FileNotFoundError as exc:
        raise SelfTestFailed(f"resources: {exc} (resources folder {resources_dir()})") from exc
    if font.stat().st_size < 1_000_000:
        raise SelfTestFailed(f"resources: the CJK font {font} is truncated")
    report.ok(f"resources found in {resources_dir()}")
    from ..domain.geography import load_gazetteer

    districts = load_gazetteer().districts
    if len(districts) < 10:
        raise SelfTestFailed(f"reference data: only {len(districts)} districts read")
    report.ok(f"reference data: {len(districts)} districts")


def check_translation(report: _Report) -> None:
    from . import i18n

    shown = i18n.tr("Workbench")
    if i18n.current_language() == "zh" and shown == "Workbench":
        raise SelfTestFailed("translations: the Chinese translation did not load")
    report.ok(f"translation ({i18n.current_language()}): Workbench → {shown}")


def check_pages(db: Path, tmp: Path, lang: str, report: _Report) -> None:
    """Open the window on ``db`` and show every page until it has finished its work."""
    from .app import AppController
    from .dialogs import messages
    from .screenshots import HEIGHT, WIDTH, _settle, _wait
    from .settings import Settings

    problems: list[str] = []
    original_error, original_hook = messages.show_error, sys.excepthook
    messages.show_error = lambda _p, title, text: problems.append(f"{title}: {text}")

    def hook(kind: type[BaseException], value: BaseException, tb: Any) -> None:
        import traceback

        problems.append("".join(traceback.format_exception(kind, value, tb)).strip())

    sys.excepthook = hook  # PySide reports an exception raised in a slot here
    settings = Settings(tmp / "dispatch-app.ini")
    settings.language = lang
    controller = AppController(settings, lang)
    window = controller.window
    try:
        check_translation(report)
        ready: list[bool] = []
        window.ready.connect(lambda: ready.append(True))
        window.open_failed.connect(lambda exc: problems.append(str(exc)))
        window.resize(WIDTH, HEIGHT)
        window.show()
        window.open_database(db)
        if not _wait(lambda: bool(ready) or bool(problems), PAGE_TIMEOUT_MS) or problems:
            raise SelfTestFailed(f"opening the demo database: {problems or 'timed out'}")
        window.finish_start_up()
        report.ok(f"window opened the database ({window.current_page_key()} page painted)")
        _check_every_page(window, report, problems, _wait, _settle)
    finally:
        messages.show_error, sys.excepthook = original_error, original_hook
        window.close()
        window.deleteLater()
        _settle(50)


def _check_every_page(
    window: Any,
    report: _Report,
    problems: list[str],
    wait: Callable[..., bool],
    settle: Callable[..., None],
) -> None:
    from .page_registry import PAGES

    for key, title in PAGES:
        painted: list[bool] = [key == window.current_page_key()]
        created = key in window.pages
        page = window.show_page(key)
        if not created or not painted[0]:
            page.rows_painted.connect(lambda p=painted: p.append(True))
            page.update()
        if not wait(lambda p=painted: any(p) or bool(problems), PAGE_TIMEOUT_MS):
            raise SelfTestFailed(f"page {key} ({title}) did not paint within 30 s")
        if not wait(lambda p=page: _idle(window, p) or bool(problems), PAGE_TIMEOUT_MS):
            raise SelfTestFailed(f"page {key} ({title}) did not finish its work within 30 s")
        settle(100)
        if problems:
            raise SelfTestFailed(f"page {key} ({title}): " + "\n".join(problems))
        image = window.grab().toImage()
        colours = {image.pixel(x, image.height() // 3) for x in range(0, image.width(), 5)}
        if image.isNull() or len(colours) < 3:
            raise SelfTestFailed(f"page {key} ({title}) rendered blank")
        model = getattr(page, "model", None)
        rows = f", {model.rowCount()} rows" if model is not None else ""
        report.ok(f"page {key} ({title}) rendered {image.width()}×{image.height()}{rows}")


def _idle(window: Any, page: Any) -> bool:
    """No task runner of the window busy, no worker thread running, the page settled."""
    from PySide6.QtCore import QThreadPool

    from .workers import TaskRunner

    if any(runner.busy() for runner in window.findChildren(TaskRunner)):
        return False
    if QThreadPool.globalInstance().activeThreadCount():
        return False
    settled = getattr(page, "is_settled", None)
    return settled() if callable(settled) else True


def check_pdf(path: Path, report: _Report) -> None:
    """A one-page PDF of Chinese text with the shipped font embedded, as the reports use it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from ..paths import CJK_FONT_SUBFONT, cjk_font

    face = "DispatchSelfTest"
    pdfmetrics.registerFont(TTFont(face, str(cjk_font()), subfontIndex=CJK_FONT_SUBFONT))
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(face, 16)
    pdf.drawString(72, 760, "科技副总 / 科技轻骑队 调度台 — 自检页 (self-test page)")
    pdf.drawString(72, 730, "温州市 鹿城区 龙湾区 瓯海区 洞头区 乐清市 瑞安市")
    pdf.showPage()
    pdf.save()
    data = path.read_bytes()
    if not (data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")):
        raise SelfTestFailed(f"PDF: {path.name} is not a complete PDF ({len(data)} bytes)")
    if b"/FontFile2" not in data:
        raise SelfTestFailed("PDF: the CJK font was not embedded")
    report.ok(f"PDF written with the embedded CJK font ({len(data):,} bytes)")
