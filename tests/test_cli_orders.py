"""``sms-desktop order pdf``, ``receivables`` and ``export vouchers`` from the command line,
on a demo database and on hand-made orders with hostile names."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from sms_desktop.cli import main
from sms_desktop.demo.build import create_demo_database
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import open_database
from sms_desktop.services.lists import Order
from sms_desktop.services.orders import DeliveryInput, InvoiceInput, OrderDraft, OrderFilter
from sms_desktop.services.payments import PaymentInput
from sms_desktop.services.quotes import LineData
from sms_desktop.services.registry import Services

D = Decimal
HOSTILE = "<b>R&D 😀 Ltd</b>"
LONG = "超长的客户名称" * 12


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-orders") / "demo.sqlite3"
    create_demo_database(path, customers=300, seed=7, replace=False)
    return path


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    """One customer with a hostile name: an order of a hostile product, delivered in part,
    invoiced, paid in part (as of 2027-03-31: 700.00 open, 40 days late)."""
    path = tmp_path / "shop.sqlite3"
    db = open_database(path)
    services = Services(db)
    with db.write() as s:
        customer = m.Customer(name=HOSTILE, name_en=LONG, address="<i>&amp;</i>")
        s.add(customer)
        s.flush()
        cid = customer.id
    order = services.orders.save(
        None,
        OrderDraft(
            customer_id=cid,
            order_date=date(2027, 1, 20),
            notes=HOSTILE,
            lines=(
                LineData(description=HOSTILE, quantity=D(10), unit="<u>", unit_price=D(100)),
                LineData(description=LONG, quantity=D(1), unit_price=D(0)),
            ),
        ),
        confirm=True,
    )
    services.orders.deliver(
        order.id, DeliveryInput(date(2027, 1, 21), {order.lines[0].id: D(4)}, note=HOSTILE)
    )
    services.orders.deliver(
        order.id,
        DeliveryInput(date(2027, 1, 22), {order.lines[0].id: D(6), order.lines[1].id: D(1)}),
    )
    services.orders.invoice(order.id, InvoiceInput("F<&>1", date(2027, 1, 20)))
    services.payments.record(PaymentInput(cid, date(2027, 2, 10), D("300.00"), "CNY"))
    db.close()
    return path


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


@pytest.mark.parametrize("lang", ["zh_CN", "en", "bilingual"])
def test_order_pdfs_print_hostile_names_literally(shop: Path, tmp_path: Path, lang: str) -> None:
    number = "SO-2027-00001"
    confirmation, delivery = tmp_path / "c.pdf", tmp_path / "d.pdf"
    base = ["order", "pdf", number, "--db", str(shop), "--lang", lang]
    assert main([*base, "--out", str(confirmation)]) == 0
    assert main([*base, "--kind", "delivery", "--out", str(delivery)]) == 0
    c, d = _text(confirmation), _text(delivery)
    title_c = {"zh_CN": "销售确认单", "en": "Sales Order Confirmation"}
    title_d = {"zh_CN": "送货单", "en": "Delivery Note"}
    for key in title_c if lang == "bilingual" else [lang]:
        assert title_c[key] in c and title_d[key] in d
    assert "<b>R&D" in c and "<b>R&D" in d  # printed, not bold markup
    assert "1,000.00" in c  # prices on the confirmation
    assert "100.00" not in d and "1,000.00" not in d  # no prices on the delivery note
    assert ("签收" in d) or ("Received by" in d)


def test_order_pdfs_print_a_products_name_in_the_documents_language(
    demo_db: Path, tmp_path: Path
) -> None:
    services = Services(open_database(demo_db))
    order = next(
        o
        for o in (services.orders.get(r.id) for r in services.orders.page_rows(
            OrderFilter(), Order("number"), offset=0, limit=50))
        if any(ln.product_names and ln.product_names[0] != ln.product_names[1] for ln in o.lines)
    )  # fmt: skip
    services.db.close()
    line = next(ln for ln in order.lines if ln.product_names)
    assert line.product_names is not None
    name_zh, name_en = line.product_names
    assert line.description == name_zh  # the demo writes the Chinese name on the line
    out = tmp_path / "en.pdf"
    base = ["order", "pdf", order.number, "--db", str(demo_db)]
    assert main([*base, "--lang", "en", "--kind", "delivery", "--out", str(out)]) == 0
    text = " ".join(_text(out).split())
    assert name_en in text and name_zh not in text


def test_order_pdf_unknown_number_is_one_line(
    shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "x.pdf")
    assert main(["order", "pdf", "SO-1999-1", "--db", str(shop), "--out", out]) == 1
    assert capsys.readouterr().err.strip() == "sms-desktop: There is no order SO-1999-1."


def test_receivables_json_has_the_issue_shape(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["receivables", "--db", str(shop), "--as-of", "2027-03-31", "--format", "json"]) == 0
    )
    document = json.loads(capsys.readouterr().out)
    assert document == {
        "as_of": "2027-03-31",
        "currency": "CNY",
        "customers": [
            {
                "customer": HOSTILE,
                "code": "C000001",
                "open": "700.00",
                "not_due": "0.00",
                "d1_30": "0.00",
                "d31_60": "700.00",
                "d61_90": "0.00",
                "over_90": "0.00",
                "credit": "0.00",
            }
        ],
        "total": {
            "open": "700.00",
            "not_due": "0.00",
            "d1_30": "0.00",
            "d31_60": "700.00",
            "d61_90": "0.00",
            "over_90": "0.00",
        },
    }
    # Before the payment and before the invoice:
    assert (
        main(["receivables", "--db", str(shop), "--as-of", "2027-02-09", "--format", "json"]) == 0
    )
    assert json.loads(capsys.readouterr().out)["total"]["open"] == "1000.00"
    assert (
        main(["receivables", "--db", str(shop), "--as-of", "2027-01-19", "--format", "json"]) == 0
    )
    assert json.loads(capsys.readouterr().out)["customers"] == []


def test_receivables_table_and_csv(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["receivables", "--db", str(demo_db), "--lang", "en"]) == 0
    table = capsys.readouterr().out
    assert table.startswith("Receivables as of") and "Total" in table
    assert main(["receivables", "--db", str(demo_db), "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "customer,code,open,not_due,d1_30,d31_60,d61_90,over_90,credit"
    assert lines[-1].startswith("TOTAL,")


def test_voucher_export_balances_and_reopens(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "v.xlsx"
    args = [
        "export",
        "vouchers",
        "--db",
        str(demo_db),
        "--from",
        "2026-01-01",
        "--to",
        "2026-11-27",
        "--out",
        str(out),
        "--lang",
        "zh_CN",
    ]
    assert main(args) == 0
    assert "vouchers" in capsys.readouterr().out
    wb = load_workbook(out, read_only=True)
    assert wb.sheetnames == ["凭证", "客户", "产品"]
    rows = list(wb["凭证"].iter_rows(values_only=True))
    assert rows[0] == (
        "日期",
        "凭证号",
        "摘要",
        "科目代码",
        "科目名称",
        "借方金额",
        "贷方金额",
        "客户",
        "单据号",
    )
    sums: dict[str, list[Decimal]] = defaultdict(lambda: [D(0), D(0)])
    for row in rows[1:]:
        sums[row[1]][0] += D(str(row[5]))
        sums[row[1]][1] += D(str(row[6]))
        assert row[3] in ("1122", "6001", "22210102", "1002")
    assert len(sums) > 10
    assert all(debit == credit for debit, credit in sums.values())
    kinds = {row[2].split(" ")[0] for row in rows[1:]}
    assert {"销售发票", "收到货款"} <= kinds
    assert len(list(wb["客户"].iter_rows())) > 1 and len(list(wb["产品"].iter_rows())) > 1
    wb.close()
    csv_out = tmp_path / "v.csv"
    assert main([*args[:-4], "--out", str(csv_out)]) == 0
    assert csv_out.read_text(encoding="utf-8-sig").count("\n") == len(rows)


def test_voucher_account_codes_come_from_settings(shop: Path, tmp_path: Path) -> None:
    from sms_desktop.services.settings import AccountCodes

    db = open_database(shop)
    Services(db).settings.save_account_codes(AccountCodes(bank="100201", bank_name="工行"))
    db.close()
    out = tmp_path / "v.csv"
    assert (
        main(
            [
                "export",
                "vouchers",
                "--db",
                str(shop),
                "--from",
                "2027-01-01",
                "--to",
                "2027-12-31",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    text = out.read_text(encoding="utf-8-sig")
    assert "100201" in text and "工行" in text and ",1002," not in text


def test_voucher_export_needs_its_period(
    shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "v.xlsx")
    assert main(["export", "vouchers", "--db", str(shop), "--out", out]) == 1
    assert "--from" in capsys.readouterr().err
    with sqlite3.connect(shop) as con:
        assert con.execute("SELECT count(*) FROM payments").fetchone() == (1,)
