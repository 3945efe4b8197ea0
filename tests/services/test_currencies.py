"""Dated exchange rates: entered or imported from CSV, never guessed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from sms_desktop.domain.errors import DomainError, ValidationError
from sms_desktop.services.currencies import MissingRateError
from sms_desktop.services.registry import Services

D = Decimal


def test_rates_hold_from_their_day_until_the_next(empty_services: Services) -> None:
    rates = empty_services.currencies
    assert rates.company_currency() == "CNY"
    assert rates.rate_on("CNY", date(2020, 1, 1)) == D(1)
    with pytest.raises(MissingRateError):
        rates.rate_on("USD", date(2027, 1, 1))
    rates.set_rate("USD", date(2027, 1, 1), D("7.1"))
    rates.set_rate("USD", date(2027, 2, 1), D("7.2"))
    assert rates.rate_on("USD", date(2027, 1, 31)) == D("7.1")
    assert rates.rate_on("USD", date(2027, 2, 1)) == D("7.2")
    with pytest.raises(MissingRateError):
        rates.rate_on("USD", date(2026, 12, 31))
    with pytest.raises(ValidationError):
        rates.set_rate("CNY", date(2027, 1, 1), D(1))
    with pytest.raises(ValidationError):
        rates.set_rate("USD", date(2027, 1, 1), D("-1"))
    assert [r.rate for r in rates.rates("USD")] == [D("7.2"), D("7.1")]


def test_rates_import_from_csv_all_or_nothing(empty_services: Services, tmp_path: Path) -> None:
    rates = empty_services.currencies
    good = tmp_path / "rates.csv"
    good.write_text(
        "币种,日期,汇率\nUSD,2027-01-01,7.1234\nEUR,2027/1/1,7.8\nCNY,2027-01-01,1\n",
        encoding="utf-8-sig",
    )
    result = rates.import_csv(good)
    assert (result.added, result.replaced) == (2, 0)
    assert rates.rate_on("EUR", date(2027, 3, 1)) == D("7.8")
    bad = tmp_path / "bad.csv"
    bad.write_text("USD,2027-02-01,7.2\nUSD,someday,7.3\n", encoding="utf-8")
    with pytest.raises(DomainError, match="2"):
        rates.import_csv(bad)
    assert rates.rate_on("USD", date(2027, 2, 2)) == D("7.1234")
