"""Help ▸ About: versions and where the data lives."""

from __future__ import annotations

import platform
import sqlite3
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from sms_desktop import __version__
from sms_desktop.persistence.paths import backup_dir, log_dir


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class AboutDialog(QDialog):
    def __init__(self, db_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About SMS Desktop"))
        import sqlalchemy

        rows = [
            (self.tr("Version"), __version__),
            ("Python", platform.python_version()),
            ("Qt / PySide6", f"{qVersion()} / {PySide6.__version__}"),
            ("SQLAlchemy", sqlalchemy.__version__),
            ("SQLite", sqlite3.sqlite_version),
        ]
        if db_path is not None:
            rows += [
                (self.tr("Database"), str(db_path)),
                (self.tr("Backups"), str(backup_dir(db_path))),
            ]
        rows.append((self.tr("Error log"), str(log_dir())))
        table = "".join(
            f"<tr><td><b>{_escape(k)}</b></td><td>{_escape(v)}</td></tr>" for k, v in rows
        )
        # lupdate cannot see tr() inside f-strings: translate first, then build the page.
        title = self.tr("SMS Desktop")
        tagline = self.tr("Offline sales management for small businesses.")
        licence = self.tr("Free software under the GNU GPL v3 or later.")
        text = (
            # The title is the translated product name ("SMS Desktop 销售管理系统" in
            # Chinese): a fixed Chinese suffix doubled it there and was Chinese in English.
            f"<h2>{_escape(title)}</h2>"
            f"<p>{_escape(tagline)}</p>"
            f"<table cellspacing='6'>{table}</table>"
            f"<p>{_escape(licence)}</p>"
        )
        label = QLabel(text, self)
        label.setObjectName("aboutText")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        if db_path is not None:
            folder = buttons.addButton(
                self.tr("Open Data Folder"), QDialogButtonBox.ButtonRole.ActionRole
            )
            folder.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(db_path.resolve().parent)))
            )
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
