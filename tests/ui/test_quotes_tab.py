"""The Quotes tab: the list, the editor with live totals, the status flow, PDF and products."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMessageBox,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from sms_desktop.domain.enums import DocumentLanguage, QuoteLineKind, QuoteStatus
from sms_desktop.persistence import models as m
from sms_desktop.reporting.lists.quotes import QUOTES
from sms_desktop.services.customers import ContactInput, CustomerInput
from sms_desktop.services.quotes import LineData, QuoteFilter, QuoteInput
from sms_desktop.services.registry import Services
from sms_desktop.services.workspace import open_workspace
from sms_desktop.ui.actions import ActionId
from sms_desktop.ui.application import Controller
from sms_desktop.ui.documents.lines_model import (
    AMOUNT,
    DESCRIPTION,
    PRICE,
    QUANTITY,
    RULE,
    DocumentLinesModel,
)
from sms_desktop.ui.documents.preview import print_pdf
from sms_desktop.ui.tabs.quotes.editor import QuoteEditor
from sms_desktop.ui.tabs.quotes.preview import QuotePreviewDialog
from sms_desktop.ui.tabs.quotes.products import ProductDialog, ProductsDialog
from sms_desktop.ui.tabs.quotes.tab import QuotesTab
from tests.ui.keyboard import type_text

TODAY = date(2026, 5, 1)
D = Decimal


@pytest.fixture
def company_db(company_db: Path) -> Path:
    """A tier-A customer with a contact, two products and a tier price list."""
    workspace = open_workspace(company_db)
    services = workspace.services
    customer = services.customers.create(
        CustomerInput(name="<b>Acme & Co", name_en="R&D <Ltd>", tier="A")
    )
    services.customers.add_contact(customer, ContactInput(name="王伟"))
    with workspace.db.write() as s:
        desk = m.Product(
            sku="DK-100",
            name_zh="办公桌",
            name_en="Office desk",
            unit="张",
            list_price=D("1000.00"),
            cost=D("700.00"),
            tax_rate=D("13"),
        )
        chair = m.Product(
            sku="CH-200",
            name_zh="办公椅",
            name_en="Office chair",
            unit="把",
            list_price=D("300.00"),
            cost=D("100.00"),
            tax_rate=D("13"),
        )
        s.add_all([desk, chair])
        s.flush()
        tier = m.PriceList(name="A类价", customer_tier="A")
        s.add(tier)
        s.flush()
        s.add(
            m.PriceRule(
                price_list_id=tier.id,
                product_id=chair.id,
                min_quantity=D("10"),
                discount_percent=D("10"),
            )
        )
    workspace.close(backup=False)
    return company_db


def services_of(controller: Controller) -> Services:
    assert controller.workspace is not None
    return controller.workspace.services


def customer_id(services: Services) -> int:
    return services.quotes.customer_choices("Acme")[0].id


def product_id(services: Services, sku: str) -> int:
    return next(p.id for p in services.products.active_products() if p.sku == sku)


def quotes_tab(controller: Controller) -> QuotesTab:
    assert controller.window.show_tab("quotes")
    tab = controller.window.tabs.currentWidget()
    assert isinstance(tab, QuotesTab)
    assert tab.objectName() == "quotesTab"
    return tab


def clocked_tab(
    controller: Controller, qtbot: QtBot, day: date = TODAY, stack: QUndoStack | None = None
) -> QuotesTab:
    """A Quotes tab whose clock says ``day``, loaded like the window loads it."""
    tab = QuotesTab(
        services_of(controller),
        stack or QUndoStack(),
        today=lambda: day,
        now=lambda: datetime(day.year, day.month, day.day, 9, tzinfo=UTC),
    )
    qtbot.addWidget(tab)
    tab.load()
    return tab


def make_quote(services: Services, *, sent: bool = False, valid_days: int = 30) -> int:
    cid = customer_id(services)
    data = QuoteInput(
        customer_id=cid,
        issue_date=TODAY,
        valid_until=TODAY + timedelta(days=valid_days),
        lines=(
            LineData(
                product_id=product_id(services, "CH-200"),
                description="办公椅",
                quantity=D(2),
                unit="把",
                unit_price=D("300.00"),
                tax_rate=D(13),
                unit_cost=D("100.00"),
            ),
        ),
    )
    saved = services.quotes.save(None, data)
    if sent:
        services.quotes.send(saved.id, now=datetime(2026, 5, 1, tzinfo=UTC))
    return saved.id


def new_editor(services: Services, qtbot: QtBot) -> QuoteEditor:
    blank = services.quotes.new_quote(customer_id(services), today=TODAY)
    editor = QuoteEditor(services, blank, customer_name="<b>Acme & Co")
    # Closed at the end as Cancel-without-asking: a shown editor with changes would ask
    # Save / Discard / Cancel when the test's widgets are closed.
    qtbot.addWidget(editor, before_close_func=lambda e: e.done(QDialog.DialogCode.Rejected))
    return editor


# ---------------------------------------------------------------------------- models


def test_models_pass_qt_model_tester(
    controller: Controller, qtmodeltester: object, qtbot: QtBot
) -> None:
    services = services_of(controller)
    make_quote(services)
    tab = quotes_tab(controller)
    qtmodeltester.check(tab.model)  # type: ignore[attr-defined]
    lines = DocumentLinesModel()
    lines.set_lines(
        [LineData(kind=QuoteLineKind.SECTION, description="一、家具"), LineData(description="x")]
    )
    qtmodeltester.check(lines)  # type: ignore[attr-defined]
    lines.insert_line(1, LineData(description="y", quantity=D(1)))
    lines.move_line(0, 1)
    lines.remove_line(2)
    assert [line.description for line in lines.lines] == ["y", "一、家具"]


# ------------------------------------------------------------------------------ list


def test_list_days_left_expired_in_red_and_auto_expiry(
    controller: Controller, qtbot: QtBot
) -> None:
    services = services_of(controller)
    fresh = make_quote(services, sent=True, valid_days=10)
    old = make_quote(services, sent=True, valid_days=2)
    tab = clocked_tab(controller, qtbot, TODAY + timedelta(days=5))
    assert services.quotes.get(old).status is QuoteStatus.EXPIRED
    assert services.quotes.get(fresh).status is QuoteStatus.SENT
    rows = {tab.model.index(r, 0).data(): r for r in range(tab.model.rowCount())}
    assert len(rows) == 2
    fresh_row = tab.model.row_of_id(fresh)
    old_row = tab.model.row_of_id(old)
    assert fresh_row is not None and old_row is not None
    valid = tab.model.index(fresh_row, 5)
    assert "5 days left" in valid.data()
    assert valid.data(Qt.ItemDataRole.ForegroundRole) is None
    expired = tab.model.index(old_row, 5)
    assert "expired" in expired.data()
    assert expired.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#c0392b"
    assert tab.model.index(old_row, 2).data() == "Expired"
    tab.status_combo.setCurrentIndex(tab.status_combo.findData(QuoteStatus.SENT))
    tab.reload()
    assert tab.model.rowCount() == 1 and tab.count_label.text() == "1 quote"


def test_search_finds_numbers_and_hostile_customer_names(
    controller: Controller, qtbot: QtBot
) -> None:
    services = services_of(controller)
    make_quote(services)
    tab = clocked_tab(controller, qtbot)
    type_text(tab.search_edit, "<b>Acme")
    qtbot.waitUntil(lambda: tab.model.filter.search == "<b>Acme")
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, 1).data() == "<b>Acme & Co"
    type_text(tab.search_edit, "zzz")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)


def test_status_buttons_send_accept_create_the_order(controller: Controller, qtbot: QtBot) -> None:
    services = services_of(controller)
    quote_id = make_quote(services)
    tab = clocked_tab(controller, qtbot)
    tab.select_quote(quote_id)
    assert tab.buttons["send"].isEnabled() and tab.buttons["accept"].isEnabled()  # a draft too
    qtbot.mouseClick(tab.buttons["send"], Qt.MouseButton.LeftButton)
    assert services.quotes.get(quote_id).status is QuoteStatus.SENT
    assert tab.buttons["accept"].isEnabled() and not tab.buttons["send"].isEnabled()
    with qtbot.waitSignal(tab.status_message) as blocker:
        qtbot.mouseClick(tab.buttons["accept"], Qt.MouseButton.LeftButton)
    assert "accepted" in blocker.args[0]
    detail = services.quotes.get(quote_id)
    assert detail.status is QuoteStatus.ACCEPTED and detail.order_id is not None

    draft_id = make_quote(services)  # agreed on the phone: accepted straight from the draft
    tab.reload()
    tab.select_quote(draft_id)
    qtbot.mouseClick(tab.buttons["accept"], Qt.MouseButton.LeftButton)
    assert services.quotes.get(draft_id).status is QuoteStatus.ACCEPTED


def test_edit_undo_takes_back_an_acceptance_and_redo_accepts_again(
    controller: Controller, qtbot: QtBot
) -> None:
    """Accept on the tab, then Edit ▸ Undo: the quote is sent again and its order is gone;
    Edit ▸ Redo accepts it again with a new order; a send is undone back to the draft."""
    services = services_of(controller)
    quote_id = make_quote(services)
    tab = quotes_tab(controller)
    tab.reload()
    tab.select_quote(quote_id)
    undo = controller.window.actions_by_id[ActionId.UNDO]
    redo = controller.window.actions_by_id[ActionId.REDO]
    qtbot.mouseClick(tab.buttons["send"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.buttons["accept"], Qt.MouseButton.LeftButton)
    accepted = services.quotes.get(quote_id)
    assert accepted.status is QuoteStatus.ACCEPTED and accepted.order_id is not None
    assert undo.text().endswith(f"Accept {accepted.label}")
    undo.trigger()
    assert services.quotes.get(quote_id).status is QuoteStatus.SENT
    assert services.quotes.get(quote_id).order_id is None
    assert tab.current_row() is not None and tab.current_row().id == quote_id
    assert tab.buttons["accept"].isEnabled()
    redo.trigger()
    again = services.quotes.get(quote_id)
    assert again.status is QuoteStatus.ACCEPTED and again.order_id is not None
    undo.trigger()
    undo.trigger()
    assert services.quotes.get(quote_id).status is QuoteStatus.DRAFT
    assert tab.buttons["send"].isEnabled()


def test_editing_a_sent_quote_makes_revision_b(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = services_of(controller)
    quote_id = make_quote(services, sent=True)
    tab = clocked_tab(controller, qtbot, stack=controller.window.undo_stack)
    tab.select_quote(quote_id)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)

    def edit_and_save(editor: QuoteEditor) -> int:
        index = editor.lines.model.index(0, QUANTITY)
        assert editor.lines.model.setData(index, "3")
        editor.accept()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(QuoteEditor, "exec", edit_and_save)
    qtbot.mouseClick(tab.buttons["open"], Qt.MouseButton.LeftButton)
    first = services.quotes.get(quote_id)
    assert first.status is QuoteStatus.SENT and first.lines[0].quantity == D(2)  # untouched
    latest = services.quotes.find(first.number)
    assert latest.revision == 2 and latest.lines[0].quantity == D(3)
    row = tab.model.row_of_id(latest.id)
    assert row is not None and tab.model.index(row, 0).data() == f"{first.number} rev B"
    tab.select_quote(latest.id)
    assert tab.buttons["changes"].isEnabled()

    # Undo the edit, then the revision itself: revision B goes to the trash.
    stack = controller.window.undo_stack
    assert stack.undoText() == f"Edit quote {first.number} rev B"
    stack.undo()
    assert services.quotes.get(latest.id).lines[0].quantity == D(2)
    assert stack.undoText() == f"New revision {first.number} rev B"
    stack.undo()
    assert tab.model.row_of_id(latest.id) is None
    assert services.quotes.find(first.number).revision == 1
    stack.redo()
    stack.redo()
    assert services.quotes.find(first.number).lines[0].quantity == D(3)


# ---------------------------------------------------------------------------- editor


def test_editor_prices_from_rules_and_totals_update_live(
    controller: Controller, qtbot: QtBot
) -> None:
    services = services_of(controller)
    editor = new_editor(services, qtbot)
    editor.lines.product_edit.setFocus()
    qtbot.keyClicks(editor.lines.product_edit, "CH-200")
    qtbot.keyClick(editor.lines.product_edit, Qt.Key.Key_Return)
    assert len(editor.lines.model.lines) == 1
    assert editor.lines.model.index(0, RULE).data() == "list price"
    assert editor.lines.amount_text(0) == "300.00"
    assert editor.lines.total_label.text() == "Total ¥339.00"
    # The quantity break of the tier list: 10 chairs get 10 % off.
    assert editor.lines.model.setData(editor.lines.model.index(0, QUANTITY), "10")
    assert editor.lines.model.index(0, RULE).data() == "A类价 −10%, ≥ 10"
    assert editor.lines.amount_text(0) == "2,700.00"
    assert "Discount" in editor.lines.totals_label.text()
    assert editor.lines.total_label.text() == "Total ¥3,051.00"
    # A typed price is marked manual and no longer follows the rules.
    assert editor.lines.model.setData(editor.lines.model.index(0, PRICE), "280")
    assert editor.lines.model.index(0, RULE).data().startswith("manual price")
    assert editor.lines.amount_text(0) == "2,520.00"
    editor.lines.table.setCurrentIndex(editor.lines.model.index(0, 0))
    editor.lines.reset_price()
    assert editor.lines.model.index(0, RULE).data() == "A类价 −10%, ≥ 10"
    assert not editor.lines.model.setData(editor.lines.model.index(0, QUANTITY), "abc")
    editor.lines.add_section()
    assert editor.lines.table.columnSpan(1, 0) == editor.lines.model.columnCount()


def test_editor_low_margin_needs_a_reason(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = services_of(controller)
    editor = new_editor(services, qtbot)
    editor.lines.add_product(product_id(services, "DK-100"))
    assert editor.lines.model.setData(editor.lines.model.index(0, PRICE), "720")
    assert editor.lines.margin is not None and editor.lines.margin.flagged
    assert editor.lines.model.index(0, AMOUNT).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "#c0392b" in editor.lines.margin_label.styleSheet()
    asked: list[str] = []
    monkeypatch.setattr(editor, "ask_margin_reason", asked.append)
    editor.accept()
    assert editor.saved is None and asked and "2.78" in asked[0]
    monkeypatch.setattr(editor, "ask_margin_reason", lambda _text: "清库存")
    editor.accept()
    assert editor.saved is not None
    assert editor.saved.margin_override_reason == "清库存"
    assert editor.saved.total == D("813.60")
    assert editor.lines.total_label.text() == "Total ¥813.60"  # shown = stored
    tab = quotes_tab(controller)
    tab.reload()
    row = tab.model.row_of_id(editor.saved.id)
    assert row is not None
    total = tab.model.index(row, QUOTES.index("total"))
    assert total.data(Qt.ItemDataRole.ForegroundRole) is not None  # flagged in the list
    assert "清库存" in total.data(Qt.ItemDataRole.ToolTipRole)


def test_escape_in_an_edited_quote_asks_before_discarding(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = services_of(controller)
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    untouched = new_editor(services, qtbot)
    untouched.show()
    qtbot.keyClick(untouched, Qt.Key.Key_Escape)
    assert not untouched.isVisible() and asked == []  # nothing typed: closes at once

    editor = new_editor(services, qtbot)
    editor.show()
    editor.lines.add_product(product_id(services, "CH-200"))
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.isVisible() and len(editor.lines.model.lines) == 1  # Cancel: kept
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert editor.result() == QDialog.DialogCode.Rejected
    assert asked == ["Save the changes to this quote?"] * 2
    assert services.quotes.list_quotes(QuoteFilter()) == []


def test_ctrl_s_saves_the_quote(controller: Controller, qtbot: QtBot) -> None:
    services = services_of(controller)
    editor = new_editor(services, qtbot)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    editor.lines.add_product(product_id(services, "CH-200"))
    qtbot.keyClick(editor.lines.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.saved is not None
    assert not editor.isVisible()


def test_choosing_the_deal_brings_its_contact(controller: Controller, qtbot: QtBot) -> None:
    from sms_desktop.services.pipeline import OpportunityInput

    services = services_of(controller)
    customer = customer_id(services)
    contact = services.customers.add_contact(customer, ContactInput(name="李娜"))
    services.pipeline.create(
        OpportunityInput(customer_id=customer, title="年度采购", contact_id=contact)
    )
    editor = new_editor(services, qtbot)
    editor.show()
    assert editor.contact_combo.currentData() is None
    combo = editor.opportunity_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # as a user picks the deal
    assert combo.currentText() == "年度采购"
    assert editor.contact_combo.currentData() == contact


def test_a_quote_of_a_deal_closed_since_shows_the_deals_title(
    controller: Controller, qtbot: QtBot
) -> None:
    from sms_desktop.services.pipeline import OpportunityInput

    services = services_of(controller)
    customer = customer_id(services)
    deal = services.pipeline.create(OpportunityInput(customer_id=customer, title="年度采购"))
    from sms_desktop.domain.enums import StageKind

    won = next(s.id for s in services.stages.stages() if s.kind is StageKind.WON)
    services.pipeline.move(deal, won)
    blank = replace(services.quotes.new_quote(customer, today=TODAY), opportunity_id=deal)
    editor = QuoteEditor(services, blank, customer_name="<b>Acme & Co")
    qtbot.addWidget(editor, before_close_func=lambda e: e.done(QDialog.DialogCode.Rejected))
    assert editor.opportunity_combo.currentText() == "年度采购"  # not "#7"


def test_editor_shows_service_errors_inline(controller: Controller, qtbot: QtBot) -> None:
    services = services_of(controller)
    editor = new_editor(services, qtbot)
    editor.valid_edit.setDate(editor.issue_edit.date().addDays(-1))
    editor.accept()
    assert editor.saved is None
    assert "valid" in editor.errors.text("valid_until")


def test_editor_recalculates_200_lines(controller: Controller, qtbot: QtBot) -> None:
    services = services_of(controller)
    editor = new_editor(services, qtbot)
    chair = product_id(services, "CH-200")
    editor.lines.model.set_lines(
        [
            LineData(
                product_id=chair,
                description="椅",
                quantity=D(i % 9 + 1),
                unit="把",
                unit_price=D("300.00"),
                tax_rate=D(13),
                unit_cost=D("100.00"),
            )
            for i in range(200)
        ]
    )
    editor.lines.recalculate()
    assert editor.lines.totals is not None
    assert editor.lines.totals.total == sum((a.total for a in editor.lines.totals.lines), D(0))


# ------------------------------------------------------------------------------- PDF


def test_preview_save_and_print(
    controller: Controller, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = services_of(controller)
    quote_id = make_quote(services)
    dialog = QuotePreviewDialog(services, quote_id)
    qtbot.addWidget(dialog)
    assert dialog.pages_layout.count() == 1 and dialog.pdf.startswith(b"%PDF")
    target = tmp_path / "quote"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "PDF documents (*.pdf)")
    )
    saved = dialog.save_as()
    assert saved == tmp_path / "quote.pdf" and saved.read_bytes() == dialog.pdf
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findText("English"))
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=dialog.pdf, capture_output=True, check=True
    ).stdout.decode()
    assert "QUOTATION" in text and "R&D <Ltd>" in text
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    assert print_pdf(dialog.pdf, printer) == 1
    assert printed.stat().st_size > 1000


# -------------------------------------------------------------------------- products


def test_products_dialog_lists_and_creates_with_inline_errors(
    controller: Controller, qtbot: QtBot
) -> None:
    services = services_of(controller)
    catalogue = ProductsDialog(services, QUndoStack())
    qtbot.addWidget(catalogue)
    assert catalogue.model.rowCount() == 2
    dialog = ProductDialog(services, None, catalogue.product_saver(None))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.sku_edit, "dk-100")
    type_text(dialog.name_zh_edit, "会议桌")
    qtbot.keyClicks(dialog.price_edit, "-5")
    dialog.accept()
    assert dialog.saved is None
    assert dialog.errors.text("list_price") == "Enter an amount of 0 or more."
    dialog.price_edit.setText("2500")
    dialog.accept()
    assert dialog.errors.text("sku") == "Another product already has this SKU."
    dialog.sku_edit.setText("MT-300")
    dialog.price_edit.setText("2,500")
    dialog.accept()
    assert dialog.saved is not None and dialog.saved.list_price == D("2500.00")
    catalogue.reload()
    assert catalogue.model.rowCount() == 3
    type_text(catalogue.search_edit, "会议")
    qtbot.waitUntil(lambda: catalogue.model.rowCount() == 1)
    assert catalogue.model.index(0, 0).data() == "MT-300"


def test_product_create_edit_delete_and_undo(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = services_of(controller)
    stack = controller.window.undo_stack
    catalogue = ProductsDialog(services, stack)
    qtbot.addWidget(catalogue)

    def create(dialog: ProductDialog) -> int:
        qtbot.keyClicks(dialog.sku_edit, "MT-300")
        type_text(dialog.name_zh_edit, "会议桌")
        dialog.price_edit.setText("2500")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ProductDialog, "exec", create)
    qtbot.mouseClick(
        catalogue.findChild(QPushButton, "newProductButton"), Qt.MouseButton.LeftButton
    )
    assert catalogue.model.rowCount() == 3
    stack.undo()
    assert catalogue.model.rowCount() == 2
    assert "product" in {item.entity for item in services.trash.items()}
    stack.redo()
    assert catalogue.model.rowCount() == 3

    row = catalogue.model.row_of_id(product_id(services, "MT-300"))
    assert row is not None
    catalogue.table.selectRow(row)

    def edit(dialog: ProductDialog) -> int:
        dialog.price_edit.setText("2800")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ProductDialog, "exec", edit)
    catalogue.edit_current()
    assert services.products.get(product_id(services, "MT-300")).list_price == D("2800.00")
    stack.undo()
    assert services.products.get(product_id(services, "MT-300")).list_price == D("2500.00")

    catalogue.table.selectRow(catalogue.model.row_of_id(product_id(services, "MT-300")) or 0)
    qtbot.mouseClick(
        catalogue.findChild(QPushButton, "deleteProductButton"), Qt.MouseButton.LeftButton
    )
    assert catalogue.model.rowCount() == 2
    stack.undo()
    assert catalogue.model.rowCount() == 3


def test_products_from_the_edit_menu(
    controller: Controller, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sms_desktop.ui.actions import ActionId

    shown: list[int] = []
    monkeypatch.setattr(
        ProductsDialog, "exec", lambda dialog: shown.append(dialog.model.rowCount()) or 0
    )
    controller.window.actions_by_id[ActionId.PRODUCTS].trigger()
    assert shown == [2]


def test_export_quotes_and_products_to_excel(
    controller: Controller,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: object,
) -> None:
    import openpyxl

    services = services_of(controller)
    make_quote(services)
    make_quote(services, sent=True)
    tab = clocked_tab(controller, qtbot)
    target = tmp_path / "quotes.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(tab.status_message, timeout=10000) as blocker:
        tab.findChild(QPushButton, "exportQuotesButton").click()
    assert "Exported 2 quotes" in blocker.args[0]
    rows = list(openpyxl.load_workbook(target).worksheets[0].iter_rows(values_only=True))
    header_row = next(i for i, r in enumerate(rows) if r[0] == "Number")
    header, data = rows[header_row], rows[header_row + 1 :]
    assert [r[0] for r in data] == [tab.model.index(i, 0).data() for i in range(2)]
    total, issued = header.index("Total"), header.index("Issue date")
    assert all(r[total] == 678 for r in data)  # 2 × 300.00 + 13 %: a number, not text
    assert all(r[issued].date() == TODAY for r in data)
    assert {r[1] for r in data} == {"<b>Acme & Co"}

    catalogue = ProductsDialog(services, QUndoStack())
    qtbot.addWidget(catalogue)
    qtmodeltester.check(catalogue.model)  # type: ignore[attr-defined]
    products = tmp_path / "products.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(products), ""))
    catalogue.findChild(QPushButton, "exportProductsButton").click()
    qtbot.waitUntil(lambda: "Exported" in catalogue.count_label.text(), timeout=10000)
    rows = list(openpyxl.load_workbook(products).worksheets[0].iter_rows(values_only=True))
    header_row = next(i for i, r in enumerate(rows) if r[0] == "SKU")
    data = rows[header_row + 1 :]
    assert [r[0] for r in data] == ["CH-200", "DK-100"]
    assert data[0][4] == 300


def test_delete_a_draft_and_undo(controller: Controller, qtbot: QtBot) -> None:
    services = services_of(controller)
    draft_id = make_quote(services)
    sent_id = make_quote(services, sent=True)
    tab = QuotesTab(services, controller.window.undo_stack, today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.load()
    tab.select_quote(sent_id)
    assert not tab.buttons["delete"].isEnabled()
    tab.select_quote(draft_id)
    assert tab.buttons["delete"].isEnabled()
    qtbot.mouseClick(tab.buttons["delete"], Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 1
    controller.window.undo_stack.undo()
    assert tab.model.rowCount() == 2
    controller.window.undo_stack.redo()
    assert tab.model.rowCount() == 1 and services.trash.items()[0].entity == "quote"


def test_new_quote_from_the_tab(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = services_of(controller)
    tab = clocked_tab(controller, qtbot, stack=controller.window.undo_stack)

    def fill_and_save(editor: QuoteEditor) -> int:
        type_text(editor.customer_edit, "<b>Acme & Co")
        qtbot.waitUntil(lambda: editor.customer_edit.customer_id is not None)
        editor.customer_edit.editingFinished.emit()
        assert editor.contact_combo.findText("王伟") > 0
        editor.lines.add_product(product_id(services, "DK-100"))
        editor.lines.add_section()
        editor.lines.model.setData(editor.lines.model.index(1, 0), "二、安装")
        editor.accept()
        return int(QDialog.DialogCode.Accepted if editor.saved else QDialog.DialogCode.Rejected)

    monkeypatch.setattr(QuoteEditor, "exec", fill_and_save)
    with qtbot.waitSignal(tab.status_message) as blocker:
        qtbot.mouseClick(tab.findChild(QPushButton, "newQuoteButton"), Qt.MouseButton.LeftButton)
    assert blocker.args[0] == "Quote Q-2026-0001 saved."
    saved = services.quotes.find("Q-2026-0001")
    assert saved.issue_date == TODAY and saved.total == D("1130.00")
    assert [ln.description for ln in saved.lines] == ["办公桌", "二、安装"]
    assert tab.current_row() is not None and tab.current_row().id == saved.id  # type: ignore[union-attr]
    stack = controller.window.undo_stack
    assert stack.undoText() == "New quote Q-2026-0001"
    stack.undo()  # to the trash
    assert tab.model.row_of_id(saved.id) is None
    stack.redo()
    assert tab.current_row() is not None and tab.current_row().id == saved.id  # type: ignore[union-attr]


def test_changes_dialog_lists_the_revision_diff(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sms_desktop.ui.tabs.quotes.dialogs import ChangesDialog

    services = services_of(controller)
    first = make_quote(services, sent=True)
    revised = services.quotes.revise(first)
    line = revised.lines[0]
    services.quotes.save(
        revised.id,
        replace(
            revised.as_input(), lines=(replace(line, unit_price=D("280.00")),), terms="款到发货"
        ),
    )
    tab = clocked_tab(controller, qtbot)
    tab.select_quote(revised.id)
    shown: list[list[str]] = []
    monkeypatch.setattr(
        ChangesDialog,
        "exec",
        lambda d: shown.append([d.list.item(i).text() for i in range(d.list.count())]) or 0,
    )
    qtbot.mouseClick(tab.buttons["changes"], Qt.MouseButton.LeftButton)
    assert "办公椅: unit price 300.00 → 280.00" in shown[0]
    assert "Terms: – → 款到发货" in shown[0]


def test_price_lists_dialog_edits_lists_and_rules(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sms_desktop.ui.tabs.quotes.price_lists import (
        PriceListDialog,
        PriceListsDialog,
        RuleDialog,
    )

    services = services_of(controller)
    dialog = PriceListsDialog(services, QUndoStack())
    qtbot.addWidget(dialog)
    assert dialog.lists.rowCount() == 1 and dialog.lists.item(0, 1).text() == "Tier A"
    assert dialog.rules.rowCount() == 1
    assert dialog.rules.item(0, 0).text().startswith("CH-200")
    assert dialog.rules.item(0, 2).text() == "−10%"

    # A list for one customer, with a fixed price for the desk.
    editor = PriceListDialog(services, None, dialog.list_saver(None), dialog)
    type_text(editor.name_edit, "Acme 合同价")
    editor.customer_radio.setChecked(True)
    editor.accept()
    assert editor.saved is None and editor.errors.text("customer_tier")
    editor.customer_edit.set_customer(customer_id(services), "<b>Acme & Co")
    editor.accept()
    assert editor.saved is not None
    dialog.reload(editor.saved)
    assert dialog.lists.item(dialog.lists.currentRow(), 1).text() == "<b>Acme & Co"
    assert dialog.rules.rowCount() == 0

    rule = RuleDialog(services, None, dialog.rule_saver(editor.saved, None), dialog)
    rule.product_combo.setCurrentIndex(rule.product_combo.findData(product_id(services, "DK-100")))
    rule.fixed_radio.setChecked(True)
    rule.fixed_edit.setText("abc")
    rule.accept()
    assert rule.saved is None and "at most two decimals" in rule.errors.form_label.text()
    rule.fixed_edit.setText("880")
    rule.accept()
    assert rule.saved is not None
    dialog.reload(editor.saved)
    assert dialog.rules.item(0, 2).text() == "= 880.00"
    # The editor now prices the desk from the customer's own list.
    quote_editor = new_editor(services, qtbot)
    quote_editor.lines.add_product(product_id(services, "DK-100"))
    assert quote_editor.lines.model.index(0, RULE).data() == "Acme 合同价 = 880.00"

    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    dialog.rules.setCurrentCell(0, 0)
    dialog.delete_rule()
    assert dialog.rules.rowCount() == 0
    dialog.delete_list()
    assert dialog.lists.rowCount() == 1


def test_price_list_edits_are_undoable(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new list and its rule, then the list deleted: undo brings it back with its rule,
    and further undos take the rule and the list away; redo redoes them."""
    from sms_desktop.ui.tabs.quotes.price_lists import PriceListDialog, PriceListsDialog, RuleDialog

    services = services_of(controller)
    stack = controller.window.undo_stack
    dialog = PriceListsDialog(services, stack)
    qtbot.addWidget(dialog)

    def new_list(editor: PriceListDialog) -> int:
        type_text(editor.name_edit, "B类价")
        editor.tier_radio.setChecked(True)
        editor.tier_combo.setCurrentText("B")
        editor.accept()
        return editor.result()

    def new_rule(rule: RuleDialog) -> int:
        rule.product_combo.setCurrentIndex(
            rule.product_combo.findData(product_id(services, "DK-100"))
        )
        rule.fixed_radio.setChecked(True)
        rule.fixed_edit.setText("900")
        rule.accept()
        return rule.result()

    monkeypatch.setattr(PriceListDialog, "exec", new_list)
    monkeypatch.setattr(RuleDialog, "exec", new_rule)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    dialog.list_buttons["new"].click()
    assert dialog.lists.rowCount() == 2
    dialog.rule_buttons["new"].click()
    assert dialog.rules.rowCount() == 1
    dialog.list_buttons["delete"].click()
    assert dialog.lists.rowCount() == 1

    stack.undo()  # the delete: the list is back with its rule
    names = [p.name for p in services.pricing.price_lists()]
    assert "B类价" in names
    restored = next(p for p in services.pricing.price_lists() if p.name == "B类价")
    assert [r.fixed_price for r in services.pricing.rules(restored.id)] == [D("900.00")]
    stack.undo()  # the rule
    stack.undo()  # the list
    assert [p.name for p in services.pricing.price_lists()] == ["A类价"]
    stack.redo()
    stack.redo()
    assert len(services.pricing.price_lists()) == 2
    restored = next(p for p in services.pricing.price_lists() if p.name == "B类价")
    assert len(services.pricing.rules(restored.id)) == 1


def test_switching_the_print_language_renames_product_lines(
    controller: Controller, qtbot: QtBot
) -> None:
    """Lines that carry their product's name follow the print language chosen afterwards;
    a line whose text the user wrote stays as written."""
    services = services_of(controller)
    editor = new_editor(services, qtbot)
    editor.lines.add_product(product_id(services, "CH-200"))
    editor.lines.add_product(product_id(services, "DK-100"))
    assert editor.lines.model.setData(editor.lines.model.index(1, DESCRIPTION), "办公桌（定制）")
    assert [line.description for line in editor.lines.model.lines] == ["办公椅", "办公桌（定制）"]
    combo = editor.language_combo
    combo.setCurrentIndex(combo.findData(DocumentLanguage.EN))
    assert [line.description for line in editor.lines.model.lines] == [
        "Office chair",
        "办公桌（定制）",
    ]
    assert editor.lines.model.index(0, DESCRIPTION).data() == "CH-200  Office chair"
    combo.setCurrentIndex(combo.findData(DocumentLanguage.BILINGUAL))
    assert editor.lines.model.lines[0].description == "办公椅 Office chair"
    editor.accept()
    assert editor.saved is not None
    assert editor.saved.lines[0].description == "办公椅 Office chair"
    assert services.quotes.get(editor.saved.id).lines[0].product_names == ("办公椅", "Office chair")


def test_product_lookup_adds_once_by_pick_or_exact_code(
    controller: Controller, qtbot: QtBot
) -> None:
    """In the shown editor, with the suggestion list open: ↓ + Enter adds the product once
    (the completer's activation and the field's Enter both fired); an exact code + Enter
    adds it even though the list is open."""
    services = services_of(controller)
    editor = new_editor(services, qtbot)
    editor.show()
    qtbot.waitExposed(editor)
    field = editor.lines.product_edit
    field.setFocus()
    qtbot.keyClicks(field, "CH")
    popup = field.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.wait(0)
    assert [line.sku for line in editor.lines.model.lines] == ["CH-200"]

    field.setFocus()
    qtbot.keyClicks(field, "DK-100")
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.wait(0)
    assert [line.sku for line in editor.lines.model.lines] == ["CH-200", "DK-100"]
    assert field.text() == ""

    # What a platform's Enter on a suggestion does: the completer reports the pick, the
    # field fills itself with it again and reports Enter too. One product, once.
    label = field.completer().model().index(0, 0).data()
    field.completer().activated.emit(label)
    field.setText(label)
    field.returnPressed.emit()
    assert len(editor.lines.model.lines) == 3 and field.text() == ""


def test_preview_warns_of_characters_the_pdf_font_lacks(
    controller: Controller, qtbot: QtBot
) -> None:
    """A name with 𠀀 (CJK Extension B) prints as □: the preview says so before printing."""
    services = services_of(controller)
    quote_id = make_quote(services)
    dialog = QuotePreviewDialog(services, quote_id)
    qtbot.addWidget(dialog)
    assert dialog.glyph_warning.isHidden()
    detail = services.customers.get(customer_id(services))
    services.customers.update(detail.id, replace(detail.data, name="王𠀀 贸易😀"))
    warned = QuotePreviewDialog(services, quote_id)
    qtbot.addWidget(warned)
    assert not warned.glyph_warning.isHidden()
    assert "𠀀" in warned.glyph_warning.text() and "😀" in warned.glyph_warning.text()
    assert "□" in warned.glyph_warning.text()


def test_status_buttons_follow_the_domain_table(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The buttons a status enables are domain.quotes.QUOTE_ACTIONS, for every status; the
    tab keeps no table of its own (a changed domain table changes the buttons)."""
    from types import MappingProxyType

    from sms_desktop.domain import quotes as rules
    from sms_desktop.domain.quotes import QUOTE_ACTIONS, QuoteAction

    services = services_of(controller)
    quotes = services.quotes
    draft = make_quote(services)
    sent = make_quote(services, sent=True)
    accepted = make_quote(services, sent=True)
    quotes.accept(accepted, today=TODAY)
    rejected = make_quote(services, sent=True)
    quotes.reject(rejected)
    expired = make_quote(services, sent=True, valid_days=1)
    quotes.expire_due(today=TODAY + timedelta(days=2))
    by_status = {
        QuoteStatus.DRAFT: draft,
        QuoteStatus.SENT: sent,
        QuoteStatus.ACCEPTED: accepted,
        QuoteStatus.REJECTED: rejected,
        QuoteStatus.EXPIRED: expired,
    }
    tab = clocked_tab(controller, qtbot)
    named = {a.value: a for a in QuoteAction if a.value in tab.buttons}
    assert set(named) == {"send", "accept", "reject", "revise", "duplicate", "delete"}

    def enabled(quote_id: int) -> set[QuoteAction]:
        tab.select_quote(quote_id)
        return {a for key, a in named.items() if tab.buttons[key].isEnabled()}

    for status, quote_id in by_status.items():
        assert quotes.get(quote_id).status is status
        assert enabled(quote_id) == QUOTE_ACTIONS[status] - {QuoteAction.EDIT}, status
    changed = dict(QUOTE_ACTIONS) | {QuoteStatus.DRAFT: frozenset({QuoteAction.DUPLICATE})}
    monkeypatch.setattr(rules, "QUOTE_ACTIONS", MappingProxyType(changed))
    tab.select_quote(sent)
    assert enabled(draft) == {QuoteAction.DUPLICATE}


def test_the_product_catalogue_closes_with_its_close_button(
    controller: Controller, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    catalogue = ProductsDialog(services_of(controller), QUndoStack())
    qtbot.addWidget(catalogue)
    catalogue.show()
    box = catalogue.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Close), Qt.MouseButton.LeftButton)
    assert not catalogue.isVisible()
