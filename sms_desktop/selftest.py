"""``sms-desktop --selftest``: exercise everything that is loaded lazily.

A frozen bundle (PyInstaller) only holds what its analysis found; a library imported inside
a function, a data file or a Qt plugin can be missing and nobody notices until the user
clicks the one button that needs it. Each check here does the real thing once, on temporary
files, and prints one line: ``ok   NAME  detail`` or ``FAIL NAME  what went wrong``. The exit
code is 0 when every check passed, else 1. It needs no screen (Qt runs offscreen unless
``QT_QPA_PLATFORM`` says otherwise) and writes only to a temporary folder (on Linux the data
folder, $XDG_DATA_HOME, points there too; elsewhere the database layer's empty ``locks``
folder may appear in the user's data folder).
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

CHINESE = "销售管理系统 报价单 客户"

Check = Callable[[Path], str]


def _qt_app() -> Any:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    app = QGuiApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    return app


def check_modules(_tmp: Path) -> str:
    """Every module of the app imports (Alembic loads the migrations' scripts itself)."""
    import importlib
    import pkgutil

    import sms_desktop

    names = [
        info.name
        for info in pkgutil.walk_packages(sms_desktop.__path__, "sms_desktop.")
        if ".migrations." not in info.name and info.name not in (__name__, "sms_desktop.__main__")
    ]
    for name in names:
        importlib.import_module(name)
    if len(names) < 50:
        raise RuntimeError(f"only {len(names)} modules found in the package")
    return f"{len(names)} modules"


def check_database(tmp: Path) -> str:
    from sms_desktop.persistence.db import schema_info
    from sms_desktop.persistence.schema_version import HEAD_REVISION
    from sms_desktop.services.workspace import initialize_empty, open_workspace

    path = tmp / "selftest.sqlite3"
    workspace = open_workspace(path)
    try:
        initialize_empty(workspace.db, company_name="测试公司", owner_name="Selftest")
    finally:
        workspace.close(backup=False)
    info = schema_info(path)
    if info.revision != HEAD_REVISION:
        raise RuntimeError(f"schema {info.revision}, expected {HEAD_REVISION}")
    return f"migrated a new file to schema {info.revision}"


def check_translations(_tmp: Path) -> str:
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    from sms_desktop.persistence.paths import resources_dir

    _qt_app()
    folder = str(resources_dir() / "i18n")
    found = []
    for language in ("zh_CN", "en"):
        translator = QTranslator()
        if not translator.load(f"sms_desktop_{language}", folder):
            raise RuntimeError(f"sms_desktop_{language}.qm not found in {folder}")
        found.append(language)
    zh = QTranslator()
    zh.load("sms_desktop_zh_CN", folder)
    if not zh.translate("Messages", "SMS Desktop"):
        raise RuntimeError("the zh_CN catalogue does not translate 'SMS Desktop'")
    qt = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    if not qt.load(locale, "qtbase", "_", qt_dir):
        raise RuntimeError(f"Qt's qtbase_zh_CN.qm not found in {qt_dir}")
    return f"{' + '.join(found)}, Qt's own zh_CN"


def check_font(_tmp: Path) -> str:
    from PySide6.QtGui import QFontDatabase

    from sms_desktop.reporting.fonts import cjk_font_path, missing_glyphs

    _qt_app()
    path = cjk_font_path()
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        raise RuntimeError(f"Qt cannot load {path}")
    families = QFontDatabase.applicationFontFamilies(font_id)
    missing = missing_glyphs(CHINESE)
    if missing:
        raise RuntimeError(f"the font lacks {''.join(sorted(missing))}")
    return f"{families[0] if families else path.name}"


def check_chart(tmp: Path) -> str:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends import backend_qtagg  # the charts' canvas in the app
    from matplotlib.figure import Figure

    from sms_desktop.reporting.fonts import chart_rc

    del backend_qtagg
    with chart_rc():
        figure = Figure(figsize=(4, 3))
        ax = figure.add_subplot()
        ax.bar(["一月", "二月", "三月"], [3, 5, 4])
        ax.set_title(CHINESE)
        out = tmp / "chart.png"
        figure.savefig(out, dpi=72)
    return f"matplotlib {matplotlib.__version__}, {out.stat().st_size} byte PNG"


def _pdf_bytes() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from sms_desktop.reporting.fonts import cjk_font_path

    if "SelftestCJK" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("SelftestCJK", str(cjk_font_path()), subfontIndex=0))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont("SelftestCJK", 18)
    pdf.drawString(72, 720, CHINESE)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def check_pdf(tmp: Path) -> str:
    import reportlab

    data = _pdf_bytes()
    (tmp / "selftest.pdf").write_bytes(data)
    if not data.startswith(b"%PDF"):
        raise RuntimeError("reportlab wrote no PDF")
    return f"reportlab {reportlab.Version}, {len(data)} byte PDF with Chinese"


def check_pdf_preview(_tmp: Path) -> str:
    from PySide6.QtPrintSupport import QPrinter

    from sms_desktop.ui.documents.preview import render_pages

    _qt_app()
    pages = render_pages(_pdf_bytes(), 48)
    if not pages or pages[0].isNull():
        raise RuntimeError("PDFium rendered no page")
    image = pages[0]
    # The text drawn near the top-left is dark: the page is not blank.
    dark = sum(
        1
        for y in range(0, image.height() // 3, 2)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y).lightness() < 128
    )
    if dark == 0:
        raise RuntimeError("the rendered page is blank")
    del QPrinter
    return f"PDFium page {image.width()}×{image.height()} px, print support loaded"


def check_excel(tmp: Path) -> str:
    import openpyxl

    path = tmp / "selftest.xlsx"
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("客户")
    sheet.append(["名称", "金额"])
    sheet.append([CHINESE, 1234.5])
    book.save(path)
    back = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = list(back["客户"].iter_rows(values_only=True))
    finally:
        back.close()
    if rows[1][0] != CHINESE:
        raise RuntimeError(f"read back {rows[1]!r}")
    return f"openpyxl {openpyxl.__version__}, wrote and read {path.name}"


def check_ics(tmp: Path) -> str:
    from datetime import datetime, timedelta

    from tzlocal import get_localzone

    from sms_desktop.domain.enums import ActivityKind
    from sms_desktop.reporting.ics import build_calendar, write_ics
    from sms_desktop.services.tasks import TaskRow

    tz = get_localzone()
    due = datetime(2026, 3, 9, 10, 0, tzinfo=tz)
    task = TaskRow(
        id=1,
        kind=ActivityKind.CALL,
        subject="回访 " + CHINESE,
        notes=None,
        due_at=due,
        all_day=False,
        duration_minutes=30,
        done_at=None,
        outcome=None,
        assignee_id=None,
        assignee=None,
        customer_id=None,
        customer="测试公司",
        contact_id=None,
        contact=None,
        opportunity_id=None,
        opportunity=None,
        remind_at=due - timedelta(minutes=15),
        recurrence_unit=None,
        recurrence_interval=None,
        recurrence_until=None,
        with_survey=False,
    )
    calendar = build_calendar(
        [task], tz=tz, database_id="selftest", kind_name={"call": "电话"}, calendar_name="任务"
    )
    path = tmp / "selftest.ics"
    write_ics(path, calendar)
    text = path.read_bytes()
    if b"BEGIN:VEVENT" not in text:
        raise RuntimeError("no event written")
    return f"1 event, time zone {tz}"


def check_forecast(_tmp: Path) -> str:
    import statsmodels
    import statsmodels.api as sm

    from sms_desktop.domain.forecast import Method, fit_method

    history = [100.0 + 10 * (i % 12) + i for i in range(36)]
    values = fit_method(Method.ETS_ADDITIVE, history, 6, 12)
    if len(values) != 6:
        raise RuntimeError(f"{len(values)} values forecast, expected 6")
    glm = sm.GLM([0, 1, 0, 1, 1, 0], sm.add_constant([1.0, 2.0, 1.5, 3.0, 2.5, 2.0]))
    glm.fit(family=sm.families.Binomial())
    return f"statsmodels {statsmodels.__version__}: exponential smoothing, logistic GLM"


def check_import_readers(tmp: Path) -> str:
    import vobject
    from python_calamine import CalamineWorkbook

    path = tmp / "readers.xlsx"
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["客户", CHINESE])
    book.save(path)
    workbook = CalamineWorkbook.from_path(str(path))
    rows = workbook.get_sheet_by_index(0).to_python()
    if rows[0][1] != CHINESE:
        raise RuntimeError(f"calamine read {rows[0]!r}")
    card = vobject.readOne("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张伟\r\nN:张;伟;;;\r\nEND:VCARD\r\n")
    if card.fn.value != "张伟":
        raise RuntimeError("vobject parsed the wrong name")
    return "python-calamine (.xls/.ods), vobject (.vcf)"


def check_team_driver(_tmp: Path) -> str:
    """The PostgreSQL driver of the team edition and its libpq (bundled by psycopg's binary
    package), without a server: an engine is made and a statement compiled for it."""
    import psycopg
    from sqlalchemy import create_engine, select

    from sms_desktop.persistence import models as m

    engine = create_engine("postgresql+psycopg://selftest@localhost/selftest")  # not connected
    try:
        if "FROM customers" not in str(select(m.Customer.id).compile(engine)):
            raise RuntimeError("the PostgreSQL dialect compiled no query")
    finally:
        engine.dispose()
    libpq = psycopg.pq.version()
    return f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__}), libpq {libpq // 10000}"


def check_qt_plugins(_tmp: Path) -> str:
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtGui import QImageReader

    _qt_app()
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    wanted = {"linux": ("xcb", "offscreen"), "win32": ("windows",), "darwin": ("cocoa",)}
    names = wanted.get(sys.platform, ())
    present = {p.name for p in folder.glob("*")} if folder.is_dir() else set()
    missing = [n for n in names if not any(n in p for p in present)]
    if missing:
        raise RuntimeError(f"platform plugin {', '.join(missing)} missing in {folder}")
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    lacking = {"png", "jpg", "svg"} - formats
    if lacking:
        raise RuntimeError(f"no image plugin for {', '.join(sorted(lacking))}")
    return f"platforms {', '.join(names)}; images png, jpg, svg"


CHECKS: tuple[tuple[str, Check], ...] = (
    ("modules", check_modules),
    ("database", check_database),
    ("translations", check_translations),
    ("cjk-font", check_font),
    ("qt-plugins", check_qt_plugins),
    ("chart", check_chart),
    ("pdf", check_pdf),
    ("pdf-preview", check_pdf_preview),
    ("excel", check_excel),
    ("ics", check_ics),
    ("forecast", check_forecast),
    ("import-readers", check_import_readers),
    ("team-driver", check_team_driver),
)


def _problem(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or "(no message)"
    if isinstance(exc, ImportError) and exc.name:
        return f"missing module {exc.name} ({type(exc).__name__}: {text})"
    return f"{type(exc).__name__}: {text}"


def run(out: Callable[[str], None] = print) -> int:
    """Run every check; one line each, then a summary. Returns the exit code."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("MPLBACKEND", "Agg")
    from sms_desktop import __version__

    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    out(f"sms-desktop {__version__} self-test ({frozen}, Python {sys.version.split()[0]})")
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="sms-selftest-") as folder:
        tmp = Path(folder)
        os.environ["XDG_DATA_HOME"] = str(tmp / "data")  # the instance locks' folder
        for name, check in CHECKS:
            started = time.perf_counter()
            try:
                detail = check(tmp)
            except Exception as exc:
                failed.append(name)
                out(f"FAIL {name:<15} {_problem(exc)}")
                continue
            ms = (time.perf_counter() - started) * 1000
            out(f"ok   {name:<15} {detail} ({ms:.0f} ms)")
    if failed:
        out(f"self-test FAILED: {', '.join(failed)}")
        return 1
    out(f"self-test passed: {len(CHECKS)} checks")
    return 0
