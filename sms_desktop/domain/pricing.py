"""The pricing engine: which price rule sets a quote line's price, and why.

A **price list** is for one customer or for a customer tier (A, B …) and may be limited to
dates; each of its **rules** targets one product or a whole category, applies from a minimum
quantity, may have its own dates, and gives either a discount % off the list price or a fixed
unit price.

A rule *applies* to a line when its price list is active, is for this customer (or for this
customer's tier), both the list and the rule are valid on the quote's issue date, the rule
names the line's product (or the product's category) and the quantity is at least the rule's
minimum. Of the rules that apply, the **most specific wins**, compared in this order:

1. a price list for this very customer beats a price list for its tier;
2. a rule for the product beats a rule for its category;
3. the higher quantity break beats the lower one (the largest break the quantity reached);
4. a rule limited to dates (a promotion) beats an open-ended one;
5. still tied: the lower resulting price, then the older rule (smaller id), so the choice is
   always the same.

When no rule applies the line gets the product's list price. The result says which rule set
the price (:attr:`PriceResult.note`), e.g. ``A类客户价目表 −10%, ≥ 100``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sms_desktop.domain.money import ZERO, round_money

HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class PriceRuleSpec:
    """A rule together with what it inherits from its price list."""

    id: int
    list_name: str
    customer_id: int | None  # the list is for this customer …
    customer_tier: str | None  # … or for customers of this tier
    product_id: int | None  # the rule targets this product …
    category_id: int | None  # … or every product of this category
    min_quantity: Decimal = ZERO
    discount_percent: Decimal | None = None  # exactly one of these two is set
    fixed_price: Decimal | None = None
    valid_from: date | None = None  # the later of the list's and the rule's start
    valid_to: date | None = None  # the earlier of the list's and the rule's end
    active: bool = True

    @property
    def dated(self) -> bool:
        return self.valid_from is not None or self.valid_to is not None


@dataclass(frozen=True, slots=True)
class PricedProduct:
    id: int
    category_id: int | None
    list_price: Decimal


@dataclass(frozen=True, slots=True)
class PriceResult:
    """The price a line gets: a unit price and a discount, and the rule behind them."""

    unit_price: Decimal
    discount_percent: Decimal
    rule: PriceRuleSpec | None  # None: the list price

    @property
    def net_unit_price(self) -> Decimal:
        return round_money(self.unit_price * (HUNDRED - self.discount_percent) / HUNDRED)

    @property
    def note(self) -> str | None:
        return None if self.rule is None else describe_rule(self.rule)


def format_number(value: Decimal) -> str:
    """``8.00`` → ``8``, ``7.50`` → ``7.5``, ``1000`` → ``1,000`` (no exponent)."""
    text = f"{value:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def describe_rule(rule: PriceRuleSpec) -> str:
    """A short, language-neutral label: ``A类客户价目表 −8%, ≥ 100`` or ``… = 1,200.00``."""
    if rule.fixed_price is not None:
        text = f"{rule.list_name} = {rule.fixed_price:,.2f}"
    else:
        text = f"{rule.list_name} −{format_number(rule.discount_percent or ZERO)}%"
    if rule.min_quantity > 0:
        text += f", ≥ {format_number(rule.min_quantity)}"
    return text


def applies(
    rule: PriceRuleSpec,
    product: PricedProduct,
    *,
    customer_id: int | None,
    customer_tier: str | None,
    quantity: Decimal,
    on: date,
) -> bool:
    if not rule.active:
        return False
    if rule.customer_id is not None:
        if rule.customer_id != customer_id:
            return False
    elif rule.customer_tier is None or rule.customer_tier != customer_tier:
        return False
    if rule.product_id is not None:
        if rule.product_id != product.id:
            return False
    elif rule.category_id is None or rule.category_id != product.category_id:
        return False
    if rule.valid_from is not None and on < rule.valid_from:
        return False
    if rule.valid_to is not None and on > rule.valid_to:
        return False
    return quantity >= rule.min_quantity


def _result(rule: PriceRuleSpec, product: PricedProduct) -> PriceResult:
    if rule.fixed_price is not None:
        return PriceResult(rule.fixed_price, ZERO, rule)
    return PriceResult(product.list_price, rule.discount_percent or ZERO, rule)


def price(
    product: PricedProduct,
    rules: Iterable[PriceRuleSpec],
    *,
    customer_id: int | None,
    customer_tier: str | None,
    quantity: Decimal,
    on: date,
) -> PriceResult:
    """The price of ``quantity`` of ``product`` for this customer on day ``on``."""
    best: tuple[tuple[int, int, Decimal, int, Decimal, int], PriceResult] | None = None
    for rule in rules:
        if not applies(
            rule,
            product,
            customer_id=customer_id,
            customer_tier=customer_tier,
            quantity=quantity,
            on=on,
        ):
            continue
        result = _result(rule, product)
        # Larger is more specific; price and id are negated so lower ones win ties.
        key = (
            int(rule.customer_id is not None),
            int(rule.product_id is not None),
            rule.min_quantity,
            int(rule.dated),
            -result.net_unit_price,
            -rule.id,
        )
        if best is None or key > best[0]:
            best = (key, result)
    if best is None:
        return PriceResult(product.list_price, ZERO, None)
    return best[1]
