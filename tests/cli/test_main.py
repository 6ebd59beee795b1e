"""The window-only fast path of ``dispatch-app``: same answers as the full parser, less work."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from dispatch_app.cli.errors import CliError
from dispatch_app.cli.main import build_parser, window_only_args

TOKENS = [
    "--db",
    "--lang",
    "zh",
    "en",
    "fr",
    "--quit-when-ready",
    "big.db",
    "--db=other.db",
    "--lang=en",
    "--lang=xx",
    "--db=",
    "--help",
    "--version",
    "--quit",
    "-x",
    "visits",
    "check",
]


def _full(argv: list[str]) -> object:
    try:
        return build_parser().parse_args(argv)
    except (CliError, SystemExit):
        return None


@given(st.lists(st.sampled_from(TOKENS), max_size=6))
def test_fast_path_agrees_with_the_full_parser(argv: list[str]) -> None:
    fast = window_only_args(argv)
    if fast is None:
        return
    full = _full(argv)
    assert full is not None, argv
    assert full.command is None
    assert (fast.db, fast.lang, fast.quit_when_ready) == (
        full.db,
        full.lang,
        full.quit_when_ready,
    )


def test_fast_path_takes_the_window_s_usual_arguments() -> None:
    args = window_only_args(["--db", "big.db", "--quit-when-ready", "--lang=en"])
    assert args is not None
    assert (args.db, args.lang, args.quit_when_ready) == ("big.db", "en", True)
    none = window_only_args([])
    assert none is not None and (none.db, none.lang, none.quit_when_ready) == (None, None, False)


def test_anything_else_goes_to_the_full_parser() -> None:
    for argv in (["--help"], ["--version"], ["check"], ["--lang", "fr"], ["--db"], ["--quit"]):
        assert window_only_args(argv) is None, argv


def test_help_is_still_complete(capsys) -> None:
    from dispatch_app.cli.main import main

    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for word in ("--db", "--lang", "--quit-when-ready", "screenshot", "check", "export"):
        assert word in out, word


def test_opening_the_window_loads_no_command_module() -> None:
    """The window-only path never imports argparse or a command module (checked in a fresh
    interpreter, stopping just before the GUI would start)."""
    code = (
        "import sys\n"
        "import dispatch_app.cli.gui_commands as g\n"
        "g.run_gui = lambda args: 0\n"
        "from dispatch_app.cli.main import main\n"
        "assert main(['--db', 'x.db', '--quit-when-ready']) == 0\n"
        "loaded = [m for m in sys.modules if m == 'argparse' or m.endswith('_commands')]\n"
        "print(sorted(set(loaded) - {'dispatch_app.cli.gui_commands'}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
