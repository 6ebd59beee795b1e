"""When a planned stop's position is only an estimate.

Since geography landed, an enterprise without its own coordinates is given its district's
centre with ``coord_precision = 'district'``; for planning that is no better than no
coordinates at all: the stop is drawn at the centre, flagged, and never offered as a
gap-closer. Town-level positions are good enough to order a day's stops.
"""

from __future__ import annotations


def is_approximate(row) -> bool:
    """True when the row has no coordinates or only its district's centre."""
    if row["lat"] is None or row["lon"] is None:
        return True
    return row["coord_precision"] == "district"
