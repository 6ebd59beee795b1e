"""Export: byte-identical round trips, formula guard, encodings, masking, atomic writes."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from dispatch_app.exchange.columns import DEPENDENCY_ORDER, SPECS
from dispatch_app.exchange.exporter import ExportOptions, export_kind
from dispatch_app.exchange.importer import ImportOptions, import_file
from dispatch_app.exchange.writers import ExportFailed, write_csv
from dispatch_app.store import open_store

TODAY = date(2026, 6, 30)


def export_all(db: Path, folder: Path, fmt: str) -> dict[str, bytes]:
    folder.mkdir(exist_ok=True)
    out = {}
    with open_store(db, readonly=True) as store:
        for kind in DEPENDENCY_ORDER:
            path = folder / f"{kind}.{fmt}"
            export_kind(store, kind, path, ExportOptions(format=fmt))
            out[kind] = path.read_bytes()
    return out


def import_all(db: Path, folder: Path, fmt: str) -> None:
    with open_store(db) as store:
        for kind in DEPENDENCY_ORDER:
            result = import_file(store, kind, folder / f"{kind}.{fmt}", ImportOptions(today=TODAY))
            assert result.ok, [p.describe() for p in result.problems]


def read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip_is_byte_identical(tmp_path, district_db, empty_db, fmt) -> None:
    first = export_all(district_db, tmp_path / "first", fmt)
    fresh = empty_db("fresh.db")
    import_all(fresh, tmp_path / "first", fmt)
    second = export_all(fresh, tmp_path / "second", fmt)
    for kind in DEPENDENCY_ORDER:
        assert first[kind] == second[kind], kind
    assert len(read_csv(first["visits"]) if fmt == "csv" else first["visits"]) > 1


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_demo_round_trip_is_byte_identical(tmp_path, empty_db, fmt) -> None:
    """The demo district (real-looking text: full-width punctuation, long write-ups)."""
    from dispatch_app.demo.generator import generate_demo

    demo = tmp_path / "demo.db"
    generate_demo(demo, seed=1, visits=300, as_of=TODAY, district="330382")
    first = export_all(demo, tmp_path / "first", fmt)
    fresh = empty_db("fresh.db")
    import_all(fresh, tmp_path / "first", fmt)
    second = export_all(fresh, tmp_path / "second", fmt)
    for kind in DEPENDENCY_ORDER:
        assert first[kind] == second[kind], kind


def test_headers_are_the_template_then_merge_columns(tmp_path, district_db) -> None:
    data = export_all(district_db, tmp_path / "x", "csv")
    visits = read_csv(data["visits"])
    assert visits[0][:6] == [
        "服务日期",
        "统一社会信用代码",
        "企业名称",
        "服务队伍",
        "服务专家",
        "服务类型",
    ]
    assert visits[0][-3:] == ["记录编号", "更新时间", "区县代码"]
    assert data["visits"].startswith(b"\xef\xbb\xbf")


def test_formula_cells_are_neutralised_and_come_back(tmp_path, district_db, empty_db) -> None:
    data = export_all(district_db, tmp_path / "x", "csv")
    rows = read_csv(data["enterprises"])
    needs = {r[10] for r in rows[1:]}
    assert "'=SUM(A1:A2) 需要自动化\n第二段" in needs and "'-降低能耗" in needs
    assert not any(cell and cell[0] in "=+-@" for row in rows for cell in row)
    visits = read_csv(data["visits"])
    assert any(r[6] == "'@生产线效率低" for r in visits)
    xlsx = export_all(district_db, tmp_path / "y", "xlsx")
    wb = openpyxl.load_workbook(io.BytesIO(xlsx["enterprises"]))
    values = [c.value for row in wb.active.iter_rows() for c in row]
    assert all(c.data_type != "f" for row in wb.active.iter_rows() for c in row)
    assert "'=SUM(A1:A2) 需要自动化\n第二段" in values
    fresh = empty_db("fresh.db")
    with open_store(fresh) as store:
        assert import_file(store, "enterprises", tmp_path / "y" / "enterprises.xlsx").ok
        needs = {r[0] for r in store.query("SELECT tech_needs FROM enterprises")}
    assert "=SUM(A1:A2) 需要自动化\n第二段" in needs and "-降低能耗" in needs


def test_xlsx_is_deterministic_and_text(tmp_path, district_db) -> None:
    a = export_all(district_db, tmp_path / "a", "xlsx")
    b = export_all(district_db, tmp_path / "b", "xlsx")
    assert a == b
    wb = openpyxl.load_workbook(io.BytesIO(a["enterprises"]))
    assert all(
        isinstance(c.value, str)
        for row in wb.active.iter_rows()
        for c in row
        if c.value is not None
    )


def test_gb18030_export(tmp_path, district_db) -> None:
    out = tmp_path / "e.csv"
    with open_store(district_db, readonly=True) as store:
        export_kind(store, "enterprises", out, ExportOptions(encoding="gb18030"))
    text = out.read_bytes().decode("gb18030")
    assert text.startswith("统一社会信用代码")


def test_unencodable_character_fails_loudly_and_writes_nothing(tmp_path) -> None:
    out = tmp_path / "x.csv"
    out.write_bytes(b"old")
    with pytest.raises(ExportFailed) as exc:
        write_csv(out, ["a", "b"], [["fine", "ok"], ["x", "bad\udcff"]], encoding="gb18030")
    assert "第 3 行「b」列" in exc.value.zh
    assert out.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [out]


def test_mask_personal(tmp_path, district_db) -> None:
    out = tmp_path / "e.csv"
    with open_store(district_db, readonly=True) as store:
        export_kind(store, "enterprises", out, ExportOptions(mask_personal=True))
    phones = {r[9] for r in read_csv(out.read_bytes())[1:]}
    assert phones == {"138****5678", "0577-****1234"}


def test_filters(tmp_path, district_db) -> None:
    out = tmp_path / "v.csv"
    with open_store(district_db, readonly=True) as store:
        export_kind(
            store,
            "visits",
            out,
            ExportOptions(date_from=date(2026, 2, 1), date_to=date(2026, 3, 31)),
        )
        dates = [r[0] for r in read_csv(out.read_bytes())[1:]]
        assert dates and all("2026-02-01" <= d <= "2026-03-31" for d in dates)
        assert dates == sorted(dates)
        export_kind(store, "visits", out, ExportOptions(district="330302"))
        assert len(read_csv(out.read_bytes())) == 1


def test_every_kind_has_its_headers(tmp_path, district_db) -> None:
    data = export_all(district_db, tmp_path / "x", "csv")
    for kind, raw in data.items():
        assert read_csv(raw)[0] == SPECS[kind].headers


def test_follow_up_items_reach_the_bureau(tmp_path, district_db, empty_db) -> None:
    """Items recorded as rows (the window's way) fill 跟进事项 when the visit has no text."""
    data = export_all(district_db, tmp_path / "x", "csv")
    rows = {r[6]: r for r in read_csv(data["visits"])[1:]}
    cell = rows["问题2"][8]
    items = set(cell.split("；"))
    assert items == {
        "'=更换密封件\n第二步：试运行（张工，期限 2026-07-15，需协调）",
        "申报省级研发中心（已办结）",
    }
    assert rows["问题3"][8] == "已写明的跟进事项"  # the visit's own text wins
    assert rows["问题4"][8] == ""
    with open_store(district_db, readonly=True) as store:
        visit_time, item_time = store.query(
            "SELECT v.updated_at, max(f.updated_at) FROM visits v JOIN follow_ups f"
            " ON f.visit_id = v.id WHERE v.problems = '问题2'"
        )[0]
    assert item_time > visit_time and rows["问题2"][-2] == item_time  # closing is an edit
    fresh = empty_db("fresh.db")
    import_all(fresh, tmp_path / "x", "csv")
    with open_store(fresh, readonly=True) as store:
        text, items = store.query(
            "SELECT v.follow_up_text, count(f.id) FROM visits v JOIN follow_ups f"
            " ON f.visit_id = v.id WHERE v.problems = '问题2'"
        )[0]
    assert (text, items) == ("", 2)  # records win: the cell was their summary, not kept as text


def test_visits_alone_keep_the_cell_as_text(tmp_path, district_db, empty_db) -> None:
    """A file of visits without follow_ups.csv (an older bundle): the cell is the visit's text."""
    data = export_all(district_db, tmp_path / "x", "csv")
    cell = {r[6]: r for r in read_csv(data["visits"])[1:]}["问题2"][8]
    fresh = empty_db("fresh.db")
    with open_store(fresh) as store:
        for kind in DEPENDENCY_ORDER[: DEPENDENCY_ORDER.index("visits") + 1]:
            assert import_file(store, kind, tmp_path / "x" / f"{kind}.csv").ok
        text = store.scalar("SELECT follow_up_text FROM visits WHERE problems = '问题2'")
    assert text == cell[1:]  # stored as the items' text; the export guards it again


def test_follow_up_cell_is_capped_at_whole_items() -> None:
    from dispatch_app.exchange.follow_ups import joined

    assert joined(["甲", "乙"]) == "甲；乙"
    capped = joined(["甲" * 10, "乙" * 10, "丙" * 10], limit=25)
    assert capped == "甲" * 10 + "；…（另有 2 条）" and len(capped) <= 25
    assert joined(["甲" * 40, "乙"], limit=20) == "甲" * 11 + "…（另有 1 条）"


def test_visit_names_match_the_stored_records(tmp_path, district_db) -> None:
    """企业名称 / 服务队伍 / 服务专家 come from temporary name tables: check them, and the row
    order, against the stored records read plainly (the export's output must not change)."""
    from dispatch_app.exchange.cells import neutralise

    with open_store(district_db) as store:  # names that the formula guard must catch
        store.conn.execute("UPDATE enterprises SET name = '=' || name WHERE rowid % 2 = 0")
        store.conn.execute("UPDATE teams SET name = '+' || name")
    data = export_all(district_db, tmp_path / "x", "csv")["visits"]
    rows = read_csv(data)[1:]
    with open_store(district_db, readonly=True) as store:
        visits = store.query(
            "SELECT v.id, e.uscc, e.name, t.name AS team FROM visits v JOIN enterprises e"
            " ON e.id = v.enterprise_id LEFT JOIN teams t ON t.id = v.team_id"
            " ORDER BY v.visit_date, v.id"
        )
        experts = {
            r["id"]: r["name"] for r in store.query("SELECT id, name, institution FROM experts")
        }
        same_name = {
            n for (n,) in store.query("SELECT name FROM experts GROUP BY name HAVING count(*) > 1")
        }
        labels = {
            r["id"]: r["name"] + (f"（{r['institution']}）" if r["name"] in same_name else "")
            for r in store.query("SELECT id, name, institution FROM experts")
        }
        members: dict[str, list[str]] = {}
        for visit_id, expert_id in store.query(
            "SELECT visit_id, expert_id FROM visit_experts ORDER BY visit_id, expert_id"
        ):
            members.setdefault(visit_id, []).append(labels[expert_id])
    assert experts and [r[12] for r in rows] == [v["id"] for v in visits]
    for row, v in zip(rows, visits, strict=True):
        assert row[1:4] == [v["uscc"], neutralise(v["name"]), neutralise(v["team"] or "")]
        assert row[4] == neutralise("、".join(members.get(v["id"], [])))
    assert any(r[2].startswith("'=") for r in rows) and any(r[3].startswith("'+") for r in rows)
