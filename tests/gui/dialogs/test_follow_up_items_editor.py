"""The follow-up rows of the visit dialog leave room to type an owner with a bureau."""

from __future__ import annotations

from dispatch_app.gui.dialogs.follow_up_items_editor import OWNER_SAMPLE, FollowUpItemsEditor


def test_the_owner_column_fits_a_name_and_a_bureau(qtbot):
    editor = FollowUpItemsEditor()
    qtbot.addWidget(editor)
    editor.resize(660, 200)
    editor.show()
    qtbot.waitExposed(editor)
    owner = editor.view.horizontalHeader().sectionSize(1)
    assert owner >= editor.view.fontMetrics().horizontalAdvance(OWNER_SAMPLE)
    assert editor.view.horizontalHeader().sectionSize(0) > owner  # the item text still leads
