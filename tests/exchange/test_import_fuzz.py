"""Fuzzing import files through the command line, from files the program itself exported.

Each example takes a kind's export of a district database (a file that imports cleanly),
damages it the ways files from the field are damaged — a cell replaced (random text, a huge
cell, NUL and control characters, formulas), rows made ragged, the header renamed, another
encoding (GBK, GB18030, UTF-16 with and without BOM, UTF-8 with and without BOM), bytes cut
off, flipped or NUL-ed — and runs ``dispatch-app import`` on a copy of the database.

Every outcome is a clean import (exit 0) or a refusal (exit 2) whose problems name a row
within the file (or the file itself) and, for a cell, the column; never a traceback; and a
refusal leaves the database as it was (same dump, same bytes). The default example count
keeps the file under 30 s; DISPATCH_SLOW_FULL=1 runs 300 examples a test.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from dispatch_app.cli.main import main
from dispatch_app.exchange.columns import SPECS
from dispatch_app.exchange.exporter import ExportOptions, export_kind
from dispatch_app.store import open_store

KINDS = ["enterprises", "teams", "experts", "appointments", "visits", "follow_ups", "cases"]
EXAMPLES = 300 if os.environ.get("DISPATCH_SLOW_FULL") == "1" else 25
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ENCODINGS = ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be"]


@pytest.fixture(scope="module")
def world(tmp_path_factory, make_district, dump_db):
    """The district database, its dump and digest, and each kind's export as rows of text."""
    folder = tmp_path_factory.mktemp("fuzz")
    db = make_district(folder / "district.db", "330382", seed=5, visits=8)
    exports = {}
    with open_store(db, readonly=True) as store:
        for kind in KINDS:
            out = folder / f"{kind}.csv"
            export_kind(store, kind, out, ExportOptions())
            with out.open(encoding="utf-8-sig", newline="") as fh:
                exports[kind] = list(csv.reader(fh))
            export_kind(store, kind, folder / f"{kind}.xlsx", ExportOptions(format="xlsx"))
    return {
        "db": db,
        "dump": dump_db(db),
        "digest": hashlib.sha256(db.read_bytes()).hexdigest(),
        "exports": exports,
        "xlsx": {kind: (folder / f"{kind}.xlsx").read_bytes() for kind in KINDS},
    }


_cell = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=5),  # NUL and controls
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "a\x00b",
            '=HYPERLINK("x")',
            "'=1+1",
            "+86 138",
            "-1",
            "@SUM(A1)",
            '"',
            "a\r\nb",
            "9.14403E+17",
            "2026-02-30",
            "2026/3/5",
            "１２３",
            "\u200b",
            "\ufeff",
            "\ud7ff",
            "鹿城区",
            "是",
            "否",
            "已完成",
            "技术诊断",
        ]
    ),
    st.integers(min_value=9_990, max_value=10_010).map(lambda n: "长" * n),  # around the limit
    st.just("x" * 60_000),
)


@st.composite
def mutation(draw, rows: list[list[str]]):
    """One damage to the table (on text) — returned as (name, row index or None, function)."""
    n = len(rows)
    which = draw(st.sampled_from(["cell", "ragged", "header", "blank-row", "dup-row"]))
    r = draw(st.integers(min_value=1, max_value=max(1, n - 1))) if n > 1 else 0
    if which == "cell" and n > 1 and rows[r]:
        c = draw(st.integers(min_value=0, max_value=len(rows[r]) - 1))
        value = draw(_cell)

        def apply(t):
            t[r][c] = value

        return "cell", r, apply
    if which == "ragged" and n:
        keep = draw(st.integers(min_value=0, max_value=len(rows[r]) + 3))
        extra = draw(st.lists(_cell, max_size=3))

        def apply(t):
            t[r] = (t[r] + extra)[:keep] if keep <= len(t[r]) else t[r] + extra

        return "ragged", r, apply
    if which == "header" and n and rows[0]:
        c = draw(st.integers(min_value=0, max_value=len(rows[0]) - 1))
        value = draw(st.one_of(_cell, st.sampled_from(_header_names())))

        def apply(t):
            t[0][c] = value

        return "header", None, apply
    if which == "blank-row" and n:

        def apply(t):
            t.insert(r, [""] * len(t[0]))

        return "blank-row", None, apply

    def apply(t):
        if len(t) > 1:
            t.append(list(t[r]))

    return "dup-row", None, apply


def _header_names() -> list[str]:
    names = []
    for spec in SPECS.values():
        for col in spec.columns:
            names += [col.zh, col.en, col.field, f" {col.zh}* ", col.en.upper(), *col.aliases]
    return names


@st.composite
def damaged_file(draw, world):
    kind = draw(st.sampled_from(KINDS))
    table = [list(r) for r in world["exports"][kind]]
    mutations = []
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        mutations.append(draw(mutation(table)))
        mutations[-1][2](table)  # applied at once: the next one is drawn on the result
    delimiter = draw(st.sampled_from([",", ",", "\t", ";"]))
    newline = draw(st.sampled_from(["\r\n", "\n"]))
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=delimiter, lineterminator=newline).writerows(table)
    encoding = draw(st.sampled_from(ENCODINGS))
    data = buf.getvalue().encode(encoding, errors="replace")
    cut = draw(st.sampled_from(["none", "none", "truncate", "nul", "flip"]))
    if cut != "none" and data:
        at = draw(st.integers(min_value=0, max_value=len(data) - 1))
        if cut == "truncate":
            data = data[:at]
        elif cut == "nul":
            data = data[:at] + b"\x00" + data[at:]
        else:
            data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
    # Only a lone cell change in a file read back as written pins the row it must name.
    lone = [m for m in mutations if m[0] == "cell"]
    pinned = (
        lone[0][1] + 1
        if len(mutations) == 1 and lone and encoding in ("utf-8", "utf-8-sig") and cut == "none"
        else None
    )
    # Rows can be counted only in a file whose bytes were left whole.
    records = len(table) if cut == "none" else None
    return kind, data, records, pinned


_WHERE = re.compile(r"^(?:第 (\d+) 行|文件)")


def _cli(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(argv)
    return code, err.getvalue()


def _report_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))[1:]


@SETTINGS
@given(data=st.data())
def test_damaged_import_files_import_cleanly_or_say_where(tmp_path, world, dump_db, data):
    kind, content, records, pinned = data.draw(damaged_file(world))
    options = data.draw(st.sampled_from([[], [], ["--skip-invalid"], ["--on-existing", "skip"]]))
    work = tmp_path / f"ex{os.urandom(4).hex()}"
    work.mkdir()
    db = work / "copy.db"
    shutil.copyfile(world["db"], db)
    source = work / f"{kind}.csv"
    source.write_bytes(content)
    report = work / "report.csv"

    argv = ["import", kind, str(source), "--db", str(db), "--errors", str(report), *options]
    code, err = _cli(argv)

    assert "Traceback" not in err and "意外错误" not in err, err
    assert code in (0, 2), err
    event("imported" if code == 0 else "refused")
    if "--skip-invalid" in options and pinned is not None and code == 0 and report.exists():
        # The valid rows went in; the changed one, if refused, is named in the report.
        named = {int(r[0]) for r in _report_rows(report) if r[0] != "文件"}
        assert not named or pinned in named, (pinned, named)
    if code == 0:  # a clean import leaves a consistent database
        with open_store(db, readonly=True) as store:
            assert store.query("PRAGMA foreign_key_check") == []
            assert store.scalar("PRAGMA quick_check") == "ok"
        return
    assert hashlib.sha256(db.read_bytes()).hexdigest() == world["digest"], "refused, yet written"
    assert dump_db(db) == world["dump"]
    assert not report.exists() or report.stat().st_size > 0
    problems = [line for line in err.splitlines() if "：" in line and " / " in line]
    problems = [line for line in problems if _WHERE.match(line)]
    assert problems, f"refused without saying where:\n{err}"
    rows_named = set()
    for line in problems:
        m = _WHERE.match(line)
        if m.group(1):
            rows_named.add(int(m.group(1)))
            assert int(m.group(1)) >= 1, line
            assert records is None or int(m.group(1)) <= max(records, 1) + 1, line
    if report.exists():
        for shown, _, _, reason in _report_rows(report):
            assert shown == "文件" or int(shown) >= 1
            assert records is None or shown == "文件" or int(shown) <= max(records, 1) + 1
            assert reason
    if pinned is not None:
        assert pinned in rows_named or any(line.startswith("文件") for line in problems), (
            f"the changed row {pinned} is not named:\n{err}"
        )


@SETTINGS
@given(data=st.binary(max_size=3000), kind=st.sampled_from(KINDS), bom=st.booleans())
def test_random_bytes_after_a_real_header(tmp_path, world, data, kind, bom):
    """The header of the kind, then anything: the bytes of a file cut and glued wrongly."""
    header = ",".join(world["exports"][kind][0]).encode() + b"\r\n"
    work = tmp_path / f"ex{os.urandom(4).hex()}"
    work.mkdir()
    db = work / "copy.db"
    shutil.copyfile(world["db"], db)
    source = work / "in.csv"
    source.write_bytes((b"\xef\xbb\xbf" if bom else b"") + header + data)
    code, err = _cli(["import", kind, str(source), "--db", str(db), "--errors", str(work / "r")])
    assert "Traceback" not in err and "意外错误" not in err, err
    assert code in (0, 2), err
    if code == 2:
        assert hashlib.sha256(db.read_bytes()).hexdigest() == world["digest"]


@SETTINGS
@given(
    kind=st.sampled_from(KINDS),
    damage=st.lists(
        st.tuples(st.sampled_from(["flip", "cut", "zero"]), st.floats(0, 1), st.integers(1, 255)),
        min_size=1,
        max_size=3,
    ),
)
def test_damaged_xlsx_files(tmp_path, world, kind, damage):
    """An exported workbook with bytes flipped, zeroed or cut off (a bad copy, a bad sector)."""
    data = bytearray(world["xlsx"][kind])
    for how, where, mask in damage:
        at = min(int(where * len(data)), len(data) - 1)
        if how == "flip":
            data[at] ^= mask
        elif how == "zero":
            data[at : at + mask] = bytes(len(data[at : at + mask]))
        else:
            del data[at:]
        if not data:
            break
    work = tmp_path / f"ex{os.urandom(4).hex()}"
    work.mkdir()
    db = work / "copy.db"
    shutil.copyfile(world["db"], db)
    source = work / f"{kind}.xlsx"
    source.write_bytes(bytes(data))
    code, err = _cli(["import", kind, str(source), "--db", str(db), "--errors", str(work / "r")])
    assert "Traceback" not in err and "意外错误" not in err, err
    assert code in (0, 2), err
    event("imported" if code == 0 else "refused")
    if code == 2:
        assert hashlib.sha256(db.read_bytes()).hexdigest() == world["digest"]
