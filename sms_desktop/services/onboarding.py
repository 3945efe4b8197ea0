"""The first steps after "start empty": which are done, read from the data itself.

A step is done when the database shows it (a customer exists, a second salesperson …), not
when a button was pressed, so a step done any other way — an import, the Targets tab — ticks
too, and the list goes once every step is done or the user hides it. Only a database begun
with "start empty" has the list: not the demo, nor a database in use before the list existed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import ScalarSelect, exists, func, select
from sqlalchemy.orm import Session

from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database

_STARTED_KEY = "onboarding.started"
_DISMISSED_KEY = "onboarding.dismissed"


class Step(StrEnum):
    COMPANY = "company"  # the letterhead beyond the name: address, phone or tax id
    CUSTOMERS = "customers"
    PRODUCTS = "products"
    TEAM = "team"  # a salesperson besides the owner
    TARGET = "target"


@dataclass(frozen=True, slots=True)
class Checklist:
    done: frozenset[Step]
    started: bool  # the database was begun empty
    dismissed: bool

    @property
    def visible(self) -> bool:
        return self.started and not self.dismissed and len(self.done) < len(Step)


class OnboardingService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def checklist(self) -> Checklist:
        company = select(m.Setting.key).where(
            m.Setting.key.in_(("company.address", "company.phone", "company.tax_id")),
            m.Setting.value.not_in(('""', "null")),
        )
        live_customer = select(m.Customer.id).where(m.Customer.deleted_at.is_(None))
        live_product = select(m.Product.id).where(m.Product.deleted_at.is_(None))
        query = select(
            exists(company),
            exists(live_customer),
            exists(live_product),
            select(func.count()).select_from(m.Salesperson).scalar_subquery(),
            exists(select(m.Target.id)),
            _flag(_STARTED_KEY),
            _flag(_DISMISSED_KEY),
        )
        with self._db.read() as session:
            row = session.execute(query).one()
        has_company, has_customer, has_product, people, has_target, started, dismissed = row
        flags = {
            Step.COMPANY: has_company,
            Step.CUSTOMERS: has_customer,
            Step.PRODUCTS: has_product,
            Step.TEAM: people > 1,
            Step.TARGET: has_target,
        }
        return Checklist(
            frozenset(step for step, done in flags.items() if done),
            _true(started),
            _true(dismissed),
        )

    @staticmethod
    def start_in(session: Session) -> None:
        """A database begun empty: its list of first steps shows (in its creation's
        transaction)."""
        session.merge(m.Setting(key=_STARTED_KEY, value=json.dumps(True)))

    def dismiss(self, dismissed: bool = True) -> None:
        """Hide the list (or show it again)."""
        with self._db.write() as session:
            session.merge(m.Setting(key=_DISMISSED_KEY, value=json.dumps(dismissed)))


def _flag(key: str) -> ScalarSelect[str]:
    return select(m.Setting.value).where(m.Setting.key == key).scalar_subquery()


def _true(value: str | None) -> bool:
    try:
        return value is not None and json.loads(value) is True
    except ValueError:
        return False
