"""Geocode the records whose point is only a town or district centre ("补全坐标").

A thin run around :func:`.geocode.improve_points` for the settings dialog's worker and
``dispatch-app geocode``: it says plainly when geocoding is off, and turns a network failure
(no connection, a timeout, a refused key) into :class:`GeocodingUnavailable` with a zh + en
message and the count of records improved before it (0 when the very first request failed,
as with no network: then nothing was changed). The geocoder is injectable: tests pass a fake
one and never touch the network.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass

from ..store.database import Store
from .geocode import OFF, CachedGeocoder, Geocoder, GeocoderSettings, improve_points, make_geocoder


class GeocodingOff(Exception):
    """No provider is configured (the default): nothing to do, nothing sent anywhere."""

    zh = "在线地理编码未开启：请在“调度设置”中选择服务（百度或 Nominatim）后再试"
    en = "Online geocoding is off: choose a service (Baidu or Nominatim) in Dispatch settings"

    def __init__(self) -> None:
        super().__init__(f"{self.zh} / {self.en}")


class GeocodingUnavailable(Exception):
    """The service could not be reached or refused: what was found before is kept."""

    def __init__(self, provider: str, cause: BaseException, improved: int) -> None:
        self.provider, self.cause, self.improved = provider, cause, improved
        kept_zh = f"此前已补全 {improved} 条，已保存" if improved else "没有修改任何记录"
        kept_en = f"{improved} found before it were kept" if improved else "nothing was changed"
        self.zh = f"无法连接在线地理编码服务（{provider}）：{cause}。{kept_zh}。请检查网络或密钥。"
        self.en = (
            f"The online geocoding service ({provider}) could not be reached: {cause}. "
            f"{kept_en.capitalize()}. Check the network or the key."
        )
        super().__init__(f"{self.zh} / {self.en}")


@dataclass(frozen=True)
class GeocodeSummary:
    provider: str
    looked_up: int  # addresses considered
    improved: int  # records that now have an exact point
    requests: int  # lookups sent to the service (the rest came from the cache)


def missing_count(store: Store) -> int:
    """Records with an address whose point is not exact (what a run would look up)."""
    total = 0
    for table in ("enterprises", "experts"):
        total += int(
            store.scalar(
                f"SELECT count(*) FROM {table} WHERE address != ''"
                " AND coalesce(coord_precision, '') != 'exact' AND archived_at IS NULL"
            )
            or 0
        )
    return total


def _network_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [OSError, TimeoutError]
    exc_module = sys.modules.get("geopy.exc")  # only when geopy was loaded by a real geocoder
    if exc_module is not None:
        errors.append(exc_module.GeocoderServiceError)
    return tuple(errors)


def geocode_missing(
    store: Store,
    settings: GeocoderSettings | None = None,
    *,
    geocoder: Geocoder | None = None,
    report: Callable[[int, int], None] = lambda done, total: None,
    limit: int | None = None,
    sleep: Callable[[float], None] | None = None,
) -> GeocodeSummary:
    """Look up the addresses of records without an exact point; cached and rate-limited.

    ``settings`` default to the stored ones; ``geocoder`` (a fake in tests) replaces the
    geopy service the settings name. ``report`` may raise to cancel (kept: what was found).
    """
    settings = settings or GeocoderSettings.load(store)
    if geocoder is None:
        if settings.provider == OFF:
            raise GeocodingOff()
        geocoder = make_geocoder(settings)
        if geocoder is None:
            raise GeocodingOff()
    kwargs = {} if sleep is None else {"sleep": sleep}
    cached = CachedGeocoder(store, geocoder, settings.min_interval_s, **kwargs)
    counted = {"total": 0, "improved": 0}

    def progress(done: int, total: int) -> None:
        counted["total"] = total
        report(done, total)

    before = _exact_count(store)
    try:
        improved = improve_points(store, cached, report=progress, limit=limit)
    except _network_errors() as exc:
        raise GeocodingUnavailable(geocoder.name, exc, _exact_count(store) - before) from exc
    return GeocodeSummary(geocoder.name, counted["total"], improved, cached.requests)


def _exact_count(store: Store) -> int:
    return sum(
        int(store.scalar(f"SELECT count(*) FROM {t} WHERE coord_precision = 'exact'") or 0)
        for t in ("enterprises", "experts")
    )
