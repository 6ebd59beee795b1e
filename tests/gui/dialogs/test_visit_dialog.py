"""Logging visits: the most frequent task, driven through the dialog as a coordinator would."""

from __future__ import annotations

from datetime import timedelta

from guikit import choose_enterprise, fill_item, type_text
from PySide6.QtCore import Qt

from dispatch_app import clock
from dispatch_app.gui.dialogs.visit_dialog import VisitDialog


def test_log_a_visit_with_two_follow_ups_and_see_it_everywhere(window, qtbot):
    dialog = window.log_visit()
    qtbot.addWidget(dialog)
    assert dialog.visit_date.text() == clock.today().isoformat()  # today by default
    choose_enterprise(qtbot, dialog, "wzdx")  # pinyin initials of 温州大学科技园…
    assert dialog.enterprise.text() == "温州大学科技园发展有限公司"
    dialog.team.setCurrentIndex(
        dialog.team.findText("乐清电气轻骑队", Qt.MatchFlag.MatchStartsWith)
    )
    qtbot.mouseClick(dialog.add_members, Qt.MouseButton.LeftButton)
    assert dialog.experts.count() == 2
    type_text(qtbot, dialog.texts["problems"], "模具寿命短")
    due = (clock.today() + timedelta(days=10)).isoformat()
    fill_item(dialog, 0, "联系模具钢供应商", "李工", due, flag=False)
    fill_item(dialog, 1, "申请技改补助", "区科技局", due, flag=True)
    assert dialog.items.rowCount() == 3  # an empty row stays ready for a third item
    assert dialog.validate() == []
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == VisitDialog.DialogCode.Accepted

    visits = window.show_page("visits")
    assert visits.model.total == 9  # 8 earlier + today's; the planned one is after today
    visits.search.setText("wzdx")
    visits.apply()
    dates = [visits.model.index(r, 0).data() for r in range(visits.model.rowCount())]
    assert clock.today().isoformat() in dates

    follow_ups = window.show_page("follow_ups")
    follow_ups.search.setText("温州大学科技园")
    follow_ups.apply()
    items = {follow_ups.model.index(r, 1).data() for r in range(follow_ups.model.rowCount())}
    assert {"联系模具钢供应商", "申请技改补助"} <= items
    flagged = window.store.scalar(
        "SELECT needs_coordination FROM follow_ups WHERE description = '申请技改补助'"
    )
    assert flagged == 1


def test_invalid_follow_up_date_is_explained_and_nothing_saved(window, qtbot):
    dialog = VisitDialog(window.store, window)
    qtbot.addWidget(dialog)
    choose_enterprise(qtbot, dialog, "yqs")  # 乐清 reads yuè qīng
    dialog.team.setCurrentIndex(1)
    fill_item(dialog, 0, "对接供应商", "王建国", "2026-13-40", flag=False)
    before = window.store.scalar("SELECT count(*) FROM visits")
    assert dialog.save() is None
    assert dialog.errors["follow_ups"].isVisibleTo(dialog)
    assert "第 1 条" in dialog.errors["follow_ups"].text()
    assert window.store.scalar("SELECT count(*) FROM visits") == before
    assert dialog.items.items()[0]["description"] == "对接供应商"  # kept for correcting


def test_a_team_or_an_expert_is_required(window, qtbot):
    dialog = VisitDialog(window.store, window)
    qtbot.addWidget(dialog)
    choose_enterprise(qtbot, dialog, "wzdx")
    assert not dialog.save_button.isEnabled() or dialog.validate()
    assert dialog.save() is None
    assert dialog.errors["team_id"].text()


def test_save_and_log_another_keeps_team_and_date(window, qtbot):
    dialog = VisitDialog(window.store, window)
    qtbot.addWidget(dialog)
    choose_enterprise(qtbot, dialog, "wzdx")
    dialog.team.setCurrentIndex(1)
    team = dialog.team.currentData()
    qtbot.waitUntil(dialog.again_button.isEnabled, timeout=2000)  # live validation caught up
    qtbot.mouseClick(dialog.again_button, Qt.MouseButton.LeftButton)
    assert dialog.saved_count == 1
    assert dialog.enterprise.selected_id == ""  # ready for the next enterprise
    assert dialog.team.currentData() == team
    assert "温州大学科技园" in dialog.banner.text()
    choose_enterprise(qtbot, dialog, "瑞安")
    qtbot.waitUntil(dialog.again_button.isEnabled, timeout=2000)
    qtbot.mouseClick(dialog.again_button, Qt.MouseButton.LeftButton)
    assert dialog.saved_count == 2
    assert window.store.scalar("SELECT count(*) FROM visits WHERE team_id = ?", (team,)) >= 2


def test_complete_a_planned_visit(window, qtbot):
    visits = window.show_page("visits")
    combo = visits.filters["status"]
    combo.setCurrentIndex(combo.findData("planned"))
    assert visits.model.total == 1
    visits.view.selectRow(0)
    assert visits.complete_button.isEnabled()
    planned_id = visits.visit_shown()
    dialog = VisitDialog(window.store, window, visit_id=planned_id, complete=True)
    qtbot.addWidget(dialog)
    assert dialog.status.currentData() == "completed"
    assert dialog.visit_date.text() <= clock.today().isoformat()  # a completed visit is not future
    type_text(qtbot, dialog.texts["outcome"], "已完成回访")
    assert dialog.save() == planned_id
    status = window.store.scalar("SELECT status FROM visits WHERE id = ?", (planned_id,))
    assert status == "completed"


def _planned_visit_id(window) -> str:
    visits = window.show_page("visits")
    combo = visits.filters["status"]
    combo.setCurrentIndex(combo.findData("planned"))
    visits.view.selectRow(0)
    return visits.visit_shown()


def test_completing_with_a_new_follow_up_saves_both(window, qtbot):
    planned_id = _planned_visit_id(window)
    dialog = VisitDialog(window.store, window, visit_id=planned_id, complete=True)
    qtbot.addWidget(dialog)
    fill_item(dialog, 0, "补充检测报告", "李工", "", flag=False)
    assert dialog.save() == planned_id
    rows = window.store.query(
        "SELECT v.status, f.description FROM visits v JOIN follow_ups f ON f.visit_id = v.id "
        "WHERE v.id = ?",
        (planned_id,),
    )
    assert [(r["status"], r["description"]) for r in rows] == [("completed", "补充检测报告")]


def test_a_visit_deleted_meanwhile_is_explained_and_typing_kept(window, qtbot):
    planned_id = _planned_visit_id(window)
    dialog = VisitDialog(window.store, window, visit_id=planned_id, complete=True)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.texts["outcome"], "已完成回访")
    fill_item(dialog, 0, "补充检测报告", "李工", "", flag=False)
    with window.store.atomic():  # another window deletes it while this dialog is open
        window.store.conn.execute("DELETE FROM visits WHERE id = ?", (planned_id,))
    assert dialog.save() is None
    assert dialog.banner.isVisibleTo(dialog)
    assert "已不存在" in dialog.banner.text()
    assert dialog.texts["outcome"].toPlainText() == "已完成回访"
    assert dialog.items.items()[0]["description"] == "补充检测报告"
    assert (
        window.store.scalar("SELECT count(*) FROM follow_ups WHERE visit_id = ?", (planned_id,))
        == 0
    )
