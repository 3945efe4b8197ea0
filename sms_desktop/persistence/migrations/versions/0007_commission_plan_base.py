"""Commission plans name their base: ``base`` replaces ``basis``; existing plans keep their figures.

Revenue is now defined once, net of tax (``domain/revenue.py``). Before, a revenue plan paid on
the orders' tax-included totals; such plans get ``revenue_gross`` so every statement already
computed reads the same after the upgrade, and margin plans stay on the margin. New plans
default to net revenue (in the models, not here).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 00:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from sms_desktop.persistence.dialect import batch_recreate

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BASES = ("revenue_net", "revenue_gross", "margin", "collected")


def upgrade() -> None:
    with op.batch_alter_table("commission_plans", schema=None) as batch_op:
        batch_op.add_column(sa.Column("base", sa.String(length=24), nullable=True))
    op.execute(
        "UPDATE commission_plans"
        " SET base = CASE basis WHEN 'margin' THEN 'margin' ELSE 'revenue_gross' END"
    )
    # Recreated: drops ``basis`` with its CHECK and adds the CHECK of ``base``.
    with op.batch_alter_table("commission_plans", schema=None, recreate=batch_recreate(op.get_bind())) as batch_op:
        batch_op.drop_constraint(op.f("ck_commission_plans_commissionbasis"), type_="check")
        batch_op.drop_column("basis")
        batch_op.alter_column(
            "base",
            existing_type=sa.String(length=24),
            type_=sa.Enum(
                *_BASES,
                name="commissionbase",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("commission_plans", schema=None) as batch_op:
        batch_op.add_column(sa.Column("basis", sa.String(length=24), nullable=True))
    op.execute(
        "UPDATE commission_plans"
        " SET basis = CASE base WHEN 'margin' THEN 'margin' ELSE 'revenue' END"
    )
    with op.batch_alter_table("commission_plans", schema=None, recreate=batch_recreate(op.get_bind())) as batch_op:
        batch_op.drop_constraint(op.f("ck_commission_plans_commissionbase"), type_="check")
        batch_op.drop_column("base")
        batch_op.alter_column(
            "basis",
            existing_type=sa.String(length=24),
            type_=sa.Enum(
                "revenue",
                "margin",
                name="commissionbasis",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        )
