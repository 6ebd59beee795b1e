"""Every table model passes Qt's model tester, pages in lazily, and sorts in SQL."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from dispatch_app.gui.models.follow_up_items import FollowUpItemsModel
from dispatch_app.gui.models.record_table import IdRole, RecordTableModel
from dispatch_app.store import listing, open_store


@pytest.fixture
def store(db_path):
    s = open_store(db_path)
    yield s
    s.close()


@pytest.mark.parametrize("kind", sorted(listing.SPECS))
def test_every_record_model_passes_the_model_tester(kind, store, qtmodeltester):
    model = RecordTableModel(kind, page_size=3)
    model.set_store(store)
    assert model.total > 0
    qtmodeltester.check(model)  # Qt's own QAbstractItemModelTester
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == model.total
    model.sort(0, Qt.SortOrder.DescendingOrder)  # the tester keeps watching every signal
    model.set_criteria(listing.Criteria(search="zzzz-no-match"))
    assert model.total == 0 and model.rowCount() == 0


def test_rows_are_fetched_page_by_page(store):
    model = RecordTableModel("visits", page_size=4)
    model.set_store(store)
    assert (model.total, model.rowCount()) == (9, 4)
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 8
    model.fetchMore()
    assert model.rowCount() == 9 and not model.canFetchMore()
    ids = [model.index(r, 0).data(IdRole) for r in range(9)]
    assert len(set(ids)) == 9  # no row fetched twice across pages


def test_sorting_reorders_in_sql(store):
    model = RecordTableModel("enterprises")
    model.set_store(store)
    column = [c.key for c in model.spec.columns].index("uscc")
    model.sort(column, Qt.SortOrder.AscendingOrder)
    ascending = [model.index(r, column).data() for r in range(model.rowCount())]
    assert ascending == sorted(ascending)
    model.sort(column, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, column).data() for r in range(model.rowCount())] == ascending[::-1]


def test_codes_are_shown_as_labels(store):
    model = RecordTableModel("visits")
    model.set_store(store)
    column = [c.key for c in model.spec.columns].index("status")
    shown = {model.index(r, column).data() for r in range(model.rowCount())}
    assert shown <= {"已完成", "计划中", "已取消"}


def test_follow_up_items_model(qtmodeltester):
    model = FollowUpItemsModel()
    qtmodeltester.check(model)  # Qt's own QAbstractItemModelTester
    model.setData(model.index(0, 0), "对接供应商")
    assert model.rowCount() == 2  # a fresh empty row appears for the next item
    model.setData(model.index(0, 3), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.items() == [
        {"description": "对接供应商", "owner": "", "due_date": "", "needs_coordination": True}
    ]
    model.removeRows(0, 1)
    assert model.items() == [] and model.rowCount() == 1
