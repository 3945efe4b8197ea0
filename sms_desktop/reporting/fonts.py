"""The bundled CJK font for charts: registered with matplotlib once, used as a glyph fallback.

matplotlib's default font (DejaVu Sans) has no Chinese glyphs. Instead of changing the global
``rcParams`` (which would leak into every other figure of the process), chart builders enter
:func:`chart_rc` while they create their artists: every text then carries the family list
``[<the rcParams families>, "WenQuanYi Micro Hei"]``, so Latin text keeps DejaVu Sans and
characters it lacks fall back to the bundled font (matplotlib ≥ 3.6 falls back per glyph).
The families are stored on each text when it is created, so a figure built this way renders
Chinese wherever it is drawn later (a Qt canvas, ``savefig``) without any global state.
"""

from __future__ import annotations

import threading
from contextlib import AbstractContextManager
from pathlib import Path

from sms_desktop.persistence.paths import resources_dir

CJK_FONT_FILE = "wqy-microhei.ttc"

_lock = threading.Lock()
_family: str | None = None


def cjk_font_path() -> Path:
    """The bundled CJK font: a TrueType collection whose first face is WenQuanYi Micro Hei."""
    return resources_dir() / "fonts" / CJK_FONT_FILE


def register_matplotlib_cjk() -> str:
    """Add the bundled font to matplotlib's font manager (once) and return its family name."""
    global _family  # noqa: PLW0603 - a process-wide "registered once" flag
    with _lock:
        if _family is None:
            from matplotlib import font_manager, ft2font

            path = cjk_font_path()
            font_manager.fontManager.addfont(path)
            # Face 0 of the collection; addfont registers the other faces too (the Mono one).
            _family = ft2font.FT2Font(str(path)).family_name
        return _family


def font_families() -> list[str]:
    """The current ``font.family`` list with the CJK font appended as the last fallback."""
    import matplotlib

    cjk = register_matplotlib_cjk()
    current = [name for name in matplotlib.rcParams["font.family"] if name != cjk]
    return [*current, cjk]


def chart_rc() -> AbstractContextManager[None]:
    """An ``rc_context`` to build and save charts in: the CJK fallback, embedded fonts."""
    import matplotlib

    return matplotlib.rc_context(
        {
            "font.family": font_families(),
            # TrueType (Type 42) embedding keeps the glyphs as a real, subset font in PDF and
            # PostScript; the default Type 3 conversion is larger and blurs Chinese when zoomed.
            "pdf.fonttype": 42,
            "ps.fonttype": 42,
            # Glyphs as paths: an SVG renders the same without the font installed.
            "svg.fonttype": "path",
        }
    )
