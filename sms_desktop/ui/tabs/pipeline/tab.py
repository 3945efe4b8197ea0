"""销售机会与漏斗: the board by stage, the list of all deals, and the funnel analysis."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.clock import clock
from sms_desktop.domain.enums import StageKind
from sms_desktop.domain.errors import DomainError
from sms_desktop.services.pipeline import MoveResult, PipelineFilter
from sms_desktop.services.registry import Services
from sms_desktop.services.stages import StageRow
from sms_desktop.ui.changes import writes_of
from sms_desktop.ui.dialogs.messages import show_error
from sms_desktop.ui.edit import edit_in_dialog, run_edit
from sms_desktop.ui.i18n import current_language
from sms_desktop.ui.navigation import TaskRequest
from sms_desktop.ui.tabs.base import AreaTab
from sms_desktop.ui.tabs.pipeline import commands
from sms_desktop.ui.tabs.pipeline.board import BoardView
from sms_desktop.ui.tabs.pipeline.deal_list import DealListView
from sms_desktop.ui.tabs.pipeline.funnel_view import FunnelView
from sms_desktop.ui.widgets.dialogs import run_modal
from sms_desktop.ui.widgets.search_field import SearchField

SEARCH_DELAY_MS = 150


def close_period(choice: str, today: date) -> tuple[date | None, date | None]:
    """The expected-close window of a filter choice."""
    if choice == "month":
        start = today.replace(day=1)
        end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return start, end
    if choice == "quarter":
        first_month = 3 * ((today.month - 1) // 3) + 1
        start = today.replace(month=first_month, day=1)
        end = (start + timedelta(days=95)).replace(day=1) - timedelta(days=1)
        return start, end
    if choice == "next90":
        return today, today + timedelta(days=90)
    if choice == "overdue":
        return None, today - timedelta(days=1)
    return None, None


class PipelineTab(AreaTab):
    """Signals:
    status_message(str)
    """

    watches = frozenset(
        {
            "opportunities",
            "opportunity_stage_history",
            "pipeline_stages",
            "lost_reasons",
            "customers",
            "salespeople",
            "activities",
            "quotes",
        }
    )

    def __init__(
        self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._undo = undo_stack
        self._loaded = False
        self._stages: list[StageRow] = []
        # The win model's probabilities (#16), when the user chose them and the model is
        # trained; scored in the background, the board shows the last ones meanwhile.
        self._model: dict[int, int] | None = None
        self._scoring = False

        self.search_edit = SearchField(
            "pipelineSearch", self.tr("Search deal titles and customers…"), SEARCH_DELAY_MS, self
        )
        self.search_edit.search_changed.connect(lambda _t: self.refresh())
        self.owner_combo = QComboBox(self)
        self.owner_combo.setObjectName("pipelineOwnerFilter")
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("pipelinePeriodFilter")
        for text, key in (
            (self.tr("Any close date"), ""),
            (self.tr("Closing this month"), "month"),
            (self.tr("Closing this quarter"), "quarter"),
            (self.tr("Closing in 90 days"), "next90"),
            (self.tr("Close date passed"), "overdue"),
        ):
            self.period_combo.addItem(text, key)
        self.tier_combo = QComboBox(self)
        self.tier_combo.setObjectName("pipelineTierFilter")
        for combo in (self.owner_combo, self.period_combo, self.tier_combo):
            combo.activated.connect(lambda _i: self.refresh())
        new_button = QPushButton(self.tr("New Opportunity"), self)
        new_button.setObjectName("newOpportunityButton")
        new_button.clicked.connect(self.new_opportunity)

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 2)
        for label, widget in (
            (self.tr("Owner"), self.owner_combo),
            (self.tr("Close"), self.period_combo),
            (self.tr("Tier"), self.tier_combo),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        self.model_check = QCheckBox(self.tr("Win model probability"), self)
        self.model_check.setObjectName("pipelineUseModel")
        self.model_check.setToolTip(
            self.tr(
                "Cards and weighted totals use the probability learned from your closed "
                "deals, where no probability was set by hand. Needs 50 closed deals; until "
                "then the stage defaults apply."
            )
        )
        self.model_check.toggled.connect(self._on_model_check_toggled)
        filters.addStretch(1)
        filters.addWidget(self.model_check)
        filters.addWidget(new_button)

        self.board = BoardView(self)
        self.board.card_dropped.connect(self.move_card)
        self.board.card_activated.connect(self.edit_opportunity)
        self.board.card_menu_requested.connect(self._on_board_card_menu_requested)
        self.views = QTabWidget(self)
        self.views.setObjectName("pipelineViews")
        self.views.addTab(self.board, self.tr("Board"))
        self.deal_list = DealListView(services, self)
        self.deal_list.deal_activated.connect(self.edit_opportunity)
        self.deal_list.status_message.connect(self.status_message)
        self.views.addTab(self.deal_list, self.tr("List"))
        self.funnel = FunnelView(services, self)
        self.funnel.status_message.connect(self.status_message)
        self.views.addTab(self.funnel, self.tr("Funnel Analysis"))
        self.views.currentChanged.connect(lambda _i: self._load_current_view())
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.views, 1)

        new_action = QAction(self.tr("New Opportunity"), self)
        new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new_action.triggered.connect(self.new_opportunity)
        self.addAction(new_action)

    # ------------------------------------------------------------------- data

    def show_owner(self, owner_id: int) -> None:
        index = self.owner_combo.findData(owner_id)
        if index >= 0:
            self.owner_combo.setCurrentIndex(index)
            self.refresh()

    def search_box(self) -> SearchField:
        return self.search_edit

    def load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        self._fill_filters()
        self.model_check.blockSignals(True)
        self.model_check.setChecked(self._services.settings.use_model_probability())
        self.model_check.blockSignals(False)
        self.refresh()

    def _fill_filters(self) -> None:
        options = self._services.customers.filter_options(places=False)
        owner = self.owner_combo.currentData()
        self.owner_combo.clear()
        self.owner_combo.addItem(self.tr("Everyone"), None)
        for o in self._services.salespeople.list(active_only=True):
            self.owner_combo.addItem(o.name, o.id)
        self.owner_combo.setCurrentIndex(max(0, self.owner_combo.findData(owner)))
        tier = self.tier_combo.currentData()
        self.tier_combo.clear()
        self.tier_combo.addItem(self.tr("All tiers"), None)
        for t in options.tiers:
            self.tier_combo.addItem(t, t)
        self.tier_combo.setCurrentIndex(max(0, self.tier_combo.findData(tier)))
        self._stages = self._services.stages.stages()

    def current_filter(self, today: date | None = None) -> PipelineFilter:
        close_from, close_to = close_period(
            self.period_combo.currentData() or "", today or clock().today()
        )
        return PipelineFilter(
            owner_id=self.owner_combo.currentData(),
            close_from=close_from,
            close_to=close_to,
            tier=self.tier_combo.currentData(),
            search=self.search_edit.text(),
        )

    def refresh(self) -> None:
        if not self._loaded:
            return
        self.search_edit.cancel_pending()
        self._load_current_view()

    def _load_current_view(self) -> None:
        if not self._loaded:
            return
        widget = self.views.currentWidget()
        try:
            if widget is self.board:
                self.board.show_board(
                    self._services.pipeline.board(self.current_filter(), model=self.model())
                )
                self._score_deals()
            else:
                load = getattr(widget, "load_with", None)
                if callable(load):
                    load(self.current_filter())
        except DomainError as exc:
            show_error(self, exc)

    # ------------------------------------------------------------- win model

    def model(self) -> dict[int, int] | None:
        """The model's probabilities the board uses now (None: stage and hand-set ones)."""
        return self._model if self.model_check.isChecked() else None

    def _on_model_check_toggled(self, checked: bool) -> None:
        run_edit(self, lambda: self._services.settings.set_use_model_probability(checked))
        self._load_current_view()

    def _score_deals(self) -> None:
        """Score the open deals with the win model off the GUI thread (fitting takes a
        while on a large history); the board is shown again when the scores change."""
        if not self.model_check.isChecked() or self._scoring:
            return
        from sms_desktop.ui.background import run_quietly

        self._scoring = True
        win = self._services.win_probability
        today = clock().today()
        run_quietly(
            lambda: win.model_probabilities(as_of=today),
            self._on_deals_scored,
            lambda _exc: setattr(self, "_scoring", False),
        )

    def _on_deals_scored(self, scores: dict[int, int] | None) -> None:
        self._scoring = False
        if scores is None and self.model_check.isChecked():
            self.status_message.emit(
                self.tr("The win model needs 50 closed deals: the stage defaults apply.")
            )
        if scores == self._model:
            return
        self._model = scores
        if self.model_check.isChecked() and self.views.currentWidget() is self.board:
            self.board.show_board(
                self._services.pipeline.board(self.current_filter(), model=self.model())
            )

    # ---------------------------------------------------------------- editing

    def _stage(self, stage_id: int) -> StageRow | None:
        return next((s for s in self._stages if s.id == stage_id), None) or next(
            (s for s in self._services.stages.stages(include_archived=True) if s.id == stage_id),
            None,
        )

    def move_card(self, opportunity_id: int, stage_id: int) -> None:
        """A card was dropped on a stage: ask what is needed, move, make it undoable."""
        from sms_desktop.ui.tabs.pipeline.dialogs import LostReasonDialog

        pipeline = self._services.pipeline
        stage = self._stage(stage_id)
        if stage is None:
            return
        detail = run_edit(self, lambda: pipeline.get(opportunity_id))
        if detail is None:
            return
        reason_id: int | None = None
        note = ""
        if stage.kind is StageKind.LOST:
            dialog = LostReasonDialog(detail.data.title, self._services.stages.lost_reasons(), self)
            if run_modal(dialog) != LostReasonDialog.DialogCode.Accepted:
                return
            reason_id, note = dialog.reason_id, dialog.note
        try:
            # The board shows the move itself (from the service's result): the change bus
            # tells the other tabs only, so a drop never reloads the whole board.
            with writes_of(self):
                result = pipeline.move(
                    opportunity_id,
                    stage_id,
                    lost_reason_id=reason_id,
                    lost_note=note,
                    view=self.current_filter(),
                    model=self.model(),
                )
        except DomainError as exc:
            show_error(self, exc)
            self._load_current_view()
            return
        name = stage.name(current_language())
        self._undo.push(
            commands.MoveOpportunity(
                pipeline,
                result.record,
                detail.data.title,
                name,
                self._load_current_view,
                lost_reason_id=reason_id,
                lost_note=note,
            )
        )
        self._show_move(opportunity_id, result)
        if stage.kind is StageKind.WON:
            self.status_message.emit(
                self.tr("“{title}” won. It now shows in the list view.").format(
                    title=detail.data.title
                )
            )
        elif stage.kind is StageKind.LOST:
            self.status_message.emit(
                self.tr("“{title}” lost. It now shows in the list view.").format(
                    title=detail.data.title
                )
            )

    def _show_move(self, opportunity_id: int, result: MoveResult) -> None:
        """Show the move as the service returned it (the moved card, every column's totals),
        without reloading 15,000 cards."""
        if self.views.currentWidget() is not self.board or not self.board.holds(opportunity_id):
            self._load_current_view()
            return
        self.board.show_move(opportunity_id, result.card, result.totals)

    def _on_board_card_menu_requested(self, opportunity_id: int, where: QPoint) -> None:
        menu = QMenu(self)
        edit = menu.addAction(self.tr("Edit…"))
        edit.triggered.connect(lambda: self.edit_opportunity(opportunity_id))
        menu.addSeparator()
        tasks = menu.addAction(self.tr("Tasks of This Deal"))
        tasks.triggered.connect(lambda: self.request_tasks(opportunity_id, "show"))
        add_task = menu.addAction(self.tr("Add Task…"))
        add_task.triggered.connect(lambda: self.request_tasks(opportunity_id, "add"))
        history = menu.addAction(self.tr("History…"))
        history.triggered.connect(lambda: self.show_history(opportunity_id))
        menu.addSeparator()
        delete = menu.addAction(self.tr("Delete"))
        delete.triggered.connect(lambda: self.delete_opportunity(opportunity_id))
        menu.exec(where)

    def show_history(self, opportunity_id: int) -> None:
        """Who changed what in this deal, and when."""
        from sms_desktop.ui.dialogs.history_dialog import show_history

        detail = run_edit(self, lambda: self._services.pipeline.get(opportunity_id))
        if detail is not None:
            show_history(self, self._services, "opportunity", opportunity_id, detail.data.title)

    def request_tasks(self, opportunity_id: int, action: Literal["show", "add"]) -> None:
        """Ask the Tasks tab to show this deal's tasks, or to add one for it."""
        detail = run_edit(self, lambda: self._services.pipeline.get(opportunity_id))
        if detail is None:
            return
        self.navigation_requested.emit(
            TaskRequest(
                action,
                customer_id=detail.data.customer_id,
                customer_name=detail.customer_name,
                opportunity_id=opportunity_id,
                opportunity_title=detail.data.title,
            )
        )

    def delete_opportunity(self, opportunity_id: int) -> None:
        """Move a deal to the trash (undoable, restorable from Edit ▸ Trash)."""
        pipeline = self._services.pipeline

        def delete() -> str:
            title = pipeline.get(opportunity_id).data.title
            pipeline.delete(opportunity_id)
            return title

        title = run_edit(self, delete)
        if title is None:
            return
        self._undo.push(
            commands.DeleteOpportunity(pipeline, opportunity_id, title, self._load_current_view)
        )
        self.status_message.emit(
            self.tr("Moved to the trash. Undo with Ctrl+Z or restore from Edit ▸ Trash.")
        )

    def new_opportunity(self) -> None:
        from sms_desktop.ui.tabs.pipeline.dialogs import OpportunityDialog

        open_stages = [s for s in self._stages if s.kind is StageKind.OPEN]
        dialog = OpportunityDialog(self._services, open_stages, parent=self)
        opportunity_id = edit_in_dialog(
            self,
            dialog,
            lambda: self._services.pipeline.create(dialog.value()),
            errors=dialog.errors,
        )
        if opportunity_id is None:
            return
        self._undo.push(
            commands.CreateOpportunity(
                self._services.pipeline,
                opportunity_id,
                dialog.value().title,
                self._load_current_view,
            )
        )

    def edit_opportunity(self, opportunity_id: int) -> None:
        from sms_desktop.services.pipeline import DealEdit
        from sms_desktop.ui.tabs.pipeline.dialogs import OpportunityDialog

        pipeline = self._services.pipeline
        detail = run_edit(self, lambda: pipeline.get(opportunity_id))
        if detail is None:
            return
        dialog = OpportunityDialog(
            self._services,
            self._stages,
            detail.data,
            detail.customer_name,
            detail.stage,
            parent=self,
            committed=detail.forecast_commit,
        )

        def edited() -> DealEdit:
            return DealEdit(dialog.value(), dialog.commit_check.isChecked())

        # The fields and the commit flag are saved in one transaction: both or neither.
        before = edit_in_dialog(
            self, dialog, lambda: pipeline.edit(opportunity_id, edited()), errors=dialog.errors
        )
        if before is None:
            return
        self._undo.push(
            commands.UpdateOpportunity(
                pipeline, opportunity_id, before, edited(), self._load_current_view
            )
        )
