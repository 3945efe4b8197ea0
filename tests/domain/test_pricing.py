from datetime import date
from decimal import Decimal

from sms_desktop.domain.pricing import PricedProduct, PriceRuleSpec, describe_rule, price

D = Decimal
TODAY = date(2026, 5, 1)
PRODUCT = PricedProduct(id=7, category_id=3, list_price=D("100.00"))


def rule(rule_id: int, **kw: object) -> PriceRuleSpec:
    values: dict[str, object] = {
        "list_name": "Tier A",
        "customer_id": None,
        "customer_tier": "A",
        "product_id": None,
        "category_id": 3,
        "discount_percent": D("5.00"),
    }
    values.update(kw)
    return PriceRuleSpec(id=rule_id, **values)  # type: ignore[arg-type]


def best(rules: list[PriceRuleSpec], qty: str = "1", **kw: object):
    args: dict[str, object] = {"customer_id": 42, "customer_tier": "A", "on": TODAY}
    args.update(kw)
    return price(PRODUCT, rules, quantity=D(qty), **args)  # type: ignore[arg-type]


def test_no_rule_gives_the_list_price() -> None:
    result = best([rule(1, customer_tier="B")])
    assert (result.unit_price, result.discount_percent, result.rule) == (D("100.00"), 0, None)
    assert result.note is None


def test_customer_list_beats_tier_list_even_for_a_category() -> None:
    tier_product = rule(1, product_id=7, category_id=None, discount_percent=D("20"))
    customer_category = rule(2, customer_id=42, customer_tier=None, discount_percent=D("3"))
    assert best([tier_product, customer_category]).rule == customer_category


def test_product_rule_beats_category_rule() -> None:
    category = rule(1, discount_percent=D("15"))
    product = rule(2, product_id=7, category_id=None, discount_percent=D("4"))
    assert best([category, product]).rule == product


def test_quantity_breaks_the_largest_reached_wins() -> None:
    rules = [
        rule(1, min_quantity=D("0"), discount_percent=D("5")),
        rule(2, min_quantity=D("100"), discount_percent=D("8")),
        rule(3, min_quantity=D("500"), discount_percent=D("12")),
    ]
    assert best(rules, "99.999").discount_percent == D("5")
    assert best(rules, "100").discount_percent == D("8")
    assert best(rules, "499").discount_percent == D("8")
    assert best(rules, "500").discount_percent == D("12")
    assert best(rules, "100").note == "Tier A −8%, ≥ 100"


def test_validity_dates_of_rules() -> None:
    expired = rule(1, product_id=7, category_id=None, valid_to=date(2026, 4, 30))
    future = rule(2, product_id=7, category_id=None, valid_from=date(2026, 5, 2))
    open_ended = rule(3, discount_percent=D("2"))
    assert best([expired, future, open_ended]).rule == open_ended
    assert best([expired, future, open_ended], on=date(2026, 4, 30)).rule == expired


def test_dated_promotion_beats_open_ended_rule_of_same_rank() -> None:
    plain = rule(1, discount_percent=D("5"))
    promo = rule(
        2, discount_percent=D("1"), valid_from=date(2026, 1, 1), valid_to=date(2026, 12, 31)
    )
    assert best([plain, promo]).rule == promo


def test_ties_go_to_the_lower_price_then_the_older_rule() -> None:
    a = rule(5, discount_percent=D("5"))
    b = rule(6, discount_percent=D("7"))
    c = rule(4, discount_percent=D("7"))
    assert best([a, b, c]).rule == c


def test_fixed_price_and_inactive_lists() -> None:
    fixed = rule(1, product_id=7, category_id=None, discount_percent=None, fixed_price=D("88.00"))
    result = best([fixed])
    assert (result.unit_price, result.discount_percent) == (D("88.00"), 0)
    assert result.note == "Tier A = 88.00"
    assert best([rule(2, product_id=7, category_id=None, active=False)]).rule is None


def test_other_customers_and_tiers_do_not_apply() -> None:
    other = rule(1, customer_id=99, customer_tier=None)
    assert best([other]).rule is None
    assert best([rule(2)], customer_tier=None).rule is None


def test_describe_trims_zeros_and_groups_thousands() -> None:
    text = describe_rule(rule(1, discount_percent=D("7.50"), min_quantity=D("1000.000")))
    assert text == "Tier A −7.5%, ≥ 1,000"
