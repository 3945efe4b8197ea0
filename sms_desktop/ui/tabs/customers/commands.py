"""Undoable customer edits: each command calls the services; Ctrl+Z calls them back."""

from __future__ import annotations

from collections.abc import Callable

from sms_desktop.services.customers import ContactInput, CustomerInput, CustomersService
from sms_desktop.services.duplicates import DuplicatesService, MergeRecord
from sms_desktop.services.interactions import InteractionInput, InteractionsService
from sms_desktop.ui.i18n import translate
from sms_desktop.ui.undo import DoneCommand

Changed = Callable[[int | None], None]  # the customer to show afterwards (None: just refresh)


class _Command(DoneCommand):
    """A customer edit; afterwards the tab refreshes and shows :meth:`shown_after_redo`."""

    customer_id: int | None = None

    def __init__(self, text: str, changed: Changed) -> None:
        super().__init__(text)
        self._changed = changed

    def after_redo(self, *, first: bool) -> None:
        self._changed(self.shown_after_redo())

    def after_undo(self) -> None:
        self._changed(self.shown_after_undo())

    def shown_after_redo(self) -> int | None:
        """The customer to show once the action is (re)done."""
        return self.customer_id

    def shown_after_undo(self) -> int | None:
        return self.customer_id


class CreateCustomer(_Command):
    customer_id: int

    def __init__(
        self, service: CustomersService, customer_id: int, name: str, changed: Changed
    ) -> None:
        text = translate("CustomerCommands", "New customer “{name}”")
        super().__init__(text.format(name=name), changed)
        self._service, self.customer_id = service, customer_id

    def do(self) -> None:
        self._service.restore(self.customer_id)

    def undo_it(self) -> None:
        self._service.delete(self.customer_id)

    def shown_after_undo(self) -> int | None:
        return None  # back in the trash


class UpdateCustomer(_Command):
    customer_id: int

    def __init__(
        self,
        service: CustomersService,
        customer_id: int,
        before: CustomerInput,
        after: CustomerInput,
        changed: Changed,
    ) -> None:
        text = translate("CustomerCommands", "Edit “{name}”")
        super().__init__(text.format(name=after.name), changed)
        self._service, self.customer_id = service, customer_id
        self._before, self._after = before, after

    def do(self) -> None:
        self._service.update(self.customer_id, self._after)

    def undo_it(self) -> None:
        self._service.update(self.customer_id, self._before)


class DeleteCustomer(_Command):
    customer_id: int

    def __init__(
        self, service: CustomersService, customer_id: int, name: str, changed: Changed
    ) -> None:
        text = translate("CustomerCommands", "Delete “{name}”")
        super().__init__(text.format(name=name), changed)
        self._service, self.customer_id = service, customer_id

    def do(self) -> None:
        self._service.delete(self.customer_id)

    def undo_it(self) -> None:
        self._service.restore(self.customer_id)

    def shown_after_redo(self) -> int | None:
        return None  # it is in the trash now


class MergeCustomers(_Command):
    def __init__(
        self, service: DuplicatesService, record: MergeRecord, keep_name: str, changed: Changed
    ) -> None:
        text = translate("CustomerCommands", "Merge into “{name}”")
        super().__init__(text.format(name=keep_name), changed)
        self._service, self.record = service, record
        self.customer_id = record.keep_id

    def do(self) -> None:
        self.record = self._service.merge(self.record.keep_id, self.record.drop_id)

    def undo_it(self) -> None:
        self._service.unmerge(self.record)

    def shown_after_redo(self) -> int | None:
        return self.record.keep_id


class AddContact(_Command):
    customer_id: int

    def __init__(
        self,
        service: CustomersService,
        customer_id: int,
        contact_id: int,
        name: str,
        changed: Changed,
    ) -> None:
        text = translate("CustomerCommands", "Add contact “{name}”")
        super().__init__(text.format(name=name), changed)
        self._service, self.customer_id, self.contact_id = service, customer_id, contact_id

    def do(self) -> None:
        self._service.restore_contact(self.contact_id)

    def undo_it(self) -> None:
        self._service.remove_contact(self.contact_id)


class UpdateContact(_Command):
    customer_id: int

    def __init__(
        self,
        service: CustomersService,
        customer_id: int,
        contact_id: int,
        before: ContactInput,
        after: ContactInput,
        changed: Changed,
    ) -> None:
        text = translate("CustomerCommands", "Edit contact “{name}”")
        super().__init__(text.format(name=after.name), changed)
        self._service, self.customer_id, self.contact_id = service, customer_id, contact_id
        self._before, self._after = before, after

    def do(self) -> None:
        self._service.update_contact(self.contact_id, self._after)

    def undo_it(self) -> None:
        self._service.update_contact(self.contact_id, self._before)


class RemoveContact(_Command):
    customer_id: int

    def __init__(
        self,
        service: CustomersService,
        customer_id: int,
        contact_id: int,
        name: str,
        changed: Changed,
    ) -> None:
        text = translate("CustomerCommands", "Remove contact “{name}”")
        super().__init__(text.format(name=name), changed)
        self._service, self.customer_id, self.contact_id = service, customer_id, contact_id

    def do(self) -> None:
        self._service.remove_contact(self.contact_id)

    def undo_it(self) -> None:
        self._service.restore_contact(self.contact_id)


class LogInteraction(_Command):
    customer_id: int

    def __init__(
        self,
        service: InteractionsService,
        customer_id: int,
        interaction_id: int,
        data: InteractionInput,
        changed: Changed,
    ) -> None:
        super().__init__(translate("CustomerCommands", "Log interaction"), changed)
        self._service, self.customer_id = service, customer_id
        self.interaction_id, self._data = interaction_id, data

    def do(self) -> None:
        self.interaction_id = self._service.log(self.customer_id, self._data)

    def undo_it(self) -> None:
        self._data = self._service.remove(self.interaction_id)
