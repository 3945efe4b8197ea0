"""Exact column types: money, quantities and percentages as scaled integers; UTC times."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Column, Engine, Integer, MetaData, Table, func, insert, select
from sqlalchemy.exc import StatementError

from sms_desktop.domain.enums import SalespersonRole
from sms_desktop.persistence import models as m
from sms_desktop.persistence.base import Money, Percent, Quantity, UTCDateTime, utcnow
from sms_desktop.persistence.db import Database, make_engine

INT64_MAX = 2**63 - 1


metadata = MetaData()
sample = Table(
    "sample",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("amount", Money),
    Column("qty", Quantity),
    Column("pct", Percent),
    Column("at", UTCDateTime),
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    path = tmp_path_factory.mktemp("types") / "types.sqlite3"
    engine = make_engine(path)
    metadata.create_all(engine)
    yield engine
    engine.dispose()


def _roundtrip(engine: Engine, **values: object) -> tuple[dict[str, Any], dict[str, Any]]:
    """Insert one row; return (what Python reads back, what SQLite stores)."""
    with engine.begin() as conn:
        inserted = conn.execute(insert(sample).values(**values)).inserted_primary_key
        assert inserted is not None
        row_id = inserted[0]
        back = conn.execute(select(sample).where(sample.c.id == row_id)).mappings().one()
        raw = conn.exec_driver_sql(
            "SELECT amount, typeof(amount), qty, typeof(qty), pct, typeof(pct), at "
            "FROM sample WHERE id = ?",
            (row_id,),
        ).one()
    stored = {
        "amount": raw[0],
        "amount_type": raw[1],
        "qty": raw[2],
        "qty_type": raw[3],
        "pct": raw[4],
        "pct_type": raw[5],
        "at": raw[6],
    }
    return dict(back), stored


# ------------------------------------------------------------------------------ money


@pytest.mark.parametrize(
    ("amount", "minor"),
    [
        (Decimal("0"), 0),
        (Decimal("0.01"), 1),
        (Decimal("-0.01"), -1),
        (Decimal("19.99"), 1999),
        (Decimal("19.9"), 1990),
        (Decimal("1.000"), 100),
        (Decimal("10000000000000"), 10**15),
        (Decimal(INT64_MAX).scaleb(-2), INT64_MAX),
        (7, 700),  # an int is exact too
    ],
)
def test_money_is_stored_as_integer_cents(engine: Engine, amount: Decimal, minor: int) -> None:
    back, stored = _roundtrip(engine, amount=amount)
    assert stored["amount"] == minor
    assert stored["amount_type"] == "integer"
    assert isinstance(back["amount"], Decimal)
    assert back["amount"] == Decimal(amount)
    assert back["amount"].as_tuple().exponent == -2  # always shown with cents


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.integers(min_value=-(10**15), max_value=10**15),
        st.integers(min_value=-INT64_MAX - 1, max_value=INT64_MAX),
    )
)
def test_money_roundtrips_every_amount_of_cents_exactly(engine: Engine, cents: int) -> None:
    amount = Decimal(cents).scaleb(-2)
    back, stored = _roundtrip(engine, amount=amount)
    assert stored["amount"] == cents
    assert back["amount"] == amount
    assert str(back["amount"]) == str(amount)


@pytest.mark.parametrize("value", [0.1, 19.99, 1.0, float("nan"), "19.99", True, [1]])
def test_money_refuses_floats_strings_and_bools(engine: Engine, value: object) -> None:
    with pytest.raises(StatementError) as caught, engine.begin() as conn:
        conn.execute(insert(sample).values(amount=value))
    assert isinstance(caught.value.orig, TypeError)
    assert "Decimal" in str(caught.value.orig)


@pytest.mark.parametrize("value", ["0.001", "19.999", "-0.125", "NaN", "Infinity"])
def test_money_refuses_sub_cent_and_non_finite_values(engine: Engine, value: str) -> None:
    with pytest.raises(StatementError) as caught, engine.begin() as conn:
        conn.execute(insert(sample).values(amount=Decimal(value)))
    assert isinstance(caught.value.orig, ValueError)


def test_money_beyond_64_bits_is_refused_not_truncated(engine: Engine) -> None:
    with pytest.raises((StatementError, OverflowError)), engine.begin() as conn:
        conn.execute(insert(sample).values(amount=Decimal(INT64_MAX + 1).scaleb(-2)))


# The cache_ok defect has its own test below; this one is about exact sums.
@pytest.mark.filterwarnings("ignore:TypeDecorator .* will not produce a cache key")
def test_sum_of_money_stays_exact(engine: Engine) -> None:
    amounts = [Decimal("0.10"), Decimal("0.20"), Decimal("0.70")] * 1000 + [Decimal("-0.01")]
    with engine.begin() as conn:
        conn.execute(sample.delete())
        conn.execute(insert(sample), [{"amount": a} for a in amounts])
        total = conn.execute(select(func.sum(sample.c.amount))).scalar_one()
        first_three = conn.execute(
            select(func.sum(sample.c.amount)).where(sample.c.id <= 3)
        ).scalar_one()
        conn.execute(sample.delete())
    assert isinstance(total, Decimal)
    assert total == Decimal("999.99")
    assert str(total) == "999.99"
    assert first_three == Decimal("1.00")
    # What a float column would have given: proof the test would catch one.
    assert sum(float(a) for a in amounts) != 999.99


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("amount", Decimal("0.10")),
        ("qty", Decimal("1.5")),
        ("pct", Decimal("13")),
        ("at", datetime(2026, 1, 1, tzinfo=UTC)),
    ],
)
def test_filtering_on_a_typed_column_warns_nothing_and_is_cached(
    engine: Engine, column: str, value: object
) -> None:
    """A TypeDecorator subclass must say ``cache_ok`` itself (SQLAlchemy reads the class
    __dict__): otherwise every query that compares the column warns and is never cached."""
    import warnings

    statement = select(sample.c.id).where(sample.c[column] == value)
    with warnings.catch_warnings(record=True) as caught, engine.connect() as conn:
        warnings.simplefilter("always")
        conn.execute(statement).all()
        conn.rollback()
    assert [str(w.message) for w in caught] == []
    assert statement._generate_cache_key() is not None


def test_money_is_none_for_null(engine: Engine) -> None:
    back, stored = _roundtrip(engine, amount=None)
    assert back["amount"] is None
    assert stored["amount"] is None


# -------------------------------------------------------------- quantity and percent


@pytest.mark.parametrize(
    ("qty", "stored_value"),
    [
        (Decimal("1"), 1000),
        (Decimal("0.001"), 1),
        (Decimal("2.5"), 2500),
        (Decimal("-1.234"), -1234),
        (Decimal("12.3450"), 12345),
        (3, 3000),
    ],
)
def test_quantity_keeps_three_decimals(engine: Engine, qty: Decimal, stored_value: int) -> None:
    back, stored = _roundtrip(engine, qty=qty)
    assert stored["qty"] == stored_value
    assert stored["qty_type"] == "integer"
    assert back["qty"] == Decimal(qty)
    assert back["qty"].as_tuple().exponent == -3


@pytest.mark.parametrize("value", [Decimal("0.0001"), Decimal("1.2345"), Decimal("NaN")])
def test_quantity_refuses_a_fourth_decimal(engine: Engine, value: Decimal) -> None:
    with pytest.raises(StatementError) as caught, engine.begin() as conn:
        conn.execute(insert(sample).values(qty=value))
    assert isinstance(caught.value.orig, ValueError)


def test_quantity_refuses_float(engine: Engine) -> None:
    with pytest.raises(StatementError) as caught, engine.begin() as conn:
        conn.execute(insert(sample).values(qty=1.5))
    assert isinstance(caught.value.orig, TypeError)


@pytest.mark.parametrize(
    ("pct", "stored_value"),
    [
        (Decimal("13"), 1300),
        (Decimal("13.00"), 1300),
        (Decimal("6.5"), 650),
        (Decimal("0.01"), 1),
        (Decimal("100"), 10000),
        (Decimal("-5.25"), -525),
    ],
)
def test_percent_keeps_two_decimals(engine: Engine, pct: Decimal, stored_value: int) -> None:
    back, stored = _roundtrip(engine, pct=pct)
    assert stored["pct"] == stored_value
    assert stored["pct_type"] == "integer"
    assert back["pct"] == pct
    assert back["pct"].as_tuple().exponent == -2


@pytest.mark.parametrize("value", [Decimal("13.005"), Decimal("0.001")])
def test_percent_refuses_a_third_decimal(engine: Engine, value: Decimal) -> None:
    with pytest.raises(StatementError) as caught, engine.begin() as conn:
        conn.execute(insert(sample).values(pct=value))
    assert isinstance(caught.value.orig, ValueError)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_quantity_roundtrips_exactly(engine: Engine, thousandths: int) -> None:
    qty = Decimal(thousandths).scaleb(-3)
    back, stored = _roundtrip(engine, qty=qty)
    assert stored["qty"] == thousandths
    assert back["qty"] == qty


# ------------------------------------------------------------------------------- time


def test_utc_datetime_refuses_naive(engine: Engine) -> None:
    with pytest.raises(StatementError) as caught, engine.begin() as conn:
        conn.execute(insert(sample).values(at=datetime(2026, 1, 1, 12, 0)))
    assert isinstance(caught.value.orig, ValueError)
    assert "naive" in str(caught.value.orig)


def test_utc_datetime_stores_utc_and_returns_aware_utc(engine: Engine) -> None:
    beijing = timezone(timedelta(hours=8))
    local = datetime(2026, 3, 1, 8, 30, 15, 123456, tzinfo=beijing)
    back, stored = _roundtrip(engine, at=local)
    assert back["at"] == local  # the same instant
    assert back["at"].tzinfo is UTC
    assert back["at"].utcoffset() == timedelta(0)
    assert (back["at"].hour, back["at"].day) == (0, 1)
    assert str(stored["at"]).startswith("2026-03-01 00:30:15")


def test_utc_datetime_compares_across_time_zones_in_sql(engine: Engine) -> None:
    beijing = timezone(timedelta(hours=8))
    new_york = timezone(timedelta(hours=-5))
    with engine.begin() as conn:
        conn.execute(sample.delete())
        conn.execute(
            insert(sample),
            [
                {"id": 1, "at": datetime(2026, 1, 1, 9, 0, tzinfo=beijing)},  # 01:00Z
                {"id": 2, "at": datetime(2025, 12, 31, 21, 0, tzinfo=new_york)},  # 02:00Z
            ],
        )
        later = (
            conn.execute(
                select(sample.c.id).where(sample.c.at > datetime(2026, 1, 1, 1, 30, tzinfo=UTC))
            )
            .scalars()
            .all()
        )
        ordered = conn.execute(select(sample.c.id).order_by(sample.c.at)).scalars().all()
        conn.execute(sample.delete())
    assert later == [2]
    assert ordered == [1, 2]


def test_utcnow_is_aware() -> None:
    now = utcnow()
    assert now.tzinfo is UTC
    assert abs(now - datetime.now(UTC)) < timedelta(seconds=5)


# ------------------------------------------------------------------ through the models


def test_models_roundtrip_money_quantity_percent_and_time(db: Database) -> None:
    with db.write() as session:
        product = m.Product(
            sku="P-1",
            name_zh="螺丝",
            name_en="Screw",
            unit="kg",
            list_price=Decimal("1234567.89"),
            cost=Decimal("0.01"),
            tax_rate=Decimal("13"),
            stock=Decimal("2.125"),
        )
        session.add(product)
    with db.read() as session:
        loaded = session.get(m.Product, product.id)
        assert loaded is not None
        assert loaded.list_price == Decimal("1234567.89")
        assert loaded.cost == Decimal("0.01")
        assert loaded.tax_rate == Decimal("13.00")
        assert loaded.stock == Decimal("2.125")
        assert loaded.created_at.tzinfo is UTC
        assert abs(loaded.created_at - utcnow()) < timedelta(minutes=1)
    with db.engine.connect() as conn:
        raw = conn.exec_driver_sql("SELECT list_price, cost, tax_rate, stock FROM products").one()
        conn.rollback()
    assert tuple(raw) == (123456789, 1, 1300, 2125)


def _add(db: Database, row: object) -> None:
    with db.write() as session:
        session.add(row)


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("list_price", 9.99, TypeError),
        ("list_price", Decimal("9.999"), ValueError),
        ("tax_rate", Decimal("13.001"), ValueError),
        ("stock", Decimal("1.0001"), ValueError),
    ],
)
def test_models_refuse_inexact_values_on_flush(
    db: Database, db_path: Path, field: str, value: object, error: type[Exception]
) -> None:
    values: dict[str, object] = {
        "sku": "P-2",
        "name_zh": "x",
        "name_en": "x",
        "unit": "pc",
        "list_price": Decimal("1"),
        "tax_rate": Decimal("13"),
    }
    values[field] = value
    with pytest.raises(StatementError) as caught:
        _add(db, m.Product(**values))
    assert isinstance(caught.value.orig, error)
    with db.read() as session:  # nothing was written
        assert session.scalar(select(func.count()).select_from(m.Product)) == 0


def test_models_refuse_naive_datetime_on_flush(db: Database) -> None:
    owner = m.Salesperson(name="王伟", role=SalespersonRole.OWNER, created_at=datetime(2026, 1, 1))
    with pytest.raises(StatementError) as caught:
        _add(db, owner)
    assert isinstance(caught.value.orig, ValueError)
