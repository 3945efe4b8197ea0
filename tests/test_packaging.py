"""Packaging sources: the icons rendered from the one SVG, the .desktop entry, the version
from pyproject in one place."""

from __future__ import annotations

import importlib.util
import struct
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_icons_are_rendered_from_the_svg(tmp_path: Path, qapp: object) -> None:
    from PySide6.QtGui import QImage

    # qapp: the test session's QApplication, which the script then uses (it would make a
    # QGuiApplication, and widgets could not be made after it).
    icons = _load("make_icons")
    assert icons.main(["make_icons", str(tmp_path)]) == 0
    for size in icons.SIZES:
        image = QImage(str(tmp_path / "hicolor" / f"{size}x{size}" / "apps" / "sms-desktop.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size - size // 4).alpha() == 255  # the blue tile
        assert image.pixelColor(0, 0).alpha() == 0  # transparent corner
    ico = (tmp_path / "sms-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", ico)
    assert (reserved, kind, count) == (0, 1, len(icons.ICO_SIZES))
    for index in range(count):
        width, _h, _c, _r, _p, _b, size, offset = struct.unpack_from(
            "<BBBBHHII", ico, 6 + 16 * index
        )
        assert ico[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + size <= len(ico)
        assert width == (icons.ICO_SIZES[index] % 256)
    icns = (tmp_path / "sms-desktop.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    kinds, at = [], 8
    while at < len(icns):
        kinds.append(icns[at : at + 4])
        at += struct.unpack(">I", icns[at + 4 : at + 8])[0]
    assert at == len(icns)
    assert [k for k, _size in icons.ICNS_TYPES] == kinds


def test_the_desktop_entry_is_valid() -> None:
    """desktop-file-validate (desktop-file-utils) is installed by ``make test`` when missing."""
    result = subprocess.run(
        ["desktop-file-validate", str(PACKAGING / "sms-desktop.desktop")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_one_version_everywhere() -> None:
    from sms_desktop import __version__

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert __version__ == project["version"]
    assert f"## {project['version']}" in (PACKAGING / "CHANGELOG.md").read_text(encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "sms_desktop", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == f"sms-desktop {project['version']}"
    assert project["gui-scripts"]["sms-desktop-gui"] == project["scripts"]["sms-desktop"]
    assert any(dep.startswith("pyinstaller") for dep in project["optional-dependencies"]["dist"])
