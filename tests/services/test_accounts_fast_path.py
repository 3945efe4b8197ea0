"""The fast segmentation (plain integer columns from the database, ``segment_columns``) gives
exactly what the computation before it gave (``accounts_reference``: ORM rows through the
column types, a history per customer), field by field and in the same representation, on the
demo database: as of several days, over the default and a chosen ABC period, in time zones
with and without daylight saving (the day of the last contact is local)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update

from sms_desktop.demo.build import create_demo_database
from sms_desktop.domain.clock import FixedClock, use_clock
from sms_desktop.domain.segmentation import SegmentationParams
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database, open_database
from sms_desktop.services.accounts import AccountsService, Period
from tests.services import accounts_reference as before

TODAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("segments") / "demo.sqlite3"
    create_demo_database(path, customers=300, seed=20261127, today=TODAY)
    database = open_database(path)
    with database.write() as session:
        # What the demo leaves out: a customer in the trash, potentials and fits entered.
        session.execute(
            update(m.Customer).where(m.Customer.id == 3).values(deleted_at=datetime.now(UTC))
        )
        session.execute(
            update(m.Customer)
            .where(m.Customer.id % 7 == 0)
            .values(potential_value=m.Customer.id * 100_000, strategic_fit=m.Customer.id % 5 + 1)
        )
        # Last contacts a fraction of a second before a local midnight (Shanghai, New York,
        # Chatham; 100 days back, where a day moves the contact score): their day is the one
        # before.
        for customer, utc in (
            (5, datetime(2026, 8, 19, 15, 59, 59, 999_600, tzinfo=UTC)),
            (11, datetime(2026, 8, 19, 3, 59, 59, 999_600, tzinfo=UTC)),
            (19, datetime(2026, 8, 19, 11, 14, 59, 999_600, tzinfo=UTC)),
        ):
            session.execute(
                update(m.CustomerStats)
                .where(m.CustomerStats.customer_id == customer)
                .values(last_interaction_at=utc)
            )
    yield database
    database.close()


def _reference(
    database: Database, as_of: date, period: Period, params: SegmentationParams
) -> list[tuple[str, ...]]:
    with database.read() as session:
        histories = before.read_histories(session, as_of, period)
    return [tuple(map(repr, score)) for score in before.segment(histories, as_of, params)]


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "America/New_York", "Pacific/Chatham"])
@pytest.mark.parametrize(
    ("as_of", "period"),
    [
        (TODAY, None),
        (date(2026, 3, 9), None),  # the day after New York's spring change
        (TODAY, Period(date(2026, 1, 1), date(2026, 3, 31))),
    ],
)
def test_the_fast_path_scores_exactly_as_before(
    demo: Database, zone: str, as_of: date, period: Period | None
) -> None:
    tz = ZoneInfo(zone)
    params = SegmentationParams()
    with use_clock(FixedClock(datetime(2026, 11, 27, 9, tzinfo=tz), tz)):
        result = AccountsService(demo, lambda: params).compute(as_of, period)
        expected = _reference(demo, as_of, result.period, params)
    assert len(expected) > 50  # customers with orders, not an empty comparison
    assert [tuple(map(repr, score)) for score in result.scores] == expected
    if as_of == TODAY:  # each part is measured for some customers: the comparison covers it
        for field in (
            "health_satisfaction",
            "health_contact",
            "health_receivables",
            "potential_score",
        ):
            assert {getattr(s, field) for s in result.scores} - {None}


def test_other_settings_score_exactly_as_before(demo: Database) -> None:
    params = SegmentationParams(
        abc_a_percent=60,
        rfm_high_from=4,
        dropout_percent=0,
        contact_days=20,
        weight_potential=0,
        health_weight_trend=0,
        tier_strategic=55,
    )
    result = AccountsService(demo, lambda: params).compute(TODAY)
    assert [tuple(map(repr, s)) for s in result.scores] == _reference(
        demo, TODAY, result.period, params
    )


def test_an_empty_database_scores_no_one(tmp_path: Path) -> None:
    from tests.dbtemplate import migrated_database

    database = open_database(migrated_database(tmp_path / "empty.sqlite3"))
    try:
        assert AccountsService(database).compute(TODAY).scores == ()
    finally:
        database.close()
