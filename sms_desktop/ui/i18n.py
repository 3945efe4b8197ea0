"""Languages: our translations plus Qt's own, and translating service messages."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication

from sms_desktop.domain.errors import DomainError
from sms_desktop.domain.i18n import Message, Translator
from sms_desktop.persistence.paths import resources_dir

LANGUAGES = ("zh_CN", "en")
_installed: list[QTranslator] = []
_current = ["en"]


def current_language() -> str:
    """The interface language now installed: ``zh_CN`` or ``en``."""
    return _current[0]


def resolve_language(preferred: str | None) -> str:
    """``zh_CN`` or ``en``: the preference, else the system's language."""
    if preferred in LANGUAGES:
        return preferred
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def install_translators(language: str) -> None:
    """Replace the installed translators with those for ``language``."""
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current[0] = language
    locale = (
        QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        if language == "zh_CN"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    )
    QLocale.setDefault(locale)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = ("sms_desktop", str(resources_dir() / "i18n"))
    # English is the source language: only its plural forms come from a file.
    # Qt's own catalogue, then what it lacks (qt_extra_*.ts), then ours.
    extra = ("qt_extra", str(resources_dir() / "i18n"))
    sources = (ours,) if language == "en" else (("qtbase", qt_dir), extra, ours)
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            _installed.append(translator)
    if isinstance(app, QGuiApplication):
        # Qt appends the display name to every window's title ("shop.sqlite3 — 销售管理系统"):
        # in the interface's language, and the windows don't name the application again.
        app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "SMS Desktop"))


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def translator() -> Translator:
    """The interface's translation of messages, for APIs that render them themselves."""
    return _translate


def tr_message(message: Message) -> str:
    return message.render(_translate)


def tr_error(error: DomainError) -> str:
    return error.render(_translate)


def translate(context: str, text: str) -> str:
    """``QCoreApplication.translate`` under the name ``pyside6-lupdate`` recognises."""
    return QCoreApplication.translate(context, text)
