"""Slow work off the GUI thread, with a progress dialog and Cancel; results come back as signals."""

from __future__ import annotations

import functools
import itertools
import threading
from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from sms_desktop.ui.i18n import translate

T = TypeVar("T")


class CancelledError(Exception):
    """Raised inside an operation when the user pressed Cancel."""


class Progress:
    """Handed to the work function: report progress, and learn whether to stop."""

    def __init__(self, emit: Callable[[int, int], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()

    def __call__(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise CancelledError
        self._emit(done, total)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Dispatcher(QObject):
    """The one object workers talk to: lives in the GUI thread for the life of the process.

    Workers hold no reference to any per-operation Qt object. If they did, the worker could
    drop the last reference to it after the GUI had let go, and Qt would then destroy a
    GUI-thread object from the worker thread (docs/architecture.md, "Qt object ownership").
    """

    progressed = Signal(int, int, int)  # ticket, done, total
    finished = Signal(int, bool, object)  # ticket, succeeded, result or exception

    def __init__(self) -> None:
        super().__init__()
        self._handlers: dict[int, tuple[_Handler, _ProgressHandler | None]] = {}
        self._tickets = itertools.count(1)
        self.progressed.connect(self._on_progressed)
        self.finished.connect(self._on_finished)

    def submit(
        self,
        work: Callable[[Progress], Any],
        on_finished: _Handler,
        on_progress: _ProgressHandler | None = None,
    ) -> Progress:
        ticket = next(self._tickets)
        self._handlers[ticket] = (on_finished, on_progress)
        progressed = self.progressed
        finished = self.finished
        progress = Progress(lambda done, total: progressed.emit(ticket, done, total))

        # The pool gets a plain callable, never a Python QRunnable subclass: the pool deletes
        # its runnable after run(), under a Python wrapper that would still point at it.
        def run() -> None:
            try:
                result = work(progress)
            except BaseException as exc:  # every failure goes back to the GUI
                _emit(finished, ticket, False, exc)
            else:
                _emit(finished, ticket, True, result)

        QThreadPool.globalInstance().start(run)
        return progress

    def _on_progressed(self, ticket: int, done: int, total: int) -> None:
        handlers = self._handlers.get(ticket)
        if handlers is not None and handlers[1] is not None:
            handlers[1](done, total)

    def _on_finished(self, ticket: int, succeeded: bool, value: object) -> None:
        handlers = self._handlers.pop(ticket, None)
        if handlers is None:
            return
        if not succeeded and _obsolete(value):
            return  # the database it read was closed meanwhile: whoever asked is gone too
        try:
            handlers[0](succeeded, value)
        except RuntimeError as exc:
            # The view that asked is gone (its tab was closed meanwhile, e.g. by a restore):
            # nobody is left to show the result to.
            if "already deleted" not in str(exc):
                raise


_Handler = Callable[[bool, Any], None]


def _obsolete(failure: object) -> bool:
    from sms_desktop.persistence.db import DatabaseClosedError

    return isinstance(failure, DatabaseClosedError)


_ProgressHandler = Callable[[int, int], None]


def _emit(signal: Any, *args: object) -> None:
    try:
        signal.emit(*args)
    except RuntimeError:  # the application quit while the work ran: nobody to tell
        return


@functools.cache
def _dispatcher() -> _Dispatcher:
    """Made on first use, in the GUI thread; kept until the process ends."""
    return _Dispatcher()


def _submit(
    work: Callable[[Progress], Any],
    on_finished: _Handler,
    on_progress: _ProgressHandler | None = None,
) -> Progress:
    """Start ``work`` on the pool (call from the GUI thread); returns its ``Progress``."""
    return _dispatcher().submit(work, on_finished, on_progress)


class Operation(Generic[T]):
    """Run ``work(progress)`` on the thread pool; ``on_success``/``on_failure`` run in the GUI.

    Worker code never touches widgets: it reports through ``progress`` only. The progress
    dialog belongs to ``parent`` (Qt deletes it with ``deleteLater`` when the work is done)
    and this object lets go of it then, so no Python reference outlives the C++ dialog.
    """

    _running: ClassVar[set[Operation[Any]]] = set()  # keep alive until finished

    def __init__(
        self,
        parent: QWidget | None,
        work: Callable[[Progress], T],
        *,
        label: str,
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        cancellable: bool = False,
        show_after_ms: int = 400,
    ) -> None:
        self._parent = parent
        self._work = work
        self._progress: Progress | None = None
        self._on_success, self._on_failure = on_success, on_failure
        self._on_cancelled = on_cancelled
        dialog = QProgressDialog(label, translate("Messages", "Cancel"), 0, 0, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(show_after_ms)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(self._on_dialog_canceled)
        # The window that asked is closed (and its dialog with it): the work is cancelled
        # and nothing is shown in it any more.
        dialog.destroyed.connect(self._on_dialog_canceled)
        self.dialog: QProgressDialog | None = dialog
        self.finished = False

    def start(self) -> Operation[T]:
        Operation._running.add(self)
        if self.dialog is not None:
            self.dialog.setValue(0)
        self._progress = _submit(self._work, self._on_finished, self._on_progress)
        return self

    def _on_dialog_canceled(self) -> None:
        if self._progress is not None:
            self._progress.cancel()

    def _on_finished(self, succeeded: bool, value: Any) -> None:
        if succeeded:
            self._on_succeeded(value)
        else:
            self._on_failed(value)

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0 and self.dialog is not None and isValid(self.dialog):
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def _finish(self) -> bool:
        """Let go of the dialog; whether the window that asked is still there to be told."""
        self.finished = True
        dialog, self.dialog = self.dialog, None
        if dialog is not None and isValid(dialog):
            dialog.reset()
            dialog.close()
            dialog.deleteLater()
        Operation._running.discard(self)
        return self._parent is None or isValid(self._parent)

    def _on_succeeded(self, result: T) -> None:
        if self._finish():
            self._on_success(result)

    def _on_failed(self, exc: BaseException) -> None:
        if not self._finish():
            return
        if isinstance(exc, CancelledError):
            if self._on_cancelled is not None:
                self._on_cancelled()
            return
        if self._on_failure is not None:
            self._on_failure(exc)
        else:
            from sms_desktop.ui.dialogs.messages import show_error

            show_error(self._parent, exc)


def run_quietly(
    work: Callable[[], T],
    on_success: Callable[[T], None],
    on_failure: Callable[[BaseException], None] | None = None,
) -> None:
    """Background work the user does not wait for: no dialog, result back in the GUI."""

    def finished(succeeded: bool, value: Any) -> None:
        if succeeded:
            on_success(value)
        elif on_failure is not None:
            on_failure(value)

    _submit(lambda _p: work(), finished)


def wait_until_idle() -> None:
    """Let the work in flight finish (e.g. a tab's background read) before the database is
    closed or replaced under it; new work can't start meanwhile (the tabs are gone)."""
    QThreadPool.globalInstance().waitForDone()
