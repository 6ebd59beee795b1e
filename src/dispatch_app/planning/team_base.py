"""A team's base (驻地): where its day starts, chosen from the gazetteer or typed as a point.

The team form offers a township (its centre) or a district (its centre) from the shipped
gazetteer, or latitude/longitude in a stated datum (BD-09 and WGS-84 are converted to GCJ-02,
as for enterprises). The base is stored in ``teams.base_lat/base_lon/base_label``; its
precision is not a column: a stored point equal to a town or district centre *is* that centre,
so :func:`describe` reads the precision (and the place) back from the gazetteer.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..domain.geography import load_gazetteer
from ..domain.problems import FieldProblem, InvalidValue, ValidationError
from ..geo.datum import GCJ02
from ..geo.location import DISTRICT, EXACT, PRECISION_LABELS, TOWN, Location
from ..geo.resolver import default_resolver
from ..store import planning_queries as q
from ..store.database import Store

_SAME = 1e-7  # degrees: a stored centre compares equal to the gazetteer's


@dataclass(frozen=True)
class TeamBase:
    lat: float  # GCJ-02
    lon: float
    label: str
    precision: str  # exact / town / district
    district_code: str | None = None
    town_code: str | None = None

    def describe(self, lang: str = "zh") -> str:
        """``柳市镇 · 乡镇中心 (28.1234, 120.9567)`` -- what the form shows under the fields."""
        zh, en = PRECISION_LABELS[self.precision]
        if self.precision == EXACT:
            how = "精确坐标" if lang == "zh" else "exact point"
        else:
            how = f"{zh}中心" if lang == "zh" else f"{en} centre"
        name = f"{self.label} · " if self.label else ""
        return f"{name}{how} ({self.lat:.4f}, {self.lon:.4f})"


@cache
def _centres() -> tuple[tuple[float, float, str, str | None, str], ...]:
    """(lat, lon, district, town or None, name) of every town and district centre, GCJ-02."""
    resolver, out = default_resolver(), []
    for town in resolver.gazetteer.towns:
        loc = resolver.town_location(town.code)
        if loc is not None:
            g = loc.as_gcj02()
            out.append((g.lat, g.lon, town.district_code, town.code, town.name))
    for d in resolver.gazetteer.districts:
        loc = resolver.district_location(d.adcode)
        if loc is not None:
            g = loc.as_gcj02()
            out.append((g.lat, g.lon, d.adcode, None, d.name))
    return tuple(out)


def describe(lat: float, lon: float, label: str = "") -> TeamBase:
    """A stored base with its precision read back from the gazetteer."""
    for c_lat, c_lon, district, town, name in _centres():
        if abs(c_lat - lat) < _SAME and abs(c_lon - lon) < _SAME:
            return TeamBase(lat, lon, label or name, TOWN if town else DISTRICT, district, town)
    return TeamBase(lat, lon, label, EXACT)


def recorded_base(store: Store, team_id: str) -> TeamBase | None:
    """The base stored for the team (None: its days start at its district's centre)."""
    row = q.team_by_id(store, team_id)
    if row is None or row["base_lat"] is None or row["base_lon"] is None:
        return None
    return describe(row["base_lat"], row["base_lon"], row["base_label"] or "")


def base_from_input(
    *,
    district_code: str | None = None,
    town_code: str | None = None,
    lat: object = None,
    lon: object = None,
    datum: str = GCJ02,
    label: str = "",
) -> TeamBase | None:
    """What the form's base fields say: a typed point > a township's centre > a district's
    centre > none. Raises ValidationError (fields ``base_lat``, ``base_town``) when wrong."""
    label = " ".join(str(label or "").split())
    given = [v for v in (lat, lon) if v not in (None, "")]
    if given:
        if len(given) == 1:
            raise ValidationError(
                [
                    FieldProblem(
                        "base_lat",
                        "驻地的纬度和经度须同时填写",
                        "Give both the base's latitude and longitude",
                    )
                ]
            )
        try:
            loc = Location.checked(lat, lon, precision=EXACT, datum=datum or GCJ02)
        except InvalidValue as exc:
            raise ValidationError(
                [FieldProblem("base_lat", exc.zh, exc.en, f"{lat}, {lon}")]
            ) from None
        return TeamBase(loc.lat, loc.lon, label, EXACT)
    resolver = default_resolver()
    if town_code:
        found = resolver.town_location(town_code)
        if found is None:
            try:
                town = load_gazetteer().town(town_code)
            except KeyError:
                raise ValidationError(
                    [
                        FieldProblem(
                            "base_town",
                            f"未知的乡镇代码 {town_code}",
                            f"unknown township code {town_code}",
                            town_code,
                        )
                    ]
                ) from None
            district_code = district_code or town.district_code  # no centre known: district
        else:
            g = found.as_gcj02()
            return describe(g.lat, g.lon, label)
    if district_code:
        found = resolver.district_location(district_code)
        if found is not None:
            g = found.as_gcj02()
            return describe(g.lat, g.lon, label)
    return None


def set_base(store: Store, team_id: str, base: TeamBase | None) -> None:
    """Record (or with None clear) the team's base, in the caller's transaction if any."""
    with store.atomic():
        if base is None:
            q.set_team_base(store, team_id, None, None, "")
        else:
            q.set_team_base(store, team_id, base.lat, base.lon, base.label)
