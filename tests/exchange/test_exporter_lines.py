"""Visits as CSV lines built in SQL (``csv_lines_query`` + ``write_csv_lines``): byte for byte
the file the rows and the csv module write (``export_rows`` + ``write_csv``, the reference)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dispatch_app.exchange.exporter import ExportOptions, export_kind, export_rows
from dispatch_app.exchange.writers import Cancelled, ExportFailed, write_csv
from dispatch_app.store import open_store

TODAY = date(2026, 6, 30)
OPTIONS = [
    ExportOptions(),  # every visit: the per-visit experts table
    ExportOptions(encoding="gb18030"),
    ExportOptions(district="330382"),  # filtered: the experts cell per visit
    ExportOptions(date_from=date(2026, 1, 1), date_to=date(2026, 12, 31), encoding="gb18030"),
]


def reference(db: Path, out: Path, options: ExportOptions) -> bytes:
    """The file as the rows and the csv module write it."""
    with open_store(db, readonly=True) as store:
        headers, cursor = export_rows(store, "visits", options)
        try:
            write_csv(out, headers, cursor, encoding=options.encoding)
        finally:
            cursor.close()
    return out.read_bytes()


def lines(db: Path, out: Path, options: ExportOptions) -> bytes:
    with open_store(db, readonly=True) as store:
        assert export_kind(store, "visits", out, options).rows > 0
    return out.read_bytes()


def differing_files(db: Path, folder: Path) -> list[ExportOptions]:
    """The option sets under which the lines' file is not the reference's, byte for byte."""
    return [
        options
        for i, options in enumerate(OPTIONS)
        if lines(db, folder / f"new{i}.csv", options)
        != reference(db, folder / f"ref{i}.csv", options)
    ]


@pytest.fixture(scope="module")
def district(tmp_path_factory, make_district) -> Path:
    return make_district(tmp_path_factory.mktemp("lines") / "d.db", "330382", seed=2)


def test_the_district_and_its_odd_values(tmp_path, district) -> None:
    assert differing_files(district, tmp_path) == []


def test_the_demo(tmp_path) -> None:
    from dispatch_app.demo.generator import generate_demo

    demo = tmp_path / "demo.db"
    generate_demo(demo, seed=4, visits=400, as_of=TODAY, district="330382")
    assert differing_files(demo, tmp_path) == []


# Characters that matter to the CSV quoting, the formula guard, the encodings and printf.
# Most cells are drawn without the five that make a line need care (, " CR LF NUL), so that
# an example usually has one of them alone, in one cell, or none.
PLAIN = "\t=+-@'＝＋－＠ 　a1中文，、é\u2028\U0001f600"
TEXT = st.text(alphabet=st.sampled_from(PLAIN), max_size=8) | st.text(
    alphabet=st.sampled_from(PLAIN + ',"\r\n\x00'), max_size=8
).filter(lambda t: sum(t.count(c) for c in ',"\r\n\x00') <= 1)
TEXT_KEYS = ["problems", "advice", "follow_up_text", "outcome", "confirmed_by", "enterprise"]
TEXT_KEYS += ["expert"]
CELLS = st.fixed_dictionaries(
    {
        **dict.fromkeys(TEXT_KEYS, TEXT),
        "team": st.none() | TEXT,  # None: the visit has no team (a NULL cell)
        "visit_date": st.sampled_from(["2026-03-01", "2026-03-01,x", '2026"03', "2026\n03"]),
    }
)
CLEAN = {**dict.fromkeys(TEXT_KEYS, "中"), "team": "队", "visit_date": "2026-03-01"}


def plant(db: Path, cells: dict[str, str | None]) -> None:
    """Write the odd values into the first visit, its enterprise, team and an expert."""
    conn = sqlite3.connect(db)
    with conn:
        visit_id, enterprise_id, team_id = conn.execute(
            "SELECT id, enterprise_id, team_id FROM visits WHERE team_id IS NOT NULL"
            " ORDER BY rowid LIMIT 1"
        ).fetchone()
        conn.execute(
            "UPDATE visits SET problems = ?, advice = ?, follow_up_text = ?, outcome = ?,"
            " confirmed_by = ?, visit_date = ?, team_id = ? WHERE id = ?",
            (
                cells["problems"],
                cells["advice"],
                cells["follow_up_text"],
                cells["outcome"],
                cells["confirmed_by"],
                cells["visit_date"],
                None if cells["team"] is None else team_id,
                visit_id,
            ),
        )
        conn.execute(
            "UPDATE enterprises SET name = ? WHERE id = ?", (cells["enterprise"], enterprise_id)
        )
        if cells["team"] is not None:
            conn.execute("UPDATE teams SET name = ? WHERE id = ?", (cells["team"], team_id))
        conn.execute(
            "UPDATE experts SET name = ? WHERE id IN (SELECT expert_id FROM visit_experts"
            " WHERE visit_id = ? ORDER BY expert_id LIMIT 1)",
            (cells["expert"], visit_id),
        )
    conn.close()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@example(
    cells={
        "problems": "a\x00,b",  # printf would stop at the NUL and hide the comma
        "advice": '"引号"',
        "follow_up_text": "=1+1\r\n第二行",
        "outcome": "",
        "confirmed_by": "'-x",
        "enterprise": "甲,乙",
        "team": None,
        "expert": "+王",
        "visit_date": "2026-03-01",
    }
)
@example(cells={**CLEAN, "advice": '"'})
@example(cells={**CLEAN, "outcome": "\r"})
@example(cells={**CLEAN, "expert": "\n", "team": None})
@example(cells={**CLEAN, "enterprise": ","})
@example(cells={**CLEAN, "confirmed_by": "\x00"})
@given(cells=CELLS)
def test_odd_cells_give_the_same_bytes(tmp_path_factory, district, cells) -> None:
    folder = tmp_path_factory.mktemp("odd")
    db = folder / "d.db"
    shutil.copyfile(district, db)
    plant(db, cells)
    assert differing_files(db, folder) == []


def test_a_nul_character_is_written_whole(tmp_path, district) -> None:
    """printf stops a cell at NUL: the line's length check sends it the careful way."""
    db = tmp_path / "d.db"
    shutil.copyfile(district, db)
    plant(db, {**CLEAN, "problems": "x\x00y"})
    data = lines(db, tmp_path / "x.csv", ExportOptions())
    assert b",x\x00y," in data and data == reference(db, tmp_path / "r.csv", ExportOptions())


def test_progress_and_cancel_as_the_row_writer(tmp_path, district) -> None:
    calls: list[int] = []
    with open_store(district, readonly=True) as store:
        n = export_kind(store, "visits", tmp_path / "v.csv", progress=calls.append).rows
        assert calls == [n]  # one chunk: fewer than CHUNK rows
        with pytest.raises(Cancelled):
            export_kind(store, "visits", tmp_path / "c.csv", cancelled=lambda: True)
        with pytest.raises(ExportFailed):
            export_kind(store, "visits", tmp_path / "e.csv", ExportOptions(encoding="latin-1"))
    assert not (tmp_path / "c.csv").exists() and not (tmp_path / "e.csv").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["v.csv"]


def test_one_read_transaction_and_nothing_left_open(tmp_path, district) -> None:
    """The experts table is keyed by rowid: the export reads in one transaction, which it
    closes, and it nests inside a caller's transaction."""
    db = tmp_path / "d.db"
    shutil.copyfile(district, db)
    with open_store(db) as store:
        export_kind(store, "visits", tmp_path / "a.csv")
        assert not store.conn.in_transaction
        store.conn.execute("BEGIN")
        export_kind(store, "visits", tmp_path / "b.csv")
        assert store.conn.in_transaction
        store.conn.execute("COMMIT")
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
