"""The one clock: frozen through the environment, local dates, local months as UTC bounds."""

from __future__ import annotations

import ast
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from dispatch_app import clock

ROOT = Path(__file__).resolve().parents[1]


def test_a_standing_clock_gives_that_instant_and_its_local_date(freeze) -> None:
    freeze("2026-11-30T23:59:00+08:00")
    assert clock.now() == datetime(2026, 11, 30, 15, 59, tzinfo=UTC)
    assert clock.today() == date(2026, 11, 30)
    assert clock.now_iso() == "2026-11-30T15:59:00.000000Z"
    freeze("2026-12-01T00:01:00+08:00")
    assert clock.today() == date(2026, 12, 1)  # already December in Wenzhou…
    assert clock.now().date() == date(2026, 11, 30)  # …while UTC is still in November


def test_a_running_clock_moves_on_from_its_start(monkeypatch) -> None:
    start = datetime(2027, 3, 15, 9, 30, tzinfo=clock.LOCAL)
    monkeypatch.setenv(clock.ENV, clock.freeze_value(start, running=True))
    first = clock.now()
    second = clock.now()
    assert start <= first <= second
    assert (second - start).total_seconds() < 60


def test_a_bare_time_is_local_and_a_bad_one_is_refused(monkeypatch) -> None:
    monkeypatch.setenv(clock.ENV, "2026-07-01T08:00:00")
    assert clock.now() == datetime(2026, 7, 1, 0, 0, tzinfo=UTC)
    monkeypatch.setenv(clock.ENV, "next tuesday")
    with pytest.raises(clock.ClockError, match="ISO-8601"):
        clock.now()


def test_local_month_bounds_in_stored_form() -> None:
    assert clock.local_month_bounds_utc(2026, 12) == (
        "2026-11-30T16:00:00.000000Z",
        "2026-12-31T16:00:00.000000Z",
    )
    assert clock.local_month_bounds_utc(2027, 1)[0] == "2026-12-31T16:00:00.000000Z"


def test_the_test_suite_runs_on_the_frozen_date(frozen_now) -> None:
    assert clock.today() == frozen_now.date()


def test_a_subprocess_reads_the_same_clock(frozen_now) -> None:
    out = subprocess.run(
        [sys.executable, "-c", "from dispatch_app import clock; print(clock.today())"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert out == frozen_now.date().isoformat()


_WALL_CLOCK_CALLS = {("date", "today"), ("datetime", "now"), ("datetime", "utcnow")}


def _wall_clock_reads(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and (node.func.value.id, node.func.attr) in _WALL_CLOCK_CALLS
        ):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
        if isinstance(node, ast.Attribute) and node.attr in ("currentDate", "currentDateTime"):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_nothing_but_the_clock_reads_the_wall_clock() -> None:
    """Tests and program alike go through ``dispatch_app.clock`` (so a test can fix the date)."""
    files = [*ROOT.joinpath("src").rglob("*.py"), *ROOT.joinpath("tests").rglob("*.py")]
    offenders = [hit for f in files if f.name != "clock.py" for hit in _wall_clock_reads(f)]
    assert offenders == []
