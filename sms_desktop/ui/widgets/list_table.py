"""The look of a list's table: whole rows selected one at a time, alternating rows, one line
per row with long texts elided, sorted by its header, and a right-click menu."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget


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
