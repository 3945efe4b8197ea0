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


_ID = _f(
    "id", translate("ImportFields", "Record id"), "int", "ID", "编号(系统)", "系统编号", "记录ID"
)
_CUSTOMER_CODE = _f(
    "customer_code", translate("ImportFields", "Customer code"), "code",
    "客户编号", "客户编码", "客户代码", "客户号", "Customer ID", "Customer Code", "Customer No",
    "Account ID", "Account Number",
)  # fmt: skip
_CUSTOMER_NAME = _f(
    "customer_name", translate("ImportFields", "Customer name"), "text",
    "客户名称", "客户", "客户名", "公司名称", "公司", "单位名称", "单位", "企业名称", "购买方",
    "Customer", "Customer Name", "Company", "Company Name", "Account", "Account Name", "Client",
)  # fmt: skip
_OWNER = _f(
    "owner", translate("ImportFields", "Owner"), "text",
    "负责人", "销售", "销售员", "业务员", "销售代表", "客户经理", "跟进人", "Owner", "Sales Rep",
    "Salesperson", "Account Manager",
)  # fmt: skip
_CURRENCY = _f(
    "currency", translate("ImportFields", "Currency"), "code", "币种", "货币", "Currency"
)

_CONTACT_FIELDS = (
    _f("contact_name", translate("ImportFields", "Contact"), "text", "联系人", "联系人姓名", "姓名", "Contact",
       "Contact Name", "Name"),
    _f("contact_title", translate("ImportFields", "Contact title"), "text", "职位", "职务", "Title", "Job Title"),
    _f("contact_phone", translate("ImportFields", "Contact phone"), "phone", "联系电话", "联系人电话", "Contact Phone",
       "Work Phone"),
    _f("contact_mobile", translate("ImportFields", "Contact mobile"), "phone", "手机", "手机号", "手机号码", "Mobile",
       "Cell", "Mobile Phone"),
    _f("contact_email", translate("ImportFields", "Contact e-mail"), "email", "联系人邮箱", "Contact Email",
       "Contact E-mail"),
    _f("contact_wechat", translate("ImportFields", "WeChat"), "text", "微信", "微信号", "WeChat"),
)  # fmt: skip

CUSTOMER_FIELDS: tuple[TargetField, ...] = (
    _ID,
    # In a list of customers a bare "名称"/"Name" is the customer's (in an order file it
    # may be the product's, so only here).
    _f("name", translate("ImportFields", "Customer name"), "text", *_CUSTOMER_NAME.synonyms,
       "名称", "Name", required=True),
    _f("code", translate("ImportFields", "Customer code"), "code", *_CUSTOMER_CODE.synonyms),
    _f("tax_id", translate("ImportFields", "Tax id"), "code", "统一社会信用代码", "信用代码", "税号", "纳税人识别号",
       "Tax ID", "Tax Number", "VAT ID"),
    _f("industry", translate("ImportFields", "Industry"), "text", "行业", "所属行业", "Industry"),
    _f("province", translate("ImportFields", "Province"), "text", "省份", "省", "Province", "State"),
    _f("city", translate("ImportFields", "City"), "text", "城市", "所在城市", "市", "City"),
    _f("address", translate("ImportFields", "Address"), "text", "地址", "详细地址", "公司地址", "Address"),
    _f("phone", translate("ImportFields", "Phone"), "phone", "电话", "公司电话", "座机", "Phone", "Telephone", "Tel"),
    _f("email", translate("ImportFields", "E-mail"), "email", "邮箱", "电子邮箱", "邮件", "Email", "E-mail"),
    _f("website", translate("ImportFields", "Website"), "text", "网站", "网址", "Website"),
    _f("tier", translate("ImportFields", "Tier"), "text", "等级", "客户等级", "级别", "价格等级", "Tier", "Level", "Grade"),
    _f("source", translate("ImportFields", "Source"), "text", "来源", "客户来源", "Source", "Lead Source"),
    _OWNER,
    _f("tags", translate("ImportFields", "Tags"), "tags", "标签", "Tags"),
    _f("notes", translate("ImportFields", "Notes"), "text", "备注", "说明", "Notes", "Remarks", "Comment"),
    _f("first_deal_date", translate("ImportFields", "First deal"), "date", "首次合作日期", "首次合作", "合作日期",
       "首次成交日期", "客户起始日期", "First deal", "First Deal Date", "Customer Since"),
    _f("annual_purchase", translate("ImportFields", "Annual purchase"), "money", "年采购额", "年采购金额", "年采购量",
       "采购额", "潜在价值", "Annual purchase", "Annual Purchase", "Annual Revenue",
       "Potential Value"),
    *_CONTACT_FIELDS,
)  # fmt: skip

CONTACT_FIELDS: tuple[TargetField, ...] = (
    _ID,
    _CUSTOMER_CODE,
    _CUSTOMER_NAME,
    _f(
        "contact_name",
        translate("ImportFields", "Contact"),
        "text",
        *_CONTACT_FIELDS[0].synonyms,
        required=True,
    ),
    *_CONTACT_FIELDS[1:],
    _f("contact_notes", translate("ImportFields", "Notes"), "text", "备注", "Notes"),
)

PRODUCT_FIELDS: tuple[TargetField, ...] = (
    _ID,
    _f("sku", translate("ImportFields", "SKU"), "code", "产品编号", "产品编码", "商品编号", "商品编码", "物料编号",
       "货号", "型号", "SKU", "Product ID", "Product Code", "Item No", "Part Number",
       required=True),
    _f("name_zh", translate("ImportFields", "Product name"), "text", "产品名称", "商品名称", "品名", "名称",
       "Product Name", "Product", "Item"),
    _f("name_en", translate("ImportFields", "English name"), "text", "英文名称", "English Name", "Name (EN)"),
    _f("unit", translate("ImportFields", "Unit"), "text", "单位", "计量单位", "Unit", "UOM"),
    _f("category", translate("ImportFields", "Category"), "text", "类别", "产品类别", "分类", "品类", "Category"),
    _f("list_price", translate("ImportFields", "List price"), "money", "单价", "售价", "标准价", "价格", "零售价",
       "List Price", "Price", "Unit Price"),
    _f("cost", translate("ImportFields", "Cost"), "money", "成本", "成本价", "进价", "Cost", "Unit Cost"),
    _f("tax_rate", translate("ImportFields", "Tax rate"), "percent", "税率", "增值税率", "Tax Rate", "VAT"),
    _f("description", translate("ImportFields", "Description"), "text", "描述", "规格", "说明", "Description"),
)  # fmt: skip

ORDER_FIELDS: tuple[TargetField, ...] = (
    _f("order_number", translate("ImportFields", "Order number"), "code", "订单号", "订单编号", "单号", "合同号",
       "Order ID", "Order No", "Order Number", "Invoice No", required=True),
    _f("order_date", translate("ImportFields", "Order date"), "date", "下单日期", "订单日期", "日期", "成交日期",
       "Order Date", "Date", required=True),
    _CUSTOMER_CODE,
    _CUSTOMER_NAME,
    _f("sku", translate("ImportFields", "SKU"), "code", *PRODUCT_FIELDS[1].synonyms),
    _f("product_name", translate("ImportFields", "Product name"), "text", *PRODUCT_FIELDS[2].synonyms),
    _f("category", translate("ImportFields", "Category"), "text", *PRODUCT_FIELDS[5].synonyms),
    _f("quantity", translate("ImportFields", "Quantity"), "quantity", "数量", "Qty", "Quantity", "件数",
       required=True),
    _f("unit_price", translate("ImportFields", "Unit price"), "money", "单价", "售价", "Unit Price", "Price"),
    _f("discount", translate("ImportFields", "Discount"), "percent", "折扣", "折扣率", "Discount"),
    _f("line_amount", translate("ImportFields", "Line amount (net)"), "money", "金额", "销售额", "总金额", "不含税金额",
       "Sales", "Amount", "Net Amount", "Line Total"),
    _f("cost", translate("ImportFields", "Cost"), "money", "成本", "成本金额", "Cost"),
    _f("profit", translate("ImportFields", "Profit"), "money", "利润", "毛利", "毛利润", "Profit", "Margin"),
    _f("tax_rate", translate("ImportFields", "Tax rate"), "percent", "税率", "Tax Rate", "VAT"),
    _CURRENCY,
    _f("status", translate("ImportFields", "Status"), "text", "状态", "订单状态", "Status", "Order Status"),
    _OWNER,
)  # fmt: skip

OPPORTUNITY_FIELDS: tuple[TargetField, ...] = (
    _f("title", translate("ImportFields", "Title"), "text", "商机名称", "商机", "项目名称", "项目", "机会名称",
       "Opportunity", "Opportunity Name", "Deal", "Deal Name", "Title", required=True),
    _CUSTOMER_CODE,
    _CUSTOMER_NAME,
    _f("amount", translate("ImportFields", "Amount"), "money", "金额", "预计金额", "商机金额", "Amount", "Deal Value",
       "Value"),
    _CURRENCY,
    _f("stage", translate("ImportFields", "Stage"), "text", "阶段", "销售阶段", "Stage", "Deal Stage"),
    _f("status", translate("ImportFields", "Status"), "text", "状态", "结果", "赢单/输单", "Status", "Result"),
    _f("source", translate("ImportFields", "Source"), "text", "来源", "商机来源", "Source", "Lead Source"),
    _OWNER,
    _f("created_date", translate("ImportFields", "Created"), "date", "创建日期", "创建时间", "Created", "Created Date"),
    _f("expected_close", translate("ImportFields", "Expected close"), "date", "预计成交日期", "预计结单日期",
       "Expected Close", "Close Date"),
    _f("closed_date", translate("ImportFields", "Closed on"), "date", "结单日期", "成交日期", "关闭日期", "Closed",
       "Closed Date", "Won Date"),
    _f("lost_reason", translate("ImportFields", "Lost reason"), "text", "输单原因", "丢单原因", "Lost Reason"),
)  # fmt: skip

ACTIVITY_FIELDS: tuple[TargetField, ...] = (
    _CUSTOMER_CODE,
    _CUSTOMER_NAME,
    _f("kind", translate("ImportFields", "Kind"), "text", "类型", "方式", "跟进方式", "联系方式", "Kind", "Type",
       "Activity Type"),
    _f("date", translate("ImportFields", "Date"), "date", "日期", "时间", "跟进日期", "拜访日期", "Date",
       required=True),
    _OWNER,
    _f("summary", translate("ImportFields", "Summary"), "text", "内容", "跟进内容", "摘要", "记录", "备注", "Summary",
       "Notes", "Description"),
    _f("satisfaction", translate("ImportFields", "Satisfaction"), "int", "满意度", "评分", "Satisfaction", "Score"),
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
