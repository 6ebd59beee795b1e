"""A small demo database for the report tests (the documents, the CLI, the Reports page)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory) -> Path:
    """240 visits of the demo city, as of 2026-11-20; generated once per worker, read-only."""
    from dispatch_app.demo.generator import generate_demo

    path = tmp_path_factory.mktemp("reports") / "demo.db"
    generate_demo(path, seed=3, visits=240, as_of=date(2026, 11, 20))
    return path
