"""Entry point: parse arguments, run one command, map errors to exit codes.

Each command module exposes ``register(subparsers)`` and sets ``func`` on its parser; a
command returns an exit code. With no command, the GUI starts (imported only then, so the
headless commands never load Qt).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .. import __version__
from . import core_commands
from .errors import EXIT_BAD_INPUT, EXIT_UNEXPECTED, CliError

COMMAND_MODULES = [core_commands]


def _optional_modules() -> list:
    """Command groups that live beside the core ones (exchange, GUI tools)."""
    mods = []
    from . import gui_commands

    mods.append(gui_commands)
    from . import progress_commands

    mods.append(progress_commands)
    from . import report_commands

    mods.append(report_commands)
    try:
        from . import exchange_commands
    except ImportError:  # the exchange package is optional while it is being built
        exchange_commands = None
    if exchange_commands is not None:
        mods.append(exchange_commands)
    return mods


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors: exit 2 with the usage line
        self.print_usage(sys.stderr)
        raise CliError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="dispatch-app",
        description="科技副总 / 科技轻骑队 调度台 — dispatch desk for tech vice-presidents "
        "and light-cavalry teams. Run without a command to open the window.",
    )
    parser.add_argument("--version", action="version", version=f"dispatch-app {__version__}")
    parser.add_argument("--db", help="database file to open in the window / 要打开的数据库文件")
    parser.add_argument("--lang", choices=["zh", "en"], help="interface language / 界面语言")
    parser.add_argument(
        "--quit-when-ready",
        action="store_true",
        help="open the window, wait until the first page shows its rows, then exit 0",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in [*COMMAND_MODULES, *_optional_modules()]:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            from .gui_commands import run_gui

            return run_gui(args)
        return int(args.func(args) or 0)
    except CliError as exc:
        print(str(exc), file=sys.stderr)
        return exc.code
    except BrokenPipeError:  # output piped into `head` and the like: not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("interrupted / 已中断", file=sys.stderr)
        return EXIT_UNEXPECTED
    except SystemExit as exc:  # argparse --help / --version
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_BAD_INPUT
    except Exception as exc:  # anything unexpected: say so plainly, exit 1
        from ..domain.problems import HistoryProtected, ValidationError
        from ..store.errors import StoreError

        if isinstance(exc, StoreError):
            print(exc.message("zh") + "\n" + exc.en, file=sys.stderr)
            return EXIT_BAD_INPUT
        if isinstance(exc, ValidationError):
            for p in exc.problems:
                print(f"{p.field}: {p.zh} / {p.en}", file=sys.stderr)
            return EXIT_BAD_INPUT
        if isinstance(exc, HistoryProtected):
            print(f"{exc.zh}\n{exc.en}", file=sys.stderr)
            return EXIT_BAD_INPUT
        import traceback

        traceback.print_exc()
        print(f"unexpected error / 意外错误: {exc}", file=sys.stderr)
        return EXIT_UNEXPECTED


if __name__ == "__main__":
    sys.exit(main())
