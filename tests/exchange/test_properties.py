"""Property tests: no input makes an import crash, and a rejected import changes nothing."""

from __future__ import annotations

import csv
import hashlib
import io
import shutil
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dispatch_app.exchange.importer import ImportOptions, ImportResult, import_file
from dispatch_app.exchange.lookups import Lookups
from dispatch_app.exchange.visit_check import VisitChecker
from dispatch_app.store import open_store

KINDS = ["enterprises", "experts", "appointments", "visits", "teams", "cases"]
HEADERS = {
    "enterprises": [
        "统一社会信用代码",
        "企业名称",
        "所属区县",
        "乡镇街道",
        "联系电话",
        "经度",
        "纬度",
    ],
    "visits": [
        "服务日期",
        "统一社会信用代码",
        "服务队伍",
        "服务专家",
        "服务类型",
        "状态",
        "发现问题",
        "记录编号",
        "更新时间",
        "区县代码",
    ],
    "experts": ["姓名", "工作单位", "专业领域", "可任科技副总", "所属轻骑队"],
    "appointments": [
        "专家姓名",
        "专家工作单位",
        "统一社会信用代码",
        "开始日期",
        "结束日期",
        "批次年度",
        "状态",
    ],
    "teams": ["队伍名称", "所属区县"],
    "cases": ["案例标题", "统一社会信用代码", "年度", "新增产值（万元）"],
}
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def db(tmp_path_factory, make_district) -> Path:
    return make_district(tmp_path_factory.mktemp("prop") / "d.db", "330382", seed=3, visits=4)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def attempt(db: Path, kind: str, path: Path) -> ImportResult:
    """Import into a copy of ``db``: it must return a result, and change nothing if rejected."""
    copy = path.with_name("copy.db")
    shutil.copyfile(db, copy)
    before = digest(copy)
    with open_store(copy) as store:
        result = import_file(store, kind, path, ImportOptions(today=date(2026, 6, 30)))
    if not result.ok:
        assert not result.written
        assert digest(copy) == before
    return result


def explained(result: ImportResult) -> bool:
    """A refusal names where and why: every problem has a row and a reason."""
    return result.ok or all(p.row >= 0 and p.zh and p.en for p in result.problems)


@SETTINGS
@given(data=st.binary(max_size=2000), kind=st.sampled_from(KINDS))
def test_random_bytes(tmp_path, db, data, kind) -> None:
    path = tmp_path / "random.csv"
    path.write_bytes(data)
    assert explained(attempt(db, kind, path))


_cell = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            "=1+1",
            "'=x",
            "2026-03-05",
            "2026年3月5日",
            "鹿城区",
            "330382",
            "已完成",
            "技术诊断",
            "张伟",
            "轻骑队821",
            "913303824JURQ2830F",
            "9.14403E+17",
            "１３８１２３４５６７８",
            "\u200b",
            " 是 ",
        ]
    ),
)


@SETTINGS
@given(
    kind=st.sampled_from(KINDS),
    rows=st.lists(st.lists(_cell, max_size=12), max_size=6),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
    header=st.booleans(),
)
def test_random_cells_in_random_encodings(tmp_path, db, kind, rows, encoding, header) -> None:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    if header:
        writer.writerow(HEADERS[kind])
    writer.writerows(rows)
    path = tmp_path / "random.csv"
    path.write_bytes(buf.getvalue().encode(encoding, errors="replace"))
    assert explained(attempt(db, kind, path))


_xlsx_cell = st.one_of(
    _cell.filter(lambda s: not any(ord(c) < 32 and c not in "\t\n\r" for c in s)),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=False),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)),
    st.booleans(),
    st.none(),
)


@SETTINGS
@given(kind=st.sampled_from(KINDS), rows=st.lists(st.lists(_xlsx_cell, max_size=10), max_size=5))
def test_random_xlsx_cells(tmp_path, db, kind, rows) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADERS[kind])
    for row in rows:
        ws.append(row)
    path = tmp_path / "random.xlsx"
    wb.save(path)
    assert explained(attempt(db, kind, path))


_visit_values = {
    "visit_date": st.sampled_from(
        ["2026-03-05", "2026/3/5", " 2026-03-05", "2030-01-01", "2026-02-30", "", "46000"]
    ),
    "uscc": st.sampled_from(["", "bad"]),  # replaced by a real code below when "ok"
    "team": st.sampled_from(["", "轻骑队821", "轻骑队821 ", "没有"]),
    "experts": st.sampled_from(
        ["", "专家8213", "张伟", "张伟（温州大学821）、专家8213", "专家8213;专家8213"]
    ),
    "visit_type": st.sampled_from(["", "技术诊断", "回访", "diagnosis", " 回访", "乱写"]),
    "status": st.sampled_from(["", "已完成", "计划中", "planned", "无"]),
    "problems": st.one_of(st.text(max_size=12), st.just("a\n\nb")),
    "confirmed_by": st.one_of(st.text(max_size=8), st.just("李四")),
    "id": st.sampled_from(["", "3f0c1a52-3d0e-4b8e-9a57-0d2b8f3e6c11", "x y"]),
    "updated_at": st.sampled_from(["", "2026-06-01T08:00:00.000001Z", "yesterday"]),
    "district_adcode": st.sampled_from(["", "330382", "乐清市", "999999"]),
}


@SETTINGS
@given(raw=st.fixed_dictionaries({}, optional=_visit_values), real=st.booleans())
def test_visit_fast_path_agrees_with_clean_visit(db, raw, real) -> None:
    """Whatever the fast path accepts, clean_visit accepts with the same result."""
    with open_store(db, readonly=True) as store:
        lookups = Lookups(store)
        if real:
            raw["uscc"] = store.scalar("SELECT uscc FROM enterprises ORDER BY uscc LIMIT 1")
    checker = VisitChecker(lookups, date(2026, 6, 30))
    fast = checker._fast(raw)
    if fast is None:
        return
    slow = checker._slow(raw)
    a, b = fast.record, slow.record
    if not raw.get("id"):
        a.id = b.id  # both made up a new id
    a.created_at = b.created_at
    assert a == b
    assert fast.key == slow.key
