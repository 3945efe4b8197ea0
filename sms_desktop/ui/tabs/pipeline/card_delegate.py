"""Paints opportunity cards (no widget per card, so thousands of cards stay smooth)."""

from __future__ import annotations

from PySide6.QtCore import (
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from sms_desktop.domain.pipeline import Attention, NextActivity
from sms_desktop.services.pipeline import Card
from sms_desktop.ui.formatting import format_date, format_money
from sms_desktop.ui.i18n import translate
from sms_desktop.ui.palette import Colour, qcolor
from sms_desktop.ui.tabs.pipeline.board_model import CardRole

_Index = QModelIndex | QPersistentModelIndex
DOT_COLOURS = {
    NextActivity.OVERDUE: qcolor(Colour.OVERDUE),
    NextActivity.TODAY: qcolor(Colour.SUCCESS),
    NextActivity.PLANNED: qcolor(Colour.NEUTRAL),
    NextActivity.NONE: qcolor(Colour.ATTENTION),
}
_STALE = qcolor(Colour.ATTENTION)
_NO_NEXT_STEP = qcolor(Colour.NEUTRAL)


def _badge_text(attention: Attention) -> str:
    if attention is Attention.STALE:
        return translate("Board", "stale")
    if attention is Attention.NO_NEXT_STEP:
        return translate("Board", "no next step")
    return ""


_MARGIN = 4
_PAD = 8
_GAP = 8  # between the amount and the close date


class CardDelegate(QStyledItemDelegate):
    """Title, customer, amount, expected close and owner; a dot for the next activity, an
    amber edge and a 'stale' badge for a deal past its stage's limit, a grey 'no next step'
    badge for one with nothing planned."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        line = QFontMetrics(option.font).height()
        # The width is a minimum: the list gives each card its column's width.
        return QSize(160, 3 * line + 2 * _PAD + 2 * _MARGIN + 6)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        card = index.data(CardRole.CARD)
        if not isinstance(card, Card):
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect.adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN))
        path = QPainterPath()
        path.addRoundedRect(rect, 6, 6)
        stale = card.attention is Attention.STALE
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.fillPath(
            path, palette.highlight().color().lighter(185) if selected else palette.base().color()
        )
        painter.setPen(QPen(_STALE, 2) if stale else QPen(palette.mid().color(), 1))
        painter.drawPath(path)

        inner = option.rect.adjusted(
            _MARGIN + _PAD, _MARGIN + _PAD - 2, -_MARGIN - _PAD, -_MARGIN - _PAD
        )
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        bold = QFont(option.font)
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)

        # Row 1: the activity dot and the title (elided), the stale badge on the right.
        dot = DOT_COLOURS[card.next_activity]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(dot)
        painter.drawEllipse(QRectF(inner.left(), inner.top() + line / 2 - 4, 8, 8))
        badge = _badge_text(card.attention)
        badge_width = metrics.horizontalAdvance(badge) + 10 if badge else 0
        painter.setFont(bold)
        painter.setPen(palette.text().color())
        title_rect = QRect(inner.left() + 14, inner.top(), inner.width() - 14 - badge_width, line)
        painter.drawText(
            title_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            bold_metrics.elidedText(card.title, Qt.TextElideMode.ElideRight, title_rect.width()),
        )
        if badge:
            painter.setFont(option.font)
            badge_rect = QRect(
                inner.right() - badge_width + 4, inner.top() + 1, badge_width - 4, line - 2
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_STALE if stale else _NO_NEXT_STEP)
            painter.drawRoundedRect(badge_rect, 4, 4)
            painter.setPen(QColor("white"))
            painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)

        # Row 2: customer, owner on the right; row 3: amount, expected close on the right.
        painter.setFont(option.font)
        owner = card.owner or ""
        owner_width = metrics.horizontalAdvance(owner) + 8 if owner else 0
        second = QRect(inner.left(), inner.top() + line + 2, inner.width(), line)
        painter.setPen(palette.text().color())
        painter.drawText(
            second.adjusted(0, 0, -owner_width, 0),
            Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(
                card.customer, Qt.TextElideMode.ElideRight, second.width() - owner_width
            ),
        )
        muted = palette.placeholderText().color()
        painter.setPen(muted)
        painter.drawText(second, Qt.AlignmentFlag.AlignRight, owner)
        amount = format_money(card.amount, card.currency)
        third = QRect(inner.left(), inner.top() + 2 * line + 4, inner.width(), line)
        painter.setFont(bold)
        painter.setPen(palette.text().color())
        painter.drawText(third, Qt.AlignmentFlag.AlignLeft, amount)
        painter.setFont(option.font)
        painter.setPen(muted)
        close = shown_close(card, option.font, option.rect.width())
        painter.drawText(third, Qt.AlignmentFlag.AlignRight, close)
        # The probability that applies, labelled with where it comes from, where it fits.
        chance = probability_label(card)
        room = (
            third.width()
            - bold_metrics.horizontalAdvance(amount)
            - metrics.horizontalAdvance(close)
        )
        if metrics.horizontalAdvance(chance) + 16 <= room:
            painter.drawText(
                third.adjusted(0, 0, -metrics.horizontalAdvance(close) - 8, 0),
                Qt.AlignmentFlag.AlignRight,
                chance,
            )
        painter.restore()


def shown_close(card: Card, font: QFont, width: int) -> str:
    """The close date a card ``width`` pixels wide shows beside its amount (see
    :func:`close_label`)."""
    bold = QFont(font)
    bold.setBold(True)
    amount = format_money(card.amount, card.currency)
    inner = width - 2 * (_MARGIN + _PAD)
    room = inner - QFontMetrics(bold).horizontalAdvance(amount) - _GAP
    return close_label(card, QFontMetrics(font), room)


def close_label(card: Card, metrics: QFontMetrics, room: int) -> str:
    """The expected close date in the room beside the amount: the long form, else the
    locale's short one ("11/23/26"), else nothing (the tooltip still has it); never drawn
    over the amount."""
    if card.expected_close is None:
        return ""
    day = card.expected_close
    short = QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)
    for text in (format_date(day), short):
        if metrics.horizontalAdvance(text) <= room:
            return text
    return ""


def probability_label(card: Card) -> str:
    """ "60% stage", "75% by hand" or "68% model": the deal's probability and where it
    comes from."""
    if card.probability_overridden:
        source = translate("Board", "by hand")
    elif card.from_model:
        source = translate("Board", "model")
    else:
        source = translate("Board", "stage")
    return f"{card.probability}% {source}"
