"""The board: one list view per open stage, and Won / Lost drop zones on the right."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QListView,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.enums import StageKind
from sms_desktop.services.pipeline import Board, BoardColumn, BoardTotals, Card
from sms_desktop.services.stages import StageRow
from sms_desktop.ui.formatting import format_money
from sms_desktop.ui.i18n import current_language
from sms_desktop.ui.tabs.pipeline.board_model import CardRole, StageColumnModel
from sms_desktop.ui.tabs.pipeline.card_delegate import CardDelegate

# An open stage's column shares the board's width between the stages, within these bounds
# (five stages fit a 1280-pixel laptop screen); past them the board scrolls sideways. Won and
# Lost are stacked in one narrow column on the right, so they cost one column's room, not two.
MIN_COLUMN_WIDTH = 200
MAX_COLUMN_WIDTH = 300
DROP_ZONE_WIDTH = 120


class CardListView(QListView):
    """A column's cards; accepts cards dragged from other columns. A drop zone (won, lost)
    shows its caption while it is empty."""

    def __init__(self, caption: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = caption
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # cards follow the column's width
        # Lay thousands of cards out in batches: the first screenful paints at once.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(200)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setItemDelegate(CardDelegate(self))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if self.caption and (model is None or model.rowCount() == 0):
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                self.viewport().rect().adjusted(8, 8, -8, -8),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.caption,
            )


class StageColumn(QFrame):
    """Header (stage, count, total, weighted) over the list of cards."""

    def __init__(self, stage: StageRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"stageColumn_{stage.key}")
        self.stage = stage
        self.model = StageColumnModel(stage.id, self)
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.totals = QLabel(self)
        self.totals.setStyleSheet("color: palette(dark);")
        self.totals.setWordWrap(True)
        caption = ""
        if stage.kind is StageKind.WON:
            caption = self.tr("Drop a deal here to mark it won")
        elif stage.kind is StageKind.LOST:
            caption = self.tr("Drop a deal here to mark it lost")
        self.view = CardListView(caption, self)
        self.view.setObjectName(f"stageList_{stage.key}")
        self.view.setModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.totals)
        layout.addWidget(self.view, 1)
        self.setFixedWidth(MIN_COLUMN_WIDTH if stage.kind is StageKind.OPEN else DROP_ZONE_WIDTH)
        self.setFrameShape(QFrame.Shape.StyledPanel)

    def show_totals(self, count: int, amount: Decimal, weighted: Decimal) -> None:
        """The header figures, as the service computed them."""
        self.totals.setText(
            self.tr("{count} · {amount} · weighted {weighted}").format(
                count=count, amount=format_money(amount), weighted=format_money(weighted)
            )
        )

    def show_column(self, column: BoardColumn | None) -> None:
        self.title.setText(self.stage.name(current_language()))
        if column is None:  # won / lost: a drop zone without cards
            self.totals.setText(
                self.tr("{probability}% · closed deals leave the board").format(
                    probability=self.stage.default_probability
                )
            )
            self.model.set_cards(())
            return
        self.show_totals(column.count, column.amount, column.weighted)
        self.title.setToolTip(
            self.tr("Default probability {probability}%").format(
                probability=self.stage.default_probability
            )
        )
        self.model.set_cards(column.cards)


class BoardView(QWidget):
    """Signals:
    card_dropped(int, int): an opportunity dropped on a stage (id, stage id).
    card_activated(int): a card double-clicked (opportunity id).
    """

    card_dropped = Signal(int, int)
    card_activated = Signal(int)
    card_menu_requested = Signal(int, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pipelineBoard")
        self.columns: dict[int, StageColumn] = {}
        self._totals = (Decimal("0.00"), Decimal("0.00"), Decimal("0.00"))
        self._row = QHBoxLayout()
        self._row.setSpacing(6)
        # Below the minimum width the columns keep it and the board scrolls sideways.
        self._row.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        holder = QWidget(self)
        holder.setLayout(self._row)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        self._scroll = scroll
        scroll.viewport().installEventFilter(self)  # its width is what the columns share
        # Won and Lost stay in view at the right while the open stages scroll, one above
        # the other: side by side they took the room of a sixth column at 1280 pixels.
        self._zones = QVBoxLayout()
        self._zones.setSpacing(6)
        board_row = QHBoxLayout()
        board_row.addWidget(scroll, 1)
        board_row.addLayout(self._zones)
        self.summary = QLabel(self)
        self.summary.setObjectName("boardSummary")
        font = QFont(self.summary.font())
        font.setBold(True)
        self.summary.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(board_row, 1)

    def _build(self, board: Board) -> None:
        stages = [c.stage for c in board.columns] + [board.won_stage, board.lost_stage]
        if [s.id for s in stages] == list(self.columns) and all(
            self.columns[s.id].stage == s for s in stages
        ):
            return
        for column in self.columns.values():
            column.setParent(None)
            column.deleteLater()
        self.columns.clear()
        while self._row.count():
            self._row.takeAt(0)
        for stage in stages:
            column = StageColumn(stage, self)
            column.model.card_dropped.connect(self.card_dropped, Qt.ConnectionType.QueuedConnection)
            column.view.doubleClicked.connect(self._on_view_double_clicked)
            column.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            column.view.customContextMenuRequested.connect(
                lambda pos, view=column.view: self._on_view_menu(view, pos)
            )
            self.columns[stage.id] = column
            if stage.kind is StageKind.OPEN:
                self._row.addWidget(column)
            else:
                self._zones.addWidget(column)
        self._row.addStretch(1)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Share the visible width between the open stages (within the bounds)."""
        open_columns = [c for c in self.columns.values() if c.stage.kind is StageKind.OPEN]
        if not open_columns:
            return
        margins = self._row.contentsMargins()
        room = (
            self._scroll.viewport().width()
            - margins.left()
            - margins.right()
            - self._row.spacing() * (len(open_columns) - 1)
        )
        width = max(MIN_COLUMN_WIDTH, min(MAX_COLUMN_WIDTH, room // len(open_columns)))
        for column in open_columns:
            if column.width() != width:
                column.setFixedWidth(width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._scroll.viewport():
            self._fit_columns()
        return super().eventFilter(watched, event)

    def show_board(self, board: Board) -> None:
        self._build(board)
        by_stage = {c.stage.id: c for c in board.columns}
        for stage_id, column in self.columns.items():
            column.show_column(by_stage.get(stage_id))
        self._totals = (board.open_total, board.weighted_total, board.closing_this_month)
        self._show_summary()

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        opportunity_id = index.data(CardRole.ID)
        if isinstance(opportunity_id, int):
            self.card_activated.emit(opportunity_id)

    def _on_view_menu(self, view: CardListView, pos: QPoint) -> None:
        opportunity_id = view.indexAt(pos).data(CardRole.ID)
        if isinstance(opportunity_id, int):
            self.card_menu_requested.emit(opportunity_id, view.viewport().mapToGlobal(pos))

    def holds(self, opportunity_id: int) -> bool:
        """Whether one of the columns shows this deal's card."""
        return any(c.model.row_of(opportunity_id) is not None for c in self.columns.values())

    def show_move(self, opportunity_id: int, card: Card | None, totals: BoardTotals) -> None:
        """Show a move the service made without reloading the board: take the deal's card out
        of its column, put ``card`` (the service's, None when it left the board) into its new
        one, and show the service's totals in every header and the summary."""
        for column in self.columns.values():
            column.model.remove_card(opportunity_id)
        if card is not None and card.stage_id in self.columns:
            self.columns[card.stage_id].model.insert_card(card)
        for figures in totals.columns:
            header = self.columns.get(figures.stage_id)
            if header is not None:
                header.show_totals(figures.count, figures.amount, figures.weighted)
        self._totals = (totals.open_total, totals.weighted_total, totals.closing_this_month)
        self._show_summary()

    def _show_summary(self) -> None:
        total, weighted, month = self._totals
        self.summary.setText(
            self.tr(
                "Open: {total}   Weighted: {weighted}   Expected to close this month: {month}"
            ).format(
                total=format_money(total),
                weighted=format_money(weighted),
                month=format_money(month),
            )
        )

    def column_of_stage(self, stage_id: int) -> StageColumn:
        return self.columns[stage_id]
