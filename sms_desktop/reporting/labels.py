"""The one catalogue of what the printed and exported documents say, in Chinese and English.

Reports, charts and PDFs are also written by the command line, which runs without Qt and its
translators, so their words are pairs (中文, English) kept here: the quote PDF's labels, and the
dashboard charts', the summary workbook's and the management report's. :func:`in_language`
picks from a pair for a document's language (both, for a bilingual quote).
"""

from __future__ import annotations

from dataclasses import dataclass

from sms_desktop.domain.enums import DocumentLanguage
from sms_desktop.reporting.charts import is_chinese

Pair = tuple[str, str]  # (中文, English)


def in_language(pair: Pair, language: DocumentLanguage) -> str:
    zh, en = pair
    if language is DocumentLanguage.ZH_CN:
        return zh
    if language is DocumentLanguage.EN:
        return en
    return f"{zh} {en}"


# ------------------------------------------------------------------------- quote PDF

QUOTE_LABELS: dict[str, Pair] = {
    "title": ("报价单", "QUOTATION"),
    "to": ("客户", "To"),
    "contact": ("联系人", "Contact"),
    "tax_id": ("税号", "Tax ID"),
    "phone": ("电话", "Phone"),
    "email": ("邮箱", "Email"),
    "address": ("地址", "Address"),
    "number": ("报价单号", "Quote No."),
    "revision": ("版本", "Revision"),
    "date": ("报价日期", "Date"),
    "valid": ("有效期至", "Valid until"),
    "owner": ("销售代表", "Sales rep."),
    "currency": ("币种", "Currency"),
    "prices": ("价格", "Prices"),
    "excl": ("不含税", "excl. tax"),
    "incl": ("含税", "incl. tax"),
    "no": ("序号", "No."),
    "item": ("品名及描述", "Item"),
    "qty": ("数量", "Qty"),
    "unit": ("单位", "Unit"),
    "price": ("单价", "Unit price"),
    "discount": ("折扣", "Disc."),
    "rate": ("税率", "Tax"),
    "amount": ("金额", "Amount"),
    "gross": ("折前金额", "Amount before discount"),
    "discount_total": ("折扣", "Discount"),
    "subtotal": ("小计（不含税）", "Subtotal (excl. tax)"),
    "vat": ("增值税", "VAT"),
    "total": ("总计", "Total"),
    "total_incl": ("总计（含税）", "Total (incl. tax)"),
    "of_net": ("其中不含税金额", "of which net"),
    "of_vat": ("其中增值税", "of which VAT"),
    "capitals": ("大写金额", "Amount in words"),
    "notes": ("备注", "Notes"),
    "terms": ("条款", "Terms"),
    "bank": ("开户银行及账号", "Bank details"),
    "customer_sign": ("客户确认（签字盖章）", "Accepted by the customer (signature and stamp)"),
    "company_sign": ("供方（盖章）", "For the supplier (stamp)"),
    "sign_date": ("日期", "Date"),
    "page": ("第 {page} 页，共 {pages} 页", "Page {page} of {pages}"),
}


# ------------------------------------------------ order confirmation and delivery note PDFs

ORDER_LABELS: dict[str, Pair] = {
    "confirmation": ("销售确认单", "Sales Order Confirmation"),
    "delivery": ("送货单", "Delivery Note"),
    "order_no": ("订单号", "Order No."),
    "delivery_no": ("送货单号", "Delivery No."),
    "order_date": ("订单日期", "Order date"),
    "delivery_date": ("送货日期", "Delivery date"),
    "terms": ("付款条件", "Payment terms"),
    "fx_rate": ("汇率", "Exchange rate"),
    "in_base": ("折合", "Equivalent"),
    "ordered": ("订购数量", "Ordered"),
    "delivered": ("本次送货", "Delivered"),
    "signature": ("签收", "Received by"),
    "signature_hint": (
        "以上货物已如数收到，外观完好（签字、盖章）",
        "Goods received in full and in good order (signature and stamp)",
    ),
    "confirm_sign": ("客户确认（签字盖章）", "Confirmed by the customer (signature and stamp)"),
    "terms_net": ("票到{days}天付款", "Net {days} days"),
    "terms_eom": ("月结{days}天", "Month end + {days} days"),
    "terms_prepay": ("预付{percent}%，余款{days}天", "Prepay {percent}%, rest net {days} days"),
}


# ------------------------------------------------------------------- accounting export

VOUCHER_LABELS: dict[str, Pair] = {
    "vouchers": ("凭证", "Vouchers"),
    "customers": ("客户", "Customers"),
    "products": ("产品", "Products"),
    "date": ("日期", "Date"),
    "voucher": ("凭证号", "Voucher no."),
    "summary": ("摘要", "Summary"),
    "code": ("科目代码", "Account code"),
    "account": ("科目名称", "Account name"),
    "debit": ("借方金额", "Debit"),
    "credit": ("贷方金额", "Credit"),
    "customer": ("客户", "Customer"),
    "document": ("单据号", "Document no."),
    "summary_invoice": ("销售发票 {document} {customer}", "Invoice {document} {customer}"),
    "summary_receipt": ("收到货款 {customer} {document}", "Payment from {customer} {document}"),
    "summary_refund": ("退款 {customer} {document}", "Refund to {customer} {document}"),
    "c_code": ("客户编码", "Customer code"),
    "c_name": ("客户名称", "Customer name"),
    "c_tax": ("税号", "Tax ID"),
    "c_address": ("地址", "Address"),
    "c_phone": ("电话", "Phone"),
    "p_sku": ("产品编码", "SKU"),
    "p_name": ("产品名称", "Product name"),
    "p_unit": ("单位", "Unit"),
    "p_tax": ("税率(%)", "Tax rate (%)"),
    "p_price": ("标准售价", "List price"),
}


# --------------------------------------------- dashboard charts, summary workbook, report PDF

REPORT_LABELS: dict[str, Pair] = {
    "monthly_title": ("月度销售额（不含税）", "Monthly revenue (excl. tax)"),
    "this_year": ("销售额（不含税）", "Revenue (excl. tax)"),
    "last_year": ("去年同月", "Same month last year"),
    "pipeline_title": ("各阶段在谈商机", "Open pipeline by stage"),
    "amount": ("金额", "Amount"),
    "weighted": ("加权金额", "Weighted"),
    "deals": ("商机数", "Deals"),
    "deal_count": ("{count} 个商机", "{count} deals"),
    "top_customers_title": ("前十大客户", "Top 10 customers"),
    "cumulative_share": ("累计占比", "Cumulative share"),
    "categories_title": ("各产品类别销售额（不含税）", "Revenue (excl. tax) by product category"),
    "uncategorised": ("（未分类）", "(no category)"),
    "targets_title": ("销售人员目标完成率", "Target attainment by salesperson"),
    "target": ("目标", "Target"),
    "actual": ("实际", "Actual"),
    "attainment": ("完成率", "Attainment"),
    "no_data": ("此期间没有数据。", "No data for this period."),
    "revenue_period": ("本期销售额（不含税）", "Revenue (excl. tax) in period"),
    "revenue_month": ("本月销售额（不含税）", "Revenue (excl. tax) this month"),
    "revenue_quarter": ("本季度销售额（不含税）", "Revenue (excl. tax) this quarter"),
    "revenue_ytd": ("本年累计销售额（不含税）", "Revenue (excl. tax) year to date"),
    "same_period_last_year": ("去年同期", "Same period last year"),
    "change": ("同比", "Change"),
    "open_pipeline": ("在谈商机金额", "Open pipeline"),
    "weighted_pipeline": ("加权商机金额", "Weighted pipeline"),
    "open_deals": ("在谈商机数", "Open deals"),
    "win_rate": ("赢单率", "Win rate"),
    "won_deals": ("赢单数", "Deals won"),
    "lost_deals": ("输单数", "Deals lost"),
    "average_deal_size": ("平均成交金额", "Average deal size"),
    "quotes_awaiting": ("待回复报价", "Quotes awaiting an answer"),
    "quotes_awaiting_amount": ("待回复报价金额", "Quoted amount awaiting an answer"),
    "overdue_tasks": ("逾期任务", "Overdue tasks"),
    "target_attainment": ("目标完成率", "Target attainment"),
    "summary_sheet": ("汇总", "Summary"),
    "monthly_sheet": ("月度销售", "Monthly sales"),
    "customers_sheet": ("按客户", "By customer"),
    "products_sheet": ("按产品", "By product"),
    "pipeline_sheet": ("销售机会", "Pipeline"),
    "targets_sheet": ("目标", "Targets"),
    "activities_sheet": ("活动", "Activities"),
    "figure": ("指标", "Figure"),
    "value": ("数值", "Value"),
    "previous": ("去年同期", "Last year"),
    "period": ("期间", "Period"),
    "period_from": ("开始日期", "From"),
    "period_to": ("结束日期", "To"),
    "owner": ("负责人", "Owner"),
    "everyone": ("全部", "Everyone"),
    "month": ("月份", "Month"),
    "revenue": ("销售额（不含税）", "Revenue (excl. tax)"),
    "orders": ("订单数", "Orders"),
    "customer": ("客户", "Customer"),
    "last_order": ("最近下单", "Last order"),
    "tier": ("等级", "Tier"),
    "sku": ("产品编号", "SKU"),
    "product": ("产品", "Product"),
    "category": ("类别", "Category"),
    "quantity": ("数量", "Quantity"),
    "deal": ("商机", "Deal"),
    "stage": ("阶段", "Stage"),
    "probability": ("赢单概率", "Probability"),
    "expected_close": ("预计成交日期", "Expected close"),
    "salesperson": ("销售人员", "Salesperson"),
    "subject": ("主题", "Subject"),
    "kind": ("类型", "Type"),
    "due": ("截止时间", "Due"),
    "tasks_due": ("期内到期任务", "Tasks due in period"),
    "done": ("完成时间", "Done"),
    "status": ("状态", "Status"),
    "open_status": ("未完成", "Open"),
    "done_status": ("已完成", "Done"),
    "overdue_status": ("已逾期", "Overdue"),
    "report_title": ("销售管理报告", "Sales management report"),
    "generated": ("生成于 {date}", "Generated {date}"),
    "page": ("第 {page} 页，共 {pages} 页", "Page {page} of {pages}"),
    "top_customers_table": ("主要客户", "Top customers"),
    "share": ("占比", "Share"),
}


@dataclass(frozen=True, slots=True)
class ReportText:
    """Every text of the dashboard charts, the summary workbook and the management PDF."""

    # charts
    monthly_title: str
    this_year: str
    last_year: str
    pipeline_title: str
    amount: str
    weighted: str
    deals: str
    deal_count: str  # "{count} deals"
    top_customers_title: str
    cumulative_share: str
    categories_title: str
    uncategorised: str
    targets_title: str
    target: str
    actual: str
    attainment: str
    no_data: str
    # KPI names
    revenue_period: str
    revenue_month: str
    revenue_quarter: str
    revenue_ytd: str
    same_period_last_year: str
    change: str
    open_pipeline: str
    weighted_pipeline: str
    open_deals: str
    win_rate: str
    won_deals: str
    lost_deals: str
    average_deal_size: str
    quotes_awaiting: str
    quotes_awaiting_amount: str
    overdue_tasks: str
    target_attainment: str
    # workbook
    summary_sheet: str
    monthly_sheet: str
    customers_sheet: str
    products_sheet: str
    pipeline_sheet: str
    targets_sheet: str
    activities_sheet: str
    figure: str
    value: str
    previous: str
    period: str
    period_from: str
    period_to: str
    owner: str
    everyone: str
    month: str
    revenue: str
    orders: str
    customer: str
    last_order: str
    tier: str
    sku: str
    product: str
    category: str
    quantity: str
    deal: str
    stage: str
    probability: str
    expected_close: str
    salesperson: str
    subject: str
    kind: str
    due: str
    tasks_due: str
    done: str
    status: str
    open_status: str
    done_status: str
    overdue_status: str
    # PDF
    report_title: str
    generated: str
    page: str  # "Page {page} of {pages}"
    top_customers_table: str
    share: str


def report_text(language: str) -> ReportText:
    """The words of the reports in ``language`` (Chinese for ``zh…``, else English)."""
    pick = DocumentLanguage.ZH_CN if is_chinese(language) else DocumentLanguage.EN
    return ReportText(**{key: in_language(pair, pick) for key, pair in REPORT_LABELS.items()})
