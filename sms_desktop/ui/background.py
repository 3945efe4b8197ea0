"""Slow work off the GUI thread, with a progress dialog and Cancel; results come back as signals."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

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


class _Bridge(QObject):
    """Lives in the GUI thread; the worker only emits these signals."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(
        self, work: Callable[[Progress], Any], bridge: _Bridge, progress: Progress
    ) -> None:
        super().__init__()
        self._work, self._bridge, self._progress = work, bridge, progress

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except BaseException as exc:  # every failure goes back to the GUI
            self._report(self._bridge.failed, exc)
        else:
            self._report(self._bridge.succeeded, result)

    @staticmethod
    def _report(signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the application quit while the work ran: nobody to tell
            return


class Operation(Generic[T]):
    """Run ``work(progress)`` on the thread pool; ``on_success``/``on_failure`` run in the GUI.

    Worker code never touches widgets: it reports through ``progress`` only.
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
        cancellable: bool = False,
        show_after_ms: int = 400,
    ) -> None:
        self._bridge = _Bridge()
        self._progress = Progress(self._bridge.progressed.emit)
        self._on_success, self._on_failure = on_success, on_failure
        self.dialog = QProgressDialog(label, translate("Messages", "Cancel"), 0, 0, parent)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(show_after_ms)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.canceled.connect(self._progress.cancel)
        self._bridge.progressed.connect(self._on_progress)
        self._bridge.succeeded.connect(self._on_succeeded)
        self._bridge.failed.connect(self._on_failed)
        self._runnable = _Runnable(work, self._bridge, self._progress)
        self.finished = False

    def start(self) -> Operation[T]:
        Operation._running.add(self)
        self.dialog.setValue(0)
        QThreadPool.globalInstance().start(self._runnable)
        return self

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def _finish(self) -> None:
        self.finished = True
        self.dialog.reset()
        self.dialog.close()
        self.dialog.deleteLater()
        Operation._running.discard(self)

    def _on_succeeded(self, result: T) -> None:
        self._finish()
        self._on_success(result)

    def _on_failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, CancelledError):
            return
        if self._on_failure is not None:
            self._on_failure(exc)
        else:
            from sms_desktop.ui.dialogs.messages import show_error

            show_error(self.dialog.parentWidget(), exc)


def run_quietly(
    work: Callable[[], T],
    on_success: Callable[[T], None],
    on_failure: Callable[[BaseException], None] | None = None,
) -> None:
    """Background work the user does not wait for: no dialog, result back in the GUI."""
    bridge = _Bridge()
    _quiet.add(bridge)

    def succeeded(result: T) -> None:
        _quiet.discard(bridge)
        on_success(result)

    def failed(exc: BaseException) -> None:
        _quiet.discard(bridge)
        if on_failure is not None:
            on_failure(exc)

    bridge.succeeded.connect(succeeded)
    bridge.failed.connect(failed)
    QThreadPool.globalInstance().start(
        _Runnable(lambda _p: work(), bridge, Progress(lambda _d, _t: None))
    )


_quiet: set[_Bridge] = set()
