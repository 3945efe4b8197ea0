"""Payment vouchers of foreign-currency invoices: the receivable is cleared at the invoice's
rate, the bank receives at the payment's, and the difference is an exchange gain or loss."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from sms_desktop.services.orders import DeliveryInput, InvoiceInput
from sms_desktop.services.payments import PaymentInput
from sms_desktop.services.registry import Services
from sms_desktop.services.vouchers import VouchersService
from tests.services.dataset import World
from tests.services.test_order_lifecycle import _draft

D = Decimal
ORDERED, PAID = date(2027, 3, 1), date(2027, 4, 10)


@pytest.mark.parametrize(
    ("paid_rate", "fx_debit", "fx_credit"),
    [("7.2", "0.00", "652.60"), ("6.9", "326.30", "0.00")],  # a gain, then a loss
)
def test_an_exchange_difference_balances_the_payment_voucher(
    services: Services, world: World, paid_rate: str, fx_debit: str, fx_credit: str
) -> None:
    services.currencies.set_rate("USD", ORDERED, D("7.0"))
    services.currencies.set_rate("USD", PAID, D(paid_rate))
    order = services.orders.save(None, _draft(world, currency="USD"), confirm=True)
    services.orders.deliver(
        order.id, DeliveryInput(ORDERED, {ln.id: ln.quantity for ln in order.lines})
    )
    services.orders.invoice(order.id, InvoiceInput("INV-USD", ORDERED))
    # 3,263.00 USD invoiced at 7.0 = 22,841.00 CNY
    services.payments.record(PaymentInput(world.acme, PAID, D("3263.00"), "USD"))
    (voucher,) = VouchersService(services.db).vouchers(PAID, PAID)
    assert voucher.balanced
    lines = {ln.account_code: (ln.debit, ln.credit) for ln in voucher.lines}
    bank = (D("3263.00") * D(paid_rate)).quantize(D("0.01"))
    assert lines["1002"] == (bank, D("0.00"))
    assert lines["1122"] == (D("0.00"), D("22841.00"))
    assert lines["6603"] == (D(fx_debit), D(fx_credit))


def test_a_payment_in_the_company_currency_has_no_exchange_line(
    services: Services, world: World
) -> None:
    order = services.orders.save(None, _draft(world), confirm=True)
    services.orders.deliver(
        order.id, DeliveryInput(ORDERED, {ln.id: ln.quantity for ln in order.lines})
    )
    services.orders.invoice(order.id, InvoiceInput("INV-CNY", ORDERED))
    services.payments.record(PaymentInput(world.acme, PAID, D("4000.00"), "CNY"))  # 737 credit
    (voucher,) = VouchersService(services.db).vouchers(PAID, PAID)
    assert voucher.balanced and {ln.account_code for ln in voucher.lines} == {"1002", "1122"}
    assert sum(ln.credit for ln in voucher.lines) == D("4000.00")
