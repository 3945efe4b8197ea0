"""A document's lines (a quote's or an order's): an editable table model over ``LineData``
values.

The model holds what the user typed; the editor recomputes every amount with the domain's
``compute`` after each change (:meth:`DocumentLinesModel.set_results`), so the amounts shown
are exactly those the service will store and the PDF will print.

Signals:
    lines_changed(): the user changed a line, added, removed or moved one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont
from typing_extensions import override

from sms_desktop.domain.enums import DocumentLanguage, QuoteLineKind, TaxMode
from sms_desktop.domain.money import parse_money
from sms_desktop.domain.pricing import PriceResult, format_number
from sms_desktop.domain.print_language import printed_description
from sms_desktop.domain.quotes import NO_AMOUNTS, LineAmounts
from sms_desktop.services.quotes import LineData
from sms_desktop.ui.formatting import format_decimal, format_money
from sms_desktop.ui.i18n import translate
from sms_desktop.ui.palette import Colour, qcolor

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LOW_MARGIN = qcolor(Colour.ERROR)

DESCRIPTION, QUANTITY, UNIT, PRICE, DISCOUNT, TAX, AMOUNT, RULE = range(8)

# (product_id, quantity) -> the rule's price, or None for an unknown product
Pricer = Callable[[int, Decimal], PriceResult | None]


def _headers() -> list[str]:
    return [
        translate("QuoteLines", "Item"),
        translate("QuoteLines", "Qty"),
        translate("QuoteLines", "Unit"),
        translate("QuoteLines", "Unit price"),
        translate("QuoteLines", "Disc. %"),
        translate("QuoteLines", "Tax %"),
        translate("QuoteLines", "Amount"),
        translate("QuoteLines", "Price from"),
    ]


def _parse_decimal(text: str, places: int) -> Decimal | None:
    cleaned = text.strip().replace(",", "").replace("%", "").replace("，", "")
    if not cleaned:
        return Decimal(0)
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not value.is_finite() or value < 0 or value != value.quantize(Decimal(1).scaleb(-places)):
        return None
    return value


def rule_text(line: LineData) -> str:
    """Where the price came from: the rule, the list price, or a manual price."""
    if line.kind is not QuoteLineKind.ITEM:
        return ""
    if line.manual_price:
        manual = translate("QuoteLines", "manual price")
        return f"{manual} ({line.price_rule_note})" if line.price_rule_note else manual
    if line.price_rule_note:
        return line.price_rule_note
    if line.product_id is not None:
        return translate("QuoteLines", "list price")
    return ""


class DocumentLinesModel(QAbstractTableModel):
    lines_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines: list[LineData] = []
        self.amounts: list[LineAmounts] = []
        self.low_lines: frozenset[int] = frozenset()
        self.tax_mode = TaxMode.EXCLUSIVE
        self.currency = "CNY"
        self.editable = True
        self.pricer: Pricer | None = None
        self._headers = _headers()

    # ------------------------------------------------------------- contents

    def set_lines(self, lines: Sequence[LineData]) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.amounts = [NO_AMOUNTS] * len(self.lines)
        self.low_lines = frozenset()
        self.endResetModel()

    def set_results(self, amounts: Sequence[LineAmounts], low_lines: Sequence[int]) -> None:
        """The computed amounts (and low-margin lines): repaints only the rows that changed."""
        before, low_before = self.amounts, self.low_lines
        self.amounts = list(amounts)
        self.low_lines = frozenset(low_lines)
        changed = [
            row
            for row in range(len(self.lines))
            if row >= len(before)
            or before[row] != self.amounts[row]
            or (row in low_before) != (row in self.low_lines)
        ]
        if changed:
            self.dataChanged.emit(
                self.index(changed[0], DESCRIPTION),
                self.index(changed[-1], RULE),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole],
            )

    def insert_line(self, row: int, line: LineData) -> int:
        row = max(0, min(row, len(self.lines)))
        self.beginInsertRows(QModelIndex(), row, row)
        self.lines.insert(row, line)
        self.amounts.insert(row, NO_AMOUNTS)
        self.endInsertRows()
        self.lines_changed.emit()
        return row

    def remove_line(self, row: int) -> None:
        if not 0 <= row < len(self.lines):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.lines[row]
        del self.amounts[row]
        self.endRemoveRows()
        self.lines_changed.emit()

    def move_line(self, row: int, delta: int) -> int:
        target = row + delta
        if not (0 <= row < len(self.lines) and 0 <= target < len(self.lines)):
            return row
        destination = target + 1 if delta > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self.lines.insert(target, self.lines.pop(row))
        self.amounts.insert(target, self.amounts.pop(row))
        self.endMoveRows()
        self.lines_changed.emit()
        return target

    def relabel(self, language: DocumentLanguage) -> None:
        """Name the lines that still carry their product's name in the print ``language``
        (after the quote's language changed); text the user wrote stays."""
        changed = []
        for row, line in enumerate(self.lines):
            if line.product_names is None:
                continue
            text = printed_description(line.description, *line.product_names, language)
            if text != line.description:
                self.lines[row] = replace(line, description=text)
                changed.append(row)
        if changed:
            self.dataChanged.emit(
                self.index(changed[0], DESCRIPTION), self.index(changed[-1], DESCRIPTION)
            )
            self.lines_changed.emit()

    def reprice(self, on: date) -> None:
        """Apply the price rules again (after the customer or the date changed), except to
        lines whose price the user set."""
        if self.pricer is None:
            return
        changed = False
        for row, line in enumerate(self.lines):
            updated = self._priced(line)
            if updated != line:
                self.lines[row] = updated
                changed = True
        del on
        if changed:
            self.lines_changed.emit()

    def _priced(self, line: LineData) -> LineData:
        if (
            self.pricer is None
            or line.kind is not QuoteLineKind.ITEM
            or line.product_id is None
            or line.manual_price
        ):
            return line
        result = self.pricer(line.product_id, line.quantity)
        if result is None:
            return line
        return replace(
            line,
            unit_price=result.unit_price,
            discount_percent=result.discount_percent,
            price_rule_note=result.note,
        )

    # ---------------------------------------------------------- Qt interface

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.lines)

    @override
    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section in (
                QUANTITY,
                PRICE,
                DISCOUNT,
                TAX,
                AMOUNT,
            ):
                return _RIGHT
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    @override
    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        line = self.lines[index.row()]
        editable_columns = (
            (DESCRIPTION,)
            if line.kind is QuoteLineKind.SECTION
            else (DESCRIPTION, QUANTITY, UNIT, PRICE, DISCOUNT, TAX)
        )
        if self.editable and index.column() in editable_columns:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _text(self, row: int, column: int) -> str:
        line = self.lines[row]
        if line.kind is QuoteLineKind.SECTION:
            return line.description if column == DESCRIPTION else ""
        if column == DESCRIPTION:
            return f"{line.sku}  {line.description}" if line.sku else line.description
        if column == QUANTITY:
            return format_number(line.quantity)
        if column == UNIT:
            return line.unit
        if column == PRICE:
            return format_money(line.unit_price)
        if column == DISCOUNT:
            return format_number(line.discount_percent) if line.discount_percent else ""
        if column == TAX:
            return format_number(line.tax_rate)
        if column == AMOUNT:
            amounts = self.amounts[row] if row < len(self.amounts) else NO_AMOUNTS
            value = amounts.net if self.tax_mode is TaxMode.EXCLUSIVE else amounts.total
            return format_money(value)
        if column == RULE:
            return rule_text(line)
        return ""

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.lines):
            return None
        row, column = index.row(), index.column()
        line = self.lines[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == DESCRIPTION:
                return line.description
            if column in (QUANTITY, PRICE, DISCOUNT, TAX):
                value = {
                    QUANTITY: line.quantity,
                    PRICE: line.unit_price,
                    DISCOUNT: line.discount_percent,
                    TAX: line.tax_rate,
                }[column]
                return format_number(value) if column != PRICE else f"{value:f}"
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            QUANTITY,
            PRICE,
            DISCOUNT,
            TAX,
            AMOUNT,
        ):
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole and line.kind is QuoteLineKind.SECTION:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row in self.low_lines:
            return QBrush(LOW_MARGIN)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row in self.low_lines:
                return translate("QuoteLines", "The margin of this line is under the minimum.")
            if column == RULE:
                return rule_text(line) or None
            if column == AMOUNT and line.kind is QuoteLineKind.ITEM:
                amounts = self.amounts[row] if row < len(self.amounts) else NO_AMOUNTS
                return translate("QuoteLines", "Net {net} + tax {tax} = {total}").format(
                    net=format_decimal(amounts.net),
                    tax=format_decimal(amounts.tax),
                    total=format_decimal(amounts.total),
                )
        return None

    @override
    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.editable:
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        row, column = index.row(), index.column()
        line = self.lines[row]
        text = str(value)
        updated: LineData | None = None
        if column == DESCRIPTION:
            updated = replace(line, description=text.strip())
        elif column == UNIT:
            updated = replace(line, unit=text.strip())
        elif column == QUANTITY:
            quantity = _parse_decimal(text, 3)
            if quantity is not None:
                updated = self._priced(replace(line, quantity=quantity))
        elif column == PRICE:
            try:
                price = parse_money(text) if text.strip() else Decimal(0)
            except ValueError:
                price = None
            if price is not None and price >= 0 and price == price.quantize(Decimal("0.01")):
                updated = replace(line, unit_price=price, manual_price=True)
        elif column == DISCOUNT:
            discount = _parse_decimal(text, 2)
            if discount is not None and discount <= 100:
                updated = replace(line, discount_percent=discount, manual_price=True)
        elif column == TAX:
            rate = _parse_decimal(text, 2)
            if rate is not None and rate < 100:
                updated = replace(line, tax_rate=rate)
        if updated is None:
            return False
        if updated != line:
            self.lines[row] = updated
            self.dataChanged.emit(self.index(row, 0), self.index(row, RULE))
            self.lines_changed.emit()
        return True
