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


def targets_for_year(store: Store, year: int) -> tuple[dict[str, tuple[int, int]], str]:
    """(visits, appointments) by scope for ``year`` and where they come from: the figures
    stored for the year ("database") or, when none are, the defaults ("default")."""
    rows = store.query(
        "SELECT scope, visits_target, appointments_target FROM targets WHERE year = ?", (year,)
    )
    if not rows:
        return default_figures(), "default"
    return {r[0]: (int(r[1]), int(r[2])) for r in rows}, "database"


def get_target(store: Store, year: int, scope: str = CITY_SCOPE) -> tuple[int, int]:
    """One scope's (visits, appointments) for ``year`` (0, 0 when the year has none for it)."""
    figures, _source = targets_for_year(store, year)
    return figures.get(scope, (0, 0))


def set_targets(store: Store, year: int, figures: dict[str, tuple[int, int]]) -> list[Target]:
    """Store several scopes' targets for ``year`` at once: all written, or none (the first
    invalid figure raises before anything is written)."""
    from ..domain.validation import clean_target

    cleaned = [
        clean_target({"year": year, "scope": s, "visits_target": v, "appointments_target": a})
        for s, (v, a) in figures.items()
    ]
    with store.atomic():
        for target in cleaned:
            _upsert(store, target)
    return cleaned


def _upsert(store: Store, target: Target) -> None:
    existing = repository.find(store, Target, "year = ? AND scope = ?", (target.year, target.scope))
    if existing:
        target.id, target.created_at = existing[0].id, existing[0].created_at
        repository.update(store, target)
    else:
        repository.insert(store, target)
