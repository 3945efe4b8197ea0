"""Undoable customer edits: each command calls the services; Ctrl+Z calls them back.

Afterwards the tab shows the customer of ``shown_id`` (see :class:`DoneCommand`)."""

from __future__ import annotations

from sms_desktop.services.customers import ContactInput, CustomerInput, CustomersService
from sms_desktop.services.duplicates import DuplicatesService, MergeRecord
from sms_desktop.services.interactions import InteractionInput, InteractionsService
from sms_desktop.ui.i18n import translate
from sms_desktop.ui.undo import DoneCommand, Show


class CreateCustomer(DoneCommand):
    shown_id: int  # the customer, shown afterwards

    def __init__(
        self, service: CustomersService, customer_id: int, name: str, changed: Show
    ) -> None:
        text = translate("CustomerCommands", "New customer “{name}”")
        super().__init__(text.format(name=name), show=changed)
        self._service, self.shown_id = service, customer_id

    def do(self) -> None:
        self._service.restore(self.shown_id)

    def undo_it(self) -> None:
        self._service.delete(self.shown_id)

    def shown_after_undo(self) -> int | None:
        return None  # back in the trash


class UpdateCustomer(DoneCommand):
    shown_id: int  # the customer, shown afterwards

    def __init__(
        self,
        service: CustomersService,
        customer_id: int,
        before: CustomerInput,
        after: CustomerInput,
        changed: Show,
    ) -> None:
        text = translate("CustomerCommands", "Edit “{name}”")
        super().__init__(text.format(name=after.name), show=changed)
        self._service, self.shown_id = service, customer_id
        self._before, self._after = before, after

    def do(self) -> None:
        self._service.update(self.shown_id, self._after)

    def undo_it(self) -> None:
        self._service.update(self.shown_id, self._before)


class DeleteCustomer(DoneCommand):
    shown_id: int  # the customer, shown afterwards

    def __init__(
        self, service: CustomersService, customer_id: int, name: str, changed: Show
    ) -> None:
        text = translate("CustomerCommands", "Delete “{name}”")
        super().__init__(text.format(name=name), show=changed)
        self._service, self.shown_id = service, customer_id

    def do(self) -> None:
        self._service.delete(self.shown_id)

    def undo_it(self) -> None:
        self._service.restore(self.shown_id)

    def shown_after_redo(self) -> int | None:
        return None  # it is in the trash now


class MergeCustomers(DoneCommand):
    def __init__(
        self, service: DuplicatesService, record: MergeRecord, keep_name: str, changed: Show
    ) -> None:
        text = translate("CustomerCommands", "Merge into “{name}”")
        super().__init__(text.format(name=keep_name), show=changed)
        self._service, self.record = service, record
        self.shown_id = record.keep_id

    def do(self) -> None:
        self.record = self._service.merge(self.record.keep_id, self.record.drop_id)

    def undo_it(self) -> None:
        self._service.unmerge(self.record)

    def shown_after_redo(self) -> int | None:
        return self.record.keep_id


class AddContact(DoneCommand):
    shown_id: int  # the customer, shown afterwards

    def __init__(
        self,
        service: CustomersService,
        customer_id: int,
        contact_id: int,
        name: str,
        changed: Show,
    ) -> None:
        text = translate("CustomerCommands", "Add contact “{name}”")
        super().__init__(text.format(name=name), show=changed)
        self._service, self.shown_id, self.contact_id = service, customer_id, contact_id

    def do(self) -> None:
        self._service.restore_contact(self.contact_id)

    def undo_it(self) -> None:
        self._service.remove_contact(self.contact_id)


class UpdateContact(DoneCommand):
    shown_id: int  # the customer, shown afterwards

    def __init__(
        self,
        service: CustomersService,
        customer_id: int,
        contact_id: int,
        before: ContactInput,
        after: ContactInput,
        changed: Show,
    ) -> None:
        text = translate("CustomerCommands", "Edit contact “{name}”")
        super().__init__(text.format(name=after.name), show=changed)
        self._service, self.shown_id, self.contact_id = service, customer_id, contact_id
        self._before, self._after = before, after

    def do(self) -> None:
        self._service.update_contact(self.contact_id, self._after)

    def undo_it(self) -> None:
        self._service.update_contact(self.contact_id, self._before)


class RemoveContact(DoneCommand):
    shown_id: int  # the customer, shown afterwards

    def __init__(
        self,
        service: CustomersService,
        customer_id: int,
        contact_id: int,
        name: str,
        changed: Show,
    ) -> None:
        text = translate("CustomerCommands", "Remove contact “{name}”")
        super().__init__(text.format(name=name), show=changed)
        self._service, self.shown_id, self.contact_id = service, customer_id, contact_id

    def do(self) -> None:
        self._service.remove_contact(self.contact_id)

    def undo_it(self) -> None:
        self._service.restore_contact(self.contact_id)


class LogInteraction(DoneCommand):
    shown_id: int  # the customer, shown afterwards

    def __init__(
        self,
        service: InteractionsService,
        customer_id: int,
        interaction_id: int,
        data: InteractionInput,
        changed: Show,
    ) -> None:
        super().__init__(translate("CustomerCommands", "Log interaction"), show=changed)
        self._service, self.shown_id = service, customer_id
        self.interaction_id, self._data = interaction_id, data

    def do(self) -> None:
        self.interaction_id = self._service.log(self.shown_id, self._data)

    def undo_it(self) -> None:
        self._data = self._service.remove(self.interaction_id)
