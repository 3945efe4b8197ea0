"""The palette for widgets: ``QColor``s and style sheet snippets of :mod:`domain.palette`.

Widgets and delegates take their colours from here (or from ``Colour`` directly in an
f-string style sheet), never from a literal.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from sms_desktop.domain.palette import ACTIVITY_KIND_COLOURS, Colour

__all__ = [
    "ACTIVITY_KIND_COLOURS",
    "ERROR_BORDER_STYLE",
    "ERROR_STYLE",
    "MUTED_STYLE",
    "Colour",
    "qcolor",
    "text_style",
]


def qcolor(colour: Colour) -> QColor:
    """A new ``QColor`` of the palette entry (a fresh object: callers may change it)."""
    return QColor(colour.value)


def text_style(colour: Colour, *, bold: bool = False) -> str:
    """A label's style sheet with the text in ``colour`` (``"color: …;"``)."""
    return f"color: {colour.value};" + (" font-weight: bold;" if bold else "")


ERROR_STYLE = text_style(Colour.ERROR)  # a problem under a field or in a dialog
ERROR_BORDER_STYLE = f"border: 1px solid {Colour.ERROR.value};"  # the field with the problem
MUTED_STYLE = text_style(Colour.MUTED)  # a hint under a form
