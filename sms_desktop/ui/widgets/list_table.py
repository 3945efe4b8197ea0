"""The look of a list's table (whole rows selected one at a time, alternating rows, one line
per row with long texts elided, sorted by its header, a right-click menu) and its commands
(a row of buttons, repeated in that menu)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QMenu,
    QPushButton,
    QTableView,
    QWidget,
)


def list_table(
    parent: QWidget,
    name: str,
    model: QAbstractItemModel,
    *,
    context_menu: Callable[[QPoint], None] | None = None,
) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
    if context_menu is not None:
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(context_menu)
    return table


def command_buttons(
    parent: QWidget,
    layout: QBoxLayout,
    prefix: str,
    commands: Sequence[tuple[str, str, Callable[[], None]]],
) -> dict[str, QPushButton]:
    """A list's row of commands on its selection: (key, text, slot) each a button named
    ``{prefix}_{key}_button``, added to ``layout``; returned by key (the tab enables them)."""
    buttons: dict[str, QPushButton] = {}
    for key, text, slot in commands:
        button = QPushButton(text, parent)
        button.setObjectName(f"{prefix}_{key}_button")
        button.clicked.connect(slot)
        buttons[key] = button
        layout.addWidget(button)
    return buttons


def buttons_menu(parent: QWidget, buttons: dict[str, QPushButton]) -> QMenu:
    """The right-click menu of a list: its command buttons again, enabled as they are; the
    caller adds its own entries after the separator."""
    menu = QMenu(parent)
    for button in buttons.values():
        action = menu.addAction(button.text())
        action.setEnabled(button.isEnabled())
        action.triggered.connect(button.click)
    menu.addSeparator()
    return menu
