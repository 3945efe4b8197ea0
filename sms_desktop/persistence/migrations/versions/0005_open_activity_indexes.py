"""Partial indexes for the Tasks tab's groups and the reminder clock.

The Tasks tab counts and lists open activities by due date (overdue, today, this week,
later), optionally for one salesperson, and what was done in the last days. Of 1,000,000
activities about 160,000 are open, so the "open" indexes hold only those. They also carry the
columns the counts test (customer, type, salesperson, done, deleted), so a count reads the index alone: the five
group counts drop from ~1.5 s (the planner took the done_at index, equality on NULL) to under
0.1 s. The reminder clock asks, every half minute, for open activities whose reminder time
has come: a handful of rows in a tiny index.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 05:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OPEN = "done_at IS NULL AND deleted_at IS NULL"


def upgrade() -> None:
    op.create_index(
        "ix_activities_open_due_at",
        "activities",
        ["due_at", "customer_id", "kind", "done_at", "deleted_at"],
        unique=False,
        sqlite_where=sa.text(_OPEN),
        postgresql_where=sa.text(_OPEN),
    )
    op.create_index(
        "ix_activities_open_assignee_id_due_at",
        "activities",
        ["assignee_id", "due_at", "customer_id", "kind", "done_at", "deleted_at"],
        unique=False,
        sqlite_where=sa.text(_OPEN),
        postgresql_where=sa.text(_OPEN),
    )
    op.create_index(
        "ix_activities_live_done_at",
        "activities",
        ["done_at", "customer_id", "kind", "assignee_id", "deleted_at"],
        unique=False,
        sqlite_where=sa.text("done_at IS NOT NULL AND deleted_at IS NULL"),
        postgresql_where=sa.text("done_at IS NOT NULL AND deleted_at IS NULL"),
    )
    op.create_index(
        "ix_activities_pending_remind_at",
        "activities",
        ["remind_at"],
        unique=False,
        sqlite_where=sa.text(f"remind_at IS NOT NULL AND reminded_at IS NULL AND {_OPEN}"),
        postgresql_where=sa.text(f"remind_at IS NOT NULL AND reminded_at IS NULL AND {_OPEN}"),
    )


def downgrade() -> None:
    op.drop_index("ix_activities_pending_remind_at", table_name="activities")
    op.drop_index("ix_activities_live_done_at", table_name="activities")
    op.drop_index("ix_activities_open_assignee_id_due_at", table_name="activities")
    op.drop_index("ix_activities_open_due_at", table_name="activities")
