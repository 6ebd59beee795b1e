"""Build the one-folder bundle and prove it works: ``python tools/build_bundle.py``.

Why: the coordinators' PCs run the frozen program, and a spec that forgets a page module, a Qt
plugin or the fonts breaks only there. This script builds with ``build_installer.spec``, checks
that no excluded Qt module came along (WebEngine, QML, 3D ...), reports the bundle's size and
largest files, then runs the *built* ``dispatch-app-cli --selftest`` offscreen, away from the
source tree (it must find everything inside the bundle). Exit 0 when all of that passed.

Options: ``--skip-build`` (check an existing bundle), ``--dist DIR`` / ``--work DIR`` (default
``build/dist`` and ``build/pyinstaller``), ``--installer`` (Windows: then run Inno Setup's ISCC on
``installer/dispatch-app.iss`` with the package's version). Needs the ``build`` extra
(``pip install -e .[build]``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build_installer.spec"
ISS = ROOT / "installer" / "dispatch-app.iss"
NAME = "dispatch-app"
# Files of Qt modules the program does not use: finding one means the excludes leaked.
FORBIDDEN = re.compile(
    r"WebEngine|Qt6?Qml|Qt6?Quick|Qt3D|Qt6?Pdf|Qt6?Network|Qt6?Sql|Qt6?Designer|Qt6?Multimedia"
    r"|Qt6?Charts|Qt6?DataVis|Qt6?Test|Qt6?Svg|Qt6?Help|Qt6?UiTools|Qt6?OpenGLWidgets"
    r"|/qml/|tkinter|numpy|pytest|hypothesis",
    re.IGNORECASE,
)


def version() -> str:
    text = (ROOT / "src" / "dispatch_app" / "__init__.py").read_text("utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    assert found, "no __version__ in dispatch_app/__init__.py"
    return found.group(1)


def build(dist: Path, work: Path) -> float:
    """Run PyInstaller on the spec; seconds taken."""
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(SPEC),
        ],
        check=True,
        cwd=ROOT,
    )
    return time.perf_counter() - started


def executable(bundle: Path, name: str) -> Path:
    return bundle / (f"{name}.exe" if os.name == "nt" else name)


def inspect(bundle: Path) -> dict:
    """Size, file count, the largest files and any forbidden file of the bundle."""
    # PyInstaller links duplicate libraries (a symlink beside the real file): count them once.
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    rel = sorted(p.relative_to(bundle).as_posix() for p in files)
    sizes = sorted(
        ((p.stat().st_size, p.relative_to(bundle).as_posix()) for p in files), reverse=True
    )
    total = sum(s for s, _ in sizes)
    return {
        "size_mib": round(total / 2**20, 1),
        "files": len(files),
        "largest": [(name, round(size / 2**20, 1)) for size, name in sizes[:12]],
        "forbidden": [name for name in rel if FORBIDDEN.search("/" + name)],
        "listing": rel,
    }


def selftest(bundle: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run the built console program's ``--selftest`` offscreen, from outside the source tree."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONPATH", "PYTHONHOME", "DISPATCH_APP_RESOURCES", "VIRTUAL_ENV"}
    }
    with tempfile.TemporaryDirectory(prefix="dispatch-bundle-") as tmp:
        env.update(QT_QPA_PLATFORM="offscreen", DISPATCH_APP_DATA=str(Path(tmp) / "data"))
        return subprocess.run(
            [str(executable(bundle, f"{NAME}-cli")), "--selftest"],
            cwd=tmp,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
            check=False,
        )


def run_iscc(dist: Path) -> None:
    """Windows only: compile the installer with the package's version and this bundle."""
    iscc = shutil.which("ISCC") or shutil.which("iscc")
    default = Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    if iscc is None and (default / "Inno Setup 6" / "ISCC.exe").exists():
        iscc = str(default / "Inno Setup 6" / "ISCC.exe")
    if iscc is None:
        raise SystemExit("ISCC (Inno Setup 6) not found: install it or add it to PATH")
    subprocess.run(
        [iscc, f"/DAppVersion={version()}", f"/DBundleDir={dist / NAME}", str(ISS)], check=True
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="check an existing bundle")
    parser.add_argument("--dist", type=Path, default=ROOT / "build" / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--installer", action="store_true", help="then run ISCC (Windows)")
    args = parser.parse_args(argv)
    bundle = args.dist / NAME
    if not args.skip_build:
        seconds = build(args.dist, args.work)
        print(f"built {bundle} in {seconds:.0f} s (version {version()})")
    facts = inspect(bundle)
    (args.dist / f"{NAME}-files.txt").write_text("\n".join(facts.pop("listing")) + "\n", "utf-8")
    print(f"bundle: {facts['size_mib']} MiB in {facts['files']} files; largest:")
    for name, mib in facts["largest"]:
        print(f"  {mib:6.1f} MiB  {name}")
    if facts["forbidden"]:
        print("FAILED: files of excluded modules in the bundle:", *facts["forbidden"], sep="\n  ")
        return 1
    done = selftest(bundle)
    print(done.stdout, end="")
    if done.returncode != 0:
        print(done.stderr, end="", file=sys.stderr)
        print(f"FAILED: the built program's self-test exited {done.returncode}", file=sys.stderr)
        return 1
    print(json.dumps({"size_mib": facts["size_mib"], "files": facts["files"], "selftest": "ok"}))
    if args.installer:
        run_iscc(args.dist)
    return 0


if __name__ == "__main__":
    sys.exit(main())
