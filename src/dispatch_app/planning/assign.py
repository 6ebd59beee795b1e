"""Put chosen enterprises on a team's date as planned visits: every one of them, or none."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .. import clock
from ..domain.problems import FieldProblem, ValidationError
from ..domain.records import Visit
from ..services import visit_log
from ..store import planning_queries as q
from ..store.database import Store
from .day import find_team


def assign(
    store: Store,
    enterprise_ids: Sequence[str],
    team: str,
    day: date,
    *,
    visit_type: str = "diagnosis",
    today: date | None = None,
) -> list[Visit]:
    """Planned visits for ``enterprise_ids`` by ``team`` (name or id) on ``day``.

    Checked first, every problem reported at once (unknown or archived enterprise, one already
    planned for that team and day, a date in the past, an archived team); then written in one
    transaction through ``visit_log.log_visit``, so a failure part-way writes nothing.
    UnknownTeam when the team does not exist.
    """
    today = today or clock.today()
    row = find_team(store, team)
    ids = list(dict.fromkeys(enterprise_ids))
    problems: list[FieldProblem] = []
    if not ids:
        problems.append(
            FieldProblem("enterprise_id", "请先选择要安排的企业", "Choose the enterprises first")
        )
    if row["archived_at"] is not None:
        problems.append(
            FieldProblem(
                "team_id",
                f"轻骑队“{row['name']}”已归档，不能再安排走访",
                f"Team '{row['name']}' is archived and cannot be given visits",
            )
        )
    if day < today:
        problems.append(
            FieldProblem(
                "visit_date",
                f"计划日期 {day.isoformat()} 早于今天（{today.isoformat()}）",
                f"The planned date {day.isoformat()} is before today ({today.isoformat()})",
                day.isoformat(),
            )
        )
    found = {r["id"]: r for r in q.enterprises_by_id(store, ids)}
    already = {s["enterprise_id"] for s in q.day_stops(store, row["id"], day)}
    for eid in ids:
        ent = found.get(eid)
        if ent is None:
            problems.append(
                FieldProblem("enterprise_id", f"找不到企业 {eid}", f"No enterprise {eid}", eid)
            )
        elif ent["archived_at"] is not None:
            problems.append(
                FieldProblem(
                    "enterprise_id",
                    f"企业“{ent['name']}”已归档",
                    f"Enterprise '{ent['name']}' is archived",
                    eid,
                )
            )
        elif eid in already:
            problems.append(
                FieldProblem(
                    "enterprise_id",
                    f"企业“{ent['name']}”当天已在该队的行程中",
                    f"'{ent['name']}' is already on this team's day",
                    eid,
                )
            )
    if problems:
        raise ValidationError(problems)
    visits = []
    with store.atomic():
        for eid in ids:
            visits.append(
                visit_log.log_visit(
                    store,
                    {
                        "enterprise_id": eid,
                        "team_id": row["id"],
                        "visit_date": day.isoformat(),
                        "status": "planned",
                        "visit_type": visit_type,
                    },
                    today=today,
                )
            )
    return visits
