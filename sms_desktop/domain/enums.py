"""The closed vocabularies of the data model, stored as their string values."""

from __future__ import annotations

from enum import StrEnum


class CustomerKind(StrEnum):
    COMPANY = "company"
    PERSON = "person"


class BuyingRole(StrEnum):
    DECISION_MAKER = "decision_maker"
    INFLUENCER = "influencer"
    USER = "user"
    GATEKEEPER = "gatekeeper"
    OTHER = "other"


class InteractionKind(StrEnum):
    CALL = "call"
    VISIT = "visit"
    WECHAT = "wechat"
    EMAIL = "email"
    MEETING = "meeting"
    NOTE = "note"
    FEEDBACK = "feedback"


class SalespersonRole(StrEnum):
    OWNER = "owner"
    MANAGER = "manager"
    SALES = "sales"


class StageKind(StrEnum):
    OPEN = "open"
    WON = "won"
    LOST = "lost"


class OpportunityStatus(StrEnum):
    OPEN = "open"
    WON = "won"
    LOST = "lost"


class ActivityKind(StrEnum):
    CALL = "call"
    VISIT = "visit"
    FOLLOW_UP = "follow_up"  # 回访
    MEETING = "meeting"
    EMAIL = "email"
    WECHAT = "wechat"
    DEMO = "demo"
    TODO = "todo"


class RecurrenceUnit(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


class FollowUpTrigger(StrEnum):
    MANUAL = "manual"
    ORDER_RECORDED = "order_recorded"


class QuoteStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    EXPIRED = "expired"


class TaxMode(StrEnum):
    EXCLUSIVE = "exclusive"  # prices exclude tax
    INCLUSIVE = "inclusive"  # prices include tax


class RoundingPolicy(StrEnum):
    PER_LINE = "per_line"
    PER_DOCUMENT = "per_document"


class DocumentLanguage(StrEnum):
    ZH_CN = "zh_CN"
    EN = "en"
    BILINGUAL = "bilingual"


class QuoteLineKind(StrEnum):
    ITEM = "item"
    SECTION = "section"


class OrderStatus(StrEnum):
    """The order's life-cycle (``domain/orders.py`` holds its moves and what each allows)."""

    DRAFT = "draft"
    CONFIRMED = "confirmed"
    PARTLY_DELIVERED = "partly_delivered"
    DELIVERED = "delivered"
    PARTLY_INVOICED = "partly_invoiced"
    INVOICED = "invoiced"
    PAID = "paid"
    CANCELLED = "cancelled"


class PaymentMethod(StrEnum):
    BANK_TRANSFER = "bank_transfer"  # 银行转账
    CASH = "cash"  # 现金
    CHEQUE = "cheque"  # 支票
    WECHAT = "wechat"  # 微信
    ALIPAY = "alipay"  # 支付宝
    OTHER = "other"


class PaymentKind(StrEnum):
    RECEIPT = "receipt"  # money received from the customer
    REFUND = "refund"  # money paid back (stored with a negative amount)


class OrderSource(StrEnum):
    QUOTE = "quote"
    MANUAL = "manual"
    IMPORT = "import"
    DEMO = "demo"


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


class TargetMetric(StrEnum):
    REVENUE = "revenue"
    GROSS_MARGIN = "gross_margin"
    DEALS_WON = "deals_won"
    NEW_CUSTOMERS = "new_customers"
    ACTIVITIES = "activities"
    COLLECTIONS = "collections"  # 回款


class AccountPlanStatus(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    CLOSED = "closed"


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    RESTORE = "restore"
    MERGE = "merge"
    PURGE = "purge"
    OVERRIDE = "override"  # e.g. a quote saved below the minimum margin
