"""DuplicatesService: finding likely duplicates, merging two customers and undoing it exactly."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from sms_desktop.domain.errors import ConflictError, NotFoundError
from sms_desktop.persistence import models as m
from sms_desktop.services.customers import ContactInput, CustomerFilter, CustomerInput
from sms_desktop.services.duplicates import DuplicateCandidate, MergeRecord
from sms_desktop.services.registry import Services
from tests.services.dataset import (
    HUAXIA_OPEN_PIPELINE,
    HUAXIA_ORDER_10D,
    HUAXIA_ORDER_45D,
    HUAXIA_ORDER_400D,
    HUAXIA_TAX_ID,
    HX_DUP_OPEN_PIPELINE,
    HX_DUP_ORDER,
    World,
    snapshot,
)


def found(candidates: list[DuplicateCandidate]) -> dict[int, tuple[str, ...]]:
    return {c.id: c.reasons for c in candidates}


def search(services: Services, text: str) -> set[int]:
    return {r.id for r in services.customers.list_customers(CustomerFilter(search=text), limit=100)}


# ----------------------------------------------------------------------------- finding


@pytest.mark.parametrize(
    "name",
    [
        "北京华夏科技有限公司",
        "北京华夏科技",
        "北京华夏科技股份有限公司",
        "北京华夏科技有限责任公司",
        " 北京华夏科技（有限公司） ",
        "北京华夏科技集团有限公司",
    ],
)
def test_the_same_name_with_or_without_a_legal_form_is_found(
    services: Services, world: World, name: str
) -> None:
    candidates = services.duplicates.find(name=name)
    assert found(candidates) == {world.huaxia: ("name",), world.hx_dup: ("name",)}
    assert all(c.score == 1.0 for c in candidates)


def test_an_english_name_with_another_legal_form_is_found(services: Services, world: World) -> None:
    assert found(services.duplicates.find(name="ACME Company Limited")) == {world.acme: ("name",)}


def test_a_multi_word_english_name_with_another_legal_form_is_found(
    services: Services,
) -> None:
    """BUG: find() probes the search index with the first 6 characters of the *normalised*
    name ("redsun"), which has its spaces removed, but the indexed document keeps them
    ("red sun logistics ltd"), so multi-word names are never found by name."""
    target = services.customers.create(CustomerInput(name="Red Sun Logistics Ltd"))
    candidates = services.duplicates.find(name="Red Sun Logistics Co., Ltd.")
    assert found(candidates) == {target: ("name",)}
    assert candidates[0].score == 1.0


def test_a_near_identical_name_is_found(services: Services, world: World) -> None:
    target = services.customers.create(CustomerInput(name="深圳市腾飞电子科技有限公司"))
    candidates = services.duplicates.find(name="深圳市腾飞电子技术有限公司")
    assert found(candidates) == {target: ("name",)}
    assert 0.85 <= candidates[0].score < 1.0
    # A longer name that contains the whole name is near-identical too.
    assert world.huaxia in found(services.duplicates.find(name="北京华夏科技发展有限公司"))


def test_a_typo_in_the_first_characters_is_found(services: Services) -> None:
    """BUG: the name probe is the exact first 6 characters of the normalised name, so a
    typo among them (腾飞 → 腾非) finds nothing, though name_similarity() scores the pair
    0.89, above the 0.85 threshold."""
    target = services.customers.create(CustomerInput(name="深圳市腾飞电子科技有限公司"))
    assert found(services.duplicates.find(name="深圳市腾非电子科技有限公司")) == {target: ("name",)}


def test_the_same_tax_id_is_found_whatever_the_case(services: Services, world: World) -> None:
    candidates = services.duplicates.find(
        name="完全不同的名字", tax_id=f" {HUAXIA_TAX_ID.lower()} "
    )
    assert found(candidates) == {world.huaxia: ("tax_id",)}
    assert candidates[0].score == 1.0


@pytest.mark.parametrize(
    "phone", ["(010) 88886666", "010 8888 6666", "01088886666", "010-8888-6666"]
)
def test_the_same_phone_with_other_punctuation_is_found(
    services: Services, world: World, phone: str
) -> None:
    assert found(services.duplicates.find(name="某公司", phone=phone)) == {world.huaxia: ("phone",)}


def test_a_contacts_mobile_is_found(services: Services, world: World) -> None:
    assert found(services.duplicates.find(name="x", phone="+86-139-0011-2233")) == {
        world.huaxia: ("phone",)
    }
    assert found(services.duplicates.find(name="x", phone="137 0000 1111")) == {
        world.hx_dup: ("phone",)
    }


def test_a_removed_contacts_mobile_is_not_found(services: Services, world: World) -> None:
    services.customers.remove_contact(world.zhaolei)
    assert services.duplicates.find(name="x", phone="13700001111") == []


@pytest.mark.parametrize(
    "email",
    [
        "INFO@huaxia.example",
        " info@huaxia.example ",
        "lisa@HUAXIA.example",
        "wei.wang@huaxia.example",
    ],
)
def test_the_same_email_of_the_customer_or_a_contact_is_found(
    services: Services, world: World, email: str
) -> None:
    assert found(services.duplicates.find(name="x", email=email)) == {world.huaxia: ("email",)}


def test_several_reasons_rank_first(services: Services, world: World) -> None:
    candidates = services.duplicates.find(
        name="北京华夏科技有限公司",
        phone="010 8888 6666",
        email="info@huaxia.example",
        tax_id=HUAXIA_TAX_ID,
    )
    assert [c.id for c in candidates] == [world.huaxia, world.hx_dup]
    assert candidates[0].reasons == ("tax_id", "phone", "email", "name")
    assert candidates[0].name == "北京华夏科技有限公司"
    assert candidates[0].city == "北京"


def test_exclude_id_leaves_the_customer_being_edited_out(services: Services, world: World) -> None:
    candidates = services.duplicates.find(
        name="北京华夏科技有限公司",
        tax_id=HUAXIA_TAX_ID,
        phone="01088886666",
        exclude_id=world.huaxia,
    )
    assert found(candidates) == {world.hx_dup: ("name",)}


@pytest.mark.parametrize(
    "name", ["杭州明月食品有限公司", "Zeta Foods", "华", "", "有限公司", "广州华南物流"]
)
def test_unrelated_names_are_not_found(services: Services, name: str) -> None:
    assert services.duplicates.find(name=name) == []


def test_deleted_customers_are_not_found(services: Services, world: World) -> None:
    assert services.duplicates.find(name="天津已删除商贸有限公司") == []
    services.customers.delete(world.acme)
    assert services.duplicates.find(name="Acme Co., Ltd.", email="sales@acme.example") == []


def test_limit_caps_the_candidates(services: Services) -> None:
    for suffix in "ABCDE":
        services.customers.create(CustomerInput(name=f"宁波海港贸易{suffix}有限公司"))
    assert len(services.duplicates.find(name="宁波海港贸易有限公司", limit=3)) == 3
    assert len(services.duplicates.find(name="宁波海港贸易有限公司")) == 5


# ------------------------------------------------------------------------------- merge


def _count(services: Services, table: Any, customer_id: int) -> int:
    with services.db.read() as s:
        return (
            s.scalar(
                select(func.count()).select_from(table).where(table.customer_id == customer_id)
            )
            or 0
        )


MOVABLE = (
    m.Contact,
    m.Interaction,
    m.Opportunity,
    m.Activity,
    m.Quote,
    m.Order,
    m.SatisfactionSurvey,
    m.PriceList,
)


def test_merge_moves_everything_to_the_kept_customer(services: Services, world: World) -> None:
    keep, drop = world.huaxia, world.hx_dup
    counts = {t: (_count(services, t, keep), _count(services, t, drop)) for t in MOVABLE}
    assert all(d > 0 for _, d in counts.values())  # the dataset gives drop one of each

    record = services.duplicates.merge(keep, drop)

    for table, (k, d) in counts.items():
        assert (_count(services, table, keep), _count(services, table, drop)) == (k + d, 0), table
    # Account plans: the one of a year keep already has stays; the other moves.
    with services.db.read() as s:
        plans = {
            (cid, year)
            for cid, year in s.execute(select(m.AccountPlan.customer_id, m.AccountPlan.year))
        }
    year = world.today.year
    assert plans == {(keep, year), (keep, year - 2), (drop, year)}
    assert set(record.moved) == {
        "contacts",
        "interactions",
        "opportunities",
        "activities",
        "quotes",
        "orders",
        "satisfaction_surveys",
        "price_lists",
        "account_plans",
    }

    kept = services.customers.get(keep)
    assert kept.data.tags == ("VIP", "华东", "大客户")  # union
    assert kept.data.source == "转介绍" and kept.data.website == "www.huaxia.example"  # filled
    assert kept.data.phone == "010-8888 6666"  # not blank: kept
    assert kept.data.city == "北京"
    assert record.filled == {"source": None, "website": None}
    assert record.tags_added == (world.tags["大客户"],)
    assert [(c.name, c.is_primary) for c in kept.contacts] == [
        ("王伟", True),
        ("Lisa Chen", False),
        ("赵磊", False),
    ]
    assert record.unprimaried == (world.zhaolei,)

    dropped = services.customers.get(drop)
    assert dropped.deleted is True
    with services.db.read() as s:
        assert s.scalar(select(m.Customer.merged_into_id).where(m.Customer.id == drop)) == keep
    trash = services.trash.items()
    assert (trash[0].entity, trash[0].entity_id, trash[0].label) == (
        "customer",
        drop,
        "北京华夏科技 → 北京华夏科技有限公司",
    )
    assert drop not in {r.id for r in services.customers.list_customers(limit=100)}


def test_merge_recomputes_the_kept_customers_figures(services: Services, world: World) -> None:
    services.duplicates.merge(world.huaxia, world.hx_dup)
    row = next(r for r in services.customers.list_customers(limit=100) if r.id == world.huaxia)
    assert row.revenue_12m == HUAXIA_ORDER_10D + HUAXIA_ORDER_45D + HX_DUP_ORDER
    assert row.open_pipeline == HUAXIA_OPEN_PIPELINE + HX_DUP_OPEN_PIPELINE
    figures = services.customers.key_figures(world.huaxia, today=world.today)
    assert figures.revenue_lifetime == (
        HUAXIA_ORDER_10D + HUAXIA_ORDER_45D + HUAXIA_ORDER_400D + HX_DUP_ORDER
    )
    assert figures.orders == 4
    assert figures.open_tasks == 3
    assert figures.last_order == world.today - timedelta(days=5)
    with services.db.read() as s:
        dropped = s.execute(
            select(
                m.CustomerStats.orders_count,
                m.CustomerStats.revenue_lifetime,
                m.CustomerStats.open_pipeline,
                m.CustomerStats.last_interaction_at,
            ).where(m.CustomerStats.customer_id == world.hx_dup)
        ).one()
    assert tuple(dropped) == (0, Decimal("0.00"), Decimal("0.00"), None)


def test_search_finds_the_kept_customer_by_the_dropped_customers_contacts(
    services: Services, world: World
) -> None:
    assert search(services, "赵磊") == {world.hx_dup}
    record = services.duplicates.merge(world.huaxia, world.hx_dup)
    assert search(services, "赵磊") == {world.huaxia}
    assert search(services, "13700001111") == {world.huaxia}
    assert search(services, "zhao.lei@huaxia") == {world.huaxia}
    services.duplicates.unmerge(record)
    assert search(services, "赵磊") == {world.hx_dup}
    assert search(services, "13700001111") == {world.hx_dup}


def _table_snapshot(services: Services, **kwargs: object) -> dict[str, list[tuple[object, ...]]]:
    with services.db.engine.connect() as conn:
        return snapshot(conn, **kwargs)  # type: ignore[arg-type]


def test_unmerge_restores_every_row_exactly(services: Services, world: World) -> None:
    """BUG: merge and unmerge move rows with UPDATE statements that let the ``updated_at``
    columns' onupdate fire, so after an undo every moved row (contacts, interactions, deals,
    tasks, quotes, orders, surveys, price lists, account plans) and both customers carry a new
    ``updated_at``: the undo is not exact."""
    before = _table_snapshot(services)
    record = services.duplicates.merge(world.huaxia, world.hx_dup)
    assert _table_snapshot(services) != before
    services.duplicates.unmerge(record)
    after = _table_snapshot(services)
    changed = ", ".join(sorted(name for name in before if before[name] != after[name]))
    assert changed == ""


def test_unmerge_restores_every_value_but_the_update_stamps(
    services: Services, world: World
) -> None:
    before = _table_snapshot(services, ignore_columns=frozenset({"updated_at"}))
    record = services.duplicates.merge(world.huaxia, world.hx_dup)
    services.duplicates.unmerge(record)
    after = _table_snapshot(services, ignore_columns=frozenset({"updated_at"}))
    assert {k: v for k, v in after.items() if v != before[k]} == {}
    assert world.hx_dup in search(services, "北京华夏科技")
    assert services.trash.items()[0].entity_id == world.deleted


def test_merge_moves_rows_added_later_back_only_if_they_came_from_the_drop(
    services: Services, world: World
) -> None:
    record = services.duplicates.merge(world.huaxia, world.hx_dup)
    contact = services.customers.add_contact(world.huaxia, ContactInput(name="孙丽"))
    services.duplicates.unmerge(record)
    names = {c.name: c.id for c in services.customers.get(world.huaxia).contacts}
    assert names == {"王伟": world.wangwei, "Lisa Chen": world.lisa, "孙丽": contact}
    assert [c.name for c in services.customers.get(world.hx_dup).contacts] == ["赵磊"]


def test_merging_a_customer_with_itself_is_refused(services: Services, world: World) -> None:
    before = _table_snapshot(services)
    with pytest.raises(ConflictError) as caught:
        services.duplicates.merge(world.huaxia, world.huaxia)
    assert caught.value.render() == "A customer cannot be merged with itself."
    assert _table_snapshot(services) == before


@pytest.mark.parametrize("which", ["keep", "drop"])
def test_merging_a_deleted_or_unknown_customer_is_refused(
    services: Services, world: World, which: str
) -> None:
    before = _table_snapshot(services)
    for other in (world.deleted, 999_999):
        pair = (other, world.huaxia) if which == "keep" else (world.huaxia, other)
        with pytest.raises(NotFoundError):
            services.duplicates.merge(*pair)
    assert _table_snapshot(services) == before


def test_a_merge_record_describes_the_move(services: Services, world: World) -> None:
    record = services.duplicates.merge(world.mingda, world.acme)
    assert isinstance(record, MergeRecord)
    assert (record.keep_id, record.drop_id) == (world.mingda, world.acme)
    assert record.moved == {}  # Acme has no history
    assert record.tags_added == (world.tags["制造业"],)
    assert record.filled == {"email": None}
    assert services.customers.get(world.mingda).data.email == "sales@acme.example"
    services.duplicates.unmerge(record)
    assert services.customers.get(world.mingda).data.email == ""
    assert services.customers.get(world.mingda).data.tags == ("华东",)
    assert services.customers.get(world.acme).deleted is False
