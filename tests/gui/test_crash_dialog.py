"""An unexpected error in the window: logged without personal data, a dialog with "复制详情",
an open transaction rolled back, and the window goes on."""

from __future__ import annotations

import sys

import pytest

from dispatch_app import logs
from dispatch_app.gui.crash_dialog import install


@pytest.fixture
def handler(window):
    saved = sys.excepthook
    h = install(lambda: window)
    yield h
    sys.excepthook = saved
    if h.current is not None:
        h.current.close()


def _raise_in_hook(message: str) -> None:
    try:
        raise RuntimeError(message)
    except RuntimeError:
        sys.excepthook(*sys.exc_info())


def test_the_dialog_copies_redacted_details(window, handler, qapp) -> None:
    _raise_in_hook("contact 13812345678 broke the slot")
    dialog = handler.current
    assert dialog is not None and dialog.isVisible()
    assert dialog.copy_button.text() == "复制详情"
    details = dialog.details.toPlainText()
    assert "RuntimeError" in details and "13812345678" not in details
    dialog.copy_details()
    assert qapp.clipboard().text() == details
    text = logs.log_file().read_text(encoding="utf-8")
    assert "RuntimeError" in text and "13812345678" not in text


def test_a_transaction_left_open_is_rolled_back(window, handler) -> None:
    store = window.store
    before = store.scalar("SELECT count(*) FROM enterprises")
    store.conn.execute("BEGIN")
    store.conn.execute("DELETE FROM visit_experts")
    store.conn.execute("DELETE FROM follow_ups")
    _raise_in_hook("half-way")
    assert not store.conn.in_transaction
    assert store.scalar("SELECT count(*) FROM follow_ups") > 0
    assert store.scalar("SELECT count(*) FROM enterprises") == before
    window.show_page("enterprises")  # and the window goes on
    assert window.pages["enterprises"].model.total == before


def test_a_second_error_while_the_dialog_shows_is_only_logged(window, handler) -> None:
    _raise_in_hook("first")
    first = handler.current
    _raise_in_hook("second")
    assert handler.current is first
