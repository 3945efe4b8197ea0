"""Build the frozen app and the installers this machine can build, into dist/.

    python packaging/build_dist.py [--no-selftest]      (what `make dist` runs)

Every system: installs the `dist` extra of pyproject.toml when PyInstaller is missing,
renders the icons (packaging/make_icons.py), runs PyInstaller on packaging/sms-desktop.spec
(one folder), then the bundle's own `--selftest` offscreen. Then:

- Linux: dist/sms-desktop_VERSION_ARCH.deb (dpkg-deb: the app in /opt/sms-desktop, the
  launcher /usr/bin/sms-desktop, the .desktop file checked by desktop-file-validate, the
  hicolor icons) and dist/sms-desktop-VERSION-linux-ARCH.tar.gz (the folder).
- Windows: dist/sms-desktop-VERSION-windows-setup.exe with Inno Setup's iscc, when found.
- macOS: dist/sms-desktop-VERSION-macos.dmg (hdiutil) of SMS Desktop.app.

It prints the figures: unpacked size, build time, package sizes.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
ICONS = BUILD / "icons"
FROZEN = BUILD / "pyinstaller" / "dist" / "sms-desktop"
DIST = ROOT / "dist"
APP_ID = "sms-desktop"
LINUX, WINDOWS, MACOS = (
    sys.platform.startswith("linux"),
    sys.platform == "win32",
    sys.platform == "darwin",
)
# The system libraries the bundle's Qt (xcb and Wayland platforms, fonts, printing, input
# methods) loads from the system: the same list as the Makefile's qt_deps, plus what the
# spec leaves out of the bundle (SYSTEM_LIBS). "a | b": the package's name before and
# after Debian's 64-bit time_t rename (Debian 13, Ubuntu 24.04).
DEB_DEPENDS = (
    "libc6 (>= 2.28)",
    "libgl1",
    "libegl1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libfontconfig1",
    "libfreetype6",
    "libdbus-1-3",
    "libglib2.0-0t64 | libglib2.0-0",
    "libx11-6",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-shape0",
    "libxcb-xinerama0",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-image0",
    "libxcb-xkb1",
    "libwayland-client0",
    "libwayland-cursor0",
    "libwayland-egl1",
    "libcups2t64 | libcups2",
)


def version() -> str:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def say(text: str) -> None:
    print(f"[dist] {text}", flush=True)  # noqa: T201


def run(*args: str | Path, **kwargs: object) -> None:
    subprocess.run([str(a) for a in args], check=True, **kwargs)  # type: ignore[call-overload]


def tree_size(path: Path) -> int:
    """Bytes of the files under ``path`` (symlinks counted once, as links)."""
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            total += os.lstat(os.path.join(dirpath, name)).st_size
    return total


def mib(size: int) -> str:
    return f"{size / 1_048_576:.1f} MiB"


def ensure_build_tools() -> None:
    """PyInstaller and friends: the `dist` extra of pyproject.toml, installed when missing
    (only those packages: the app itself stays installed as it was)."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
        wanted = data["project"]["optional-dependencies"]["dist"]
        say(f"installing {', '.join(wanted)}")
        run(sys.executable, "-m", "pip", "install", "--quiet", *wanted)


def build_bundle() -> Path:
    run(sys.executable, ROOT / "packaging" / "make_icons.py", ICONS)
    say("PyInstaller (one folder)…")
    started = time.perf_counter()
    run(
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        FROZEN.parent,
        "--workpath",
        BUILD / "pyinstaller" / "work",
        ROOT / "packaging" / "sms-desktop.spec",
        cwd=ROOT,
    )
    say(f"bundle built in {time.perf_counter() - started:.0f} s: {FROZEN}")
    strip_bundle()
    say(f"unpacked size: {mib(tree_size(FROZEN))}")
    return FROZEN


def _patched_by_auditwheel(lib: Path) -> bool:
    """A wheel's library that auditwheel rewrote with patchelf (it sits in a ``*.libs``
    folder, or its RUNPATH points to one): binutils' strip breaks those ("ELF load command
    address/offset not page-aligned", as --selftest found for OpenBLAS)."""
    if any(part.endswith(".libs") for part in lib.parts):
        return True
    out = subprocess.run(["readelf", "-d", str(lib)], capture_output=True, text=True, check=False)
    return any(
        ("RUNPATH" in line or "RPATH" in line) and ".libs" in line
        for line in out.stdout.splitlines()
    )


def strip_bundle() -> None:
    """Drop the symbol tables of the bundle's libraries that strip handles safely (about
    30 MiB, libpython's 16 of them); PyInstaller's own strip option strips them all."""
    tool = shutil.which("strip")
    if not LINUX or tool is None or shutil.which("readelf") is None:
        return
    before = tree_size(FROZEN)
    for lib in sorted((FROZEN / "_internal").rglob("*.so*")):
        if lib.is_symlink() or not lib.is_file() or _patched_by_auditwheel(lib):
            continue
        subprocess.run([tool, "--strip-unneeded", str(lib)], check=False, capture_output=True)
    say(f"stripped: {mib(before)} → {mib(tree_size(FROZEN))}")


def frozen_executable() -> Path:
    if WINDOWS:
        return FROZEN / "sms-desktop-cli.exe"
    if MACOS:
        return FROZEN.parent / "SMS Desktop.app" / "Contents" / "MacOS" / "sms-desktop"
    return FROZEN / "sms-desktop"


def selftest(executable: Path) -> None:
    say(f"{executable} --selftest")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run(executable, "--selftest", env=env)


def linux_arch() -> str:
    try:
        out = subprocess.run(
            ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
        )
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())


def copy_tree(source: Path, target: Path) -> None:
    shutil.copytree(source, target, symlinks=True)


def desktop_file_validate(path: Path) -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None and shutil.which("apt-get") and os.geteuid() == 0:
        say("installing desktop-file-utils (desktop-file-validate)")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        run(
            "apt-get",
            "install",
            "-y",
            "-qq",
            "desktop-file-utils",
            env=env,
            stdout=subprocess.DEVNULL,
        )
        tool = shutil.which("desktop-file-validate")
    if tool is None:
        say("desktop-file-validate not found: the .desktop file is not checked")
        return
    run(tool, path)
    say(f"{path.name}: desktop-file-validate passed")


def build_deb(ver: str, arch: str) -> Path:
    root = BUILD / "deb" / "root"
    shutil.rmtree(root.parent, ignore_errors=True)
    copy_tree(FROZEN, root / "opt" / APP_ID)
    launcher = root / "usr" / "bin" / APP_ID
    launcher.parent.mkdir(parents=True)
    launcher.write_text(f'#!/bin/sh\nexec /opt/{APP_ID}/{APP_ID} "$@"\n', encoding="utf-8")
    launcher.chmod(0o755)
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    desktop = apps / f"{APP_ID}.desktop"
    shutil.copy2(ROOT / "packaging" / f"{APP_ID}.desktop", desktop)
    desktop_file_validate(desktop)
    copy_tree(ICONS / "hicolor", root / "usr" / "share" / "icons" / "hicolor")
    doc = root / "usr" / "share" / "doc" / APP_ID
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: sms-desktop\n\n"
        "Files: *\nLicense: GPL-3.0-or-later\n"
        " On Debian systems, the full text is in /usr/share/common-licenses/GPL-3.\n\n"
        "Files: opt/sms-desktop/_internal/sms_desktop/resources/fonts/*\n"
        "License: Apache-2.0\n See the LICENSE and COPYRIGHT files beside the font.\n",
        encoding="utf-8",
    )
    shutil.copy2(ROOT / "packaging" / "CHANGELOG.md", doc / "CHANGELOG.md")
    for path in root.rglob("*"):  # a package's files: root's, readable by all
        if not path.is_symlink():
            mode = path.stat().st_mode
            path.chmod(0o755 if path.is_dir() or mode & 0o111 else 0o644)
    control = root / "DEBIAN" / "control"
    control.parent.mkdir()
    installed_kib = (tree_size(root) + 1023) // 1024
    control.write_text(
        f"Package: {APP_ID}\n"
        f"Version: {ver}\n"
        f"Architecture: {arch}\n"
        "Maintainer: SMS Desktop developers <sms-desktop@users.noreply.github.com>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(DEB_DEPENDS)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Description: offline sales management (销售管理系统)\n"
        " SMS Desktop keeps customers, contacts, the sales pipeline, tasks, quotes,\n"
        " orders and targets in one local database file, in Chinese or English.\n"
        " Everything works offline; the data lives in the user's data folder.\n",
        encoding="utf-8",
    )
    out = DIST / f"{APP_ID}_{ver}_{arch}.deb"
    started = time.perf_counter()
    # xz: the smallest download (~110 MiB, minutes on two busy cores); CI asks for zstd
    # level 3 (~140 MiB, seconds; dpkg reads it since 1.21.18: Debian 12, Ubuntu 22.04)
    # with SMS_DEB_COMPRESSION=zstd:3.
    kind, _, level = os.environ.get("SMS_DEB_COMPRESSION", "xz").partition(":")
    run(
        "dpkg-deb",
        "--root-owner-group",
        f"-Z{kind}",
        *([f"-z{level}"] if level else []),
        "--build",
        root,
        out,
        stdout=subprocess.DEVNULL,
    )
    say(f"{out.name}: {mib(out.stat().st_size)} (dpkg-deb {time.perf_counter() - started:.0f} s)")
    return out


def build_tarball(ver: str, arch: str) -> Path:
    out = DIST / f"{APP_ID}-{ver}-linux-{arch}.tar.gz"
    top = f"{APP_ID}-{ver}"
    started = time.perf_counter()
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(FROZEN, arcname=top)
        tar.add(ROOT / "packaging" / f"{APP_ID}.desktop", arcname=f"{top}/{APP_ID}.desktop")
        tar.add(ICONS / "hicolor", arcname=f"{top}/icons/hicolor")
    say(f"{out.name}: {mib(out.stat().st_size)} ({time.perf_counter() - started:.0f} s)")
    return out


def build_windows_installer(ver: str) -> None:
    default = Path(r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe")
    iscc = shutil.which("iscc") or (str(default) if default.is_file() else None)
    if iscc is None:
        say("Inno Setup (iscc) not found: no Windows installer built")
        return
    run(
        iscc,
        f"/DAppVersion={ver}",
        f"/DSourceDir={FROZEN}",
        f"/DOutputDir={DIST}",
        f"/DIconFile={ICONS / 'sms-desktop.ico'}",
        ROOT / "packaging" / "windows" / "sms-desktop.iss",
    )


def build_dmg(ver: str) -> None:
    app = FROZEN.parent / "SMS Desktop.app"
    out = DIST / f"{APP_ID}-{ver}-macos.dmg"
    stage = BUILD / "dmg"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    copy_tree(app, stage / app.name)
    (stage / "Applications").symlink_to("/Applications")  # drag the app onto it
    run(
        "hdiutil",
        "create",
        "-volname",
        "SMS Desktop",
        "-srcfolder",
        stage,
        "-ov",
        "-format",
        "UDZO",
        out,
    )
    say(f"{out.name}: {mib(out.stat().st_size)}")


def main(argv: list[str]) -> int:
    started = time.perf_counter()
    ver = version()
    ensure_build_tools()
    build_bundle()
    if "--no-selftest" not in argv:
        selftest(frozen_executable())
    DIST.mkdir(exist_ok=True)
    if LINUX:
        arch = linux_arch()
        build_tarball(ver, arch)
        if shutil.which("dpkg-deb"):
            build_deb(ver, arch)
        else:
            say("dpkg-deb not found: no .deb built")
    elif WINDOWS:
        build_windows_installer(ver)
    elif MACOS:
        build_dmg(ver)
    say(f"done in {time.perf_counter() - started:.0f} s; in {DIST}:")
    for path in sorted(DIST.iterdir()):
        say(f"  {path.name}  {mib(path.stat().st_size)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
