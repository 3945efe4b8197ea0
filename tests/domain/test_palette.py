"""domain/palette.py: the one palette, and no colour literal anywhere else in sms_desktop/."""

from __future__ import annotations

import ast
import re
import tokenize
from pathlib import Path

import pytest

from sms_desktop.domain.enums import ActivityKind
from sms_desktop.domain.palette import ACTIVITY_KIND_COLOURS, Colour

PACKAGE = Path(__file__).resolve().parents[2] / "sms_desktop"
PALETTE = PACKAGE / "domain" / "palette.py"
# "#abc", "#aabbcc", "#aabbccdd" in a string or a comment (as `grep "#[0-9a-f]\{6\}\b"` finds)
HEX = re.compile(r"#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
# openpyxl's form without the "#": a whole string of six hex digits, at least one a letter
BARE_HEX = re.compile(r"(?=.*[a-fA-F])[0-9a-fA-F]{6}")


def colour_literals(path: Path) -> list[str]:
    """``line: text`` of every string or comment in the module that spells a colour."""
    found = []
    with tokenize.open(path) as source:
        for token in tokenize.generate_tokens(source.readline):
            if token.type in (tokenize.STRING, tokenize.COMMENT) and HEX.search(token.string):
                found.append(f"{token.start[0]}: {token.string.strip()}")
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and BARE_HEX.fullmatch(node.value)
        ):
            found.append(f"{node.lineno}: {node.value!r}")
    return found


def test_no_colour_literal_outside_the_palette() -> None:
    offenders = {
        str(path.relative_to(PACKAGE.parent)): found
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != PALETTE and (found := colour_literals(path))
    }
    assert offenders == {}, "colours belong in sms_desktop/domain/palette.py"


def test_the_scan_finds_each_spelling(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        'A = QColor("#c62828")\n'
        'B = "color: #666;"\n'
        "C = 1  # drawn in #C0504D\n"
        'D = PatternFill("solid", fgColor="DDE4EE")\n'
        'E = f"background: {x}; #1 of 12"  # issue #12\n',
        encoding="utf-8",
    )
    assert [line.split(":")[0] for line in colour_literals(module)] == ["1", "2", "3", "4"]


def test_the_palette_scan_sees_the_palette() -> None:
    assert len(colour_literals(PALETTE)) >= len(Colour)


@pytest.mark.parametrize("colour", list(Colour))
def test_every_entry_is_a_hex_colour(colour: Colour) -> None:
    assert re.fullmatch(r"#[0-9a-fA-F]{6}", colour)
    assert colour.rgb == colour.value[1:].upper()


def test_overdue_errors_and_falls_are_one_red() -> None:
    assert Colour.ERROR is Colour.OVERDUE
    assert Colour.NEGATIVE is Colour.OVERDUE
    # the value the quotes tests and the users already know
    assert Colour.OVERDUE == "#c0392b"


def test_every_activity_kind_has_its_own_colour() -> None:
    assert set(ACTIVITY_KIND_COLOURS) == set(ActivityKind)
    assert len(set(ACTIVITY_KIND_COLOURS.values())) == len(ActivityKind)


def test_a_colour_is_a_plain_string_for_charts_and_pdfs() -> None:
    assert f"color: {Colour.MUTED};" == "color: #555555;"
    assert str(Colour.ACCENT) == "#3b6ea8"
    assert Colour.TABLE_HEADER.rgb == "DDE4EE"
