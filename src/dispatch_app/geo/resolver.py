"""Address → Location, offline: given coordinates > a township (field or address text) > district.

Town centres come from ``resources/reference/wenzhou_town_centres.csv`` (Vonng/adcode, GCJ-02;
see SOURCES.md). 40 of the 191 NBS 2023 townships have no centre there (renamed or created
after 2016): those resolve to their district centre with precision ``district``, which is
what the record then says.
"""

from __future__ import annotations

import contextlib
import csv
import re
from dataclasses import dataclass
from functools import cache

from ..domain.geography import Gazetteer, Town, load_gazetteer
from ..domain.text import normalize_token
from ..paths import resource
from .datum import GCJ02
from .location import (
    DISTRICT,
    EXACT,
    SOURCE_GAZETTEER,
    SOURCE_USER,
    TOWN,
    Location,
)


@dataclass(frozen=True)
class TownCentre:
    code: str
    lat: float
    lon: float
    datum: str


@cache
def town_centres() -> dict[str, TownCentre]:
    """Town code → centre, read once per process from the shipped CSV."""
    with resource("reference", "wenzhou_town_centres.csv").open(encoding="utf-8") as fh:
        return {
            r["code"]: TownCentre(
                r["code"], float(r["center_lat"]), float(r["center_lon"]), r["datum"]
            )
            for r in csv.DictReader(fh)
        }


class Resolver:
    """Finds a point for a record from what it has; build once (:func:`default_resolver`)."""

    def __init__(self, gazetteer: Gazetteer, centres: dict[str, TownCentre]) -> None:
        self.gazetteer = gazetteer
        self.centres = centres
        # Longest names first so 塘下镇 wins over a shorter name inside it.
        names: list[tuple[str, Town]] = []
        for t in gazetteer.towns:
            if t.code[6:] >= "400" or t.code[6:] == "198":
                continue  # statistical units (林场, 开发区...) are not written in addresses
            names.append((t.name, t))
            if t.short_name != t.name and len(t.short_name) >= 2:
                names.append((t.short_name, t))
        names.sort(key=lambda nt: -len(nt[0]))
        self._town_names = names
        counts: dict[str, int] = {}
        for name, _t in names:
            counts[name] = counts.get(name, 0) + 1
        self._unique = {name for name, n in counts.items() if n == 1}
        self._towns_named: dict[str, list[Town]] = {}
        for name, t in names:
            self._towns_named.setdefault(name, []).append(t)
        self._town_pattern = re.compile("|".join(re.escape(n) for n, _ in names))
        self._district_names: list[tuple[str, str]] = sorted(
            (
                (k, d.adcode)
                for d in gazetteer.districts
                for k in {d.name, d.short_name}
                if len(k) >= 2
            ),
            key=lambda kd: -len(kd[0]),
        )

    def district_in_text(self, text: str) -> str | None:
        """The adcode of a district named in an address (温州市瑞安市… → 330381)."""
        for name, adcode in self._district_names:
            if name in text:
                return adcode
        return None

    def town_in_text(self, text: str, district_code: str | None) -> Town | None:
        """The first township named in an address, inside ``district_code`` when known.

        With no district known, only a name that is unique in Wenzhou counts (several districts
        have a 城关 or 东城), so a guess never lands in the wrong county.
        """
        text = normalize_token(text).replace(" ", "")
        if not text:
            return None
        if district_code is None:
            district_code = self.district_in_text(text)
        # One alternation, longest names first: finditer yields the leftmost-longest names.
        for m in self._town_pattern.finditer(text):
            for town in self._towns_named[m.group(0)]:
                if district_code is not None:
                    if town.district_code == district_code:
                        return town
                elif m.group(0) in self._unique:
                    return town
        return None

    def town_location(self, town_code: str) -> Location | None:
        c = self.centres.get(town_code)
        if c is None:
            return None
        return Location(c.lat, c.lon, TOWN, c.datum, SOURCE_GAZETTEER)

    def district_location(self, district_code: str | None) -> Location | None:
        if not district_code:
            return None
        try:
            d = self.gazetteer.district(district_code)
        except KeyError:
            return None
        return Location(d.center_lat, d.center_lon, DISTRICT, d.datum, SOURCE_GAZETTEER)

    def resolve(
        self,
        *,
        district_code: str | None,
        town_code: str | None = None,
        address: str = "",
        lat: object = None,
        lon: object = None,
        datum: str = GCJ02,
        source: str = SOURCE_USER,
    ) -> Location | None:
        """The best point this record's fields give, or None when nothing places it.

        Given coordinates are checked (bounds, swapped) and raise InvalidValue when wrong:
        a user's value is never silently replaced by a guess.
        """
        if lat not in (None, "") and lon not in (None, ""):
            return Location.checked(lat, lon, precision=EXACT, datum=datum, source=source)
        if town_code:
            found = self.town_location(town_code)
            if found is not None:
                return found
            with contextlib.suppress(KeyError):
                district_code = district_code or self.gazetteer.town(town_code).district_code
        if address:
            town = self.town_in_text(address, district_code)
            if town is not None:
                found = self.town_location(town.code)
                if found is not None:
                    return found
                district_code = district_code or town.district_code
            district_code = district_code or self.district_in_text(address)
        return self.district_location(district_code)


@cache
def default_resolver() -> Resolver:
    """The resolver over the shipped reference data (built once per process)."""
    return Resolver(load_gazetteer(), town_centres())
