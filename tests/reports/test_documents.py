"""generate(): scopes, unknown ids named, all-or-nothing writes, cancel leaves nothing."""

from __future__ import annotations

from datetime import date

import pytest

from dispatch_app.reports.documents import BuildCancelled, ReportError, Scope, generate
from dispatch_app.store import report_rows
from support.pdf import pdf_pages

AS_OF = date(2026, 11, 20)


@pytest.mark.parametrize("kind", ["visits", "cases", "brief", "assessment"])
def test_every_document_for_a_district(demo_store, tmp_path, kind):
    out = tmp_path / f"{kind}.pdf"
    result = generate(demo_store, kind, Scope(district_code="330382"), out, as_of=AS_OF)
    pages = pdf_pages(out.read_bytes())
    assert result.pages == len(pages) >= 1
    assert "乐清市" in pages[0]
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left


def test_visits_by_period_and_ids(demo_store, tmp_path):
    ids = report_rows.visit_ids(demo_store, date_from="2026-05-01", date_to="2026-05-31")
    out = tmp_path / "may.pdf"
    scope = Scope(date_from=date(2026, 5, 1), date_to=date(2026, 5, 31))
    assert generate(demo_store, "visits", scope, out, as_of=AS_OF).pages == len(ids)
    one = generate(demo_store, "visits", Scope(ids=(ids[0],)), out, as_of=AS_OF)
    assert one.pages == 1


def test_unknown_ids_are_named(demo_store, tmp_path):
    with pytest.raises(ReportError) as info:
        generate(demo_store, "cases", Scope(ids=("no-such-case",)), tmp_path / "x.pdf", as_of=AS_OF)
    assert "no-such-case" in info.value.zh
    assert not list(tmp_path.iterdir())


def test_bad_period_is_refused(demo_store, tmp_path):
    scope = Scope(date_from=date(2026, 6, 1), date_to=date(2026, 5, 1))
    with pytest.raises(ReportError):
        generate(demo_store, "visits", scope, tmp_path / "x.pdf", as_of=AS_OF)


def test_cancel_leaves_the_old_file(demo_store, tmp_path):
    out = tmp_path / "keep.pdf"
    out.write_bytes(b"old")
    seen = []
    with pytest.raises(BuildCancelled):
        generate(
            demo_store,
            "visits",
            Scope(year=2026),
            out,
            as_of=AS_OF,
            progress=seen.append,
            cancelled=lambda: len(seen) >= 3,
        )
    assert out.read_bytes() == b"old"
    assert seen == [1, 2, 3]
    assert list(tmp_path.iterdir()) == [out]
