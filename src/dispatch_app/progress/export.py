"""The dashboard's tables as CSV files (UTF-8 with BOM, so Excel and WPS read the Chinese):
the district ranking and the progress meeting's list. Written to a temporary file and renamed;
every text cell goes through the exchange's formula guard."""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..exchange.cells import neutralise
from .model import Dashboard, MeetingItem
from .pacing import status_label

RANKING_HEADERS = {
    "zh": (
        "区县",
        "代码",
        "服务家次",
        "目标家次",
        "完成率",
        "按进度应完成",
        "年底预测",
        "缺口",
        "状态",
        "计划中",
        "覆盖企业",
        "科技副总",
        "副总目标",
        "副总完成率",
        "副总状态",
    ),
    "en": (
        "district",
        "adcode",
        "visits",
        "visits target",
        "done %",
        "expected by date",
        "year-end forecast",
        "gap",
        "status",
        "planned",
        "enterprises covered",
        "tech VPs",
        "tech VPs target",
        "tech VPs %",
        "tech VPs status",
    ),
}
MEETING_HEADERS = {
    "zh": ("区县", "企业", "跟进事项", "负责人", "期限", "是否逾期", "服务日期"),
    "en": ("district", "enterprise", "follow-up", "owner", "due", "overdue", "visit date"),
}


def ranking_rows(dash: Dashboard, lang: str = "zh") -> list[list[str | int]]:
    """The ranking table's rows in the dashboard's order, then the scope's total."""
    rows: list[list[str | int]] = []
    for name, code, v, a, covered in [
        *((r.name, r.adcode, r.visits, r.appointments, r.enterprises) for r in dash.districts),
        (dash.scope_name, dash.scope, dash.visits, dash.appointments, dash.enterprises),
    ]:
        rows.append(
            [
                name,
                code,
                v.done,
                v.target,
                f"{v.ratio:.1%}",
                v.expected_by_date,
                v.forecast_year_end,
                v.gap,
                status_label(v.status, lang),
                v.pipeline,
                covered,
                a.done,
                a.target,
                f"{a.ratio:.1%}",
                status_label(a.status, lang),
            ]
        )
    return rows


def meeting_rows(items: Iterable[MeetingItem], lang: str = "zh") -> list[list[str]]:
    yes, no = ("是", "否") if lang != "en" else ("yes", "no")
    return [
        [
            i.district,
            i.enterprise,
            i.description,
            i.owner,
            i.due_date,
            yes if i.overdue else no,
            i.visit_date,
        ]
        for i in items
    ]


def write_csv(
    path: str | os.PathLike[str], headers: Sequence[str], rows: Iterable[Sequence]
) -> int:
    """Write ``rows`` under ``headers``; all or nothing (temporary file, then rename)."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".progress-", suffix=".csv", dir=target.parent or ".")
    count = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(headers)
            for row in rows:
                writer.writerow([neutralise(c) if isinstance(c, str) else c for c in row])
                count += 1
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count


def write_ranking(dash: Dashboard, path: str | os.PathLike[str], lang: str = "zh") -> int:
    return write_csv(path, RANKING_HEADERS[lang], ranking_rows(dash, lang))


def write_meeting(
    items: Iterable[MeetingItem], path: str | os.PathLike[str], lang: str = "zh"
) -> int:
    return write_csv(path, MEETING_HEADERS[lang], meeting_rows(items, lang))
