"""How tasks look: type names and icons, the groups' names, due texts."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from sms_desktop.domain.enums import ActivityKind, RecurrenceUnit
from sms_desktop.domain.tasks import TaskGroup
from sms_desktop.reporting.lists.tasks import KIND_LABELS, UNIT_LABELS
from sms_desktop.reporting.lists.tasks import due_text as list_due_text
from sms_desktop.services.tasks import TaskRow
from sms_desktop.ui.formatting import ui_formats
from sms_desktop.ui.i18n import current_language, tr_message, translate
from sms_desktop.ui.palette import ACTIVITY_KIND_COLOURS


def kind_label(kind: ActivityKind) -> str:
    return tr_message(KIND_LABELS[kind])


def group_label(group: TaskGroup) -> str:
    return {
        TaskGroup.OVERDUE: translate("Tasks", "Overdue"),
        TaskGroup.TODAY: translate("Tasks", "Today"),
        TaskGroup.THIS_WEEK: translate("Tasks", "This week"),
        TaskGroup.LATER: translate("Tasks", "Later"),
        TaskGroup.DONE: translate("Tasks", "Done (7 days)"),
    }[group]


def unit_label(unit: RecurrenceUnit) -> str:
    return tr_message(UNIT_LABELS[unit])


# One colour and one glyph per type: 电话 blue, 拜访 green, 回访 teal …
_KIND_STYLE: dict[ActivityKind, tuple[str, str, str]] = {
    ActivityKind.CALL: (ACTIVITY_KIND_COLOURS[ActivityKind.CALL], "电", "C"),
    ActivityKind.VISIT: (ACTIVITY_KIND_COLOURS[ActivityKind.VISIT], "访", "V"),
    ActivityKind.FOLLOW_UP: (ACTIVITY_KIND_COLOURS[ActivityKind.FOLLOW_UP], "回", "F"),
    ActivityKind.MEETING: (ACTIVITY_KIND_COLOURS[ActivityKind.MEETING], "会", "M"),
    ActivityKind.EMAIL: (ACTIVITY_KIND_COLOURS[ActivityKind.EMAIL], "邮", "E"),
    ActivityKind.WECHAT: (ACTIVITY_KIND_COLOURS[ActivityKind.WECHAT], "微", "W"),
    ActivityKind.DEMO: (ACTIVITY_KIND_COLOURS[ActivityKind.DEMO], "演", "D"),
    ActivityKind.TODO: (ACTIVITY_KIND_COLOURS[ActivityKind.TODO], "办", "T"),
}


def kind_color(kind: ActivityKind) -> QColor:
    return QColor(_KIND_STYLE[kind][0])


@cache
def _icon(kind: ActivityKind, language: str) -> QIcon:
    color, zh, en = _KIND_STYLE[kind]
    icon = QIcon()
    for size in (16, 20, 24, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), size / 4, size / 4)
        font = QFont()
        font.setPixelSize(max(9, int(size * 0.62)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(
            QRectF(0, 0, size, size),
            Qt.AlignmentFlag.AlignCenter,
            zh if language.startswith("zh") else en,
        )
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def kind_icon(kind: ActivityKind) -> QIcon:
    return _icon(kind, current_language())


def due_text(row: TaskRow) -> str:
    """ "2026/11/27" for an all-day task, "2026/11/27 14:30" for one at a time."""
    return list_due_text(row, ui_formats())
