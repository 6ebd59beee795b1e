"""The report tests read one small demo database (see support.report_demo)."""

from __future__ import annotations

import pytest

from support.report_demo import demo_path

__all__ = ["demo_path"]


@pytest.fixture
def demo_store(demo_path):
    from dispatch_app.store import open_store

    s = open_store(demo_path, readonly=True)
    yield s
    s.close()
