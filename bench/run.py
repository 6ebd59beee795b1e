"""Run the benchmarks and write their figures: ``python bench/run.py [--only NAME] [--repeat N]``.

Every ``bench/bench_*.py`` module exposes ``BENCHMARKS: list[Bench]`` (see bench/README.md).
Each benchmark runs ``--repeat`` times (default 3) after its setup; the median, min and max are
merged into ``bench/results.json`` (figures of benchmarks not run this time are kept) and the
whole table is rewritten to ``bench/results.md``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sqlite3
import statistics
import sys
import time
import traceback
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # so benchmark modules import ``bench.common``

from bench.common import Bench  # noqa: E402

RESULTS_JSON = ROOT / "bench" / "results.json"
RESULTS_MD = ROOT / "bench" / "results.md"


def machine() -> dict[str, Any]:
    """Facts that explain a figure: CPUs, memory, Python, SQLite, Qt binding."""
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gib = None
    try:
        pages, size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
        mem_gib = round(pages * size / 2**30, 1)
    except (ValueError, OSError, AttributeError):
        pass
    try:
        pyside = metadata.version("PySide6-Essentials")
    except metadata.PackageNotFoundError:
        pyside = None
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "memory_gib": mem_gib,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "pyside6": pyside,
    }


def discover(only: str | None) -> list[tuple[str, Bench]]:
    found = []
    for path in sorted((ROOT / "bench").glob("bench_*.py")):
        module = importlib.import_module(f"bench.{path.stem}")
        for bench in getattr(module, "BENCHMARKS", []):
            if only is None or only in bench.name or only in path.stem:
                found.append((path.stem, bench))
    return found


def run_one(bench: Bench, repeat: int) -> dict[str, Any]:
    ctx = bench.setup() if bench.setup else None
    seconds: list[float] = []
    extras: dict[str, list[Any]] = {}
    for _ in range(bench.repeat or repeat):
        started = time.perf_counter()
        figures = bench.fn(ctx) or {}
        elapsed = time.perf_counter() - started
        seconds.append(float(figures.get("seconds", elapsed)))
        for key, value in figures.items():
            if key != "seconds":
                extras.setdefault(key, []).append(value)
    summary: dict[str, Any] = {}
    for key, values in extras.items():
        numeric = all(isinstance(v, int | float) for v in values)
        summary[key] = round(statistics.median(values), 4) if numeric else values[-1]
    return {
        "median_s": round(statistics.median(seconds), 4),
        "min_s": round(min(seconds), 4),
        "max_s": round(max(seconds), 4),
        "runs": len(seconds),
        "extra": summary,
        "note": bench.note,
    }


def _fmt_seconds(s: float) -> str:
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"


def write_results(results: dict[str, Any]) -> None:
    RESULTS_JSON.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", "utf-8")
    machines: dict[str, dict[str, Any]] = {}
    lines = [
        "# Benchmark results",
        "",
        "Written by `python bench/run.py`; medians of the runs shown. Process figures include",
        "Python start-up. Re-run on your machine before comparing: these machines are noisy.",
        "",
        "| benchmark | median | min | max | runs | extra | notes | date | machine |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r in sorted(results["benchmarks"].items(), key=lambda kv: (kv[1]["module"], kv[0])):
        key = json.dumps(r["machine"], sort_keys=True)
        label = machines.setdefault(key, {"id": f"M{len(machines) + 1}", **r["machine"]})["id"]
        extra = ", ".join(f"{k} {v}" for k, v in r["extra"].items())
        lines.append(
            f"| {name} | {_fmt_seconds(r['median_s'])} | {_fmt_seconds(r['min_s'])} | "
            f"{_fmt_seconds(r['max_s'])} | {r['runs']} | {extra} | {r['note']} | "
            f"{r['date']} | {label} |"
        )
    lines += ["", "## Machines", ""]
    for m in machines.values():
        facts = ", ".join(f"{k} {v}" for k, v in m.items() if k != "id" and v is not None)
        lines.append(f"- **{m['id']}**: {facts}")
    RESULTS_MD.write_text("\n".join(lines) + "\n", "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run benchmarks whose name contains NAME (or module)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per benchmark (default 3)")
    args = parser.parse_args(argv)
    benches = discover(args.only)
    if not benches:
        print(f"no benchmark matches {args.only!r}", file=sys.stderr)
        return 2
    results = {"benchmarks": {}}
    if RESULTS_JSON.exists():
        results = json.loads(RESULTS_JSON.read_text("utf-8"))
    facts = machine()
    failed = 0
    for module, bench in benches:
        print(f"{bench.name} ...", end=" ", flush=True)
        try:
            r = run_one(bench, args.repeat)
        except Exception:
            failed += 1
            print("FAILED")
            traceback.print_exc()
            continue
        r.update(module=module, date=datetime.now().strftime("%Y-%m-%d %H:%M"), machine=facts)
        results["benchmarks"][bench.name] = r
        extra = ", ".join(f"{k} {v}" for k, v in r["extra"].items())
        print(f"median {_fmt_seconds(r['median_s'])} ({r['runs']} runs) {extra}")
        write_results(results)  # after each, so a later failure keeps what was measured
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
