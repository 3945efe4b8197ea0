"""Translatable messages: built in the domain, rendered by whoever shows them."""

from __future__ import annotations

import dataclasses

import pytest

from sms_desktop.domain.i18n import Message, identity_translator, translate


class FakeTranslator:
    """Records what was asked and answers from a table (None: untranslated)."""

    def __init__(self, table: dict[tuple[str, str], str]) -> None:
        self.table = table
        self.calls: list[tuple[str, str]] = []

    def __call__(self, context: str, text: str) -> str:
        self.calls.append((context, text))
        return self.table.get((context, text), text)


def test_translate_builds_a_message_without_translating() -> None:
    message = translate("Customers", "Enter a name.")
    assert message == Message("Customers", "Enter a name.", {})
    assert message.params == {}


def test_format_returns_a_new_message_and_merges_params() -> None:
    base = translate("Quotes", "{count} quotes for {name}")
    first = base.format(count=3)
    second = first.format(name="Acme")
    assert base.params == {}  # the original is untouched
    assert first.params == {"count": 3}
    assert second.params == {"count": 3, "name": "Acme"}
    assert second.format(count=4).params == {"count": 4, "name": "Acme"}  # later wins
    assert second.context == "Quotes"
    assert second.text == "{count} quotes for {name}"


def test_message_is_immutable() -> None:
    message = translate("Ctx", "Text")
    with pytest.raises(dataclasses.FrozenInstanceError):
        message.text = "other"  # type: ignore[misc]


def test_render_with_the_identity_translator_gives_english() -> None:
    message = translate("Database", "{path} is locked by {who}.").format(path="/x.db", who="li")
    assert message.render() == "/x.db is locked by li."
    assert message.render(identity_translator) == "/x.db is locked by li."
    assert str(message) == "/x.db is locked by li."
    assert identity_translator("any", "text") == "text"


def test_render_asks_the_translator_with_context_and_source_text() -> None:
    translator = FakeTranslator({("Customers", "{count} customers"): "{count} 个客户"})
    message = translate("Customers", "{count} customers").format(count=12)
    assert message.render(translator) == "12 个客户"
    assert translator.calls == [("Customers", "{count} customers")]


def test_translation_may_reorder_placeholders() -> None:
    translator = FakeTranslator({("Ctx", "{a} then {b}"): "先 {b} 后 {a}"})
    assert translate("Ctx", "{a} then {b}").format(a="A", b="B").render(translator) == "先 B 后 A"


def test_same_text_in_another_context_is_not_translated() -> None:
    translator = FakeTranslator({("Quotes", "Open"): "打开"})
    assert translate("Orders", "Open").render(translator) == "Open"
    assert translate("Quotes", "Open").render(translator) == "打开"


@pytest.mark.parametrize(
    "broken",
    [
        "{unknown} 个客户",  # a placeholder the source does not have
        "{0} 个客户",  # positional
        "{count 个客户",  # unbalanced brace
        "{count!x} 个客户",  # bad conversion
        "{count:q} 个客户",  # bad format spec
        "{name.missing} 个客户",  # attribute access on a parameter
        "{count[0]} 个客户",  # indexing an int parameter
    ],
)
def test_broken_translation_falls_back_to_the_english_message(broken: str) -> None:
    translator = FakeTranslator({("Customers", "{count} customers of {name}"): broken})
    message = translate("Customers", "{count} customers of {name}").format(count=3, name="Li")
    assert message.render(translator) == "3 customers of Li"


def test_missing_parameter_is_an_error_of_the_caller() -> None:
    # The English text itself needs the parameter: that is a programming error, not hidden.
    message = translate("Ctx", "Hello {name}")
    with pytest.raises(KeyError):
        message.render()


def test_braces_in_parameters_are_not_interpreted() -> None:
    message = translate("Ctx", "Name: {name}").format(name="{evil} {0}")
    assert message.render() == "Name: {evil} {0}"
