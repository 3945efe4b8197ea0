"""Partial indexes on the open activities: the Tasks tab's groups and the reminder clock.

The Tasks tab counts and lists open activities by due date (overdue, today, this week,
later), optionally for one salesperson. Of 1,000,000 activities about 160,000 are open, so
these indexes hold only those; counting "overdue" no longer reads every past (done) row of
the full due-date index. The reminder clock asks, every half minute, for open activities whose
reminder time has come and that were not reminded yet: a handful of rows in a tiny index.

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
        ["due_at"],
        unique=False,
        sqlite_where=sa.text(_OPEN),
    )
    op.create_index(
        "ix_activities_open_assignee_id_due_at",
        "activities",
        ["assignee_id", "due_at"],
        unique=False,
        sqlite_where=sa.text(_OPEN),
    )
    op.create_index(
        "ix_activities_pending_remind_at",
        "activities",
        ["remind_at"],
        unique=False,
        sqlite_where=sa.text(f"remind_at IS NOT NULL AND reminded_at IS NULL AND {_OPEN}"),
    )


def downgrade() -> None:
    op.drop_index("ix_activities_pending_remind_at", table_name="activities")
    op.drop_index("ix_activities_open_assignee_id_due_at", table_name="activities")
    op.drop_index("ix_activities_open_due_at", table_name="activities")
