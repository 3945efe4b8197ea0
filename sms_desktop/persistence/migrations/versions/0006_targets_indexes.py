"""Indexes for the targets table's actuals: activities done, payments, deals won by date.

The attainment of a quarter counts the activities done in it per assignee, sums the payments
received in it and counts the deals won in it. On the 100,000-customer database a quarter
holds ~280,000 done activities: reading their table rows to find the assignee took ~1.7 s;
the partial index ``(assignee_id, done_at)`` of live activities lets each salesperson's
count be one range of the index (~50 ms for all of them). Payments (``paid_on``) and won
deals (``closed_on``) had no index at all (full scans of orders and opportunities, ~100 ms
each).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 05:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_activities_live_assignee_id_done_at",
        "activities",
        ["assignee_id", "done_at"],
        unique=False,
        sqlite_where=sa.text("deleted_at IS NULL"),
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.create_index("ix_orders_paid_on", "orders", ["paid_on"], unique=False)
    op.create_index(
        "ix_opportunities_won_closed_on_owner_id",
        "opportunities",
        ["closed_on", "owner_id"],
        unique=False,
        sqlite_where=sa.text("status = 'won' AND deleted_at IS NULL"),
        postgresql_where=sa.text("status = 'won' AND deleted_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_opportunities_won_closed_on_owner_id", table_name="opportunities")
    op.drop_index("ix_orders_paid_on", table_name="orders")
    op.drop_index("ix_activities_live_assignee_id_done_at", table_name="activities")
