"""The progress dashboard shows what progress.dashboard() computes, and its figures open the
records behind them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dispatch_app import clock
from dispatch_app.progress import dashboard
from dispatch_app.store import listing


def _page(window, qtbot):
    page = window.show_page("dashboard")
    qtbot.waitUntil(lambda: page.data is not None and not page.pending_work(), timeout=10_000)
    return page


def test_dashboard_shows_the_service_figures(window, qtbot, qtmodeltester):
    page = _page(window, qtbot)
    today = clock.today()
    expected = dashboard(window.store, today.year, as_of=today)
    v = expected.visits
    assert f"{v.done:,}" in page.visits_card.value.text()
    assert f"{v.target:,}" in page.visits_card.value.text()
    detail = page.visits_card.detail.text()
    assert f"{v.ratio:.1%}" in detail and f"{v.expected_ratio:.1%}" in detail
    assert {"ahead": "超前", "on_track": "正常", "behind": "落后"}[v.status] in detail
    assert f"{expected.enterprises:,}" == page.covered_card.value.text()
    assert f"{v.forecast_year_end:,}" in page.forecast_label.text()
    qtmodeltester.check(page.ranking)
    assert page.ranking.rowCount() == len(expected.districts)
    done_col = page.ranking.column_of("done")
    shown = {
        page.ranking.index(r, 0).data(): page.ranking.index(r, done_col).data(
            Qt.ItemDataRole.UserRole
        )
        for r in range(page.ranking.rowCount())
    }
    assert shown == {r.name: r.visits.done for r in expected.districts}
    page.ranking.sort(done_col, Qt.SortOrder.DescendingOrder)
    values = [page.ranking.index(r, done_col).data(Qt.ItemDataRole.UserRole) for r in range(3)]
    assert values == sorted(values, reverse=True)
    assert page.trend.data is not None and list(page.trend.data.done) == [
        m.done for m in expected.trend
    ]


def test_clicking_the_visits_figure_filters_the_visits_page(window, qtbot):
    page = _page(window, qtbot)
    done = page.data.visits.done
    assert done > 0
    qtbot.mouseClick(page.visits_card, Qt.MouseButton.LeftButton)
    visits = window.pages["visits"]
    assert window.current_page_key() == "visits"
    qtbot.waitUntil(lambda: visits.model.total == done, timeout=5000)
    assert visits.filters["status"].currentData() == "completed"
    assert visits.chip.isVisible()
    c = visits.criteria()
    assert listing.count(window.store, "visits", c) == done


def test_a_ranking_cell_and_a_breakdown_bar_drill_down(window, qtbot):
    page = _page(window, qtbot)
    row = next(r for r in range(page.ranking.rowCount()) if page.ranking.row_object(r).visits.done)
    district = page.ranking.row_object(row)
    page._drill_ranking(page.ranking.index(row, page.ranking.column_of("done")))
    visits = window.pages["visits"]
    qtbot.waitUntil(lambda: visits.model.total == district.visits.done, timeout=5000)
    assert visits.filters["district"].currentData() == district.adcode
    window.show_page("dashboard")
    industry = page.data.by_industry[0]
    page.breakdowns["by_industry"].clicked.emit(0)
    qtbot.waitUntil(lambda: visits.model.total == industry.visits, timeout=5000)
    visits.clear_related()  # the chip's "show all" drops the industry filter
    assert "industry" not in visits.criteria().filters


def test_new_data_refreshes_the_dashboard(window, qtbot):
    from dispatch_app.services import visit_log

    page = _page(window, qtbot)
    before = page.data.visits.done
    ent = window.store.scalar("SELECT id FROM enterprises LIMIT 1")
    team = window.store.scalar("SELECT id FROM teams LIMIT 1")
    visit_log.log_visit(
        window.store,
        {"enterprise_id": ent, "team_id": team, "visit_date": clock.today().isoformat()},
    )
    window.refresh_pages()
    qtbot.waitUntil(lambda: page.data.visits.done == before + 1, timeout=10_000)
    assert f"{before + 1:,}" in page.visits_card.value.text()


def test_the_definitions_box_shows_what_counts(window, qtbot):
    from PySide6.QtWidgets import QMessageBox

    page = _page(window, qtbot)
    qtbot.mouseClick(page.definitions_button, Qt.MouseButton.LeftButton)
    box = page.findChild(QMessageBox, "definitionsBox")
    assert box is not None and box.isVisible()
    assert "家次" in box.text() or "enterprise-visit" in box.text()
    box.close()
