"""The performance report for the bureau: ``python -m bench.report [--with-1m] [--repeat N]``.

Runs every benchmark of every ``bench/bench_*.py`` module (``bench.run.discover``: a module
that lands later is in the next report without any change here) — the 100k-visit demo
benchmarks and the growth at 10k/100k visits (``bench_growth``; ``--with-1m`` adds 1M) — then
writes ``docs/performance.md``: each figure's median, its baseline measured in the same run,
the ratio, the target, met or missed, and the machine. The figures are merged into
``bench/results.json``/``results.md`` as ``bench/run.py`` does.

Targets come from ``Bench.target`` (see ``bench/common.py``), else from ``KNOWN_TARGETS``
below (the issues' targets for the benchmarks written before the field existed); a benchmark
with neither is listed with "—".
"""

from __future__ import annotations

import argparse
import importlib
import json
import operator
import os
import re
import sys
import traceback
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import run as runner  # noqa: E402
from bench.common import Bench  # noqa: E402

OUT = ROOT / "docs" / "performance.md"
LAST = ROOT / "bench" / "work" / "last-report.json"  # the last run's figures (git-ignored)

# The issues' targets for benchmarks that predate ``Bench.target``.
KNOWN_TARGETS = {
    "gui_startup_100k_process": "ratio <= 1.5 and extra_mib <= 150",
    "gui_visits_first_rows_100k_process": "ratio <= 1.5 and extra_mib <= 150",
    "gui_search_visits_100k": "ratio <= 3 and ms < 100",
    "exchange_export_visits_100k_process": "ratio_vs_sqlite3 <= 2",
    "exchange_import_visits_100k_process": "ratio_vs_sqlite3 <= 4 and speedup_vs_sqlite_utils >= 3",
    "exchange_import_enterprises_20k_process": (
        "ratio_vs_sqlite3 <= 4 and speedup_vs_sqlite_utils >= 3"
    ),
    "exchange_import_experts_100k_demo_process": (
        "ratio_vs_sqlite3 <= 4 and speedup_vs_sqlite_utils >= 3"
    ),
    "demo_100k_process": "ms < 60000",
    "progress_dashboard_100k": "ratio <= 3 and ms < 50",
    # Issue 7 (dispatch, planning, map) and the reports and audit work.
    "rank_5000_experts": "ms < 20 and speedup_vs_naive >= 10",
    "planning_order_15_stops": "ms < 50",
    "map_page_first_paint_20k": "ms < 300",
    "reports_case_booklet_100": "x_floor_cpu <= 1.3",
    "reports_visit_sheets_1000": "x_floor_cpu <= 1.3",
    "audit_import_enterprises_20k": "slowdown <= 1.15",
}
GROWTH_TARGETS = {
    "startup": "ratio <= 1.5",
    "search": "ratio <= 3 and ms < 100",
    "progress": "ratio <= 3 and ms < 50",
    "export": "ratio <= 2",
}
# Why a known target is missed, in one line (the profiles are in bench/README.md). Keyed by
# the start of the benchmark's name; a new benchmark that misses gets "see its module".
WHY_MISSED = {
    "audit_import": "one audit row and its `(record_id, id)` index entry per imported record; "
    "1.10× in the run that tuned it, 1.33× in the report's run (missed; not re-tuned): "
    "the index alone was ~0.05× (bench/README.md, audit trail)",
    "exchange_import": "per-row checks in Python (USCC check digit, phone, district, dates) and "
    "pinyin keys for every name, where `sqlite3 .import` only copies text; profile in "
    "bench/README.md (issue 11); not fixed yet",
    "exchange_export": "the lines are built in SQL (no Python per cell); what is left is the "
    "query the template needs (names joined from three tables, the experts cell, the sort by "
    "date), which the sqlite3 CLI itself runs in ~0.74× our whole process's CPU, against a "
    "plain `SELECT *` (bench/README.md, issue 11 part 3, third pass)",
    "growth_export": "as exchange_export",
    "gui_": "Qt's own work the bare window does not do (the `Qt` namespace's ~100 enums, "
    "the CJK font, painting tables of Chinese text: a minimal script with the same first paint "
    "is already ~1.4×) and our modules on the path; the opening `quick_check` now runs after "
    "the first paint (bench/README.md, start-up itemised, third pass)",
    "growth_startup": "as gui_startup (the opening `quick_check`, which dominated at 1M visits, "
    "now runs after the first paint)",
    "reports_": "most of the time is reportlab's Table (cell geometry twice, a string drawn "
    "per cell) for the ruled forms the bureau's sheets need; the plain floor draws no table "
    "(against the same script with tables we are faster) and LibreOffice given plain "
    "paragraphs is a fast C++ path (bench/README.md, printed reports)",
    "progress_dashboard": "three figures need the distinct enterprises of the year's visits "
    "(no index streams them) and follow-ups carry no district; a per-day summary table or a "
    "district on follow-ups would meet it (bench/README.md, issue 8); the dashboard runs in a "
    "worker, the window never waits for it",
    "growth_progress": "as progress_dashboard",
    "growth_search": "the same SQL run raw takes as long (see the baseline): `LIKE '%…%'` reads "
    "every visit row, and FTS5's trigram index finds nothing for the 1–2 character terms most "
    "Chinese searches are; at 1M visits a keystroke waits ~1 s for SQLite itself",
}
# Where the baseline of a benchmark without ``baseline_s`` is (the floors' own names).
BASELINE_KEYS = (
    "baseline_s",
    "sqlite3_csv_s",
    "sqlite3_import_s",
    "group_by_ms",
    "aggregate_ms",  # planning: the needs' one aggregate query
    "naive_geodesic_ms",  # dispatch: ranking with a geopy loop
    "floor_s",  # reports: bare reportlab
    "summary_only_s",  # audit: the import without per-record audit rows
)
_OPS = {"<=": operator.le, "<": operator.lt, ">=": operator.ge, ">": operator.gt}
_CLAUSE = re.compile(r"^\s*([A-Za-z_][\w]*)\s*(<=|>=|<|>)\s*([0-9.]+)\s*$")


def target_of(bench: Bench) -> str:
    if getattr(bench, "target", ""):
        return bench.target
    if bench.name in KNOWN_TARGETS:
        return KNOWN_TARGETS[bench.name]
    growth = re.match(r"growth_([a-z]+)_", bench.name)
    return GROWTH_TARGETS.get(growth.group(1), "") if growth else ""


def why_missed(name: str) -> str:
    for prefix, why in WHY_MISSED.items():
        if name.startswith(prefix):
            return why
    return "no reason recorded: see the benchmark's module and bench/README.md"


def baseline_of(result: dict[str, Any]) -> float | None:
    """The baseline in seconds: ``baseline_s`` or a floor's own key, measured in the same run."""
    extra = result.get("extra", {})
    for key in BASELINE_KEYS:
        value = extra.get(key)
        if isinstance(value, int | float) and value > 0:
            return value / 1000 if key.endswith("_ms") else float(value)
    return None


def ratio_of(result: dict[str, Any]) -> float | None:
    extra = result.get("extra", {})
    for key in ("ratio", *sorted(k for k in extra if k.startswith("ratio"))):
        if isinstance(extra.get(key), int | float):
            return float(extra[key])
    base = baseline_of(result)
    return round(result["median_s"] / base, 2) if base else None


def figure(result: dict[str, Any], name: str) -> float | None:
    if name == "ms":
        return result["median_s"] * 1000
    if name == "ratio":
        return ratio_of(result)
    value = result.get("extra", {}).get(name)
    return float(value) if isinstance(value, int | float) else None


def check(target: str, result: dict[str, Any]) -> str:
    """ "met", "missed (what)" or "?" (a clause names a figure the benchmark did not give)."""
    if not target:
        return "—"
    missed = []
    for clause in target.split(" and "):
        found = _CLAUSE.match(clause)
        if not found:
            return f"? (cannot read {clause!r})"
        name, op, limit = found.group(1), found.group(2), float(found.group(3))
        value = figure(result, name)
        if value is None:
            return f"? (no {name})"
        if not _OPS[op](value, limit):
            missed.append(f"{name} {value:.4g}")
    return "met" if not missed else "**missed** (" + ", ".join(missed) + ")"


def seconds_text(s: float | None) -> str:
    if s is None:
        return "—"
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"


def run_all(benches: list[tuple[str, Bench]], repeat: int) -> dict[str, dict[str, Any]]:
    results = {"benchmarks": {}}
    if runner.RESULTS_JSON.exists():
        results = json.loads(runner.RESULTS_JSON.read_text("utf-8"))
    facts = runner.machine()
    this_run: dict[str, dict[str, Any]] = {}
    for module, bench in benches:
        print(f"{bench.name} ...", end=" ", flush=True)
        try:
            r = runner.run_one(bench, repeat)
        except Exception as exc:
            traceback.print_exc()
            print("FAILED")
            this_run[bench.name] = {"module": module, "failed": f"{type(exc).__name__}: {exc}"}
            continue
        r.update(module=module, date=datetime.now().strftime("%Y-%m-%d %H:%M"), machine=facts)
        results["benchmarks"][bench.name] = r
        this_run[bench.name] = r
        print(f"median {seconds_text(r['median_s'])} ({r['runs']} runs)")
        runner.write_results(results)
    return this_run


def _load() -> str:
    try:
        return ", ".join(f"{x:.1f}" for x in os.getloadavg())
    except (OSError, AttributeError):
        return "n/a"


def render(
    benches: list[tuple[str, Bench]], done: dict[str, dict[str, Any]], meta: dict[str, Any]
) -> str:
    m = meta["machine"]
    lines = [
        "# Performance / 性能报告",
        "",
        f"Written by `python -m bench.report{meta['args']}` on {meta['date']}; every figure below",
        "comes from that one run. **Median** of the runs; the **baseline** is the comparison",
        "measured in the same run, on the same data (a bare PySide6 window, the same SQL through",
        "`sqlite3`, the native `sqlite3` import/export); **ratio** = median / baseline. Whole-",
        "process figures (`…_process`) include Python's start-up, as a user feels it.",
        "",
        f"Machine: {m['cpus']} CPUs ({m['cpu']}), {m['memory_gib']} GiB, {m['os']}, Python "
        f"{m['python']}, SQLite {m['sqlite']}, PySide6 {m['pyside6']}. Load average at the start "
        f"{meta['load_start']}, at the end {meta['load_end']} — the machine is shared, so the "
        "seconds vary between runs up to 2×; the ratios are steadier.",
        "",
        "本报告由一条命令生成，所有数字来自同一次运行：中位数、同一次运行中测得的基准",
        "（空白 PySide6 窗口、用 sqlite3 直接执行的同一条 SQL、sqlite3 自带的导入/导出）、",
        "两者之比、目标及是否达标。",
        "",
    ]
    growth = [(mod, b) for mod, b in benches if mod == "bench_growth"]
    suite = [(mod, b) for mod, b in benches if mod != "bench_growth"]
    lines += [
        "## Every benchmark (100k-visit demo unless the name says otherwise)",
        "",
        "| benchmark | median | baseline | ratio | target | met? | what is measured |",
        "|---|---|---|---|---|---|---|",
    ]
    missed = []
    for module, bench in suite:
        r = done.get(bench.name)
        if r is None:
            continue
        lines.append(_row(bench, r, missed, module))
    if growth:
        lines += _growth(growth, done, missed)
    lines += ["", "## Targets missed", ""]
    if missed:
        lines += [
            f"- `{name}` {verdict.replace('**missed** ', '')}: {why_missed(name)}"
            for name, verdict in missed
        ]
        lines += [
            "",
            "Profiles and the reasons, benchmark by benchmark (what limits each figure and what",
            "would meet the target), are in `bench/README.md`: start-up itemised (issue 11),",
            "the progress dashboard (issue 8), the exchange import/export (issue 11).",
        ]
    else:
        lines.append("None in this run.")
    failed = [(n, r["failed"]) for n, r in done.items() if "failed" in r]
    if failed:
        lines += ["", "## Benchmarks that failed in this run", ""]
        lines += [f"- `{name}`: {why}" for name, why in failed]
    lines += [
        "",
        "Targets come from the issues (`bench/report.py` `KNOWN_TARGETS`, or a benchmark's own",
        "`Bench.target`); a new `bench/bench_*.py` module appears here at the next run.",
    ]
    return "\n".join(lines) + "\n"


def _row(bench: Bench, r: dict[str, Any], missed: list, module: str) -> str:
    if "failed" in r:
        return f"| {bench.name} | FAILED | | | {target_of(bench)} | | {r['failed'][:80]} |"
    ratio = ratio_of(r)
    target = target_of(bench)
    verdict = check(target, r)
    if verdict.startswith("**missed"):
        missed.append((bench.name, verdict))
    note = (bench.note or module).replace("|", "\\|")
    return (
        f"| {bench.name} | {seconds_text(r['median_s'])} | {seconds_text(baseline_of(r))} | "
        f"{f'{ratio:.2f}×' if ratio is not None else '—'} | {target or '—'} | {verdict} | "
        f"{note} |"
    )


def _growth(growth: list[tuple[str, Bench]], done: dict[str, Any], missed: list) -> list[str]:
    sizes: list[str] = []
    cells: dict[tuple[str, str], str] = {}
    for _module, bench in growth:
        found = re.match(r"growth_([a-z]+)_(\w+?)(_process)?$", bench.name)
        if not found or bench.name not in done:
            continue
        kind, size = found.group(1), found.group(2)
        if size not in sizes:
            sizes.append(size)
        r = done[bench.name]
        if "failed" in r:
            cells[kind, size] = "FAILED"
            continue
        ratio, base = ratio_of(r), baseline_of(r)
        verdict = check(target_of(bench), r)
        if verdict.startswith("**missed"):
            missed.append((bench.name, verdict))
        mark = "met" if verdict == "met" else ("missed" if "missed" in verdict else verdict)
        cells[kind, size] = (
            f"{seconds_text(r['median_s'])} vs {seconds_text(base)} = "
            f"{f'{ratio:.2f}×' if ratio is not None else '—'} ({mark})"
        )
    lines = [
        "",
        "## Growth: the same figures at each database size",
        "",
        "Median vs the baseline of the same run = ratio (target met or missed). The targets are",
        "the 100k ones; the other sizes show how each figure grows.",
        "",
        "| figure | target | " + " | ".join(f"{s.replace('m', 'M')} visits" for s in sizes) + " |",
        "|---|---|" + "---|" * len(sizes),
    ]
    what = {
        "startup": "start-up to painted rows (process)",
        "search": "search per keystroke",
        "progress": "progress dashboard",
        "export": "export visits CSV (process)",
    }
    for kind, label in what.items():
        if any((kind, s) in cells for s in sizes):
            row = " | ".join(cells.get((kind, s), "—") for s in sizes)
            lines.append(f"| {label} | {GROWTH_TARGETS[kind]} | {row} |")
    if "1m" not in sizes:
        lines += ["", "1M visits: not in this run (`python -m bench.report --with-1m`)."]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--with-1m", action="store_true", help="growth at 1M visits too (slow)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per benchmark (default 3)")
    parser.add_argument("--only", help="only benchmarks whose name (or module) contains this")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--render-only",
        action="store_true",
        help="rewrite the report from the last run's figures (bench/work/last-report.json)",
    )
    args = parser.parse_args(argv)
    if args.render_only:
        return _render_last(args.out)
    if args.with_1m:
        os.environ["DISPATCH_BENCH_1M"] = "1"  # read by bench_growth at import
    benches = runner.discover(args.only)
    if not benches:
        print(f"no benchmark matches {args.only!r}", file=sys.stderr)
        return 2
    given = list(argv if argv is not None else sys.argv[1:])
    if "--out" in given:  # where it was written is not part of how it was measured
        del given[given.index("--out") : given.index("--out") + 2]
    shown = "".join(f" {a}" for a in given if not a.startswith("--out="))
    meta = {"date": datetime.now().strftime("%Y-%m-%d %H:%M"), "load_start": _load(), "args": shown}
    done = run_all(benches, args.repeat)
    meta.update(load_end=_load(), machine=runner.machine())
    names = [(module, bench.name) for module, bench in benches]
    LAST.parent.mkdir(parents=True, exist_ok=True)
    LAST.write_text(json.dumps({"benches": names, "done": done, "meta": meta}, indent=1), "utf-8")
    return _render_last(args.out)


def _render_last(out: Path) -> int:
    """The report from the figures the last run kept (the benchmarks' own objects, re-imported,
    give the targets and notes): text can be improved without measuring again."""
    last = json.loads(LAST.read_text("utf-8"))
    found = {bench.name: (module, bench) for module, bench in runner.discover(None)}
    if "1m" in "".join(name for _m, name in last["benches"]):
        os.environ["DISPATCH_BENCH_1M"] = "1"
        importlib.reload(importlib.import_module("bench.bench_growth"))
        found = {bench.name: (module, bench) for module, bench in runner.discover(None)}
    benches = [
        found.get(name) or (module, Bench(name, lambda _: None)) for module, name in last["benches"]
    ]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(benches, last["done"], last["meta"]), "utf-8")
    print(f"wrote {out}")
    return 1 if any("failed" in r for r in last["done"].values()) else 0


if __name__ == "__main__":
    sys.exit(main())
