"""What the user reads of an error: never a Python exception's text."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from sms_desktop.domain.errors import ConflictError
from sms_desktop.domain.i18n import Message
from sms_desktop.ui.dialogs.messages import error_text


def test_a_domain_error_is_its_message(qapp: object) -> None:
    assert error_text(ConflictError(Message("Test", "A sent quote cannot be changed."))) == (
        "A sent quote cannot be changed."
    )


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (errno.ENOSPC, "The disk is full"),
        (errno.EACCES, "may not write here: /srv/x.xlsx"),
        (errno.ENOENT, "does not exist: /srv/x.xlsx"),
    ],
)
def test_a_file_problem_reads_in_plain_words(qapp: object, code: int, expected: str) -> None:
    text = error_text(OSError(code, "strerror in English", "/srv/x.xlsx"))
    assert expected in text
    assert "strerror" not in text and "OSError" not in text


def test_an_unexpected_error_shows_no_python_text_and_names_the_log(qapp: object) -> None:
    text = error_text(KeyError("secret_internal_key"))
    assert "KeyError" not in text and "secret_internal_key" not in text
    assert "Something went wrong" in text
    log = text.rsplit("Details were written to ", 1)[1].rstrip(".")
    assert "secret_internal_key" in Path(log).read_text(encoding="utf-8")
