"""Every menu command: one ``ActionId`` and one factory each (labels, shortcuts, icons)."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QIcon, QKeySequence, QUndoStack

from sms_desktop.ui.i18n import translate


class ActionId(StrEnum):
    NEW_DATABASE = "new_database"
    OPEN_DATABASE = "open_database"
    BACKUP = "backup"
    RESTORE = "restore"
    SETTINGS = "settings"
    QUIT = "quit"
    UNDO = "undo"
    REDO = "redo"
    TRASH = "trash"
    FULL_SCREEN = "full_screen"
    OPEN_DATA_FOLDER = "open_data_folder"
    ABOUT = "about"
    USER_GUIDE = "user_guide"
    EXPORT_SUMMARY_WORKBOOK = "export_summary_workbook"
    EXPORT_MANAGEMENT_REPORT = "export_management_report"
    PRODUCTS = "products"
    HISTORY = "history"
    FIND = "find"
    IMPORT = "import"
    IMPORT_HISTORY = "import_history"
    EXPORT_CUSTOMERS = "export_customers"
    EXPORT_CONTACTS = "export_contacts"
    EXPORT_PRODUCTS = "export_products"


_Factory = Callable[[QObject], QAction]
_FACTORIES: dict[ActionId, _Factory] = {}


def _register(action_id: ActionId) -> Callable[[_Factory], _Factory]:
    def decorate(factory: _Factory) -> _Factory:
        _FACTORIES[action_id] = factory
        return factory

    return decorate


def _simple(
    parent: QObject,
    text: str,
    *,
    icon: str | None = None,
    shortcut: QKeySequence.StandardKey | str | None = None,
    tip: str | None = None,
) -> QAction:
    action = QAction(QIcon.fromTheme(icon) if icon else QIcon(), text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
    return action


@_register(ActionId.NEW_DATABASE)
def _new_database(parent: QObject) -> QAction:
    return _simple(
        parent,
        translate("Actions", "&New Database…"),
        icon="document-new",
        tip=translate("Actions", "Create a new, empty database file"),
    )


@_register(ActionId.OPEN_DATABASE)
def _open_database(parent: QObject) -> QAction:
    return _simple(
        parent,
        translate("Actions", "&Open Database…"),
        icon="document-open",
        shortcut=QKeySequence.StandardKey.Open,
        tip=translate("Actions", "Open another database file"),
    )


@_register(ActionId.BACKUP)
def _backup(parent: QObject) -> QAction:
    return _simple(
        parent,
        translate("Actions", "&Back Up Now"),
        icon="document-save",
        tip=translate("Actions", "Write a checked backup copy of the database"),
    )


@_register(ActionId.RESTORE)
def _restore(parent: QObject) -> QAction:
    return _simple(
        parent,
        translate("Actions", "&Restore from Backup…"),
        icon="document-revert",
        tip=translate("Actions", "Replace the database with a backup (the current file is kept)"),
    )


@_register(ActionId.SETTINGS)
def _settings(parent: QObject) -> QAction:
    action = _simple(
        parent,
        translate("Actions", "&Settings…"),
        icon="preferences-system",
        shortcut=QKeySequence.StandardKey.Preferences,
    )
    if action.shortcut().isEmpty():  # no platform standard on some desktops
        action.setShortcut(QKeySequence("Ctrl+,"))
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    return action


@_register(ActionId.QUIT)
def _quit(parent: QObject) -> QAction:
    action = _simple(
        parent,
        translate("Actions", "&Quit"),
        icon="application-exit",
        shortcut=QKeySequence.StandardKey.Quit,
    )
    if action.shortcut().isEmpty():
        action.setShortcut(QKeySequence("Ctrl+Q"))
    action.setMenuRole(QAction.MenuRole.QuitRole)
    return action


@_register(ActionId.PRODUCTS)
def _products(parent: QObject) -> QAction:
    return _simple(
        parent,
        translate("Actions", "&Products…"),
        tip=translate("Actions", "The product catalogue: codes, prices, costs and tax rates"),
    )


@_register(ActionId.IMPORT)
def _import(parent: QObject) -> QAction:
    return _simple(
        parent,
        translate("Actions", "&Import…"),
        shortcut="Ctrl+I",
        tip=translate(
            "Actions", "Bring in customers, contacts, products or history from Excel or CSV"
        ),
    )


@_register(ActionId.IMPORT_HISTORY)
def _import_history(parent: QObject) -> QAction:
    return _simple(
        parent,
        translate("Actions", "Import &History…"),
        tip=translate("Actions", "Every import, and reverting one"),
    )


@_register(ActionId.EXPORT_CUSTOMERS)
def _export_customers(parent: QObject) -> QAction:
    return _simple(
        parent,
        translate("Actions", "&Customers, All Fields…"),
        tip=translate(
            "Actions",
            "Every customer with every field and its first contact, with an id column: "
            "to send on, or to edit in Excel and import back",
        ),
    )


@_register(ActionId.EXPORT_CONTACTS)
def _export_contacts(parent: QObject) -> QAction:
    return _simple(
        parent,
        translate("Actions", "C&ontacts…"),
        tip=translate("Actions", "Every contact, one row each (or vCard for phones and Outlook)"),
    )


@_register(ActionId.EXPORT_PRODUCTS)
def _export_products(parent: QObject) -> QAction:
    return _simple(
        parent,
        translate("Actions", "&Products, All Fields…"),
        tip=translate("Actions", "The catalogue with an id column, to edit and import back"),
    )


@_register(ActionId.FIND)
def _find(parent: QObject) -> QAction:
    return _simple(
        parent,
        translate("Actions", "&Find"),
        shortcut=QKeySequence.StandardKey.Find,
        tip=translate("Actions", "Go to the search box of this tab"),
    )


@_register(ActionId.HISTORY)
def _history(parent: QObject) -> QAction:
    return _simple(
        parent,
        translate("Actions", "&History…"),
        tip=translate("Actions", "Who changed what, and when: every record's changes"),
    )


@_register(ActionId.TRASH)
def _trash(parent: QObject) -> QAction:
    return _simple(
        parent,
        translate("Actions", "&Trash…"),
        icon="user-trash",
        tip=translate("Actions", "Deleted items, ready to be restored"),
    )


@_register(ActionId.FULL_SCREEN)
def _full_screen(parent: QObject) -> QAction:
    action = _simple(
        parent,
        translate("Actions", "&Full Screen"),
        icon="view-fullscreen",
        shortcut=QKeySequence.StandardKey.FullScreen,
    )
    action.setCheckable(True)
    return action


@_register(ActionId.OPEN_DATA_FOLDER)
def _open_data_folder(parent: QObject) -> QAction:
    return _simple(
        parent,
        translate("Actions", "Open &Data Folder"),
        icon="folder-open",
        tip=translate("Actions", "Show the folder with the database and its backups"),
    )


@_register(ActionId.USER_GUIDE)
def _user_guide(parent: QObject) -> QAction:
    return _simple(
        parent,
        translate("Actions", "&User Guide"),
        icon="help-contents",
        shortcut=QKeySequence.StandardKey.HelpContents,
        tip=translate("Actions", "How to use SMS Desktop, tab by tab"),
    )


@_register(ActionId.ABOUT)
def _about(parent: QObject) -> QAction:
    action = _simple(parent, translate("Actions", "&About SMS Desktop"), icon="help-about")
    action.setMenuRole(QAction.MenuRole.AboutRole)
    return action


@_register(ActionId.EXPORT_SUMMARY_WORKBOOK)
def _export_summary_workbook(parent: QObject) -> QAction:
    return _simple(
        parent,
        translate("Actions", "&Summary Workbook…"),
        icon="x-office-spreadsheet",
        tip=translate("Actions", "KPIs, monthly sales, customers, products, pipeline and targets"),
    )


@_register(ActionId.EXPORT_MANAGEMENT_REPORT)
def _export_management_report(parent: QObject) -> QAction:
    return _simple(
        parent,
        translate("Actions", "&Management Report (PDF)…"),
        icon="x-office-document",
        tip=translate("Actions", "A few pages with the KPIs, the charts and the top tables"),
    )


def create_action(action_id: ActionId, parent: QObject) -> QAction:
    action = _FACTORIES[action_id](parent)
    action.setObjectName(f"action_{action_id.value}")
    return action


def create_undo_actions(stack: QUndoStack, parent: QObject) -> tuple[QAction, QAction]:
    undo = stack.createUndoAction(parent, translate("Actions", "&Undo"))
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    undo.setIcon(QIcon.fromTheme("edit-undo"))
    undo.setObjectName(f"action_{ActionId.UNDO.value}")
    redo = stack.createRedoAction(parent, translate("Actions", "&Redo"))
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    redo.setIcon(QIcon.fromTheme("edit-redo"))
    redo.setObjectName(f"action_{ActionId.REDO.value}")
    return undo, redo
