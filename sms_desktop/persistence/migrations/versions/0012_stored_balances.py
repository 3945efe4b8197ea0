"""Stored balances for the receivables of today: what payments applied to each invoice
(``invoices.paid_base``) and what of each payment is not applied (``payments.unapplied_base``,
the customer's credit), with partial indexes on the open ones.

Both are filled from the existing allocations, so every balance reads as before.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 13:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from sms_desktop.persistence.dialect import batch_recreate

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Rebuilt (not ALTER TABLE … ADD COLUMN), so the stored DDL reads as create_all writes it.
    with op.batch_alter_table("invoices", recreate=batch_recreate(op.get_bind())) as batch:
        batch.add_column(sa.Column("paid_base", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("payments", recreate=batch_recreate(op.get_bind())) as batch:
        batch.add_column(
            sa.Column("unapplied_base", sa.Integer(), nullable=False, server_default="0")
        )
    invoices = sa.table("invoices", sa.column("id"), sa.column("paid_base"))
    payments = sa.table(
        "payments", sa.column("id"), sa.column("amount_base"), sa.column("unapplied_base")
    )
    allocations = sa.table(
        "payment_allocations",
        sa.column("invoice_id"),
        sa.column("payment_id"),
        sa.column("amount_base"),
        sa.column("collected_base"),
    )
    op.execute(
        invoices.update().values(
            paid_base=sa.select(sa.func.coalesce(sa.func.sum(allocations.c.amount_base), 0))
            .where(allocations.c.invoice_id == invoices.c.id)
            .scalar_subquery()
        )
    )
    op.execute(
        payments.update().values(
            unapplied_base=payments.c.amount_base
            - sa.select(sa.func.coalesce(sa.func.sum(allocations.c.collected_base), 0))
            .where(allocations.c.payment_id == payments.c.id)
            .scalar_subquery()
        )
    )
    op.create_index(
        "ix_invoices_open",
        "invoices",
        ["due_date"],
        sqlite_where=sa.text("amount_base > paid_base"),
        postgresql_where=sa.text("amount_base > paid_base"),
    )
    op.create_index(
        "ix_payments_unapplied",
        "payments",
        ["customer_id"],
        sqlite_where=sa.text("unapplied_base <> 0"),
        postgresql_where=sa.text("unapplied_base <> 0"),
    )


def downgrade() -> None:
    op.drop_index("ix_payments_unapplied", "payments")
    op.drop_index("ix_invoices_open", "invoices")
    with op.batch_alter_table("payments") as batch:
        batch.drop_column("unapplied_base")
    with op.batch_alter_table("invoices") as batch:
        batch.drop_column("paid_base")
