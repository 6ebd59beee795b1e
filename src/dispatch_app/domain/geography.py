"""Wenzhou's county-level units and townships, read from the shipped reference CSVs.

Coordinates everywhere in the app are **GCJ-02** (the datum of Amap/高德 and of the district
centres in ``resources/reference``), not WGS-84: the two differ by ~0.55 km in Wenzhou. Town
codes are NBS 2023 statistical codes (see ``SOURCES.md``).

People write districts many ways (鹿城区, 鹿城, 330302, the ETDZ's old statistical code 330371,
洞头县 before 2015); every form resolves to one current adcode, and a mapped legacy form is
reported back so the UI can tell the user what was done.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from functools import cache

from ..paths import resource
from .problems import InvalidValue
from .text import normalize_token


@dataclass(frozen=True)
class District:
    adcode: str
    name: str
    kind: str  # 区 / 县 / 县级市
    center_lat: float
    center_lon: float
    datum: str  # always GCJ-02 in the shipped data

    @property
    def short_name(self) -> str:
        return _strip_suffix(self.name, _DISTRICT_SUFFIXES)


@dataclass(frozen=True)
class Town:
    code: str
    name: str
    district_code: str

    @property
    def short_name(self) -> str:
        return _strip_suffix(self.name, _TOWN_SUFFIXES)


_DISTRICT_SUFFIXES = ("区", "县", "市")
_TOWN_SUFFIXES = ("街道办事处", "街道", "畲族镇", "畲族乡", "镇", "乡")
# Common names of the 温州经济技术开发区 (legacy NBS code 330371, now inside 龙湾区).
_ETDZ_ALIASES = ("温州经开区", "经开区", "温州开发区", "经济技术开发区", "温州经济开发区")
_DIGITS = re.compile(r"\d+")

# Generous bounding box around every district incl. 洞头/南麂/北麂 islands and 泰顺 (GCJ-02).
LAT_MIN, LAT_MAX = 26.9, 28.75
LON_MIN, LON_MAX = 119.5, 121.4


def _strip_suffix(name: str, suffixes: tuple[str, ...]) -> str:
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def _key(raw: object) -> str:
    """Lookup form: normalised, without spaces; ints and float cells become digit strings."""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return normalize_token(raw).replace(" ", "")


class Gazetteer:
    """Lookups over the reference data; build once via :func:`load_gazetteer`."""

    def __init__(
        self,
        districts: list[District],
        towns: list[Town],
        legacy: list[tuple[str, str, str]],
        former_towns: list[tuple[str, str, str, str, str]] = (),  # type: ignore[assignment]
    ) -> None:
        self.districts: list[District] = sorted(districts, key=lambda d: d.adcode)
        self._by_code = {d.adcode: d for d in self.districts}
        self._district_keys: dict[str, tuple[str, str | None]] = {}
        for d in self.districts:
            for k in (d.adcode, d.name, d.short_name):
                self._district_keys[k] = (d.adcode, None)
        self.towns: list[Town] = sorted(towns, key=lambda t: t.code)
        self._town_by_code = {t.code: t for t in self.towns}
        self._towns_of: dict[str, list[Town]] = {}
        self._town_by_name: dict[str, list[Town]] = {}
        for t in self.towns:
            self._towns_of.setdefault(t.district_code, []).append(t)
            for k in {t.name, t.short_name}:
                self._town_by_name.setdefault(k, []).append(t)
        self._legacy_town: dict[str, str] = {}
        for old_code, old_name, new_code in legacy:
            if new_code in self._by_code:  # maps to a county-level unit
                note = f"{old_name}（{old_code}）"
                for k in (old_code, old_name, _strip_suffix(old_name, _DISTRICT_SUFFIXES)):
                    self._district_keys.setdefault(k, (new_code, note))
            elif len(new_code) == 9:
                self._legacy_town[old_code] = new_code
        # (district, old name / short name / code) -> (successor code, note)
        self._former_town: dict[tuple[str, str], tuple[str, str]] = {}
        for old_name, old_code, district_code, new_code, changed in former_towns:
            note = f"{old_name}（{changed}并入）"
            for k in {old_name, _strip_suffix(old_name, _TOWN_SUFFIXES), old_code} - {""}:
                self._former_town.setdefault((district_code, k), (new_code, note))
        etdz_note = "温州经济技术开发区（330371）"
        for alias in _ETDZ_ALIASES:
            self._district_keys.setdefault(alias, ("330303", etdz_note))

    # -- districts ---------------------------------------------------------------------------
    def district(self, adcode: str) -> District:
        """The district with this current adcode; KeyError if there is none."""
        return self._by_code[adcode]

    def district_name(self, adcode: str | None) -> str:
        """Display name, or the code itself when unknown (old data must still display)."""
        d = self._by_code.get(adcode or "")
        return d.name if d else (adcode or "")

    def resolve_district(self, raw: object) -> District:
        """A Wenzhou county-level unit from a name, short name, adcode or legacy code/name."""
        return self.resolve_district_note(raw)[0]

    def resolve_district_note(self, raw: object) -> tuple[District, str | None]:
        """Like :meth:`resolve_district`, plus a bilingual note when a legacy form was mapped.

        The note reads e.g. ``旧代码/名称 温州经济技术开发区（330371）已按 龙湾区 处理``.
        """
        key = _key(raw)
        hit = self._district_keys.get(key)
        if hit is None and key.startswith("温州市") and len(key) > 3:
            hit = self._district_keys.get(key[3:])
        if hit is None and key.startswith("浙江省温州市") and len(key) > 6:
            hit = self._district_keys.get(key[6:])
        if hit is None and _DIGITS.fullmatch(key) and len(key) == 12:
            hit = self._district_keys.get(key[:6])  # 330302000000: 12-digit NBS form
        if hit is None:
            if not key:
                raise InvalidValue("所属区县不能为空", "District is required")
            raise InvalidValue(
                f"所属区县「{key}」不是温州市的县级行政区（应为鹿城区、龙湾区、瓯海区、洞头区、"
                "瑞安市、乐清市、龙港市、永嘉县、平阳县、苍南县、文成县、泰顺县之一，或其6位代码）",
                f"District '{key}' is not a Wenzhou county-level unit (give one of the 12 "
                "district names or its 6-digit code)",
            )
        adcode, legacy = hit
        district = self._by_code[adcode]
        note = None
        if legacy is not None:
            note = f"旧代码/名称 {legacy} 已按 {district.name} 处理"
            note += f" / legacy code/name {legacy} treated as {district.name}"
        return district, note

    # -- towns -------------------------------------------------------------------------------
    def towns_of(self, adcode: str) -> list[Town]:
        """Townships of a district in code order (empty for an unknown code)."""
        return list(self._towns_of.get(adcode, ()))

    def town(self, code: str) -> Town:
        return self._town_by_code[code]

    def resolve_town(self, district_adcode: str, raw: object) -> Town:
        """A township of ``district_adcode`` by name (suffix optional) or 9-digit code."""
        return self.resolve_town_note(district_adcode, raw)[0]

    def resolve_town_note(self, district_adcode: str, raw: object) -> tuple[Town, str | None]:
        """Like :meth:`resolve_town`, plus a bilingual note when a former town (merged away,
        ``wenzhou_former_towns.csv``) was mapped to its successor."""
        former = self._former_town.get((district_adcode, _key(raw)))
        if former is not None:
            town = self._town_by_code[former[0]]
            note = f"原乡镇街道 {former[1]} 已按 {town.name} 处理"
            note += f" / former township {_key(raw)} treated as its successor {town.name}"
            return town, note
        return self._resolve_town(district_adcode, raw), None

    def _resolve_town(self, district_adcode: str, raw: object) -> Town:
        key = _key(raw)
        district = self._by_code.get(district_adcode)
        dname = district.name if district else district_adcode
        if not key:
            raise InvalidValue("乡镇街道不能为空", "Township is required")
        if _DIGITS.fullmatch(key) and len(key) == 12 and key.endswith("000"):
            key = key[:9]  # 12-digit NBS form of a town code
        key = self._legacy_town.get(key, key)
        candidates: list[Town]
        if key in self._town_by_code:
            candidates = [self._town_by_code[key]]
        else:
            candidates = self._town_by_name.get(key, [])
            if not candidates:
                candidates = self._town_by_name.get(_strip_suffix(key, _TOWN_SUFFIXES), [])
        inside = [t for t in candidates if t.district_code == district_adcode]
        if len(inside) == 1:
            return inside[0]
        if len(inside) > 1:
            names = "、".join(t.name for t in inside)
            raise InvalidValue(
                f"乡镇街道「{key}」在{dname}有多个匹配（{names}），请写全称",
                f"Township '{key}' is ambiguous in {dname} ({names}); use the full name",
            )
        if district_adcode == "330383" and key in ("龙港镇", "龙港", "330327101"):
            return self._towns_of["330383"][0]
        if candidates:
            other = candidates[0]
            oname = self.district_name(other.district_code)
            raise InvalidValue(
                f"乡镇街道「{key}」属于{oname}（{other.name}），不属于{dname}",
                f"Township '{key}' belongs to {oname} ({other.name}), not to {dname}",
            )
        valid = "、".join(t.name for t in self._towns_of.get(district_adcode, ()))
        raise InvalidValue(
            f"乡镇街道「{key}」不是{dname}的乡镇街道（{dname}的乡镇街道：{valid}）",
            f"'{key}' is not a township of {dname} (its townships: {valid})",
        )


@cache
def load_gazetteer() -> Gazetteer:
    """The shipped reference data, read once per process."""
    with resource("reference", "wenzhou_districts.csv").open(encoding="utf-8", newline="") as f:
        districts = [
            District(
                adcode=r["adcode"],
                name=r["name"],
                kind=r["kind"],
                center_lat=float(r["center_lat"]),
                center_lon=float(r["center_lon"]),
                datum=r["datum"],
            )
            for r in csv.DictReader(f)
        ]
    with resource("reference", "wenzhou_towns.csv").open(encoding="utf-8", newline="") as f:
        towns = [Town(r["code"], r["name"], r["district_code"]) for r in csv.DictReader(f)]
    with resource("reference", "wenzhou_legacy_codes.csv").open(encoding="utf-8", newline="") as f:
        legacy = [(r["old_code"], r["old_name"], r["new_code"]) for r in csv.DictReader(f)]
    with resource("reference", "wenzhou_former_towns.csv").open(encoding="utf-8", newline="") as f:
        former = [
            (r["old_name"], r["old_code"], r["district_code"], r["new_code"], r["changed"])
            for r in csv.DictReader(f)
        ]
    return Gazetteer(districts, towns, legacy, former)


def parse_degree(raw: object, zh: str = "坐标", en: str = "Coordinate") -> float:
    """A finite float from a number or text such as ``28.0157`` or ``28.0157°``."""
    if isinstance(raw, bool):
        raise InvalidValue(f"{zh}应为数字", f"{en} must be a number")
    if isinstance(raw, int | float):
        value = float(raw)
    else:
        text = normalize_token(raw).replace(" ", "").rstrip("°")
        try:
            value = float(text)
        except ValueError:
            raise InvalidValue(
                f"{zh}「{text}」不是数字，请填写十进制度数（如 28.0157）",
                f"{en} '{text}' is not a number; use decimal degrees (e.g. 28.0157)",
            ) from None
    if not math.isfinite(value):
        raise InvalidValue(f"{zh}「{raw}」不是有效数字", f"{en} '{raw}' is not a valid number")
    return value


def _inside(lat: float, lon: float) -> bool:
    return LAT_MIN <= lat <= LAT_MAX and LON_MIN <= lon <= LON_MAX


def check_coordinates(lat: object, lon: object) -> tuple[float, float]:
    """``(lat, lon)`` as floats inside Wenzhou (GCJ-02), or InvalidValue saying why not.

    Swapped columns (latitude 120.6, longitude 28.0) are the commonest mistake and are named as
    such rather than reported as "out of range".
    """
    la = parse_degree(lat, "纬度", "Latitude")
    lo = parse_degree(lon, "经度", "Longitude")
    if _inside(la, lo):
        return la, lo
    if _inside(lo, la):
        raise InvalidValue(
            f"经纬度似乎填反了：纬度 {la}、经度 {lo}；温州的纬度约为27–28.7，经度约为119.6–121.3",
            f"Latitude and longitude look swapped (lat {la}, lon {lo}); Wenzhou is at "
            "lat 27-28.7, lon 119.6-121.3",
        )
    raise InvalidValue(
        f"坐标（纬度 {la}，经度 {lo}）不在温州市范围内（纬度约27–28.7，经度约119.6–121.3，"
        "GCJ-02 坐标）",
        f"Coordinates (lat {la}, lon {lo}) are outside Wenzhou (lat 27-28.7, lon 119.6-121.3, "
        "GCJ-02)",
    )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance; within 0.35% of geodesic, 100x faster (fine for ranking)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))
