"""Importing history: order lines (grouped into orders), opportunities and past activities.

Orders: one row per order line; the lines of one order number form one order (they need not
be adjacent), in file order, and are never merged — two identical lines are two lines. The
customer and product of a line are found by code, then by name, and created when the import
says so (``create_missing``). A line's amounts come from the domain's line maths
(``domain/quotes.compute``: tax per line, ROUND_HALF_UP); a net amount in the file is taken
as it is and its tax computed from it. An order number that exists already makes its rows
"unchanged" (so importing a file again adds nothing).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sms_desktop.domain.currency import ONE, to_base
from sms_desktop.domain.enums import (
    InteractionKind,
    OpportunityStatus,
    OrderSource,
    OrderStatus,
    StageKind,
)
from sms_desktop.domain.i18n import Message, translate
from sms_desktop.domain.money import CURRENCIES, round_money, to_minor
from sms_desktop.domain.quotes import LineInput, compute
from sms_desktop.persistence import models as m
from sms_desktop.services.currencies import MissingRateError, rate_on
from sms_desktop.services.imports.service import _required, _RowProblems, _with_defaults
from sms_desktop.services.interactions import InteractionInput, clean_interaction
from sms_desktop.services.pipeline import OpportunityInput, clean_opportunity
from sms_desktop.services.products import ProductInput
from sms_desktop.services.products import clean as clean_product

if TYPE_CHECKING:
    from sms_desktop.services.imports.service import Outcome, _Run

ZERO = Decimal("0.00")
# Imported history names no invoices or payments: a completed order (or one without a status)
# counts as settled (paid), so the import makes up no open receivable.
_ORDER_STATUS = {
    "open": OrderStatus.CONFIRMED,
    "confirmed": OrderStatus.CONFIRMED,
    "待处理": OrderStatus.CONFIRMED,
    "进行中": OrderStatus.CONFIRMED,
    "未完成": OrderStatus.CONFIRMED,
    "已确认": OrderStatus.CONFIRMED,
    "shipped": OrderStatus.DELIVERED,
    "delivered": OrderStatus.DELIVERED,
    "已发货": OrderStatus.DELIVERED,
    "发货": OrderStatus.DELIVERED,
    "已送货": OrderStatus.DELIVERED,
    "completed": OrderStatus.PAID,
    "complete": OrderStatus.PAID,
    "done": OrderStatus.PAID,
    "paid": OrderStatus.PAID,
    "已完成": OrderStatus.PAID,
    "完成": OrderStatus.PAID,
    "已付款": OrderStatus.PAID,
    "已回款": OrderStatus.PAID,
    "cancelled": OrderStatus.CANCELLED,
    "canceled": OrderStatus.CANCELLED,
    "已取消": OrderStatus.CANCELLED,
    "取消": OrderStatus.CANCELLED,
}
_DEAL_STATUS = {
    "open": OpportunityStatus.OPEN,
    "进行中": OpportunityStatus.OPEN,
    "跟进中": OpportunityStatus.OPEN,
    "won": OpportunityStatus.WON,
    "赢单": OpportunityStatus.WON,
    "成交": OpportunityStatus.WON,
    "已成交": OpportunityStatus.WON,
    "lost": OpportunityStatus.LOST,
    "输单": OpportunityStatus.LOST,
    "丢单": OpportunityStatus.LOST,
    "失败": OpportunityStatus.LOST,
}
_INTERACTION_KIND = {
    **{k.value: k for k in InteractionKind},
    "phone": InteractionKind.CALL,
    "电话": InteractionKind.CALL,
    "通话": InteractionKind.CALL,
    "拜访": InteractionKind.VISIT,
    "上门": InteractionKind.VISIT,
    "微信": InteractionKind.WECHAT,
    "邮件": InteractionKind.EMAIL,
    "e-mail": InteractionKind.EMAIL,
    "会议": InteractionKind.MEETING,
    "备注": InteractionKind.NOTE,
    "笔记": InteractionKind.NOTE,
    "反馈": InteractionKind.FEEDBACK,
    "回访": InteractionKind.FEEDBACK,
}


def _state(run: _Run) -> dict[str, Any]:
    state: dict[str, Any] = run.extra.setdefault("history", {})
    return state


def _midnight(day: date) -> datetime:
    """A business date as the instant it starts in the local zone."""
    from sms_desktop.domain.clock import local_zone

    return datetime.combine(day, time(), local_zone()).astimezone(UTC)


def handle_history_row(run: _Run, number: int, values: Mapping[str, Any]) -> Outcome:
    from sms_desktop.domain.importing.fields import ImportKind

    kind = run.options.kind
    if kind == ImportKind.ORDERS:
        return _order_line(run, values)
    if kind == ImportKind.OPPORTUNITIES:
        return _opportunity(run, number, values)
    return _activity(run, values)


def finish_history(run: _Run) -> None:
    """Put the sums of their lines on the orders this import created."""
    totals: dict[int, list[Decimal]] = _state(run).get("totals", {})
    if not totals:
        return
    run.flush()
    rates: dict[int, Decimal] = _state(run).get("rates", {})
    run.conn.exec_driver_sql(
        "UPDATE orders SET subtotal = ?, tax_total = ?, total = ?, cost_total = ?,"
        " subtotal_base = ?, tax_total_base = ?, total_base = ?, cost_total_base = ?"
        " WHERE id = ?",
        [
            (
                *(to_minor(v) for v in sums),
                *(to_minor(to_base(v, rates.get(order_id, ONE))) for v in sums),
                order_id,
            )
            for order_id, sums in totals.items()
        ],
    )


# -------------------------------------------------------------------------------- orders


def _existing_orders(run: _Run) -> dict[str, int]:
    state = _state(run)
    if "orders" not in state:
        state["orders"] = {n: i for i, n in run.conn.execute(select(m.Order.id, m.Order.number))}
        state["new_orders"] = {}
        state["totals"] = {}
        state["positions"] = {}
        state["rates"] = {}
    orders: dict[str, int] = state["orders"]
    return orders


def _product_for(run: _Run, values: Mapping[str, Any]) -> tuple[int | None, Decimal | None]:
    """The line's product (id, tax rate): by SKU, then by name; created when asked."""
    state = _state(run)
    if "products" not in state:
        by_sku: dict[str, tuple[int, Decimal]] = {}
        by_name: dict[str, tuple[int, Decimal]] = {}
        p = m.Product
        for pid, sku, zh, en, rate in run.conn.execute(
            select(p.id, p.sku, p.name_zh, p.name_en, p.tax_rate)
        ):
            by_sku.setdefault(sku.casefold(), (pid, rate))
            by_name.setdefault(zh.casefold(), (pid, rate))
            by_name.setdefault(en.casefold(), (pid, rate))
        state["products"], state["product_names"] = by_sku, by_name
    by_sku, by_name = state["products"], state["product_names"]
    sku, name = values.get("sku", ""), values.get("product_name", "")
    found = by_sku.get(sku.casefold()) if sku else None
    if found is None and name:
        found = by_name.get(name.casefold())
    if found is not None:
        return found
    if not sku and not name:
        return None, None
    if not run.options.create_missing:
        field = "sku" if sku else "product_name"
        raise _RowProblems(
            {
                field: translate(
                    "Import", "No product {name} (import with “create missing”)."
                ).format(name=sku or name)
            }
        )
    data = ProductInput(
        sku=(sku or name)[:60],
        name_zh=name or sku,
        currency=run.defaults_currency,
        list_price=values.get("unit_price", ZERO) or ZERO,
        category_id=run.category_id(values.get("category")),
        tax_rate=run._default_tax_rate(),
    )
    cleaned = run._clean(clean_product, data, {"sku": "sku", "name_zh": "product_name"})
    from sms_desktop.services.imports.service import _product_columns

    pid = run.writer.insert("products", _with_defaults("products", _product_columns(cleaned)))
    found = (pid, cleaned.tax_rate)
    by_sku[cleaned.sku.casefold()] = found
    if name:
        by_name[name.casefold()] = found
    return found


def _order_status(text: str | None) -> OrderStatus:
    if not text:
        return OrderStatus.PAID  # history: what was ordered was delivered and settled
    status = _ORDER_STATUS.get(text.strip().casefold())
    if status is None:
        raise _RowProblems(
            {"status": translate("Import", "Use open, shipped, completed or cancelled.")}
        )
    return status


def _amounts(
    values: Mapping[str, Any], tax_rate: Decimal
) -> tuple[Decimal, Decimal, Decimal, Decimal, Decimal, Decimal, Decimal]:
    """(quantity, unit price, discount %, net, tax, total, unit cost) of one line."""
    problems: dict[str, Message] = {}
    quantity: Decimal = values["quantity"]
    discount: Decimal = values.get("discount", ZERO)
    if quantity <= 0:
        problems["quantity"] = translate("Import", "The quantity must be more than 0.")
    if not 0 <= discount < 100:
        problems["discount"] = translate("Import", "A discount is between 0 and 100 %.")
    for key in ("unit_price", "line_amount", "cost"):
        if key in values and values[key] < 0:
            problems[key] = translate("Import", "The amount cannot be negative.")
    if "unit_price" not in values and "line_amount" not in values:
        problems["unit_price"] = _required()
    if problems:
        raise _RowProblems(problems)
    if "line_amount" in values:
        net: Decimal = values["line_amount"]
        unit = values.get("unit_price")
        if unit is None:
            unit = round_money(net * 100 / (100 - discount) / quantity)
        line = compute([LineInput(quantity=Decimal(1), unit_price=net, tax_rate=tax_rate)])
    else:
        unit = values["unit_price"]
        line = compute(
            [
                LineInput(
                    quantity=quantity, unit_price=unit, discount_percent=discount, tax_rate=tax_rate
                )
            ]
        )
    amounts = line.lines[0]
    net = amounts.net
    cost = values.get("cost")
    if cost is None and "profit" in values:
        cost = net - values["profit"]
    unit_cost = round_money((cost or ZERO) / quantity) if cost and cost > 0 else ZERO
    return quantity, unit, discount, net, amounts.tax, amounts.total, unit_cost


def _order_line(run: _Run, values: Mapping[str, Any]) -> Outcome:
    orders = _existing_orders(run)
    state = _state(run)
    number: str = values["order_number"]
    if len(number) > 40:
        raise _RowProblems(
            {"order_number": translate("Import", "At most {limit} characters.").format(limit=40)}
        )
    order_id = orders.get(number)
    if order_id is not None and order_id not in state["new_orders"]:
        return "skipped" if run.options.existing == "skip" else "unchanged"
    customer_id = run.customer_for_reference(values)
    product_id, product_rate = _product_for(run, values)
    rate = values.get("tax_rate", product_rate if product_rate is not None else ZERO)
    quantity, unit, discount, net, tax, total, unit_cost = _amounts(values, rate)
    currency = values.get("currency", run.defaults_currency).upper()
    if currency not in CURRENCIES:
        raise _RowProblems(
            {"currency": translate("Import", "Choose one of the supported currencies.")}
        )
    owner = run.owner(values.get("owner"))
    status = _order_status(values.get("status"))
    try:
        exchange_rate = rate_on(
            run.conn, currency, values["order_date"], company=run.defaults_currency
        )
    except MissingRateError as exc:
        raise _RowProblems({"currency": exc.message}) from None
    if order_id is None:
        order_id = run.writer.insert(
            "orders",
            _with_defaults(
                "orders",
                {
                    "number": number,
                    "customer_id": customer_id,
                    "owner_id": owner,
                    "order_date": values["order_date"],
                    "status": status,
                    "currency": currency,
                    "exchange_rate": exchange_rate,
                    "subtotal": ZERO,
                    "tax_total": ZERO,
                    "total": ZERO,
                    "cost_total": ZERO,
                    "source": OrderSource.IMPORT,
                    "external_ref": number,
                    "import_batch_id": run.writer.batch_id,
                },
            ),
        )
        orders[number] = order_id
        state["new_orders"][order_id] = customer_id
        state["totals"][order_id] = [ZERO, ZERO, ZERO, ZERO]
        state["rates"][order_id] = exchange_rate
        outcome: Outcome = "created"
    else:
        if state["new_orders"][order_id] != customer_id:
            raise _RowProblems({"customer_name": translate("Import", "Another row of order {number} names another customer.").format(number=number,)})  # fmt: skip
        outcome = "created"  # one more line of an order of this file
    position = state["positions"].get(order_id, 0) + 1
    state["positions"][order_id] = position
    run.writer.insert(
        "order_lines",
        {
            "order_id": order_id,
            "position": position,
            "product_id": product_id,
            "description": values.get("product_name") or values.get("sku", ""),
            "quantity": quantity,
            "unit_price": unit,
            "discount_percent": discount,
            "tax_rate": rate,
            "unit_cost": unit_cost,
            "net_amount": net,
            "tax_amount": tax,
            "total_amount": total,
            "net_amount_base": to_base(net, state["rates"][order_id]),
        },
        tracked=False,
    )
    sums = state["totals"][order_id]
    sums[0] += net
    sums[1] += tax
    sums[2] += total
    sums[3] += round_money(quantity * unit_cost)
    run.writer.stats_due.add(customer_id)
    return outcome


# ------------------------------------------------------------------------- opportunities


def _stages(run: _Run) -> dict[str, Any]:
    state = _state(run)
    if "stages" not in state:
        s = m.PipelineStage
        rows = run.conn.execute(
            select(s.id, s.key, s.name_zh, s.name_en, s.kind, s.position)
            .where(s.archived.is_(False))
            .order_by(s.position)
        ).all()
        names: dict[str, tuple[int, StageKind]] = {}
        for sid, key, zh, en, kind, _ in rows:
            for name in (key, zh, en):
                names.setdefault(name.casefold(), (sid, kind))
        first_open = next((r[0] for r in rows if r[4] == StageKind.OPEN), None)
        by_kind = {kind: sid for sid, _, _, _, kind, _ in reversed(rows)}
        state["stages"] = {"names": names, "first_open": first_open, "by_kind": by_kind}
        reasons: dict[str, int] = {}
        for rid, zh, en in run.conn.execute(
            select(m.LostReason.id, m.LostReason.name_zh, m.LostReason.name_en)
        ):
            reasons.setdefault(zh.casefold(), rid)
            reasons.setdefault(en.casefold(), rid)
        state["reasons"] = reasons
        state["deals"] = {
            (cid, title.casefold()): oid
            for oid, cid, title in run.conn.execute(
                select(m.Opportunity.id, m.Opportunity.customer_id, m.Opportunity.title).where(
                    m.Opportunity.deleted_at.is_(None)
                )
            )
        }
    stages: dict[str, Any] = state["stages"]
    return stages


def _deal_stage(run: _Run, values: Mapping[str, Any]) -> tuple[int, OpportunityStatus]:
    stages = _stages(run)
    status_text = values.get("status")
    status: OpportunityStatus | None = None
    if status_text:
        status = _DEAL_STATUS.get(status_text.strip().casefold())
        if status is None:
            raise _RowProblems({"status": translate("Import", "Use open, won or lost.")})
    stage_text = values.get("stage")
    if stage_text:
        found = stages["names"].get(stage_text.strip().casefold())
        if found is None:
            raise _RowProblems(
                {
                    "stage": translate("Import", "There is no stage {stage}.").format(
                        stage=stage_text
                    )
                }
            )
        stage_id, kind = found
        implied = {
            StageKind.WON: OpportunityStatus.WON,
            StageKind.LOST: OpportunityStatus.LOST,
        }.get(kind, OpportunityStatus.OPEN)
        if status is not None and status != implied:
            raise _RowProblems(
                {"status": translate("Import", "The status does not fit the stage.")}
            )
        return stage_id, implied
    status = status or OpportunityStatus.OPEN
    kind = {
        OpportunityStatus.WON: StageKind.WON,
        OpportunityStatus.LOST: StageKind.LOST,
    }.get(status, StageKind.OPEN)
    stage_id = stages["first_open"] if kind == StageKind.OPEN else stages["by_kind"].get(kind)
    if stage_id is None:
        raise _RowProblems(
            {"stage": translate("Import", "There is no stage {stage}.").format(stage=kind.value)}
        )
    return stage_id, status


def _opportunity(run: _Run, number: int, values: Mapping[str, Any]) -> Outcome:
    customer_id = run.customer_for_reference(values)
    stage_id, status = _deal_stage(run, values)
    owner = run.owner(values.get("owner"))
    data = OpportunityInput(
        customer_id=customer_id,
        title=values["title"],
        amount=values.get("amount", ZERO),
        currency=values.get("currency", run.defaults_currency).upper(),
        stage_id=stage_id,
        expected_close=values.get("expected_close"),
        source=values.get("source", ""),
        owner_id=owner,
    )
    cleaned = run._clean(clean_opportunity, data, {"customer_id": "customer_name"})
    deals = _state(run)["deals"]
    key = (customer_id, cleaned.title.casefold())
    existing = deals.get(key)
    if existing is not None:
        if run.options.existing == "skip" and not run.writer.is_new("opportunities", existing):
            return "skipped"
        return "unchanged"  # a deal is history: its stage moves only through the pipeline
    created = values.get("created_date")
    closed = values.get("closed_date")
    if status != OpportunityStatus.OPEN and closed is None:
        closed = cleaned.expected_close or created
    reason_id = None
    note = None
    if status == OpportunityStatus.LOST and values.get("lost_reason"):
        reason_id = _state(run)["reasons"].get(values["lost_reason"].casefold())
        note = None if reason_id is not None else values["lost_reason"]
    stamp = _midnight(created) if created else None
    changed = _midnight(closed) if closed and status != OpportunityStatus.OPEN else stamp
    columns: dict[str, Any] = {
        "customer_id": customer_id,
        "contact_id": None,
        "title": cleaned.title,
        "amount": cleaned.amount,
        "currency": cleaned.currency,
        "stage_id": stage_id,
        "probability_override": None,
        "expected_close": cleaned.expected_close,
        "source": cleaned.source or None,
        "owner_id": owner,
        "status": status,
        "lost_reason_id": reason_id,
        "lost_note": note,
        "competitors": None,
        "next_step": None,
        "notes": None,
        "closed_on": closed if status != OpportunityStatus.OPEN else None,
    }
    row = _with_defaults("opportunities", columns)
    if stamp is not None:
        row["created_at"] = stamp
    if changed is not None:
        row["stage_changed_at"] = changed
    deal_id = run.writer.insert("opportunities", row)
    deals[key] = deal_id
    history = {
        "opportunity_id": deal_id,
        "from_stage_id": None,
        "to_stage_id": stage_id,
        "changed_at": row["stage_changed_at"],
        "changed_by_id": owner,
    }
    run.writer.insert("opportunity_stage_history", history, tracked=False)
    run.writer.stats_due.add(customer_id)
    return "created"


# ---------------------------------------------------------------------------- activities


def _activity(run: _Run, values: Mapping[str, Any]) -> Outcome:
    customer_id = run.customer_for_reference(values)
    text = values.get("kind", "")
    kind = _INTERACTION_KIND.get(text.strip().casefold()) if text else InteractionKind.NOTE
    if kind is None:
        raise _RowProblems(
            {
                "kind": translate(
                    "Import", "Use call, visit, WeChat, e-mail, meeting, note or feedback."
                )
            }
        )
    owner = run.owner(values.get("owner"))
    data = InteractionInput(
        kind=kind,
        summary=values.get("summary", ""),
        occurred_at=_midnight(values["date"]),
        salesperson_id=owner,
        satisfaction=values.get("satisfaction"),
    )
    cleaned = run._clean(clean_interaction, data, {"occurred_at": "date"})
    state = _state(run)
    if "interactions" not in state:
        i = m.Interaction
        state["interactions"] = {
            (cid, at.replace(tzinfo=UTC) if at.tzinfo is None else at, k, s)
            for cid, at, k, s in run.conn.execute(
                select(i.customer_id, i.occurred_at, i.kind, i.summary)
            )
        }
    key = (customer_id, cleaned.occurred_at, cleaned.kind, cleaned.summary)
    if key in state["interactions"]:
        return "unchanged"
    state["interactions"].add(key)
    run.writer.insert(
        "interactions",
        _with_defaults(
            "interactions",
            {
                "customer_id": customer_id,
                "contact_id": None,
                "salesperson_id": owner,
                "kind": cleaned.kind,
                "occurred_at": cleaned.occurred_at,
                "summary": cleaned.summary,
                "satisfaction": cleaned.satisfaction,
            },
        ),
    )
    run.writer.stats_due.add(customer_id)
    return "created"
