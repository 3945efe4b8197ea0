"""Quote and order numbers from the patterns in Settings: validated when saved, bounded when
counting, never repeated."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from sms_desktop.domain.errors import ConflictError, ValidationError
from sms_desktop.domain.numbering import PatternError
from sms_desktop.persistence.db import Database
from sms_desktop.persistence.models import Setting
from sms_desktop.services import numbering as numbering_module
from sms_desktop.services.quotes import LineData, QuoteInput
from sms_desktop.services.registry import Services
from tests.services.dataset import World
from tests.services.quote_data import Catalogue, add_catalogue

DAY = date(2027, 3, 1)
NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def catalogue(db: Database, world: World) -> Catalogue:
    return add_catalogue(db, huaxia=world.huaxia, today=DAY)


@pytest.fixture
def services(db: Database, catalogue: Catalogue) -> Services:
    return Services(db)


def draft(world: World, catalogue: Catalogue, day: date = DAY) -> QuoteInput:
    return QuoteInput(
        customer_id=world.huaxia,
        issue_date=day,
        valid_until=day + timedelta(days=30),
        lines=(
            LineData(
                product_id=catalogue.desk,
                description="办公桌",
                quantity=Decimal("1"),
                unit="张",
                unit_price=Decimal("900.00"),
                tax_rate=Decimal("13"),
                unit_cost=Decimal("700.00"),
            ),
        ),
    )


@pytest.mark.parametrize("field", ["quote_number_pattern", "order_number_pattern"])
@pytest.mark.parametrize(
    "pattern", ["Q-{seq!s:.0}", "Q-{seq.__class__.__name__}", "Q-{seq:>1000000000}"]
)
def test_patterns_from_the_audit_are_refused_at_save(
    services: Services, field: str, pattern: str
) -> None:
    settings = services.settings
    before = settings.defaults()
    with pytest.raises(ValidationError) as caught:
        settings.save_defaults(replace(before, **{field: pattern}))
    assert list(caught.value.errors) == [field]
    assert "is not a number pattern field" in caught.value.render()
    assert settings.defaults() == before


def test_two_quotes_get_two_numbers(services: Services, world: World, catalogue: Catalogue) -> None:
    settings = services.settings
    settings.save_defaults(
        replace(settings.defaults(), quote_number_pattern="BJ{yy}{month}-{seq:3}")
    )
    assert services.quotes.next_number("quote", "BJ{yy}{month}-{seq:3}", DAY) == "BJ2703-001"
    first = services.quotes.save(None, draft(world, catalogue))
    second = services.quotes.save(None, draft(world, catalogue))
    assert (first.number, second.number) == ("BJ2703-001", "BJ2703-002")
    assert services.quotes.next_number("quote", "BJ{yy}{month}-{seq:3}", DAY) == "BJ2703-003"


def test_a_pattern_without_the_year_keeps_counting_across_years(
    services: Services, world: World, catalogue: Catalogue
) -> None:
    settings = services.settings
    settings.save_defaults(replace(settings.defaults(), quote_number_pattern="BJ{seq:5}"))
    numbers = [
        services.quotes.save(None, draft(world, catalogue, day)).number
        for day in (date(2026, 12, 30), date(2027, 1, 2), date(2027, 1, 3))
    ]
    assert numbers == ["BJ00001", "BJ00002", "BJ00003"]


def test_taken_numbers_are_skipped_a_bounded_number_of_times(
    services: Services, world: World, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The dataset holds Q-2026-0001 … 0003 made without the counter.
    monkeypatch.setattr(numbering_module, "MAX_SKIPPED_NUMBERS", 2)
    old = draft(world, catalogue, date(2026, 1, 5))
    with pytest.raises(ConflictError) as caught:
        services.quotes.save(None, old)
    assert "change the number pattern in Settings" in caught.value.render()
    monkeypatch.setattr(numbering_module, "MAX_SKIPPED_NUMBERS", 3)
    assert services.quotes.save(None, old).number == "Q-2026-0004"  # nothing was counted


def test_a_bad_pattern_stored_by_an_older_version_fails_at_once(
    db: Database, services: Services, world: World, catalogue: Catalogue
) -> None:
    with db.write() as session:
        session.merge(Setting(key="defaults.quote_number_pattern", value=json.dumps("Q{seq!s:.0}")))
    with pytest.raises(ConflictError, match="correct it there"):
        services.quotes.save(None, draft(world, catalogue))
    with pytest.raises(PatternError):
        services.quotes.next_number("quote", "Q{seq!s:.0}", DAY)
