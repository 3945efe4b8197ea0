"""The Settings dialog's one save: everything checked together, written in one transaction."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from sms_desktop.domain.errors import ValidationError
from sms_desktop.services.registry import Services
from sms_desktop.services.settings import SettingsChange

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def test_save_all_returns_the_settings_before_and_stores_them_all(services: Services) -> None:
    settings = services.settings
    before = settings.current()
    change = SettingsChange(
        replace(before.company, name="明达贸易", phone="021-5555 0000"),
        replace(before.defaults, tax_rate=Decimal("9.00")),
        PNG,
    )
    assert settings.save_all(change) == before
    assert settings.current() == change
    assert settings.save_all(before) == change  # what an undo does
    assert settings.current() == before


def test_one_bad_field_anywhere_writes_nothing(services: Services) -> None:
    settings = services.settings
    before = settings.current()
    bad = SettingsChange(
        replace(before.company, name="新名字", email="not-an-email"),
        replace(before.defaults, quote_validity_days=0),
        b"GIF89a",
    )
    with pytest.raises(ValidationError) as caught:
        settings.save_all(bad)
    assert set(caught.value.errors) == {"email", "quote_validity_days", "logo"}
    assert settings.current() == before  # the good company name was not written either
