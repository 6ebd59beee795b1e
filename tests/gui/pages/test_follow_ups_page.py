"""The follow-ups page: open items across visits; closing records who and when."""

from __future__ import annotations

from PySide6.QtGui import QColor


def test_open_items_overdue_and_flagged(window):
    page = window.show_page("follow_ups")
    assert page.model.total == 8  # every seeded item is open
    assert "8" in page.summary_counts.text()
    due = page.filters["due"]
    due.setCurrentIndex(due.findData("overdue"))
    assert page.model.total == 3
    red = page.model.index(0, 0).data(
        page.model.index(0, 0).model().ForegroundRole if False else 9
    )  # Qt.ForegroundRole == 9
    assert isinstance(red, QColor) and red.red() > 150
    due.setCurrentIndex(0)
    flag = page.filters["needs_coordination"]
    flag.setCurrentIndex(1)
    assert page.model.total == 3


def test_closing_asks_who_remembers_the_name_and_records_when(window, monkeypatch):
    page = window.show_page("follow_ups")
    asked = []

    def answer(description, closer):
        asked.append(closer)
        return ("张科长", "已对接完毕")

    monkeypatch.setattr(page, "ask_close", answer)
    page.view.selectRow(0)
    item_id = page.current_id()
    assert page.close_button.isEnabled()
    page.close_current()
    row = window.store.query(
        "SELECT status, closed_by, closed_at, resolution FROM follow_ups WHERE id = ?", (item_id,)
    )[0]
    assert (row["status"], row["closed_by"], row["resolution"]) == (
        "closed",
        "张科长",
        "已对接完毕",
    )
    assert row["closed_at"]
    assert window.settings.closer_name == "张科长"
    assert page.model.total == 7  # the closed item leaves the open list
    page.view.selectRow(0)
    page.close_current()
    assert asked == ["", "张科长"]  # the second time the name is offered


def test_close_dialog_needs_a_name(qtbot):
    from dispatch_app.gui.dialogs.close_follow_up import CloseFollowUpDialog

    dialog = CloseFollowUpDialog("对接供应商", "")
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    dialog.closer.setText("王五")
    assert dialog.ok.isEnabled()
    assert dialog.values() == ("王五", "")
