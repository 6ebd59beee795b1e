"""补全坐标 with a fake geocoder: off by default, improves town/district points, no network."""

from __future__ import annotations

import pytest

from dispatch_app.domain.records import Enterprise
from dispatch_app.geo.geocode import GeocoderSettings
from dispatch_app.geo.geocode_missing import (
    GeocodingOff,
    GeocodingUnavailable,
    geocode_missing,
    missing_count,
)
from dispatch_app.services import registry
from support.world import enterprise_raw

POINT = (27.99, 120.70)  # GCJ-02, inside Wenzhou


class Fake:
    name, datum = "nominatim", "GCJ-02"

    def __init__(self, fail_after: int | None = None) -> None:
        self.calls: list[str] = []
        self.fail_after = fail_after

    def lookup(self, query: str):
        if self.fail_after is not None and len(self.calls) >= self.fail_after:
            raise OSError("Network is unreachable")
        self.calls.append(query)
        return POINT


def _seed(store, n: int = 3) -> list[str]:
    return [
        registry.register(store, Enterprise, enterprise_raw(i, address=f"某路{i}号")).id
        for i in range(1, n + 1)
    ]


def test_off_by_default_sends_nothing(store) -> None:
    _seed(store)
    with pytest.raises(GeocodingOff) as caught:
        geocode_missing(store)
    assert "调度设置" in caught.value.zh and "Dispatch settings" in caught.value.en


def test_improves_centre_points_and_caches(store) -> None:
    ids = _seed(store)
    assert missing_count(store) == 3
    fake, seen = Fake(), []
    summary = geocode_missing(
        store,
        GeocoderSettings("nominatim"),
        geocoder=fake,
        sleep=lambda s: None,
        report=lambda d, t: seen.append((d, t)),
    )
    assert (summary.looked_up, summary.improved, summary.requests) == (3, 3, 3)
    assert seen[-1] == (3, 3)
    rows = store.query("SELECT coord_precision, coord_source FROM enterprises")
    assert {(r[0], r[1]) for r in rows} == {("exact", "geocoder:nominatim")}
    assert missing_count(store) == 0
    store.conn.execute(
        "UPDATE enterprises SET coord_precision = 'district' WHERE id = ?", (ids[0],)
    )
    again = geocode_missing(store, GeocoderSettings("nominatim"), geocoder=fake, sleep=lambda s: 0)
    assert (again.improved, again.requests) == (1, 0)  # answered from the cache


def test_no_network_says_so_and_changes_nothing(store) -> None:
    _seed(store)
    before = store.query("SELECT id, lat, lon, coord_precision FROM enterprises ORDER BY id")
    with pytest.raises(GeocodingUnavailable) as caught:
        geocode_missing(store, GeocoderSettings("nominatim"), geocoder=Fake(fail_after=0))
    assert caught.value.improved == 0
    assert "没有修改任何记录" in caught.value.zh and "Nothing was changed" in caught.value.en
    after = store.query("SELECT id, lat, lon, coord_precision FROM enterprises ORDER BY id")
    assert [tuple(r) for r in after] == [tuple(r) for r in before]
    assert store.scalar("SELECT count(*) FROM geocode_cache") == 0  # a failure is not cached


def test_failure_midway_keeps_what_was_found(store) -> None:
    _seed(store)
    with pytest.raises(GeocodingUnavailable) as caught:
        geocode_missing(
            store, GeocoderSettings("nominatim"), geocoder=Fake(fail_after=2), sleep=lambda s: 0
        )
    assert caught.value.improved == 2
    assert missing_count(store) == 1
