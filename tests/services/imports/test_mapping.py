"""Mapping files and named presets (kept in the settings table)."""

from __future__ import annotations

import pytest

from sms_desktop.domain.errors import ValidationError
from sms_desktop.domain.importing.errors import ImportFileError
from sms_desktop.domain.importing.fields import ImportKind
from sms_desktop.services.imports.mapping import MappingPresets, mapping_from_headers, suggest
from sms_desktop.services.registry import Services

HEADERS = ("单位", "联系人", "日子")


def test_a_mapping_file_overrides_the_guess() -> None:
    columns = mapping_from_headers(ImportKind.CUSTOMERS, HEADERS, {"单位": "name", "日子": None})
    assert columns == ("name", "contact_name", None)
    with pytest.raises(ImportFileError, match="no column"):
        mapping_from_headers(ImportKind.CUSTOMERS, HEADERS, {"城市": "city"})
    with pytest.raises(ImportFileError, match="no field"):
        mapping_from_headers(ImportKind.CUSTOMERS, HEADERS, {"日子": "birthday"})


def test_a_preset_comes_back_for_the_same_headers(services: Services) -> None:
    presets = MappingPresets(services.settings)
    columns = ("name", "contact_name", "first_deal_date")
    presets.save("老表格", ImportKind.CUSTOMERS, HEADERS, columns)
    assert suggest(ImportKind.CUSTOMERS, ("日子", "单位", "联系人"), presets) == (
        ("first_deal_date", "name", "contact_name"),
        "老表格",
    )
    assert suggest(ImportKind.CUSTOMERS, ("单位", "联系人"), presets)[1] is None
    assert suggest(ImportKind.ORDERS, HEADERS, presets)[1] is None
    with pytest.raises(ValidationError):
        presets.save(" ", ImportKind.CUSTOMERS, HEADERS, columns)
    presets.delete("老表格")
    assert presets.all() == []
