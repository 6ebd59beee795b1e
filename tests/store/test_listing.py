"""Paged lists: counts, pages, whitelisted sorts and filters, search by name/USCC/pinyin."""

from __future__ import annotations

import pytest

from dispatch_app.domain.records import Enterprise
from dispatch_app.services import registry
from dispatch_app.store import listing
from dispatch_app.store.listing import Criteria
from support.world import enterprise_raw


@pytest.fixture
def ents(store):
    names = [
        "温州大学科技园有限公司",
        "乐清市正泰电气有限公司",
        "瑞安市100%阀门有限公司",
        "鹿城区鞋_业有限公司",
    ]
    out = []
    for n, name in enumerate(names, start=1):
        district = ["鹿城区", "乐清市", "瑞安市", "鹿城区"][n - 1]
        out.append(
            registry.register(
                store,
                Enterprise,
                enterprise_raw(
                    n, district=district, name=name, qualifications="专精特新" if n == 2 else ""
                ),
            )
        )
    return out


def names(store, criteria, kind="enterprises"):
    return [r[2] for r in listing.fetch(store, kind, criteria)]


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("wzdx", ["温州大学科技园有限公司"]),  # initials
        ("WenZhou", ["温州大学科技园有限公司"]),  # full pinyin, any case
        ("yqs", ["乐清市正泰电气有限公司"]),  # 乐清 reads yuè qīng
        ("lqs", ["乐清市正泰电气有限公司"]),  # ...and is often typed lè qīng
        ("正泰", ["乐清市正泰电气有限公司"]),
        ("电气 乐清", ["乐清市正泰电气有限公司"]),  # every term must match
        ("100%", ["瑞安市100%阀门有限公司"]),  # LIKE wildcards are literal
        ("鞋_业", ["鹿城区鞋_业有限公司"]),
        ("%", ["瑞安市100%阀门有限公司"]),
        ("不存在", []),
    ],
)
def test_search(store, ents, search, expected):
    c = Criteria(search=search)
    assert names(store, c) == expected
    assert listing.count(store, "enterprises", c) == len(expected)


def test_search_by_uscc(store, ents):
    c = Criteria(search=ents[2].uscc[-6:])
    assert names(store, c) == ["瑞安市100%阀门有限公司"]


def test_filters_and_archived(store, ents):
    assert listing.count(store, "enterprises", Criteria(filters={"district": "330302"})) == 2
    c = Criteria(filters={"qualification": "专精特新"})
    assert names(store, c) == ["乐清市正泰电气有限公司"]
    registry.set_archived(store, Enterprise, ents[0].id, True)
    assert listing.count(store, "enterprises", Criteria()) == 3
    assert listing.count(store, "enterprises", Criteria(include_archived=True)) == 4
    archived = [
        r for r in listing.fetch(store, "enterprises", Criteria(include_archived=True)) if r[1]
    ]
    assert [r[0] for r in archived] == [ents[0].id]


def test_unknown_sort_or_filter_is_refused(store, ents):
    with pytest.raises(KeyError):
        listing.fetch(store, "enterprises", Criteria(sort_key="name; DROP TABLE enterprises"))
    with pytest.raises(KeyError):
        listing.count(store, "enterprises", Criteria(filters={"1=1 OR name": "x"}))
    assert listing.count(store, "enterprises", Criteria()) == 4


def test_paging_is_stable_and_complete(store, ents):
    c = Criteria(sort_key="district")
    pages = [listing.fetch(store, "enterprises", c, offset, 1) for offset in range(5)]
    ids = [p[0][0] for p in pages if p]
    assert sorted(ids) == sorted(e.id for e in ents)
    assert pages[4] == []


def test_every_spec_runs_with_every_filter(store, ents):
    for kind, spec in listing.SPECS.items():
        for name in spec.filters:
            c = Criteria(search="wzdx", filters={name: "x"})
            listing.count(store, kind, c)
            listing.fetch(store, kind, c)
        for column in spec.columns:
            listing.fetch(store, kind, Criteria(sort_key=column.key, descending=True))


def test_frequent_search_plan_returns_the_same_rows(store, ents):
    c = Criteria(search="有限公司")
    plain = listing.fetch(store, "enterprises", c)
    assert listing.fetch(store, "enterprises", c, total=10**6) == plain
