"""Optional online geocoding through geopy: off by default, cached, rate-limited, in a worker.

Nothing in the program needs it: with no provider configured or no network, records keep their
gazetteer point (town or district centre). When a coordinator turns it on (settings
``geo.geocoder`` = ``baidu`` with ``geo.baidu_key``, or ``nominatim``), :func:`improve_points`
looks up the addresses of records that have no exact point, one request per
``geo.min_interval_s`` seconds (Nominatim's policy is one a second), caches every answer (also
"not found") in ``geocode_cache``, converts Baidu's BD-09 to GCJ-02 and refuses points outside
Wenzhou. It takes ``report``/``check`` callbacks so a GUI worker can show progress and cancel.
Tests use a fake geocoder object; geopy is imported only by :func:`make_geocoder`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from .. import clock
from ..store.database import Store
from .datum import BD09, GCJ02, WGS84, to_gcj02
from .location import EXACT, in_wenzhou

OFF, BAIDU, NOMINATIM = "off", "baidu", "nominatim"
PROVIDERS = (OFF, BAIDU, NOMINATIM)


class Geocoder(Protocol):
    """What :func:`improve_points` needs: a name, the datum of its answers, one lookup."""

    name: str
    datum: str

    def lookup(self, query: str) -> tuple[float, float] | None:
        """(lat, lon) or None when the service does not know the address."""


@dataclass
class GeocoderSettings:
    provider: str = OFF
    baidu_key: str = ""
    user_agent: str = "dispatch-app"
    min_interval_s: float = 1.0

    @classmethod
    def load(cls, store: Store) -> GeocoderSettings:
        provider = store.get_setting("geo.geocoder", OFF) or OFF
        try:
            interval = float(store.get_setting("geo.min_interval_s", "1.0") or 1.0)
        except ValueError:
            interval = 1.0
        return cls(
            provider=provider if provider in PROVIDERS else OFF,
            baidu_key=store.get_setting("geo.baidu_key", "") or "",
            user_agent=store.get_setting("geo.user_agent", "dispatch-app") or "dispatch-app",
            min_interval_s=max(0.0, interval),
        )

    def save(self, store: Store) -> None:
        store.set_setting("geo.geocoder", self.provider)
        store.set_setting("geo.baidu_key", self.baidu_key)
        store.set_setting("geo.user_agent", self.user_agent)
        store.set_setting("geo.min_interval_s", str(self.min_interval_s))


class _GeopyGeocoder:
    def __init__(self, name: str, datum: str, service: object) -> None:
        self.name, self.datum, self._service = name, datum, service

    def lookup(self, query: str) -> tuple[float, float] | None:
        found = self._service.geocode(query, timeout=10)  # type: ignore[attr-defined]
        return None if found is None else (float(found.latitude), float(found.longitude))


def make_geocoder(settings: GeocoderSettings) -> Geocoder | None:
    """The configured geopy geocoder, or None when geocoding is off (the default)."""
    if settings.provider == BAIDU and settings.baidu_key:
        from geopy.geocoders import BaiduV3  # lazy: geopy costs ~80 ms to import

        return _GeopyGeocoder(BAIDU, BD09, BaiduV3(api_key=settings.baidu_key))
    if settings.provider == NOMINATIM:
        from geopy.geocoders import Nominatim

        return _GeopyGeocoder(NOMINATIM, WGS84, Nominatim(user_agent=settings.user_agent))
    return None


class CachedGeocoder:
    """Answers from ``geocode_cache`` first; otherwise one rate-limited request, cached."""

    def __init__(
        self,
        store: Store,
        geocoder: Geocoder,
        min_interval_s: float = 1.0,
        *,
        sleep: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store, self.geocoder, self.min_interval_s = store, geocoder, min_interval_s
        self._sleep, self._monotonic = sleep, monotonic
        self._last: float | None = None
        self.requests = 0

    def lookup(self, query: str) -> tuple[float, float] | None:
        """GCJ-02 (lat, lon) inside Wenzhou, or None."""
        row = self.store.conn.execute(
            "SELECT lat, lon FROM geocode_cache WHERE provider = ? AND query = ?",
            (self.geocoder.name, query),
        ).fetchone()
        if row is not None:
            return None if row[0] is None else (row[0], row[1])
        if self._last is not None:
            wait = self.min_interval_s - (self._monotonic() - self._last)
            if wait > 0:
                self._sleep(wait)
        self._last = self._monotonic()
        self.requests += 1
        found = self.geocoder.lookup(query)
        point = None
        if found is not None:
            lat, lon = to_gcj02(found[0], found[1], self.geocoder.datum)
            point = (lat, lon) if in_wenzhou(lat, lon) else None
        with self.store.atomic():
            self.store.conn.execute(
                "INSERT OR REPLACE INTO geocode_cache (provider, query, lat, lon, datum,"
                " fetched_at) VALUES (?, ?, ?, ?, ?, ?)",
                (self.geocoder.name, query, *(point or (None, None)), GCJ02, clock.now_iso()),
            )
        return point


def improve_points(
    store: Store,
    cached: CachedGeocoder,
    *,
    report: Callable[[int, int], None] = lambda done, total: None,
    limit: int | None = None,
) -> int:
    """Geocode the addresses of records without an exact point; returns how many improved.

    ``report(done, total)`` may raise (a worker's cancel): each improved record is written in
    its own small transaction, so what was found before a cancel is kept.
    """
    todo = []
    for table in ("enterprises", "experts"):
        rows = store.query(
            f"SELECT r.id, r.address, d.name AS district FROM {table} r"
            " LEFT JOIN districts d ON d.adcode = r.district_code"
            " WHERE r.address != '' AND coalesce(r.coord_precision, '') != 'exact'"
            " AND r.archived_at IS NULL ORDER BY r.id"
        )
        todo += [(table, r["id"], f"浙江省温州市{r['district'] or ''}{r['address']}") for r in rows]
    if limit is not None:
        todo = todo[:limit]
    improved = 0
    for i, (table, record_id, query) in enumerate(todo):
        report(i, len(todo))
        point = cached.lookup(query)
        if point is None:
            continue
        with store.atomic():
            store.conn.execute(
                f"UPDATE {table} SET lat = ?, lon = ?, coord_precision = ?, coord_datum = ?,"
                " coord_source = ?, updated_at = ? WHERE id = ?",
                (
                    *point,
                    EXACT,
                    GCJ02,
                    f"geocoder:{cached.geocoder.name}",
                    clock.now_iso(),
                    record_id,
                ),
            )
        improved += 1
    report(len(todo), len(todo))
    return improved
