from datetime import date
from decimal import Decimal

import pytest

from sms_desktop.domain.errors import NotFoundError, ValidationError
from sms_desktop.persistence.db import Database
from sms_desktop.services.pricing import PriceListInput, RuleInput
from sms_desktop.services.registry import Services
from tests.services.dataset import World
from tests.services.quote_data import Catalogue, add_catalogue

D = Decimal
DAY = date(2027, 3, 1)


@pytest.fixture
def catalogue(db: Database, world: World) -> Catalogue:
    return add_catalogue(db, huaxia=world.huaxia, today=DAY)


@pytest.fixture
def services(db: Database, catalogue: Catalogue) -> Services:
    return Services(db)


def test_lists_and_rules_feed_the_quote_pricing(
    services: Services, world: World, catalogue: Catalogue
) -> None:
    pricing = services.pricing
    tier_b = pricing.create_list(PriceListInput(name="  B类价 ", customer_tier=" B "))
    rule = pricing.add_rule(
        tier_b,
        RuleInput(category_id=catalogue.office, min_quantity=D("5"), discount_percent=D("7.5")),
    )
    lists = {r.name: r for r in pricing.price_lists()}
    assert lists["B类价"].customer_tier == "B" and lists["B类价"].rules == 1
    assert lists["华夏合同价"].customer == "北京华夏科技有限公司"
    [row] = pricing.rules(tier_b)
    assert row.label == "B类价 −7.5%, ≥ 5" and row.target("zh_CN") == "办公家具"
    # Acme is tier B: its chairs now get the rule from 5 on.
    chair = services.quotes.pricing(world.acme).price(catalogue.chair, D(5), DAY)
    assert chair is not None and chair.discount_percent == D("7.50")
    pricing.update_rule(rule, RuleInput(product_id=catalogue.chair, fixed_price=D("250.00")))
    chair = services.quotes.pricing(world.acme).price(catalogue.chair, D(1), DAY)
    assert chair is not None and chair.unit_price == D("250.00")
    pricing.update_list(
        tier_b, PriceListInput(name="B类价", customer_tier="B", valid_to=date(2027, 1, 1))
    )
    chair = services.quotes.pricing(world.acme).price(catalogue.chair, D(1), DAY)
    assert chair is not None and chair.rule is None  # the list ended before the quote date
    pricing.delete_rule(rule)
    assert pricing.rules(tier_b) == []
    pricing.delete_list(tier_b)
    assert "B类价" not in {r.name for r in pricing.price_lists()}
    with pytest.raises(NotFoundError):
        pricing.add_rule(tier_b, RuleInput(product_id=catalogue.chair, discount_percent=D(1)))


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (PriceListInput(name=""), "name"),
        (PriceListInput(name="x"), "customer_tier"),
        (PriceListInput(name="x", customer_tier="A", customer_id=1), "customer_tier"),
        (
            PriceListInput(
                name="x", customer_tier="A", valid_from=date(2027, 2, 1), valid_to=date(2027, 1, 1)
            ),
            "valid_to",
        ),
    ],
)
def test_list_validation(services: Services, data: PriceListInput, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        services.pricing.create_list(data)
    assert field in caught.value.errors


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (RuleInput(discount_percent=D(5)), "product_id"),
        (RuleInput(product_id=1, category_id=1, discount_percent=D(5)), "product_id"),
        (RuleInput(product_id=1), "discount_percent"),
        (RuleInput(product_id=1, discount_percent=D(5), fixed_price=D(1)), "discount_percent"),
        (RuleInput(product_id=1, discount_percent=D(101)), "discount_percent"),
        (RuleInput(product_id=1, fixed_price=D("-1")), "fixed_price"),
        (RuleInput(product_id=1, fixed_price=D(1), min_quantity=D("-1")), "min_quantity"),
        (RuleInput(product_id=999, fixed_price=D(1)), "product_id"),
    ],
)
def test_rule_validation(services: Services, world: World, data: RuleInput, field: str) -> None:
    list_id = services.pricing.create_list(PriceListInput(name="x", customer_id=world.bluesky))
    with pytest.raises(ValidationError) as caught:
        services.pricing.add_rule(list_id, data)
    assert field in caught.value.errors
