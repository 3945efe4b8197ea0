"""The main window: menus from the action registry, the area tabs, status bar, undo stack."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from sms_desktop.ui.actions import ActionId, create_action, create_undo_actions
from sms_desktop.ui.background import wait_until_idle
from sms_desktop.ui.changes import ChangeBus, Delivery
from sms_desktop.ui.navigation import Navigation, RunCommand
from sms_desktop.ui.settings_store import SettingsStore
from sms_desktop.ui.tabs import TabSpec, available_tabs
from sms_desktop.ui.tabs.base import AreaTab

if TYPE_CHECKING:
    from sms_desktop.services.registry import Services


BUILD_OTHER_TABS_MS = 1000
PREFERRED_SIZE = QSize(1280, 820)
WINDOW_FRAME = QSize(16, 48)  # title bar and borders the window manager adds around us


def first_size(available: QSize) -> QSize:
    """The window's size on first start: the preferred size, shrunk to fit the screen's
    available area with its frame (a 1366×768 or 1280×720 laptop shows the status bar and
    the buttons at the bottom without maximising)."""
    room = available - WINDOW_FRAME
    return PREFERRED_SIZE.boundedTo(room.expandedTo(QSize(800, 560)))


class _UnbuiltTab(QWidget):
    """Stands in for a tab until it is first needed; carries the tab's objectName."""

    def __init__(self, spec: TabSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName(spec.object_name)


class MainWindow(QMainWindow):
    """Hosts the tabs of the areas that exist; file commands go to the controller.

    Signals:
        action_triggered(ActionId): a menu command the controller carries out.
        close_requested(): the user closes the window; the controller decides.
    """

    action_triggered = Signal(object)
    close_requested = Signal()

    def __init__(
        self, store: SettingsStore, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._store = store
        self.undo_stack = undo_stack
        self._db_path: Path | None = None
        self._services: Services | None = None
        self._bus: ChangeBus | None = None
        self.allow_close = False
        self.actions_by_id: dict[ActionId, QAction] = {}
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.setCentralWidget(self.tabs)
        self._db_label = QLabel(self)
        self._db_label.setObjectName("databaseLabel")
        self.statusBar().addPermanentWidget(self._db_label)
        self._build_menus()
        self.resize(first_size(self.screen().availableGeometry().size()))
        geometry = store.state("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._update_title()

    # ------------------------------------------------------------------ menus

    def _action(self, action_id: ActionId) -> QAction:
        action = create_action(action_id, self)
        action.triggered.connect(lambda _checked=False, a=action_id: self.action_triggered.emit(a))
        self.actions_by_id[action_id] = action
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        file_menu.addAction(self._action(ActionId.NEW_DATABASE))
        file_menu.addAction(self._action(ActionId.OPEN_DATABASE))
        file_menu.addSeparator()
        file_menu.addAction(self._action(ActionId.BACKUP))
        file_menu.addAction(self._action(ActionId.RESTORE))
        file_menu.addSeparator()
        file_menu.addAction(self._action(ActionId.IMPORT))
        file_menu.addAction(self._action(ActionId.IMPORT_HISTORY))
        export_menu = file_menu.addMenu(self.tr("&Export"))
        export_menu.setObjectName("exportMenu")
        export_menu.addAction(self._action(ActionId.EXPORT_SUMMARY_WORKBOOK))
        export_menu.addAction(self._action(ActionId.EXPORT_MANAGEMENT_REPORT))
        export_menu.addSeparator()
        for action_id in (
            ActionId.EXPORT_CUSTOMERS,
            ActionId.EXPORT_CONTACTS,
            ActionId.EXPORT_PRODUCTS,
        ):
            export_menu.addAction(self._action(action_id))
        file_menu.addSeparator()
        file_menu.addAction(self._action(ActionId.SETTINGS))
        file_menu.addSeparator()
        file_menu.addAction(self._action(ActionId.QUIT))

        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.setObjectName("editMenu")
        undo, redo = create_undo_actions(self.undo_stack, self)
        self.actions_by_id[ActionId.UNDO] = undo
        self.actions_by_id[ActionId.REDO] = redo
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        find = self._action(ActionId.FIND)
        find.triggered.connect(self._find_in_tab)
        edit_menu.addAction(find)
        edit_menu.addAction(self._action(ActionId.HISTORY))
        edit_menu.addAction(self._action(ActionId.TRASH))
        edit_menu.addAction(self._action(ActionId.PRODUCTS))
        self.edit_menu = edit_menu

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.setObjectName("viewMenu")
        self.view_menu = view_menu
        self._tab_actions: list[QAction] = []
        view_menu.addSeparator()
        full_screen = self._action(ActionId.FULL_SCREEN)
        full_screen.toggled.connect(self._on_full_screen_toggled)
        view_menu.addAction(full_screen)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        help_menu.addAction(self._action(ActionId.USER_GUIDE))
        help_menu.addAction(self._action(ActionId.OPEN_DATA_FOLDER))
        help_menu.addSeparator()
        help_menu.addAction(self._action(ActionId.ABOUT))

    def _on_tabs_current_changed(self, index: int) -> None:
        if self._db_path is not None:
            self._load_tab(index)

    def _on_full_screen_toggled(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    # --------------------------------------------------------------- content

    def set_database(self, path: Path | None, services: Services | None) -> None:
        """Show ``services``' data (or nothing while no database is open)."""
        self._db_path = path
        self.undo_stack.clear()
        for action in self._tab_actions:
            self.view_menu.removeAction(action)
        self._tab_actions.clear()
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if widget is not None:
                widget.deleteLater()
        if services is None and self._services is not None:
            # A database about to be closed or replaced: its readers finish first.
            wait_until_idle()
        self._services = services
        if self._bus is not None:
            self._bus.close()
            self._bus.deleteLater()
            self._bus = None
        if services is not None:
            self._bus = ChangeBus(services.db.changes, self)
            self._bus.changed.connect(self._on_bus_changed)
            first = self.view_menu.actions()[0]  # the separator above Full Screen
            for number, spec in enumerate(available_tabs(), start=1):
                index = self.tabs.addTab(_UnbuiltTab(spec, self.tabs), spec.title())
                action = QAction(spec.title(), self)
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
                action.triggered.connect(lambda _c=False, i=index: self.tabs.setCurrentIndex(i))
                self.view_menu.insertAction(first, action)
                self._tab_actions.append(action)
        for action_id in (
            ActionId.BACKUP,
            ActionId.RESTORE,
            ActionId.SETTINGS,
            ActionId.TRASH,
            ActionId.HISTORY,
            ActionId.IMPORT,
            ActionId.IMPORT_HISTORY,
            ActionId.EXPORT_CUSTOMERS,
            ActionId.EXPORT_CONTACTS,
            ActionId.EXPORT_PRODUCTS,
        ):
            self.actions_by_id[action_id].setEnabled(services is not None)
        for action_id in (ActionId.EXPORT_SUMMARY_WORKBOOK, ActionId.EXPORT_MANAGEMENT_REPORT):
            self.actions_by_id[action_id].setEnabled(services is not None)
        self._db_label.setText(self.tr("Database: {name}").format(name=path.name) if path else "")
        self._db_label.setToolTip(str(path) if path else "")
        self._update_title()

    def _build_tab(self, index: int) -> AreaTab | None:
        """The tab at ``index``, built now if it was not yet (tabs are built when first
        needed, so start-up builds only the visible one)."""
        widget = self.tabs.widget(index)
        if isinstance(widget, AreaTab):
            return widget
        if not isinstance(widget, _UnbuiltTab) or self._services is None:
            return None
        spec = widget.spec
        built = spec.create(self._services, self.undo_stack, self.tabs)
        built.setObjectName(spec.object_name)
        built.status_message.connect(self.status_message)
        built.title_changed.connect(lambda text, w=built: self._retitle(w, text))
        built.navigation_requested.connect(self.navigate)
        current = self.tabs.currentIndex()
        text = self.tabs.tabText(index)
        blocked = self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, built, text)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(blocked)
        widget.deleteLater()
        return built

    def _retitle(self, tab: AreaTab, text: str) -> None:
        index = self.tabs.indexOf(tab)
        self.tabs.setTabText(index, text)
        self.tabs.setTabToolTip(index, tab.title_tooltip)

    def load_tabs(self) -> None:
        """Fill the visible tab now; build the others once start-up has settled (their
        background work, e.g. reminders, runs from start even if never shown)."""
        self._load_tab(self.tabs.currentIndex())
        QTimer.singleShot(BUILD_OTHER_TABS_MS, self, self._build_next_tab)

    def _build_next_tab(self) -> None:
        for index in range(self.tabs.count()):
            if isinstance(self.tabs.widget(index), _UnbuiltTab):
                self._build_tab(index)
                QTimer.singleShot(0, self, self._build_next_tab)  # one per turn of the loop
                return

    def _load_tab(self, index: int) -> None:
        tab = self._build_tab(index)
        if tab is not None:
            tab.activate()

    def area_tabs(self) -> list[AreaTab]:
        """The tabs built so far."""
        return [
            w for i in range(self.tabs.count()) if isinstance(w := self.tabs.widget(i), AreaTab)
        ]

    def _on_bus_changed(self, delivery: Delivery) -> None:
        """Tell every built tab what others changed: the visible one re-reads now, the
        others when they are next shown."""
        current = self.tabs.currentWidget()
        for tab in self.area_tabs():
            changes = delivery.for_view(tab)
            if changes is not None:
                tab.changes_arrived(changes, visible=tab is current)

    def refresh_tabs(self) -> None:
        """Re-read every loaded tab (after a restore, a stats refresh…)."""
        current = self.tabs.currentWidget()
        for tab in self.area_tabs():
            tab.changes_arrived(None, visible=tab is current)

    def show_tab(self, name: str) -> bool:
        """Select the tab whose objectName starts with ``name`` (e.g. "customers")."""
        for index in range(self.tabs.count()):
            widget = self.tabs.widget(index)
            if widget is not None and widget.objectName().startswith(name):
                self.tabs.setCurrentIndex(index)
                return True
        return False

    def tab_widget(self, object_name: str) -> AreaTab | None:
        """The tab with this objectName (built if it was not yet)."""
        for index in range(self.tabs.count()):
            widget = self.tabs.widget(index)
            if widget is not None and widget.objectName() == object_name:
                return self._build_tab(index)
        return None

    def _find_in_tab(self) -> None:
        current = self.tabs.currentWidget()
        if isinstance(current, AreaTab):
            current.focus_search()

    def navigate(self, request: Navigation) -> None:
        """Route a tab's request to the tab it is for (built if it was not yet), or run the
        window's command it names."""
        if isinstance(request, RunCommand):
            self.actions_by_id[request.command].trigger()
            return
        tab = self.tab_widget(request.target)
        if tab is None:
            return
        if request.shows_tab:
            self.tabs.setCurrentWidget(tab)
        tab.activate()
        tab.navigate(request)

    def _update_title(self) -> None:
        """The database's file name; Qt adds the application's display name after it."""
        self.setWindowTitle(self._db_path.name if self._db_path is not None else "")
        self.setWindowFilePath(str(self._db_path) if self._db_path else "")

    # ---------------------------------------------------------------- closing

    def save_geometry(self) -> None:
        self._store.save_state("main_window/geometry", self.saveGeometry())
        self._store.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.allow_close:
            self.save_geometry()
            event.accept()
            return
        event.ignore()
        self.close_requested.emit()

    def status_message(self, text: str, timeout_ms: int = 5000) -> None:
        self.statusBar().showMessage(text, timeout_ms)
