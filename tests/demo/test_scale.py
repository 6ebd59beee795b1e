"""The 100k-visit demo (slow): a reduced 20k run unless DISPATCH_SLOW_FULL=1."""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

import pytest

from dispatch_app.demo import generate_demo
from dispatch_app.services.health import check
from dispatch_app.store import open_store


@pytest.mark.slow
def test_large_demo_is_fast_and_healthy(tmp_path: Path) -> None:
    visits = 100_000 if os.environ.get("DISPATCH_SLOW_FULL") == "1" else 20_000
    started = time.perf_counter()
    summary = generate_demo(tmp_path / "big.db", seed=1, visits=visits, as_of=date(2026, 6, 30))
    seconds = time.perf_counter() - started
    assert summary.visits == visits
    assert seconds < 60 * visits / 100_000  # "well under a minute" for 100k, pro rata
    with open_store(tmp_path / "big.db", readonly=True) as store:
        report = check(store)
    assert report.ok
    assert report.counts["visits"] == visits
    assert report.counts["enterprises"] == visits // 5
