"""Tasks off the UI thread: the progress dialog appears only for slow work, and its Cancel
button stops the task."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from dispatch_app.gui.workers import Task, TaskRunner


def test_a_quick_task_shows_no_dialog(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner(parent)
    results = []
    task = Task("…", lambda ctx: 42, on_done=results.append)
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.run(task, show_after_ms=300)
        assert runner.dialog_of(task) is None  # not built up front
    assert results == [42]
    qtbot.wait(350)  # past the delay: the finished task's dialog never comes
    assert runner.dialog_of(task) is None
    assert not runner.busy()


def test_a_slow_task_shows_progress_and_its_cancel_button_stops_it(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    runner = TaskRunner(parent)
    go_on = threading.Event()
    outcome = []

    def work(ctx):
        ctx.report(3, 10)
        while not go_on.wait(0.01):
            ctx.check()

    task = Task("正在导出…", work, on_done=outcome.append, on_cancel=lambda: outcome.append("x"))
    runner.run(task, show_after_ms=50)
    qtbot.waitUntil(lambda: runner.dialog_of(task) is not None, timeout=5000)
    dialog = runner.dialog_of(task)
    qtbot.waitUntil(lambda: dialog.value() == 3 and dialog.maximum() == 10, timeout=5000)
    assert dialog.labelText() == "正在导出…"
    cancel = dialog.findChild(QPushButton)
    with qtbot.waitSignal(runner.finished, timeout=5000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    go_on.set()
    assert outcome == ["x"]
    assert not runner.busy()


def test_a_quiet_task_never_shows_a_dialog(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner(parent)
    release = threading.Event()
    task = Task("…", lambda ctx: release.wait(5))
    runner.run(task, show_after_ms=None)
    qtbot.wait(100)
    assert runner.dialog_of(task) is None and runner.busy()
    with qtbot.waitSignal(runner.finished, timeout=5000):
        release.set()
