"""The one error type an import raises for a file it cannot use."""

from __future__ import annotations

from sms_desktop.domain.errors import DomainError


class ImportFileError(DomainError):
    """The file (or a choice made for it) cannot be imported: unreadable, wrong encoding,
    no header row, an unknown sheet … The message says what and where."""
