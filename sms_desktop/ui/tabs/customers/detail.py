"""The side panel of the Customers tab: key figures, history, profile and contacts."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.services.customers import CustomerDetail, KeyFigures
from sms_desktop.ui.formatting import format_date, format_decimal, format_money
from sms_desktop.ui.tabs.customers.contacts import ContactsPanel
from sms_desktop.ui.tabs.customers.profile_form import ProfileForm
from sms_desktop.ui.tabs.customers.timeline import TimelineView


class KeyFiguresView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerKeyFigures")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        captions = [
            ("revenue_12m", self.tr("Revenue, last 12 months")),
            ("revenue_lifetime", self.tr("Revenue, lifetime")),
            ("orders", self.tr("Orders")),
            ("last_order", self.tr("Last order")),
            ("average_days", self.tr("Days between orders")),
            ("open_opportunities", self.tr("Open deals")),
            ("open_pipeline", self.tr("Open pipeline")),
            ("open_tasks", self.tr("Open tasks")),
        ]
        self.values: dict[str, QLabel] = {}
        for index, (key, caption) in enumerate(captions):
            column = index % 4
            row = (index // 4) * 2
            title = QLabel(caption, self)
            title.setStyleSheet("color: palette(dark);")
            value = QLabel("–", self)
            value.setObjectName(f"figure_{key}")
            font = QFont(value.font())
            font.setPointSizeF(font.pointSizeF() * 1.15)
            font.setBold(True)
            value.setFont(font)
            grid.addWidget(title, row, column)
            grid.addWidget(value, row + 1, column)
            self.values[key] = value

    def show_figures(self, figures: KeyFigures, currency: str) -> None:
        days = figures.average_days_between_orders

        def money(value: Decimal) -> str:
            return format_money(value, currency, zero="–")

        texts = {
            "revenue_12m": money(figures.revenue_12m),
            "revenue_lifetime": money(figures.revenue_lifetime),
            "orders": format_decimal(Decimal(figures.orders), 0) if figures.orders else "–",
            "last_order": format_date(figures.last_order) or "–",
            "average_days": format_decimal(days, 1) if days is not None else "–",
            "open_opportunities": str(figures.open_opportunities or "–"),
            "open_pipeline": money(figures.open_pipeline),
            "open_tasks": str(figures.open_tasks or "–"),
        }
        for key, text in texts.items():
            self.values[key].setText(text)


class DetailPanel(QStackedWidget):
    """Empty hint, or one customer (existing or new).

    Signals:
        save_requested(): the user pressed Save/Create in the profile.
        revert_requested(): the user pressed Revert.
        cancel_requested(): the user pressed Cancel on a new customer.
        tasks_requested(str): "show" or "add" this customer's tasks.
        history_requested(): show this customer's history of changes.
        plan_requested(): open this customer's account plan.
    """

    save_requested = Signal()
    revert_requested = Signal()
    cancel_requested = Signal()
    tasks_requested = Signal(str)  # "show" or "add": this customer's tasks
    history_requested = Signal()
    plan_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerDetail")
        hint = QLabel(self.tr("Select a customer on the left, or press New Customer."), self)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        self.addWidget(hint)

        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.title = QLabel(page)
        self.title.setObjectName("customerTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.subtitle = QLabel(page)
        self.subtitle.setStyleSheet("color: palette(placeholder-text);")
        self.figures = KeyFiguresView(page)
        self.tasks_button = QPushButton(self.tr("Tasks"), page)
        self.tasks_button.setObjectName("customerTasksButton")
        self.tasks_button.setToolTip(self.tr("Show this customer's tasks in the Tasks tab"))
        self.tasks_button.clicked.connect(lambda: self.tasks_requested.emit("show"))
        self.add_task_button = QPushButton(self.tr("Add Task…"), page)
        self.add_task_button.setObjectName("customerAddTaskButton")
        self.add_task_button.clicked.connect(lambda: self.tasks_requested.emit("add"))
        self.history_button = QPushButton(self.tr("History…"), page)
        self.history_button.setObjectName("customerHistoryButton")
        self.history_button.setToolTip(self.tr("Who changed what in this customer, and when"))
        self.history_button.clicked.connect(lambda _c=False: self.history_requested.emit())
        self.plan_button = QPushButton(self.tr("Account Plan…"), page)
        self.plan_button.setObjectName("customerPlanButton")
        self.plan_button.setToolTip(
            self.tr("This year's account plan: goals, strategy, actions and their figures")
        )
        self.plan_button.clicked.connect(lambda _c=False: self.plan_requested.emit())
        # The name has the panel's width; the commands sit under it, beside the city and
        # owner, so a long company name is not wrapped into a narrow column.
        layout.addWidget(self.title)
        commands = QHBoxLayout()
        commands.addWidget(self.subtitle, 1)
        for button in (self.tasks_button, self.add_task_button, self.plan_button):
            commands.addWidget(button)
        commands.addWidget(self.history_button)
        layout.addLayout(commands)
        layout.addWidget(self.figures)

        self.tabs = QTabWidget(page)
        self.tabs.setObjectName("customerDetailTabs")
        self.timeline = TimelineView(self.tabs)
        self.profile = ProfileForm()
        profile_page = QWidget(self.tabs)
        scroll = QScrollArea(profile_page)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.profile)
        self.save_button = QPushButton(self.tr("Save"), profile_page)
        self.save_button.setObjectName("customerSaveButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_requested)
        save = QAction(self.tr("Save"), profile_page)
        save.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))  # Ctrl+S in the form
        save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.triggered.connect(lambda _c=False: self.save_button.click())
        profile_page.addAction(save)
        self.revert_button = QPushButton(self.tr("Revert"), profile_page)
        self.revert_button.clicked.connect(self.revert_requested)
        self.cancel_button = QPushButton(self.tr("Cancel"), profile_page)
        self.cancel_button.setObjectName("customerCancelButton")
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.cancel_button.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        profile_layout = QVBoxLayout(profile_page)
        profile_layout.setContentsMargins(0, 0, 0, 0)
        profile_layout.addWidget(scroll)
        profile_layout.addLayout(buttons)
        self.contacts = ContactsPanel(self.tabs)
        self.tabs.addTab(self.timeline, self.tr("History"))
        self.tabs.addTab(profile_page, self.tr("Profile"))
        self.tabs.addTab(self.contacts, self.tr("Contacts"))
        self._profile_page = profile_page
        layout.addWidget(self.tabs, 1)
        self.addWidget(page)
        self.profile.edited.connect(self._on_profile_edited)
        self.customer_id: int | None = None
        self.dirty = False

    def _on_profile_edited(self) -> None:
        self.dirty = True
        self.save_button.setEnabled(True)
        self.revert_button.setEnabled(self.customer_id is not None)

    def showing_nothing(self) -> bool:
        """Neither a customer nor the new-customer form is shown."""
        return self.currentIndex() == 0

    def show_empty(self) -> None:
        self.customer_id = None
        self.dirty = False
        self.setCurrentIndex(0)

    def show_customer(self, detail: CustomerDetail, figures: KeyFigures) -> None:
        self.customer_id = detail.id
        self.setCurrentIndex(1)
        self.title.setText(detail.data.name)
        parts = [p for p in (detail.data.city, detail.data.industry, detail.owner_name) if p]
        self.subtitle.setText(" · ".join(parts))
        self.figures.show()
        self.figures.show_figures(figures, detail.data.currency)
        self.tasks_button.show()
        self.add_task_button.show()
        self.plan_button.show()
        self.history_button.show()
        self.profile.load(detail.data)
        self.contacts.set_contacts(detail.contacts)
        self.timeline.set_contacts(detail.contacts)
        for index in (0, 2):
            self.tabs.setTabEnabled(index, True)
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.hide()
        self.revert_button.show()
        self.dirty = False
        self.save_button.setEnabled(False)
        self.revert_button.setEnabled(False)

    def show_new(self, owner_id: int | None = None) -> None:
        """The empty form of a new customer, owned by ``owner_id`` (the user) to begin with."""
        from sms_desktop.services.customers import CustomerInput

        self.customer_id = None
        self.setCurrentIndex(1)
        self.title.setText(self.tr("New customer"))
        self.subtitle.setText("")
        self.figures.hide()
        self.tasks_button.hide()
        self.add_task_button.hide()
        self.plan_button.hide()
        self.history_button.hide()
        self.profile.load(CustomerInput(name="", owner_id=owner_id))
        self.tabs.setTabEnabled(0, False)
        self.tabs.setTabEnabled(2, False)
        self.tabs.setCurrentWidget(self._profile_page)
        self.save_button.setText(self.tr("Create"))
        self.save_button.setEnabled(True)
        self.revert_button.hide()
        self.cancel_button.show()
        self.dirty = False
        self.profile.edits["name"].setFocus()
