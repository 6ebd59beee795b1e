"""Paged lists: counts, pages, whitelisted sorts and filters, search by name/USCC/pinyin."""

from __future__ import annotations

import re

import pytest

from dispatch_app.domain.records import Enterprise
from dispatch_app.services import registry
from dispatch_app.store import listing
from dispatch_app.store.listing import Criteria
from support.world import TODAY, enterprise_raw


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


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """A small demo database: every record kind, with archived rows and open/closed items."""
    from dispatch_app.demo import generate_demo
    from dispatch_app.store import open_store

    path = tmp_path_factory.mktemp("listing") / "demo.db"
    generate_demo(path, seed=3, visits=150, as_of=TODAY)
    with open_store(path) as s:
        s.conn.execute("UPDATE enterprises SET archived_at = updated_at WHERE rowid % 7 = 0")
        s.conn.execute("UPDATE follow_ups SET due_date = NULL WHERE rowid % 5 = 0")
    s = open_store(path, readonly=True)
    yield s
    s.close()


_EQUALS = re.compile(r"^(\w+\.\w+) (=|>=|<=|<) \?$")
_IN_SELECT = re.compile(r"IN \(SELECT \w+ FROM (\w+) WHERE (\w+) = \?\)")
_MULTI = re.compile(r"\|\| (\w+\.\w+) \|\|")


def _sample(store, spec, condition: str):
    """A value for a filter, taken from the data, so that the filter matches something."""
    condition = re.sub(r"^\w+\.\w+ IS NOT NULL AND ", "", condition)
    if condition.endswith(") = ?"):  # a yes/no condition such as appointments' "started"
        return 1
    if m := _IN_SELECT.search(condition):
        return store.scalar(f"SELECT {m.group(2)} FROM {m.group(1)} ORDER BY rowid LIMIT 1")
    expr = (_EQUALS.match(condition) or _MULTI.search(condition)).group(1)
    values = [
        r[0]
        for r in store.query(
            f"SELECT {expr} FROM {spec.table} t {spec.joins} WHERE {expr} IS NOT NULL"
            f" AND {expr} != '' ORDER BY {expr}"
        )
    ]
    value = values[len(values) // 2]  # the median: range filters keep some rows, drop others
    return value.split("、")[0] if isinstance(value, str) and "、" in value else value


def _ids(store, kind, criteria):
    return [r[0] for r in listing.fetch(store, kind, criteria, 0, 10**6)]


@pytest.mark.parametrize("kind", list(listing.SPECS))
def test_every_filter_narrows_and_its_count_matches_its_rows(demo, kind):
    spec = listing.SPECS[kind]
    everything = set(_ids(demo, kind, Criteria(include_archived=True)))
    assert len(everything) == listing.count(demo, kind, Criteria(include_archived=True)) > 0
    for name, condition in spec.filters.items():
        value = _sample(demo, spec, condition)
        for search in ("", "温州", "wz"):
            c = Criteria(search=search, filters={name: value}, include_archived=True)
            ids = _ids(demo, kind, c)
            assert listing.count(demo, kind, c) == len(ids), (name, search)
            assert len(set(ids)) == len(ids), (name, search)  # no row twice
            assert set(ids) <= everything, (name, search)
            if not search:
                assert ids, f"{kind}.{name}={value!r} matches nothing"


@pytest.mark.parametrize("kind", list(listing.SPECS))
def test_every_sort_orders_the_same_rows_and_pages_add_up(demo, kind):
    spec = listing.SPECS[kind]
    everything = sorted(_ids(demo, kind, Criteria()))
    for column in spec.columns:
        up = _ids(demo, kind, Criteria(sort_key=column.key, descending=False))
        down = _ids(demo, kind, Criteria(sort_key=column.key, descending=True))
        assert sorted(up) == sorted(down) == everything, column.key
        if not column.nulls_last:  # (nulls stay last both ways)
            assert down == up[::-1], column.key  # ties broken by rowid, both ways
        c = Criteria(sort_key=column.key, descending=True)
        pages = [listing.fetch(demo, kind, c, offset, 7) for offset in range(0, len(up) + 7, 7)]
        assert [r[0] for page in pages for r in page] == down, column.key


def test_a_sort_shows_the_sorted_value(demo):
    c = Criteria(sort_key="enterprise", descending=False)
    rows = listing.fetch(demo, "visits", c, 0, 10**6)
    keys = [
        demo.scalar("SELECT name_pinyin FROM enterprises WHERE name = ?", (r[3],)) for r in rows
    ]
    assert keys == sorted(keys)  # by pinyin (拼音序), as the enterprise column is sorted


def test_frequent_search_plan_returns_the_same_rows(store, ents):
    c = Criteria(search="有限公司")
    plain = listing.fetch(store, "enterprises", c)
    assert listing.fetch(store, "enterprises", c, total=10**6) == plain


def test_like_term_keeps_typed_wildcards_literal(store):
    """The one escaping rule the paged lists and the completers share."""
    assert listing.like_term("100%") == "%100\\%%"
    assert listing.like_term("a_b\\c") == "%a\\_b\\\\c%"
    hits = store.scalar(
        "SELECT count(*) FROM (SELECT '鞋业' AS s UNION ALL SELECT '鞋_业')"
        " WHERE s LIKE ? ESCAPE '\\'",
        (listing.like_term("鞋_业"),),
    )
    assert hits == 1
