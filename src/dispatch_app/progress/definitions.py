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

# What the dashboard's "口径说明 / Definitions" box and ``dispatch-app progress --definitions``
# show: the same rules as the module docstring, in the user's words. Change both together.
DEFINITIONS: dict[str, str] = {
    "zh": (
        "统计口径\n"
        "· 入企服务“家次”：一条状态为“已完成”的服务记录计 1 家次，"
        "服务日期在所选年度内且不晚于统计日；同一次服务去了几位专家都只计 1 次。"
        "“计划中”的计 0（作为待办显示），“已取消”的不计也不显示。\n"
        "· 科技副总：专家实际到岗后（在岗、期满、提前结束）计入其选派年度，到岗日期不晚于统计日；"
        "“拟派”作为储备显示，“撤回”的永不计入。所属区县按企业所在区县。\n"
        "· 覆盖企业：至少有 1 次已完成服务的不同企业数；全市每家企业只计一次。\n"
        "· 服务的区县：按服务时记录的区县统计，企业后来迁址不改变以往的服务。\n"
        "· 跟进事项：今天仍未办结的都算（不论哪一年的服务）；逾期 = 截止日早于统计日；"
        "需协调 = 标记为需市局协调。\n"
        "· 应完成进度：默认按日期线性计算；有往年数据时按往年各月的节奏估算。"
        "预测 = 按最近四周的速度推算到 12 月 31 日。"
    ),
    "en": (
        "Definitions\n"
        "· An enterprise-visit (家次): one visit record with status completed, dated in the year "
        "and on or before the as-of date; however many experts went, it counts once. A planned "
        "visit counts zero (shown as the pipeline); a cancelled one counts zero and is not shown.\n"
        "· A tech VP counts toward its batch year once the expert has started (active, completed, "
        "ended early) on or before the as-of date; proposed ones are the pipeline, withdrawn ones "
        "never count. Its district is its enterprise's.\n"
        "· Enterprises covered: distinct enterprises with at least one counted visit; the city "
        "counts each once.\n"
        "· A visit's district is the one stored on the visit: an enterprise that moves later does "
        "not take its past visits along.\n"
        "· Follow-ups: items still open today, whatever the visit's year; overdue = due before the "
        "as-of date; needs coordination = flagged for the bureau.\n"
        "· Expected progress is linear in the date by default, or follows earlier years' months "
        "when there are any. The forecast runs the last four weeks' pace to 31 December."
    ),
}


def definitions_text(lang: str) -> str:
    """The definitions in the user's language (zh unless ``lang`` is en)."""
    return DEFINITIONS["en" if lang == "en" else "zh"]


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
