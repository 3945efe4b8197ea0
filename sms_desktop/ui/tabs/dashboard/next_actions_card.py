"""The Dashboard's card of today's suggestions (今日建议): the top next-best actions, with the
Key Accounts tab's one way to act on them (open the customer, add a task)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.services.next_actions import NextAction
from sms_desktop.ui.palette import MUTED_STYLE
from sms_desktop.ui.tabs.accounts.acting import How, act_on
from sms_desktop.ui.tabs.accounts.models import AccountsRole, ActionsModel

SHOWN = 5


class NextActionsCard(QFrame):
    """Signals: requested(Navigation): open a customer or add a task (the window routes it)."""

    requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nextActionsCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(self.tr("Today's suggestions"), self)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.empty_label = QLabel(self.tr("Nothing to suggest today."), self)
        self.empty_label.setStyleSheet(MUTED_STYLE)
        self.model = ActionsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("dashboardActions")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setColumnHidden(0, True)  # the priority: the order says it
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows = self.table.fontMetrics().height() + 8
        self.table.verticalHeader().setDefaultSectionSize(rows)
        self.table.setFixedHeight(rows * SHOWN + header.sizeHint().height() + 4)
        self.table.doubleClicked.connect(lambda _i: self.act("open"))
        self.open_button = QPushButton(self.tr("Open Customer"), self)
        self.open_button.setObjectName("dashboardActionOpen")
        self.open_button.clicked.connect(self._on_open)
        self.task_button = QPushButton(self.tr("Create Task…"), self)
        self.task_button.setObjectName("dashboardActionTask")
        self.task_button.clicked.connect(self._on_task)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.open_button)
        top.addWidget(self.task_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.empty_label)
        self.set_actions([])

    def set_actions(self, actions: Sequence[NextAction]) -> None:
        self.model.set_rows(list(actions[:SHOWN]))
        has = self.model.rowCount() > 0
        self.table.setVisible(has)
        self.empty_label.setVisible(not has)
        self.open_button.setEnabled(has)
        self.task_button.setEnabled(has)
        if has:
            self.table.selectRow(0)

    def current(self) -> NextAction | None:
        index = self.table.currentIndex()
        action = index.data(AccountsRole.ROW) if index.isValid() else None
        return action if isinstance(action, NextAction) else None

    def _on_open(self) -> None:
        self.act("open")

    def _on_task(self) -> None:
        self.act("task")

    def act(self, how: How) -> None:
        action = self.current()
        if action is not None:
            self.requested.emit(act_on(action, how))
