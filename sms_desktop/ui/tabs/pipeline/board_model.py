"""One board column as a list model of cards; cards are dragged between columns as ids."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from typing_extensions import override

from sms_desktop.domain.pipeline import Attention, NextActivity
from sms_desktop.services.pipeline import Card
from sms_desktop.ui.i18n import translate

MIME_TYPE = "application/x-sms-desktop-opportunity"
_Index = QModelIndex | QPersistentModelIndex


def next_activity_text(state: NextActivity) -> str:
    """What the card's coloured dot means, in words (for the tooltip)."""
    return {
        NextActivity.OVERDUE: translate("Board", "Next activity overdue"),
        NextActivity.TODAY: translate("Board", "Next activity today"),
        NextActivity.PLANNED: translate("Board", "Next activity planned"),
        NextActivity.NONE: translate("Board", "No activity planned"),
    }[state]


class CardRole(IntEnum):
    CARD = Qt.ItemDataRole.UserRole + 1
    ID = Qt.ItemDataRole.UserRole + 2


def card_ids(mime: QMimeData) -> list[int]:
    """The opportunity ids a drag carries (empty for anything else)."""
    if not mime.hasFormat(MIME_TYPE):
        return []
    try:
        value = json.loads(bytes(mime.data(MIME_TYPE).data()).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return []
    return [int(v) for v in value if isinstance(v, int)] if isinstance(value, list) else []


def _order(card: Card) -> tuple[bool, date, Decimal, int]:
    """The order of cards within a column (as the service sorts them)."""
    return (card.expected_close is None, card.expected_close or date.max, -card.amount, card.id)


class StageColumnModel(QAbstractListModel):
    """The cards of one stage. A drop does not move rows here: it asks for the move, and the
    board then shows the card and the totals the service returned with it.

    Signals:
        card_dropped(int, int): opportunity id, the stage id of this column.
    """

    card_dropped = Signal(int, int)

    def __init__(self, stage_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stage_id = stage_id
        self._cards: list[Card] = []

    def set_cards(self, cards: Sequence[Card]) -> None:
        self.beginResetModel()
        self._cards = list(cards)
        self.endResetModel()

    def card(self, row: int) -> Card:
        return self._cards[row]

    def cards(self) -> list[Card]:
        return list(self._cards)

    def remove_card(self, opportunity_id: int) -> None:
        row = self.row_of(opportunity_id)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._cards[row]
            self.endRemoveRows()

    def insert_card(self, card: Card) -> None:
        """Insert where the board's order puts it: by expected close, then larger first."""
        key = _order(card)
        row = next((i for i, c in enumerate(self._cards) if _order(c) > key), len(self._cards))
        self.beginInsertRows(QModelIndex(), row, row)
        self._cards.insert(row, card)
        self.endInsertRows()

    def row_of(self, opportunity_id: int) -> int | None:
        return next((i for i, c in enumerate(self._cards) if c.id == opportunity_id), None)

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._cards)

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._cards):
            return None
        card = self._cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card.title
        if role == Qt.ItemDataRole.ToolTipRole:
            from sms_desktop.ui.tabs.pipeline.card_delegate import probability_label

            lines = [
                card.title,
                card.customer,
                probability_label(card),
                next_activity_text(card.next_activity),
            ]
            if card.attention is Attention.STALE:
                lines.append(
                    translate("Board", "Stale: {days} days in this stage").format(
                        days=card.stage_age_days
                    )
                )
            return "\n".join(lines)
        if role == CardRole.CARD:
            return card
        if role == CardRole.ID:
            return card.id
        return None

    @override
    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return (
            base
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
        )

    @override
    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    @override
    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        ids = sorted({self._cards[i.row()].id for i in indexes if i.isValid()})
        mime.setData(MIME_TYPE, json.dumps(ids).encode("utf-8"))
        return mime

    @override
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    @override
    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    @override
    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        ids = card_ids(data)
        return bool(ids) and any(self.row_of(i) is None for i in ids)

    @override
    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        ids = [i for i in card_ids(data) if self.row_of(i) is None]
        for opportunity_id in ids:
            self.card_dropped.emit(opportunity_id, self.stage_id)
        # False: the source view must not remove rows; the board shows the service's move.
        return False
