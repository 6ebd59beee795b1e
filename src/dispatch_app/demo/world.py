"""What the later generation stages share: the registry made so far, indexed for quick draws."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from ..domain.geography import Gazetteer
from .enterprises import DemoEnterprise
from .experts import DemoExpert, DemoTeam
from .rand import DemoRandom, Weighted


@dataclass
class World:
    seed: int
    year: int
    as_of: date
    gaz: Gazetteer
    adcodes: list[str]  # county-level units in this database
    enterprises: dict[str, list[DemoEnterprise]]  # by district
    experts: list[DemoExpert]
    teams: list[DemoTeam]
    coordinators: dict[str, list[str]]  # district → 科技局 staff names (follow-up owners)
    experts_by_industry: dict[str, list[DemoExpert]] = field(default_factory=dict)
    teams_by_district: dict[str, list[DemoTeam]] = field(default_factory=dict)
    citywide_teams: dict[str, list[DemoTeam]] = field(default_factory=dict)  # by industry

    def __post_init__(self) -> None:
        by_ind: dict[str, list[DemoExpert]] = defaultdict(list)
        for e in self.experts:
            by_ind[e.industry].append(e)
        self.experts_by_industry = dict(by_ind)
        by_d: dict[str, list[DemoTeam]] = defaultdict(list)
        city: dict[str, list[DemoTeam]] = defaultdict(list)
        for t in self.teams:
            if t.record.district_code:
                by_d[t.record.district_code].append(t)
            else:
                city[t.record.industry or "其他"].append(t)
        self.teams_by_district = dict(by_d)
        self.citywide_teams = dict(city)

    def enterprise_picker(self, adcode: str, weight: str = "activity") -> Weighted[DemoEnterprise]:
        return Weighted([(e, getattr(e, weight)) for e in self.enterprises[adcode]])

    def coordinator(self, rng: DemoRandom, adcode: str) -> str:
        """A district 科技局 staff member, written as follow-up owners are: 陈海燕（乐清科技局）."""
        short = self.gaz.district(adcode).short_name
        return f"{rng.choice(self.coordinators[adcode])}（{short}科技局）"
