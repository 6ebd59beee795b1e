"""What counts, written once: every query of the progress package is built from these.

- **家次 (an enterprise-visit)**: one visit record with status ``completed``, dated in the year
  (1 January to 31 December inclusive) and on or before the as-of date. However many experts
  went, it is one row of ``visits`` and counts once (experts live in ``visit_experts``, which
  no count joins). A ``planned`` visit counts zero (it is shown as the pipeline); a
  ``cancelled`` one counts zero and is shown nowhere.
- **Appointment (科技副总)**: counts toward its ``batch_year`` once the expert has actually
  started: status 在岗 / 期满 / 提前结束 (``active`` / ``completed`` / ``ended_early``) and a
  start date on or before the as-of date. 拟派 (``proposed``) is the pipeline; 撤回
  (``withdrawn``) never counts. Its district is its enterprise's.
- **Enterprises covered**: distinct enterprises with at least one counted visit. Each district
  counts the enterprises visited while in it; the city counts each enterprise once.
- **A visit's district** is the one stored on the visit (the enterprise's when visited): an
  enterprise that moves later does not take its past visits along.
- **Follow-ups**: items still ``open`` today, whatever the visit's year (an old promise is still
  owed); *overdue* = due before the as-of date; *needs coordination* = flagged for the bureau.
"""

from __future__ import annotations

from datetime import date

from ..domain.choices import APPOINTMENT_COUNTED

VISIT_COUNTED = "completed"
VISIT_PIPELINE = "planned"
VISIT_NEVER = "cancelled"

APPOINTMENT_STARTED = APPOINTMENT_COUNTED  # ("active", "completed", "ended_early")
APPOINTMENT_PIPELINE = "proposed"
APPOINTMENT_NEVER = "withdrawn"

FOLLOW_UP_OPEN = "open"

NO_INDUSTRY = "—"  # the bucket of enterprises without an industry
NO_QUALIFICATION = "—"  # ...and without any qualification
QUALIFICATION_SEPARATOR = "、"


def year_bounds(year: int) -> tuple[str, str]:
    """First and last day of ``year`` as stored (ISO text): both days count."""
    return f"{year:04d}-01-01", f"{year:04d}-12-31"


def counted_until(year: int, as_of: date) -> str:
    """The last visit date that counts for ``year`` seen from ``as_of``: 31 Dec at most; an
    as-of date before the year gives 31 Dec of the year before (nothing counts yet)."""
    if as_of.year < year:
        return f"{year - 1:04d}-12-31"
    return min(as_of.isoformat(), year_bounds(year)[1])


def appointment_counts(status: str, start_date: str, as_of: date) -> bool:
    """Whether one appointment counts toward its batch year as of ``as_of``."""
    return status in APPOINTMENT_STARTED and start_date <= as_of.isoformat()


def split_qualifications(text: str) -> list[str]:
    """The qualifications an enterprise holds (stored joined by 、); none → the '—' bucket."""
    parts = [p.strip() for p in (text or "").split(QUALIFICATION_SEPARATOR) if p.strip()]
    return parts or [NO_QUALIFICATION]
