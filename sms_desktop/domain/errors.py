"""The errors services raise; each carries translatable messages."""

from __future__ import annotations

from collections.abc import Mapping

from sms_desktop.domain.i18n import Message, Translator, identity_translator

FORM = "__form__"  # key for a message that belongs to no single field


class DomainError(Exception):
    """Base class: an expected failure with a message for the user."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render())
        self.message = message

    def render(self, translate: Translator = identity_translator) -> str:
        return self.message.render(translate)


class NotFoundError(DomainError):
    """The record asked for does not exist (or is in the trash)."""


class ConflictError(DomainError):
    """The change clashes with the current state (e.g. a sent quote is immutable)."""


class ValidationError(DomainError):
    """Bad input: one message per field, shown inline by the UI."""

    def __init__(self, errors: Mapping[str, Message]) -> None:
        if not errors:
            raise ValueError("ValidationError needs at least one message")
        self.errors: dict[str, Message] = dict(errors)
        super().__init__(next(iter(self.errors.values())))

    def render(self, translate: Translator = identity_translator) -> str:
        return "; ".join(m.render(translate) for m in self.errors.values())


class Errors:
    """Collects field messages and raises them together."""

    def __init__(self) -> None:
        self._errors: dict[str, Message] = {}

    def add(self, field: str, message: Message) -> None:
        self._errors.setdefault(field, message)

    def __bool__(self) -> bool:
        return bool(self._errors)

    def raise_if_any(self) -> None:
        if self._errors:
            raise ValidationError(self._errors)
