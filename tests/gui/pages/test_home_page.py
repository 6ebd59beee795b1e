"""工作台: recent completed visits, the next planned ones, follow-ups due or overdue, progress."""

from __future__ import annotations

from datetime import timedelta

import pytest

from dispatch_app import clock
from dispatch_app.services import visit_log


@pytest.fixture
def home(window, qtbot):
    page = window.show_page("home")
    qtbot.waitUntil(lambda: page.figures is not None, timeout=10_000)
    return page


def _column(model, key):
    column = model.column_of(key)
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _reload(window, page, qtbot):
    window.refresh_pages()
    qtbot.waitUntil(lambda: page.figures is not None, timeout=10_000)


def _log(store, enterprise_id, day, status, follow_ups=()):
    team = store.query("SELECT id FROM teams ORDER BY rowid LIMIT 1")[0][0]
    return visit_log.log_visit(
        store,
        {
            "enterprise_id": enterprise_id,
            "team_id": team,
            "visit_date": day,
            "visit_type": "diagnosis",
            "status": status,
        },
        list(follow_ups),
    )


def test_recent_visits_are_completed_ones_up_to_today_latest_first(window, home, qtbot):
    today = clock.today()
    ent = window.store.query("SELECT id FROM enterprises ORDER BY rowid LIMIT 1")[0][0]
    _log(window.store, ent, today + timedelta(days=30), "planned")
    _log(window.store, ent, today - timedelta(days=2), "cancelled")
    _reload(window, home, qtbot)
    dates = _column(home.recent_model, "visit_date")
    assert dates == sorted(dates, reverse=True)
    assert len(dates) == 8  # the eight completed visits of the small world
    assert dates[0] == (today - timedelta(days=1)).isoformat()
    assert all(d <= today.isoformat() for d in dates)
    assert set(_column(home.recent_model, "status")) == {"已完成"}
    assert home.recent_view.isColumnHidden(home.recent_model.column_of("status"))
    assert "已完成" in home.recent_box.title()


def test_upcoming_planned_visits_are_a_separate_list(window, home, qtbot):
    today = clock.today()
    ent = window.store.query("SELECT id FROM enterprises ORDER BY rowid LIMIT 1")[0][0]
    soon = _log(window.store, ent, today + timedelta(days=1), "planned")
    _log(window.store, ent, today + timedelta(days=40), "planned")  # not near: left out
    _log(window.store, ent, today - timedelta(days=3), "planned")  # not upcoming any more
    _reload(window, home, qtbot)
    model = home.planned_model
    assert _column(model, "visit_date") == [
        (today + timedelta(days=1)).isoformat(),
        (today + timedelta(days=5)).isoformat(),  # the small world's planned visit
    ]
    assert model.id_at(0) == soon.id
    assert home.planned_box.title() == "近期计划（今后 14 天）：2 项"
    assert soon.id not in {home.recent_model.id_at(r) for r in range(home.recent_model.rowCount())}


def test_follow_up_counts_add_up_to_the_list(window, home, qtbot):
    today = clock.today()
    ent = window.store.query("SELECT id FROM enterprises ORDER BY rowid LIMIT 1")[0][0]
    _log(
        window.store,
        ent,
        today - timedelta(days=1),
        "completed",
        [
            {"description": "十天后再说", "due_date": today + timedelta(days=10)},
            {"description": "早已逾期", "due_date": today - timedelta(days=30)},
            {"description": "没有期限"},
        ],
    )
    _reload(window, home, qtbot)
    due = home.figures.due
    # The small world: eight open items due from three days ago to four days ahead, three of
    # them flagged; plus the one thirty days overdue. Not the one due in ten days, nor the
    # one without a due date.
    assert home.due_model.total == due.open == 9
    assert (due.overdue, due.due_soon, due.flagged) == (4, 5, 3)
    assert home.due_box.title() == (
        "7 天内到期及已逾期的跟进事项：9 项（已逾期 4 项，7 天内到期 5 项；需科技局协调 3 项）"
    )
    descriptions = _column(home.due_model, "description")
    assert descriptions[0] == "早已逾期"  # the longest overdue first
    assert "十天后再说" not in descriptions and "没有期限" not in descriptions


def test_progress_is_filled_in_after_the_rows(window, home):
    # The world's 8 completed visits lie in the days before today: on 1 January none of them
    # is in this year, and the box must say so rather than count last year's.
    year = clock.today().year
    done = window.store.scalar(
        "SELECT count(*) FROM visits WHERE status = 'completed' AND visit_date LIKE ?",
        (f"{year}-%",),
    )
    assert done == (8 if clock.today().month > 1 else done)
    assert home.visits_label.text() == f"入企服务：{done:,} / 10,000 家次"
    assert home.visits_bar.value() == done
    assert home.figures.progress.visits.done == done


def test_double_click_opens_the_visit(window, home, qtbot):
    from PySide6.QtCore import Qt

    view = home.recent_view
    visit_id = home.recent_model.id_at(0)
    centre = view.visualRect(home.recent_model.index(0, 1)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)  # a double
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)  # click's 2 halves
    assert window.current_page_key() == "visits"
    assert window.pages["visits"].visit_shown() == visit_id
