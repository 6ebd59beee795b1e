"""``dashboard(store, year, as_of=..., scope=...)``: every figure of the progress dashboard,
from one function (the window, ``dispatch-app progress`` and the printed brief call it).

Scope: ``None`` is what the database holds (its ``district_scope`` setting: a district's own
database measures itself against its share; the bureau's merged database sees the city);
``CITY_SCOPE`` or a district's adcode chooses. The district rows always add up to the scope's
figures: the city's done, pipeline, expected and forecast are the sums of its districts'
(expected and forecast are linear in the counts and share one curve).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from ..domain.choices import CITY_SCOPE, VISIT_TYPE
from ..services.targets import targets_for_year
from . import definitions as d
from . import queries as q
from .model import Dashboard, DistrictRow, Figure, FollowUpRow, MeetingItem, MonthPoint, Slice
from .pacing import CURVE_YEARS, Curve, forecast, learn_curve, linear_curve, run_rate_window
from .pacing import status_of as _status

CITY_NAME = "温州市"


def resolve_scope(store, scope: str | None) -> tuple[str, str, dict[str, str]]:
    """(scope chosen, the database's own scope, district names by adcode)."""
    names = {r["adcode"]: r["name"] for r in q.districts(store)}
    own = store.get_setting("district_scope") or CITY_SCOPE
    if own not in names:
        own = CITY_SCOPE
    chosen = own if scope is None else scope
    if chosen != CITY_SCOPE and chosen not in names:
        raise ValueError(f"unknown district scope {chosen!r}")
    return chosen, own, names


def _figure(
    done: int,
    recent: int,
    target: int,
    year: int,
    as_of: date,
    curve: Curve,
    pipeline: int,
    drill: dict[str, str],
) -> Figure:
    expected = target * curve.share_by(year, as_of)
    f = forecast(done, recent, target, year, as_of, curve)
    return Figure(
        done=done,
        target=target,
        expected=expected,
        status=_status(done, expected, target),
        pipeline=pipeline,
        forecast_year_end=f.year_end,
        gap=f.gap,
        per_week_recent=f.per_week_recent,
        per_week_needed=f.per_week_needed,
        drill=drill,
    )


def seasonal_curve(store, year: int) -> Curve:
    """The curve of ``year``: learned from up to ``CURVE_YEARS`` earlier years (every district
    pooled, so that district figures keep adding up), else linear."""
    earlier: dict[int, list[int]] = defaultdict(lambda: [0] * 12)
    for y, m, n in q.earlier_years_by_month(store, year - CURVE_YEARS, year - 1, None):
        earlier[y][m - 1] += n
    return learn_curve(year, earlier)


def dashboard(
    store,
    year: int,
    *,
    as_of: date,
    scope: str | None = None,
    detail: bool = True,
    meeting_limit: int | None = 200,
) -> Dashboard:
    """Every figure of the dashboard for ``year`` seen from ``as_of`` (see the module doc).

    ``detail=False`` leaves out what the workbench does not show (enterprises covered, the
    breakdowns, follow-ups and the meeting list: empty lists and 0); ``meeting_limit`` caps
    the meeting list (its full length is ``meeting_total``; ``None``: every item)."""
    scope, own, names = resolve_scope(store, scope)
    district = None if scope == CITY_SCOPE else scope
    lo, hi = d.year_bounds(year)
    until = d.counted_until(year, as_of)
    targets, source = targets_for_year(store, year)
    curve = seasonal_curve(store, year)
    flat = linear_curve(year)  # appointments come in batches: no season to learn
    window_start, window_end = run_rate_window(year, as_of)
    recent_from = window_start.isoformat()

    # Visits: one scan by district and day gives totals, months and the recent window.
    done: dict[str, int] = defaultdict(int)
    recent: dict[str, int] = defaultdict(int)
    by_month: dict[str, list[int]] = defaultdict(lambda: [0] * 12)
    for code, day, n in q.counted_visits_by_day(store, lo, until, district):
        done[code] += n
        by_month[code][int(day[5:7]) - 1] += n
        if day >= recent_from:
            recent[code] += n
    planned: dict[str, int] = defaultdict(int)
    planned_month = [0] * 12
    for code, month, n in q.planned_by_month(store, lo, hi, district):
        planned[code] += n
        planned_month[int(month[5:7]) - 1] += n
    covered, covered_total = (
        q.enterprises_covered(store, lo, until, district) if detail else ({}, 0)
    )

    # Appointments of the batch: counted once started, proposed ones as the pipeline.
    a_done: dict[str, int] = defaultdict(int)
    a_recent: dict[str, int] = defaultdict(int)
    a_pipe: dict[str, int] = defaultdict(int)
    for code, status, start, n in q.appointments_of_batch(store, year, district):
        if d.appointment_counts(status, start, as_of):
            a_done[code] += n
            if recent_from <= start <= window_end.isoformat():
                a_recent[code] += n
        elif status == d.APPOINTMENT_PIPELINE:
            a_pipe[code] += n

    visit_drill = {"status": d.VISIT_COUNTED, "date_from": lo, "date_to": until}
    appt_drill = {"batch_year": str(year), "started": "1", "date_to": as_of.isoformat()}
    if scope == CITY_SCOPE:
        codes = [
            c
            for c in names
            if targets.get(c, (0, 0)) != (0, 0) or done.get(c) or planned.get(c) or a_done.get(c)
        ]
    else:
        codes = [scope]
    rows = []
    for code in codes:
        vt, at = targets.get(code, (0, 0))
        rows.append(
            DistrictRow(
                adcode=code,
                name=names[code],
                visits=_figure(
                    done[code],
                    recent[code],
                    vt,
                    year,
                    as_of,
                    curve,
                    planned[code],
                    {**visit_drill, "district": code},
                ),
                appointments=_figure(
                    a_done[code],
                    a_recent[code],
                    at,
                    year,
                    as_of,
                    flat,
                    a_pipe[code],
                    {**appt_drill, "district": code},
                ),
                enterprises=covered.get(code, 0),
            )
        )
    if scope == CITY_SCOPE:
        city_v, city_a = targets.get(
            CITY_SCOPE,
            (sum(r.visits.target for r in rows), sum(r.appointments.target for r in rows)),
        )
    else:
        city_v, city_a = rows[0].visits.target, rows[0].appointments.target
    scoped = {} if district is None else {"district": district}
    visits = _figure(
        sum(r.visits.done for r in rows),
        sum(recent[c] for c in codes),
        city_v,
        year,
        as_of,
        curve,
        sum(r.visits.pipeline for r in rows),
        {**visit_drill, **scoped},
    )
    appointments = _figure(
        sum(r.appointments.done for r in rows),
        sum(a_recent[c] for c in codes),
        city_a,
        year,
        as_of,
        flat,
        sum(r.appointments.pipeline for r in rows),
        {**appt_drill, **scoped},
    )

    trend = _trend(year, as_of, by_month, planned_month, curve, visits.target, visit_drill, scoped)
    kinds = q.by_enterprise_kind(store, lo, until, district) if detail else []
    industry, quals = _enterprise_slices(kinds)
    for s in industry:
        s.drill = None if s.key == d.NO_INDUSTRY else {**visit_drill, **scoped, "industry": s.key}
    for s in quals:
        s.drill = (
            None
            if s.key == d.NO_QUALIFICATION
            else {**visit_drill, **scoped, "qualification": s.key}
        )
    types = [
        Slice(
            code,
            VISIT_TYPE.label(code, "zh"),
            VISIT_TYPE.label(code, "en"),
            n,
            None,
            {**visit_drill, **scoped, "visit_type": code},
        )
        for code, n in (q.by_visit_type(store, lo, until, district) if detail else [])
    ]

    follow = [
        FollowUpRow(code, names.get(code, code), n, overdue, flagged)
        for code, n, overdue, flagged in (
            q.follow_up_counts(store, as_of.isoformat(), district) if detail else []
        )
    ]
    follow.sort(key=lambda r: (-r.needs_coordination, -r.overdue, r.adcode))
    meeting = meeting_list(store, as_of=as_of, scope=scope, limit=meeting_limit) if detail else []
    return Dashboard(
        year=year,
        as_of=as_of.isoformat(),
        scope=scope,
        scope_name=CITY_NAME if scope == CITY_SCOPE else names[scope],
        database_scope=own,
        targets_source=source,
        curve=curve.kind,
        curve_years=curve.years,
        expected_share=curve.share_by(year, as_of),
        year_elapsed=flat.share_by(year, as_of),
        visits=visits,
        appointments=appointments,
        enterprises=covered_total,
        districts=rows,
        trend=trend,
        by_industry=industry,
        by_qualification=quals,
        by_visit_type=types,
        follow_ups=follow,
        meeting=meeting,
        meeting_total=sum(r.needs_coordination for r in follow),
    )


def _trend(
    year: int,
    as_of: date,
    by_month: dict[str, list[int]],
    planned_month: list[int],
    curve: Curve,
    target: int,
    visit_drill: dict[str, str],
    scoped: dict[str, str],
) -> list[MonthPoint]:
    months = [sum(m[i] for m in by_month.values()) for i in range(12)]
    points = []
    running = 0
    for i in range(12):
        month = i + 1
        first = date(year, month, 1)
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        running += months[i]
        shown = as_of >= first
        points.append(
            MonthPoint(
                month=month,
                label=f"{year:04d}-{month:02d}",
                done=months[i],
                planned=planned_month[i],
                cumulative=running if shown else None,
                expected_cumulative=target * curve.share_of_month_end(year, month),
                drill={
                    **visit_drill,
                    **scoped,
                    "date_from": first.isoformat(),
                    "date_to": min(last.isoformat(), visit_drill["date_to"]),
                },
            )
        )
    return points


def _enterprise_slices(rows) -> tuple[list[Slice], list[Slice]]:
    industry: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    quals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for ind, qual_text, visits, ents in rows:
        key = ind or d.NO_INDUSTRY
        industry[key][0] += visits
        industry[key][1] += ents
        for qual in d.split_qualifications(qual_text):
            quals[qual][0] += visits
            quals[qual][1] += ents

    def slices(counts: dict[str, list[int]]) -> list[Slice]:
        ordered = sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0]))
        return [Slice(k, k, k, v, e) for k, (v, e) in ordered]

    return slices(industry), slices(quals)


def meeting_list(
    store, *, as_of: date, scope: str | None = None, limit: int | None = None
) -> list[MeetingItem]:
    """The progress meeting's list: open follow-ups flagged "needs coordination" (every one
    with ``limit=None``; the dashboard shows the first ``meeting_limit``)."""
    scope, _own, names = resolve_scope(store, scope)
    district = None if scope == CITY_SCOPE else scope
    return [
        MeetingItem(
            id=r["id"],
            district=names.get(r["district_code"], r["district_code"]),
            enterprise=r["enterprise"],
            description=r["description"],
            owner=r["owner"],
            due_date=r["due_date"] or "",
            visit_date=r["visit_date"],
            visit_id=r["visit_id"],
            overdue=bool(r["overdue"]),
        )
        for r in q.meeting_items(store, as_of.isoformat(), district, limit)
    ]
