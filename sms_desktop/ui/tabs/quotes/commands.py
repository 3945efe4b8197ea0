"""Undoable edits of the Quotes area: a quote marked sent, accepted (with its order and the
deal's win) or rejected; a draft moved to the trash (and back); products, price lists and
their rules."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from sms_desktop.domain.enums import QuoteStatus
from sms_desktop.services.pricing import PriceListCopy, PriceListInput, PricingService, RuleInput
from sms_desktop.services.products import ProductRow, ProductsService
from sms_desktop.services.quotes import QuoteDetail, QuoteInput, QuotesService, StatusChange
from sms_desktop.ui.i18n import translate
from sms_desktop.ui.undo import CallCommand, DoneCommand, Show


def _input_of(quote: QuoteDetail) -> QuoteInput:
    """What saving ``quote`` again takes: its content with its low-margin reason."""
    return replace(quote.as_input(), margin_reason=quote.margin_override_reason or "")


def create_quote(
    service: QuotesService, saved: QuoteDetail, show: Show, *, revision: bool = False
) -> CallCommand:
    """A new quote or a new revision (a draft): undo moves it to the trash, redo brings it
    back with what was typed into it."""
    text = (
        translate("QuoteCommands", "New revision {label}")
        if revision
        else translate("QuoteCommands", "New quote {label}")
    )
    command = CallCommand(
        text.format(label=saved.label),
        lambda: service.restore(saved.id),
        lambda: service.delete(saved.id),
        show=show,
    )
    command.shown_id = saved.id
    return command


def update_quote(
    service: QuotesService, before: QuoteDetail, after: QuoteDetail, show: Show
) -> CallCommand:
    """An edit of a draft: undo saves the content before, redo the content after."""
    old, new = _input_of(before), _input_of(after)
    command = CallCommand(
        translate("QuoteCommands", "Edit quote {label}").format(label=after.label),
        lambda: service.save(after.id, new),
        lambda: service.save(after.id, old),
        show=show,
    )
    command.shown_id = after.id
    return command


class ChangeQuoteStatus(DoneCommand):
    """Undo takes the status change back (an acceptance with its order and the deal's win);
    redo does it again, through the same call as the first time."""

    refresh_on_push = False  # the tab shows the change itself

    def __init__(
        self,
        service: QuotesService,
        change: StatusChange,
        again: Callable[[int], StatusChange],
        refresh: Callable[[], None],
        show: Show,
    ) -> None:
        label = change.quote.label
        texts = {
            QuoteStatus.SENT: translate("QuoteCommands", "Mark {label} sent"),
            QuoteStatus.ACCEPTED: translate("QuoteCommands", "Accept {label}"),
            QuoteStatus.REJECTED: translate("QuoteCommands", "Reject {label}"),
        }
        super().__init__(texts[change.quote.status].format(label=label), refresh, show=show)
        self._service, self._change, self._again = service, change, again
        self.shown_id = change.quote.id

    def do(self) -> None:
        self._change = self._again(self._change.quote.id)

    def undo_it(self) -> None:
        self._service.undo_status(self._change)


class DeleteQuote(DoneCommand):
    def __init__(
        self, service: QuotesService, quote_id: int, label: str, refresh: Callable[[], None]
    ) -> None:
        text = translate("QuoteCommands", "Delete quote {label}")
        super().__init__(text.format(label=label), refresh)
        self._service, self.quote_id = service, quote_id

    def do(self) -> None:
        self._service.delete(self.quote_id)

    def undo_it(self) -> None:
        self._service.restore(self.quote_id)


def create_product(
    service: ProductsService, product: ProductRow, refresh: Callable[[], None]
) -> CallCommand:
    text = translate("QuoteCommands", "New product {sku}").format(sku=product.sku)
    return CallCommand(
        text, lambda: service.restore(product.id), lambda: service.delete(product.id), refresh
    )


def update_product(
    service: ProductsService, before: ProductRow, after: ProductRow, refresh: Callable[[], None]
) -> CallCommand:
    text = translate("QuoteCommands", "Edit product {sku}").format(sku=after.sku)
    old, new = before.as_input(), after.as_input()
    return CallCommand(
        text,
        lambda: service.update(before.id, new),
        lambda: service.update(before.id, old),
        refresh,
    )


def delete_product(
    service: ProductsService, product: ProductRow, refresh: Callable[[], None]
) -> CallCommand:
    text = translate("QuoteCommands", "Delete product {sku}").format(sku=product.sku)
    return CallCommand(
        text, lambda: service.delete(product.id), lambda: service.restore(product.id), refresh
    )


class CreatePriceList(DoneCommand):
    """Undo deletes the new list (keeping a copy); redo puts that copy back."""

    def __init__(
        self, service: PricingService, list_id: int, name: str, refresh: Callable[[], None]
    ) -> None:
        text = translate("QuoteCommands", "New price list {name}")
        super().__init__(text.format(name=name), refresh)
        self._service, self.list_id = service, list_id
        self._copy: PriceListCopy | None = None

    def do(self) -> None:
        assert self._copy is not None
        self.list_id = self._service.recreate_list(self._copy)

    def undo_it(self) -> None:
        self._copy = self._service.delete_list(self.list_id)


def update_price_list(
    service: PricingService,
    list_id: int,
    before: PriceListInput,
    after: PriceListInput,
    refresh: Callable[[], None],
) -> CallCommand:
    text = translate("QuoteCommands", "Edit price list {name}").format(name=after.name)
    return CallCommand(
        text,
        lambda: service.update_list(list_id, after),
        lambda: service.update_list(list_id, before),
        refresh,
    )


class DeletePriceList(DoneCommand):
    """Undo puts the list back with its rules (under a new id); redo deletes it again."""

    def __init__(
        self, service: PricingService, copy: PriceListCopy, refresh: Callable[[], None]
    ) -> None:
        text = translate("QuoteCommands", "Delete price list {name}")
        super().__init__(text.format(name=copy.data.name), refresh)
        self._service, self._copy = service, copy
        self.list_id: int | None = None

    def do(self) -> None:
        assert self.list_id is not None
        self._copy = self._service.delete_list(self.list_id)

    def undo_it(self) -> None:
        self.list_id = self._service.recreate_list(self._copy)


class AddRule(DoneCommand):
    def __init__(
        self,
        service: PricingService,
        list_id: int,
        rule_id: int,
        data: RuleInput,
        refresh: Callable[[], None],
    ) -> None:
        super().__init__(translate("QuoteCommands", "Add price rule"), refresh)
        self._service, self.list_id, self.rule_id, self._data = service, list_id, rule_id, data

    def do(self) -> None:
        self.rule_id = self._service.add_rule(self.list_id, self._data)

    def undo_it(self) -> None:
        self._service.delete_rule(self.rule_id)


def update_rule(
    service: PricingService,
    rule_id: int,
    before: RuleInput,
    after: RuleInput,
    refresh: Callable[[], None],
) -> CallCommand:
    return CallCommand(
        translate("QuoteCommands", "Edit price rule"),
        lambda: service.update_rule(rule_id, after),
        lambda: service.update_rule(rule_id, before),
        refresh,
    )


class DeleteRule(DoneCommand):
    def __init__(
        self,
        service: PricingService,
        list_id: int,
        rule_id: int,
        data: RuleInput,
        refresh: Callable[[], None],
    ) -> None:
        super().__init__(translate("QuoteCommands", "Delete price rule"), refresh)
        self._service, self.list_id, self.rule_id, self._data = service, list_id, rule_id, data

    def do(self) -> None:
        self._service.delete_rule(self.rule_id)

    def undo_it(self) -> None:
        self.rule_id = self._service.add_rule(self.list_id, self._data)
