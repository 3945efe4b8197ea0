"""Customers sort by pinyin: a ``sort_name`` column, filled for existing customers.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 03:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from sms_desktop.persistence.dialect import batch_recreate, driver_sql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from sms_desktop.persistence.search import name_sort_key

    # Recreated (not ALTER … ADD COLUMN) so the stored DDL matches a freshly created database.
    with op.batch_alter_table("customers", schema=None, recreate=batch_recreate(op.get_bind())) as batch_op:
        batch_op.add_column(
            sa.Column("sort_name", sa.String(length=400), server_default="", nullable=False)
        )
        batch_op.create_index("ix_customers_sort_name", ["sort_name"], unique=False)
    bind = op.get_bind()
    rows = bind.exec_driver_sql("SELECT id, name FROM customers").all()
    if rows:
        bind.exec_driver_sql(
            driver_sql(bind, "UPDATE customers SET sort_name = ? WHERE id = ?"),
            [(name_sort_key(name or ""), customer_id) for customer_id, name in rows],
        )


def downgrade() -> None:
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_index("ix_customers_sort_name")
        batch_op.drop_column("sort_name")
