"""The visits page opens on what was done lately; planned visits are one choice away."""

from __future__ import annotations

from datetime import timedelta

from dispatch_app import clock
from dispatch_app.gui.pages.visits_page import VisitsPage


def _dates(page: VisitsPage) -> list[str]:
    col = page.model.column_of("visit_date")
    return [page.model.index(r, col).data() for r in range(page.model.rowCount())]


def test_default_is_up_to_today_latest_first_and_the_filter_says_so(window):
    page = window.show_page("visits")
    today = clock.today().isoformat()
    assert page.when_filter.currentText() == "截至今天"
    assert page.model.total == 8  # the 8 done visits; the one planned in 5 days is not on top
    dates = _dates(page)
    assert dates[0] == (clock.today() - timedelta(days=1)).isoformat()
    assert dates == sorted(dates, reverse=True) and max(dates) <= today

    page.when_filter.setCurrentIndex(page.when_filter.findText("今天以后"))
    assert _dates(page) == [(clock.today() + timedelta(days=5)).isoformat()]

    page.when_filter.setCurrentIndex(page.when_filter.findText("全部日期"))
    assert page.model.total == 9


def test_a_typed_date_range_narrows_the_choice(window):
    page = window.show_page("visits")
    later = (clock.today() + timedelta(days=30)).isoformat()
    page.filters["date_to"].setText(later)  # "up to today" still holds
    page.apply()
    assert page.model.total == 8
    page.filters["date_from"].setText((clock.today() - timedelta(days=4)).isoformat())
    page.apply()
    assert page.model.total == 2  # 1 and 4 days ago


def test_asking_for_planned_visits_shows_them_all(window):
    page = window.show_page("visits")
    status = page.filters["status"]
    status.setCurrentIndex(status.findData("planned"))
    assert page.when_filter.currentText() == "全部日期"  # visible, and can be set back
    assert page.model.total == 1


def test_a_planned_visit_opened_from_the_home_page_is_in_the_table(window, qtbot):
    planned = window.store.scalar("SELECT id FROM visits WHERE status = 'planned'")
    window.open_record("visits", planned)
    page = window.pages["visits"]
    assert page.when_filter.currentText() == "今天以后"
    assert page.current_id() == planned


def test_an_enterprises_visits_link_shows_every_date(window):
    ent = window.store.scalar(
        "SELECT enterprise_id FROM visits WHERE status = 'planned'"
    )  # one done visit and one planned
    window.show_related("visits", "enterprise", ent)
    page = window.pages["visits"]
    assert page.when_filter.currentText() == "全部日期"
    assert page.model.total == 2
