"""The fixed vocabulary of the dashboard charts and the summary reports, in both languages.

The reports are also written by the command line, which runs without Qt and its
translators, so their texts live here as one table per language; the dashboard uses the same
table for its charts, so a chart reads the same on screen, in the workbook and in the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass

from sms_desktop.reporting.charts import is_chinese


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


EN = ReportText(
    monthly_title="Monthly revenue (excl. tax)",
    this_year="Revenue (excl. tax)",
    last_year="Same month last year",
    pipeline_title="Open pipeline by stage",
    amount="Amount",
    weighted="Weighted",
    deals="Deals",
    deal_count="{count} deals",
    top_customers_title="Top 10 customers",
    cumulative_share="Cumulative share",
    categories_title="Revenue (excl. tax) by product category",
    uncategorised="(no category)",
    targets_title="Target attainment by salesperson",
    target="Target",
    actual="Actual",
    attainment="Attainment",
    no_data="No data for this period.",
    revenue_period="Revenue (excl. tax) in period",
    revenue_month="Revenue (excl. tax) this month",
    revenue_quarter="Revenue (excl. tax) this quarter",
    revenue_ytd="Revenue (excl. tax) year to date",
    same_period_last_year="Same period last year",
    change="Change",
    open_pipeline="Open pipeline",
    weighted_pipeline="Weighted pipeline",
    open_deals="Open deals",
    win_rate="Win rate",
    won_deals="Deals won",
    lost_deals="Deals lost",
    average_deal_size="Average deal size",
    quotes_awaiting="Quotes awaiting an answer",
    quotes_awaiting_amount="Quoted amount awaiting an answer",
    overdue_tasks="Overdue tasks",
    target_attainment="Target attainment",
    summary_sheet="Summary",
    monthly_sheet="Monthly sales",
    customers_sheet="By customer",
    products_sheet="By product",
    pipeline_sheet="Pipeline",
    targets_sheet="Targets",
    activities_sheet="Activities",
    figure="Figure",
    value="Value",
    previous="Last year",
    period="Period",
    period_from="From",
    period_to="To",
    owner="Owner",
    everyone="Everyone",
    month="Month",
    revenue="Revenue (excl. tax)",
    orders="Orders",
    customer="Customer",
    last_order="Last order",
    tier="Tier",
    sku="SKU",
    product="Product",
    category="Category",
    quantity="Quantity",
    deal="Deal",
    stage="Stage",
    probability="Probability",
    expected_close="Expected close",
    salesperson="Salesperson",
    subject="Subject",
    kind="Type",
    due="Due",
    tasks_due="Tasks due in period",
    done="Done",
    status="Status",
    open_status="Open",
    done_status="Done",
    overdue_status="Overdue",
    report_title="Sales management report",
    generated="Generated {date}",
    page="Page {page} of {pages}",
    top_customers_table="Top customers",
    share="Share",
)

ZH = ReportText(
    monthly_title="月度销售额（不含税）",
    this_year="销售额（不含税）",
    last_year="去年同月",
    pipeline_title="各阶段在谈商机",
    amount="金额",
    weighted="加权金额",
    deals="商机数",
    deal_count="{count} 个商机",
    top_customers_title="前十大客户",
    cumulative_share="累计占比",
    categories_title="各产品类别销售额（不含税）",
    uncategorised="（未分类）",
    targets_title="销售人员目标完成率",
    target="目标",
    actual="实际",
    attainment="完成率",
    no_data="此期间没有数据。",
    revenue_period="本期销售额（不含税）",
    revenue_month="本月销售额（不含税）",
    revenue_quarter="本季度销售额（不含税）",
    revenue_ytd="本年累计销售额（不含税）",
    same_period_last_year="去年同期",
    change="同比",
    open_pipeline="在谈商机金额",
    weighted_pipeline="加权商机金额",
    open_deals="在谈商机数",
    win_rate="赢单率",
    won_deals="赢单数",
    lost_deals="输单数",
    average_deal_size="平均成交金额",
    quotes_awaiting="待回复报价",
    quotes_awaiting_amount="待回复报价金额",
    overdue_tasks="逾期任务",
    target_attainment="目标完成率",
    summary_sheet="汇总",
    monthly_sheet="月度销售",
    customers_sheet="按客户",
    products_sheet="按产品",
    pipeline_sheet="销售机会",
    targets_sheet="目标",
    activities_sheet="活动",
    figure="指标",
    value="数值",
    previous="去年同期",
    period="期间",
    period_from="开始日期",
    period_to="结束日期",
    owner="负责人",
    everyone="全部",
    month="月份",
    revenue="销售额（不含税）",
    orders="订单数",
    customer="客户",
    last_order="最近下单",
    tier="等级",
    sku="产品编号",
    product="产品",
    category="类别",
    quantity="数量",
    deal="商机",
    stage="阶段",
    probability="赢单概率",
    expected_close="预计成交日期",
    salesperson="销售人员",
    subject="主题",
    kind="类型",
    due="截止时间",
    tasks_due="期内到期任务",
    done="完成时间",
    status="状态",
    open_status="未完成",
    done_status="已完成",
    overdue_status="已逾期",
    report_title="销售管理报告",
    generated="生成于 {date}",
    page="第 {page} 页，共 {pages} 页",
    top_customers_table="主要客户",
    share="占比",
)


def report_text(language: str) -> ReportText:
    """The Chinese table for ``zh…`` languages, otherwise the English one."""
    return ZH if is_chinese(language) else EN
