"""Optional geocoding with a fake geocoder: cache, rate limit, datum, bounds; and the export."""

from __future__ import annotations

from dispatch_app.domain.records import Enterprise
from dispatch_app.exchange.exporter import ExportOptions, export_rows
from dispatch_app.geo.datum import gcj02_to_bd09
from dispatch_app.geo.distance import haversine_km
from dispatch_app.geo.geocode import (
    CachedGeocoder,
    GeocoderSettings,
    improve_points,
    make_geocoder,
)
from dispatch_app.services import registry
from support.world import enterprise_raw


class FakeGeocoder:
    """Answers from a dict in Baidu's datum; counts the calls."""

    name = "baidu"
    datum = "BD-09"

    def __init__(self, answers: dict[str, tuple[float, float] | None]) -> None:
        self.answers, self.calls = answers, []

    def lookup(self, query: str) -> tuple[float, float] | None:
        self.calls.append(query)
        for key, value in self.answers.items():
            if key in query:
                return value
        return None


class FakeTime:
    def __init__(self) -> None:
        self.now, self.slept = 0.0, []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, s: float) -> None:
        self.slept.append(s)
        self.now += s


def test_off_by_default(store) -> None:
    settings = GeocoderSettings.load(store)
    assert settings.provider == "off"
    assert make_geocoder(settings) is None
    settings.provider = "baidu"  # no key: still off
    assert make_geocoder(settings) is None


def test_settings_round_trip(store) -> None:
    GeocoderSettings("nominatim", "", "ua-test", 2.5).save(store)
    assert GeocoderSettings.load(store) == GeocoderSettings("nominatim", "", "ua-test", 2.5)


def test_cache_rate_limit_and_datum(store) -> None:
    target = (28.11, 120.97)
    fake = FakeGeocoder({"长虹路": gcj02_to_bd09(*target), "北京": (39.9, 116.4)})
    t = FakeTime()
    cached = CachedGeocoder(store, fake, 1.0, sleep=t.sleep, monotonic=t.monotonic)
    p = cached.lookup("乐清市长虹路 8 号")
    assert p is not None and haversine_km(*p, *target) < 0.005  # BD-09 converted
    assert cached.lookup("乐清市长虹路 8 号") == p  # from the cache
    assert cached.lookup("北京市") is None  # outside Wenzhou: refused, and cached as such
    assert cached.lookup("北京市") is None
    assert fake.calls == ["乐清市长虹路 8 号", "北京市"]
    assert t.slept == [1.0]  # the second request waited its interval
    assert store.scalar("SELECT count(*) FROM geocode_cache") == 2


def test_improve_points_only_touches_non_exact(store) -> None:
    a = registry.register(store, Enterprise, enterprise_raw(1, address="长虹路 8 号"))
    b = registry.register(
        store, Enterprise, enterprise_raw(2, address="长虹路 9 号", lat=28.2, lon=120.9)
    )
    assert a.coord_precision == "district"
    fake = FakeGeocoder({"长虹路": gcj02_to_bd09(28.11, 120.97)})
    t = FakeTime()
    cached = CachedGeocoder(store, fake, 0.0, sleep=t.sleep, monotonic=t.monotonic)
    seen = []
    assert improve_points(store, cached, report=lambda d, n: seen.append((d, n))) == 1
    row = store.query("SELECT * FROM enterprises WHERE id = ?", (a.id,))[0]
    assert row["coord_precision"] == "exact" and row["coord_source"] == "geocoder:baidu"
    assert store.scalar("SELECT lat FROM enterprises WHERE id = ?", (b.id,)) == 28.2
    assert seen[-1] == (1, 1)


def test_export_writes_only_given_points(store) -> None:
    registry.register(store, Enterprise, enterprise_raw(1))  # district centre
    registry.register(store, Enterprise, enterprise_raw(2, lat=28.11, lon=120.97))
    headers, cursor = export_rows(store, "enterprises", ExportOptions())
    lat = headers.index("纬度")
    assert sorted(str(row[lat]) for row in cursor) == ["28.11", "None"]
