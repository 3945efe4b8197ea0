"""The bundled CJK font for charts: registered with matplotlib once, used as a glyph fallback.

matplotlib's default font (DejaVu Sans) has no Chinese glyphs. Instead of changing the global
``rcParams`` (which would leak into every other figure of the process), chart builders enter
:func:`chart_rc` while they create their artists: every text then carries the family list
``[<the rcParams families>, "WenQuanYi Micro Hei"]``, so Latin text keeps DejaVu Sans and
characters it lacks fall back to the bundled font (matplotlib ≥ 3.6 falls back per glyph).
The families are stored on each text when it is created, so a figure built this way renders
Chinese wherever it is drawn later (a Qt canvas, ``savefig``) without any global state.

**Characters the font lacks.** WenQuanYi Micro Hei covers the Basic Multilingual Plane's CJK
(and Latin) but not CJK Extension B (𠀀 𪚥, found in Chinese names) or emoji; reportlab would
print them as blanks. No open font with that coverage is small enough to ship beside it (the
Debian candidates: HanaMin B and BabelStone Han are 25–50 MB, Unifont's upper planes are CFF
outlines that reportlab cannot embed and lack Extension B). So the PDFs print
:data:`REPLACEMENT` (□, which the font has) for each such character — see :func:`printable` —
and :func:`missing_glyphs` lets an editor warn before printing.
"""

from __future__ import annotations

import threading
import unicodedata
from contextlib import AbstractContextManager
from pathlib import Path

from sms_desktop.persistence.paths import resources_dir

CJK_FONT_FILE = "wqy-microhei.ttc"
REPLACEMENT = "\u25a1"  # □ WHITE SQUARE: in the bundled font, and reads as "a character here"

_lock = threading.Lock()
_family: str | None = None
_chars: frozenset[int] | None = None


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


def font_chars() -> frozenset[int]:
    """The code points the bundled font (face 0) has a glyph for; read once."""
    global _chars  # noqa: PLW0603 - the font's character map, read once per process
    with _lock:
        if _chars is None:
            from reportlab.pdfbase.ttfonts import TTFontFile

            face = TTFontFile(str(cjk_font_path()), subfontIndex=0)
            _chars = frozenset(face.charToGlyph)
        return _chars


def _invisible(char: str) -> bool:
    """Characters that draw nothing themselves: line breaks and tabs (the layout handles
    them), joiners and variation selectors (ZWJ, VS-16 after an emoji), skin-tone modifiers."""
    category = unicodedata.category(char)
    return (
        category in ("Cc", "Cf", "Zl", "Zp")
        or "\ufe00" <= char <= "\ufe0f"
        or "\U000e0100" <= char <= "\U000e01ef"
        or "\U0001f3fb" <= char <= "\U0001f3ff"
    )


def missing_glyphs(text: str) -> set[str]:
    """The visible characters of ``text`` the bundled font cannot print (they come out as
    :data:`REPLACEMENT`): e.g. ``{"𠀀", "😀"}``; empty when everything prints."""
    chars = font_chars()
    return {
        ch for ch in set(text) if ord(ch) not in chars and not ch.isspace() and not _invisible(ch)
    }


def printable(text: str) -> str:
    """``text`` with every character the font lacks replaced by :data:`REPLACEMENT` (one per
    character); invisible ones it lacks (joiners, variation selectors) are dropped."""
    chars = font_chars()
    if all(ord(ch) in chars for ch in text):
        return text
    out: list[str] = []
    for ch in text:
        if ord(ch) in chars or ch.isspace() or unicodedata.category(ch) == "Cc":
            out.append(ch)
        elif not _invisible(ch):
            out.append(REPLACEMENT)
    return "".join(out)
