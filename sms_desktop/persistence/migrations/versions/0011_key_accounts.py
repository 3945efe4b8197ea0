"""Key accounts: the computed scores of each customer, tiers set by hand, and dismissed
next-best actions.

New tables only: existing customers, orders and plans are untouched; the scores are filled by
the first recomputation.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 08:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=24)


_SEGMENTS = (
    "champions",
    "loyal",
    "potential",
    "at_risk",
    "regular",
    "new",
    "need_attention",
    "hibernating",
)
_TIERS = ("strategic", "key", "develop", "standard")
_KINDS = (
    "quote_expiring",
    "low_satisfaction",
    "health_dropped",
    "reorder_due",
    "not_contacted",
    "deal_no_next_step",
    "white_space",
)


def upgrade() -> None:
    op.create_table(
        "account_scores",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("recency_days", sa.Integer(), nullable=False),
        sa.Column("frequency", sa.Integer(), nullable=False),
        sa.Column("monetary", sa.Integer(), nullable=False),
        sa.Column("r", sa.Integer(), nullable=False),
        sa.Column("f", sa.Integer(), nullable=False),
        sa.Column("m", sa.Integer(), nullable=False),
        sa.Column("rfm_segment", _enum("rfmsegment", *_SEGMENTS), nullable=False),
        sa.Column("abc", _enum("abcclass", "A", "B", "C"), nullable=False),
        sa.Column("abc_rank", sa.Integer(), nullable=False),
        sa.Column("period_revenue", sa.Integer(), nullable=False),
        sa.Column("clv_history", sa.Integer(), nullable=False),
        sa.Column("clv_next_12m", sa.Integer(), nullable=False),
        sa.Column("clv", sa.Integer(), nullable=False),
        sa.Column("p_alive", sa.Integer(), nullable=False),
        sa.Column("interval_days", sa.Integer(), nullable=False),
        sa.Column("health", sa.Integer(), nullable=True),
        sa.Column("health_reorder", sa.Integer(), nullable=True),
        sa.Column("health_trend", sa.Integer(), nullable=True),
        sa.Column("health_satisfaction", sa.Integer(), nullable=True),
        sa.Column("health_contact", sa.Integer(), nullable=True),
        sa.Column("health_receivables", sa.Integer(), nullable=True),
        sa.Column("health_baseline", sa.Integer(), nullable=True),
        sa.Column("health_baseline_on", sa.Date(), nullable=True),
        sa.Column("value_score", sa.Integer(), nullable=False),
        sa.Column("potential_score", sa.Integer(), nullable=True),
        sa.Column("fit_score", sa.Integer(), nullable=True),
        sa.Column("growth_score", sa.Integer(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("tier", _enum("tier", *_TIERS), nullable=False),
        sa.Column("computed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_account_scores_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_account_scores")),
    )
    op.create_index("ix_account_scores_score", "account_scores", ["score"], unique=False)
    op.create_index(
        "ix_account_scores_tier_score", "account_scores", ["tier", "score"], unique=False
    )
    op.create_table(
        "account_tier_overrides",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("tier", _enum("tier", *_TIERS), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("set_by_id", sa.Integer(), nullable=True),
        sa.Column("set_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_account_tier_overrides_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["set_by_id"],
            ["salespeople.id"],
            name=op.f("fk_account_tier_overrides_set_by_id_salespeople"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_account_tier_overrides")),
    )
    op.create_table(
        "next_action_dismissals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", _enum("nextactionkind", *_KINDS), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("dismissed_by_id", sa.Integer(), nullable=True),
        sa.Column("dismissed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_next_action_dismissals_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["dismissed_by_id"],
            ["salespeople.id"],
            name=op.f("fk_next_action_dismissals_dismissed_by_id_salespeople"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_next_action_dismissals")),
    )
    op.create_index(
        "ix_next_action_dismissals_customer_id",
        "next_action_dismissals",
        ["customer_id", "kind"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_next_action_dismissals_customer_id", table_name="next_action_dismissals")
    op.drop_table("next_action_dismissals")
    op.drop_table("account_tier_overrides")
    op.drop_index("ix_account_scores_tier_score", table_name="account_scores")
    op.drop_index("ix_account_scores_score", table_name="account_scores")
    op.drop_table("account_scores")
