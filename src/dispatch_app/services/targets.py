"""Yearly targets: the city's (10,000 visits, 500 appointments) and each district's share."""

from __future__ import annotations

from ..domain.choices import CITY_SCOPE
from ..domain.records import Target
from ..store import repository
from ..store.database import Store

CITY_VISITS = 10_000
CITY_APPOINTMENTS = 500

# Default shares of the city's targets by county-level unit (sum: 10,000 and 500), roughly in
# proportion to each unit's number of industrial enterprises; a bureau edits them per year.
DEFAULT_SHARES: dict[str, tuple[int, int]] = {
    "330302": (1200, 60),  # 鹿城区
    "330303": (1000, 50),  # 龙湾区
    "330304": (1000, 50),  # 瓯海区
    "330305": (300, 15),  # 洞头区
    "330324": (900, 45),  # 永嘉县
    "330326": (700, 35),  # 平阳县
    "330327": (700, 35),  # 苍南县
    "330328": (300, 15),  # 文成县
    "330329": (300, 15),  # 泰顺县
    "330381": (1500, 75),  # 瑞安市
    "330382": (1500, 75),  # 乐清市
    "330383": (600, 30),  # 龙港市
}


def default_figures(district: str | None = None) -> dict[str, tuple[int, int]]:
    """(visits, appointments) by scope: the city's, then every district's (or just one's)."""
    figures = {CITY_SCOPE: (CITY_VISITS, CITY_APPOINTMENTS)}
    figures.update((c, f) for c, f in DEFAULT_SHARES.items() if district in (None, c))
    return figures


def ensure_default_targets(store: Store, year: int) -> int:
    """Insert the default city and district targets for ``year`` where none exist yet."""
    have = {r[0] for r in store.query("SELECT scope FROM targets WHERE year = ?", (year,))}
    new = [
        Target(year=year, scope=scope, visits_target=v, appointments_target=a)
        for scope, (v, a) in default_figures().items()
        if scope not in have
    ]
    with store.atomic():
        repository.insert_many(store, new)
    return len(new)


def set_target(store: Store, year: int, scope: str, visits: int, appointments: int) -> Target:
    from ..domain.validation import clean_target

    target = clean_target(
        {"year": year, "scope": scope, "visits_target": visits, "appointments_target": appointments}
    )
    with store.atomic():
        existing = repository.find(
            store, Target, "year = ? AND scope = ?", (target.year, target.scope)
        )
        if existing:
            target.id, target.created_at = existing[0].id, existing[0].created_at
            repository.update(store, target)
        else:
            repository.insert(store, target)
    return target
