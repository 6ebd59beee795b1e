"""Equirectangular projection around a centre: enough for one prefecture (Wenzhou spans under
two degrees; the east-west squeeze is corrected by the cosine of its middle latitude).

Plain Python, no Qt: the canvas asks it for screen positions and the reverse on a click.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ...domain.geography import LAT_MAX, LAT_MIN, LON_MAX, LON_MIN

MIN_SCALE = 50.0  # pixels per degree of latitude: the whole province and more
MAX_SCALE = 400_000.0  # a few metres a pixel
ZOOM_STEP = 1.25
# The standard parallel: fixed (not the view's centre), so panning north never stretches x.
REFERENCE_LAT = (LAT_MIN + LAT_MAX) / 2
_COS_REF = math.cos(math.radians(REFERENCE_LAT))


@dataclass
class Viewport:
    """What the canvas shows: the point at its centre and pixels per degree of latitude."""

    lat: float = (LAT_MIN + LAT_MAX) / 2
    lon: float = (LON_MIN + LON_MAX) / 2
    scale: float = 400.0
    width: int = 800
    height: int = 600

    @property
    def x_factor(self) -> float:
        """Pixels per degree of longitude (at the standard parallel)."""
        return self.scale * _COS_REF

    def to_screen(self, lat: float, lon: float) -> tuple[float, float]:
        return (
            self.width / 2 + (lon - self.lon) * self.x_factor,
            self.height / 2 - (lat - self.lat) * self.scale,
        )

    def to_geo(self, x: float, y: float) -> tuple[float, float]:
        """(lat, lon) under a screen position."""
        return (
            self.lat - (y - self.height / 2) / self.scale,
            self.lon + (x - self.width / 2) / self.x_factor,
        )

    def project(self, lats: list[float], lons: list[float]) -> tuple[list[float], list[float]]:
        """Screen x and y of many points at once (one pass, no per-point method call)."""
        kx, ky = self.x_factor, self.scale
        ox, oy = self.width / 2 - self.lon * kx, self.height / 2 + self.lat * ky
        return [ox + lon * kx for lon in lons], [oy - lat * ky for lat in lats]

    def pan(self, dx: float, dy: float) -> None:
        """Move the picture by (dx, dy) pixels (a drag to the right shows what lies west)."""
        self.lon -= dx / self.x_factor
        self.lat += dy / self.scale

    def zoom(self, factor: float, x: float | None = None, y: float | None = None) -> None:
        """Zoom by ``factor`` keeping the point under (x, y) (default: the centre) in place."""
        x = self.width / 2 if x is None else x
        y = self.height / 2 if y is None else y
        lat, lon = self.to_geo(x, y)
        self.scale = min(MAX_SCALE, max(MIN_SCALE, self.scale * factor))
        nx, ny = self.to_screen(lat, lon)
        self.pan(x - nx, y - ny)

    def fit(self, lat_min: float, lat_max: float, lon_min: float, lon_max: float) -> None:
        """Show the box whole, with a margin of a tenth on each side."""
        self.lat = (lat_min + lat_max) / 2
        self.lon = (lon_min + lon_max) / 2
        cos = _COS_REF
        span_lat = max(lat_max - lat_min, 0.01) * 1.2
        span_lon = max(lon_max - lon_min, 0.01) * 1.2
        self.scale = min(
            MAX_SCALE,
            max(MIN_SCALE, min(self.height / span_lat, self.width / (span_lon * cos))),
        )

    def km_per_pixel(self) -> float:
        return 111.32 / self.scale
