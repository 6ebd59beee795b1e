"""What the map draws, as plain lists: one :class:`PointLayer` per record kind (enterprises,
experts), the district centres, and the overlays (candidate lines, a day's route).

Parallel lists rather than one object per point: 20k enterprises are projected and drawn in
one pass each (see bench/bench_map.py), and no per-point object is built on the UI thread.
``load_map_data`` runs in a worker on its own connection.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# A colour per Wenzhou district (adcode), distinct enough side by side on a light background.
DISTRICT_COLOURS: dict[str, str] = {
    "330302": "#e6194b",  # 鹿城区
    "330303": "#3cb44b",  # 龙湾区
    "330304": "#4363d8",  # 瓯海区
    "330305": "#00a3a3",  # 洞头区
    "330324": "#f58231",  # 永嘉县
    "330326": "#911eb4",  # 平阳县
    "330327": "#9a6324",  # 苍南县
    "330328": "#808000",  # 文成县
    "330329": "#f032e6",  # 泰顺县
    "330381": "#000075",  # 瑞安市
    "330382": "#d4a000",  # 乐清市
    "330383": "#469990",  # 龙港市
}
OTHER_COLOUR = "#777777"
STATUS_COLOURS = {True: "#2e7d32", False: "#9e9e9e"}  # has an active 科技副总 / not
KINDS = ("enterprises", "experts")


@dataclass
class PointLayer:
    """One kind of record on the map; index i of every list is the same record."""

    kind: str
    ids: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    lats: list[float] = field(default_factory=list)
    lons: list[float] = field(default_factory=list)
    districts: list[str] = field(default_factory=list)
    approximate: list[bool] = field(default_factory=list)
    has_vp: list[bool] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.ids)

    def index_of(self, record_id: str) -> int:
        try:
            return self.ids.index(record_id)
        except ValueError:
            return -1

    def add(self, rid: str, name: str, lat: float, lon: float, district: str, approx: bool,
            vp: bool) -> None:  # fmt: skip
        self.ids.append(rid)
        self.names.append(name)
        self.lats.append(lat)
        self.lons.append(lon)
        self.districts.append(district or "")
        self.approximate.append(approx)
        self.has_vp.append(vp)

    def colour_keys(self, mode: str) -> list[Any]:
        """Per point, what decides its colour: the district code, or whether it has a VP."""
        return self.districts if mode == "district" else self.has_vp


@dataclass(frozen=True)
class DistrictLabel:
    code: str
    name: str
    lat: float
    lon: float


@dataclass
class MapData:
    layers: dict[str, PointLayer]
    districts: list[DistrictLabel]
    skipped: int = 0  # records with no point at all (no coordinates and no district)

    def approximate_by_district(self) -> dict[str, int]:
        """How many records stand at each district's centre for want of a point of their own
        (drawn as one hollow dot: the label says how many it stands for)."""
        counts: dict[str, int] = {}
        for layer in self.layers.values():
            for code, approx in zip(layer.districts, layer.approximate, strict=True):
                if approx:
                    counts[code] = counts.get(code, 0) + 1
        return counts

    def bounds(self) -> tuple[float, float, float, float] | None:
        """(lat_min, lat_max, lon_min, lon_max) of every point and district centre."""
        lats = [x for layer in self.layers.values() for x in layer.lats]
        lons = [x for layer in self.layers.values() for x in layer.lons]
        lats += [d.lat for d in self.districts]
        lons += [d.lon for d in self.districts]
        if not lats:
            return None
        return min(lats), max(lats), min(lons), max(lons)


def colour_for(mode: str, key: Any) -> str:
    if mode == "district":
        return DISTRICT_COLOURS.get(key, OTHER_COLOUR)
    return STATUS_COLOURS[bool(key)]


def load_map_data(store: Any) -> MapData:
    """Every enterprise and expert with its point (worker thread, the worker's connection)."""
    from ...store.planning_queries import district_centres, map_points

    layers: dict[str, PointLayer] = {}
    skipped = 0
    for kind in KINDS:
        layer = PointLayer(kind)
        for r in map_points(store, kind):
            if r["lat"] is None or r["lon"] is None:
                skipped += 1  # an expert with neither coordinates nor a district
                continue
            layer.add(
                r["id"], r["name"], r["lat"], r["lon"], r["district_code"],
                bool(r["approximate"]), bool(r["has_vp"]),
            )  # fmt: skip
        layers[kind] = layer
    labels = [
        DistrictLabel(r["adcode"], r["name"], r["center_lat"], r["center_lon"])
        for r in district_centres(store)
        if r["center_lat"] is not None
    ]
    return MapData(layers, labels, skipped)


@dataclass(frozen=True)
class CandidateLine:
    """A line from the selected enterprise to a suggested expert (rank 1 = best)."""

    rank: int
    expert_id: str
    name: str
    lat: float
    lon: float
    line: str  # the suggestion's explanation in the UI language


@dataclass(frozen=True)
class RouteStop:
    number: int  # 0: the base
    name: str
    lat: float
    lon: float
    approximate: bool = False


@dataclass
class RouteOverlay:
    stops: list[RouteStop]  # base first, then the stops in visiting order
    closed: bool = True  # the day ends back at the base
