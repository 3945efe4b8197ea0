"""客户管理: the customers list with filters and instant search, and the detail panel."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from PySide6.QtCore import (
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.errors import DomainError
from sms_desktop.reporting.lists.customers import CUSTOMERS
from sms_desktop.services.customers import (
    ContactInput,
    CustomerFilter,
    CustomerInput,
    CustomerRow,
    CustomerSortKey,
    CustomersService,
)
from sms_desktop.services.registry import Services
from sms_desktop.ui.dialogs.messages import Unsaved, ask_unsaved, show_error
from sms_desktop.ui.edit import edit_ok, run_edit
from sms_desktop.ui.models.paged import PagedTableModel, Role
from sms_desktop.ui.navigation import AccountPlanRequest, Navigation, ShowCustomer, TaskRequest
from sms_desktop.ui.settings_store import SettingsStore
from sms_desktop.ui.table_export import export_view
from sms_desktop.ui.tabs.base import AreaTab
from sms_desktop.ui.tabs.customers import commands
from sms_desktop.ui.tabs.customers.detail import DetailPanel
from sms_desktop.ui.widgets.dialogs import run_modal
from sms_desktop.ui.widgets.search_field import SearchField

SEARCH_DELAY_MS = 120


COUNT_CAP = 1_000
CustomerModel = PagedTableModel[CustomerFilter, CustomerSortKey, CustomerRow]


def _count_cap(flt: CustomerFilter) -> int | None:
    """A search is counted only up to COUNT_CAP: beyond that, "1,000+" says all a user
    needs, and counting every match of a broad search costs more than the page."""
    return COUNT_CAP if flt.search.strip() else None


def customer_model(
    customers: CustomersService, *, page_size: int = 256, parent: QObject | None = None
) -> CustomerModel:
    """The customers list: filtered, searched and sorted in SQL, a page at a time."""
    return PagedTableModel(
        customers,
        CUSTOMERS,
        CustomerFilter(),
        count_cap=_count_cap,
        page_size=page_size,
        parent=parent,
    )


class CustomersTab(AreaTab):
    """Signals:
    status_message(str): something to tell the user in the status bar.
    data_shown(): the first page of customers is on screen.
    """

    watches = frozenset(
        {
            "customers",
            "customer_stats",
            "contacts",
            "interactions",
            "tags",
            "customer_tags",
            "salespeople",
            "orders",
            "quotes",
            "opportunities",
            "activities",
        }
    )

    data_shown = Signal()

    def __init__(
        self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._undo = undo_stack
        self._store = SettingsStore()
        self.model = customer_model(services.customers, parent=self)
        self._loaded = False

        self.search_edit = SearchField(
            "customerSearch",
            self.tr("Search name, contact, phone, email, WeChat, tax id, notes, pinyin…"),
            SEARCH_DELAY_MS,
            self,
        )
        self.search_edit.search_changed.connect(lambda _t: self.apply_filter())
        self.owner_combo = self._filter_combo("ownerFilter")
        self.tier_combo = self._filter_combo("tierFilter")
        self.industry_combo = self._filter_combo("industryFilter")
        self.city_combo = self._filter_combo("cityFilter")
        self.tag_combo = self._filter_combo("tagFilter")
        self.quiet_spin = QSpinBox(self)
        self.quiet_spin.setObjectName("noContactFilter")
        self.quiet_spin.setRange(0, 3650)
        self.quiet_spin.setSingleStep(30)
        self.quiet_spin.setSpecialValueText(self.tr("any time"))
        self.quiet_spin.setSuffix(self.tr(" days"))
        self.quiet_spin.setToolTip(self.tr("Only customers with no contact for this many days"))
        self.quiet_spin.valueChanged.connect(lambda _v: self.apply_filter())
        self.count_label = QLabel(self)
        self.count_label.setObjectName("customerCount")
        new_button = QPushButton(self.tr("New Customer"), self)
        new_button.setObjectName("newCustomerButton")
        new_button.clicked.connect(self.new_customer)
        export_button = QPushButton(self.tr("Export…"), self)
        export_button.setObjectName("exportCustomersButton")
        export_button.clicked.connect(self.export_view)

        # Row 1: search and the actions; row 2: the filters and the count. Two rows keep
        # every control readable on a 1024-pixel laptop screen too.
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(new_button)
        search_row.addWidget(export_button)
        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("Owner"), self.owner_combo),
            (self.tr("Tier"), self.tier_combo),
            (self.tr("Industry"), self.industry_combo),
            (self.tr("City"), self.city_combo),
            (self.tr("Tag"), self.tag_combo),
            (self.tr("No contact for"), self.quiet_spin),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        self.detail = DetailPanel(self)
        self.detail.save_requested.connect(self.save_profile)
        self.detail.revert_requested.connect(lambda: self.show_customer(self.detail.customer_id))
        self.detail.cancel_requested.connect(self._on_detail_cancel_requested)
        self.detail.tasks_requested.connect(self._on_detail_tasks_requested)
        self.detail.history_requested.connect(self._show_history)
        self.detail.plan_requested.connect(self._request_plan)
        self._before_new: int | None = None
        self.detail.timeline.log_requested.connect(self.log_interaction)
        self.detail.contacts.add_requested.connect(self._on_contacts_add_requested)
        self.detail.contacts.edit_requested.connect(self._on_contacts_edit_requested)
        self.detail.contacts.remove_requested.connect(self._on_contacts_remove_requested)
        self.detail.contacts.copied.connect(
            lambda text: self.status_message.emit(self.tr("Copied {text}").format(text=text))
        )

        self.table = QTableView(self)
        self.table.setObjectName("customerTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # headers clip mid-word otherwise
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu)
        header.sortIndicatorChanged.connect(lambda *_: self._save_header())
        header.sectionResized.connect(lambda *_: self._save_header())
        header.sectionMoved.connect(lambda *_: self._save_header())
        # The name takes what is left; the figures keep a readable width.
        widths = (0, 70, 72, 44, 62, 78, 110, 100, 110)
        for column, width in enumerate(widths[1:], start=1):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        state = self._store.state("customers/header")
        if state is not None:
            header.restoreState(state)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_menu)
        self.table.doubleClicked.connect(lambda _i: self.detail.tabs.setCurrentIndex(0))

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("customersSplitter")
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([860, 520])
        self._splitter = splitter
        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.model.total_changed.connect(self._on_model_total_changed)
        self.model.modelReset.connect(self._reselect)
        self._add_shortcuts()

    # ----------------------------------------------------------------- set-up

    def _filter_combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMinimumContentsLength(6)
        combo.activated.connect(lambda _i: self.apply_filter())
        return combo

    def _add_shortcuts(self) -> None:
        def add(text: str, keys: QKeySequence | QKeySequence.StandardKey, slot: object) -> QAction:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            return action

        self.new_action = add(
            self.tr("New Customer"), QKeySequence.StandardKey.New, self.new_customer
        )
        self.delete_action = QAction(self.tr("Delete Customer"), self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.table.addAction(self.delete_action)

    def search_box(self) -> SearchField:
        return self.search_edit

    def _fill_filter_options(self) -> None:
        options = self._services.customers.filter_options()
        everyone = self.tr("All")

        def fill(combo: QComboBox, items: Sequence[tuple[str, object]]) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, None)
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

        fill(
            self.owner_combo,
            [(self.tr("(unassigned)"), -1)] + [(o.name, o.id) for o in options.owners],
        )
        fill(self.tier_combo, [(t, t) for t in options.tiers])
        fill(self.industry_combo, [(t, t) for t in options.industries])
        fill(self.city_combo, [(t, t) for t in options.cities])
        fill(self.tag_combo, [(t.name, t.id) for t in options.tags])
        self.detail.profile.set_options(options)

    # ------------------------------------------------------------------- data

    def load(self) -> None:
        """Show the first page (called once the window is up)."""
        if self._loaded:
            return
        self._loaded = True
        header = self.table.horizontalHeader()
        self.model.load_sorted(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.data_shown.emit()
        # The list first; the filter choices and the first customer's panel right after.
        QTimer.singleShot(0, self._finish_loading)

    def _finish_loading(self) -> None:
        self._fill_filter_options()
        if self.model.rowCount() and self.detail.showing_nothing():
            self.select_customer(self.model.index(0, 0).data(Role.ID))

    def refresh(self) -> None:
        if not self._loaded:
            return
        self._fill_filter_options()
        self.model.refresh_rows()
        if not self.detail.dirty:  # never overwrite what the user is typing
            self.show_customer(self.detail.customer_id)

    def current_filter(self) -> CustomerFilter:
        owner = self.owner_combo.currentData()
        return CustomerFilter(
            search=self.search_edit.text(),
            owner_id=owner if isinstance(owner, int) and owner > 0 else None,
            unassigned=owner == -1,
            tier=self.tier_combo.currentData(),
            industry=self.industry_combo.currentData(),
            city=self.city_combo.currentData(),
            tag_id=self.tag_combo.currentData(),
            no_contact_days=self.quiet_spin.value() or None,
        )

    def apply_filter(self) -> None:
        self.search_edit.cancel_pending()
        if not edit_ok(self, lambda: self.model.set_filter(self.current_filter())):
            return
        # The panel follows the list: keep its customer if still listed, else the first row.
        shown = self.detail.customer_id
        if shown is None or self.model.row_of_id(shown) is None:
            if self.model.rowCount():
                self.select_customer(self.model.index(0, 0).data(Role.ID))
            else:
                self.detail.show_empty()

    def _on_model_total_changed(self, total: int) -> None:
        if self.model.total_capped:
            self.count_label.setText(
                self.tr("{count}+ customers").format(count=QLocale().toString(total))
            )
        else:
            self.count_label.setText(self.tr("%Ln customer(s)", "", total))

    def _reselect(self) -> None:
        customer_id = self.detail.customer_id
        if customer_id is None:
            return
        row = self.model.row_of_id(customer_id)
        if row is not None:
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.index(r, 0).data(Role.ID) for r in rows]

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not current.isValid():
            return
        if not self.leave_profile():
            # Stay on the customer whose edits are kept (without asking again).
            self.table.selectionModel().blockSignals(True)
            self.table.setCurrentIndex(previous)
            self.table.selectRow(previous.row())
            self.table.selectionModel().blockSignals(False)
            return
        self.show_customer(current.data(Role.ID))

    def leave_profile(self) -> bool:
        """May the profile being edited be left? Asks Save / Discard / Cancel when it holds
        typed changes; False keeps them (Cancel, or a save that was refused)."""
        if not self.detail.dirty:
            return True
        name = self.detail.profile.value().name or self.tr("the new customer")
        answer = ask_unsaved(
            self, self.tr("Save your changes to “{name}” first?").format(name=name)
        )
        if answer is Unsaved.CANCEL:
            return False
        if answer is Unsaved.SAVE:
            return self.save_profile()
        self.detail.dirty = False
        return True

    def show_customer(self, customer_id: int | None) -> None:
        if customer_id is None:
            self.detail.show_empty()
            return
        try:
            detail = self._services.customers.get(customer_id)
            if detail.deleted:
                self.detail.show_empty()
                return
            figures = self._services.customers.key_figures(customer_id)
            self.detail.show_customer(detail, figures)
            self.detail.timeline.set_entries(self._services.interactions.timeline(customer_id))
        except DomainError as exc:
            show_error(self, exc)
            self.detail.show_empty()

    def navigate(self, request: Navigation) -> None:
        if isinstance(request, ShowCustomer):
            self.select_customer(request.customer_id)
        else:
            super().navigate(request)

    def show_owner(self, owner_id: int) -> None:
        if self.owner_combo.findData(owner_id) < 0:  # the choices are filled after the list
            self._fill_filter_options()
        index = self.owner_combo.findData(owner_id)
        if index >= 0:
            self.owner_combo.setCurrentIndex(index)
            self.apply_filter()

    def select_customer(self, customer_id: int) -> None:
        """Select the customer in the list if it is loaded, and show it."""
        row = self.model.row_of_id(customer_id)
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.show_customer(customer_id)

    def _after_change(self, customer_id: int | None) -> None:
        """Called by every undo command after (re)doing or undoing."""
        self._fill_filter_options()
        self.model.refresh_rows()
        if customer_id is None:
            self.detail.show_empty()
        else:
            self.select_customer(customer_id)

    # ---------------------------------------------------------------- editing

    def new_customer(self) -> None:
        if not self.leave_profile():
            return
        self._before_new = self.detail.customer_id
        self.table.clearSelection()
        self.detail.show_new(owner_id=self._services.salespeople.me())

    def _on_detail_cancel_requested(self) -> None:
        """Leave the new-customer form: back to the customer shown before."""
        if self._before_new is not None:
            self.select_customer(self._before_new)
        else:
            self.detail.show_empty()

    def save_profile(self) -> bool:
        """Save the profile form (create or update); did it succeed?"""
        data = self.detail.profile.value()
        customers = self._services.customers
        errors = self.detail.profile.errors
        customer_id = self.detail.customer_id
        if customer_id is None:
            return run_edit(self, lambda: self._create(data), errors=errors) is True
        before = run_edit(self, lambda: customers.update(customer_id, data), errors=errors)
        if before is None:
            return False
        self.detail.dirty = False
        self._undo.push(
            commands.UpdateCustomer(customers, customer_id, before, data, self._after_change)
        )
        self.status_message.emit(self.tr("Saved."))
        return True

    def _create(self, data: CustomerInput) -> bool:
        """Create the customer unless the user picks a duplicate instead; created?"""
        from sms_desktop.services.customers import clean_customer
        from sms_desktop.ui.tabs.customers.dialogs import DuplicateAction, DuplicatesDialog

        cleaned = clean_customer(data)  # raises ValidationError before any question
        candidates = self._services.duplicates.find(
            name=cleaned.name, phone=cleaned.phone, email=cleaned.email, tax_id=cleaned.tax_id
        )
        if candidates:
            dialog = DuplicatesDialog(cleaned.name, candidates, self)
            if run_modal(dialog) != DuplicatesDialog.DialogCode.Accepted:
                return False
            if dialog.action is DuplicateAction.OPEN_EXISTING and dialog.chosen_id:
                self.detail.dirty = False
                self.select_customer(dialog.chosen_id)
                return False
        customer_id = self._services.customers.create(cleaned)
        self._undo.push(
            commands.CreateCustomer(
                self._services.customers, customer_id, cleaned.name, self._after_change
            )
        )
        self.detail.dirty = False
        self.status_message.emit(self.tr("Customer created."))
        return True

    def delete_selected(self) -> None:
        """Delete the selected rows, or else the customer shown in the panel."""
        ids = self.selected_ids()
        if not ids and self.detail.customer_id is not None:
            ids = [self.detail.customer_id]
        if not ids:
            return
        self._undo.beginMacro(self.tr("Delete %Ln customer(s)", "", len(ids)))
        try:
            for customer_id in ids:
                name = self._services.customers.get(customer_id).data.name
                self._services.customers.delete(customer_id)
                self._undo.push(
                    commands.DeleteCustomer(
                        self._services.customers, customer_id, name, self._after_change
                    )
                )
        except DomainError as exc:
            show_error(self, exc)
        finally:
            self._undo.endMacro()
        self.status_message.emit(
            self.tr("Moved to the trash. Undo with Ctrl+Z or restore from Edit ▸ Trash.")
        )

    def merge_selected(self) -> None:
        from sms_desktop.ui.tabs.customers.dialogs import MergeDialog

        ids = self.selected_ids()
        if len(ids) != 2:
            return
        details = [self._services.customers.get(i) for i in ids]
        names = [d.data.name for d in details]
        # City and owner tell near-identical names apart.
        labels = [
            " · ".join(v for v in (d.data.name, d.data.city, d.owner_name) if v) for d in details
        ]
        dialog = MergeDialog((ids[0], labels[0]), (ids[1], labels[1]), self)
        if run_modal(dialog) != MergeDialog.DialogCode.Accepted:
            return
        keep, drop = dialog.keep_and_drop()
        record = run_edit(self, lambda: self._services.duplicates.merge(keep, drop))
        if record is None:
            return
        keep_name = names[ids.index(keep)]
        self._undo.push(
            commands.MergeCustomers(
                self._services.duplicates, record, keep_name, self._after_change
            )
        )
        self.status_message.emit(self.tr("Merged into {name}.").format(name=keep_name))

    def log_interaction(self, data: object) -> None:
        from sms_desktop.services.interactions import InteractionInput

        assert isinstance(data, InteractionInput)
        customer_id = self.detail.customer_id
        if customer_id is None:
            return
        interactions = self._services.interactions
        interaction_id = run_edit(
            self,
            lambda: interactions.log(customer_id, data),
            errors=self.detail.timeline.composer.errors,
        )
        if interaction_id is None:
            return
        self.detail.timeline.composer.hide()
        self._undo.push(
            commands.LogInteraction(
                interactions, customer_id, interaction_id, data, self._after_change
            )
        )

    def _on_contacts_add_requested(self, data: ContactInput) -> None:
        customer_id = self.detail.customer_id
        if customer_id is None:
            return
        contact_id = run_edit(self, lambda: self._services.customers.add_contact(customer_id, data))
        if contact_id is None:
            return
        self._undo.push(
            commands.AddContact(
                self._services.customers, customer_id, contact_id, data.name, self._after_change
            )
        )

    def _on_contacts_edit_requested(
        self, contact_id: int, before: ContactInput, after: ContactInput
    ) -> None:
        customer_id = self.detail.customer_id
        if customer_id is None:
            return
        if not edit_ok(self, lambda: self._services.customers.update_contact(contact_id, after)):
            return
        self._undo.push(
            commands.UpdateContact(
                self._services.customers, customer_id, contact_id, before, after, self._after_change
            )
        )

    def _on_contacts_remove_requested(self, contact_id: int, name: str) -> None:
        customer_id = self.detail.customer_id
        if customer_id is None:
            return
        if not edit_ok(self, lambda: self._services.customers.remove_contact(contact_id)):
            return
        self._undo.push(
            commands.RemoveContact(
                self._services.customers, customer_id, contact_id, name, self._after_change
            )
        )

    # ------------------------------------------------------------- menus, export

    def _on_table_menu(self, pos: QPoint) -> None:
        ids = self.selected_ids()
        menu = QMenu(self)
        menu.addAction(self.new_action)
        if ids:
            menu.addAction(self.delete_action)
        if len(ids) == 2:
            merge = menu.addAction(self.tr("Merge These Two Customers…"))
            merge.triggered.connect(self.merge_selected)
        if len(ids) == 1:
            menu.addSeparator()
            for text, action in (
                (self.tr("Tasks of This Customer"), "show"),
                (self.tr("Add Task…"), "add"),
                (self.tr("Start Follow-up Plan…"), "plan"),
            ):
                item = menu.addAction(text)
                item.triggered.connect(
                    lambda _c=False, a=action, i=ids[0]: self.request_tasks(i, a)
                )
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def _show_history(self) -> None:
        from sms_desktop.ui.dialogs.history_dialog import show_history

        customer_id = self.detail.customer_id
        if customer_id is not None:
            show_history(self, self._services, "customer", customer_id, self.detail.title.text())

    def _request_plan(self) -> None:
        customer_id = self.detail.customer_id
        if customer_id is not None:
            self.navigation_requested.emit(
                AccountPlanRequest(customer_id, self.detail.title.text())
            )

    def _on_detail_tasks_requested(self, action: str) -> None:
        if self.detail.customer_id is not None and action in ("show", "add"):
            self.request_tasks(self.detail.customer_id, "show" if action == "show" else "add")

    def request_tasks(self, customer_id: int, action: Literal["show", "add", "plan"]) -> None:
        """Ask the Tasks tab to show, add or plan this customer's tasks."""
        name = run_edit(self, lambda: self._services.customers.get(customer_id).data.name)
        if name is None:
            return
        self.navigation_requested.emit(
            TaskRequest(action, customer_id=customer_id, customer_name=name)
        )

    def _on_header_menu(self, pos: QPoint) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for column in range(self.model.columnCount()):
            action = menu.addAction(self.model.headerData(column, Qt.Orientation.Horizontal))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column != 0)
            action.toggled.connect(lambda on, c=column: self._set_column_visible(c, on))
        menu.exec(header.mapToGlobal(pos))

    def _set_column_visible(self, column: int, visible: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(column, not visible)
        self._save_header()

    def _save_header(self) -> None:
        self._store.save_state("customers/header", self.table.horizontalHeader().saveState())

    def export_view(self) -> None:
        export_view(
            self,
            self.model,
            self.table.horizontalHeader(),
            title=self.tr("Export Customers"),
            label=self.tr("Exporting customers…"),
            done=lambda n, path: self.tr("Exported %Ln customer(s) to {path}.", "", n).format(
                path=str(path)
            ),
            on_done=self.status_message.emit,
        )

    def header_view(self) -> QHeaderView:
        return self.table.horizontalHeader()
