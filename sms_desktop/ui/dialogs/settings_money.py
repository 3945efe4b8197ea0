"""Settings ▸ Money: the dated exchange rates (entered, deleted, imported from CSV; each an
undoable step, saved at once like the pipeline's stages) and the account codes the
accounting export books to (saved with the dialog's OK)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sms_desktop.domain.errors import DomainError, ValidationError
from sms_desktop.domain.money import CURRENCIES
from sms_desktop.services.currencies import CurrenciesService, RateRow
from sms_desktop.services.registry import Services
from sms_desktop.services.settings import AccountCodes
from sms_desktop.ui.dialogs.messages import show_error
from sms_desktop.ui.edit import edit_ok, run_edit
from sms_desktop.ui.formatting import date_format, from_qdate, to_qdate
from sms_desktop.ui.i18n import tr_error, translate
from sms_desktop.ui.undo import CallCommand
from sms_desktop.ui.widgets.field_errors import FieldErrors
from sms_desktop.ui.widgets.file_dialogs import ask_open_path


def _account_labels() -> dict[str, str]:
    return {
        "receivable": translate("MoneySettings", "Receivables (应收账款):"),
        "revenue": translate("MoneySettings", "Revenue (主营业务收入):"),
        "output_vat": translate("MoneySettings", "Output VAT (销项税额):"),
        "bank": translate("MoneySettings", "Bank (银行存款):"),
        "exchange": translate("MoneySettings", "Exchange differences (汇兑损益):"),
    }


class MoneySettingsPage(QWidget):
    def __init__(
        self,
        services: Services,
        errors: FieldErrors,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
        undo: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("moneySettingsPage")
        self._services = services
        self._undo = undo
        self._rows: list[RateRow] = []
        company = services.currencies.company_currency()

        rates = QGroupBox(self.tr("Exchange rates (1 unit = … {company})").format(company=company))
        self.table = QTableWidget(0, 3, rates)
        self.table.setObjectName("ratesTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Currency"), self.tr("From"), self.tr("Rate")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.currency_combo = QComboBox(rates)
        self.currency_combo.setObjectName("rateCurrency")
        self.currency_combo.addItems([c for c in CURRENCIES if c != company])
        self.date_edit = QDateEdit(rates)
        self.date_edit.setObjectName("rateDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_format())
        self.date_edit.setDate(to_qdate(today()))
        self.rate_edit = QLineEdit(rates)
        self.rate_edit.setObjectName("rateValue")
        self.rate_edit.setPlaceholderText("7.123400")
        self.rate_error = QLabel(rates)
        self.rate_error.setObjectName("rateError")
        self.rate_error.setWordWrap(True)
        add = QPushButton(self.tr("Set Rate"), rates)
        add.setObjectName("setRateButton")
        add.clicked.connect(self.set_rate)
        self.rate_edit.returnPressed.connect(self.set_rate)
        remove = QPushButton(self.tr("Delete"), rates)
        remove.setObjectName("deleteRateButton")
        remove.clicked.connect(self.delete_rate)
        import_button = QPushButton(self.tr("Import CSV…"), rates)
        import_button.setObjectName("importRatesButton")
        import_button.setToolTip(self.tr("Rows of currency, date, rate (a header row is skipped)"))
        import_button.clicked.connect(self.import_csv)
        entry = QHBoxLayout()
        for widget in (self.currency_combo, self.date_edit, self.rate_edit, add):
            entry.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(import_button)
        buttons.addWidget(remove)
        rates_layout = QVBoxLayout(rates)
        rates_layout.addWidget(self.table, 1)
        rates_layout.addLayout(entry)
        rates_layout.addWidget(self.rate_error)
        rates_layout.addLayout(buttons)

        accounts = QGroupBox(self.tr("Account codes of the accounting export"))
        form = QFormLayout(accounts)
        codes = services.settings.account_codes()
        self.account_edits: dict[str, QLineEdit] = {}
        for key, label in _account_labels().items():
            code = QLineEdit(getattr(codes, key), accounts)
            code.setObjectName(f"account_{key}")
            code.setMaximumWidth(110)
            name = QLineEdit(getattr(codes, f"{key}_name"), accounts)
            name.setObjectName(f"account_{key}_name")
            self.account_edits[key], self.account_edits[f"{key}_name"] = code, name
            row = QWidget(accounts)
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.addWidget(code)
            row_layout.addWidget(name, 1)
            errors.add_row(form, key, label, row)
            errors.watch(f"{key}_name", name)

        layout = QVBoxLayout(self)
        layout.addWidget(rates, 1)
        layout.addWidget(accounts)
        self.reload()

    def account_codes(self) -> AccountCodes:
        return AccountCodes(
            **{f.name: self.account_edits[f.name].text() for f in fields(AccountCodes)}
        )

    # ------------------------------------------------------------------- rates

    def reload(self) -> None:
        rows = run_edit(self, self._services.currencies.rates)
        self._rows = rows or []
        self.table.setRowCount(len(self._rows))
        for index, row in enumerate(self._rows):
            for column, text in enumerate(
                (row.currency, row.rate_date.strftime("%Y-%m-%d"), f"{row.rate:f}")
            ):
                self.table.setItem(index, column, QTableWidgetItem(text))

    def _push(self, command: CallCommand) -> None:
        if self._undo is not None:
            self._undo.push(command)

    def set_rate(self) -> None:
        currencies = self._services.currencies
        code, day = self.currency_combo.currentText(), from_qdate(self.date_edit.date())
        try:
            rate = Decimal(self.rate_edit.text().strip().replace(",", ""))
        except InvalidOperation:
            rate = Decimal(0)
        before = next((r for r in self._rows if (r.currency, r.rate_date) == (code, day)), None)
        try:
            saved = currencies.set_rate(code, day, rate)
        except ValidationError as exc:
            self.rate_error.setText(tr_error(exc))
            return
        self.rate_error.clear()
        self.rate_edit.clear()

        def undo_it() -> None:
            if before is None:
                currencies.delete_rate(_rate_id(currencies, code, day))
            else:
                currencies.set_rate(code, day, before.rate)

        self._push(
            CallCommand(
                translate("MoneySettings", "Set the {currency} rate of {day}").format(
                    currency=code, day=day.isoformat()
                ),
                lambda: currencies.set_rate(code, day, saved.rate),
                undo_it,
                self.reload,
            )
        )
        self.reload()

    def delete_rate(self) -> None:
        index = self.table.currentRow()
        if not 0 <= index < len(self._rows):
            return
        row = self._rows[index]
        currencies = self._services.currencies
        if not edit_ok(self, lambda: currencies.delete_rate(row.id)):
            return
        self._push(
            CallCommand(
                translate("MoneySettings", "Delete the {currency} rate of {day}").format(
                    currency=row.currency, day=row.rate_date.isoformat()
                ),
                lambda: currencies.delete_rate(_rate_id(currencies, row.currency, row.rate_date)),
                lambda: currencies.set_rate(row.currency, row.rate_date, row.rate),
                self.reload,
            )
        )
        self.reload()

    def import_csv(self) -> None:
        path = ask_open_path(
            self, self.tr("Import Exchange Rates"), None, self.tr("CSV files (*.csv *.txt)")
        )
        if path is None:
            return
        try:
            result = self._services.currencies.import_csv(path)
        except (OSError, DomainError) as exc:
            show_error(self, exc)
            return
        self.rate_error.setText(
            self.tr("{added} rates added, {replaced} replaced.").format(
                added=result.added, replaced=result.replaced
            )
        )
        self.reload()


def _rate_id(currencies: CurrenciesService, code: str, day: date) -> int:
    """The id a rate has now (an undo or redo may have entered it again under a new one)."""
    return next(r.id for r in currencies.rates(code) if r.rate_date == day)
