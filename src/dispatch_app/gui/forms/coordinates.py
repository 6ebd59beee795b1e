"""Latitude, longitude and datum rows for the enterprise and expert forms.

The fields hold only a point a person (or a file) gave -- precision ``exact`` (or none
recorded, as in databases written before precision existed). A point the
offline gazetteer found (a township or district centre) is *not* put into the fields: saving
it back would pass it off as exact. Its value and precision show as the fields' grey hint
instead, and left empty the fields keep meaning "place it by the address".

The checks are the domain's (``domain.geography.check_coordinates``): a point outside
Wenzhou, or latitude and longitude swapped, is named under the latitude field and nothing
is saved. A Baidu (BD-09) or GPS (WGS-84) point is converted to GCJ-02 on save
(``geo.fill.locate_values``).
"""

from __future__ import annotations

from typing import Any

from ...geo.datum import BD09, GCJ02, WGS84
from ...geo.location import PRECISION_LABELS
from ...services.lookup import Option
from ..i18n import N_, pick, tr
from .fields import FieldSpec

_DATUM_TEXT = {
    GCJ02: N_("GCJ-02 (Amap, Tencent)"),
    BD09: N_("BD-09 (Baidu Maps)"),
    WGS84: N_("WGS-84 (GPS, OpenStreetMap)"),
}


def _datums(store: Any, values: dict[str, Any]) -> list[Option]:
    return [Option(code, tr(text)) for code, text in _DATUM_TEXT.items()]


COORDINATE_FIELDS = (
    FieldSpec("lat", placeholder=N_("e.g. 28.0157 (empty: placed by the address)")),
    FieldSpec("lon", placeholder=N_("e.g. 120.6994")),
    FieldSpec("coord_datum", "options", options=_datums),
)


def show_point(form: Any, record: Any) -> None:
    """After a record is loaded: keep only a given point in the fields (see module doc)."""
    lat_edit, lon_edit = form.editors["lat"], form.editors["lon"]
    datum = form.editors["coord_datum"]
    precision = getattr(record, "coord_precision", None)
    lat, lon = getattr(record, "lat", None), getattr(record, "lon", None)
    datum.setCurrentIndex(max(datum.findData(GCJ02), 0))
    if precision not in ("town", "district") or lat is None or lon is None:
        lat_edit.setPlaceholderText(tr(COORDINATE_FIELDS[0].placeholder))
        lon_edit.setPlaceholderText(tr(COORDINATE_FIELDS[1].placeholder))
        return
    lat_edit.clear()
    lon_edit.clear()
    how = pick(*PRECISION_LABELS[precision])
    lat_edit.setPlaceholderText(
        tr("From the address: {lat:.4f} ({how} centre)").format(lat=lat, how=how)
    )
    lon_edit.setPlaceholderText(
        tr("From the address: {lon:.4f} ({how} centre)").format(lon=lon, how=how)
    )


def default_datum() -> dict[str, str]:
    """A new record's datum: the app's own (GCJ-02)."""
    return {"coord_datum": GCJ02}
