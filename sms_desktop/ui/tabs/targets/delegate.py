"""A progress bar inside the attainment cell, with the percentage written on it."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem
from typing_extensions import override

from sms_desktop.ui.palette import Colour, qcolor
from sms_desktop.ui.tabs.targets.models import TargetsRole

_LOW = qcolor(Colour.ATTENTION)  # below 80 %
_MID = qcolor(Colour.ACCENT)  # 80–100 %
_DONE = qcolor(Colour.SUCCESS)  # reached


def bar_color(percent: Decimal) -> QColor:
    if percent >= 100:
        return _DONE
    if percent >= 80:
        return _MID
    return _LOW


class AttainmentDelegate(QStyledItemDelegate):
    """Paints the cell's ``TargetsRole.ATTAINMENT`` percent as a filled bar (capped at the
    cell width; over 100 % stays full) behind the text; no target: just the text."""

    @override
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        percent = index.data(TargetsRole.ATTAINMENT)
        if not isinstance(percent, Decimal):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget is not None else None
        painter.save()
        if style is not None:
            text = opt.text
            opt.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
            opt.text = text
        rect: QRect = opt.rect.adjusted(3, 4, -3, -4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(opt.palette.color(QPalette.ColorRole.Midlight))
        painter.drawRoundedRect(rect, 3, 3)
        fraction = max(0.0, min(float(percent) / 100.0, 1.0))  # drawing only, never a figure
        filled = QRect(rect)
        filled.setWidth(round(rect.width() * fraction))
        if filled.width() > 0:
            painter.setBrush(bar_color(percent))
            painter.drawRoundedRect(filled, 3, 3)
        painter.setPen(opt.palette.color(QPalette.ColorRole.Text))
        painter.drawText(rect.adjusted(4, 0, -4, 0), int(opt.displayAlignment), opt.text)
        painter.restore()
