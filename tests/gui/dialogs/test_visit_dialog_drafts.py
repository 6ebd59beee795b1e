"""A visit being logged (experts and follow-up items included) survives a crash; closing the
dialog with unsaved input asks first."""

from __future__ import annotations

from datetime import timedelta

import pytest
from guikit import choose_enterprise, crash_and_restart, fill_item, type_text, wait_for_draft
from PySide6.QtCore import Qt

from dispatch_app import clock
from dispatch_app.gui.drafts import Drafts


@pytest.fixture
def quick(monkeypatch):
    monkeypatch.setattr("dispatch_app.gui.draft_keeper.DEBOUNCE_MS", 200)


def _type_a_visit(qtbot, dialog) -> None:
    choose_enterprise(qtbot, dialog, "wzdx")
    dialog.team.setCurrentIndex(
        dialog.team.findText("乐清电气轻骑队", Qt.MatchFlag.MatchStartsWith)
    )
    qtbot.mouseClick(dialog.add_members, Qt.MouseButton.LeftButton)
    type_text(qtbot, dialog.texts["problems"], "模具寿命短")
    type_text(qtbot, dialog.texts["advice"], "更换模具钢")
    due = (clock.today() + timedelta(days=10)).isoformat()
    fill_item(dialog, 0, "联系模具钢供应商", "李工", due, flag=False)
    fill_item(dialog, 1, "申请技改补助", "区科技局", "2026-13-40", flag=True)  # a bad date


def _what_is_shown(dialog) -> dict:
    return {
        "enterprise": (dialog.enterprise.selected_id, dialog.enterprise.text()),
        "team": dialog.team.currentData(),
        "experts": [dialog.experts.list.item(i).text() for i in range(dialog.experts.count())],
        "expert_ids": dialog.experts.expert_ids(),
        "date": dialog.visit_date.text(),
        "type": dialog.visit_type.currentData(),
        "status": dialog.status.currentData(),
        "texts": {k: e.toPlainText() for k, e in dialog.texts.items()},
        "items": dialog.items.items(),
    }


def test_a_visit_typed_before_a_crash_is_restored_with_its_items_and_experts(
    controller, window, qtbot, db_path, quick
):
    dialog = window.log_visit()  # (goes down with the window: not handed to qtbot)
    _type_a_visit(qtbot, dialog)
    typed = _what_is_shown(dialog)
    assert len(typed["items"]) == 2 and len(typed["experts"]) == 2
    wait_for_draft(qtbot, window, "visits", None)

    window = crash_and_restart(controller, qtbot, db_path)
    dialog = window.log_visit()
    qtbot.addWidget(dialog)
    assert dialog.draft_banner.isVisibleTo(dialog)
    assert "发现未保存的内容" in dialog.draft_banner.text.text()
    assert dialog.items.items() == []  # nothing filled in until asked
    qtbot.mouseClick(dialog.draft_banner.restore_button, Qt.MouseButton.LeftButton)
    assert _what_is_shown(dialog) == typed
    assert dialog.items.rowCount() == 3  # the empty row to type a third item is back too
    assert dialog.errors["follow_ups"].isVisibleTo(dialog)  # the bad date, explained as usual
    assert "第 2 条" in dialog.errors["follow_ups"].text()
    assert not dialog.save_button.isEnabled()


def test_saving_the_visit_drops_its_draft(window, qtbot, quick):
    dialog = window.log_visit()
    qtbot.addWidget(dialog)
    _type_a_visit(qtbot, dialog)
    wait_for_draft(qtbot, window, "visits", None)
    dialog.items.setData(dialog.items.index(1, 2), "")  # correct the bad date
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=2000)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert Drafts(window.settings.drafts_path).all() == []
    again = window.log_visit()
    qtbot.addWidget(again)
    assert not again.draft_banner.isVisibleTo(again)


def test_closing_with_unsaved_input_asks_and_cancel_keeps_it_open(window, qtbot, messages, quick):
    dialog = window.log_visit()
    qtbot.addWidget(dialog)
    _type_a_visit(qtbot, dialog)
    messages["unsaved_answers"] = ["cancel"]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(messages["unsaved"]) == 1
    assert dialog.isVisible()
    assert dialog.texts["problems"].toPlainText() == "模具寿命短"
    wait_for_draft(qtbot, window, "visits", None)  # still being kept

    messages["unsaved_answers"] = ["discard"]
    dialog.close()
    assert not dialog.isVisible()
    assert Drafts(window.settings.drafts_path).all() == []


def test_closing_an_untouched_dialog_asks_nothing(window, qtbot, messages):
    dialog = window.log_visit()
    qtbot.addWidget(dialog)
    dialog.close()
    assert not dialog.isVisible()
    assert messages["unsaved"] == []
