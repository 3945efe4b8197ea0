"""Translatable messages for layers that must not import Qt.

Services write ``translate("Context", "English text").format(name=value)``: that
builds a :class:`Message` (nothing is translated yet). ``pyside6-lupdate`` finds
these calls by their name, so the strings land in the ``.ts`` file; the UI renders
them through ``QCoreApplication.translate`` and the CLI in English.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

Translator = Callable[[str, str], str]


def identity_translator(context: str, text: str) -> str:
    del context
    return text


@dataclass(frozen=True, slots=True)
class Message:
    """An English source string with its translation context and parameters."""

    context: str
    text: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def format(self, **params: Any) -> Message:
        return Message(self.context, self.text, {**self.params, **params})

    def render(self, translate: Translator = identity_translator) -> str:
        """The text in the language of ``translate``; parameters that are messages
        themselves are rendered in the same language."""
        params = {
            k: v.render(translate) if isinstance(v, Message) else v for k, v in self.params.items()
        }
        template = translate(self.context, self.text)
        try:
            return template.format(**params)
        except Exception:
            return self.text.format(**params)

    def __str__(self) -> str:
        return self.render()


def translate(context: str, text: str) -> Message:
    """Mark ``text`` for translation in ``context`` (literal strings only, for lupdate)."""
    return Message(context, text)
