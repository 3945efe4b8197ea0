"""Undoable steps of the Orders area: entering an order, editing its lines, confirming it,
a delivery, an invoice, a payment, a cancellation, a draft to the trash. Each is done before
it is pushed (``ui/undo.py``); its undo is the service's own taking back of that step,
refused with a reason once the order has moved on."""

from __future__ import annotations

from collections.abc import Callable

from sms_desktop.domain.enums import OrderStatus
from sms_desktop.services.orders import Confirmed, OrderDetail, OrdersService
from sms_desktop.services.payments import PaymentInput, PaymentRow, PaymentsService
from sms_desktop.ui.i18n import translate
from sms_desktop.ui.undo import CallCommand, DoneCommand, Show


def enter_order(service: OrdersService, saved: OrderDetail, show: Show) -> CallCommand:
    """A new order: undo puts it in the trash (a confirmed one as a draft, without the
    follow-ups it started); redo brings it back under its number, confirmed again if it was."""
    confirmed = saved.status is OrderStatus.CONFIRMED

    def again() -> None:
        service.restore(saved.id)
        if confirmed:
            service.confirm(saved.id)

    command = CallCommand(
        translate("OrderCommands", "New order {number}").format(number=saved.number),
        again,
        lambda: service.take_back_new(saved.id),
        show=show,
    )
    command.shown_id = saved.id
    return command


def edit_order(
    service: OrdersService, before: OrderDetail, after: OrderDetail, show: Show
) -> CallCommand:
    """An edit of the lines: undo saves the content before, redo the content after."""
    old, new = before.as_draft(), after.as_draft()
    command = CallCommand(
        translate("OrderCommands", "Edit order {number}").format(number=after.number),
        lambda: service.save(after.id, new),
        lambda: service.save(after.id, old),
        show=show,
    )
    command.shown_id = after.id
    return command


class ConfirmOrder(DoneCommand):
    def __init__(self, service: OrdersService, confirmed: Confirmed, show: Show) -> None:
        text = translate("OrderCommands", "Confirm order {number}")
        super().__init__(text.format(number=confirmed.order.number), show=show)
        self._service, self._confirmed = service, confirmed
        self.shown_id = confirmed.order.id

    def do(self) -> None:
        self._confirmed = self._service.confirm(self._confirmed.order.id)

    def undo_it(self) -> None:
        self._service.take_back_confirm(self._confirmed)


class StepCommand(DoneCommand):
    """A delivery or an invoice: undo takes back the record the step added (the newest of
    its kind on the order), redo records the same again."""

    def __init__(
        self,
        text: str,
        after: OrderDetail,
        again: Callable[[], OrderDetail],
        take_back: Callable[[OrderDetail], object],
        show: Show,
    ) -> None:
        super().__init__(text, show=show)
        self._after, self._again, self._take_back = after, again, take_back
        self.shown_id = after.id

    def do(self) -> None:
        self._after = self._again()

    def undo_it(self) -> None:
        self._take_back(self._after)


def deliver(
    service: OrdersService, after: OrderDetail, again: Callable[[], OrderDetail], show: Show
) -> StepCommand:
    delivery = after.deliveries[-1]
    return StepCommand(
        translate("OrderCommands", "Delivery {number}").format(number=delivery.number),
        after,
        again,
        lambda order: service.take_back_delivery(order.deliveries[-1].id),
        show,
    )


def invoice(
    service: OrdersService, after: OrderDetail, again: Callable[[], OrderDetail], show: Show
) -> StepCommand:
    newest = max(after.invoices, key=lambda i: i.id)
    return StepCommand(
        translate("OrderCommands", "Invoice {number}").format(number=newest.number),
        after,
        again,
        lambda order: service.take_back_invoice(max(order.invoices, key=lambda i: i.id).id),
        show,
    )


def cancel(
    service: OrdersService,
    before: OrderDetail,
    reason: str,
    show: Show,
) -> CallCommand:
    command = CallCommand(
        translate("OrderCommands", "Cancel order {number}").format(number=before.number),
        lambda: service.cancel(before.id, reason),
        lambda: service.take_back_cancel(before.id, before.status),
        show=show,
    )
    command.shown_id = before.id
    return command


class RecordPayment(DoneCommand):
    """Undo deletes the payment (its invoices are open again); redo records it again."""

    def __init__(
        self,
        service: PaymentsService,
        payment: PaymentRow,
        data: PaymentInput,
        order_id: int,
        show: Show,
    ) -> None:
        super().__init__(translate("OrderCommands", "Payment received"), show=show)
        self._service, self._payment, self._data = service, payment, data
        self.shown_id = order_id

    def do(self) -> None:
        self._payment = self._service.record(self._data)

    def undo_it(self) -> None:
        self._service.remove(self._payment.id)


def delete_draft(
    service: OrdersService, order: OrderDetail, refresh: Callable[[], None]
) -> CallCommand:
    return CallCommand(
        translate("OrderCommands", "Delete order {number}").format(number=order.number),
        lambda: service.delete(order.id),
        lambda: service.restore(order.id),
        refresh,
    )
