from decimal import Decimal

import pytest

from sms_desktop.domain.errors import NotFoundError, ValidationError
from sms_desktop.services.products import ProductInput
from sms_desktop.services.registry import Services


def desk(**kw: object) -> ProductInput:
    values: dict[str, object] = {"sku": "DK-1", "name_zh": "办公桌", "list_price": Decimal("99.50")}
    values.update(kw)
    return ProductInput(**values)  # type: ignore[arg-type]


def test_create_list_search_and_update(empty_services: Services) -> None:
    products = empty_services.products
    created = products.create(desk(name_en="Desk", stock=Decimal("3.5")))
    products.create(desk(sku="CH-2", name_zh="椅子", name_en="Chair", active=False))
    assert created.name("en") == "Desk" and created.stock == Decimal("3.500")
    assert products.count() == 2 and products.count(include_inactive=False) == 1
    assert [p.sku for p in products.list_products("chair")] == ["CH-2"]
    assert [p.sku for p in products.list_products("办公")] == ["DK-1"]
    assert [p.sku for p in products.list_products(order_by="sku", descending=True)] == [
        "DK-1",
        "CH-2",
    ]
    assert [p.sku for p in products.active_products()] == ["DK-1"]
    updated = products.update(created.id, desk(list_price=Decimal("120.00"), name_en=""))
    assert updated.list_price == Decimal("120.00")
    assert updated.name_en == "办公桌"  # a missing name takes the other language's


def test_sku_is_unique_ignoring_case(empty_services: Services) -> None:
    products = empty_services.products
    first = products.create(desk())
    with pytest.raises(ValidationError) as caught:
        products.create(desk(sku=" dk-1 "))
    assert set(caught.value.errors) == {"sku"}
    products.update(first.id, desk(name_zh="新名字"))  # keeping its own SKU is fine


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("list_price", Decimal("-1")),
        ("cost", Decimal("0.001")),
        ("tax_rate", Decimal("100")),
        ("sku", "  "),
        ("unit", ""),
        ("stock", Decimal("1.0001")),
        ("currency", "XXX"),
    ],
)
def test_validation(empty_services: Services, field: str, value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        empty_services.products.create(desk(**{field: value}))
    assert field in caught.value.errors


def test_name_is_required_and_missing_product(empty_services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        empty_services.products.create(desk(name_zh="", name_en=""))
    assert "name_zh" in caught.value.errors
    with pytest.raises(NotFoundError):
        empty_services.products.get(999)
