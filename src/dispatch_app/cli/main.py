"""Entry point: parse arguments, run one command, map errors to exit codes.

Each command module exposes ``register(subparsers)`` and sets ``func`` on its parser; a
command returns an exit code. With no command, the GUI starts (imported only then, so the
headless commands never load Qt).

Opening the window is the most frequent use and its start-up is measured against a bare Qt
window, so arguments that only open the window (``--db``, ``--lang``, ``--quit-when-ready``)
take a fast path (:func:`window_only_args`) that neither builds the argparse tree nor imports
the command modules; anything else (``--help``, a command, a typo) goes through the full parser,
which prints the complete help and the usual usage errors.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING

from .errors import EXIT_BAD_INPUT, EXIT_UNEXPECTED, CliError

if TYPE_CHECKING:
    import argparse

    from ..store.errors import StoreError

_WINDOW_FLAGS = {"--db": "db", "--lang": "lang"}
_LANGS = ("zh", "en")


def window_only_args(argv: Sequence[str]) -> SimpleNamespace | None:
    """The window's options when ``argv`` holds nothing else; None: use the full parser.

    Accepts exactly what the full parser would accept for these options (``--db X``,
    ``--db=X``, ``--lang zh|en``, ``--quit-when-ready``, the last repeat winning); any other
    token, a missing value or a value the parser would refuse falls back to it.
    """
    found: dict[str, object] = {"db": None, "lang": None, "quit_when_ready": False}
    i = 0
    while i < len(argv):
        token = argv[i]
        if token == "--quit-when-ready":
            found["quit_when_ready"] = True
            i += 1
            continue
        name, eq, value = token.partition("=")
        if name not in _WINDOW_FLAGS:
            return None
        if not eq:
            if i + 1 >= len(argv) or argv[i + 1].startswith("-"):
                return None
            value = argv[i + 1]
            i += 1
        if name == "--lang" and value not in _LANGS:
            return None
        found[_WINDOW_FLAGS[name]] = value
        i += 1
    return SimpleNamespace(command=None, **found)


def _command_modules() -> list:
    """The core command groups (imported only when the full parser is built)."""
    from . import core_commands

    return [core_commands]


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
    from . import match_commands

    mods.append(match_commands)
    from . import plan_commands

    mods.append(plan_commands)
    from . import audit_commands

    mods.append(audit_commands)
    from . import settings_commands

    mods.append(settings_commands)
    from . import backup_commands

    mods.append(backup_commands)
    return mods


def _print_store_notices() -> None:
    """What the store tells the user on opening (an interrupted write undone) goes to stderr."""
    from ..store.database import set_notice_sink

    set_notice_sink(lambda n: print(f"{n.zh}\n{n.en}", file=sys.stderr))


def _damaged_database(exc: Exception, args: object) -> StoreError | None:
    """The StoreError an SQLite error stands for (a damaged file), naming the command's --db."""
    import sqlite3

    db = getattr(args, "db_path", None) or getattr(args, "db", None)
    if not isinstance(exc, sqlite3.DatabaseError) or not db:
        return None
    from pathlib import Path

    from ..store.database import translate_error

    return translate_error(Path(db), exc)


def build_parser() -> argparse.ArgumentParser:
    import argparse

    from .. import __version__

    class _Parser(argparse.ArgumentParser):
        def error(self, message: str) -> None:  # usage errors: exit 2 with the usage line
            self.print_usage(sys.stderr)
            raise CliError(f"{self.prog}: {message}")

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
    parser.add_argument(
        "--selftest",
        action="store_true",
        help="open a demo database offscreen, render every page, write a PDF; exit 0 if whole",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in [*_command_modules(), *_optional_modules()]:
        module.register(subparsers)
    return parser


def _unexpected(exc: BaseException) -> int:
    """A bug, not bad input: the details go to the log file (no personal data), the user gets
    one line saying where; nothing was half-written (every write is one transaction)."""
    from .. import logs

    where = logs.setup()
    logs.get("cli").error("unexpected error", exc_info=exc)
    text = logs.redact(f"{type(exc).__name__}: {exc}")
    print(f"意外错误 / unexpected error: {text}", file=sys.stderr)
    if where is not None:
        print(f"详情已写入日志 / details in the log: {where}", file=sys.stderr)
    print("未完成的修改已撤销 / any unfinished change was undone", file=sys.stderr)
    return EXIT_UNEXPECTED


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _print_store_notices()
    args = None
    try:
        args = window_only_args(argv)
        if args is None:
            args = build_parser().parse_args(argv)
        if args.command is None:
            from .gui_commands import run_gui

            return run_gui(args)
        from .. import logs
        from ..store import audit

        logs.setup()  # the rotating log file (opened at its first record)
        audit.set_default_actor(audit.actor_from_settings())  # who the audit trail names
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
        damaged = _damaged_database(exc, args)
        if damaged is not None:  # a damaged page met after the file opened
            print(damaged.message("zh") + "\n" + damaged.en, file=sys.stderr)
            return EXIT_BAD_INPUT
        if isinstance(exc, OSError) and exc.filename is not None:
            # A path the system refuses (too long, no permission, a device...): bad input.
            reason = exc.strerror or type(exc).__name__
            print(
                f"{exc.filename}：无法使用该文件或文件夹（{reason}）\n"
                f"{exc.filename}: this file or folder cannot be used ({reason})",
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
        return _unexpected(exc)


if __name__ == "__main__":
    sys.exit(main())
