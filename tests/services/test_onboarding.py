"""The first-steps checklist ticks from the data itself."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sms_desktop.domain.enums import PeriodKind, TargetMetric
from sms_desktop.persistence import models as m
from sms_desktop.services.customers import CustomerInput
from sms_desktop.services.onboarding import Step
from sms_desktop.services.products import ProductInput
from sms_desktop.services.registry import Services
from sms_desktop.services.settings import CompanyProfile
from sms_desktop.services.workspace import initialize_empty


def test_each_step_ticks_when_the_data_shows_it(empty_services: Services) -> None:
    services = empty_services
    db = services.db
    initialize_empty(db, company_name="明达贸易", owner_name="王明")
    onboarding = services.onboarding
    first = onboarding.checklist()
    assert first.done == frozenset() and first.visible

    services.settings.save_company(CompanyProfile(name="明达贸易", phone="021-5555 0000"))
    customer = services.customers.create(CustomerInput(name="北京华夏科技有限公司"))
    services.products.create(ProductInput(sku="CH-200", name_zh="办公椅", name_en="Chair"))
    with db.write() as session:
        session.add(m.Salesperson(name="李娜"))
        session.add(
            m.Target(
                period_kind=PeriodKind.MONTH,
                period_start=date(2026, 12, 1),
                metric=TargetMetric.REVENUE,
                value=Decimal("100000.00"),
            )
        )
    done = onboarding.checklist()
    assert done.done == frozenset(Step) and not done.visible

    services.customers.delete(customer)  # in the trash: no customer any more
    assert Step.CUSTOMERS not in onboarding.checklist().done


def test_hidden_by_the_user_stays_hidden(empty_services: Services) -> None:
    initialize_empty(empty_services.db, company_name="明达贸易", owner_name="王明")
    onboarding = empty_services.onboarding
    onboarding.dismiss()
    assert not onboarding.checklist().visible
    onboarding.dismiss(False)
    assert onboarding.checklist().visible


def test_an_empty_company_field_is_not_done(empty_services: Services) -> None:
    services = empty_services
    initialize_empty(services.db, company_name="明达贸易", owner_name="王明")
    services.settings.save_company(CompanyProfile(name="明达贸易", phone="", address=""))
    assert Step.COMPANY not in services.onboarding.checklist().done


def test_a_database_not_started_empty_shows_no_list(services: Services) -> None:
    """The demo, an older database, a restored one: only "start empty" begins the list."""
    checklist = services.onboarding.checklist()
    assert checklist.done != frozenset(Step)
    assert not checklist.visible
