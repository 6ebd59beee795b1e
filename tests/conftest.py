"""Shared fixtures: every test gets its own data/config folders; Qt runs offscreen."""

from __future__ import annotations

import os
from datetime import datetime

# Qt aborts the whole run without a display unless the platform is set before it loads.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

# The instant every test starts from (Wenzhou local time). Run the suite in another month or
# year with DISPATCH_APP_TEST_NOW=2027-03-15T09:30:00+08:00: no test may depend on the choice.
DEFAULT_TEST_NOW = "2026-11-20T10:00:00+08:00"


def _test_start() -> datetime:
    return datetime.fromisoformat(os.environ.get("DISPATCH_APP_TEST_NOW", DEFAULT_TEST_NOW))


def pytest_configure(config: pytest.Config) -> None:
    """Freeze the clock for the whole session, session-wide fixtures (seeded worlds) included.

    The clock starts at the test instant and runs on (so successive edits keep increasing
    ``updated_at`` times); it is set through the environment so subprocesses (the CLI) read
    the same clock.
    """
    from dispatch_app import clock

    os.environ[clock.ENV] = clock.freeze_value(_test_start(), running=True)


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch: pytest.MonkeyPatch) -> datetime:
    """The instant the session's clock started from; a test that moves the clock gets it back."""
    from dispatch_app import clock

    monkeypatch.setenv(clock.ENV, os.environ[clock.ENV])
    return _test_start()


@pytest.fixture
def freeze(monkeypatch: pytest.MonkeyPatch):
    """Stop the clock at a given instant: ``freeze("2026-11-30T23:59:00+08:00")``."""
    from dispatch_app import clock

    def stop(when: str | datetime) -> None:
        instant = datetime.fromisoformat(when) if isinstance(when, str) else when
        monkeypatch.setenv(clock.ENV, clock.freeze_value(instant))

    return stop


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    base = tmp_path_factory.mktemp("appdirs")
    monkeypatch.setenv("DISPATCH_APP_DATA", str(base / "data"))
    monkeypatch.setenv("DISPATCH_APP_CONFIG", str(base / "config"))
    yield


@pytest.fixture
def store(tmp_path):
    """A fresh, empty database with the schema and reference data."""
    from dispatch_app.store import open_store

    s = open_store(tmp_path / "test.db", create=True)
    yield s
    s.close()
