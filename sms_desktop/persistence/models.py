"""The whole data model (typed SQLAlchemy ORM); later features add behaviour, not tables."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Connection,
    Date,
    Enum,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    event,
    false,
    func,
    select,
    text,
    update,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from sms_desktop.domain.currency import to_base
from sms_desktop.domain.enums import (
    AccountPlanStatus,
    ActivityKind,
    AuditAction,
    BuyingRole,
    CustomerKind,
    DocumentLanguage,
    FollowUpTrigger,
    InteractionKind,
    OpportunityStatus,
    OrderSource,
    OrderStatus,
    PaymentKind,
    PaymentMethod,
    PeriodKind,
    QuoteLineKind,
    QuoteStatus,
    RecurrenceUnit,
    RoundingPolicy,
    SalespersonRole,
    StageKind,
    TargetMetric,
    TaxMode,
)
from sms_desktop.domain.next_actions import NextActionKind
from sms_desktop.domain.revenue import DEFAULT_COMMISSION_BASE, CommissionBase
from sms_desktop.domain.segmentation import AbcClass, RfmSegment, Tier
from sms_desktop.persistence.base import (
    Base,
    Money,
    Percent,
    Quantity,
    Rate,
    UTCDateTime,
    utcnow,
)


def _enum(kind: type[enum.Enum]) -> Enum:
    """Store a StrEnum by value, guarded by a named CHECK constraint."""
    return Enum(
        kind,
        native_enum=False,
        create_constraint=True,
        length=24,
        name=kind.__name__.lower(),
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


def _fk(target: str, ondelete: str = "RESTRICT") -> ForeignKey:
    return ForeignKey(target, ondelete=ondelete)


class _Timestamps:
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class _SoftDelete:
    """Rows with ``deleted_at`` set are in the trash and hidden from every list."""

    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


# ------------------------------------------------------------------------------- people


class Salesperson(_Timestamps, Base):
    """A team member; exactly one is the owner of the business."""

    __tablename__ = "salespeople"
    __table_args__ = (
        Index(
            "uq_salespeople_one_owner",
            "role",
            unique=True,
            sqlite_where=text("role = 'owner'"),
            postgresql_where=text("role = 'owner'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    name_en: Mapped[str | None] = mapped_column(String(80))
    role: Mapped[SalespersonRole] = mapped_column(
        _enum(SalespersonRole), default=SalespersonRole.SALES
    )
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    hire_date: Mapped[date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


# ---------------------------------------------------------------------------- customers


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    color: Mapped[str | None] = mapped_column(String(9))


class CustomerTag(Base):
    __tablename__ = "customer_tags"
    __table_args__ = (Index("ix_customer_tags_tag_id", "tag_id"),)

    customer_id: Mapped[int] = mapped_column(_fk("customers.id", "CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(_fk("tags.id", "CASCADE"), primary_key=True)


class Customer(_Timestamps, _SoftDelete, Base):
    """A company or a person we sell to."""

    __tablename__ = "customers"
    __table_args__ = (
        CheckConstraint("strategic_fit BETWEEN 1 AND 5", name="strategic_fit_range"),
        CheckConstraint("potential_value >= 0", name="potential_value_positive"),
        Index("ix_customers_name", "name"),
        # The live customers in list order: counting them reads this small index, not the table.
        Index(
            "ix_customers_live_sort_name",
            "sort_name",
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
        Index("ix_customers_owner_id", "owner_id"),
        Index("ix_customers_city", "city"),
        Index("ix_customers_tier", "tier"),
        Index("ix_customers_tax_id", "tax_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[CustomerKind] = mapped_column(_enum(CustomerKind), default=CustomerKind.COMPANY)
    name: Mapped[str] = mapped_column(String(200))
    # Pinyin for Chinese names, kept by the search index sync: lists sort on it.
    sort_name: Mapped[str] = mapped_column(String(400), default="", server_default=text("''"))
    name_en: Mapped[str | None] = mapped_column(String(200))
    industry: Mapped[str | None] = mapped_column(String(80))
    source: Mapped[str | None] = mapped_column(String(80))
    province: Mapped[str | None] = mapped_column(String(40))
    city: Mapped[str | None] = mapped_column(String(80))
    address: Mapped[str | None] = mapped_column(String(300))
    postal_code: Mapped[str | None] = mapped_column(String(20))
    country: Mapped[str | None] = mapped_column(String(80))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    website: Mapped[str | None] = mapped_column(String(200))
    tax_id: Mapped[str | None] = mapped_column(String(40))  # 统一社会信用代码
    tier: Mapped[str | None] = mapped_column(String(20))  # price tier, e.g. A/B/C
    segment: Mapped[str | None] = mapped_column(String(20))  # computed ABC/RFM class
    potential_value: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    payment_terms: Mapped[str | None] = mapped_column(String(24))  # domain.orders.PaymentTerms
    credit_limit: Mapped[Decimal | None] = mapped_column(Money)  # None: no limit
    strategic_fit: Mapped[int | None]
    owner_id: Mapped[int | None] = mapped_column(_fk("salespeople.id", "SET NULL"))
    quote_language: Mapped[DocumentLanguage | None] = mapped_column(_enum(DocumentLanguage))
    notes: Mapped[str | None] = mapped_column(Text)
    merged_into_id: Mapped[int | None] = mapped_column(_fk("customers.id", "SET NULL"))

    owner: Mapped[Salesperson | None] = relationship()
    contacts: Mapped[list[Contact]] = relationship(back_populates="customer")


class CustomerStats(Base):
    """Per-customer figures kept current by the services, so lists sort on them in SQL."""

    __tablename__ = "customer_stats"
    __table_args__ = (
        Index("ix_customer_stats_revenue_12m", "revenue_12m"),
        Index("ix_customer_stats_last_interaction_at", "last_interaction_at"),
    )

    customer_id: Mapped[int] = mapped_column(_fk("customers.id", "CASCADE"), primary_key=True)
    first_order_date: Mapped[date | None] = mapped_column(Date)
    last_order_date: Mapped[date | None] = mapped_column(Date)
    orders_count: Mapped[int] = mapped_column(default=0)
    revenue_lifetime: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    revenue_12m: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    open_pipeline: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    open_tasks: Mapped[int] = mapped_column(default=0)
    last_interaction_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    refreshed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Contact(_Timestamps, _SoftDelete, Base):
    """A person at a customer."""

    __tablename__ = "contacts"
    __table_args__ = (
        Index("ix_contacts_customer_id", "customer_id"),
        Index("ix_contacts_name", "name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(_fk("customers.id", "CASCADE"))
    name: Mapped[str] = mapped_column(String(80))
    title: Mapped[str | None] = mapped_column(String(80))
    buying_role: Mapped[BuyingRole | None] = mapped_column(_enum(BuyingRole))
    phone: Mapped[str | None] = mapped_column(String(40))
    mobile: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    wechat: Mapped[str | None] = mapped_column(String(80))
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)

    customer: Mapped[Customer] = relationship(back_populates="contacts")


class Interaction(_Timestamps, Base):
    """One entry of a customer's history: a call, a visit, a WeChat, feedback …"""

    __tablename__ = "interactions"
    __table_args__ = (
        CheckConstraint("satisfaction BETWEEN 1 AND 5", name="satisfaction_range"),
        Index("ix_interactions_customer_id_occurred_at", "customer_id", "occurred_at"),
        Index("ix_interactions_salesperson_id", "salesperson_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(_fk("customers.id", "CASCADE"))
    contact_id: Mapped[int | None] = mapped_column(_fk("contacts.id", "SET NULL"))
    salesperson_id: Mapped[int | None] = mapped_column(_fk("salespeople.id", "SET NULL"))
    kind: Mapped[InteractionKind] = mapped_column(_enum(InteractionKind))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    summary: Mapped[str] = mapped_column(Text, default="")
    satisfaction: Mapped[int | None]


# ----------------------------------------------------------------------------- pipeline


class PipelineStage(Base):
    """A column of the board; won and lost are terminal stages."""

    __tablename__ = "pipeline_stages"
    __table_args__ = (
        CheckConstraint("default_probability BETWEEN 0 AND 100", name="probability_range"),
        CheckConstraint("stale_after_days IS NULL OR stale_after_days > 0", name="stale_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    name_zh: Mapped[str] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(40))
    position: Mapped[int]
    kind: Mapped[StageKind] = mapped_column(_enum(StageKind), default=StageKind.OPEN)
    default_probability: Mapped[int]
    stale_after_days: Mapped[int | None]
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class LostReason(Base):
    __tablename__ = "lost_reasons"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(80))
    name_en: Mapped[str] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(default=0)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class Opportunity(_Timestamps, _SoftDelete, Base):
    """A lead or deal moving through the pipeline stages."""

    __tablename__ = "opportunities"
    __table_args__ = (
        CheckConstraint("amount >= 0", name="amount_positive"),
        CheckConstraint("probability_override BETWEEN 0 AND 100", name="probability_range"),
        Index("ix_opportunities_customer_id", "customer_id"),
        Index("ix_opportunities_status_stage_id", "status", "stage_id"),
        Index("ix_opportunities_owner_id", "owner_id"),
        Index("ix_opportunities_expected_close", "expected_close"),
        # Deals won in a period, per owner (the targets table).
        Index(
            "ix_opportunities_won_closed_on_owner_id",
            "closed_on",
            "owner_id",
            sqlite_where=text("status = 'won' AND deleted_at IS NULL"),
            postgresql_where=text("status = 'won' AND deleted_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(_fk("customers.id"))
    contact_id: Mapped[int | None] = mapped_column(_fk("contacts.id", "SET NULL"))
    title: Mapped[str] = mapped_column(String(200))
    amount: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    stage_id: Mapped[int] = mapped_column(_fk("pipeline_stages.id"))
    probability_override: Mapped[int | None]
    expected_close: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(String(80))
    owner_id: Mapped[int | None] = mapped_column(_fk("salespeople.id", "SET NULL"))
    status: Mapped[OpportunityStatus] = mapped_column(
        _enum(OpportunityStatus), default=OpportunityStatus.OPEN
    )
    lost_reason_id: Mapped[int | None] = mapped_column(_fk("lost_reasons.id", "SET NULL"))
    lost_note: Mapped[str | None] = mapped_column(Text)
    competitors: Mapped[str | None] = mapped_column(String(300))
    next_step: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    stage_changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_on: Mapped[date | None] = mapped_column(Date)
    # Flagged "commit" by hand: in the pipeline forecast whatever its probability (#16).
    # false(): DEFAULT 0 on SQLite, DEFAULT false on PostgreSQL (which has a real boolean).
    forecast_commit: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    customer: Mapped[Customer] = relationship()
    stage: Mapped[PipelineStage] = relationship()


class StageChange(Base):
    """The stage history of an opportunity: from, to, when, by whom."""

    __tablename__ = "opportunity_stage_history"
    __table_args__ = (
        Index("ix_opportunity_stage_history_opportunity_id", "opportunity_id", "changed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    opportunity_id: Mapped[int] = mapped_column(_fk("opportunities.id", "CASCADE"))
    from_stage_id: Mapped[int | None] = mapped_column(_fk("pipeline_stages.id"))
    to_stage_id: Mapped[int] = mapped_column(_fk("pipeline_stages.id"))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    changed_by_id: Mapped[int | None] = mapped_column(_fk("salespeople.id", "SET NULL"))


# ------------------------------------------------------------------- tasks & activities


class FollowUpPlan(_Timestamps, Base):
    """A named template of follow-up steps (e.g. after an order: call, 回访, re-order check)."""

    __tablename__ = "follow_up_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    trigger: Mapped[FollowUpTrigger] = mapped_column(
        _enum(FollowUpTrigger), default=FollowUpTrigger.MANUAL
    )
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    steps: Mapped[list[FollowUpStep]] = relationship(
        back_populates="plan", order_by="FollowUpStep.position", cascade="all, delete-orphan"
    )


class FollowUpStep(Base):
    __tablename__ = "follow_up_steps"
    __table_args__ = (
        UniqueConstraint("plan_id", "position"),
        CheckConstraint("offset_days >= 0", name="offset_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(_fk("follow_up_plans.id", "CASCADE"))
    position: Mapped[int]
    offset_days: Mapped[int]
    kind: Mapped[ActivityKind] = mapped_column(_enum(ActivityKind))
    subject: Mapped[str] = mapped_column(String(200))
    with_survey: Mapped[bool] = mapped_column(Boolean, default=False)

    plan: Mapped[FollowUpPlan] = relationship(back_populates="steps")


_OPEN_ACTIVITY = "done_at IS NULL AND deleted_at IS NULL"


class Activity(_Timestamps, _SoftDelete, Base):
    """A task or activity assigned to a salesperson; done ones feed the timeline."""

    __tablename__ = "activities"
    __table_args__ = (
        CheckConstraint(
            "recurrence_interval IS NULL OR recurrence_interval > 0", name="recurrence_positive"
        ),
        Index("ix_activities_assignee_id_due_at", "assignee_id", "due_at"),
        Index("ix_activities_due_at", "due_at"),
        Index("ix_activities_customer_id", "customer_id"),
        Index("ix_activities_opportunity_id", "opportunity_id"),
        Index("ix_activities_done_at", "done_at"),
        # The targets table counts the done activities of a period per assignee from here.
        Index(
            "ix_activities_live_assignee_id_done_at",
            "assignee_id",
            "done_at",
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
        # The pipeline board's "next activity" of each deal: one seek per open deal.
        Index(
            "ix_activities_open_opportunity_id_due_at",
            "opportunity_id",
            "due_at",
            sqlite_where=text(
                "opportunity_id IS NOT NULL AND done_at IS NULL AND deleted_at IS NULL"
            ),
            postgresql_where=text(
                "opportunity_id IS NOT NULL AND done_at IS NULL AND deleted_at IS NULL"
            ),
        ),
        # The Tasks tab's groups (overdue, today …, done lately): counts read these alone.
        Index(
            "ix_activities_open_due_at",
            "due_at",
            "customer_id",
            "kind",
            "done_at",
            "deleted_at",
            sqlite_where=text(_OPEN_ACTIVITY),
            postgresql_where=text(_OPEN_ACTIVITY),
        ),
        Index(
            "ix_activities_open_assignee_id_due_at",
            "assignee_id",
            "due_at",
            "customer_id",
            "kind",
            "done_at",
            "deleted_at",
            sqlite_where=text(_OPEN_ACTIVITY),
            postgresql_where=text(_OPEN_ACTIVITY),
        ),
        Index(
            "ix_activities_live_done_at",
            "done_at",
            "customer_id",
            "kind",
            "assignee_id",
            "deleted_at",
            sqlite_where=text("done_at IS NOT NULL AND deleted_at IS NULL"),
            postgresql_where=text("done_at IS NOT NULL AND deleted_at IS NULL"),
        ),
        Index(
            "ix_activities_pending_remind_at",
            "remind_at",
            sqlite_where=text(
                f"remind_at IS NOT NULL AND reminded_at IS NULL AND {_OPEN_ACTIVITY}"
            ),
            postgresql_where=text(
                f"remind_at IS NOT NULL AND reminded_at IS NULL AND {_OPEN_ACTIVITY}"
            ),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[ActivityKind] = mapped_column(_enum(ActivityKind))
    subject: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    all_day: Mapped[bool] = mapped_column(Boolean, default=True)
    duration_minutes: Mapped[int | None]
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    outcome: Mapped[str | None] = mapped_column(Text)
    assignee_id: Mapped[int | None] = mapped_column(_fk("salespeople.id", "SET NULL"))
    customer_id: Mapped[int | None] = mapped_column(_fk("customers.id", "CASCADE"))
    contact_id: Mapped[int | None] = mapped_column(_fk("contacts.id", "SET NULL"))
    opportunity_id: Mapped[int | None] = mapped_column(_fk("opportunities.id", "SET NULL"))
    remind_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    recurrence_unit: Mapped[RecurrenceUnit | None] = mapped_column(_enum(RecurrenceUnit))
    recurrence_interval: Mapped[int | None]
    recurrence_until: Mapped[date | None] = mapped_column(Date)
    previous_id: Mapped[int | None] = mapped_column(_fk("activities.id", "SET NULL"))
    follow_up_plan_id: Mapped[int | None] = mapped_column(_fk("follow_up_plans.id", "SET NULL"))
    with_survey: Mapped[bool] = mapped_column(Boolean, default=False)


# -------------------------------------------------------------- products, prices, quotes


class ProductCategory(Base):
    __tablename__ = "product_categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(80))
    name_en: Mapped[str] = mapped_column(String(80))
    parent_id: Mapped[int | None] = mapped_column(_fk("product_categories.id", "SET NULL"))


class Product(_Timestamps, _SoftDelete, Base):
    __tablename__ = "products"
    __table_args__ = (
        CheckConstraint("list_price >= 0", name="list_price_positive"),
        CheckConstraint("cost >= 0", name="cost_positive"),
        CheckConstraint("tax_rate >= 0 AND tax_rate < 10000", name="tax_rate_range"),
        Index("ix_products_category_id", "category_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(60), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(20))
    category_id: Mapped[int | None] = mapped_column(_fk("product_categories.id", "SET NULL"))
    list_price: Mapped[Decimal] = mapped_column(Money)
    cost: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    tax_rate: Mapped[Decimal] = mapped_column(Percent)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    stock: Mapped[Decimal | None] = mapped_column(Quantity)

    category: Mapped[ProductCategory | None] = relationship()


class PriceList(_Timestamps, Base):
    """Prices for a customer tier or for one customer; the most specific rule wins."""

    __tablename__ = "price_lists"
    __table_args__ = (Index("ix_price_lists_customer_id", "customer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    customer_tier: Mapped[str | None] = mapped_column(String(20))
    customer_id: Mapped[int | None] = mapped_column(_fk("customers.id", "CASCADE"))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    rules: Mapped[list[PriceRule]] = relationship(
        back_populates="price_list", cascade="all, delete-orphan"
    )


class PriceRule(Base):
    __tablename__ = "price_rules"
    __table_args__ = (
        CheckConstraint(
            "(discount_percent IS NULL) <> (fixed_price IS NULL)", name="discount_xor_fixed"
        ),
        CheckConstraint("min_quantity >= 0", name="min_quantity_positive"),
        Index("ix_price_rules_price_list_id", "price_list_id"),
        Index("ix_price_rules_product_id", "product_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    price_list_id: Mapped[int] = mapped_column(_fk("price_lists.id", "CASCADE"))
    product_id: Mapped[int | None] = mapped_column(_fk("products.id", "CASCADE"))
    category_id: Mapped[int | None] = mapped_column(_fk("product_categories.id", "CASCADE"))
    min_quantity: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    discount_percent: Mapped[Decimal | None] = mapped_column(Percent)
    fixed_price: Mapped[Decimal | None] = mapped_column(Money)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)

    price_list: Mapped[PriceList] = relationship(back_populates="rules")


class Quote(_Timestamps, _SoftDelete, Base):
    """One revision of a quote; a sent revision is immutable."""

    __tablename__ = "quotes"
    __table_args__ = (
        UniqueConstraint("number", "revision"),
        CheckConstraint("revision >= 1", name="revision_positive"),
        Index("ix_quotes_customer_id", "customer_id"),
        Index("ix_quotes_status_valid_until", "status", "valid_until"),
        Index("ix_quotes_issue_date", "issue_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40))
    revision: Mapped[int] = mapped_column(default=1)  # 1 → rev A
    customer_id: Mapped[int] = mapped_column(_fk("customers.id"))
    contact_id: Mapped[int | None] = mapped_column(_fk("contacts.id", "SET NULL"))
    opportunity_id: Mapped[int | None] = mapped_column(_fk("opportunities.id", "SET NULL"))
    owner_id: Mapped[int | None] = mapped_column(_fk("salespeople.id", "SET NULL"))
    status: Mapped[QuoteStatus] = mapped_column(_enum(QuoteStatus), default=QuoteStatus.DRAFT)
    issue_date: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    # The rate of the issue date to the company currency (1 for the company currency).
    exchange_rate: Mapped[Decimal] = mapped_column(Rate, default=Decimal(1))
    tax_mode: Mapped[TaxMode] = mapped_column(_enum(TaxMode), default=TaxMode.EXCLUSIVE)
    rounding_policy: Mapped[RoundingPolicy] = mapped_column(
        _enum(RoundingPolicy), default=RoundingPolicy.PER_LINE
    )
    language: Mapped[DocumentLanguage | None] = mapped_column(_enum(DocumentLanguage))
    notes: Mapped[str | None] = mapped_column(Text)
    terms: Mapped[str | None] = mapped_column(Text)
    subtotal: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    discount_total: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    tax_total: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    total: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    margin_override_reason: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    lines: Mapped[list[QuoteLine]] = relationship(
        back_populates="quote", order_by="QuoteLine.position", cascade="all, delete-orphan"
    )


class QuoteLine(Base):
    __tablename__ = "quote_lines"
    __table_args__ = (
        UniqueConstraint("quote_id", "position"),
        CheckConstraint("quantity >= 0", name="quantity_positive"),
        Index("ix_quote_lines_product_id", "product_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    quote_id: Mapped[int] = mapped_column(_fk("quotes.id", "CASCADE"))
    position: Mapped[int]
    kind: Mapped[QuoteLineKind] = mapped_column(_enum(QuoteLineKind), default=QuoteLineKind.ITEM)
    product_id: Mapped[int | None] = mapped_column(_fk("products.id", "SET NULL"))
    description: Mapped[str] = mapped_column(Text, default="")
    quantity: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    unit: Mapped[str | None] = mapped_column(String(20))
    unit_price: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    discount_percent: Mapped[Decimal] = mapped_column(Percent, default=Decimal(0))
    tax_rate: Mapped[Decimal] = mapped_column(Percent, default=Decimal(0))
    price_rule_note: Mapped[str | None] = mapped_column(String(200))
    manual_price: Mapped[bool] = mapped_column(Boolean, default=False)
    unit_cost: Mapped[Decimal | None] = mapped_column(Money)
    net_amount: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    tax_amount: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    total_amount: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))

    quote: Mapped[Quote] = relationship(back_populates="lines")


# -------------------------------------------------------------------------------- orders


class Order(_Timestamps, _SoftDelete, Base):
    """A sale: entered by hand, from an accepted quote, or imported history.

    Amounts are in the order's ``currency``; the ``*_base`` columns hold them in the company
    currency at the stored ``exchange_rate`` of the order date, so every sum is a plain SUM
    and history does not change when rates do. Only drafts go to the trash.
    """

    __tablename__ = "orders"
    __table_args__ = (
        Index("ix_orders_customer_id_order_date", "customer_id", "order_date"),
        Index("ix_orders_order_date", "order_date"),
        Index("ix_orders_owner_id_order_date", "owner_id", "order_date"),
        Index("ix_orders_status_order_date", "status", "order_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    customer_id: Mapped[int] = mapped_column(_fk("customers.id"))
    quote_id: Mapped[int | None] = mapped_column(_fk("quotes.id", "SET NULL"))
    opportunity_id: Mapped[int | None] = mapped_column(_fk("opportunities.id", "SET NULL"))
    owner_id: Mapped[int | None] = mapped_column(_fk("salespeople.id", "SET NULL"))
    order_date: Mapped[date] = mapped_column(Date)
    status: Mapped[OrderStatus] = mapped_column(_enum(OrderStatus), default=OrderStatus.CONFIRMED)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    exchange_rate: Mapped[Decimal] = mapped_column(Rate, default=Decimal(1))
    tax_mode: Mapped[TaxMode] = mapped_column(_enum(TaxMode), default=TaxMode.EXCLUSIVE)
    rounding_policy: Mapped[RoundingPolicy] = mapped_column(
        _enum(RoundingPolicy), default=RoundingPolicy.PER_LINE
    )
    subtotal: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    tax_total: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    total: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    cost_total: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    subtotal_base: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    tax_total_base: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    total_base: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    cost_total_base: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    payment_terms: Mapped[str | None] = mapped_column(String(24))  # the customer's, at entry
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    source: Mapped[OrderSource] = mapped_column(_enum(OrderSource), default=OrderSource.MANUAL)
    external_ref: Mapped[str | None] = mapped_column(String(80))
    import_batch_id: Mapped[int | None] = mapped_column(_fk("import_batches.id", "SET NULL"))
    notes: Mapped[str | None] = mapped_column(Text)

    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", order_by="OrderLine.position", cascade="all, delete-orphan"
    )


class OrderLine(Base):
    __tablename__ = "order_lines"
    __table_args__ = (
        UniqueConstraint("order_id", "position"),
        Index("ix_order_lines_product_id", "product_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(_fk("orders.id", "CASCADE"))
    position: Mapped[int]
    product_id: Mapped[int | None] = mapped_column(_fk("products.id", "SET NULL"))
    description: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[str | None] = mapped_column(String(20))
    quantity: Mapped[Decimal] = mapped_column(Quantity)
    unit_price: Mapped[Decimal] = mapped_column(Money)
    discount_percent: Mapped[Decimal] = mapped_column(Percent, default=Decimal(0))
    tax_rate: Mapped[Decimal] = mapped_column(Percent, default=Decimal(0))
    unit_cost: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    net_amount: Mapped[Decimal] = mapped_column(Money)
    tax_amount: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    total_amount: Mapped[Decimal] = mapped_column(Money)
    net_amount_base: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))

    order: Mapped[Order] = relationship(back_populates="lines")


def _fill_base_amounts(session: Session, _context: object, _instances: object) -> None:
    """Keep every order's (and order line's) company-currency amounts equal to its amounts at
    its stored rate, whoever writes it through the ORM (services, imports, tests)."""
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, Order):
            rate: Decimal | None = obj.exchange_rate  # None until its default is applied
            if rate is None:
                rate = obj.exchange_rate = Decimal(1)
            obj.subtotal_base = to_base(obj.subtotal or Decimal(0), rate)
            obj.tax_total_base = to_base(obj.tax_total or Decimal(0), rate)
            obj.total_base = to_base(obj.total or Decimal(0), rate)
            obj.cost_total_base = to_base(obj.cost_total or Decimal(0), rate)
            if "lines" in obj.__dict__:
                for line in obj.lines:
                    line.net_amount_base = to_base(line.net_amount, rate)
        elif isinstance(obj, OrderLine):
            order: Order | None = obj.order  # None when added by its order's id
            if order is None and obj.order_id:
                with session.no_autoflush:
                    order = session.get(Order, obj.order_id)
            rate = order.exchange_rate if order is not None else None
            obj.net_amount_base = to_base(obj.net_amount, rate or Decimal(1))


event.listen(Session, "before_flush", _fill_base_amounts)


class Delivery(Base):
    """One shipment (送货) of an order: some quantity of some of its lines."""

    __tablename__ = "deliveries"
    __table_args__ = (Index("ix_deliveries_order_id", "order_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(_fk("orders.id", "CASCADE"))
    number: Mapped[str] = mapped_column(String(40), unique=True)
    delivery_date: Mapped[date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    lines: Mapped[list[DeliveryLine]] = relationship(cascade="all, delete-orphan")


class DeliveryLine(Base):
    __tablename__ = "delivery_lines"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        UniqueConstraint("delivery_id", "order_line_id"),
        Index("ix_delivery_lines_order_line_id", "order_line_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    delivery_id: Mapped[int] = mapped_column(_fk("deliveries.id", "CASCADE"))
    order_line_id: Mapped[int] = mapped_column(_fk("order_lines.id", "CASCADE"))
    quantity: Mapped[Decimal] = mapped_column(Quantity)


class Invoice(Base):
    """An invoice (发票) issued for an order: its number, date and the day it is due."""

    __tablename__ = "invoices"
    __table_args__ = (
        Index("ix_invoices_order_id", "order_id"),
        Index("ix_invoices_customer_id_invoice_date", "customer_id", "invoice_date"),
        Index("ix_invoices_invoice_date", "invoice_date"),
        # The open invoices (receivables of today) without reading the paid ones.
        Index(
            "ix_invoices_open",
            "due_date",
            sqlite_where=text("amount_base > paid_base"),
            postgresql_where=text("amount_base > paid_base"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(_fk("orders.id"))
    customer_id: Mapped[int] = mapped_column(_fk("customers.id"))
    number: Mapped[str] = mapped_column(String(40), unique=True)  # 发票号
    invoice_date: Mapped[date] = mapped_column(Date)
    due_date: Mapped[date] = mapped_column(Date)
    currency: Mapped[str] = mapped_column(String(3))
    exchange_rate: Mapped[Decimal] = mapped_column(Rate, default=Decimal(1))  # the order's
    net_amount: Mapped[Decimal] = mapped_column(Money)
    tax_amount: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    amount: Mapped[Decimal] = mapped_column(Money)  # with tax: what the customer owes
    net_amount_base: Mapped[Decimal] = mapped_column(Money)
    tax_amount_base: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    amount_base: Mapped[Decimal] = mapped_column(Money)
    # What payments applied to it, at its rate: kept by the flush hook _keep_balances.
    paid_base: Mapped[Decimal] = mapped_column(Money, default=Decimal(0), server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Payment(Base):
    """Money received from (or, a refund, paid back to) a customer; what is not allocated to
    invoices is the customer's credit."""

    __tablename__ = "payments"
    __table_args__ = (
        Index("ix_payments_payment_date", "payment_date"),  # collections (回款) of a period
        Index("ix_payments_customer_id_payment_date", "customer_id", "payment_date"),
        # The payments with an unapplied part (the customers' credit).
        Index(
            "ix_payments_unapplied",
            "customer_id",
            sqlite_where=text("unapplied_base <> 0"),
            postgresql_where=text("unapplied_base <> 0"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(_fk("customers.id"))
    kind: Mapped[PaymentKind] = mapped_column(_enum(PaymentKind), default=PaymentKind.RECEIPT)
    payment_date: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money)  # negative for a refund
    currency: Mapped[str] = mapped_column(String(3))
    exchange_rate: Mapped[Decimal] = mapped_column(Rate, default=Decimal(1))
    amount_base: Mapped[Decimal] = mapped_column(Money)
    method: Mapped[PaymentMethod] = mapped_column(
        _enum(PaymentMethod), default=PaymentMethod.BANK_TRANSFER
    )
    reference: Mapped[str | None] = mapped_column(String(80))
    note: Mapped[str | None] = mapped_column(Text)
    # The part not applied to invoices (the customer's credit), at the payment's rate: kept
    # by the flush hook _keep_balances.
    unapplied_base: Mapped[Decimal] = mapped_column(Money, default=Decimal(0), server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    allocations: Mapped[list[PaymentAllocation]] = relationship(cascade="all, delete-orphan")


class PaymentAllocation(Base):
    """The part of a payment applied to one invoice (same currency). ``amount_base`` is at the
    invoice's rate (it clears the receivable), ``collected_base`` at the payment's (回款)."""

    __tablename__ = "payment_allocations"
    __table_args__ = (
        UniqueConstraint("payment_id", "invoice_id"),
        Index("ix_payment_allocations_invoice_id", "invoice_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(_fk("payments.id", "CASCADE"))
    invoice_id: Mapped[int] = mapped_column(_fk("invoices.id", "CASCADE"))
    amount: Mapped[Decimal] = mapped_column(Money)
    amount_base: Mapped[Decimal] = mapped_column(Money)
    collected_base: Mapped[Decimal] = mapped_column(Money)


class ExchangeRate(Base):
    """The rate of one currency to the company currency from ``rate_date`` on."""

    __tablename__ = "exchange_rates"
    __table_args__ = (
        UniqueConstraint("currency", "rate_date"),
        CheckConstraint("rate > 0", name="rate_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    currency: Mapped[str] = mapped_column(String(3))
    rate_date: Mapped[date] = mapped_column(Date)
    rate: Mapped[Decimal] = mapped_column(Rate)


class ImportBatch(Base):
    """One import run, so imported rows can be traced (and undone) together."""

    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    file_name: Mapped[str] = mapped_column(String(400))
    encoding: Mapped[str | None] = mapped_column(String(20))
    rows: Mapped[int] = mapped_column(default=0)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sheet: Mapped[str | None] = mapped_column(String(200))
    mapping: Mapped[str | None] = mapped_column(Text)  # JSON: source header -> field
    options: Mapped[str | None] = mapped_column(Text)  # JSON: existing, create_missing …
    created: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    updated: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    unchanged: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    skipped: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    errors: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    imported_by: Mapped[str | None] = mapped_column(String(80))
    reverted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ImportBatchItem(Base):
    """One row an import created or changed: enough to take it out again (revert)."""

    __tablename__ = "import_batch_items"
    __table_args__ = (Index("ix_import_batch_items_batch_id", "batch_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(_fk("import_batches.id", "CASCADE"))
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[int]
    action: Mapped[str] = mapped_column(String(10))  # create | update
    old_values: Mapped[str | None] = mapped_column(Text)  # JSON of the stored values before


class ImportKey(Base):
    """A code from the user's files (客户编号 C-001) pointing at the record it was imported as,
    so later files (orders by customer code, a re-import) find it again."""

    __tablename__ = "import_keys"
    __table_args__ = (
        UniqueConstraint("entity", "code"),
        Index("ix_import_keys_entity_entity_id", "entity", "entity_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(20))
    code: Mapped[str] = mapped_column(String(80))
    entity_id: Mapped[int]


# ---------------------------------------------------------------- targets & commissions


class Target(_Timestamps, Base):
    """A target for one salesperson (or the company when ``salesperson_id`` is NULL)."""

    __tablename__ = "targets"
    __table_args__ = (
        UniqueConstraint("salesperson_id", "period_kind", "period_start", "metric"),
        CheckConstraint("value >= 0", name="value_positive"),
        Index("ix_targets_period_start", "period_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    salesperson_id: Mapped[int | None] = mapped_column(_fk("salespeople.id", "CASCADE"))
    period_kind: Mapped[PeriodKind] = mapped_column(_enum(PeriodKind))
    period_start: Mapped[date] = mapped_column(Date)
    metric: Mapped[TargetMetric] = mapped_column(_enum(TargetMetric))
    value: Mapped[Decimal] = mapped_column(Money)  # an amount, or a count with .00


class CommissionPlan(_Timestamps, Base):
    __tablename__ = "commission_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    # What the rate is paid on (domain/revenue.py); plans from before 0007 keep revenue_gross.
    base: Mapped[CommissionBase] = mapped_column(
        _enum(CommissionBase), default=DEFAULT_COMMISSION_BASE
    )
    bonus_at_target: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    tiers: Mapped[list[CommissionTier]] = relationship(
        back_populates="plan",
        order_by="CommissionTier.min_attainment",
        cascade="all, delete-orphan",
    )


class CommissionTier(Base):
    """From ``min_attainment`` % of target upwards, pay ``rate`` % of the basis."""

    __tablename__ = "commission_tiers"
    __table_args__ = (UniqueConstraint("plan_id", "min_attainment"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(_fk("commission_plans.id", "CASCADE"))
    min_attainment: Mapped[Decimal] = mapped_column(Percent)
    rate: Mapped[Decimal] = mapped_column(Percent)

    plan: Mapped[CommissionPlan] = relationship(back_populates="tiers")


class CommissionAssignment(Base):
    __tablename__ = "commission_assignments"
    __table_args__ = (UniqueConstraint("salesperson_id", "period_kind", "period_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(_fk("commission_plans.id", "CASCADE"))
    salesperson_id: Mapped[int] = mapped_column(_fk("salespeople.id", "CASCADE"))
    period_kind: Mapped[PeriodKind] = mapped_column(_enum(PeriodKind))
    period_start: Mapped[date] = mapped_column(Date)


# ----------------------------------------------------------------------- key accounts


class SatisfactionSurvey(_Timestamps, Base):
    __tablename__ = "satisfaction_surveys"
    __table_args__ = (
        CheckConstraint("score BETWEEN 1 AND 5", name="score_range"),
        CheckConstraint("nps IS NULL OR nps BETWEEN 0 AND 10", name="nps_range"),
        Index("ix_satisfaction_surveys_customer_id", "customer_id", "surveyed_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(_fk("customers.id", "CASCADE"))
    contact_id: Mapped[int | None] = mapped_column(_fk("contacts.id", "SET NULL"))
    activity_id: Mapped[int | None] = mapped_column(_fk("activities.id", "SET NULL"))
    salesperson_id: Mapped[int | None] = mapped_column(_fk("salespeople.id", "SET NULL"))
    surveyed_on: Mapped[date] = mapped_column(Date)
    score: Mapped[int]
    nps: Mapped[int | None]
    comments: Mapped[str | None] = mapped_column(Text)


class AccountPlan(_Timestamps, Base):
    """A key-account plan: objectives, strategy and the potential we aim for."""

    __tablename__ = "account_plans"
    __table_args__ = (UniqueConstraint("customer_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(_fk("customers.id", "CASCADE"))
    owner_id: Mapped[int | None] = mapped_column(_fk("salespeople.id", "SET NULL"))
    year: Mapped[int]
    status: Mapped[AccountPlanStatus] = mapped_column(
        _enum(AccountPlanStatus), default=AccountPlanStatus.DRAFT
    )
    objectives: Mapped[str | None] = mapped_column(Text)
    strategy: Mapped[str | None] = mapped_column(Text)
    risks: Mapped[str | None] = mapped_column(Text)
    target_revenue: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    review_on: Mapped[date | None] = mapped_column(Date)  # the next review of the plan


class AccountPlanAction(Base):
    """A task that carries out an account plan (the plan's actions)."""

    __tablename__ = "account_plan_actions"
    __table_args__ = (
        UniqueConstraint("plan_id", "activity_id"),
        Index("ix_account_plan_actions_activity_id", "activity_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(_fk("account_plans.id", "CASCADE"))
    activity_id: Mapped[int] = mapped_column(_fk("activities.id", "CASCADE"))


class SurveyTemplate(_Timestamps, Base):
    """What a satisfaction survey asks: CSAT (1–5), NPS (0–10) and open questions."""

    __tablename__ = "survey_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    ask_nps: Mapped[bool] = mapped_column(Boolean, default=True)
    questions: Mapped[str | None] = mapped_column(Text)  # open questions, one a line


class SurveyCampaign(Base):
    """A survey sent to a set of customers: one request (and one 回访 task) each."""

    __tablename__ = "survey_campaigns"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    template_id: Mapped[int] = mapped_column(_fk("survey_templates.id"))
    created_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    created_by_id: Mapped[int | None] = mapped_column(_fk("salespeople.id", "SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SurveyRequest(Base):
    """One customer asked in a campaign, through a task whose completion records the
    answer (``satisfaction_surveys.activity_id``)."""

    __tablename__ = "survey_requests"
    __table_args__ = (
        UniqueConstraint("campaign_id", "customer_id"),
        Index("ix_survey_requests_customer_id", "customer_id"),
        Index("ix_survey_requests_activity_id", "activity_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(_fk("survey_campaigns.id", "CASCADE"))
    customer_id: Mapped[int] = mapped_column(_fk("customers.id", "CASCADE"))
    activity_id: Mapped[int | None] = mapped_column(_fk("activities.id", "SET NULL"))


class SurveyAnswer(Base):
    """The answer to one open question of a survey."""

    __tablename__ = "survey_answers"
    __table_args__ = (Index("ix_survey_answers_survey_id", "survey_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(_fk("satisfaction_surveys.id", "CASCADE"))
    position: Mapped[int]
    question: Mapped[str] = mapped_column(String(300))
    answer: Mapped[str] = mapped_column(Text)


class SurveyFollowUp(Base):
    """The follow-up task a low survey score created (one per survey)."""

    __tablename__ = "survey_follow_ups"

    survey_id: Mapped[int] = mapped_column(
        _fk("satisfaction_surveys.id", "CASCADE"), primary_key=True
    )
    activity_id: Mapped[int | None] = mapped_column(_fk("activities.id", "SET NULL"))


class AccountScore(Base):
    """A customer's computed key-account scores (``domain/segmentation.py``), as of ``as_of``;
    recomputed after orders change, rows rewritten only where a figure changed. Shares of the
    total (ABC share) are not stored: every order would change every row's."""

    __tablename__ = "account_scores"
    __table_args__ = (
        Index("ix_account_scores_tier_score", "tier", "score"),
        Index("ix_account_scores_score", "score"),
    )

    customer_id: Mapped[int] = mapped_column(_fk("customers.id", "CASCADE"), primary_key=True)
    as_of: Mapped[date] = mapped_column(Date)
    recency_days: Mapped[int]
    frequency: Mapped[int]
    monetary: Mapped[Decimal] = mapped_column(Money)
    r: Mapped[int]
    f: Mapped[int]
    m: Mapped[int]
    rfm_segment: Mapped[RfmSegment] = mapped_column(_enum(RfmSegment))
    abc: Mapped[AbcClass] = mapped_column(_enum(AbcClass))
    abc_rank: Mapped[int]
    period_revenue: Mapped[Decimal] = mapped_column(Money)
    clv_history: Mapped[Decimal] = mapped_column(Money)
    clv_next_12m: Mapped[Decimal] = mapped_column(Money)
    clv: Mapped[Decimal] = mapped_column(Money)
    p_alive: Mapped[Decimal] = mapped_column(Percent)  # percent, 0–100
    interval_days: Mapped[int]
    health: Mapped[int | None]
    health_reorder: Mapped[int | None]
    health_trend: Mapped[int | None]
    health_satisfaction: Mapped[int | None]
    health_contact: Mapped[int | None]
    health_receivables: Mapped[int | None]
    # The health at least 30 days before (for "health dropped"), and its day.
    health_baseline: Mapped[int | None]
    health_baseline_on: Mapped[date | None] = mapped_column(Date)
    value_score: Mapped[int]
    potential_score: Mapped[int | None]
    fit_score: Mapped[int | None]
    growth_score: Mapped[int]
    score: Mapped[int]
    tier: Mapped[Tier] = mapped_column(_enum(Tier))
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AccountTierOverride(Base):
    """A tier set by hand: shown instead of the computed one and kept across recomputations."""

    __tablename__ = "account_tier_overrides"

    customer_id: Mapped[int] = mapped_column(_fk("customers.id", "CASCADE"), primary_key=True)
    tier: Mapped[Tier] = mapped_column(_enum(Tier))
    reason: Mapped[str | None] = mapped_column(Text)
    set_by_id: Mapped[int | None] = mapped_column(_fk("salespeople.id", "SET NULL"))
    set_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class NextActionDismissal(Base):
    """A next-best action someone dismissed, and why; it stays hidden for a while."""

    __tablename__ = "next_action_dismissals"
    __table_args__ = (Index("ix_next_action_dismissals_customer_id", "customer_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[NextActionKind] = mapped_column(_enum(NextActionKind))
    customer_id: Mapped[int] = mapped_column(_fk("customers.id", "CASCADE"))
    subject_id: Mapped[int | None]  # the quote, deal or category it was about
    reason: Mapped[str] = mapped_column(Text, default="")
    dismissed_by_id: Mapped[int | None] = mapped_column(_fk("salespeople.id", "SET NULL"))
    dismissed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


# ------------------------------------------------------------------------ bookkeeping


class ForecastSnapshot(Base):
    """One month's stored forecast of one series (#16): what was forecast, as of when, by
    which method and with which backtested accuracy; the periods are its children.

    ``series_key`` names the metric, the grain and the filters (``revenue/month/o=3/c=/u=``);
    a series keeps one snapshot per month it was made in (``made_in``), the latest of that
    month, so "what we forecast for Q3 in June" is one row."""

    __tablename__ = "forecast_snapshots"
    __table_args__ = (
        UniqueConstraint("series_key", "made_in"),
        CheckConstraint("horizon BETWEEN 1 AND 18", name="horizon_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    series_key: Mapped[str] = mapped_column(String(80))
    made_in: Mapped[date] = mapped_column(Date)  # first day of the month of ``as_of``
    as_of: Mapped[date] = mapped_column(Date)
    made_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    metric: Mapped[str] = mapped_column(String(24))
    granularity: Mapped[str] = mapped_column(String(24))
    horizon: Mapped[int]
    owner_id: Mapped[int | None] = mapped_column(_fk("salespeople.id", "CASCADE"))
    category_id: Mapped[int | None] = mapped_column(_fk("product_categories.id", "CASCADE"))
    customer_id: Mapped[int | None] = mapped_column(_fk("customers.id", "CASCADE"))
    method: Mapped[str] = mapped_column(String(24))
    detail: Mapped[str] = mapped_column(Text)  # JSON: history, candidates, coverage …


class ForecastSnapshotPeriod(Base):
    """One forecast period of a snapshot, amounts as stored (rounded half up to cents)."""

    __tablename__ = "forecast_snapshot_periods"
    __table_args__ = (UniqueConstraint("snapshot_id", "period_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    snapshot_id: Mapped[int] = mapped_column(_fk("forecast_snapshots.id", "CASCADE"))
    period_start: Mapped[date] = mapped_column(Date)
    forecast: Mapped[Decimal] = mapped_column(Money)
    low: Mapped[Decimal] = mapped_column(Money)
    high: Mapped[Decimal] = mapped_column(Money)
    pipeline_weighted: Mapped[Decimal | None] = mapped_column(Money)


class Setting(Base):
    """One preference of this database (company profile, defaults): a JSON value per key."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON
    blob: Mapped[bytes | None] = mapped_column(LargeBinary)  # e.g. the logo image


class NumberSequence(Base):
    """Gap-free counters for document numbers, one per pattern scope (e.g. quotes of 2026)."""

    __tablename__ = "number_sequences"

    scope: Mapped[str] = mapped_column(String(80), primary_key=True)
    last_value: Mapped[int] = mapped_column(default=0)


class AuditEntry(Base):
    """Who changed what, when, from which value to which."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_entity_entity_id", "entity", "entity_id"),
        Index("ix_audit_log_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(_fk("salespeople.id", "SET NULL"))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int]
    action: Mapped[AuditAction] = mapped_column(_enum(AuditAction))
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)


class TrashEntry(Base):
    """A soft-deleted record as the Trash lists it; restoring clears ``deleted_at``."""

    __tablename__ = "trash"
    __table_args__ = (
        UniqueConstraint("entity", "entity_id"),
        Index("ix_trash_deleted_at", "deleted_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int]
    label: Mapped[str] = mapped_column(String(300))
    deleted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deleted_by_id: Mapped[int | None] = mapped_column(_fk("salespeople.id", "SET NULL"))


# ----------------------------------------------------------- stored receivable balances


def store_balances(
    connection: Connection | Session,
    *,
    invoice_ids: Iterable[int] | None = None,
    payment_ids: Iterable[int] | None = None,
) -> None:
    """Make the stored balances equal their allocations again: each invoice's ``paid_base``
    and each payment's ``unapplied_base`` (None: every invoice / payment, after a bulk load).
    What the receivables of today read."""
    i, p, a = Invoice, Payment, PaymentAllocation
    paid = (
        select(func.coalesce(func.sum(a.amount_base), 0))
        .where(a.invoice_id == i.id)
        .scalar_subquery()
    )
    applied = (
        select(func.coalesce(func.sum(a.collected_base), 0))
        .where(a.payment_id == p.id)
        .scalar_subquery()
    )
    for statement, ids, table in (
        (update(i).values(paid_base=paid), invoice_ids, i),
        (update(p).values(unapplied_base=p.amount_base - applied), payment_ids, p),
    ):
        chosen = None if ids is None else sorted(set(ids))
        if chosen == []:
            continue
        query = statement if chosen is None else statement.where(table.id.in_(chosen))
        connection.execute(query.execution_options(synchronize_session=False))


_TOUCHED = "sms_balances_touched"


def _note_balances(session: Session, _context: object, _instances: object) -> None:
    """Before a flush: the allocations and payments it writes (their ids are read after it,
    when new ones have theirs), and the invoices a deleted payment's allocations leave."""
    touched: list[object] = session.info.setdefault(_TOUCHED, [])
    with session.no_autoflush:
        for obj in (*session.new, *session.dirty, *session.deleted):
            if isinstance(obj, PaymentAllocation | Payment):
                touched.append(obj)
            if isinstance(obj, Payment) and obj in session.deleted:
                touched.extend(obj.allocations)  # they go with it


def _keep_balances(session: Session, _context: object) -> None:
    """After the flush wrote them: the stored balances they change follow, in the same
    transaction, whoever wrote them through the ORM (services, imports, tests)."""
    touched = session.info.pop(_TOUCHED, [])
    invoices: set[int] = set()
    payments: set[int] = set()
    for obj in touched:
        if isinstance(obj, PaymentAllocation):
            invoices.add(obj.invoice_id)
            payments.add(obj.payment_id)
        elif isinstance(obj, Payment):
            payments.add(obj.id)
    if invoices or payments:
        store_balances(session.connection(), invoice_ids=invoices, payment_ids=payments)


event.listen(Session, "before_flush", _note_balances)
event.listen(Session, "after_flush_postexec", _keep_balances)
