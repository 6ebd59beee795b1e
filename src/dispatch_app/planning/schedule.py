"""A team's day as a schedule: one row per stop, the same rows for the screen, CSV and paper.

The CSV goes through the exchange's writer (UTF-8 with a BOM for Excel/WPS, written to a
temporary file and renamed, every cell guarded against formulas).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..exchange.cells import neutralise
from ..exchange.writers import write_csv
from .day import TeamDay
from .routes import clock_text

# (zh, en) column headings, in order.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("序号", "No."),
    ("预计到达", "Arrive"),
    ("预计离开", "Leave"),
    ("企业名称", "Enterprise"),
    ("统一社会信用代码", "USCC"),
    ("地址", "Address"),
    ("联系人", "Contact"),
    ("联系电话", "Phone"),
    ("距上一站(km)", "From previous (km)"),
    ("备注", "Note"),
)


@dataclass(frozen=True)
class Summary:
    team: str
    day: str
    base: str
    stops: int
    km: float
    minutes: float
    leave: str
    back: str


def headers(lang: str = "zh") -> list[str]:
    return [en if lang == "en" else zh for zh, en in COLUMNS]


def _approx_note(lang: str) -> str:
    return "no coordinates: district centre" if lang == "en" else "无坐标，按区县中心估算"


def base_text(day: TeamDay, lang: str = "zh") -> str:
    b = day.base
    if b.source == "recorded":
        return b.label or (f"{b.lat:.5f}, {b.lon:.5f}")
    if b.source == "district":
        return f"{b.label} centre" if lang == "en" else f"{b.label}中心"
    return f"{b.label} (from the stops)" if lang == "en" else f"{b.label}（按行程估计）"


def rows(day: TeamDay, lang: str = "zh") -> list[list[str]]:
    """The stops in visiting order, then the way back to the base (when the day returns)."""
    start = day.settings.day_start
    out = []
    for n, (stop, leg) in enumerate(zip(day.stops, day.route.legs, strict=True), start=1):
        out.append(
            [
                str(n),
                clock_text(start, leg.arrive_min),
                clock_text(start, leg.depart_min),
                stop.name,
                stop.uscc,
                stop.address,
                stop.contact_name,
                stop.contact_phone,
                f"{leg.km:.1f}",
                _approx_note(lang) if stop.approximate else "",
            ]
        )
    if day.stops and day.settings.return_to_base:
        back = "back to base: " if lang == "en" else "返回驻地："  # a full-width colon in Chinese
        out.append(
            [
                "",
                clock_text(start, day.route.minutes),
                "",
                f"{back}{base_text(day, lang)}",
                "",
                "",
                "",
                "",
                f"{day.route.return_km:.1f}",
                "",
            ]
        )
    return out


def summary(day: TeamDay, lang: str = "zh") -> Summary:
    return Summary(
        team=day.team_name,
        day=day.day.isoformat(),
        base=base_text(day, lang),
        stops=len(day.stops),
        km=round(day.route.km, 1),
        minutes=round(day.route.minutes),
        leave=day.settings.day_start,
        back=clock_text(day.settings.day_start, day.route.minutes),
    )


def duration_text(minutes: float, lang: str = "zh") -> str:
    h, m = divmod(round(minutes), 60)
    if lang == "en":
        return f"{h} h {m:02d} min"
    return f"{h} 小时 {m:02d} 分"


def write_schedule_csv(day: TeamDay, target: Path, lang: str = "zh") -> int:
    """The day's schedule as CSV (UTF-8 with BOM); returns the number of stops written."""
    write_csv(
        Path(target),
        headers(lang),
        [[neutralise(cell) for cell in row] for row in rows(day, lang)],
    )
    return len(day.stops)
