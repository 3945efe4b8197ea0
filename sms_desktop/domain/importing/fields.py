"""What an import can fill: the target fields of each kind, their value types and the
headers (Chinese and English) that map to them, and the automatic mapping of a header row."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from sms_desktop.domain.i18n import Message, translate


class ImportKind(StrEnum):
    CUSTOMERS = "customers"
    CONTACTS = "contacts"
    PRODUCTS = "products"
    ORDERS = "orders"
    OPPORTUNITIES = "opportunities"
    ACTIVITIES = "activities"


ValueType = Literal[
    "text", "code", "phone", "email", "money", "quantity", "percent", "date", "int", "tags"
]


@dataclass(frozen=True, slots=True)
class TargetField:
    """One field a column can be mapped to."""

    name: str
    label: Message
    type: ValueType = "text"
    synonyms: tuple[str, ...] = ()
    required: bool = False


def _f(
    name: str, label: Message, type_: ValueType, *synonyms: str, required: bool = False
) -> TargetField:
    return TargetField(name, label, type_, synonyms, required)


def _t(text: str) -> Message:
    return translate("ImportFields", text)


_ID = _f("id", _t("Record id"), "int", "ID", "编号(系统)", "系统编号", "记录ID")
_CUSTOMER_CODE = _f(
    "customer_code", _t("Customer code"), "code",
    "客户编号", "客户编码", "客户代码", "客户号", "Customer ID", "Customer Code", "Customer No",
    "Account ID", "Account Number",
)  # fmt: skip
_CUSTOMER_NAME = _f(
    "customer_name", _t("Customer name"), "text",
    "客户名称", "客户", "客户名", "公司名称", "公司", "单位名称", "单位", "企业名称", "购买方",
    "Customer", "Customer Name", "Company", "Company Name", "Account", "Account Name", "Client",
)  # fmt: skip
_OWNER = _f(
    "owner", _t("Owner"), "text",
    "负责人", "销售", "销售员", "业务员", "销售代表", "客户经理", "跟进人", "Owner", "Sales Rep",
    "Salesperson", "Account Manager",
)  # fmt: skip
_CURRENCY = _f("currency", _t("Currency"), "code", "币种", "货币", "Currency")

_CONTACT_FIELDS = (
    _f("contact_name", _t("Contact"), "text", "联系人", "联系人姓名", "姓名", "Contact",
       "Contact Name", "Name"),
    _f("contact_title", _t("Contact title"), "text", "职位", "职务", "Title", "Job Title"),
    _f("contact_phone", _t("Contact phone"), "phone", "联系电话", "联系人电话", "Contact Phone",
       "Work Phone"),
    _f("contact_mobile", _t("Contact mobile"), "phone", "手机", "手机号", "手机号码", "Mobile",
       "Cell", "Mobile Phone"),
    _f("contact_email", _t("Contact e-mail"), "email", "联系人邮箱", "Contact Email",
       "Contact E-mail"),
    _f("contact_wechat", _t("WeChat"), "text", "微信", "微信号", "WeChat"),
)  # fmt: skip

CUSTOMER_FIELDS: tuple[TargetField, ...] = (
    _ID,
    _f("name", _t("Customer name"), "text", *_CUSTOMER_NAME.synonyms, required=True),
    _f("code", _t("Customer code"), "code", *_CUSTOMER_CODE.synonyms),
    _f("tax_id", _t("Tax id"), "code", "统一社会信用代码", "信用代码", "税号", "纳税人识别号",
       "Tax ID", "Tax Number", "VAT ID"),
    _f("industry", _t("Industry"), "text", "行业", "所属行业", "Industry"),
    _f("province", _t("Province"), "text", "省份", "省", "Province", "State"),
    _f("city", _t("City"), "text", "城市", "所在城市", "市", "City"),
    _f("address", _t("Address"), "text", "地址", "详细地址", "公司地址", "Address"),
    _f("phone", _t("Phone"), "phone", "电话", "公司电话", "座机", "Phone", "Telephone", "Tel"),
    _f("email", _t("E-mail"), "email", "邮箱", "电子邮箱", "邮件", "Email", "E-mail"),
    _f("website", _t("Website"), "text", "网站", "网址", "Website"),
    _f("tier", _t("Tier"), "text", "等级", "客户等级", "级别", "价格等级", "Tier", "Level", "Grade"),
    _f("source", _t("Source"), "text", "来源", "客户来源", "Source", "Lead Source"),
    _OWNER,
    _f("tags", _t("Tags"), "tags", "标签", "Tags"),
    _f("notes", _t("Notes"), "text", "备注", "说明", "Notes", "Remarks", "Comment"),
    _f("first_deal_date", _t("First deal"), "date", "首次合作日期", "首次合作", "合作日期",
       "首次成交日期", "客户起始日期", "First deal", "First Deal Date", "Customer Since"),
    _f("annual_purchase", _t("Annual purchase"), "money", "年采购额", "年采购金额", "年采购量",
       "采购额", "潜在价值", "Annual purchase", "Annual Purchase", "Annual Revenue",
       "Potential Value"),
    *_CONTACT_FIELDS,
)  # fmt: skip

CONTACT_FIELDS: tuple[TargetField, ...] = (
    _ID,
    _CUSTOMER_CODE,
    _CUSTOMER_NAME,
    _f("contact_name", _t("Contact"), "text", *_CONTACT_FIELDS[0].synonyms, required=True),
    *_CONTACT_FIELDS[1:],
    _f("contact_notes", _t("Notes"), "text", "备注", "Notes"),
)

PRODUCT_FIELDS: tuple[TargetField, ...] = (
    _ID,
    _f("sku", _t("SKU"), "code", "产品编号", "产品编码", "商品编号", "商品编码", "物料编号",
       "货号", "型号", "SKU", "Product ID", "Product Code", "Item No", "Part Number",
       required=True),
    _f("name_zh", _t("Product name"), "text", "产品名称", "商品名称", "品名", "名称",
       "Product Name", "Product", "Item"),
    _f("name_en", _t("English name"), "text", "英文名称", "English Name", "Name (EN)"),
    _f("unit", _t("Unit"), "text", "单位", "计量单位", "Unit", "UOM"),
    _f("category", _t("Category"), "text", "类别", "产品类别", "分类", "品类", "Category"),
    _f("list_price", _t("List price"), "money", "单价", "售价", "标准价", "价格", "零售价",
       "List Price", "Price", "Unit Price"),
    _f("cost", _t("Cost"), "money", "成本", "成本价", "进价", "Cost", "Unit Cost"),
    _f("tax_rate", _t("Tax rate"), "percent", "税率", "增值税率", "Tax Rate", "VAT"),
    _f("description", _t("Description"), "text", "描述", "规格", "说明", "Description"),
)  # fmt: skip

ORDER_FIELDS: tuple[TargetField, ...] = (
    _f("order_number", _t("Order number"), "code", "订单号", "订单编号", "单号", "合同号",
       "Order ID", "Order No", "Order Number", "Invoice No", required=True),
    _f("order_date", _t("Order date"), "date", "下单日期", "订单日期", "日期", "成交日期",
       "Order Date", "Date", required=True),
    _CUSTOMER_CODE,
    _CUSTOMER_NAME,
    _f("sku", _t("SKU"), "code", *PRODUCT_FIELDS[1].synonyms),
    _f("product_name", _t("Product name"), "text", *PRODUCT_FIELDS[2].synonyms),
    _f("category", _t("Category"), "text", *PRODUCT_FIELDS[5].synonyms),
    _f("quantity", _t("Quantity"), "quantity", "数量", "Qty", "Quantity", "件数",
       required=True),
    _f("unit_price", _t("Unit price"), "money", "单价", "售价", "Unit Price", "Price"),
    _f("discount", _t("Discount"), "percent", "折扣", "折扣率", "Discount"),
    _f("line_amount", _t("Line amount (net)"), "money", "金额", "销售额", "总金额", "不含税金额",
       "Sales", "Amount", "Net Amount", "Line Total"),
    _f("cost", _t("Cost"), "money", "成本", "成本金额", "Cost"),
    _f("profit", _t("Profit"), "money", "利润", "毛利", "毛利润", "Profit", "Margin"),
    _f("tax_rate", _t("Tax rate"), "percent", "税率", "Tax Rate", "VAT"),
    _CURRENCY,
    _f("status", _t("Status"), "text", "状态", "订单状态", "Status", "Order Status"),
    _OWNER,
)  # fmt: skip

OPPORTUNITY_FIELDS: tuple[TargetField, ...] = (
    _f("title", _t("Title"), "text", "商机名称", "商机", "项目名称", "项目", "机会名称",
       "Opportunity", "Opportunity Name", "Deal", "Deal Name", "Title", required=True),
    _CUSTOMER_CODE,
    _CUSTOMER_NAME,
    _f("amount", _t("Amount"), "money", "金额", "预计金额", "商机金额", "Amount", "Deal Value",
       "Value"),
    _CURRENCY,
    _f("stage", _t("Stage"), "text", "阶段", "销售阶段", "Stage", "Deal Stage"),
    _f("status", _t("Status"), "text", "状态", "结果", "赢单/输单", "Status", "Result"),
    _f("source", _t("Source"), "text", "来源", "商机来源", "Source", "Lead Source"),
    _OWNER,
    _f("created_date", _t("Created"), "date", "创建日期", "创建时间", "Created", "Created Date"),
    _f("expected_close", _t("Expected close"), "date", "预计成交日期", "预计结单日期",
       "Expected Close", "Close Date"),
    _f("closed_date", _t("Closed on"), "date", "结单日期", "成交日期", "关闭日期", "Closed",
       "Closed Date", "Won Date"),
    _f("lost_reason", _t("Lost reason"), "text", "输单原因", "丢单原因", "Lost Reason"),
)  # fmt: skip

ACTIVITY_FIELDS: tuple[TargetField, ...] = (
    _CUSTOMER_CODE,
    _CUSTOMER_NAME,
    _f("kind", _t("Kind"), "text", "类型", "方式", "跟进方式", "联系方式", "Kind", "Type",
       "Activity Type"),
    _f("date", _t("Date"), "date", "日期", "时间", "跟进日期", "拜访日期", "Date",
       required=True),
    _OWNER,
    _f("summary", _t("Summary"), "text", "内容", "跟进内容", "摘要", "记录", "备注", "Summary",
       "Notes", "Description"),
    _f("satisfaction", _t("Satisfaction"), "int", "满意度", "评分", "Satisfaction", "Score"),
)  # fmt: skip

FIELDS: Mapping[ImportKind, tuple[TargetField, ...]] = {
    ImportKind.CUSTOMERS: CUSTOMER_FIELDS,
    ImportKind.CONTACTS: CONTACT_FIELDS,
    ImportKind.PRODUCTS: PRODUCT_FIELDS,
    ImportKind.ORDERS: ORDER_FIELDS,
    ImportKind.OPPORTUNITIES: OPPORTUNITY_FIELDS,
    ImportKind.ACTIVITIES: ACTIVITY_FIELDS,
}

# Units and markers around a header: "金额(元)", "Amount [CNY]", "*客户名称", "电话:".
_DECORATION = re.compile(r"[(（\[【].*?[)）\]】]|[\s_\-.:：*#/\\]+")


def header_key(text: str) -> str:
    """A header reduced for comparison: width, case, spaces, punctuation and units ignored."""
    key = _DECORATION.sub("", unicodedata.normalize("NFKC", text).casefold())
    return key or unicodedata.normalize("NFKC", text).casefold().strip()


def field(kind: ImportKind, name: str) -> TargetField:
    for target in FIELDS[kind]:
        if target.name == name:
            return target
    raise KeyError(name)


def _keys(target: TargetField) -> tuple[str, ...]:
    return tuple(
        dict.fromkeys(header_key(s) for s in (target.name, target.label.text, *target.synonyms))
    )


def auto_map(kind: ImportKind, headers: Sequence[str]) -> tuple[str | None, ...]:
    """The field each header maps to (None: not imported); a field takes the first header
    that names it, so a second "电话" column stays unmapped rather than overwriting."""
    # An exact field name or label beats a synonym shared by two fields (联系人 is the
    # contact of a customer row, not its name).
    index: dict[str, tuple[int, str]] = {}
    for target in FIELDS[kind]:
        for rank, key in enumerate(_keys(target)):
            priority = 0 if rank < 2 else 1
            if key not in index or priority < index[key][0]:
                index[key] = (priority, target.name)
    used: set[str] = set()
    result: list[str | None] = []
    for header in headers:
        found = index.get(header_key(header)) if header else None
        name = found[1] if found else None
        if name is not None and name not in used:
            used.add(name)
            result.append(name)
        else:
            result.append(None)
    return tuple(result)


def recognised(kind: ImportKind, headers: Sequence[str]) -> int:
    """How many of ``headers`` name a field of ``kind`` (finds the header row)."""
    return sum(name is not None for name in auto_map(kind, headers))


def missing_required(kind: ImportKind, mapped: Sequence[str | None]) -> list[TargetField]:
    return [t for t in FIELDS[kind] if t.required and t.name not in mapped]
