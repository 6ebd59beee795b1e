"""dispatch-app report: pages written, warnings printed, bad input exits 2 and writes nothing."""

from __future__ import annotations

import pytest

from dispatch_app.cli.main import main
from support.pdf import pdf_pages
from support.report_demo import demo_path

__all__ = ["demo_path"]


@pytest.mark.parametrize(
    ("kind", "extra"),
    [
        ("cases", ["--year", "2026"]),
        ("visits", ["--from", "2026-05-01", "--to", "2026-05-10"]),
        ("brief", ["--district", "乐清市", "--as-of", "2026-11-20"]),
        ("assessment", ["--district", "鹿城区", "--year", "2026"]),
    ],
)
def test_each_document(demo_path, tmp_path, capsys, kind, extra):
    out = tmp_path / f"{kind}.pdf"
    assert main(["report", kind, "--db", str(demo_path), "--out", str(out), *extra]) == 0
    pages = pdf_pages(out.read_bytes())
    said = capsys.readouterr().out
    assert f"共 {len(pages)} 页" in said


@pytest.mark.parametrize(
    "extra",
    [
        ["--from", "2026-13-01"],
        ["--from", "2026-05-02", "--to", "2026-05-01"],
        ["--ids", "no-such-visit"],
        ["--year", "20266"],
    ],
)
def test_bad_input_exits_2(demo_path, tmp_path, capsys, extra):
    out = tmp_path / "x.pdf"
    assert main(["report", "visits", "--db", str(demo_path), "--out", str(out), *extra]) == 2
    assert capsys.readouterr().err.strip()
    assert not list(tmp_path.iterdir())


def test_unknown_ids_are_named(demo_path, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    assert main(["report", "cases", "--db", str(demo_path), "--out", str(out), "--ids", "abc"]) == 2
    assert "abc" in capsys.readouterr().err


def test_unwritable_destination_exits_2(demo_path, tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    out = blocker / "x.pdf"  # a "folder" that is a file
    assert main(["report", "cases", "--db", str(demo_path), "--out", str(out)]) == 2
    assert "a-file" in capsys.readouterr().err
    assert main(["report", "cases", "--db", str(demo_path), "--out", str(tmp_path)]) == 2
    assert main(["report", "cases", "--db", str(demo_path)]) == 2
    assert main(["report", "cases", "--out", str(tmp_path / "y.pdf")]) == 2


def test_missing_glyph_is_printed(tmp_path, capsys):
    from dispatch_app.domain.records import Enterprise, Expert
    from dispatch_app.services import registry, visit_log
    from dispatch_app.store import open_store
    from support.world import enterprise_raw

    db = tmp_path / "g.db"
    with open_store(db, create=True) as store:
        ent = registry.register(store, Enterprise, enterprise_raw(1))
        ex = registry.register(
            store, Expert, {"name": "王建国", "institution": "温州大学", "specialties": "阀门"}
        )
        visit_log.log_visit(
            store,
            {
                "enterprise_id": ent.id,
                "visit_date": "2026-05-06",
                "expert_ids": [ex.id],
                "problems": "𠮷字不在字库",
            },
        )
    out = tmp_path / "v.pdf"
    assert main(["report", "visits", "--db", str(db), "--out", str(out), "--year", "2026"]) == 0
    err = capsys.readouterr().err
    assert "U+20BB7" in err


def test_mask_phones_hides_the_middle_digits_in_visit_sheets(demo_path, tmp_path):
    import re

    args = [
        "report",
        "visits",
        "--db",
        str(demo_path),
        "--from",
        "2026-05-01",
        "--to",
        "2026-05-10",
    ]
    plain, masked = tmp_path / "plain.pdf", tmp_path / "masked.pdf"
    assert main([*args, "--out", str(plain)]) == 0
    assert main([*args, "--out", str(masked), "--mask-phones"]) == 0
    shown = " ".join(pdf_pages(plain.read_bytes()))
    hidden = " ".join(pdf_pages(masked.read_bytes()))
    mobiles = set(re.findall(r"1[3-9]\d{9}", shown))
    assert mobiles  # the sheets do print contact phones
    assert not mobiles & set(re.findall(r"1[3-9]\d{9}", hidden))
    assert re.search(r"1[3-9]\d\*{4}\d{4}", hidden)
