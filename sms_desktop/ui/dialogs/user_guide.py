"""Help ▸ User Guide (使用指南): the guide shipped with the app, in the interface's language,
shown offline in a Qt window (Markdown with the tabs' screenshots)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from sms_desktop.persistence.paths import resources_dir
from sms_desktop.ui.i18n import current_language


def guide_path(language: str) -> Path:
    folder = resources_dir() / "guide"
    path = folder / f"guide_{language}.md"
    return path if path.exists() else folder / "guide_en.md"


class UserGuide(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(self.tr("User Guide"))
        path = guide_path(current_language())
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("userGuideText")
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(1100, 700)
