"""Distances between coordinates: haversine for ranking thousands, geodesic for a shown figure.

``geodesic_km`` imports geopy on first call only: geopy's import costs ~80 ms (its geocoders
pull in asyncio), which start-up must not pay. Both take (lat, lon) in decimal degrees of the
same datum (GCJ-02 throughout the app; the ~0.5 km datum shift cancels between two points).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG), the usual choice for haversine


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km; within ~0.35% of geodesic and ~100x faster."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def haversine_many_km(
    lat: float, lon: float, lats: Sequence[float], lons: Sequence[float]
) -> list[float]:
    """Distances from one point to many, hoisting the per-origin work out of the loop."""
    p1 = math.radians(lat)
    cos_p1 = math.cos(p1)
    lam1 = math.radians(lon)
    sin, cos, asin, sqrt, rad = math.sin, math.cos, math.asin, math.sqrt, math.radians
    two_r = 2 * EARTH_RADIUS_KM
    out = []
    for la, lo in zip(lats, lons, strict=True):
        p2 = rad(la)
        a = sin((p2 - p1) / 2) ** 2 + cos_p1 * cos(p2) * sin((rad(lo) - lam1) / 2) ** 2
        out.append(two_r * asin(min(1.0, sqrt(a))))
    return out


def geodesic_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance on the WGS-84 ellipsoid (Karney, via geopy): the figure shown to a user."""
    from geopy.distance import geodesic  # lazy: ~80 ms import

    return float(geodesic((lat1, lon1), (lat2, lon2)).km)
