"""The change bus: the database's committed changes, delivered in the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

if TYPE_CHECKING:  # SQLAlchemy is imported only after the window shows
    from sms_desktop.persistence.changes import ChangeFeed, Changes

_origin = threading.local()  # who is writing on this thread (the GUI thread only sets it)


@contextmanager
def writes_of(origin: QObject) -> Iterator[None]:
    """Commits made inside this block come from ``origin``, which shows them itself (e.g. the
    board after a drop): the bus tells every other view, not this one."""
    previous = getattr(_origin, "value", None)
    _origin.value = origin
    try:
        yield
    finally:
        _origin.value = previous


class Delivery:
    """The changes committed since the last delivery, each with the view that made it."""

    def __init__(self, batch: list[tuple[Changes, QObject | None]]) -> None:
        self._batch = batch

    def for_view(self, view: QObject) -> Changes | None:
        """What changed that ``view`` did not do itself (None: nothing)."""
        merged: Changes | None = None
        for changes, origin in self._batch:
            if origin is not view:
                merged = changes if merged is None else merged.merged(changes)
        return merged


class ChangeBus(QObject):
    """Collects what commits changed (in any thread) and tells the GUI once per turn of the
    event loop, so a burst of writes (an undo of several steps, an import) is one refresh.

    Signals:
        changed(Delivery): what the commits since the last delivery changed.
    """

    changed = Signal(object)
    _arrived = Signal(object, object)  # emitted in the committing thread, received in the GUI's

    def __init__(self, feed: ChangeFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._batch: list[tuple[Changes, QObject | None]] = []
        self._arrived.connect(self._on_arrived, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = feed.subscribe(self._on_feed)

    def close(self) -> None:
        """Stop listening (the database is being closed or replaced)."""
        self._unsubscribe()

    def _on_feed(self, changes: Changes) -> None:
        self._arrived.emit(changes, getattr(_origin, "value", None))

    def _on_arrived(self, changes: Changes, origin: QObject | None) -> None:
        if not self._batch:
            QTimer.singleShot(0, self, self._deliver)
        self._batch.append((changes, origin))

    def _deliver(self) -> None:
        batch, self._batch = self._batch, []
        if batch:
            self.changed.emit(Delivery(batch))
