"""ui/palette.py: widgets, delegates and style sheets take one colour per meaning."""

from __future__ import annotations

from PySide6.QtGui import QColor

from sms_desktop.domain.enums import ActivityKind
from sms_desktop.domain.palette import Colour
from sms_desktop.domain.pipeline import NextActivity
from sms_desktop.ui import palette
from sms_desktop.ui.documents.lines_model import LOW_MARGIN
from sms_desktop.ui.tabs.pipeline.card_delegate import DOT_COLOURS
from sms_desktop.ui.tabs.targets.models import _BEHIND
from sms_desktop.ui.tabs.tasks import calendar_view
from sms_desktop.ui.tabs.tasks.presentation import kind_color
from sms_desktop.ui.widgets import field_errors


def test_overdue_is_one_red_in_every_widget() -> None:
    red = QColor("#c0392b")
    assert red == palette.qcolor(Colour.OVERDUE)  # the lists' overdue cells (reporting/lists)
    assert red == calendar_view.OVERDUE_RED
    assert DOT_COLOURS[NextActivity.OVERDUE] == red
    assert red == LOW_MARGIN
    assert red == _BEHIND


def test_error_texts_use_the_palette_red() -> None:
    assert palette.ERROR_STYLE == "color: #c0392b;"
    assert field_errors._ERROR_STYLE == palette.ERROR_STYLE
    assert field_errors._FIELD_STYLE == "border: 1px solid #c0392b;"


def test_qcolor_is_a_fresh_copy_of_the_entry() -> None:
    first = palette.qcolor(Colour.SUCCESS)
    first.setAlpha(10)
    assert palette.qcolor(Colour.SUCCESS) == QColor("#3a8f5c")


def test_text_style() -> None:
    assert palette.text_style(Colour.WARNING) == "color: #b26a00;"
    assert palette.text_style(Colour.OVERDUE, bold=True) == "color: #c0392b; font-weight: bold;"


def test_activity_kinds_keep_their_colours() -> None:
    assert kind_color(ActivityKind.CALL) == QColor("#1f6feb")
    assert kind_color(ActivityKind.WECHAT) == QColor("#1aad19")
