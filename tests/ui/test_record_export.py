"""File ▸ Export ▸ Customers / Contacts, all fields: every field with its id, and the file
imports back onto the same records."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from sms_desktop.domain.importing.fields import ImportKind, auto_map
from sms_desktop.services.customers import ContactInput, CustomerInput
from sms_desktop.services.imports.service import ImportOptions
from sms_desktop.ui.actions import ActionId
from sms_desktop.ui.application import Controller
from sms_desktop.ui.widgets.save_dialog import VCF


def test_customers_all_fields_export_and_import_back(
    controller: Controller, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = controller.workspace.services  # type: ignore[union-attr]
    customer = services.customers.create(
        CustomerInput(name="北京华夏科技有限公司", phone="010-8888 6666", address="海淀区中关村")
    )
    services.customers.add_contact(customer, ContactInput(name="王伟", mobile="13812345678"))
    target = tmp_path / "客户"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    controller.window.actions_by_id[ActionId.EXPORT_CUSTOMERS].trigger()
    status = controller.window.statusBar()
    qtbot.waitUntil(lambda: "Exported 1 records" in status.currentMessage(), timeout=10000)
    sheet = openpyxl.load_workbook(tmp_path / "客户.xlsx").worksheets[0]
    rows = [r for r in sheet.iter_rows(values_only=True) if any(r)]
    header = next(r for r in rows if "Phone" in r)
    record = rows[rows.index(header) + 1]
    by_header = dict(zip(header, record, strict=False))
    assert by_header["Phone"] == "010-8888 6666"
    assert by_header["Address"] == "海淀区中关村"
    assert "王伟" in record

    imports = services.imports
    source = imports.open(tmp_path / "客户.xlsx", ImportKind.CUSTOMERS)
    columns = auto_map(ImportKind.CUSTOMERS, source.info.headers)
    summary = imports.run(source, ImportOptions(ImportKind.CUSTOMERS, columns))
    assert (summary.created, summary.updated, summary.unchanged, summary.errors) == (0, 0, 1, 0), (
        summary
    )


def test_contacts_as_vcard(
    controller: Controller, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = controller.workspace.services  # type: ignore[union-attr]
    customer = services.customers.create(CustomerInput(name="上海明达贸易有限公司"))
    services.customers.add_contact(customer, ContactInput(name="李娜", mobile="13900001111"))
    target = tmp_path / "contacts"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), VCF.filter()))
    controller.window.actions_by_id[ActionId.EXPORT_CONTACTS].trigger()
    status = controller.window.statusBar()
    qtbot.waitUntil(lambda: "Exported 1 records" in status.currentMessage(), timeout=10000)
    card = (tmp_path / "contacts.vcf").read_text(encoding="utf-8")
    assert "BEGIN:VCARD" in card and "李娜" in card and "13900001111" in card
