"""Domain errors carry translatable messages; validation collects one message per field."""

from __future__ import annotations

import pytest

from sms_desktop.domain.errors import (
    FORM,
    ConflictError,
    DomainError,
    Errors,
    NotFoundError,
    ValidationError,
)
from sms_desktop.domain.i18n import translate


def _zh(context: str, text: str) -> str:
    return {
        "Enter a name.": "请输入名称。",
        "{value} is not an e-mail address.": "{value} 不是电子邮件地址。",
    }.get(text, text)


def test_domain_error_keeps_the_message_and_renders_it() -> None:
    message = translate("Quotes", "Quote {number} was sent; it cannot change.").format(
        number="Q-2026-0001"
    )
    error = ConflictError(message)
    assert isinstance(error, DomainError)
    assert error.message is message
    assert error.render() == "Quote Q-2026-0001 was sent; it cannot change."


def test_domain_error_str_is_the_rendered_english_text() -> None:
    # Logs and tracebacks show str(error): it must carry the parameters, not "{path}".
    error = NotFoundError(translate("Customers", "No customer {id}.").format(id=42))
    assert str(error) == "No customer 42."


def test_validation_error_has_one_message_per_field() -> None:
    error = ValidationError(
        {
            "name": translate("Customers", "Enter a name."),
            "email": translate("Customers", "{value} is not an e-mail address.").format(value="x@"),
        }
    )
    assert set(error.errors) == {"name", "email"}
    assert error.errors["name"].text == "Enter a name."
    assert error.message is error.errors["name"]  # the first one is the headline
    assert error.render() == "Enter a name.; x@ is not an e-mail address."
    assert error.render(_zh) == "请输入名称。; x@ 不是电子邮件地址。"


def test_validation_error_copies_its_input() -> None:
    given = {"name": translate("Ctx", "Enter a name.")}
    error = ValidationError(given)
    given["other"] = translate("Ctx", "Other")
    assert list(error.errors) == ["name"]


def test_validation_error_needs_a_message() -> None:
    with pytest.raises(ValueError, match="at least one"):
        ValidationError({})


def test_errors_collector_raises_nothing_when_empty() -> None:
    errors = Errors()
    assert not errors
    errors.raise_if_any()  # no exception
    assert bool(errors) is False


def test_errors_collector_keeps_the_first_message_per_field_and_the_order() -> None:
    errors = Errors()
    errors.add("email", translate("Ctx", "{value} is not an e-mail address.").format(value="a"))
    errors.add(FORM, translate("Ctx", "Something is wrong."))
    errors.add("email", translate("Ctx", "Enter an e-mail address."))  # ignored: first wins
    errors.add("name", translate("Ctx", "Enter a name."))
    assert errors
    with pytest.raises(ValidationError) as caught:
        errors.raise_if_any()
    assert list(caught.value.errors) == ["email", FORM, "name"]
    assert caught.value.errors["email"].render() == "a is not an e-mail address."
    assert caught.value.render() == (
        "a is not an e-mail address.; Something is wrong.; Enter a name."
    )


def test_errors_collector_raises_a_snapshot() -> None:
    errors = Errors()
    errors.add("name", translate("Ctx", "Enter a name."))
    with pytest.raises(ValidationError) as caught:
        errors.raise_if_any()
    errors.add("later", translate("Ctx", "Later."))
    assert list(caught.value.errors) == ["name"]
