"""Datum conversions between WGS-84 (GPS, OSM), GCJ-02 (Amap/Tencent, the app's datum) and
BD-09 (Baidu).

GCJ-02 is WGS-84 plus a deterministic, published obfuscation offset (~0.55 km in Wenzhou);
BD-09 is GCJ-02 plus Baidu's own rotation and shift. The forward formulas are the public
ones used by every Chinese map SDK; the inverse of GCJ-02 has no closed form and is found by
fixed-point iteration (converges to < 1e-7 degrees, about 1 cm, in a few steps). Outside
mainland China GCJ-02 equals WGS-84 (the offset is not applied there).
"""

from __future__ import annotations

import math

WGS84 = "WGS-84"
GCJ02 = "GCJ-02"
BD09 = "BD-09"
DATUMS = (WGS84, GCJ02, BD09)

_A = 6378245.0  # Krasovsky 1940 semi-major axis used by the GCJ-02 algorithm
_EE = 0.00669342162296594323  # its eccentricity squared
_X_PI = math.pi * 3000.0 / 180.0


def out_of_china(lat: float, lon: float) -> bool:
    """The rough rectangle where GCJ-02 applies (as in the public algorithm)."""
    return not (73.66 < lon < 135.05 and 3.86 < lat < 53.55)


def _transform_lat(x: float, y: float) -> float:
    ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return ret


def _transform_lon(x: float, y: float) -> float:
    ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return ret


def wgs84_to_gcj02(lat: float, lon: float) -> tuple[float, float]:
    """GPS/OSM coordinates to the Amap datum the app stores."""
    if out_of_china(lat, lon):
        return lat, lon
    dlat = _transform_lat(lon - 105.0, lat - 35.0)
    dlon = _transform_lon(lon - 105.0, lat - 35.0)
    radlat = lat / 180.0 * math.pi
    magic = 1 - _EE * math.sin(radlat) ** 2
    sqrtmagic = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrtmagic) * math.pi)
    dlon = (dlon * 180.0) / (_A / sqrtmagic * math.cos(radlat) * math.pi)
    return lat + dlat, lon + dlon


def gcj02_to_wgs84(lat: float, lon: float, *, tolerance: float = 1e-9) -> tuple[float, float]:
    """The inverse of :func:`wgs84_to_gcj02` by fixed-point iteration (no closed form)."""
    if out_of_china(lat, lon):
        return lat, lon
    wlat, wlon = lat, lon
    for _ in range(30):
        glat, glon = wgs84_to_gcj02(wlat, wlon)
        dlat, dlon = glat - lat, glon - lon
        wlat, wlon = wlat - dlat, wlon - dlon
        if abs(dlat) < tolerance and abs(dlon) < tolerance:
            break
    return wlat, wlon


def bd09_to_gcj02(lat: float, lon: float) -> tuple[float, float]:
    """Baidu's datum to GCJ-02 (Baidu's published inverse; ~1e-6 degree round trip)."""
    x = lon - 0.0065
    y = lat - 0.006
    z = math.sqrt(x * x + y * y) - 0.00002 * math.sin(y * _X_PI)
    theta = math.atan2(y, x) - 0.000003 * math.cos(x * _X_PI)
    return z * math.sin(theta), z * math.cos(theta)


def gcj02_to_bd09(lat: float, lon: float) -> tuple[float, float]:
    """GCJ-02 to Baidu's datum (for tests and for handing a point to a Baidu map)."""
    z = math.sqrt(lon * lon + lat * lat) + 0.00002 * math.sin(lat * _X_PI)
    theta = math.atan2(lat, lon) + 0.000003 * math.cos(lon * _X_PI)
    return z * math.sin(theta) + 0.006, z * math.cos(theta) + 0.0065


def to_gcj02(lat: float, lon: float, datum: str) -> tuple[float, float]:
    """Any supported datum to the app's storage datum; ValueError for an unknown name."""
    d = normalize_datum(datum)
    if d == GCJ02:
        return lat, lon
    if d == WGS84:
        return wgs84_to_gcj02(lat, lon)
    return bd09_to_gcj02(lat, lon)


def normalize_datum(raw: str) -> str:
    """``wgs84``/``WGS-84``/``gps``, ``gcj02``/``amap``, ``bd09``/``baidu`` → canonical name."""
    key = raw.strip().upper().replace("-", "").replace("_", "").replace(" ", "")
    aliases = {
        "WGS84": WGS84,
        "GPS": WGS84,
        "GCJ02": GCJ02,
        "AMAP": GCJ02,
        "GAODE": GCJ02,
        "BD09": BD09,
        "BD09LL": BD09,
        "BAIDU": BD09,
    }
    if key not in aliases:
        raise ValueError(f"unknown datum {raw!r}; expected one of {', '.join(DATUMS)}")
    return aliases[key]
