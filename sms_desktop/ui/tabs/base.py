"""The tab contract: what the main window knows of an area's tab, and nothing more."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from sms_desktop.ui.navigation import Navigation, ShowArea

if TYPE_CHECKING:  # SQLAlchemy is imported only after the window shows
    from sms_desktop.persistence.changes import Changes


class AreaTab(QWidget):
    """One area of the main window (customers, pipeline …).

    The window calls :meth:`activate` when the tab is shown, hands it every committed change
    (:meth:`changes_arrived`) and routes navigation requests to it (:meth:`navigate`). A tab
    asks for another tab only through ``navigation_requested``; it never touches another
    tab's widgets.

    Signals:
        status_message(str): a line for the window's status bar.
        title_changed(str): the tab's title (e.g. with a count).
        navigation_requested(Navigation): show another area, a customer, tasks …
    """

    status_message = Signal(str)
    title_changed = Signal(str)
    navigation_requested = Signal(object)

    # The tables whose changes this tab shows: a commit that wrote one of them re-reads it.
    watches: ClassVar[frozenset[str]] = frozenset()
    title_tooltip = ""  # what the title's count is made of
    loading = False  # still reading in the background (screenshots wait for it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded = False  # set by load()
        self._stale = False

    def search_box(self) -> QLineEdit | None:
        """The tab's search field, if it has one (Edit ▸ Find, Ctrl+F, focuses it)."""
        return None

    def focus_search(self) -> None:
        box = self.search_box()
        if box is not None:
            box.setFocus(Qt.FocusReason.ShortcutFocusReason)
            box.selectAll()

    def load(self) -> None:
        """Fill the tab the first time it is shown (later calls do nothing)."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Re-read what the tab shows."""
        raise NotImplementedError

    def activate(self) -> None:
        """The tab is being shown: fill it, or re-read it if data changed while hidden."""
        stale, self._stale = self._stale, False
        if self.is_loaded() and stale:
            self.refresh()
        else:
            self.load()

    def is_loaded(self) -> bool:
        return self._loaded

    def changes_arrived(self, changes: Changes | None, *, visible: bool) -> None:
        """Data changed (``None``: anything may have, e.g. after a restore). A visible tab
        re-reads now; a hidden one when it is next shown."""
        if changes is not None and not changes.touches(self.watches):
            return
        if not self.is_loaded():
            return
        if visible:
            self.refresh()
        else:
            self._stale = True

    def navigate(self, request: Navigation) -> None:
        """Carry out a request another tab (or the window) made of this one."""
        if isinstance(request, ShowArea) and request.owner_id is not None:
            self.show_owner(request.owner_id)

    def show_owner(self, owner_id: int) -> None:
        """Filter by this salesperson, where the tab has an owner filter."""
