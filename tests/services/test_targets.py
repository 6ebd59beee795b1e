"""Yearly targets: defaults once, and a bureau's own figures replacing them."""

from __future__ import annotations

import pytest

from dispatch_app.domain.problems import ValidationError
from dispatch_app.services import progress, targets


def test_defaults_are_inserted_once(store):
    assert targets.ensure_default_targets(store, 2026) == 13
    assert targets.ensure_default_targets(store, 2026) == 0
    assert store.scalar("SELECT sum(visits_target) FROM targets WHERE scope != '330300'") == 10_000


def test_set_target_replaces_and_progress_uses_it(store):
    targets.ensure_default_targets(store, 2026)
    first = store.scalar("SELECT id FROM targets WHERE year = 2026 AND scope = '330382'")
    targets.set_target(store, 2026, "乐清市", 1800, 80)
    row = store.query("SELECT * FROM targets WHERE year = 2026 AND scope = '330382'")
    assert len(row) == 1 and row[0]["id"] == first
    assert (row[0]["visits_target"], row[0]["appointments_target"]) == (1800, 80)
    yueqing = next(d for d in progress.progress(store, 2026).districts if d.adcode == "330382")
    assert yueqing.visits_target == 1800


def test_set_target_refuses_bad_figures_and_writes_nothing(store):
    with pytest.raises(ValidationError) as info:
        targets.set_target(store, 2026, "杭州", -1, 5)
    assert {p.field for p in info.value.problems} >= {"scope", "visits_target"}
    assert store.scalar("SELECT count(*) FROM targets") == 0
