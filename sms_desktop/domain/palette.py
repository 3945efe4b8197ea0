"""The one palette: every colour the app shows, by what it means, not by how it looks.

Plain Python so that widgets (``ui/palette.py`` turns the entries into ``QColor`` and style
sheet snippets), charts, PDFs and Excel fills (``reporting/``, no Qt) share the same values.
No other module writes a colour literal (``tests/domain/test_palette.py`` checks). A
:class:`Colour` is a ``str`` (``"#rrggbb"``): pass it to matplotlib, reportlab or an
f-string as is; :attr:`Colour.rgb` gives the ``RRGGBB`` form openpyxl wants.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

from sms_desktop.domain.enums import ActivityKind


class Colour(StrEnum):
    """The semantic colours. An alias (``ERROR = OVERDUE``) is the same colour under the
    name its use site reads best with."""

    # Status: text, marks and bars.
    OVERDUE = "#c0392b"  # overdue tasks, dots and cards; expired quotes; the overdue KPI
    ERROR = OVERDUE  # field and form problems, low margin in the quote editor and its lines
    NEGATIVE = OVERDUE  # behind target, a fall on a KPI, lost deals, the target line in charts
    WARNING = "#b26a00"  # amber text: a reminder time passed, low margin in the quotes list
    ATTENTION = "#f29900"  # amber marks: no next activity, a stale deal's edge, target bar < 80 %
    SUCCESS = "#3a8f5c"  # activity due today, target reached or ahead, won deals, a rise on a KPI
    ACCENT = "#3b6ea8"  # the main chart series (bars, stages), target bar 80–100 %
    ACCENT_LIGHT = "#9db7d5"  # a second series beside the main one (weighted amounts)
    COMPARE = "#e07b39"  # the comparison line in charts (last year, cumulative share)
    MUTED = "#555555"  # secondary text: chart notes, PDF labels and footers, hints in dialogs
    NEUTRAL = "#999999"  # quiet marks and frames: planned-activity dot, boxes in quote PDFs
    # Backgrounds and rules.
    INFO_BACKGROUND = "#e8f0fe"  # the filter chip above the task list
    TODAY_BACKGROUND = "#fff8e1"  # today's cell in the task calendar
    PREVIEW_BACKGROUND = "#888888"  # behind the pages of the print preview
    TABLE_HEADER = "#dde4ee"  # header rows: Excel exports and workbooks, PDF tables
    TABLE_STRIPE = "#f5f7fa"  # banded rows and section rows in PDF tables
    TABLE_GRID = "#b8c4d2"  # grid lines of the management report's tables
    RULE = "#cccccc"  # thin separators between the lines of a quote PDF
    BRAND = "#1f4e79"  # the quote PDF's heading rule and header-row rule
    # Activity kinds: one identity colour each (icons in Tasks, entries in the calendar).
    KIND_CALL = "#1f6feb"  # blue
    KIND_VISIT = "#2da44e"  # green
    KIND_FOLLOW_UP = "#0f8a8a"  # teal
    KIND_MEETING = "#8250df"  # purple
    KIND_EMAIL = "#bf8700"  # ochre
    KIND_WECHAT = "#1aad19"  # WeChat green
    KIND_DEMO = "#cf222e"  # crimson
    KIND_TODO = "#57606a"  # slate
    # Tag colours the demo database gives its tags (user data once written: users pick theirs).
    TAG_RED = "#D32F2F"  # 重点客户
    TAG_BLUE = "#1976D2"  # 新客户
    TAG_GREEN = "#388E3C"  # 老客户
    TAG_ORANGE = "#F57C00"  # 经销商
    TAG_PURPLE = "#7B1FA2"  # 政府
    TAG_CYAN = "#0097A7"  # 外资
    TAG_GREY = "#9E9E9E"  # 潜在客户
    TAG_YELLOW = "#FBC02D"  # 价格敏感
    TAG_BROWN = "#5D4037"  # 长期合作
    TAG_PINK = "#C2185B"  # 需要回访

    @property
    def rgb(self) -> str:
        """``RRGGBB`` without the ``#``, as openpyxl fills take it."""
        return self.value.removeprefix("#").upper()


ACTIVITY_KIND_COLOURS: Mapping[ActivityKind, Colour] = MappingProxyType(
    {
        ActivityKind.CALL: Colour.KIND_CALL,
        ActivityKind.VISIT: Colour.KIND_VISIT,
        ActivityKind.FOLLOW_UP: Colour.KIND_FOLLOW_UP,
        ActivityKind.MEETING: Colour.KIND_MEETING,
        ActivityKind.EMAIL: Colour.KIND_EMAIL,
        ActivityKind.WECHAT: Colour.KIND_WECHAT,
        ActivityKind.DEMO: Colour.KIND_DEMO,
        ActivityKind.TODO: Colour.KIND_TODO,
    }
)
