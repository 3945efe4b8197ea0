"""定价与报价: the list of quotes, the editor, the status flow, PDF and the product catalogue."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.enums import QuoteStatus
from sms_desktop.domain.quotes import (
    Change,
    QuoteAction,
    allowed_actions,
    can_do,
    revision_letter,
)
from sms_desktop.reporting.lists.quotes import QUOTES, STATUS_LABELS
from sms_desktop.services.quotes import QuoteFilter, QuoteRow, QuoteSortKey, StatusChange
from sms_desktop.services.registry import Services
from sms_desktop.ui.edit import edit_ok, run_edit
from sms_desktop.ui.formatting import ui_formats
from sms_desktop.ui.i18n import tr_message, translate
from sms_desktop.ui.models.paged import PagedTableModel, Role
from sms_desktop.ui.table_export import export_view
from sms_desktop.ui.tabs.base import AreaTab
from sms_desktop.ui.tabs.quotes.commands import (
    ChangeQuoteStatus,
    DeleteQuote,
    create_quote,
    update_quote,
)
from sms_desktop.ui.widgets.dialogs import run_modal
from sms_desktop.ui.widgets.list_table import buttons_menu, command_buttons, list_table
from sms_desktop.ui.widgets.search_field import SearchField

SEARCH_DELAY_MS = 150


# The buttons named by a quote action: enabled when the selected quote's status allows it.
_STATUS_BUTTONS = (
    QuoteAction.SEND,
    QuoteAction.ACCEPT,
    QuoteAction.REJECT,
    QuoteAction.REVISE,
    QuoteAction.DUPLICATE,
    QuoteAction.DELETE,
)


QuoteModel = PagedTableModel[QuoteFilter, QuoteSortKey, QuoteRow]


def status_label(status: QuoteStatus) -> str:
    return tr_message(STATUS_LABELS[status])


class QuotesTab(AreaTab):
    """Signals:
    status_message(str)
    """

    watches = frozenset(
        {
            "quotes",
            "quote_lines",
            "orders",
            "customers",
            "opportunities",
            "salespeople",
            "products",
            "price_lists",
            "price_rules",
        }
    )

    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("quotesTab")
        self._services = services
        self._undo = undo_stack
        self.today, self.now = today, now
        self._loaded = False

        self.search_edit = SearchField(
            "quoteSearch", self.tr("Search quote numbers and customers…"), SEARCH_DELAY_MS, self
        )
        self.search_edit.search_changed.connect(lambda _t: self.reload())
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("quoteStatusFilter")
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status in QuoteStatus:
            self.status_combo.addItem(status_label(status), status)
        self.owner_combo = QComboBox(self)
        self.owner_combo.setObjectName("quoteOwnerFilter")
        for combo in (self.status_combo, self.owner_combo):
            combo.activated.connect(lambda _i: self.reload())
        self.count_label = QLabel(self)
        self.count_label.setObjectName("quoteCount")
        new_button = QPushButton(self.tr("New Quote"), self)
        new_button.setObjectName("newQuoteButton")
        new_button.clicked.connect(self.new_quote)
        products = QPushButton(self.tr("Products…"), self)
        products.setObjectName("productsButton")
        products.clicked.connect(self.show_products)
        price_lists = QPushButton(self.tr("Price Lists…"), self)
        price_lists.setObjectName("priceListsButton")
        price_lists.clicked.connect(self.show_price_lists)
        export = QPushButton(self.tr("Export…"), self)
        export.setObjectName("exportQuotesButton")
        export.clicked.connect(self.export_view)
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 2)
        for caption_text, widget in (
            (self.tr("Status"), self.status_combo),
            (self.tr("Owner"), self.owner_combo),
        ):
            caption = QLabel(caption_text, self)
            caption.setBuddy(widget)
            top.addWidget(caption)
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(products)
        top.addWidget(price_lists)
        top.addWidget(new_button)

        self.model: QuoteModel = PagedTableModel(
            services.quotes,
            QUOTES,
            QuoteFilter(),
            formats=lambda: ui_formats(today=self._day()),
            parent=self,
        )
        self.table = list_table(self, "quoteTable", self.model, context_menu=self._context_menu)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(4, Qt.SortOrder.DescendingOrder)
        for column, width in enumerate((160, 0, 80, 130, 110, 200, 90)):
            if width:
                self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.model.total_changed.connect(
            lambda n: self.count_label.setText(self.tr("%Ln quote(s)", "", n))
        )

        actions = QHBoxLayout()
        actions.addWidget(self.count_label)
        actions.addStretch(1)
        self.buttons = command_buttons(
            self,
            actions,
            "quote",
            (
                ("open", self.tr("Open…"), self.open_current),
                ("send", self.tr("Mark Sent"), self.send_current),
                ("accept", self.tr("Accept"), self.accept_current),
                ("reject", self.tr("Reject"), self.reject_current),
                ("revise", self.tr("New Revision"), self.revise_current),
                ("duplicate", self.tr("Duplicate"), self.duplicate_current),
                ("changes", self.tr("Changes…"), self.show_changes),
                ("pdf", self.tr("PDF…"), self.preview_current),
                ("delete", self.tr("Delete"), self.delete_current),
            ),
        )
        actions.addWidget(export)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        new_action = QAction(self.tr("New Quote"), self)
        new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new_action.triggered.connect(self.new_quote)
        self.addAction(new_action)
        self._update_buttons()

    # ------------------------------------------------------------------- data

    def _day(self) -> date:
        return self.today()  # looked up on each call: tests replace the clock

    def show_owner(self, owner_id: int) -> None:
        index = self.owner_combo.findData(owner_id)
        if index >= 0:
            self.owner_combo.setCurrentIndex(index)
            self.reload()

    def search_box(self) -> SearchField:
        return self.search_edit

    def load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        owner = self.owner_combo.currentData()
        self.owner_combo.clear()
        self.owner_combo.addItem(self.tr("Everyone"), None)
        for person in self._services.salespeople.list(active_only=True):
            self.owner_combo.addItem(person.name, person.id)
        self.owner_combo.setCurrentIndex(max(0, self.owner_combo.findData(owner)))
        self.refresh()

    def refresh(self) -> None:
        """Expire the quotes past their validity, then re-read the list."""
        if not self._loaded:
            return
        expired = (
            run_edit(
                self, lambda: self._services.quotes.expire_due(today=self.today(), now=self.now())
            )
            or 0
        )
        if expired:
            self.status_message.emit(
                self.tr("%Ln quote(s) passed their validity and are now expired.", "", expired)
            )
        self.reload()

    def current_filter(self) -> QuoteFilter:
        status = self.status_combo.currentData()
        return QuoteFilter(
            status=QuoteStatus(status) if status else None,
            owner_id=self.owner_combo.currentData(),
            search=self.search_edit.text(),
        )

    def reload(self) -> None:
        if not self._loaded:
            return
        self.search_edit.cancel_pending()
        self.model.filter = self.current_filter()
        header = self.table.horizontalHeader()
        edit_ok(
            self,
            lambda: self.model.load_sorted(
                header.sortIndicatorSection(), header.sortIndicatorOrder()
            ),
        )

    def current_row(self) -> QuoteRow | None:
        index = self.table.currentIndex()
        row = index.data(Role.ROW) if index.isValid() else None
        return row if isinstance(row, QuoteRow) else None

    def select_quote(self, quote_id: int) -> None:
        row = self.model.row_of_id(quote_id)
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _show_saved(self, quote_id: int | None) -> None:
        """After an undo or redo of a save: the list re-read, the quote selected."""
        self.model.refresh_rows()
        self._show_quote(quote_id)

    def _show_quote(self, quote_id: int | None) -> None:
        """After an undo or redo: the quote selected, its buttons as its status allows."""
        if quote_id is not None:
            self.select_quote(quote_id)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.current_row()
        # What the status allows is the domain's table; the rest needs only a selection.
        allowed = allowed_actions(row.status) if row is not None else frozenset()
        enabled = {
            "open": row is not None,
            "changes": row is not None and row.revision > 1,
            "pdf": row is not None,
        } | {action.value: action in allowed for action in _STATUS_BUTTONS}
        for key, button in self.buttons.items():
            button.setEnabled(enabled[key])

    def _after_change(self, quote_id: int, message: str) -> None:
        self.model.refresh_rows()
        self.select_quote(quote_id)
        self._update_buttons()
        self.status_message.emit(message)

    def _context_menu(self, where: Any) -> None:
        if self.current_row() is None:
            return
        menu = buttons_menu(self, self.buttons)
        history = menu.addAction(self.tr("History…"))
        history.setObjectName("quoteHistoryAction")
        history.triggered.connect(lambda _checked=False: self.show_history())
        menu.exec(self.table.viewport().mapToGlobal(where))

    def show_history(self) -> None:
        """Who changed the selected quote (this revision), and when."""
        from sms_desktop.ui.dialogs.history_dialog import show_history

        row = self.current_row()
        if row is not None:
            show_history(self, self._services, "quote", row.id, row.label)

    # ---------------------------------------------------------------- editing

    def new_quote(self) -> None:
        from sms_desktop.services.quotes import QuoteInput
        from sms_desktop.ui.tabs.quotes.editor import QuoteEditor

        defaults = self._services.quotes.business_defaults()
        today = self.today()
        from datetime import timedelta

        initial = QuoteInput(
            customer_id=0,
            issue_date=today,
            valid_until=today + timedelta(days=defaults.quote_validity_days),
            currency=defaults.currency,
            language=defaults.quote_language,
            notes=defaults.quote_notes,
            terms=defaults.quote_terms,
        )
        editor = QuoteEditor(self._services, initial, parent=self)
        editor.customer_edit.customer_id = None
        if run_modal(editor) == QuoteEditor.DialogCode.Accepted and editor.saved is not None:
            saved = editor.saved
            self._undo.push(create_quote(self._services.quotes, saved, self._show_saved))
            self._after_change(saved.id, self.tr("Quote {label} saved.").format(label=saved.label))

    def edit_quote(self, quote_id: int) -> None:
        from sms_desktop.ui.tabs.quotes.editor import QuoteEditor

        quotes = self._services.quotes
        found = run_edit(self, lambda: quotes.get(quote_id))
        if found is None:
            return
        quote = found
        if not quote.editable:
            if not can_do(quote.status, QuoteAction.REVISE):
                self.preview(quote_id)
                return
            answer = QMessageBox.question(
                self,
                self.tr("Quote Sent"),
                self.tr(
                    "{label} was sent and cannot be changed. Make revision {letter} to edit it?"
                ).format(
                    label=quote.label, letter=revision_letter(quote.revisions[-1].revision + 1)
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            revised = run_edit(self, lambda: quotes.revise(quote_id))
            if revised is None:
                return
            if revised.id not in {r.id for r in quote.revisions}:  # made now
                self._undo.push(create_quote(quotes, revised, self._show_saved, revision=True))
            quote = revised
            self.model.refresh_rows()
        editor = QuoteEditor(
            self._services, quote.as_input(), quote, customer_name=quote.party.name, parent=self
        )
        if run_modal(editor) == QuoteEditor.DialogCode.Accepted and editor.saved is not None:
            saved = editor.saved
            self._undo.push(update_quote(quotes, quote, saved, self._show_saved))
            self._after_change(saved.id, self.tr("Quote {label} saved.").format(label=saved.label))
        else:
            self.model.refresh_rows()
            self.select_quote(quote.id)

    def open_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.edit_quote(row.id)

    def _status_action(self, action: Callable[[int], StatusChange], message: str) -> None:
        """Send, accept or reject the selected quote; Edit ▸ Undo takes it back."""
        row = self.current_row()
        if row is None:
            return
        change = run_edit(self, lambda: action(row.id))
        if change is None:
            return
        self._undo.push(
            ChangeQuoteStatus(
                self._services.quotes, change, action, self.model.refresh_rows, self._show_quote
            )
        )
        self._after_change(row.id, message.format(label=row.label))

    def send_current(self) -> None:
        quotes = self._services.quotes
        self._status_action(
            lambda qid: quotes.send(qid, now=self.now()),
            self.tr("{label} marked as sent; it can no longer be changed."),
        )

    def accept_current(self) -> None:
        quotes = self._services.quotes
        self._status_action(
            lambda qid: quotes.accept(qid, today=self.today(), now=self.now()),
            self.tr("{label} accepted: the order was created."),
        )

    def reject_current(self) -> None:
        quotes = self._services.quotes
        self._status_action(
            lambda qid: quotes.reject(qid, now=self.now()), self.tr("{label} rejected.")
        )

    def revise_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.edit_quote(row.id)

    def delete_current(self) -> None:
        """Move the selected draft to the trash (Edit ▸ Undo puts it back)."""
        row = self.current_row()
        if row is None:
            return
        quotes = self._services.quotes
        if not edit_ok(self, lambda: quotes.delete(row.id)):
            return
        self._undo.push(DeleteQuote(quotes, row.id, row.label, self.model.refresh_rows))
        self.status_message.emit(
            self.tr("Moved to the trash. Undo with Ctrl+Z or restore from Edit ▸ Trash.")
        )

    def duplicate_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        copy = run_edit(self, lambda: self._services.quotes.duplicate(row.id, today=self.today()))
        if copy is None:
            return
        self.model.refresh_rows()
        self.select_quote(copy.id)
        self.status_message.emit(
            self.tr("{label} copied to {copy}.").format(label=row.label, copy=copy.label)
        )
        self.edit_quote(copy.id)

    def show_changes(self) -> None:
        row = self.current_row()
        if row is None:
            return
        changes = run_edit(self, lambda: self._services.quotes.diff_with_previous(row.id) or [])
        if changes is None:
            return
        from sms_desktop.ui.tabs.quotes.dialogs import ChangesDialog

        run_modal(ChangesDialog(row.label, changes, self))

    def preview_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.preview(row.id)

    def preview(self, quote_id: int) -> None:
        from sms_desktop.ui.tabs.quotes.preview import QuotePreviewDialog

        dialog = run_edit(self, lambda: QuotePreviewDialog(self._services, quote_id, self))
        if dialog is not None:
            run_modal(dialog)

    def show_products(self) -> None:
        from sms_desktop.ui.tabs.quotes.products import ProductsDialog

        run_modal(ProductsDialog(self._services, self._undo, self))

    def show_price_lists(self) -> None:
        from sms_desktop.ui.tabs.quotes.price_lists import PriceListsDialog

        run_modal(PriceListsDialog(self._services, self._undo, self))

    def export_view(self) -> None:
        export_view(
            self,
            self.model,
            self.table.horizontalHeader(),
            title=self.tr("Export Quotes"),
            label=self.tr("Exporting quotes…"),
            done=lambda n, path: self.tr("Exported %Ln quote(s) to {path}.", "", n).format(
                path=str(path)
            ),
            on_done=self.status_message.emit,
        )


def change_text(change: Change) -> str:
    """One line of a revision diff, for people."""
    names = {
        "issue_date": translate("QuoteChanges", "Issue date"),
        "valid_until": translate("QuoteChanges", "Valid until"),
        "contact_id": translate("QuoteChanges", "Contact"),
        "currency": translate("QuoteChanges", "Currency"),
        "tax_mode": translate("QuoteChanges", "Tax mode"),
        "notes": translate("QuoteChanges", "Notes"),
        "terms": translate("QuoteChanges", "Terms"),
        "total": translate("QuoteChanges", "Total"),
        "description": translate("QuoteChanges", "description"),
        "quantity": translate("QuoteChanges", "quantity"),
        "unit": translate("QuoteChanges", "unit"),
        "unit_price": translate("QuoteChanges", "unit price"),
        "discount_percent": translate("QuoteChanges", "discount %"),
        "tax_rate": translate("QuoteChanges", "tax %"),
    }
    if change.what == "added":
        return translate("QuoteChanges", "Added: {line} ({amount})").format(
            line=change.label, amount=change.new or ""
        )
    if change.what == "removed":
        return translate("QuoteChanges", "Removed: {line} ({amount})").format(
            line=change.label, amount=change.old or ""
        )
    field = names.get(change.field or "", change.field or "")
    if change.what == "field":
        return translate("QuoteChanges", "{field}: {old} → {new}").format(
            field=field, old=change.old or "–", new=change.new or "–"
        )
    return translate("QuoteChanges", "{line}: {field} {old} → {new}").format(
        line=change.label, field=field, old=change.old or "–", new=change.new or "–"
    )
