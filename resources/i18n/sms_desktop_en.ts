<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AccountsTab</name>
    <message numerus="yes">
        <source>%Ln customer(s) with orders</source>
        <translation>
            <numerusform>%Ln customer with orders</numerusform>
            <numerusform>%Ln customers with orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scores of %Ln customer(s) recomputed</source>
        <translation>
            <numerusform>Scores of %Ln customer recomputed</numerusform>
            <numerusform>Scores of %Ln customers recomputed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changed</source>
        <translation>
            <numerusform>%Ln changed</numerusform>
            <numerusform>%Ln changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last 8 quarters: %Ln answer(s); CSAT {csat} % (share of 4 and 5), NPS {nps} ({promoters} promoters, {passives} passives, {detractors} detractors)</source>
        <translation>
            <numerusform>Last 8 quarters: %Ln answer; CSAT {csat} % (share of 4 and 5), NPS {nps} ({promoters} promoters, {passives} passives, {detractors} detractors)</numerusform>
            <numerusform>Last 8 quarters: %Ln answers; CSAT {csat} % (share of 4 and 5), NPS {nps} ({promoters} promoters, {passives} passives, {detractors} detractors)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{abc}: %Ln customer(s)</source>
        <translation>
            <numerusform>{abc}: %Ln customer</numerusform>
            <numerusform>{abc}: %Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{abc}: %Ln customer(s), {revenue} ({share} %)</source>
        <translation>
            <numerusform>{abc}: %Ln customer, {revenue} ({share} %)</numerusform>
            <numerusform>{abc}: %Ln customers, {revenue} ({share} %)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln customer(s) to {path}.</source>
        <translation>
            <numerusform>Exported %Ln customer to {path}.</numerusform>
            <numerusform>Exported %Ln customers to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Campaign created: %Ln survey task(s) for the owners</source>
        <translation>
            <numerusform>Campaign created: %Ln survey task for the owners</numerusform>
            <numerusform>Campaign created: %Ln survey tasks for the owners</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s) written to {path}</source>
        <translation>
            <numerusform>%Ln page written to {path}</numerusform>
            <numerusform>%Ln pages written to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message numerus="yes">
        <source>%Ln customer(s) will be asked</source>
        <translation>
            <numerusform>%Ln customer will be asked</numerusform>
            <numerusform>%Ln customers will be asked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomersTab</name>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln customer(s)</source>
        <translation>
            <numerusform>Delete %Ln customer</numerusform>
            <numerusform>Delete %Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln customer(s) to {path}.</source>
        <translation>
            <numerusform>Exported %Ln customer to {path}.</numerusform>
            <numerusform>Exported %Ln customers to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DealListView</name>
    <message numerus="yes">
        <source>%Ln deal(s)</source>
        <translation>
            <numerusform>%Ln deal</numerusform>
            <numerusform>%Ln deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln deal(s) to {path}.</source>
        <translation>
            <numerusform>Exported %Ln deal to {path}.</numerusform>
            <numerusform>Exported %Ln deals to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message numerus="yes">
        <source>%Ln item(s), total {total}</source>
        <translation>
            <numerusform>%Ln item, total {total}</numerusform>
            <numerusform>%Ln items, total {total}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message numerus="yes">
        <source>about %Ln row(s)</source>
        <translation>
            <numerusform>about %Ln row</numerusform>
            <numerusform>about %Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln column(s)</source>
        <translation>
            <numerusform>%Ln column</numerusform>
            <numerusform>%Ln columns</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ForecastTab</name>
    <message numerus="yes">
        <source>%Ln past forecast period(s) can be compared with what happened; {inside} fell inside the 80 % interval.</source>
        <translation>
            <numerusform>%Ln past forecast period can be compared with what happened; {inside} fell inside the 80 % interval.</numerusform>
            <numerusform>%Ln past forecast periods can be compared with what happened; {inside} fell inside the 80 % interval.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>forecast %Ln period(s) before</source>
        <translation>
            <numerusform>forecast %Ln period before</numerusform>
            <numerusform>forecast %Ln periods before</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln open deal(s) need attention: no close date, or one already past.</source>
        <translation>
            <numerusform>%Ln open deal needs attention: no close date, or one already past.</numerusform>
            <numerusform>%Ln open deals need attention: no close date, or one already past.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message numerus="yes">
        <source>%Ln change(s)</source>
        <translation>
            <numerusform>%Ln change</numerusform>
            <numerusform>%Ln changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln change(s) to {path}.</source>
        <translation>
            <numerusform>Exported %Ln change to {path}.</numerusform>
            <numerusform>Exported %Ln changes to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message numerus="yes">
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln order</numerusform>
            <numerusform>%Ln orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln order(s) to {path}.</source>
        <translation>
            <numerusform>Exported %Ln order to {path}.</numerusform>
            <numerusform>Exported %Ln orders to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message numerus="yes">
        <source>%Ln page(s)</source>
        <translation>
            <numerusform>%Ln page</numerusform>
            <numerusform>%Ln pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message numerus="yes">
        <source>%Ln deal(s), {amount}</source>
        <translation>
            <numerusform>%Ln deal, {amount}</numerusform>
            <numerusform>%Ln deals, {amount}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProductsDialog</name>
    <message numerus="yes">
        <source>%Ln product(s)</source>
        <translation>
            <numerusform>%Ln product</numerusform>
            <numerusform>%Ln products</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln product(s) to {path}.</source>
        <translation>
            <numerusform>Exported %Ln product to {path}.</numerusform>
            <numerusform>Exported %Ln products to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuotesTab</name>
    <message numerus="yes">
        <source>%Ln quote(s)</source>
        <translation>
            <numerusform>%Ln quote</numerusform>
            <numerusform>%Ln quotes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln quote(s) passed their validity and are now expired.</source>
        <translation>
            <numerusform>%Ln quote passed its validity and is now expired.</numerusform>
            <numerusform>%Ln quotes passed their validity and are now expired.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln quote(s) to {path}.</source>
        <translation>
            <numerusform>Exported %Ln quote to {path}.</numerusform>
            <numerusform>Exported %Ln quotes to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceivablesDialog</name>
    <message numerus="yes">
        <source>%Ln collection task(s) created.</source>
        <translation>
            <numerusform>%Ln collection task created.</numerusform>
            <numerusform>%Ln collection tasks created.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln customer(s) to {path}.</source>
        <translation>
            <numerusform>Exported %Ln customer to {path}.</numerusform>
            <numerusform>Exported %Ln customers to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderPanel</name>
    <message numerus="yes">
        <source>Snooze %Ln Minute(s)</source>
        <translation>
            <numerusform>Snooze %Ln Minute</numerusform>
            <numerusform>Snooze %Ln Minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln Reminder(s)</source>
        <translation>
            <numerusform>%Ln Reminder</numerusform>
            <numerusform>%Ln Reminders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln task(s) to remind you of:</source>
        <translation>
            <numerusform>%Ln task to remind you of:</numerusform>
            <numerusform>%Ln tasks to remind you of:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message numerus="yes">
        <source>%Ln row(s) with errors saved to {path}.</source>
        <translation>
            <numerusform>%Ln row with errors saved to {path}.</numerusform>
            <numerusform>%Ln rows with errors saved to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TargetsTab</name>
    <message numerus="yes">
        <source>Copied %Ln target(s) from the previous period.</source>
        <translation>
            <numerusform>Copied %Ln target from the previous period.</numerusform>
            <numerusform>Copied %Ln targets from the previous period.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TasksTab</name>
    <message numerus="yes">
        <source>%Ln task(s)</source>
        <translation>
            <numerusform>%Ln task</numerusform>
            <numerusform>%Ln tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reschedule %Ln task(s)</source>
        <translation>
            <numerusform>Reschedule %Ln task</numerusform>
            <numerusform>Reschedule %Ln tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln task(s).</source>
        <translation>
            <numerusform>Moved %Ln task.</numerusform>
            <numerusform>Moved %Ln tasks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln task(s)</source>
        <translation>
            <numerusform>Delete %Ln task</numerusform>
            <numerusform>Delete %Ln tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln task(s) to the trash (Edit ▸ Trash).</source>
        <translation>
            <numerusform>Moved %Ln task to the trash (Edit ▸ Trash).</numerusform>
            <numerusform>Moved %Ln tasks to the trash (Edit ▸ Trash).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %Ln task(s).</source>
        <translation>
            <numerusform>Added %Ln task.</numerusform>
            <numerusform>Added %Ln tasks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This List to Excel or CSV (%Ln task(s))…</source>
        <translation>
            <numerusform>This List to Excel or CSV (%Ln task)…</numerusform>
            <numerusform>This List to Excel or CSV (%Ln tasks)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Selected to Excel or CSV (%Ln task(s))…</source>
        <translation>
            <numerusform>Selected to Excel or CSV (%Ln task)…</numerusform>
            <numerusform>Selected to Excel or CSV (%Ln tasks)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This List to Calendar .ics (%Ln task(s))…</source>
        <translation>
            <numerusform>This List to Calendar .ics (%Ln task)…</numerusform>
            <numerusform>This List to Calendar .ics (%Ln tasks)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Selected to Calendar .ics (%Ln task(s))…</source>
        <translation>
            <numerusform>Selected to Calendar .ics (%Ln task)…</numerusform>
            <numerusform>Selected to Calendar .ics (%Ln tasks)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln task(s) to {path}.</source>
        <translation>
            <numerusform>Exported %Ln task to {path}.</numerusform>
            <numerusform>Exported %Ln tasks to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayDialog</name>
    <message numerus="yes">
        <source>%Ln task(s) overdue.</source>
        <translation>
            <numerusform>%Ln task overdue.</numerusform>
            <numerusform>%Ln tasks overdue.</numerusform>
        </translation>
    </message>
</context>
</TS>
