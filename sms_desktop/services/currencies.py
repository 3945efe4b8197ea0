"""Currencies (币种) and dated exchange rates to the company currency.

The company currency is Settings' business currency (``BusinessDefaults.currency``). A rate
entered for a currency on a day holds from that day until the next rate of that currency; a
document dated before the first rate of its currency has none, and saving it raises
:class:`MissingRateError` asking for one: a rate is never guessed. Documents store the rate
they were saved with (``exchange_rate``) and their amounts in the company currency, so editing
a rate later changes no saved document.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select

from sms_desktop.domain.currency import ONE, is_currency, parse_rate, rate_problem
from sms_desktop.domain.errors import DomainError, Errors, NotFoundError
from sms_desktop.domain.i18n import translate
from sms_desktop.domain.importing.values import ValueProblemError, parse_date
from sms_desktop.domain.money import DEFAULT_CURRENCY
from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database

_SETTING = "defaults.currency"  # services/settings.py BusinessDefaults.currency


class _Executes(Protocol):
    def execute(self, statement: Any, /) -> Any: ...


class MissingRateError(DomainError):
    """A document's date has no exchange rate for its currency."""

    def __init__(self, currency: str, day: date) -> None:
        super().__init__(
            translate(
                "Currencies",
                "There is no exchange rate for {currency} on {day}: enter the rate of that"
                " day (Settings ▸ Exchange rates) and save again.",
            ).format(currency=currency, day=day.isoformat())
        )
        self.currency = currency
        self.day = day


@dataclass(frozen=True, slots=True)
class RateRow:
    id: int
    currency: str
    rate_date: date
    rate: Decimal


@dataclass(frozen=True, slots=True)
class RateImport:
    added: int
    replaced: int


def company_currency_in(session: _Executes) -> str:
    """The company currency, read inside the caller's transaction."""
    value = session.execute(select(m.Setting.value).where(m.Setting.key == _SETTING)).scalar()
    try:
        code = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        code = None
    return code if isinstance(code, str) and is_currency(code) else DEFAULT_CURRENCY


def rate_on(session: _Executes, currency: str, day: date, *, company: str) -> Decimal:
    """The rate of ``currency`` to ``company`` on ``day`` (1 for the company currency);
    :class:`MissingRateError` when no rate was entered on or before ``day``."""
    if currency == company:
        return ONE
    r = m.ExchangeRate
    rate = session.execute(
        select(r.rate)
        .where(r.currency == currency, r.rate_date <= day)
        .order_by(r.rate_date.desc())
        .limit(1)
    ).scalar()
    if rate is None:
        raise MissingRateError(currency, day)
    return Decimal(rate)


class CurrenciesService:
    """The company currency and the table of dated rates."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def company_currency(self) -> str:
        with self._db.read() as session:
            return company_currency_in(session)

    def rate_on(self, currency: str, day: date) -> Decimal:
        """The rate a document in ``currency`` dated ``day`` would store."""
        with self._db.read() as session:
            return rate_on(session, currency, day, company=company_currency_in(session))

    def rates(self, currency: str | None = None) -> list[RateRow]:
        """Every entered rate (of one currency), newest first."""
        r = m.ExchangeRate
        query = select(r.id, r.currency, r.rate_date, r.rate).order_by(
            r.currency, r.rate_date.desc()
        )
        if currency is not None:
            query = query.where(r.currency == currency)
        with self._db.read() as session:
            return [RateRow(*row) for row in session.execute(query)]

    def set_rate(self, currency: str, day: date, rate: Decimal) -> RateRow:
        """Enter (or replace) the rate of ``currency`` from ``day``; saved documents keep theirs."""
        errors = Errors()
        code = currency.strip().upper()
        with self._db.write() as session:
            company = company_currency_in(session)
            if not is_currency(code) or code == company:
                errors.add(
                    "currency",
                    translate("Currencies", "Choose a currency other than the company's."),
                )
            if rate_problem(rate) is not None:
                errors.add(
                    "rate",
                    translate("Currencies", "A rate is a positive number with up to 6 decimals."),
                )
            errors.raise_if_any()
            row = session.execute(
                select(m.ExchangeRate).where(
                    m.ExchangeRate.currency == code, m.ExchangeRate.rate_date == day
                )
            ).scalar_one_or_none()
            if row is None:
                row = m.ExchangeRate(currency=code, rate_date=day, rate=rate)
                session.add(row)
            else:
                row.rate = rate
            session.flush()
            return RateRow(row.id, row.currency, row.rate_date, row.rate)

    def delete_rate(self, rate_id: int) -> None:
        with self._db.write() as session:
            row = session.get(m.ExchangeRate, rate_id)
            if row is None:
                raise NotFoundError(translate("Currencies", "That rate no longer exists."))
            session.delete(row)

    def import_csv(self, path: Path) -> RateImport:
        """Rates from a CSV of ``currency,date,rate`` rows (a header row is skipped), all or
        nothing: a bad row refuses the file and names its line."""
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
        parsed: list[tuple[str, date, Decimal]] = []
        for line_no, cells in enumerate(csv.reader(io.StringIO(text)), start=1):
            if not cells or not "".join(cells).strip():
                continue
            try:
                code, day_text, rate_text = (cell.strip() for cell in cells[:3])
                day = parse_date(day_text)
                rate = parse_rate(rate_text)
                if day is None:
                    raise ValueError(day_text)
            except (ValueError, TypeError, ValueProblemError):
                if line_no == 1:
                    continue  # the header
                raise DomainError(
                    translate(
                        "Currencies", "Line {line}: expected currency, date and rate."
                    ).format(line=line_no)
                ) from None
            if not is_currency(code.upper()):
                raise DomainError(
                    translate("Currencies", "Line {line}: unknown currency {code}.").format(
                        line=line_no, code=code
                    )
                )
            parsed.append((code.upper(), day, rate))
        added = replaced = 0
        with self._db.write() as session:
            company = company_currency_in(session)
            for code, day, rate in parsed:
                if code == company:
                    continue
                row = session.execute(
                    select(m.ExchangeRate).where(
                        m.ExchangeRate.currency == code, m.ExchangeRate.rate_date == day
                    )
                ).scalar_one_or_none()
                if row is None:
                    session.add(m.ExchangeRate(currency=code, rate_date=day, rate=rate))
                    added += 1
                else:
                    row.rate = rate
                    replaced += 1
        return RateImport(added, replaced)
