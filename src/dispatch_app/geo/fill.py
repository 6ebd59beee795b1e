"""Filling a record's point while it is validated (called from the domain cleaners).

Rules: a point given by a person or a file is kept and marked ``exact`` (its datum converted to
GCJ-02 if it says BD-09 or WGS-84); a point found earlier by the gazetteer (precision town or
district) is found again from the current district, town and address, so editing the address
moves it; a record that nothing places keeps no point.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping

from .datum import GCJ02, normalize_datum, to_gcj02
from .location import EXACT, SOURCE_USER
from .resolver import default_resolver


def _text(raw: object) -> str:
    return "" if raw is None else str(raw).strip()


def locate_values(values: MutableMapping[str, object], raw: Mapping[str, object]) -> None:
    """Set lat, lon, coord_precision, coord_datum, coord_source in a cleaner's ``values``."""
    precision = _text(raw.get("coord_precision")) or None
    given = values.get("lat") is not None and values.get("lon") is not None
    if given and precision in (None, EXACT):
        lat, lon = float(values["lat"]), float(values["lon"])  # type: ignore[arg-type]
        datum = _text(raw.get("coord_datum")) or GCJ02
        try:
            datum = normalize_datum(datum)
        except ValueError:
            datum = GCJ02
        if datum != GCJ02:
            lat, lon = to_gcj02(lat, lon, datum)
        values.update(
            lat=lat,
            lon=lon,
            coord_precision=EXACT,
            coord_datum=GCJ02,
            coord_source=_text(raw.get("coord_source")) or SOURCE_USER,
        )
        return
    loc = default_resolver().resolve(
        district_code=values.get("district_code") or None,  # type: ignore[arg-type]
        town_code=values.get("town_code") or None,  # type: ignore[arg-type]
        address=str(values.get("address") or ""),
    )
    if loc is None:
        values.update(lat=None, lon=None, coord_precision=None, coord_datum=None, coord_source=None)
    else:
        values.update(
            lat=loc.lat,
            lon=loc.lon,
            coord_precision=loc.precision,
            coord_datum=loc.datum,
            coord_source=loc.source,
        )
