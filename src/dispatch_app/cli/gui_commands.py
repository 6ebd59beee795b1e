"""Starting the window (no command) and GUI tools such as ``screenshot``.

Qt is imported only inside these functions, so headless commands start fast and run on
machines without display libraries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse

from .errors import EXIT_UNEXPECTED


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "screenshot", help="render every page and main dialog to PNG / 截图各页面"
    )
    p.add_argument("--db", dest="db_path", required=True)
    p.add_argument("--out", required=True, help="folder for the PNG files")
    p.add_argument("--lang", choices=["zh", "en"], default="zh")
    p.set_defaults(func=cmd_screenshot)


def run_gui(args: Any) -> int:
    """Open the window (``args``: ``db``, ``lang``, ``quit_when_ready``, ``selftest``)."""
    if getattr(args, "selftest", False):
        from ..gui.selftest import run_selftest

        return run_selftest(lang=args.lang or "zh")  # offscreen: no display libraries needed
    from ..gui.platform_check import check_desktop_libraries

    # Before Qt can abort the process over a missing system library: say which, and how.
    if not check_desktop_libraries():
        return EXIT_UNEXPECTED
    from ..gui.app import run

    return run(db=args.db, lang=args.lang, quit_when_ready=args.quit_when_ready)


def cmd_screenshot(args: argparse.Namespace) -> int:
    from ..gui.screenshots import take_screenshots

    return take_screenshots(db=args.db_path, out=args.out, lang=args.lang)
