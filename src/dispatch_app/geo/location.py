"""A coordinate with what it is worth: precision (exact / town / district), datum and source.

Ranking and maps treat an ``exact`` point (from the user, the import, a geocoder) differently
from a ``town`` or ``district`` centre found by the offline gazetteer, so the record carries it.
Bounds checks reuse :func:`dispatch_app.domain.geography.check_coordinates` (swapped lat/lon is
named as such, not as "out of range").
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.geography import LAT_MAX, LAT_MIN, LON_MAX, LON_MIN, check_coordinates
from .datum import DATUMS, GCJ02, to_gcj02

EXACT = "exact"
TOWN = "town"
DISTRICT = "district"
PRECISIONS = (EXACT, TOWN, DISTRICT)
PRECISION_LABELS = {
    EXACT: ("精确", "exact"),
    TOWN: ("乡镇", "town"),
    DISTRICT: ("区县", "district"),
}

# Where a coordinate came from (stored with precision; shown in tooltips).
SOURCE_USER = "user"
SOURCE_IMPORT = "import"
SOURCE_GAZETTEER = "gazetteer"
SOURCE_GEOCODER = "geocoder"

__all__ = [
    "DISTRICT",
    "EXACT",
    "LAT_MAX",
    "LAT_MIN",
    "LON_MAX",
    "LON_MIN",
    "PRECISIONS",
    "TOWN",
    "Location",
    "check_coordinates",
    "in_wenzhou",
]


def in_wenzhou(lat: float, lon: float) -> bool:
    """Inside the generous Wenzhou box (GCJ-02), without raising."""
    return LAT_MIN <= lat <= LAT_MAX and LON_MIN <= lon <= LON_MAX


@dataclass(frozen=True)
class Location:
    """A point in the app's datum (GCJ-02 unless ``datum`` says otherwise)."""

    lat: float
    lon: float
    precision: str = EXACT
    datum: str = GCJ02
    source: str = SOURCE_USER

    def __post_init__(self) -> None:
        if self.precision not in PRECISIONS:
            raise ValueError(f"precision must be one of {PRECISIONS}, not {self.precision!r}")
        if self.datum not in DATUMS:
            raise ValueError(f"datum must be one of {DATUMS}, not {self.datum!r}")

    @classmethod
    def checked(
        cls,
        lat: object,
        lon: object,
        *,
        precision: str = EXACT,
        datum: str = GCJ02,
        source: str = SOURCE_USER,
    ) -> Location:
        """Parse, convert to GCJ-02 and bounds-check; InvalidValue (zh + en) when wrong."""
        from ..domain.geography import parse_degree

        la = parse_degree(lat, "纬度", "Latitude")
        lo = parse_degree(lon, "经度", "Longitude")
        if datum != GCJ02:
            la, lo = to_gcj02(la, lo, datum)
        la, lo = check_coordinates(la, lo)
        return cls(la, lo, precision, GCJ02, source)

    def as_gcj02(self) -> Location:
        if self.datum == GCJ02:
            return self
        lat, lon = to_gcj02(self.lat, self.lon, self.datum)
        return Location(lat, lon, self.precision, GCJ02, self.source)

    @property
    def precision_label(self) -> str:
        return PRECISION_LABELS[self.precision][0]
