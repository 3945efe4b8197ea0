"""The interaction timeline: newest first, with one-click buttons to log a call, visit …"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import (
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.enums import InteractionKind
from sms_desktop.domain.errors import ValidationError
from sms_desktop.services.customers import ContactRow
from sms_desktop.services.interactions import InteractionInput, TimelineEntry
from sms_desktop.ui.formatting import (
    datetime_format,
    format_date,
    format_datetime,
    format_money,
    labelled,
)
from sms_desktop.ui.i18n import current_language, translate
from sms_desktop.ui.widgets.field_errors import FieldErrors


def kind_label(kind: str) -> str:
    labels = {
        "call": translate("Timeline", "Call"),
        "visit": translate("Timeline", "Visit"),
        "wechat": translate("Timeline", "WeChat"),
        "email": translate("Timeline", "Email"),
        "meeting": translate("Timeline", "Meeting"),
        "note": translate("Timeline", "Note"),
        "feedback": translate("Timeline", "Feedback"),
    }
    return labels.get(kind, kind)


def _quote_status(status: str) -> str:
    labels = {
        "sent": translate("Timeline", "sent"),
        "accepted": translate("Timeline", "accepted"),
        "rejected": translate("Timeline", "rejected"),
        "expired": translate("Timeline", "expired"),
    }
    return labels.get(status, status)


def _entry_text(entry: TimelineEntry) -> tuple[str, str]:
    """(headline, detail) of one timeline line, in the interface language."""
    who = f" · {entry.who}" if entry.who else ""
    when = format_datetime(entry.at) if entry.source != "order" else format_date(entry.at.date())
    if entry.source == "interaction":
        stars = ""
        if entry.satisfaction:
            stars = "  " + "★" * entry.satisfaction + "☆" * (5 - entry.satisfaction)
        return f"{labelled(kind_label(entry.kind))}{stars}   {when}{who}", entry.detail
    if entry.source == "task":
        label = translate("Timeline", "Task done")
        return f"{labelled(label)}{entry.title}   {when}{who}", entry.detail
    if entry.source == "quote":
        label = translate("Timeline", "Quote")
        amount = format_money(entry.amount)
        head = (
            f"{labelled(label)}{entry.title} · {amount} ({_quote_status(entry.kind)})   {when}{who}"
        )
        return head, ""
    if entry.source == "order":
        label = translate("Timeline", "Order")
        return f"{labelled(label)}{entry.title} · {format_money(entry.amount)}   {when}{who}", ""
    zh, _, en = entry.detail.partition("|")
    label = translate("Timeline", "Stage")
    move = zh if current_language() == "zh_CN" else en
    return f"{labelled(label)}{entry.title}   {when}{who}", move


class EntryDelegate(QStyledItemDelegate):
    """A history entry: its headline in bold, what was said below it in normal text."""

    _PAD = 6

    def _parts(self, index: QModelIndex | QPersistentModelIndex) -> tuple[str, str]:
        head, _, detail = str(index.data() or "").partition("\n")
        return head, detail

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        _head, detail = self._parts(index)
        width = max(option.rect.width(), 200) - 2 * self._PAD
        metrics = QFontMetrics(option.font)
        height = metrics.height()
        if detail:
            height += (
                metrics.boundingRect(
                    QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, detail
                ).height()
                + 2
            )
        return QSize(width, height + 2 * self._PAD)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        head, detail = self._parts(index)
        painter.save()
        if index.row() % 2:
            painter.fillRect(option.rect, option.palette.alternateBase())
        rect = option.rect.adjusted(self._PAD, self._PAD, -self._PAD, -self._PAD)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        color = index.data(Qt.ItemDataRole.ForegroundRole)
        painter.setPen(color.color() if color is not None else option.palette.text().color())
        line = QFontMetrics(option.font).height()
        painter.drawText(
            QRect(rect.left(), rect.top(), rect.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(bold).elidedText(head, Qt.TextElideMode.ElideRight, rect.width()),
        )
        if detail:
            painter.setFont(option.font)
            painter.setPen(option.palette.text().color())
            painter.drawText(
                rect.adjusted(0, line + 2, 0, 0),
                Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft,
                detail,
            )
        painter.restore()


class InteractionComposer(QFrame):
    """The small form under the kind buttons: summary, contact, satisfaction, save.

    Signals:
        submitted(InteractionInput)
        cancelled()
    """

    submitted = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interactionComposer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.kind = InteractionKind.CALL
        self.errors = FieldErrors(self)
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("interactionSummary")
        self.summary.setFixedHeight(70)
        self.errors.watch("summary", self.summary)
        layout.addWidget(self.summary)
        layout.addWidget(self.errors.form_label)
        row = QHBoxLayout()
        self.contact_combo = QComboBox(self)
        self.contact_combo.setObjectName("interactionContact")
        row.addWidget(QLabel(self.tr("With:"), self))
        row.addWidget(self.contact_combo, 1)
        self.when = QDateTimeEdit(self)
        self.when.setObjectName("interactionWhen")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(datetime_format())
        row.addWidget(self.when)
        self.satisfaction_label = QLabel(self.tr("Satisfaction:"), self)
        self.satisfaction = QComboBox(self)
        self.satisfaction.setObjectName("interactionSatisfaction")
        self.satisfaction.addItem(self.tr("not rated"), None)
        for score in range(5, 0, -1):
            self.satisfaction.addItem("★" * score + "☆" * (5 - score), score)
        row.addWidget(self.satisfaction_label)
        row.addWidget(self.satisfaction)
        layout.addLayout(row)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.clicked.connect(self.cancelled)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("interactionSave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_clicked)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

    def start(self, kind: InteractionKind, contacts: tuple[ContactRow, ...]) -> None:
        self.kind = kind
        self.title.setText(self.tr("Log: {kind}").format(kind=kind_label(kind)))
        self.summary.clear()
        self.errors.clear()
        self.contact_combo.clear()
        self.contact_combo.addItem(self.tr("(nobody in particular)"), None)
        for contact in contacts:
            self.contact_combo.addItem(contact.name, contact.id)
        if contacts:
            self.contact_combo.setCurrentIndex(1)
        now = QDateTime.currentDateTime()
        self.when.setDateTime(now.addSecs(-now.time().second()))
        show_score = kind in (
            InteractionKind.FEEDBACK,
            InteractionKind.VISIT,
            InteractionKind.MEETING,
            InteractionKind.CALL,
        )
        self.satisfaction.setCurrentIndex(0)
        optional = kind in (InteractionKind.CALL, InteractionKind.WECHAT, InteractionKind.EMAIL)
        self.summary.setPlaceholderText(
            self.tr("What was discussed? (optional)")
            if optional
            else self.tr("What was discussed or noted?")
        )
        self.satisfaction_label.setVisible(show_score)
        self.satisfaction.setVisible(show_score)
        self.show()
        self.summary.setFocus()

    def _on_save_clicked(self) -> None:
        occurred = datetime.fromtimestamp(self.when.dateTime().toSecsSinceEpoch(), UTC)
        self.submitted.emit(
            InteractionInput(
                kind=self.kind,
                summary=self.summary.toPlainText(),
                occurred_at=occurred,
                contact_id=self.contact_combo.currentData(),
                satisfaction=self.satisfaction.currentData(),
            )
        )

    def show_errors(self, error: ValidationError) -> None:
        self.errors.show(error)


class TimelineView(QWidget):
    """Kind buttons, the composer, and the history list.

    Signals:
        log_requested(InteractionInput): the user saved a new entry.
    """

    log_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerTimeline")
        self._contacts: tuple[ContactRow, ...] = ()
        layout = QVBoxLayout(self)
        self.composer = InteractionComposer(self)
        self.composer.hide()
        self.composer.cancelled.connect(self.composer.hide)
        self.composer.submitted.connect(self.log_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Log:"), self))
        self.kind_buttons: dict[InteractionKind, QToolButton] = {}
        for kind in InteractionKind:
            button = QToolButton(self)
            button.setObjectName(f"log_{kind.value}")
            button.setText(kind_label(kind))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.clicked.connect(lambda _c=False, k=kind: self.composer.start(k, self._contacts))
            self.kind_buttons[kind] = button
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.composer)
        self.list = QListWidget(self)
        self.list.setObjectName("timelineList")
        self.list.setWordWrap(True)
        self.list.setItemDelegate(EntryDelegate(self.list))
        # Rows change height with the panel's width: recompute them on resize.
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        layout.addWidget(self.list, 1)

    def set_contacts(self, contacts: tuple[ContactRow, ...]) -> None:
        self._contacts = contacts

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        self.list.clear()
        if not entries:
            item = QListWidgetItem(self.tr("No history yet. Log the first call or visit above."))
            item.setForeground(self.palette().placeholderText())
            self.list.addItem(item)
            return
        for entry in entries:
            head, detail = _entry_text(entry)
            item = QListWidgetItem(f"{head}\n{detail}" if detail else head)
            item.setData(Qt.ItemDataRole.UserRole, (entry.source, entry.ref_id))
            self.list.addItem(item)

    def entry_texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]
