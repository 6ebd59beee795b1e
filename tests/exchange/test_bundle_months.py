"""Which month a record belongs to: the bureau's local month, not the UTC text of 更新时间."""

from __future__ import annotations

import csv
import random
from datetime import date

from dispatch_app import clock
from dispatch_app.domain.records import Enterprise, Expert
from dispatch_app.domain.uscc import random_uscc
from dispatch_app.exchange.bundle import make_bundle
from dispatch_app.services import progress, registry, visit_log

LUCHENG = "330302"


def _enterprise(store, rng, name: str) -> Enterprise:
    return registry.register(
        store,
        Enterprise,
        {"uscc": random_uscc(rng, LUCHENG), "name": name, "district_code": LUCHENG},
    )


def _names_in(folder) -> set[str]:
    with (folder / "enterprises.csv").open(encoding="utf-8-sig", newline="") as fh:
        return {row["企业名称"] for row in csv.DictReader(fh)}


def test_an_edit_just_before_and_just_after_local_midnight(store, tmp_path, freeze) -> None:
    rng = random.Random(7)
    freeze("2026-11-30T23:59:00+08:00")
    _enterprise(store, rng, "十一月最后一分钟厂")
    freeze("2026-12-01T00:01:00+08:00")  # still 30 November in UTC
    _enterprise(store, rng, "十二月第一分钟厂")

    november = make_bundle(store, tmp_path / "nov", district=LUCHENG, month="2026-11")
    december = make_bundle(store, tmp_path / "dec", district=LUCHENG, month="2026-12")

    assert _names_in(november.path) == {"十一月最后一分钟厂"}
    assert _names_in(december.path) == {"十二月第一分钟厂"}


def test_a_bundle_for_the_current_month_holds_todays_edits(store, tmp_path) -> None:
    _enterprise(store, random.Random(8), "今天登记的企业")
    result = make_bundle(store, tmp_path / "now", month=f"{clock.today():%Y-%m}")
    assert _names_in(result.path) == {"今天登记的企业"}
    assert result.counts["enterprises"] == 1


def test_a_visit_on_31_december_counts_for_that_year(store, freeze) -> None:
    freeze("2027-01-05T09:00:00+08:00")
    firm = _enterprise(store, random.Random(9), "年末服务厂")
    expert = registry.register(
        store, Expert, {"name": "陈工", "institution": "温州大学", "specialties": "阀门"}
    )
    for day in ("2026-12-31", "2027-01-01"):
        visit_log.log_visit(
            store,
            {
                "enterprise_id": firm.id,
                "visit_date": day,
                "visit_type": "diagnosis",
                "status": "completed",
                "expert_ids": [expert.id],
            },
        )
    assert progress.progress(store, 2026, as_of=date(2026, 12, 31)).visits["done"] == 1
    assert progress.progress(store, 2027).visits["done"] == 1
