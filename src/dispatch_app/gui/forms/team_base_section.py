"""驻地 / Base in the team form: a township or district from the gazetteer, or a typed point.

A typed latitude/longitude (with its datum, converted to GCJ-02 like the enterprise form's)
wins over the township, the township's centre over the district's; with nothing chosen the
team's days start at its own district's centre (``planning.day``). The line under the fields
shows the base that will be used, with its precision. The checks and the conversion are the
core's (``planning.team_base.base_from_input``); the form saves it with the team.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ...domain.geography import load_gazetteer
from ...domain.problems import FieldProblem, ValidationError
from ...geo.datum import GCJ02
from ...planning.team_base import TeamBase, base_from_input
from ..i18n import current_language, tr
from .coordinates import _datums
from .record_form_layout import ERROR_STYLE

HINT_STYLE = "color: #555;"


class TeamBaseSection(QGroupBox):
    """The base fields; ``edited`` is called on every change (the form marks itself dirty)."""

    def __init__(self, parent: QWidget, edited: Callable[[], None]) -> None:
        super().__init__(tr("Base (where the team's day starts)"), parent)
        self.setObjectName("teamBase")
        self._edited = edited
        self._loading = False
        self._team_district: str | None = None
        form = QFormLayout(self)
        self.district = QComboBox(self)
        self.district.setObjectName("baseDistrict")
        self.district.addItem(tr("(none: the team's district centre)"), "")
        self._gazetteer = load_gazetteer()
        for d in self._gazetteer.districts:
            self.district.addItem(d.name, d.adcode)
        self.town = QComboBox(self)
        self.town.setObjectName("baseTown")
        place = QHBoxLayout()
        place.addWidget(self.district, 1)
        place.addWidget(self.town, 1)
        form.addRow(tr("District / township"), place)
        self.label = QLineEdit(self)
        self.label.setObjectName("baseLabel")
        self.label.setPlaceholderText(
            tr("e.g. the district science bureau (empty: the place's name)")
        )
        form.addRow(tr("Name of the base"), self.label)
        self.lat, self.lon = QLineEdit(self), QLineEdit(self)
        self.lat.setObjectName("baseLat")
        self.lon.setObjectName("baseLon")
        self.lat.setPlaceholderText(tr("Latitude"))
        self.lon.setPlaceholderText(tr("Longitude"))
        self.datum = QComboBox(self)
        self.datum.setObjectName("baseDatum")
        for option in _datums(None, {}):
            self.datum.addItem(option.text, option.id)
        point = QHBoxLayout()
        point.addWidget(self.lat, 1)
        point.addWidget(self.lon, 1)
        point.addWidget(self.datum, 1)
        form.addRow(tr("Or a point"), point)
        self.shown = QLabel(self)
        self.shown.setObjectName("baseShown")
        self.shown.setStyleSheet(HINT_STYLE)
        self.shown.setProperty("data", True)  # it names places (record data, not interface)
        self.shown.setWordWrap(True)
        form.addRow(self.shown)
        self.error = QLabel(self)
        self.error.setObjectName("baseError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        form.addRow(self.error)
        self._fill_towns()
        self.district.currentIndexChanged.connect(self._district_changed)
        self.town.currentIndexChanged.connect(lambda _i: self._changed())
        self.datum.currentIndexChanged.connect(lambda _i: self._changed())
        for edit in (self.label, self.lat, self.lon):
            edit.textEdited.connect(lambda _t: self._changed())

    # -- values -----------------------------------------------------------------------------
    def _fill_towns(self) -> None:
        code = self.district.currentData() or ""
        self.town.blockSignals(True)
        self.town.clear()
        self.town.addItem(tr("(the district's centre)") if code else "", "")
        for t in self._gazetteer.towns_of(code) if code else []:
            self.town.addItem(t.name, t.code)
        self.town.setEnabled(bool(code))
        self.town.blockSignals(False)

    def _district_changed(self) -> None:
        self._fill_towns()
        self._changed()

    def _changed(self) -> None:
        if not self._loading:
            self.check(self._team_district)  # the line under the fields follows at once
            self._edited()

    def values(self) -> dict[str, str]:
        return {
            "district": str(self.district.currentData() or ""),
            "town": str(self.town.currentData() or ""),
            "label": self.label.text().strip(),
            "lat": self.lat.text().strip(),
            "lon": self.lon.text().strip(),
            "datum": str(self.datum.currentData() or GCJ02),
        }

    def set_values(self, values: dict[str, Any] | None) -> None:
        values = values or {}
        self._loading = True
        try:
            self.district.setCurrentIndex(
                max(self.district.findData(values.get("district", "")), 0)
            )
            self._fill_towns()
            self.town.setCurrentIndex(max(self.town.findData(values.get("town", "")), 0))
            self.label.setText(str(values.get("label", "")))
            self.lat.setText(str(values.get("lat", "")))
            self.lon.setText(str(values.get("lon", "")))
            self.datum.setCurrentIndex(max(self.datum.findData(values.get("datum", GCJ02)), 0))
        finally:
            self._loading = False

    def show_base(self, base: TeamBase | None) -> None:
        """Fill the fields from a stored base (a centre as its place, a point as numbers)."""
        if base is None:
            self.set_values({})
        elif base.precision == "exact":
            self.set_values(
                {"label": base.label, "lat": f"{base.lat:.6f}", "lon": f"{base.lon:.6f}"}
            )
        else:
            name = self._place_name(base)
            self.set_values(
                {
                    "district": base.district_code or "",
                    "town": base.town_code or "",
                    "label": "" if base.label == name else base.label,
                }
            )
        self.check()

    def _place_name(self, base: TeamBase) -> str:
        try:
            if base.town_code:
                return self._gazetteer.town(base.town_code).name
            return self._gazetteer.district(base.district_code or "").name
        except KeyError:
            return ""

    # -- checks -----------------------------------------------------------------------------
    def base(self) -> TeamBase | None:
        """The base the fields say (None: none recorded); ValidationError when wrong."""
        v = self.values()
        return base_from_input(
            district_code=v["district"] or None,
            town_code=v["town"] or None,
            lat=v["lat"],
            lon=v["lon"],
            datum=v["datum"],
            label=v["label"],
        )

    def check(self, team_district: str | None = None) -> list[FieldProblem]:
        """Show the base that will be used (or what is wrong); the problems for the form."""
        self._team_district = team_district
        lang = current_language()
        try:
            base = self.base()
        except ValidationError as exc:
            text = "\n".join(p.message(lang) for p in exc.problems)
            self.error.setText(text)
            self.error.show()
            self.shown.hide()
            return list(exc.problems)
        self.error.hide()
        self.shown.show()
        if base is not None:
            self.shown.setText(tr("Starts from: {base}").format(base=base.describe(lang)))
        elif team_district:
            name = self._gazetteer.district_name(team_district)
            self.shown.setText(
                tr("No base recorded: the day starts at the centre of {district}.").format(
                    district=name
                )
            )
        else:
            self.shown.setText(tr("No base recorded: the day starts where most of its stops lie."))
        return []
