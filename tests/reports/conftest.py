"""A small demo database shared by the report tests (generated once per worker)."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory):
    from dispatch_app.demo.generator import generate_demo

    path = tmp_path_factory.mktemp("reports") / "demo.db"
    generate_demo(path, seed=3, visits=240, as_of=date(2026, 11, 20))
    return path


@pytest.fixture
def demo_store(demo_path):
    from dispatch_app.store import open_store

    s = open_store(demo_path, readonly=True)
    yield s
    s.close()
