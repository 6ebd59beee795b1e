"""The one clock: every "now" and "today" in the program comes from here.

Why one place: a monthly bundle, the year's progress, a follow-up's "overdue" and a record's
``updated_at`` all depend on the date, so tests (and demos) must be able to fix it. Nothing
else in the program calls ``date.today()`` or ``datetime.now()``.

Which day it is: the bureau's calendar is local time in Wenzhou (Asia/Shanghai, UTC+8 all
year, no daylight saving), while stored times are UTC. :func:`today` is the local date;
:func:`now` is an aware UTC datetime; :func:`local_month_bounds_utc` turns a local month
into the UTC interval that stored times are compared with.

Freezing (tests, demos, support): ``DISPATCH_APP_NOW`` holds an ISO-8601 time with an
offset, e.g. ``2026-11-30T23:59:00+08:00``. Alone, the clock stands still at that instant.
With ``@EPOCH`` appended (a POSIX time), the clock starts at the given instant when the real
clock read ``EPOCH`` and runs on at the real pace, so that successive edits still get
increasing ``updated_at`` times, the same in every process that inherits the variable.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache

ENV = "DISPATCH_APP_NOW"
# Wenzhou's local time (China Standard Time has had no daylight saving since 1991).
LOCAL = timezone(timedelta(hours=8), "Asia/Shanghai")


class ClockError(ValueError):
    """``DISPATCH_APP_NOW`` does not hold a readable time."""


@lru_cache(maxsize=8)
def _parse(value: str) -> tuple[datetime, float | None]:
    instant, _, anchor = value.partition("@")
    try:
        when = datetime.fromisoformat(instant.strip())
    except ValueError as exc:
        raise ClockError(f"{ENV}={value!r}: not an ISO-8601 time") from exc
    if when.tzinfo is None:
        when = when.replace(tzinfo=LOCAL)  # a bare time is Wenzhou's local time
    try:
        epoch = float(anchor) if anchor else None
    except ValueError as exc:
        raise ClockError(f"{ENV}={value!r}: the part after @ must be a POSIX time") from exc
    return when.astimezone(UTC), epoch


def now() -> datetime:
    """The current instant, aware, in UTC."""
    frozen = os.environ.get(ENV)
    if not frozen:
        return datetime.now(UTC)
    when, epoch = _parse(frozen)
    if epoch is None:
        return when
    return when + timedelta(seconds=time.time() - epoch)


def local_now() -> datetime:
    """The current instant in Wenzhou's local time (what a coordinator's wall clock shows)."""
    return now().astimezone(LOCAL)


def today() -> date:
    """Today's date in Wenzhou."""
    return local_now().date()


def now_iso() -> str:
    """The stored form of a time: UTC with microseconds and a Z (sorts as text)."""
    return now().strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def to_stored(when: datetime) -> str:
    """Any aware time in the stored form (UTC, microseconds, Z)."""
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def local_month_bounds_utc(year: int, month: int) -> tuple[str, str]:
    """``[start, end)`` of a local calendar month, as stored (UTC) times to compare with.

    A record edited on 1 December at 00:01 in Wenzhou was stored as 30 November 16:01 UTC; it
    belongs to December's bundle, which is why months are never cut from the UTC text.
    """
    start = datetime(year, month, 1, tzinfo=LOCAL)
    end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=LOCAL)
    return to_stored(start), to_stored(end)


def freeze_value(when: datetime, running: bool = False) -> str:
    """The ``DISPATCH_APP_NOW`` value for ``when`` (standing still, or running from now)."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=LOCAL)
    text = when.isoformat()
    return f"{text}@{time.time():.6f}" if running else text
