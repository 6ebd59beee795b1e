"""One-command start for a fresh clone: needs only Python 3.11+.

    python quickstart.py app    # make .venv, install, write a demo database, open the window
    python quickstart.py test   # make .venv, install with test tools, run the test suite

Works the same on Windows and Linux (it never relies on an activated shell).
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"


def _bin(name: str) -> Path:
    sub = "Scripts" if os.name == "nt" else "bin"
    exe = name + (".exe" if os.name == "nt" else "")
    return VENV / sub / exe


def _run(*cmd: object) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT)


def _install(extra: str = "") -> None:
    if not _bin("python").exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    _run(_bin("python"), "-m", "pip", "install", "-q", "--upgrade", "pip")
    _run(_bin("python"), "-m", "pip", "install", "-q", "-e", f".{extra}")
    # Bytecode now, once: an editable install runs from the source tree, and where
    # PYTHONDONTWRITEBYTECODE is set every start would otherwise compile the ~50 modules the
    # window imports (~20 ms of each start-up; bench/README.md).
    _run(_bin("python"), "-m", "compileall", "-q", ROOT / "src" / "dispatch_app")


def app() -> None:
    _install()
    demo = ROOT / "demo.db"
    if not demo.exists():
        _run(_bin("dispatch-app"), "demo", demo)
    _run(_bin("dispatch-app"), "--db", demo)


def test(pytest_args: list[str]) -> None:
    _install("[test]")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _run(_bin("python"), "-m", "pytest", *pytest_args)


def main() -> int:
    what = sys.argv[1] if len(sys.argv) > 1 else ""
    try:
        if what == "app":
            app()
        elif what == "test":
            test(sys.argv[2:])
        else:
            print(__doc__, file=sys.stderr)
            return 2
    except subprocess.CalledProcessError as exc:
        return exc.returncode or 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
