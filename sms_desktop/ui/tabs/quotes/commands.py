"""Undoable edits of the Quotes area: a draft moved to the trash (and back), products."""

from __future__ import annotations

from collections.abc import Callable

from sms_desktop.services.products import ProductRow, ProductsService
from sms_desktop.services.quotes import QuotesService
from sms_desktop.ui.i18n import translate
from sms_desktop.ui.undo import DoneCommand


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


class CreateProduct(DoneCommand):
    def __init__(
        self, service: ProductsService, product: ProductRow, refresh: Callable[[], None]
    ) -> None:
        text = translate("QuoteCommands", "New product {sku}")
        super().__init__(text.format(sku=product.sku), refresh)
        self._service, self.product_id = service, product.id

    def do(self) -> None:
        self._service.restore(self.product_id)

    def undo_it(self) -> None:
        self._service.delete(self.product_id)


class UpdateProduct(DoneCommand):
    def __init__(
        self,
        service: ProductsService,
        before: ProductRow,
        after: ProductRow,
        refresh: Callable[[], None],
    ) -> None:
        text = translate("QuoteCommands", "Edit product {sku}")
        super().__init__(text.format(sku=after.sku), refresh)
        self._service, self.product_id = service, before.id
        self._before, self._after = before.as_input(), after.as_input()

    def do(self) -> None:
        self._service.update(self.product_id, self._after)

    def undo_it(self) -> None:
        self._service.update(self.product_id, self._before)


class DeleteProduct(DoneCommand):
    def __init__(
        self, service: ProductsService, product: ProductRow, refresh: Callable[[], None]
    ) -> None:
        text = translate("QuoteCommands", "Delete product {sku}")
        super().__init__(text.format(sku=product.sku), refresh)
        self._service, self.product_id = service, product.id

    def do(self) -> None:
        self._service.delete(self.product_id)

    def undo_it(self) -> None:
        self._service.restore(self.product_id)
