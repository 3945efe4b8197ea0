"""Orders get a life-cycle, deliveries, invoices and payments; documents keep their currency's rate.

* Order states: ``open`` → ``confirmed``, ``shipped`` → ``delivered``, ``completed`` →
  ``invoiced`` or ``paid`` (by its paid amount), ``cancelled`` stays. Shipped and completed
  orders get one delivery of every line in full.
* The two payment columns of an order become records: an order that was completed or had a
  paid amount gets an invoice (numbered as the order, dated on the order date, due 30 days
  later) and, when it had a paid amount, a payment on its ``paid_on`` allocated to that
  invoice (what exceeds the invoice is the customer's credit; a cancelled order's payment is
  all credit). ``paid_amount``, ``paid_on`` and ``payment_status`` are dropped: collections
  now read ``payments`` by date (``ix_payments_payment_date``).
* Quotes, orders and payments store the rate of their date to the company currency; existing
  documents get rate 1, and the orders' company-currency amounts (``*_base``) equal their
  amounts.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 07:40:00
"""

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa
from alembic import op

from sms_desktop.persistence.dialect import batch_recreate, is_sqlite, reset_sequences

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STATES = (
    "draft",
    "confirmed",
    "partly_delivered",
    "delivered",
    "partly_invoiced",
    "invoiced",
    "paid",
    "cancelled",
)
_OLD_STATES = ("open", "shipped", "completed", "cancelled")
_TERMS_DAYS = 30
_ONE = 1_000_000  # rate 1 in millionths


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=24)


def _created_at() -> sa.Column[datetime]:
    return sa.Column("created_at", sa.DateTime(), nullable=False)


def _create_tables() -> None:
    op.create_table(
        "exchange_rates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("rate_date", sa.Date(), nullable=False),
        sa.Column("rate", sa.Integer(), nullable=False),
        sa.CheckConstraint("rate > 0", name=op.f("ck_exchange_rates_rate_positive")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_rates")),
        sa.UniqueConstraint(
            "currency", "rate_date", name=op.f("uq_exchange_rates_currency_rate_date")
        ),
    )
    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("delivery_date", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        _created_at(),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["orders.id"],
            name=op.f("fk_deliveries_order_id_orders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deliveries")),
        sa.UniqueConstraint("number", name=op.f("uq_deliveries_number")),
    )
    op.create_index("ix_deliveries_order_id", "deliveries", ["order_id"], unique=False)
    op.create_table(
        "delivery_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("delivery_id", sa.Integer(), nullable=False),
        sa.Column("order_line_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_delivery_lines_quantity_positive")),
        sa.ForeignKeyConstraint(
            ["delivery_id"],
            ["deliveries.id"],
            name=op.f("fk_delivery_lines_delivery_id_deliveries"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["order_line_id"],
            ["order_lines.id"],
            name=op.f("fk_delivery_lines_order_line_id_order_lines"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delivery_lines")),
        sa.UniqueConstraint(
            "delivery_id", "order_line_id", name=op.f("uq_delivery_lines_delivery_id_order_line_id")
        ),
    )
    op.create_index(
        "ix_delivery_lines_order_line_id", "delivery_lines", ["order_line_id"], unique=False
    )
    op.create_table(
        "invoices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("invoice_date", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("exchange_rate", sa.Integer(), nullable=False),
        sa.Column("net_amount", sa.Integer(), nullable=False),
        sa.Column("tax_amount", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("net_amount_base", sa.Integer(), nullable=False),
        sa.Column("tax_amount_base", sa.Integer(), nullable=False),
        sa.Column("amount_base", sa.Integer(), nullable=False),
        _created_at(),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_invoices_customer_id_customers"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["orders.id"],
            name=op.f("fk_invoices_order_id_orders"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoices")),
        sa.UniqueConstraint("number", name=op.f("uq_invoices_number")),
    )
    op.create_index("ix_invoices_order_id", "invoices", ["order_id"], unique=False)
    op.create_index(
        "ix_invoices_customer_id_invoice_date",
        "invoices",
        ["customer_id", "invoice_date"],
        unique=False,
    )
    op.create_index("ix_invoices_invoice_date", "invoices", ["invoice_date"], unique=False)
    op.create_table(
        "payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("kind", _enum("paymentkind", "receipt", "refund"), nullable=False),
        sa.Column("payment_date", sa.Date(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("exchange_rate", sa.Integer(), nullable=False),
        sa.Column("amount_base", sa.Integer(), nullable=False),
        sa.Column(
            "method",
            _enum(
                "paymentmethod", "bank_transfer", "cash", "cheque", "wechat", "alipay", "other"
            ),
            nullable=False,
        ),
        sa.Column("reference", sa.String(length=80), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        _created_at(),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_payments_customer_id_customers"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
    )
    op.create_index("ix_payments_payment_date", "payments", ["payment_date"], unique=False)
    op.create_index(
        "ix_payments_customer_id_payment_date",
        "payments",
        ["customer_id", "payment_date"],
        unique=False,
    )
    op.create_table(
        "payment_allocations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("amount_base", sa.Integer(), nullable=False),
        sa.Column("collected_base", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["invoice_id"],
            ["invoices.id"],
            name=op.f("fk_payment_allocations_invoice_id_invoices"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"],
            ["payments.id"],
            name=op.f("fk_payment_allocations_payment_id_payments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_allocations")),
        sa.UniqueConstraint(
            "payment_id", "invoice_id", name=op.f("uq_payment_allocations_payment_id_invoice_id")
        ),
    )
    op.create_index(
        "ix_payment_allocations_invoice_id", "payment_allocations", ["invoice_id"], unique=False
    )


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _move_payments() -> None:
    """An invoice for each completed or (partly) paid order, a payment for each paid amount."""
    bind = op.get_bind()
    now = datetime.now(UTC).replace(tzinfo=None)
    orders = bind.execute(
        sa.text(
            "SELECT id, customer_id, number, order_date, status, paid_amount, paid_on,"
            " currency, subtotal, tax_total, total FROM orders"
            " WHERE (status = 'completed' OR paid_amount > 0)"
        )
    ).all()
    invoice_t = sa.table(
        "invoices",
        *(
            sa.column(c)
            for c in (
                "id",
                "order_id",
                "customer_id",
                "number",
                "invoice_date",
                "due_date",
                "currency",
                "exchange_rate",
                "net_amount",
                "tax_amount",
                "amount",
                "net_amount_base",
                "tax_amount_base",
                "amount_base",
                "created_at",
            )
        ),
    )
    payment_t = sa.table(
        "payments",
        *(
            sa.column(c)
            for c in (
                "id",
                "customer_id",
                "kind",
                "payment_date",
                "amount",
                "currency",
                "exchange_rate",
                "amount_base",
                "method",
                "reference",
                "created_at",
            )
        ),
    )
    allocation_t = sa.table(
        "payment_allocations",
        *(
            sa.column(c)
            for c in ("payment_id", "invoice_id", "amount", "amount_base", "collected_base")
        ),
    )
    invoices: list[dict[str, object]] = []
    payments: list[dict[str, object]] = []
    allocations: list[dict[str, object]] = []
    next_invoice = (bind.execute(sa.text("SELECT max(id) FROM invoices")).scalar() or 0) + 1
    next_payment = (bind.execute(sa.text("SELECT max(id) FROM payments")).scalar() or 0) + 1
    for oid, cid, number, day, status, paid, paid_on, currency, sub, tax, total in orders:
        invoice_id = None
        if status != "cancelled":
            invoice_id = next_invoice
            next_invoice += 1
            issued = _as_date(day)
            invoices.append(
                {
                    "id": invoice_id,
                    "order_id": oid,
                    "customer_id": cid,
                    "number": number,
                    "invoice_date": issued,
                    "due_date": issued + timedelta(days=_TERMS_DAYS),
                    "currency": currency,
                    "exchange_rate": _ONE,
                    "net_amount": sub,
                    "tax_amount": tax,
                    "amount": total,
                    "net_amount_base": sub,
                    "tax_amount_base": tax,
                    "amount_base": total,
                    "created_at": now,
                }
            )
        if paid and paid > 0:
            payments.append(
                {
                    "id": next_payment,
                    "customer_id": cid,
                    "kind": "receipt",
                    "payment_date": _as_date(paid_on if paid_on is not None else day),
                    "amount": paid,
                    "currency": currency,
                    "exchange_rate": _ONE,
                    "amount_base": paid,
                    "method": "other",
                    "reference": number,
                    "created_at": now,
                }
            )
            applied = min(paid, total)
            if invoice_id is not None and applied > 0:
                allocations.append(
                    {
                        "payment_id": next_payment,
                        "invoice_id": invoice_id,
                        "amount": applied,
                        "amount_base": applied,
                        "collected_base": applied,
                    }
                )
            next_payment += 1
    if invoices:
        bind.execute(invoice_t.insert(), invoices)
    if payments:
        bind.execute(payment_t.insert(), payments)
    if allocations:
        bind.execute(allocation_t.insert(), allocations)
    # PostgreSQL: the ids given above did not advance the tables' id sequences.
    reset_sequences(bind, ("invoices", "payments"))


def upgrade() -> None:
    _create_tables()
    with op.batch_alter_table("customers", schema=None, recreate=batch_recreate(op.get_bind())) as batch_op:
        batch_op.add_column(sa.Column("payment_terms", sa.String(length=24), nullable=True))
        batch_op.add_column(sa.Column("credit_limit", sa.Integer(), nullable=True))
        # Recreating would store the reflected default as ('') instead of the models' ''.
        batch_op.alter_column(
            "sort_name", existing_type=sa.String(length=400), server_default=sa.text("''")
        )

    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("exchange_rate", sa.Integer(), nullable=True))
    op.execute(f"UPDATE quotes SET exchange_rate = {_ONE}")
    with op.batch_alter_table("quotes", schema=None, recreate=batch_recreate(op.get_bind())) as batch_op:
        batch_op.alter_column("exchange_rate", existing_type=sa.Integer(), nullable=False)

    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unit", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("net_amount_base", sa.Integer(), nullable=True))
    op.execute("UPDATE order_lines SET net_amount_base = net_amount")
    with op.batch_alter_table("order_lines", schema=None, recreate=batch_recreate(op.get_bind())) as batch_op:
        batch_op.alter_column("net_amount_base", existing_type=sa.Integer(), nullable=False)

    new_columns = (
        ("exchange_rate", sa.Integer()),
        ("tax_mode", sa.String(length=24)),
        ("rounding_policy", sa.String(length=24)),
        ("subtotal_base", sa.Integer()),
        ("tax_total_base", sa.Integer()),
        ("total_base", sa.Integer()),
        ("cost_total_base", sa.Integer()),
    )
    with op.batch_alter_table("orders", schema=None, recreate=batch_recreate(op.get_bind())) as batch_op:
        if is_sqlite(op.get_bind()):
            # Elsewhere alter_column drops the CHECK of its existing (enum) type itself.
            batch_op.drop_constraint(op.f("ck_orders_orderstatus"), type_="check")
        batch_op.alter_column(
            "status",
            existing_type=_enum("orderstatus", *_OLD_STATES),
            type_=sa.String(length=24),
            existing_nullable=False,
        )
        for name, kind in new_columns:
            batch_op.add_column(sa.Column(name, kind, nullable=True))
        batch_op.add_column(sa.Column("payment_terms", sa.String(length=24), nullable=True))
        batch_op.add_column(sa.Column("cancel_reason", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("deleted_at", sa.DateTime(), nullable=True))

    op.execute(
        "INSERT INTO deliveries (order_id, number, delivery_date, created_at)"
        " SELECT id, number, order_date, created_at FROM orders"
        " WHERE status IN ('shipped', 'completed')"
    )
    op.execute(
        "INSERT INTO delivery_lines (delivery_id, order_line_id, quantity)"
        " SELECT d.id, l.id, l.quantity FROM order_lines l"
        " JOIN deliveries d ON d.order_id = l.order_id WHERE l.quantity > 0"
    )
    _move_payments()
    op.execute(
        "UPDATE orders SET status = CASE"
        " WHEN status = 'cancelled' THEN 'cancelled'"
        " WHEN paid_amount >= total AND (status = 'completed' OR paid_amount > 0) THEN 'paid'"
        " WHEN status = 'completed' OR paid_amount > 0 THEN 'invoiced'"
        " WHEN status = 'shipped' THEN 'delivered'"
        " ELSE 'confirmed' END,"
        f" exchange_rate = {_ONE}, tax_mode = 'exclusive', rounding_policy = 'per_line',"
        " subtotal_base = subtotal, tax_total_base = tax_total, total_base = total,"
        " cost_total_base = cost_total"
    )

    with op.batch_alter_table("orders", schema=None, recreate=batch_recreate(op.get_bind())) as batch_op:
        batch_op.drop_index("ix_orders_paid_on")
        batch_op.drop_constraint(op.f("ck_orders_paymentstatus"), type_="check")
        batch_op.drop_column("payment_status")
        batch_op.drop_column("paid_amount")
        batch_op.drop_column("paid_on")
        batch_op.alter_column(
            "status",
            existing_type=sa.String(length=24),
            type_=_enum("orderstatus", *_STATES),
            nullable=False,
        )
        batch_op.alter_column(
            "tax_mode",
            existing_type=sa.String(length=24),
            type_=_enum("taxmode", "exclusive", "inclusive"),
            nullable=False,
        )
        batch_op.alter_column(
            "rounding_policy",
            existing_type=sa.String(length=24),
            type_=_enum("roundingpolicy", "per_line", "per_document"),
            nullable=False,
        )
        for name, kind in new_columns:
            if name not in ("tax_mode", "rounding_policy"):
                batch_op.alter_column(name, existing_type=kind, nullable=False)
        batch_op.create_index("ix_orders_status_order_date", ["status", "order_date"])


def downgrade() -> None:
    with op.batch_alter_table("orders", schema=None, recreate=batch_recreate(op.get_bind())) as batch_op:
        batch_op.drop_index("ix_orders_status_order_date")
        batch_op.drop_constraint(op.f("ck_orders_orderstatus"), type_="check")
        batch_op.alter_column("status", type_=sa.String(length=24), existing_nullable=False)
        batch_op.add_column(sa.Column("payment_status", sa.String(length=24), nullable=True))
        batch_op.add_column(sa.Column("paid_amount", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("paid_on", sa.Date(), nullable=True))
    op.execute(
        "UPDATE orders SET paid_amount = coalesce((SELECT sum(a.amount)"
        " FROM payment_allocations a JOIN invoices i ON i.id = a.invoice_id"
        " WHERE i.order_id = orders.id), 0),"
        " paid_on = (SELECT max(p.payment_date) FROM payment_allocations a"
        " JOIN invoices i ON i.id = a.invoice_id JOIN payments p ON p.id = a.payment_id"
        " WHERE i.order_id = orders.id)"
    )
    op.execute(
        "UPDATE orders SET payment_status = CASE WHEN paid_amount >= total AND total > 0"
        " THEN 'paid' WHEN paid_amount > 0 THEN 'partial' ELSE 'unpaid' END,"
        " status = CASE status WHEN 'cancelled' THEN 'cancelled'"
        " WHEN 'draft' THEN 'open' WHEN 'confirmed' THEN 'open'"
        " WHEN 'partly_delivered' THEN 'shipped' WHEN 'delivered' THEN 'shipped'"
        " ELSE 'completed' END"
    )
    op.execute("DELETE FROM orders WHERE deleted_at IS NOT NULL")
    with op.batch_alter_table("orders", schema=None, recreate=batch_recreate(op.get_bind())) as batch_op:
        batch_op.drop_constraint(op.f("ck_orders_taxmode"), type_="check")
        batch_op.drop_constraint(op.f("ck_orders_roundingpolicy"), type_="check")
        for name in (
            "deleted_at",
            "cancel_reason",
            "payment_terms",
            "cost_total_base",
            "total_base",
            "tax_total_base",
            "subtotal_base",
            "rounding_policy",
            "tax_mode",
            "exchange_rate",
        ):
            batch_op.drop_column(name)
        batch_op.alter_column(
            "status", type_=_enum("orderstatus", *_OLD_STATES), existing_nullable=False
        )
        batch_op.alter_column(
            "payment_status",
            type_=_enum("paymentstatus", "unpaid", "partial", "paid"),
            nullable=False,
        )
        batch_op.alter_column("paid_amount", existing_type=sa.Integer(), nullable=False)
        batch_op.create_index("ix_orders_paid_on", ["paid_on"])
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.drop_column("net_amount_base")
        batch_op.drop_column("unit")
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.drop_column("exchange_rate")
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_column("credit_limit")
        batch_op.drop_column("payment_terms")
    for table in (
        "payment_allocations",
        "payments",
        "invoices",
        "delivery_lines",
        "deliveries",
        "exchange_rates",
    ):
        op.drop_table(table)
