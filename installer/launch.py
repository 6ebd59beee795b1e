"""Entry point of the frozen program (PyInstaller runs this file as a plain script).

Why a separate file: ``dispatch_app/cli/main.py`` uses relative imports, which fail when it is
run as ``__main__``. This file imports the package instead. In the windowed build on Windows
``sys.stdout`` and ``sys.stderr`` are ``None``, and the first ``print`` would raise: output goes
to a log file in the user's data folder there, so a failed start leaves a trace someone can send.
"""

from __future__ import annotations

import os
import sys


def _give_windowed_build_streams() -> None:
    if sys.stdout is not None and sys.stderr is not None:
        return
    log = None
    try:
        from dispatch_app.paths import user_data_dir

        folder = user_data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        log = open(folder / "dispatch-app.log", "a", encoding="utf-8", buffering=1)  # noqa: SIM115
    except OSError:
        log = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stdout is None:
        sys.stdout = log
    if sys.stderr is None:
        sys.stderr = log


if __name__ == "__main__":
    _give_windowed_build_streams()
    from dispatch_app.cli.main import main

    sys.exit(main())
