"""What benchmark modules share: the ``Bench`` contract, the work folder, cached demo databases
and timing of whole ``dispatch-app`` processes (start-up included, as users feel it)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "work"  # git-ignored scratch space
DEMO_AS_OF = date(2026, 6, 30)  # fixed, so every run measures the same database

Figures = dict[str, float | int | str]


@dataclass
class Bench:
    """One named benchmark.

    ``fn(ctx)`` is run ``repeat`` times (``ctx`` is what ``setup()`` returned, once, before the
    runs; ``None`` without a setup). The runner times each call; ``fn`` may instead return a
    dict of figures: ``"seconds"`` replaces the runner's timing (when ``fn`` times only part of
    its work), any other numeric key (``peak_mib``, ``baseline_s``...) is reported as its
    median, text keys as they are.
    """

    name: str
    fn: Callable[[Any], Figures | None]
    setup: Callable[[], Any] | None = None
    note: str = ""
    repeat: int | None = None  # overrides the runner's --repeat (e.g. 1 for a slow one)
    # What the figure must meet, checked by ``python -m bench.report``: clauses joined by "and",
    # each "<figure> <op> <number>" where the figure is ``ratio``, ``ms`` (the median) or any
    # numeric key ``fn`` returns, e.g. "ratio <= 3 and ms < 100" (see bench/README.md).
    target: str = ""


def work_dir(*parts: str) -> Path:
    path = WORK.joinpath(*parts)
    path.mkdir(parents=True, exist_ok=True)
    return path


def _generator_fingerprint() -> str:
    """Short hash of the code that shapes a demo database: a change makes a new cache entry."""
    src = ROOT / "src" / "dispatch_app"
    shaping = ("store/schema.py", "store/rows.py", "domain/text.py", "domain/uscc.py")
    files = [*sorted((src / "demo").glob("*.py")), *(src / f for f in shaping)]
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.read_bytes())
    return digest.hexdigest()[:10]


def demo_db(visits: int = 100_000, seed: int = 1, as_of: date = DEMO_AS_OF) -> Path:
    """A demo database of ``visits`` visits, generated once and reused (treat it read-only:
    copy it with :func:`scratch_copy` before writing)."""
    from dispatch_app.demo import generate_demo

    path = (
        work_dir("cache")
        / f"demo-{visits}-s{seed}-{as_of.isoformat()}-{_generator_fingerprint()}.db"
    )
    if not path.exists():
        for stale in path.parent.glob(f"demo-{visits}-s{seed}-{as_of.isoformat()}-*.db"):
            stale.unlink()  # made by an older generator
        generate_demo(path, seed=seed, visits=visits, as_of=as_of)
    return path


def scratch_copy(db: Path, name: str) -> Path:
    """A writable copy of a cached database under bench/work/scratch/."""
    target = work_dir("scratch") / name
    shutil.copyfile(db, target)
    return target


def app_command() -> list[str]:
    """How a user starts the program: the installed ``dispatch-app`` script if present."""
    script = Path(sys.executable).parent / (
        "dispatch-app.exe" if os.name == "nt" else "dispatch-app"
    )
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "dispatch_app.cli.main"]


def run_app(args: Sequence[str], *, expect: int = 0) -> Figures:
    """Run ``dispatch-app ARGS`` once: wall seconds and the process's peak memory (MiB)."""
    return run_process([*app_command(), *args], expect=expect)


# Runs one command and reports its time and its own peak memory. A separate small process is
# needed: Linux keeps a forked child's ru_maxrss from its parent across exec, so a command
# started straight from a runner that holds a big database in memory would inherit that peak.
_MEASURE = """
import json, os, subprocess, sys, time
cmd = json.loads(sys.argv[1])
started = time.perf_counter()
proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
seconds = time.perf_counter() - started
scale = 1024 * 1024 if sys.platform == "darwin" else 1024
print(json.dumps({"seconds": seconds, "code": os.waitstatus_to_exitcode(status),
                  "peak_mib": round(usage.ru_maxrss / scale, 1),
                  "cpu_s": round(usage.ru_utime + usage.ru_stime, 4)}))
"""


def run_process(cmd: Sequence[str], *, expect: int = 0) -> Figures:
    """Wall seconds of one process and, where the OS tells (not Windows), its peak memory and
    its CPU seconds (user + system: steadier than wall time on a machine shared with others)."""
    if hasattr(os, "wait4"):
        done = subprocess.run(
            [sys.executable, "-c", _MEASURE, json.dumps(list(cmd))],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"measuring {cmd} failed: {done.stderr[-500:]}")
        result = json.loads(done.stdout.strip().splitlines()[-1])
        code, figures = result.pop("code"), result
    else:
        started = time.perf_counter()
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        code, figures = done.returncode, {"seconds": time.perf_counter() - started}
        done.stderr = done.stderr.decode("utf-8", "replace")
    if code != expect:
        raise RuntimeError(
            f"{' '.join(cmd)} exited {code} (expected {expect}): {done.stderr[-500:]}"
        )
    return figures


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started
