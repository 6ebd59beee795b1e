"""Matching policy: limits and weights stored in the database's settings, with defaults.

A bureau changes its rules (how many enterprises one 科技副总 may serve, how far a team drives)
without a new program: every value lives under a ``match.`` key in the ``settings`` table.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace

from ..domain.problems import InvalidValue
from ..store.database import Store

_PREFIX = "match."


@dataclass(frozen=True)
class MatchPolicy:
    max_active_appointments: int = 2  # 在岗 + 拟派 per expert; at the limit an expert drops out
    max_distance_km: float = 100.0  # farther candidates are not suggested
    weight_relevance: float = 0.6
    weight_distance: float = 0.3
    weight_load: float = 0.1
    distance_scale_km: float = 25.0  # distance score = exp(-km / scale)
    recent_days: int = 30  # the load window for visits
    busy_visits: int = 8  # visits in the window that count as a full load
    team_min: int = 3  # a proposed team has 3–6 experts
    team_max: int = 6

    @classmethod
    def load(cls, store: Store) -> MatchPolicy:
        """The stored policy; unknown or unreadable values fall back to the defaults."""
        values = {}
        rows = store.query("SELECT key, value FROM settings WHERE key LIKE 'match.%'")
        stored = {r["key"][len(_PREFIX) :]: r["value"] for r in rows}
        for f in fields(cls):
            if f.name in stored:
                try:
                    values[f.name] = _parse(f.name, stored[f.name], type(getattr(cls(), f.name)))
                except InvalidValue:
                    continue
        return replace(cls(), **values)

    def save(self, store: Store) -> None:
        self.validate()
        with store.atomic():
            for key, value in asdict(self).items():
                store.set_setting(_PREFIX + key, str(value))

    def with_value(self, key: str, raw: str) -> MatchPolicy:
        """A copy with one setting changed from text (the CLI's ``--set key=value``)."""
        names = {f.name for f in fields(self)}
        if key not in names:
            raise InvalidValue(
                f"没有名为 {key} 的推荐规则（可用：{'、'.join(sorted(names))}）",
                f"no matching setting named {key} (known: {', '.join(sorted(names))})",
            )
        out = replace(self, **{key: _parse(key, raw, type(getattr(self, key)))})
        out.validate()
        return out

    def validate(self) -> None:
        if self.max_active_appointments < 0 or self.max_distance_km <= 0:
            raise InvalidValue("上限必须为正数", "limits must be positive")
        if min(self.weight_relevance, self.weight_distance, self.weight_load) < 0:
            raise InvalidValue("权重不能为负数", "weights cannot be negative")
        if not 1 <= self.team_min <= self.team_max:
            raise InvalidValue("组队人数范围无效", "team size range is invalid")


def _parse(key: str, raw: str, typ: type) -> int | float:
    try:
        return int(raw) if typ is int else float(raw)
    except ValueError:
        raise InvalidValue(
            f"推荐规则 {key} 的值「{raw}」不是数字", f"setting {key}: '{raw}' is not a number"
        ) from None
