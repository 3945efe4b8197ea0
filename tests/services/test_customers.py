"""CustomersService: validation, editing with undo and audit, the list (filters, search, sort,
paging), key figures and contacts."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from sms_desktop.domain.enums import AuditAction, BuyingRole, CustomerKind, InteractionKind
from sms_desktop.domain.errors import NotFoundError, ValidationError
from sms_desktop.persistence import models as m
from sms_desktop.persistence.search import name_sort_key
from sms_desktop.services.customers import (
    MAX_NAME,
    SORT_KEYS,
    ContactInput,
    CustomerFilter,
    CustomerInput,
    CustomerRow,
    clean_contact,
    clean_customer,
)
from sms_desktop.services.interactions import InteractionInput
from sms_desktop.services.registry import Services
from tests.services.dataset import (
    HUAXIA_OPEN_PIPELINE,
    HUAXIA_ORDER_10D,
    HUAXIA_ORDER_45D,
    HUAXIA_ORDER_400D,
    World,
    tax_id,
)

VALID_TAX_ID = tax_id("91310115MA1K3YJ71")


def errors_of(data: CustomerInput) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        clean_customer(data)
    return {key: message.render() for key, message in caught.value.errors.items()}


def contact_errors_of(data: ContactInput) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        clean_contact(data)
    return {key: message.render() for key, message in caught.value.errors.items()}


@dataclass(frozen=True)
class Audit:
    action: AuditAction
    field: str | None
    old_value: str | None
    new_value: str | None


def audit_rows(services: Services, entity: str, entity_id: int) -> list[Audit]:
    a = m.AuditEntry
    with services.db.read() as s:
        return [
            Audit(*row)
            for row in s.execute(
                select(a.action, a.field, a.old_value, a.new_value)
                .where(a.entity == entity, a.entity_id == entity_id)
                .order_by(a.id)
            )
        ]


def ids(rows: list[CustomerRow]) -> list[int]:
    return [r.id for r in rows]


def listed(services: Services, flt: CustomerFilter | None = None) -> set[int]:
    flt = flt or CustomerFilter()
    return set(ids(services.customers.list_customers(flt, limit=10_000)))


# ------------------------------------------------------------------------- validation


def test_a_name_is_required() -> None:
    assert errors_of(CustomerInput(name="   ")) == {"name": "Enter the customer's name."}


def test_a_name_longer_than_the_limit_is_refused_with_the_limit_in_the_message() -> None:
    assert clean_customer(CustomerInput(name="华" * MAX_NAME)).name == "华" * MAX_NAME
    assert errors_of(CustomerInput(name="华" * (MAX_NAME + 1))) == {
        "name": f"The name is longer than {MAX_NAME} characters."
    }


@pytest.mark.parametrize("email", ["wang@", "wang at example.com", "a@b", "a b@c.com"])
def test_a_bad_email_is_refused(email: str) -> None:
    assert errors_of(CustomerInput(name="x", email=email)) == {
        "email": "Enter an email address like name@example.com."
    }


@pytest.mark.parametrize("phone", ["abc", "12", "138-0013-8000 call me", "++86 10 1234"])
def test_a_bad_phone_is_refused(phone: str) -> None:
    assert errors_of(CustomerInput(name="x", phone=phone)) == {
        "phone": "Enter a phone number with digits, spaces, dashes or a leading +."
    }


@pytest.mark.parametrize(
    "phone", ["010-8888 6666", "+86 (10) 8888-6666", "13800138000", "0571-8888 0000 转 123"]
)
def test_good_phones_are_accepted(phone: str) -> None:
    assert clean_customer(CustomerInput(name="x", phone=phone)).phone == phone


def test_a_tax_id_with_a_wrong_check_character_is_refused() -> None:
    wrong = VALID_TAX_ID[:17] + ("0" if VALID_TAX_ID[17] != "0" else "1")
    assert set(errors_of(CustomerInput(name="x", tax_id=wrong))) == {"tax_id"}
    assert "统一社会信用代码" in errors_of(CustomerInput(name="x", tax_id=wrong))["tax_id"]


def test_a_valid_tax_id_is_accepted_and_normalised() -> None:
    typed = " " + VALID_TAX_ID[:9].lower() + " " + VALID_TAX_ID[9:].lower() + " "
    assert clean_customer(CustomerInput(name="x", tax_id=typed)).tax_id == VALID_TAX_ID


@pytest.mark.parametrize("fit", [0, 6, -1])
def test_strategic_fit_outside_one_to_five_is_refused(fit: int) -> None:
    assert errors_of(CustomerInput(name="x", strategic_fit=fit)) == {
        "strategic_fit": "Strategic fit is a score from 1 to 5."
    }


@pytest.mark.parametrize("fit", [None, 1, 2, 3, 4, 5])
def test_strategic_fit_one_to_five_or_none_is_accepted(fit: int | None) -> None:
    assert clean_customer(CustomerInput(name="x", strategic_fit=fit)).strategic_fit == fit


def test_a_negative_potential_value_is_refused() -> None:
    assert errors_of(CustomerInput(name="x", potential_value=Decimal("-0.01"))) == {
        "potential_value": "The potential value cannot be negative."
    }


def test_an_amount_with_three_decimals_is_refused() -> None:
    assert errors_of(CustomerInput(name="x", potential_value=Decimal("1.005"))) == {
        "potential_value": "Amounts have at most two decimals."
    }
    assert clean_customer(
        CustomerInput(name="x", potential_value=Decimal("1.50"))
    ).potential_value == Decimal("1.50")


@pytest.mark.parametrize("value", ["NaN", "Infinity", "1E+30"])
def test_a_non_finite_or_absurd_potential_value_is_a_field_error(value: str) -> None:
    """BUG: Decimal('NaN') / 'Infinity' / '1E+30' raise decimal.InvalidOperation from
    clean_customer instead of a ValidationError on potential_value."""
    assert set(errors_of(CustomerInput(name="x", potential_value=Decimal(value)))) == {
        "potential_value"
    }


def test_a_potential_value_too_large_to_store_is_a_field_error(services: Services) -> None:
    """BUG: 10^17 passes validation, then cannot be stored as 64-bit minor units, so create()
    fails with OverflowError instead of a ValidationError."""
    with pytest.raises(ValidationError) as caught:
        services.customers.create(CustomerInput(name="x", potential_value=Decimal("1E+17")))
    assert set(caught.value.errors) == {"potential_value"}


@pytest.mark.parametrize("currency", ["RMB", "cny", "", "XYZ"])
def test_an_unsupported_currency_is_refused(currency: str) -> None:
    assert errors_of(CustomerInput(name="x", currency=currency)) == {
        "currency": "Choose one of the supported currencies."
    }


def test_long_tier_and_tag_are_refused() -> None:
    assert set(errors_of(CustomerInput(name="x", tier="T" * 21, tags=("t" * 41,)))) == {
        "tier",
        "tags",
    }


def test_every_bad_field_is_reported_at_once_in_english() -> None:
    with pytest.raises(ValidationError) as caught:
        clean_customer(
            CustomerInput(
                name="",
                email="nope",
                phone="call me",
                tax_id="123",
                strategic_fit=9,
                potential_value=Decimal("-5"),
                currency="XXX",
            )
        )
    error = caught.value
    assert set(error.errors) == {
        "name",
        "email",
        "phone",
        "tax_id",
        "strategic_fit",
        "potential_value",
        "currency",
    }
    rendered = error.render()
    assert rendered.split("; ") == [msg.render() for msg in error.errors.values()]
    assert "Enter the customer's name." in rendered
    assert "Strategic fit is a score from 1 to 5." in rendered


def test_an_invalid_customer_is_not_created(services: Services) -> None:
    before = services.customers.count_customers()
    with pytest.raises(ValidationError):
        services.customers.create(CustomerInput(name="", email="bad"))
    assert services.customers.count_customers() == before


def test_contact_validation_reports_every_field() -> None:
    assert contact_errors_of(ContactInput(name=" ", email="x@", phone="phone", mobile="1")) == {
        "name": "Enter the contact's name.",
        "email": "Enter an email address like name@example.com.",
        "phone": "Enter a phone number with digits, spaces, dashes or a leading +.",
        "mobile": "Enter a phone number with digits, spaces, dashes or a leading +.",
    }
    cleaned = clean_contact(ContactInput(name=" 王伟 ", mobile=" 139 0011 2233 "))
    assert (cleaned.name, cleaned.mobile) == ("王伟", "139 0011 2233")


# ---------------------------------------------------------------- create / get / update


FULL = CustomerInput(
    name="  南京星辰光电有限公司 ",
    kind=CustomerKind.COMPANY,
    name_en="Nanjing Star Optoelectronics Co., Ltd.",
    industry="光电",
    source="展会",
    province="江苏",
    city="南京",
    address="江宁区 88 号",
    phone="025-5555 8888",
    email="info@star.example",
    website="https://star.example",
    tax_id=VALID_TAX_ID.lower(),
    tier="A",
    potential_value=Decimal("123456.78"),
    currency="EUR",
    strategic_fit=4,
    owner_id=None,
    notes="多行\n备注",
    tags=("VIP", "新标签", " VIP ", "", "Alpha"),
)


def test_create_and_get_round_trip_every_field(services: Services, world: World) -> None:
    data = replace(FULL, owner_id=world.lina)
    with services.db.read() as s:
        tags_before = s.scalar(select(func.count()).select_from(m.Tag)) or 0
    customer_id = services.customers.create(data)
    detail = services.customers.get(customer_id)
    assert detail.data == CustomerInput(
        name="南京星辰光电有限公司",
        kind=CustomerKind.COMPANY,
        name_en="Nanjing Star Optoelectronics Co., Ltd.",
        industry="光电",
        source="展会",
        province="江苏",
        city="南京",
        address="江宁区 88 号",
        phone="025-5555 8888",
        email="info@star.example",
        website="https://star.example",
        tax_id=VALID_TAX_ID,
        tier="A",
        potential_value=Decimal("123456.78"),
        currency="EUR",
        strategic_fit=4,
        owner_id=world.lina,
        notes="多行\n备注",
        tags=("Alpha", "VIP", "新标签"),  # deduplicated, blanks dropped, sorted by name
    )
    assert detail.owner_name == "Li Na"
    assert detail.deleted is False
    assert detail.contacts == ()
    assert detail.created_at.tzinfo is not None
    with services.db.read() as s:
        # "Alpha" and "新标签" are new; "VIP" is reused.
        assert s.scalar(select(func.count()).select_from(m.Tag)) == tags_before + 2
        assert s.get(m.CustomerStats, customer_id) is not None
    assert [(a.action, a.new_value) for a in audit_rows(services, "customer", customer_id)] == [
        (AuditAction.CREATE, "南京星辰光电有限公司")
    ]


def test_blank_optional_fields_round_trip_as_empty_strings(services: Services) -> None:
    customer_id = services.customers.create(CustomerInput(name="刘", kind=CustomerKind.PERSON))
    assert services.customers.get(customer_id).data == CustomerInput(
        name="刘", kind=CustomerKind.PERSON
    )


def test_get_of_an_unknown_customer_is_not_found(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.customers.get(999_999)


def test_update_returns_the_previous_values_and_undo_restores_exactly(
    services: Services, world: World
) -> None:
    original = services.customers.get(world.huaxia)
    changed = replace(
        original.data,
        name="北京华夏智能科技有限公司",
        city="天津",
        potential_value=Decimal("600000.00"),
        strategic_fit=None,
        owner_id=world.lina,
        email="",
        tags=("VIP", "重点"),
    )
    before = services.customers.update(world.huaxia, changed)
    assert before == original.data
    after = services.customers.get(world.huaxia)
    assert after.data == changed
    assert after.owner_name == "Li Na"

    undone_from = services.customers.update(world.huaxia, before)  # Undo
    assert undone_from == changed
    restored = services.customers.get(world.huaxia)
    assert restored.data == original.data
    assert restored.contacts == original.contacts
    assert restored.owner_name == original.owner_name


def test_update_writes_one_audit_row_per_changed_field(services: Services, world: World) -> None:
    original = services.customers.get(world.huaxia).data
    services.customers.update(
        world.huaxia,
        replace(original, city="天津", potential_value=Decimal("1.50"), tags=("VIP",)),
    )
    updates = [
        (a.field, a.old_value, a.new_value)
        for a in audit_rows(services, "customer", world.huaxia)
        if a.action == AuditAction.UPDATE
    ]
    assert sorted(updates) == sorted(
        [
            ("city", "北京", "天津"),
            ("potential_value", "500000.00", "1.50"),
            ("tags", str(("VIP", "华东")), str(("VIP",))),
        ]
    )


def test_saving_an_unchanged_form_writes_no_audit_rows(services: Services, world: World) -> None:
    original = services.customers.get(world.huaxia).data
    services.customers.update(world.huaxia, original)
    assert [
        a for a in audit_rows(services, "customer", world.huaxia) if a.action == AuditAction.UPDATE
    ] == []


def test_the_same_tags_in_another_order_are_not_a_change(services: Services, world: World) -> None:
    """BUG: update() compares the tag tuples by order, so re-ordering the same tags writes an
    audit row "tags: ('VIP', '华东') → ('华东', 'VIP')" and rewrites customer_tags."""
    original = services.customers.get(world.huaxia).data
    assert original.tags == ("VIP", "华东")
    services.customers.update(world.huaxia, replace(original, tags=("华东", "VIP")))
    assert services.customers.get(world.huaxia).data.tags == ("VIP", "华东")
    assert [
        (a.field, a.old_value, a.new_value)
        for a in audit_rows(services, "customer", world.huaxia)
        if a.action == AuditAction.UPDATE
    ] == []


def test_update_of_an_invalid_form_changes_nothing(services: Services, world: World) -> None:
    original = services.customers.get(world.huaxia)
    with pytest.raises(ValidationError):
        services.customers.update(world.huaxia, replace(original.data, name="", city="天津"))
    assert services.customers.get(world.huaxia) == original


def test_a_deleted_customer_cannot_be_edited(services: Services, world: World) -> None:
    with pytest.raises(NotFoundError):
        services.customers.update(world.deleted, CustomerInput(name="x"))
    with pytest.raises(NotFoundError):
        services.customers.delete(world.deleted)
    with pytest.raises(NotFoundError):
        services.customers.add_contact(world.deleted, ContactInput(name="x"))
    assert services.customers.get(world.deleted).deleted is True


# ------------------------------------------------------------------------------ the list


def test_the_list_shows_live_customers_with_their_figures(services: Services, world: World) -> None:
    rows = {r.id: r for r in services.customers.list_customers(limit=1000)}
    assert set(rows) == world.live_customers
    huaxia = rows[world.huaxia]
    assert (huaxia.name, huaxia.city, huaxia.industry, huaxia.tier, huaxia.owner) == (
        "北京华夏科技有限公司",
        "北京",
        "软件",
        "A",
        "张明",
    )
    assert huaxia.revenue_12m == HUAXIA_ORDER_10D + HUAXIA_ORDER_45D
    assert huaxia.open_pipeline == HUAXIA_OPEN_PIPELINE
    assert set(huaxia.tags.split("、")) == {"VIP", "华东"}
    assert huaxia.last_interaction_at == world.now - timedelta(days=3)  # the done visit
    assert rows[world.liuyang].tags == ""
    assert rows[world.liuyang].owner is None
    assert rows[world.liuyang].revenue_12m == Decimal("0.00")


def test_deleted_customers_are_never_listed_or_counted(services: Services, world: World) -> None:
    total = services.customers.count_customers()
    assert world.deleted not in listed(services)
    assert world.deleted not in listed(services, CustomerFilter(city="天津"))
    assert services.customers.count_customers(CustomerFilter(city="天津")) == 0
    assert listed(services, CustomerFilter(search="已删除")) == set()
    services.customers.delete(world.acme)
    assert world.acme not in listed(services)
    assert services.customers.count_customers() == total - 1


@pytest.mark.parametrize(
    ("make_filter", "expected"),
    [
        (lambda w: CustomerFilter(owner_id=w.zhang), lambda w: {w.huaxia, w.bluesky}),
        (lambda w: CustomerFilter(owner_id=w.zhou), lambda w: {w.yunfan}),
        (lambda w: CustomerFilter(unassigned=True), lambda w: {w.acme, w.liuyang}),
        (lambda w: CustomerFilter(tier="B"), lambda w: {w.mingda, w.acme}),
        (lambda w: CustomerFilter(industry="贸易"), lambda w: {w.mingda, w.bluesky}),
        (lambda w: CustomerFilter(city="北京"), lambda w: {w.huaxia, w.hx_dup}),
        (lambda w: CustomerFilter(tag_id=w.tags["VIP"]), lambda w: {w.huaxia, w.yunfan, w.hx_dup}),
        (lambda w: CustomerFilter(tag_id=w.tags["华东"]), lambda w: {w.huaxia, w.mingda}),
        (lambda w: CustomerFilter(city="北京", tag_id=w.tags["大客户"]), lambda w: {w.hx_dup}),
        (lambda w: CustomerFilter(tier="B", owner_id=w.lina), lambda w: {w.mingda}),
        (lambda w: CustomerFilter(city="Nowhere"), lambda w: set()),
    ],
)
def test_each_filter(services: Services, world: World, make_filter: Any, expected: Any) -> None:
    flt = make_filter(world)
    assert listed(services, flt) == expected(world)
    assert services.customers.count_customers(flt) == len(expected(world))


def test_no_contact_days_uses_interactions_and_customer_facing_tasks(
    services: Services, world: World
) -> None:
    # last contact: huaxia 3 days (visit), yunfan 10, mingda 60, hx_dup 100, others never.
    never = {world.acme, world.bluesky, world.liuyang}
    expectations = {
        1: world.live_customers,
        7: world.live_customers - {world.huaxia},
        30: {world.mingda, world.hx_dup} | never,
        90: {world.hx_dup} | never,
        365: never,
    }
    for days, expected in expectations.items():
        flt = CustomerFilter(no_contact_days=days)
        assert listed(services, flt) == expected, days
        assert services.customers.count_customers(flt) == len(expected), days

    # Logging a call today takes Acme out of "no contact for 30 days".
    services.interactions.log(world.acme, InteractionInput(InteractionKind.CALL, "hello"))
    assert world.acme not in listed(services, CustomerFilter(no_contact_days=30))
    assert services.customers.count_customers(CustomerFilter(no_contact_days=30)) == 4


def test_count_equals_the_number_of_rows_of_all_pages(services: Services, world: World) -> None:
    filters = [
        CustomerFilter(),
        CustomerFilter(search="华夏"),
        CustomerFilter(owner_id=world.zhang),
        CustomerFilter(no_contact_days=30, tier="B"),
        CustomerFilter(search="huaxia", city="北京"),
    ]
    for flt in filters:
        pages: list[CustomerRow] = []
        offset = 0
        while page := services.customers.list_customers(flt, offset=offset, limit=2):
            pages.extend(page)
            offset += 2
        assert services.customers.count_customers(flt) == len(pages), flt


def _sort_value(services: Services, row: CustomerRow, key: str) -> Any:
    if key == "created":
        return services.customers.get(row.id).created_at
    if key == "last_interaction":
        return row.last_interaction_at
    if key == "name":  # Chinese names file by their pinyin
        return name_sort_key(row.name)
    return getattr(row, key)


def _expected_order(values: dict[int, Any], descending: bool) -> list[int]:
    present = sorted((v, i) for i, v in values.items() if v is not None)
    empty = sorted(i for i, v in values.items() if v is None)
    if descending:
        return [i for _, i in reversed(present)] + list(reversed(empty))
    return [i for _, i in present] + empty


@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("key", SORT_KEYS)
def test_sorting_by_every_key_with_empty_values_last_and_ties_by_id(
    services: Services, world: World, key: Any, descending: bool
) -> None:
    # More ties: two customers with the same city and revenue, one more without a city.
    extra = services.customers.create(CustomerInput(name="Zeta Foods", city="上海"))
    rows = services.customers.list_customers(limit=1000, order_by=key, descending=descending)
    values = {r.id: _sort_value(services, r, key) for r in rows}
    assert len(rows) == len(world.live_customers) + 1
    assert extra in values
    assert ids(rows) == _expected_order(values, descending)

    # Paging with offset/limit covers every row exactly once, in the same order.
    paged: list[int] = []
    for offset in range(0, len(rows) + 3, 3):
        paged.extend(
            ids(
                services.customers.list_customers(
                    offset=offset, limit=3, order_by=key, descending=descending
                )
            )
        )
    assert paged == ids(rows)

    streamed = list(
        services.customers.iter_customers(
            CustomerFilter(), order_by=key, descending=descending, batch=2
        )
    )
    assert streamed == rows


def test_iter_customers_yields_the_same_rows_as_the_pages_with_a_filter(
    services: Services, world: World
) -> None:
    flt = CustomerFilter(search="科技")
    pages = services.customers.list_customers(flt, limit=2) + services.customers.list_customers(
        flt, offset=2, limit=100
    )
    assert list(services.customers.iter_customers(flt, batch=1)) == pages
    assert set(ids(pages)) == {world.huaxia, world.yunfan, world.hx_dup}


def test_filter_options(services: Services, world: World) -> None:
    options = services.customers.filter_options()
    assert [(o.id, o.name) for o in options.owners] == [  # the owner first
        (world.zhang, "张明"),
        (world.lina, "Li Na"),
    ]
    assert options.tiers == ("A", "B", "C")  # "D" belongs to a deleted customer
    assert "物流" not in options.industries
    assert options.industries == tuple(sorted({"软件", "贸易", "Manufacturing", "互联网"}))
    assert options.cities == tuple(sorted({"北京", "上海", "Shenzhen", "Hong Kong", "杭州"}))
    assert {o.name for o in options.tags} == {"VIP", "华东", "制造业", "大客户"}
    assert [o.name for o in options.tags] == sorted(o.name for o in options.tags)


# ----------------------------------------------------------------------------- search


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("华夏", lambda w: {w.huaxia, w.hx_dup}),  # 2-character Chinese substring
        ("华夏科技", lambda w: {w.huaxia, w.hx_dup}),
        ("明达", lambda w: {w.mingda}),
        ("王伟", lambda w: {w.huaxia}),  # a contact's 2-character name
        ("赵磊", lambda w: {w.hx_dup}),
        ("bjhx", lambda w: {w.huaxia, w.hx_dup}),  # pinyin initials
        ("huaxia", lambda w: {w.huaxia, w.hx_dup}),  # full pinyin (and e-mail domain)
        ("mingda", lambda w: {w.mingda}),
        ("wangwei", lambda w: {w.huaxia}),  # a contact's pinyin (and WeChat id)
        ("88886666", lambda w: {w.huaxia}),  # phone digits without punctuation
        ("8888 6666", lambda w: {w.huaxia}),
        ("13900112233", lambda w: {w.huaxia}),  # a contact's mobile
        ("lisa@huaxia.example", lambda w: {w.huaxia}),  # a contact's e-mail
        ("SALES@ACME", lambda w: {w.acme}),  # case-insensitive
        ("acme", lambda w: {w.acme}),
        ("blue sky", lambda w: {w.bluesky}),  # every term must match
        ("John", lambda w: {w.bluesky}),
        ("刘", lambda w: {w.liuyang}),
        ("已删除", lambda w: set()),  # in the trash
        ("不存在的公司", lambda w: set()),
    ],
)
def test_search_through_the_list(
    services: Services, world: World, text: str, expected: Any
) -> None:
    flt = CustomerFilter(search=text)
    assert listed(services, flt) == expected(world)
    assert services.customers.count_customers(flt) == len(expected(world))


HOSTILE = [
    '"',
    "'",
    '""',
    "%",
    "_",
    "*",
    "(",
    ")",
    "()",
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "a AND b",
    "\\",
    "\x00",
    "   ",
    "+",
    "-",
    "*:*",
    "\"'",
    "%%",
    "__",
]
# Text that is FTS5 syntax (OR, *, column filters, ^, -) must match nothing here.
NO_MATCH = [
    "huaxia OR acme",
    '"huaxia" OR "acme"',
    "acme*",
    "col:acme",
    "^acme",
    "{huaxia}",
    "huaxia -acme",
    "100%",
    "50_50",
    "华夏 (北京)",
    "NEAR(huaxia acme)",
    "'; DROP TABLE customers; --",
]


@pytest.mark.parametrize("text", HOSTILE + NO_MATCH)
def test_hostile_search_input_returns_without_error(
    services: Services, world: World, text: str
) -> None:
    flt = CustomerFilter(search=text)
    found = listed(services, flt)
    assert found <= world.live_customers
    assert services.customers.count_customers(flt) == len(found)
    assert list(services.customers.iter_customers(flt)) == services.customers.list_customers(
        flt, limit=1000
    )


@pytest.mark.parametrize("text", NO_MATCH)
def test_search_syntax_is_taken_literally(services: Services, world: World, text: str) -> None:
    assert listed(services, CustomerFilter(search=text)) == set()
    assert services.customers.count_customers() == len(world.live_customers)


def test_literal_punctuation_is_not_a_wildcard(services: Services, world: World) -> None:
    assert listed(services, CustomerFilter(search="%")) == set()
    assert listed(services, CustomerFilter(search="*")) == set()
    # Only 王伟's WeChat id "wangwei_bj88" contains an underscore.
    assert listed(services, CustomerFilter(search="_")) == {world.huaxia}
    assert listed(services, CustomerFilter(search="(")) == {world.acme}  # "+1 (555) …"


def test_search_follows_edits(services: Services, world: World) -> None:
    services.customers.update(
        world.liuyang, CustomerInput(name="刘洋", kind=CustomerKind.PERSON, phone="0755-1234 5678")
    )
    assert listed(services, CustomerFilter(search="12345678")) == {world.liuyang}
    contact = services.customers.add_contact(world.liuyang, ContactInput(name="欧阳娜娜"))
    assert listed(services, CustomerFilter(search="欧阳")) == {world.liuyang}
    services.customers.remove_contact(contact)
    assert listed(services, CustomerFilter(search="欧阳")) == set()
    services.customers.restore_contact(contact)
    assert listed(services, CustomerFilter(search="欧阳")) == {world.liuyang}


# -------------------------------------------------------------------------- key figures


def test_key_figures_against_hand_computed_numbers(services: Services, world: World) -> None:
    figures = services.customers.key_figures(world.huaxia, today=world.today)
    # The cancelled order (99,999.00) never counts; the 13-month-old one only for lifetime.
    assert figures.revenue_12m == Decimal("16000.49") == HUAXIA_ORDER_10D + HUAXIA_ORDER_45D
    assert (
        figures.revenue_lifetime
        == Decimal("18469.61")
        == (HUAXIA_ORDER_10D + HUAXIA_ORDER_45D + HUAXIA_ORDER_400D)
    )
    assert figures.orders == 3
    assert figures.last_order == world.today - timedelta(days=10)
    assert figures.average_days_between_orders == Decimal("195.0")  # (400 - 10) / 2
    assert figures.open_opportunities == 2
    assert figures.open_pipeline == HUAXIA_OPEN_PIPELINE
    assert figures.open_tasks == 2  # the trashed and the done ones do not count
    for amount in (figures.revenue_12m, figures.revenue_lifetime, figures.open_pipeline):
        assert isinstance(amount, Decimal)


def test_key_figures_move_with_the_calendar(services: Services, world: World) -> None:
    later = services.customers.key_figures(world.huaxia, today=world.today + timedelta(days=340))
    assert later.revenue_12m == HUAXIA_ORDER_10D  # the 45-day-old order is now 385 days old
    assert later.revenue_lifetime == Decimal("18469.61")
    earlier = services.customers.key_figures(world.huaxia, today=world.today - timedelta(days=36))
    # Seen 36 days ago, the 400-day-old order was 364 days old: inside the 12 months.
    assert earlier.revenue_12m == HUAXIA_ORDER_10D + HUAXIA_ORDER_45D + HUAXIA_ORDER_400D


def test_key_figures_of_a_customer_without_history(services: Services, world: World) -> None:
    figures = services.customers.key_figures(world.liuyang, today=world.today)
    assert figures.revenue_12m == figures.revenue_lifetime == figures.open_pipeline == Decimal(0)
    assert (figures.orders, figures.last_order, figures.average_days_between_orders) == (
        0,
        None,
        None,
    )
    assert (figures.open_opportunities, figures.open_tasks) == (0, 0)
    single = services.customers.key_figures(world.mingda, today=world.today)
    assert (single.orders, single.average_days_between_orders) == (1, None)


def test_key_figures_agree_with_the_stored_stats(services: Services, world: World) -> None:
    cs = m.CustomerStats
    with services.db.read() as s:
        stats = {
            row[0]: tuple(row[1:])
            for row in s.execute(
                select(
                    cs.customer_id,
                    cs.revenue_12m,
                    cs.revenue_lifetime,
                    cs.orders_count,
                    cs.last_order_date,
                    cs.open_pipeline,
                    cs.open_tasks,
                )
            )
        }
    for customer_id in world.live_customers:
        figures = services.customers.key_figures(customer_id, today=world.today)
        assert (
            figures.revenue_12m,
            figures.revenue_lifetime,
            figures.orders,
            figures.last_order,
            figures.open_pipeline,
            figures.open_tasks,
        ) == (stats[customer_id]), customer_id


# ----------------------------------------------------------------------------- contacts


def test_the_first_contact_becomes_primary(services: Services, world: World) -> None:
    first = services.customers.add_contact(world.liuyang, ContactInput(name="小李"))
    second = services.customers.add_contact(world.liuyang, ContactInput(name="小张"))
    contacts = {c.id: c for c in services.customers.get(world.liuyang).contacts}
    assert contacts[first].is_primary is True
    assert contacts[second].is_primary is False


def test_setting_another_primary_unsets_the_first(services: Services, world: World) -> None:
    detail = services.customers.get(world.huaxia)
    assert [(c.name, c.is_primary) for c in detail.contacts] == [
        ("王伟", True),
        ("Lisa Chen", False),
    ]
    before = services.customers.update_contact(
        world.lisa,
        ContactInput(name="Lisa Chen", title="CTO", email="lisa@huaxia.example", is_primary=True),
    )
    assert before == ContactInput(name="Lisa Chen", title="CTO", email="lisa@huaxia.example")
    after = services.customers.get(world.huaxia).contacts
    assert [(c.name, c.is_primary) for c in after] == [("Lisa Chen", True), ("王伟", False)]
    # A new primary contact takes over too.
    new = services.customers.add_contact(world.huaxia, ContactInput(name="孙丽", is_primary=True))
    primaries = [c.id for c in services.customers.get(world.huaxia).contacts if c.is_primary]
    assert primaries == [new]


def test_update_contact_round_trip_and_undo(services: Services, world: World) -> None:
    original = next(
        c for c in services.customers.get(world.huaxia).contacts if c.id == world.wangwei
    )
    changed = ContactInput(
        name="王伟",
        title="总经理",
        buying_role=BuyingRole.INFLUENCER,
        phone="",
        mobile="13911112222",
        email="",
        wechat="ww",
        is_primary=True,
        notes="新职位",
    )
    before = services.customers.update_contact(world.wangwei, changed)
    now = next(c for c in services.customers.get(world.huaxia).contacts if c.id == world.wangwei)
    assert (
        now.title,
        now.buying_role,
        now.phone,
        now.mobile,
        now.email,
        now.wechat,
        now.notes,
    ) == ("总经理", BuyingRole.INFLUENCER, "", "13911112222", "", "ww", "新职位")
    services.customers.update_contact(world.wangwei, before)
    back = next(c for c in services.customers.get(world.huaxia).contacts if c.id == world.wangwei)
    assert back == original
    fields = {
        a.field
        for a in audit_rows(services, "contact", world.wangwei)
        if a.action == AuditAction.UPDATE
    }
    assert fields == {"title", "buying_role", "phone", "mobile", "email", "wechat", "notes"}


def test_remove_and_restore_a_contact(services: Services, world: World) -> None:
    services.customers.remove_contact(world.lisa)
    assert [c.id for c in services.customers.get(world.huaxia).contacts] == [world.wangwei]
    with pytest.raises(NotFoundError):
        services.customers.remove_contact(world.lisa)
    with pytest.raises(NotFoundError):
        services.customers.update_contact(world.lisa, ContactInput(name="x"))
    services.customers.restore_contact(world.lisa)
    contacts = services.customers.get(world.huaxia).contacts
    assert [(c.id, c.is_primary) for c in contacts] == [(world.wangwei, True), (world.lisa, False)]
    with pytest.raises(NotFoundError):
        services.customers.restore_contact(999_999)
    actions = [a.action for a in audit_rows(services, "contact", world.lisa)]
    assert actions == [AuditAction.CREATE, AuditAction.DELETE, AuditAction.RESTORE]


def test_removing_and_restoring_the_primary_contact_keeps_it_primary(
    services: Services, world: World
) -> None:
    """BUG: remove_contact() clears is_primary and restore_contact() does not put it back, so
    Undo of "remove contact" leaves the customer with contacts but no primary contact."""
    services.customers.remove_contact(world.chenjing)
    services.customers.restore_contact(world.chenjing)
    contacts = services.customers.get(world.mingda).contacts
    assert [(c.id, c.is_primary) for c in contacts] == [(world.chenjing, True)]


def test_an_invalid_contact_is_not_added(services: Services, world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        services.customers.add_contact(world.huaxia, ContactInput(name="", email="bad"))
    assert set(caught.value.errors) == {"name", "email"}
    assert len(services.customers.get(world.huaxia).contacts) == 2
    with pytest.raises(NotFoundError):
        services.customers.add_contact(999_999, ContactInput(name="x"))


def test_no_contact_days_threshold_is_relative_to_now(services: Services, world: World) -> None:
    # An interaction logged 29 days ago keeps Acme out of the 30-day filter, 31 days does not.
    services.interactions.log(
        world.acme,
        InteractionInput(
            InteractionKind.CALL, "", occurred_at=datetime.now(UTC) - timedelta(days=31)
        ),
    )
    assert world.acme in listed(services, CustomerFilter(no_contact_days=30))
    services.interactions.log(
        world.acme,
        InteractionInput(
            InteractionKind.CALL, "", occurred_at=datetime.now(UTC) - timedelta(days=29)
        ),
    )
    assert world.acme not in listed(services, CustomerFilter(no_contact_days=30))
