"""Declarative base, naming convention and exact column types (money, quantities, UTC times)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import DateTime, Integer, MetaData, String
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

from sms_desktop.domain.money import from_minor, to_minor

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _checked_decimal(value: object, type_name: str) -> Decimal:
    """Accept ``Decimal`` and ``int``; a float would silently lose cents."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    raise TypeError(f"{type_name} needs a Decimal, got {value!r}")


class _ScaledDecimal(TypeDecorator[Decimal]):
    """A ``Decimal`` stored as an integer scaled by ``10**digits``; never a float."""

    impl = Integer
    cache_ok = True
    digits = 2

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        value = _checked_decimal(value, type(self).__name__)
        scaled = value.scaleb(self.digits)
        if scaled != scaled.to_integral_value():
            raise ValueError(f"{value} has more than {self.digits} decimals")
        return int(scaled)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(int(value)).scaleb(-self.digits)


class Money(_ScaledDecimal):
    """Money in minor units (fen/cents); the currency code lives in its own column."""

    cache_ok = True
    digits = 2

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        return to_minor(_checked_decimal(value, "Money"))

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else from_minor(int(value))


class Quantity(_ScaledDecimal):
    """A quantity with up to three decimals (kg, hours), stored in thousandths."""

    cache_ok = True
    digits = 3


class Percent(_ScaledDecimal):
    """A percentage with two decimals (13.00 = 13 %), stored in hundredths of a percent."""

    cache_ok = True
    digits = 2


class Rate(_ScaledDecimal):
    """An exchange rate to the company currency, with six decimals, stored in millionths."""

    cache_ok = True
    digits = 6


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps are stored in UTC and come back timezone-aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass an aware datetime (stored as UTC)")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        Decimal: Money,
        datetime: UTCDateTime,
        str: String(),
    }
