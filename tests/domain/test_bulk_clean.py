"""The bulk importer's single pass gives exactly what the cleaners give (or defers to them)."""

from __future__ import annotations

import random
from dataclasses import asdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dispatch_app.domain.bulk_clean import fast_enterprise, fast_expert
from dispatch_app.domain.problems import ValidationError
from dispatch_app.domain.uscc import random_uscc
from dispatch_app.domain.validation import clean_enterprise, clean_expert

_RNG = random.Random(7)
_USCCS = [random_uscc(_RNG, "330382") for _ in range(3)]
_ID = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
_STAMP = "2026-03-05T08:00:00.000000Z"

# Cells as people type them: valid forms (padded, full-width, legacy codes, other names) …
_GOOD = {
    "uscc": [*_USCCS, " " + _USCCS[0].lower(), "９" + _USCCS[1][1:]],
    "name": ["温州阀门有限公司", "  温州  泵业 ", "ＡＢＣ科技", "=SUM(A1)", "乐清市电气"],
    "district_code": ["乐清市", "330382", "乐清", "330371", "经开区", "洞头县", "鹿城区"],
    "town_code": ["", "柳市镇", "北白象镇"],
    "address": ["", "柳市镇工业路1号", "乐清市北白象镇", "  "],
    "industry": ["", "泵阀", "电气"],
    "size": ["", "规上", "规下", " 规上 "],
    "qualifications": ["", "高新技术企业、专精特新", "、、", "小巨人;"],
    "contact_name": ["", "王经理"],
    "contact_phone": [
        "",
        "13812345678",
        "0577-88881234",
        " 138 1234 5678",
        "１３８１２３４５６７８",
        "+8613812345678",
        "013812345678",
        "8613812345678",
    ],
    "tech_needs": [
        "",
        "需要\n\n\n自动化",
        "  ",
        "降低能耗",
        "降低能耗\u200b",
        "ＡＢ需求",
        "需求 一",
        "需求\r\n二",
        "需求一；需求二",
        "需求；\n二",
        "（一）改造",
    ],
    "lat": ["", "28.1", "28.012345", "28", "２８.１", "28.10", " 28.1"],
    "lon": ["", "120.95", "120.6", "120", "１２０.６"],
    "archived_at": ["", _STAMP],
    "institution": ["温州大学", "研究院 一所"],
    "title": ["", "教授"],
    "specialties": ["机械、自动化", "电气"],
    "phone": ["", "13900001111", "１３９００００１１１１"],
    "can_be_vp": ["", "是", "否", "yes"],
}
# … and what the cleaners refuse (or treat specially): blank required cells, wrong codes, a
# district's town elsewhere, text over the limit, one coordinate without the other.
_ODD = {
    "uscc": ["", "91330382MA2K001X5X", "123"],
    "name": ["", " ", "甲" * 101, "\u200b"],
    "district_code": ["", "北京市", " "],
    "town_code": ["瓯北街道", "江北街道", "不存在镇"],
    "address": ["x" * 201],
    "industry": ["y" * 101],
    "size": ["大型"],
    "qualifications": ["z" * 101],
    "contact_name": ["p" * 51],
    "contact_phone": ["12345", "12812345678", "13812345678转1", "1381234567８9"],
    "tech_needs": ["n" * 4001],
    "lat": ["abc", "28.12°", "120.9", "", "-28.1", "28.1.1", "1e2", "nan", "26.8"],
    "lon": ["x", "28.1", "", "121.5", "-120.6", "1_20.6"],
    "archived_at": ["2026-03-05"],
    "institution": ["", "i" * 101],
    "title": ["t" * 51],
    "specialties": ["", "、", "s" * 101],
    "phone": ["999"],
    "can_be_vp": ["也许"],
}
_REQUIRED = {"uscc", "name", "district_code", "institution", "specialties"}
_ENTERPRISE_FIELDS = [
    "uscc", "name", "district_code", "town_code", "address", "industry", "size",
    "qualifications", "contact_name", "contact_phone", "tech_needs", "lat", "lon",
    "archived_at",
]  # fmt: skip
_EXPERT_FIELDS = [
    "name", "institution", "title", "specialties", "phone", "district_code", "address",
    "lat", "lon", "can_be_vp", "archived_at",
]  # fmt: skip


@st.composite
def _rows(draw: st.DrawFn, fields: list[str]) -> dict[str, str]:
    """A mostly valid row (optional columns may be absent), then up to two odd cells."""
    row = {"id": _ID, "updated_at": _STAMP}
    for f in fields:
        if f in _REQUIRED or draw(st.booleans()):
            row[f] = draw(st.sampled_from(_GOOD[f]))
    for f in draw(st.lists(st.sampled_from(fields), max_size=2)):
        row[f] = draw(st.sampled_from(_ODD[f]))
    return row


def _same(fast, clean, row: dict[str, str]) -> bool:
    """Assert the single pass agrees with the cleaner on ``row``; True once it has."""
    fast_notes: list[str] = []
    slow_notes: list[str] = []
    got = fast(row, fast_notes)
    try:
        want = clean(row, slow_notes)
    except ValidationError:
        assert got is None  # the cleaner reports it: the single pass must not accept it
        return True
    if got is None:
        return True  # deferring is always allowed: the cleaner then decides
    mine, theirs = asdict(got), asdict(want)
    for stamp in ("created_at", "updated_at"):
        if stamp not in row:  # the cleaner's default time; the single pass leaves it blank
            mine.pop(stamp), theirs.pop(stamp)
    assert mine == theirs
    assert fast_notes == slow_notes
    return True


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(_rows(_ENTERPRISE_FIELDS))
def test_enterprise_single_pass_equals_the_cleaner(row) -> None:
    assert _same(fast_enterprise, clean_enterprise, row)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(_rows(_EXPERT_FIELDS))
def test_expert_single_pass_equals_the_cleaner(row) -> None:
    assert _same(fast_expert, clean_expert, row)


@pytest.fixture(scope="module")
def demo_rows(tmp_path_factory) -> dict[str, list[dict[str, str]]]:
    """The demo's own exports, read back as rows: what the bulk import meets in practice."""
    from dispatch_app.demo.generator import generate_demo
    from dispatch_app.exchange.columns import SPECS, match_headers
    from dispatch_app.exchange.exporter import export_kind
    from dispatch_app.exchange.readers import open_table
    from dispatch_app.store import open_store

    folder = tmp_path_factory.mktemp("bulk")
    generate_demo(folder / "demo.db", seed=2, visits=200)
    out: dict[str, list[dict[str, str]]] = {}
    with open_store(folder / "demo.db", readonly=True) as store:
        for kind in ("enterprises", "experts"):
            export_kind(store, kind, folder / f"{kind}.csv")
            rows = iter(open_table(folder / f"{kind}.csv").rows)
            _, headers = next(rows)
            fields = match_headers(SPECS[kind], headers).fields
            out[kind] = [
                {f: cells[i] for i, f in fields.items() if f not in ("district_adcode", "teams")}
                for _, cells in rows
            ]
    return out


def test_demo_rows_take_the_single_pass(demo_rows) -> None:
    for kind, fast, clean in (
        ("enterprises", fast_enterprise, clean_enterprise),
        ("experts", fast_expert, clean_expert),
    ):
        assert len(demo_rows[kind]) > 50
        for row in demo_rows[kind]:
            got = fast(row, [])
            assert got is not None, row  # valid rows never fall back to the slow path
            _same(fast, clean, row)


# The single pass's shortcuts (a stored-form mobile, plain decimal degrees inside Wenzhou, a
# one-line text with nothing to normalise) against the cleaner, at and beside their edges.
_EDGES = (
    [
        ("contact_phone", v)
        for v in ("13812345678", "138１２３４５６７８", "12812345678", "1381234567", "138123456789")
    ]
    + [
        ("lat", v)
        for v in (
            "26.9",
            "26.89",
            "28.75",
            "28.751",
            "27",
            "-27.5",
            "27.",
            ".5",
            "27.5e0",
            "２７.５",
        )
    ]
    + [("lon", v) for v in ("119.5", "119.49", "121.4", "121.41", "120", "120.6 ", "1_20.6")]
    + [
        ("tech_needs", v)
        for v in (
            "改造；升级",
            "改造\u3000升级",
            "ＡＢＣ",
            "改造\x1c",
            "改造\u2028升级",
            "a" * 4001,
        )
    ]
)


@pytest.mark.parametrize(("field", "value"), _EDGES)
def test_single_pass_shortcuts_at_their_edges(field: str, value: str) -> None:
    row = {
        "id": _ID,
        "updated_at": _STAMP,
        "uscc": _USCCS[0],
        "name": "温州阀门有限公司",
        "district_code": "乐清市",
        "lat": "28.1",
        "lon": "120.95",
        field: value,
    }
    assert _same(fast_enterprise, clean_enterprise, row)
