"""Shared fixtures: every test gets its own data/config folders; Qt runs offscreen."""

from __future__ import annotations

import os

# Qt aborts the whole run without a display unless the platform is set before it loads.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


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
