"""First start: try the demo, start empty (with company and owner name), or open a file."""

from __future__ import annotations

from enum import Enum, auto
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.ui.palette import ERROR_STYLE
from sms_desktop.ui.widgets.file_dialogs import ask_open_path


class WelcomeChoice(Enum):
    DEMO = auto()
    EMPTY = auto()
    OPEN = auto()


class WelcomeDialog(QDialog):
    """Asks how to start when there is no database yet."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(self.tr("Welcome to SMS Desktop"))
        self.choice: WelcomeChoice | None = None
        self.open_path: Path | None = None
        self._db_path = db_path

        self._pages = QStackedWidget(self)
        self._pages.addWidget(self._build_choice_page())
        self._pages.addWidget(self._build_empty_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self._pages)
        self.setMinimumWidth(560)

    def _build_choice_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        title = QLabel(self.tr("Welcome to SMS Desktop"), page)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        intro = QLabel(
            self.tr(
                "Your customers and their whole history in one file on your computer. "
                "No server, no account, no internet needed. How would you like to start?"
            ),
            page,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addSpacing(8)

        demo = QCommandLinkButton(
            self.tr("Try it with demo data"),
            self.tr(
                "A sample trading company with customers, contacts, orders and history to explore."
            ),
            page,
        )
        demo.setObjectName("welcomeDemoButton")
        demo.clicked.connect(lambda: self._finish(WelcomeChoice.DEMO))
        empty = QCommandLinkButton(
            self.tr("Start with an empty database"),
            self.tr("Enter your company and your name, then add your own customers."),
            page,
        )
        empty.setObjectName("welcomeEmptyButton")
        self.empty_button = empty
        empty.clicked.connect(self.show_empty_page_only)
        existing = QCommandLinkButton(
            self.tr("Open an existing database…"),
            self.tr("Choose an SMS Desktop file, for example one copied from another computer."),
            page,
        )
        existing.setObjectName("welcomeOpenButton")
        existing.clicked.connect(self._on_open_clicked)
        for button in (demo, empty, existing):
            layout.addWidget(button)
        layout.addStretch(1)
        where = QLabel(
            self.tr("New data will be stored in {path}").format(path=str(self._db_path)), page
        )
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(where)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, page)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        return page

    def _build_empty_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        heading = QLabel(self.tr("About your business"), page)
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        form = QFormLayout()
        self.company_edit = QLineEdit(page)
        self.company_edit.setObjectName("companyNameEdit")
        self.company_edit.setPlaceholderText(self.tr("e.g. 上海明达贸易有限公司"))
        self.owner_edit = QLineEdit(page)
        self.owner_edit.setObjectName("ownerNameEdit")
        self.owner_edit.setPlaceholderText(self.tr("e.g. 王明"))
        form.addRow(self.tr("Company name:"), self.company_edit)
        form.addRow(self.tr("Your name:"), self.owner_edit)
        layout.addLayout(form)
        self.empty_error = QLabel(page)
        self.empty_error.setObjectName("welcomeError")
        self.empty_error.setStyleSheet(ERROR_STYLE)
        self.empty_error.hide()
        layout.addWidget(self.empty_error)
        layout.addStretch(1)
        buttons = QDialogButtonBox(page)
        self.create_button = buttons.addButton(
            self.tr("Create"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        # Enter in either field creates (the default button), not Back.
        self.create_button.setDefault(True)
        back = buttons.addButton(self.tr("Back"), QDialogButtonBox.ButtonRole.ResetRole)
        back.setAutoDefault(False)
        back.clicked.connect(self._on_back_clicked)
        self.owner_edit.textEdited.connect(lambda _text: self.empty_error.hide())
        buttons.accepted.connect(self._on_create_clicked)
        layout.addWidget(buttons)
        return page

    def _on_create_clicked(self) -> None:
        if not self.owner_edit.text().strip():
            self.empty_error.setText(self.tr("Enter your name."))
            self.empty_error.show()
            self.owner_edit.setFocus()
            return
        self._finish(WelcomeChoice.EMPTY)

    def _on_open_clicked(self) -> None:
        path = ask_open_path(
            self,
            self.tr("Open Database"),
            self._db_path.parent,
            self.tr("SMS Desktop databases (*.sqlite3 *.db *.sqlite);;All files (*)"),
        )
        if path is not None:
            self.open_path = path
            self._finish(WelcomeChoice.OPEN)

    def _finish(self, choice: WelcomeChoice) -> None:
        self.choice = choice
        self.accept()

    @property
    def company_name(self) -> str:
        return self.company_edit.text().strip()

    @property
    def owner_name(self) -> str:
        return self.owner_edit.text().strip()

    def show_empty_page_only(self) -> None:
        """The company and owner page, with the cursor in its first field: what is typed
        next goes there (with the keyboard, focus had stayed on a button of the page
        before, so typing pressed Create or Back)."""
        self._pages.setCurrentIndex(1)
        self.company_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_back_clicked(self) -> None:
        self._pages.setCurrentIndex(0)
        self.empty_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_empty_page(self) -> None:
        """Skip the choice (File ▸ New Database): ask only for company and owner."""
        self.show_empty_page_only()
        self.setWindowTitle(self.tr("New Database"))
