"""The background helper: results come back on the GUI thread, and nothing of an operation
outlives it (no Python reference to a Qt object that Qt has freed, none freed by a worker)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from sms_desktop.ui.background import Operation, Progress, run_quietly


def test_result_and_failure_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[tuple[str, object, bool]] = []
    gui = threading.current_thread()

    def work(progress: Progress) -> int:
        progress(1, 2)
        return 42

    def fail(_progress: Progress) -> int:
        raise ValueError("boom")

    Operation(
        parent,
        work,
        label="…",
        on_success=lambda r: seen.append(("ok", r, threading.current_thread() is gui)),
    ).start()
    Operation(
        parent,
        fail,
        label="…",
        on_success=lambda r: seen.append(("ok", r, False)),
        on_failure=lambda e: seen.append(("failed", str(e), threading.current_thread() is gui)),
    ).start()
    run_quietly(lambda: "quiet", lambda r: seen.append(("quiet", r, True)))
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert sorted(seen) == [("failed", "boom", True), ("ok", 42, True), ("quiet", "quiet", True)]
    assert not Operation._running


def test_finished_operations_and_their_dialogs_are_released(qtbot: QtBot) -> None:
    """Run many operations with a collection between them: each Operation is freed once it
    has reported, and its progress dialog is handed to Qt (no Python reference left)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    refs: list[weakref.ref[Operation[int]]] = []
    done: list[int] = []
    for n in range(40):
        operation = Operation(parent, lambda _p, n=n: n, label="…", on_success=done.append)
        refs.append(weakref.ref(operation.start()))
        del operation
        gc.collect()
    qtbot.waitUntil(lambda: len(done) == 40)
    QThreadPool.globalInstance().waitForDone()
    qtbot.wait(0)  # the deferred deletes of the dialogs
    gc.collect()
    assert sorted(done) == list(range(40))
    assert all(ref() is None for ref in refs)


def test_cancel_stops_the_work(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    started = threading.Event()
    failed: list[BaseException] = []
    succeeded: list[object] = []

    tick = threading.Event()  # never set: paces the worker's loop

    def work(progress: Progress) -> None:
        started.set()
        while True:
            progress(0, 1)  # raises CancelledError once the user cancelled
            tick.wait(0.01)

    operation = Operation(
        parent,
        work,
        label="…",
        on_success=succeeded.append,
        on_failure=failed.append,
        cancellable=True,
    ).start()
    started.wait(10)
    assert operation.dialog is not None
    cancel_button = operation.dialog.findChild(QPushButton)
    assert cancel_button is not None
    cancel_button.click()  # as the user does
    qtbot.waitUntil(lambda: operation.finished)
    assert not failed and not succeeded  # a cancelled operation reports nothing


def test_closing_the_window_that_asked_cancels_the_work_and_tells_nobody(qtbot: QtBot) -> None:
    """The import wizard closed while its check runs: the work stops, nothing is shown in
    the gone window, and the operation finishes (it raised 'already deleted' before)."""
    parent = QWidget()
    started = threading.Event()
    told: list[object] = []
    tick = threading.Event()

    def work(progress: Progress) -> None:
        started.set()
        while True:
            progress(0, 1)
            tick.wait(0.01)

    operation = Operation(
        parent, work, label="…", on_success=told.append, on_failure=told.append
    ).start()
    started.wait(10)
    parent.deleteLater()  # the user closed the window
    qtbot.waitUntil(lambda: operation.finished)
    assert told == []
