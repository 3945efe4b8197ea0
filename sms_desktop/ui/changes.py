"""The change bus: the database's committed changes, delivered in the GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

if TYPE_CHECKING:  # SQLAlchemy is imported only after the window shows
    from sms_desktop.persistence.changes import ChangeFeed, Changes


class ChangeBus(QObject):
    """Collects what commits changed (in any thread) and tells the GUI once per turn of the
    event loop, so a burst of writes (an undo of several steps, an import) is one refresh.

    Signals:
        changed(Changes): what the commits since the last delivery changed.
    """

    changed = Signal(object)
    _arrived = Signal(object)  # emitted in the committing thread, received in the GUI's

    def __init__(self, feed: ChangeFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: Changes | None = None
        self._arrived.connect(self._on_arrived, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = feed.subscribe(self._arrived.emit)

    def close(self) -> None:
        """Stop listening (the database is being closed or replaced)."""
        self._unsubscribe()

    def _on_arrived(self, changes: Changes) -> None:
        if self._pending is None:
            self._pending = changes
            QTimer.singleShot(0, self, self._deliver)
        else:
            self._pending = self._pending.merged(changes)

    def _deliver(self) -> None:
        changes, self._pending = self._pending, None
        if changes is not None:
            self.changed.emit(changes)
