"""The first steps on a database begun empty, above the dashboard's figures."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from sms_desktop.services.onboarding import Checklist, Step
from sms_desktop.ui.actions import ActionId
from sms_desktop.ui.navigation import Navigation, RunCommand, ShowArea
from sms_desktop.ui.palette import MUTED_STYLE, Colour, text_style


class FirstSteps(QFrame):
    """Each step with a button that leads to where it is done; a step ticks when the data
    shows it (see services/onboarding.py), and the panel goes when all are done or hidden.

    Signals:
        requested(Navigation): the user chose a step's button
        dismissed(): "Hide" was clicked
    """

    requested = Signal(object)
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstSteps")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        steps: tuple[tuple[Step, str, str, Navigation], ...] = (
            (
                Step.COMPANY,
                self.tr("Your company's address, phone and tax id, printed on every quote"),
                self.tr("Company Profile…"),
                RunCommand(ActionId.SETTINGS),
            ),
            (
                Step.CUSTOMERS,
                self.tr("Your customers and their contacts: import your Excel list, or add them"),
                self.tr("Customers"),
                ShowArea("customersTab"),
            ),
            (
                Step.PRODUCTS,
                self.tr("The products you sell, with their prices and costs"),
                self.tr("Products…"),
                RunCommand(ActionId.PRODUCTS),
            ),
            (
                Step.TEAM,
                self.tr("Your salespeople, so customers and deals have an owner"),
                self.tr("Team"),
                ShowArea("targetsTab"),
            ),
            (
                Step.TARGET,
                self.tr("A first sales target, to see the pace of the month"),
                self.tr("Targets"),
                ShowArea("targetsTab"),
            ),
        )
        title = QLabel(self.tr("Get started"), self)
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        hide = QPushButton(self.tr("Hide These Steps"), self)
        hide.setObjectName("hideFirstSteps")
        hide.setFlat(True)
        hide.clicked.connect(lambda _c=False: self.dismissed.emit())
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(hide)
        grid = QGridLayout(self)
        grid.addLayout(heading, 0, 0, 1, 3)
        self._marks: dict[Step, QLabel] = {}
        self._texts: dict[Step, QLabel] = {}
        for row, (step, text, button_text, request) in enumerate(steps, start=1):
            mark = QLabel(self)
            label = QLabel(text, self)
            label.setWordWrap(True)
            button = QPushButton(button_text, self)
            button.setObjectName(f"firstStep_{step.value}")
            button.clicked.connect(lambda _c=False, r=request: self.requested.emit(r))
            grid.addWidget(mark, row, 0)
            grid.addWidget(label, row, 1)
            if step is Step.CUSTOMERS:
                imports = QPushButton(self.tr("Import…"), self)
                imports.setObjectName("firstStep_import")
                imports.clicked.connect(
                    lambda _c=False: self.requested.emit(RunCommand(ActionId.IMPORT))
                )
                pair = QHBoxLayout()
                pair.addWidget(imports)
                pair.addWidget(button)
                grid.addLayout(pair, row, 2)
            else:
                grid.addWidget(button, row, 2)
            self._marks[step], self._texts[step] = mark, label
        grid.setColumnStretch(1, 1)
        self.hide()

    def show_checklist(self, checklist: Checklist) -> None:
        for step, mark in self._marks.items():
            done = step in checklist.done
            mark.setText("✓" if done else "○")
            mark.setStyleSheet(text_style(Colour.SUCCESS, bold=True) if done else "")
            self._texts[step].setStyleSheet(MUTED_STYLE if done else "")
            mark.setAccessibleName(self.tr("done") if done else self.tr("to do"))
        self.setVisible(checklist.visible)

    def is_done(self, step: Step) -> bool:
        return self._marks[step].text() == "✓"
