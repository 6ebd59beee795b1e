"""``python -m bench.report``: targets read and checked, baselines found, every module listed.

The benchmarks themselves never run in the test suite; these tests feed the report made-up
results and check what it writes from them.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import Bench  # noqa: E402

from bench import report  # noqa: E402


def result(median_s: float, **extra) -> dict:
    return {"median_s": median_s, "min_s": median_s, "max_s": median_s, "runs": 3, "extra": extra}


def test_targets_are_checked_clause_by_clause():
    r = result(0.032, baseline_s=0.0315, ratio=1.01)
    assert report.check("ratio <= 3 and ms < 100", r) == "met"
    slow = result(0.418, group_by_ms=29.05, ratio=14.4)
    verdict = report.check("ratio <= 3 and ms < 50", slow)
    assert verdict.startswith("**missed**") and "ratio 14.4" in verdict and "ms 418" in verdict
    assert report.check("speedup_vs_sqlite_utils >= 3", result(1, speedup_vs_sqlite_utils=2.87))
    assert report.check("peak_mib <= 10", result(1)) == "? (no peak_mib)"
    assert report.check("", result(1)) == "—"


def test_the_baseline_is_the_floor_measured_in_the_same_run():
    assert report.baseline_of(result(1.2, sqlite3_csv_s=0.35)) == 0.35
    assert report.baseline_of(result(0.4, group_by_ms=29.0)) == 0.029
    assert report.baseline_of(result(0.4, peak_mib=20)) is None
    # No ratio given: the report computes it from the median and the baseline.
    assert report.ratio_of(result(0.5, baseline_s=0.25)) == 2.0
    assert report.ratio_of(result(2.84, sqlite3_csv_s=0.35, ratio_vs_sqlite3=7.26)) == 7.26


def test_a_target_comes_from_the_bench_then_the_known_table_then_growth():
    own = Bench("bench_new_thing_100k", lambda _: None, target="ratio <= 2")
    assert report.target_of(own) == "ratio <= 2"
    assert report.target_of(Bench("gui_search_visits_100k", lambda _: None)) == (
        "ratio <= 3 and ms < 100"
    )
    assert report.target_of(Bench("growth_export_10k_process", lambda _: None)) == "ratio <= 2"
    assert report.target_of(Bench("unknown", lambda _: None)) == ""


def test_every_module_and_the_growth_table_are_rendered():
    benches = [
        ("bench_dispatch", Bench("dispatch_rank_100k", lambda _: None, target="ms < 100")),
        ("bench_gui", Bench("gui_search_visits_100k", lambda _: None, note="per keystroke")),
        ("bench_growth", Bench("growth_search_10k", lambda _: None)),
        ("bench_growth", Bench("growth_search_100k", lambda _: None)),
        ("bench_reports", Bench("reports_booklet_100k", lambda _: None)),
    ]
    done = {
        "dispatch_rank_100k": result(0.25, baseline_s=0.05),
        "gui_search_visits_100k": result(0.032, baseline_s=0.0315, ratio=1.01),
        "growth_search_10k": result(0.015, baseline_s=0.015, ratio=1.0),
        "growth_search_100k": result(0.140, baseline_s=0.030, ratio=4.6),
        "reports_booklet_100k": {"module": "bench_reports", "failed": "RuntimeError: no font"},
    }
    meta = {
        "date": "2026-12-03 07:00",
        "args": "",
        "load_start": "1.0",
        "load_end": "1.2",
        "machine": {
            "cpus": 2, "cpu": "CPU", "memory_gib": 8, "os": "Linux", "python": "3.11",
            "sqlite": "3.40", "pyside6": "6.11",
        },
    }  # fmt: skip
    text = report.render(benches, done, meta)
    assert (
        "| dispatch_rank_100k | 250.0 ms | 50.0 ms | 5.00× | ms < 100 | **missed** (ms 250)" in text
    )
    assert (
        "| gui_search_visits_100k | 32.0 ms | 31.5 ms | 1.01× | ratio <= 3 and ms < 100 | met"
        in text
    )
    assert "| 10k visits | 100k visits |" in text
    assert "140.0 ms vs 30.0 ms = 4.60× (missed)" in text
    assert "reports_booklet_100k`: RuntimeError: no font" in text
    assert "- `growth_search_100k` (ratio 4.6, ms 140): the same SQL run raw" in text
    assert "- `dispatch_rank_100k` (ms 250): no reason recorded" in text
    assert "- `dispatch_rank_100k` (ms 250)" in text
    assert "2 CPUs (CPU)" in text


def test_discovery_finds_every_bench_module():
    from bench import run

    modules = {module for module, _bench in run.discover(None)}
    on_disk = {p.stem for p in (ROOT / "bench").glob("bench_*.py")}
    assert on_disk - {"bench_growth"} <= modules  # (growth is listed too, by its sizes)
    assert "bench_growth" in modules
