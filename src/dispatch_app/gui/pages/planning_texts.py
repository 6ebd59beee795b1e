"""The Planning page's sentences: the day's summary and its notes, the gap-closers' line,
an error's text, and the day's table rows (the schedule's own rows, with their visits)."""

from __future__ import annotations

from html import escape
from typing import Any

from ...domain.problems import ValidationError
from ...planning import schedule
from ...planning.gap_closers import DEFAULT_MAX_DETOUR_KM
from ...store.errors import StoreError
from ..i18n import current_language, pick, tr
from ..models.planning_tables import DayRow


def error_text(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        return "\n".join(p.message(current_language()) for p in exc.problems)
    if isinstance(exc, StoreError):
        return exc.message(current_language())
    zh, en = getattr(exc, "zh", None), getattr(exc, "en", None)
    return pick(zh, en) if zh and en else str(exc)


def load_failed(exc: BaseException) -> str:
    return tr("Could not load: {error}").format(error=error_text(exc))


def day_rows(team_day: Any, lang: str) -> list[DayRow]:
    """The schedule's rows (as on the CSV and paper), each with the visit it stands for."""
    stops = iter(team_day.stops)
    rows = []
    for cells in schedule.rows(team_day, lang):
        stop = next(stops, None) if cells[0] else None
        rows.append(
            DayRow(
                cells,
                stop.visit_id if stop else None,
                stop.enterprise_id if stop else None,
                bool(stop and stop.approximate),
                stop.status if stop else "",
            )
        )
    return rows


def gap_text(closers: list) -> str:
    if not closers:
        return tr("No enterprise needing a visit lies close to this day's route.")
    return tr("{n} enterprises needing a visit lie within a {km:g} km detour").format(
        n=len(closers), km=DEFAULT_MAX_DETOUR_KM
    )


def summary_text(d: Any) -> str:
    lang = current_language()
    s = schedule.summary(d, lang)
    base = tr("Start: {base}").format(base=escape(s.base))
    if not d.stops:
        return base + " · " + tr("no visits planned that day")
    text = (
        base
        + " · "
        + tr(
            "{n} stops · {km:.1f} km straight-line · leave {leave}, back about {back} ({time})"
        ).format(
            n=s.stops,
            km=s.km,
            leave=s.leave,
            back=s.back,
            time=schedule.duration_text(s.minutes, lang),
        )
    )
    if d.entered_km > d.route.km + 0.05:
        text += "<br>" + tr(
            "In route order: {km:.1f} km instead of {entered:.1f} km in the order entered."
        ).format(km=d.route.km, entered=d.entered_km)
    return text


def note_text(d: Any) -> str:
    st = d.settings
    text = tr(
        "Kilometres are straight-line and times are estimates: {speed:g} km/h and "
        "{stop:g} min at each enterprise."
    ).format(speed=st.speed_kmh, stop=st.minutes_per_stop)
    approx = sum(1 for s in d.stops if s.approximate)
    if approx:
        text += " " + tr(
            "Approximate position: {n} enterprises have no coordinates of their own and "
            "stand at their district's centre."
        ).format(n=approx)
    return text
