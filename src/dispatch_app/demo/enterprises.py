"""Demo enterprises: real towns, valid USCCs with the district's adcode, Wenzhou-style names."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from ..domain.geography import LAT_MAX, LAT_MIN, LON_MAX, LON_MIN, District, Town
from ..domain.records import Enterprise
from ..domain.uscc import random_uscc
from .industries import DISTRICT_INDUSTRIES, NAME_WORDS, NEEDS
from .pools import (
    BRAND_CHARS,
    FAMOUS_BRANDS,
    NAME_PREFIXES,
    PARKS,
    ROADS,
    SUFFIXES,
    WENZHOU_SURNAMES,
)
from .rand import DemoRandom, Weighted

# Chance of each qualification (in _QUAL_NAMES order) by size.
_QUAL_CHANCE = {
    "above": (0.55, 0.5, 0.3, 0.25, 0.04, 0.015),
    "below": (0.12, 0.4, 0.1, 0.04, 0.003, 0.0),
}
_QUAL_NAMES = (
    "高新技术企业",
    "科技型中小企业",
    "省科技型企业",
    "专精特新",
    "小巨人",
    "科技领军企业",
)


@dataclass
class DemoEnterprise:
    """An enterprise plus what later stages need to know about it cheaply."""

    record: Enterprise
    short_name: str  # brand + industry word, as case titles write it
    activity: float  # how often it is visited, relative
    vp_weight: float  # how likely it hosts a 科技副总, relative


def real_towns(towns: list[Town]) -> list[Town]:
    """Townships proper: NBS codes 400+ are farms/reserves/zones, 198 a directly-run area."""
    return [t for t in towns if not (int(t.code[6:9]) >= 400 or t.code[6:9] == "198")]


def jitter(rng: DemoRandom, lat: float, lon: float, km: float) -> tuple[float, float]:
    """A point uniformly within ``km`` of (lat, lon), clamped into Wenzhou's bounds."""
    r = km * math.sqrt(rng.random())
    a = rng.random() * 2 * math.pi
    la = lat + r * math.cos(a) / 111.0
    lo = lon + r * math.sin(a) / (111.0 * math.cos(math.radians(lat)))
    la = min(max(la, LAT_MIN + 0.01), LAT_MAX - 0.01)
    lo = min(max(lo, LON_MIN + 0.01), LON_MAX - 0.01)
    return round(la, 6), round(lo, 6)


class EnterpriseMaker:
    """Makes unique enterprises for one database (names and codes never repeat)."""

    def __init__(self, rng: DemoRandom, year: int) -> None:
        self.rng = rng
        self.year = year
        self.names: set[str] = set()
        self.codes: set[str] = set()
        self.surnames = Weighted(WENZHOU_SURNAMES)
        self._brands = [
            a + b for a in BRAND_CHARS for b in BRAND_CHARS if a != b and a + b not in FAMOUS_BRANDS
        ]
        self._suffix = {k: Weighted(v) for k, v in SUFFIXES.items()}

    def make(self, district: District, towns: list[Town], count: int) -> list[DemoEnterprise]:
        rng = self.rng
        industries = Weighted(list(DISTRICT_INDUSTRIES[district.adcode].items()))
        prefixes = Weighted(NAME_PREFIXES[district.adcode])
        # Registered before last year's batch could reference them.
        created_lo, created_hi = date(self.year - 3, 6, 1), date(self.year - 2, 12, 31)
        out = []
        for _ in range(count):
            industry = industries.pick(rng)
            size = "above" if rng.random() < (0.35 if industry != "其他" else 0.2) else "below"
            name, short = self._name(prefixes.pick(rng), industry, size)
            quals = self._qualifications(size)
            town = rng.choice(towns) if towns else None
            lat, lon = jitter(rng, district.center_lat, district.center_lon, 8.0)
            created = rng.stamp(rng.day_between(created_lo, created_hi))
            record = Enterprise(
                id=rng.uid(),
                created_at=created,
                updated_at=created,
                uscc=self._uscc(district.adcode),
                name=name,
                district_code=district.adcode,
                town_code=town.code if town else None,
                address=self._address(district, town),
                industry=industry,
                size=size,
                qualifications=quals,
                contact_name=rng.person(self.surnames),
                contact_phone=rng.mobile(),
                tech_needs=self._needs(industry),
                lat=lat,
                lon=lon,
            )
            activity = rng.lognormvariate(0, 0.7) * (1.6 if size == "above" else 1.0)
            vp_weight = (3.0 if size == "above" else 1.0) * (2.0 if quals else 1.0)
            out.append(DemoEnterprise(record, short, activity, vp_weight))
        return out

    def _name(self, prefix: str, industry: str, size: str) -> tuple[str, str]:
        rng = self.rng
        for attempt in range(1000):
            brand = rng.choice(self._brands)
            word = rng.choice(NAME_WORDS[industry])
            suffix = self._suffix[size].pick(rng)
            name = f"{prefix}{brand}{word}{suffix}"
            if attempt > 50:  # a crowded pool: a third brand character keeps names unique
                brand += rng.choice(BRAND_CHARS)
                name = f"{prefix}{brand}{word}{suffix}"
            if name not in self.names:
                self.names.add(name)
                return name, brand + word
        raise RuntimeError("could not find a unique enterprise name")

    def _uscc(self, adcode: str) -> str:
        while True:
            code = random_uscc(self.rng, adcode)
            if code not in self.codes:
                self.codes.add(code)
                return code

    def _qualifications(self, size: str) -> tuple[str, ...]:
        rng = self.rng
        got = [rng.random() < p for p in _QUAL_CHANCE[size]]
        if got[4]:  # 小巨人 are 专精特新 and high-tech by definition
            got[0] = got[3] = True
        if got[5]:
            got[0] = True
        return tuple(q for q, g in zip(_QUAL_NAMES, got, strict=True) if g)

    def _address(self, district: District, town: Town | None) -> str:
        rng = self.rng
        place = town.name if town else ""
        park = rng.choice(PARKS) if rng.random() < 0.3 else ""
        return f"浙江省温州市{district.name}{place}{park}{rng.choice(ROADS)}{rng.randint(1, 888)}号"

    def _needs(self, industry: str) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.1:
            return ""
        first, second = rng.sample(NEEDS[industry], 2)
        return first if r < 0.6 else f"{first}；{second}"
