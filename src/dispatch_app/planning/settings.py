"""The planning settings a district chooses (speed, time at a stop, start of day), stored in
the database's ``settings`` table so that every PC opening the file plans the same way."""

from __future__ import annotations

import re
from dataclasses import asdict, fields

from ..domain.problems import FieldProblem, ValidationError
from ..store.database import Store
from .routes import RouteSettings

_PREFIX = "planning."
_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def load_route_settings(store: Store) -> RouteSettings:
    """The stored settings; a missing or unreadable value keeps its default."""
    default = RouteSettings()
    values: dict[str, object] = {}
    for f in fields(RouteSettings):
        raw = store.get_setting(_PREFIX + f.name)
        if raw is None:
            continue
        try:
            if f.name == "return_to_base":
                values[f.name] = raw in ("1", "true", "True")
            elif f.name == "day_start":
                if _HHMM.match(raw):
                    values[f.name] = raw
            else:
                number = float(raw)
                if number > 0:
                    values[f.name] = number
        except ValueError:
            continue
    return RouteSettings(**{**asdict(default), **values})


def save_route_settings(store: Store, settings: RouteSettings) -> None:
    problems = []
    if not settings.speed_kmh > 0:
        problems.append(
            FieldProblem(
                "speed_kmh", "车速须大于 0", "Speed must be above 0", str(settings.speed_kmh)
            )
        )
    if settings.minutes_per_stop < 0:
        problems.append(
            FieldProblem(
                "minutes_per_stop",
                "每家停留时间不能为负数",
                "Minutes per stop cannot be negative",
                str(settings.minutes_per_stop),
            )
        )
    if not _HHMM.match(settings.day_start):
        problems.append(
            FieldProblem(
                "day_start",
                "出发时间须为 HH:MM（如 08:30）",
                "Start of day must be HH:MM (e.g. 08:30)",
                settings.day_start,
            )
        )
    if problems:
        raise ValidationError(problems)
    with store.atomic():
        for key, value in asdict(settings).items():
            text = ("1" if value else "0") if isinstance(value, bool) else str(value)
            store.set_setting(_PREFIX + key, text)
