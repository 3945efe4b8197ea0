<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About SMS Desktop</source>
        <translation>关于 SMS Desktop</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Error log</source>
        <translation>错误日志</translation>
    </message>
    <message>
        <source>SMS Desktop</source>
        <translation>SMS Desktop 销售管理系统</translation>
    </message>
    <message>
        <source>Offline sales management for small businesses.</source>
        <translation>面向小企业的离线销售管理软件。</translation>
    </message>
    <message>
        <source>Free software under the GNU GPL v3 or later.</source>
        <translation>自由软件，按 GNU GPL v3 或更高版本授权。</translation>
    </message>
    <message>
        <source>Open Data Folder</source>
        <translation>打开数据文件夹</translation>
    </message>
</context>
<context>
    <name>AccountList</name>
    <message>
        <source>set by hand</source>
        <translation>手动设定</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康度</translation>
    </message>
    <message>
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <source>RFM segment</source>
        <translation>RFM 分类</translation>
    </message>
    <message>
        <source>RFM</source>
        <translation>RFM</translation>
    </message>
    <message>
        <source>Days since last order</source>
        <translation>距上次下单天数</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Revenue, lifetime</source>
        <translation>累计销售额</translation>
    </message>
    <message>
        <source>Revenue, last 12 months</source>
        <translation>近 12 个月销售额</translation>
    </message>
    <message>
        <source>Share of revenue %</source>
        <translation>销售额占比 %</translation>
    </message>
    <message>
        <source>Revenue rank</source>
        <translation>销售额排名</translation>
    </message>
    <message>
        <source>CLV</source>
        <translation>客户终身价值</translation>
    </message>
    <message>
        <source>Margin so far</source>
        <translation>历史毛利</translation>
    </message>
    <message>
        <source>Expected margin, next 12 months</source>
        <translation>未来 12 个月预计毛利</translation>
    </message>
    <message>
        <source>Still active %</source>
        <translation>仍活跃概率 %</translation>
    </message>
    <message>
        <source>Usual order interval (days)</source>
        <translation>通常下单间隔（天）</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>Health: re-order</source>
        <translation>健康度：复购</translation>
    </message>
    <message>
        <source>Health: trend</source>
        <translation>健康度：趋势</translation>
    </message>
    <message>
        <source>Health: satisfaction</source>
        <translation>健康度：满意度</translation>
    </message>
    <message>
        <source>Health: contact</source>
        <translation>健康度：联系</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>潜在价值</translation>
    </message>
    <message>
        <source>Strategic fit</source>
        <translation>战略契合度</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>增长</translation>
    </message>
    <message>
        <source>Computed tier</source>
        <translation>计算等级</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Customer code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>计算日期</translation>
    </message>
    <message>
        <source>Key accounts</source>
        <translation>关键客户</translation>
    </message>
    <message>
        <source>key-accounts</source>
        <translation>关键客户</translation>
    </message>
</context>
<context>
    <name>AccountPlans</name>
    <message>
        <source>The year is between 2000 and 2100.</source>
        <translation>年份须在 2000 到 2100 之间。</translation>
    </message>
    <message>
        <source>The revenue target is an amount of 0 or more.</source>
        <translation>销售目标须为 0 或以上的金额。</translation>
    </message>
    <message>
        <source>The revenue target has at most 2 decimals.</source>
        <translation>销售目标最多两位小数。</translation>
    </message>
    <message>
        <source>This text is longer than {max} characters.</source>
        <translation>内容不能超过 {max} 个字符。</translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <source>This task no longer exists.</source>
        <translation>该任务已不存在。</translation>
    </message>
    <message>
        <source>This account plan no longer exists.</source>
        <translation>该客户计划已不存在。</translation>
    </message>
    <message>
        <source>This customer already has a plan for {year}.</source>
        <translation>该客户已有 {year} 年的计划。</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>This customer no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <source>{tier} (set by hand: {reason}); computed: {computed}</source>
        <translation>{tier}（手动设定：{reason}）；计算结果：{computed}</translation>
    </message>
</context>
<context>
    <name>AccountsTab</name>
    <message>
        <source>Segment</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>建议做法</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>调查数</translation>
    </message>
    <message>
        <source>CSAT %</source>
        <translation>满意率 %</translation>
    </message>
    <message>
        <source>Average score</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>NPS answers</source>
        <translation>NPS 回答数</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>R{r} F{f}: {n} customers, revenue {revenue}</source>
        <translation>R{r} F{f}：{n} 个客户，销售额 {revenue}</translation>
    </message>
    <message>
        <source>Search customers…</source>
        <translation>搜索客户…</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <source>Scores are recomputed by themselves after orders change</source>
        <translation>订单变化后会自动重新计算</translation>
    </message>
    <message>
        <source>Set Tier…</source>
        <translation>设定等级…</translation>
    </message>
    <message>
        <source>Account Plan…</source>
        <translation>客户计划…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) with orders</source>
        <translation>
            <numerusform>%Ln 个有订单的客户</numerusform>
        </translation>
    </message>
    <message>
        <source>Rows: recency score R; columns: frequency score F</source>
        <translation>行：最近购买得分 R；列：购买频率得分 F</translation>
    </message>
    <message>
        <source>Open Customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Create Task…</source>
        <translation>新建任务…</translation>
    </message>
    <message>
        <source>Dismiss…</source>
        <translation>忽略…</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>调查活动</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>调查数</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>New Campaign…</source>
        <translation>新建调查…</translation>
    </message>
    <message>
        <source>Results…</source>
        <translation>调查结果…</translation>
    </message>
    <message>
        <source>Blank Form…</source>
        <translation>空白调查表…</translation>
    </message>
    <message>
        <source>Tiers &amp;&amp; Health</source>
        <translation>等级与健康度</translation>
    </message>
    <message>
        <source>RFM</source>
        <translation>RFM</translation>
    </message>
    <message>
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <source>Next-Best Actions</source>
        <translation>今日建议</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>客户终身价值</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康度</translation>
    </message>
    <message>
        <source>White space</source>
        <translation>空白品类</translation>
    </message>
    <message>
        <source>Scoring customers…</source>
        <translation>正在计算客户得分…</translation>
    </message>
    <message numerus="yes">
        <source>Scores of %Ln customer(s) recomputed</source>
        <translation>
            <numerusform>已重新计算 %Ln 个客户的得分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changed</source>
        <translation>
            <numerusform>%Ln 个有变化</numerusform>
        </translation>
    </message>
    <message>
        <source>Scores as of {day}</source>
        <translation>得分计算日期：{day}</translation>
    </message>
    <message>
        <source>All salespeople</source>
        <translation>全部销售人员</translation>
    </message>
    <message numerus="yes">
        <source>Last 8 quarters: %Ln answer(s); CSAT {csat} % (share of 4 and 5), NPS {nps} ({promoters} promoters, {passives} passives, {detractors} detractors)</source>
        <translation>
            <numerusform>近 8 个季度：%Ln 份回答；满意率 {csat}%（4 分和 5 分占比），NPS {nps}（推荐者 {promoters}，中立者 {passives}，贬损者 {detractors}）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{abc}: %Ln customer(s)</source>
        <translation>
            <numerusform>{abc} 类：%Ln 个客户</numerusform>
        </translation>
    </message>
    <message>
        <source>Revenue of the last 12 months by customer (Pareto)</source>
        <translation>近 12 个月各客户销售额（帕累托图）</translation>
    </message>
    <message>
        <source>Share of customers, largest first (%)</source>
        <translation>客户占比，从大到小（%）</translation>
    </message>
    <message>
        <source>Cumulative share of revenue (%)</source>
        <translation>累计销售额占比（%）</translation>
    </message>
    <message>
        <source>No orders yet</source>
        <translation>尚无订单</translation>
    </message>
    <message numerus="yes">
        <source>{abc}: %Ln customer(s), {revenue} ({share} %)</source>
        <translation>
            <numerusform>{abc} 类：%Ln 个客户，{revenue}（{share}%）</numerusform>
        </translation>
    </message>
    <message>
        <source>A while the customers before it hold less than {a} % of the revenue, B less than {b} %, C the rest.</source>
        <translation>排在前面的客户累计销售额不足 {a}% 时为 A 类，不足 {b}% 时为 B 类，其余为 C 类。</translation>
    </message>
    <message>
        <source>Select a customer to see why it is in its class.</source>
        <translation>选择一个客户，查看其分类的原因。</translation>
    </message>
    <message>
        <source>{part}: {value}</source>
        <translation>{part}：{value}</translation>
    </message>
    <message>
        <source>not measured (never invoiced)</source>
        <translation>未计量（从未开票）</translation>
    </message>
    <message>
        <source>Save account plan</source>
        <translation>保存客户计划</translation>
    </message>
    <message>
        <source>Account plan saved.</source>
        <translation>客户计划已保存。</translation>
    </message>
    <message>
        <source>New survey campaign</source>
        <translation>新建满意度调查</translation>
    </message>
    <message numerus="yes">
        <source>Campaign created: %Ln survey task(s) for the owners</source>
        <translation>
            <numerusform>调查已创建：为客户经理生成 %Ln 个回访任务</numerusform>
        </translation>
    </message>
    <message>
        <source>This customer has answered already.</source>
        <translation>该客户已答复。</translation>
    </message>
    <message>
        <source>Record survey answer</source>
        <translation>录入调查答复</translation>
    </message>
    <message>
        <source>Low score: a follow-up task was created for the account owner.</source>
        <translation>评分偏低：已为客户经理创建跟进任务。</translation>
    </message>
    <message>
        <source>Satisfaction survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Print Survey Forms</source>
        <translation>打印调查表</translation>
    </message>
    <message>
        <source>survey-forms</source>
        <translation>满意度调查表</translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s) written to {path}</source>
        <translation>
            <numerusform>已写入 %Ln 页：{path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing survey forms…</source>
        <translation>正在生成调查表…</translation>
    </message>
    <message>
        <source>{score} of 100</source>
        <translation>{score} / 100</translation>
    </message>
    <message>
        <source>{category}: {buyers} of {peers} similar customers, typically {revenue}</source>
        <translation>{category}：{peers} 个同类客户中有 {buyers} 个采购，通常 {revenue}</translation>
    </message>
    <message>
        <source>Nothing similar customers buy that this one does not.</source>
        <translation>同类客户采购的品类，该客户都已采购。</translation>
    </message>
    <message>
        <source>Suggestion dismissed; it stays hidden for a while.</source>
        <translation>已忽略该建议，一段时间内不再显示。</translation>
    </message>
    <message>
        <source>Set tier</source>
        <translation>设定等级</translation>
    </message>
    <message>
        <source>Export Key Accounts</source>
        <translation>导出关键客户</translation>
    </message>
    <message>
        <source>Exporting key accounts…</source>
        <translation>正在导出关键客户…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln customer(s) to {path}.</source>
        <translation>
            <numerusform>已将 %Ln 个客户导出到 {path}。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New Database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>Create a new, empty database file</source>
        <translation>新建一个空的数据库文件</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>Open another database file</source>
        <translation>打开另一个数据库文件</translation>
    </message>
    <message>
        <source>&amp;Back Up Now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>Write a checked backup copy of the database</source>
        <translation>写入一份经过校验的数据库备份</translation>
    </message>
    <message>
        <source>&amp;Restore from Backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Replace the database with a backup (the current file is kept)</source>
        <translation>用备份替换当前数据库（当前文件会被保留）</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Products…</source>
        <translation>产品目录(&amp;P)…</translation>
    </message>
    <message>
        <source>The product catalogue: codes, prices, costs and tax rates</source>
        <translation>产品目录：编码、价格、成本和税率</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Bring in customers, contacts, products or history from Excel or CSV</source>
        <translation>从 Excel 或 CSV 导入客户、联系人、产品或历史数据</translation>
    </message>
    <message>
        <source>Import &amp;History…</source>
        <translation>导入记录(&amp;H)…</translation>
    </message>
    <message>
        <source>Every import, and reverting one</source>
        <translation>所有导入记录，以及撤回某次导入</translation>
    </message>
    <message>
        <source>&amp;Customers, All Fields…</source>
        <translation>客户（全部字段）(&amp;C)…</translation>
    </message>
    <message>
        <source>Every customer with every field and its first contact, with an id column: to send on, or to edit in Excel and import back</source>
        <translation>所有客户的全部字段及其首位联系人，带编号列：可发给合作伙伴，或在 Excel 中修改后再导入</translation>
    </message>
    <message>
        <source>C&amp;ontacts…</source>
        <translation>联系人(&amp;O)…</translation>
    </message>
    <message>
        <source>Every contact, one row each (or vCard for phones and Outlook)</source>
        <translation>所有联系人，每人一行（或导出 vCard，供手机和 Outlook 使用）</translation>
    </message>
    <message>
        <source>&amp;Products, All Fields…</source>
        <translation>产品（全部字段）(&amp;P)…</translation>
    </message>
    <message>
        <source>The catalogue with an id column, to edit and import back</source>
        <translation>带编号列的产品目录，可修改后再导入</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Go to the search box of this tab</source>
        <translation>转到本页的搜索框</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>历史记录(&amp;H)…</translation>
    </message>
    <message>
        <source>Who changed what, and when: every record&apos;s changes</source>
        <translation>谁在何时修改了什么：所有记录的变更</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>回收站(&amp;T)…</translation>
    </message>
    <message>
        <source>Deleted items, ready to be restored</source>
        <translation>已删除的项目，可随时恢复</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Data Folder</source>
        <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <source>Show the folder with the database and its backups</source>
        <translation>显示存放数据库及其备份的文件夹</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <source>How to use SMS Desktop, tab by tab</source>
        <translation>逐页介绍如何使用 SMS Desktop</translation>
    </message>
    <message>
        <source>&amp;About SMS Desktop</source>
        <translation>关于 SMS Desktop(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Summary Workbook…</source>
        <translation>汇总工作簿(&amp;S)…</translation>
    </message>
    <message>
        <source>KPIs, monthly sales, customers, products, pipeline and targets</source>
        <translation>关键指标、月度销售、客户、产品、销售机会和目标</translation>
    </message>
    <message>
        <source>&amp;Management Report (PDF)…</source>
        <translation>管理报告 (PDF)(&amp;M)…</translation>
    </message>
    <message>
        <source>A few pages with the KPIs, the charts and the top tables</source>
        <translation>包含关键指标、图表和排行表的几页报告</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
</context>
<context>
    <name>Ageing</name>
    <message>
        <source>Not yet due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>1–30 days</source>
        <translation>逾期1–30天</translation>
    </message>
    <message>
        <source>31–60 days</source>
        <translation>逾期31–60天</translation>
    </message>
    <message>
        <source>61–90 days</source>
        <translation>逾期61–90天</translation>
    </message>
    <message>
        <source>&gt; 90 days</source>
        <translation>逾期90天以上</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <source>Record Answer: {customer}</source>
        <translation>录入答复：{customer}</translation>
    </message>
    <message>
        <source>5 – very satisfied</source>
        <translation>5 – 非常满意</translation>
    </message>
    <message>
        <source>4 – satisfied</source>
        <translation>4 – 满意</translation>
    </message>
    <message>
        <source>3 – neutral</source>
        <translation>3 – 一般</translation>
    </message>
    <message>
        <source>2 – dissatisfied</source>
        <translation>2 – 不满意</translation>
    </message>
    <message>
        <source>1 – very dissatisfied</source>
        <translation>1 – 非常不满意</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <source>&amp;Satisfaction</source>
        <translation>满意度(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Recommend (0–10)</source>
        <translation>推荐意愿 0–10(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Comments</source>
        <translation>意见(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ApplyPlanDialog</name>
    <message>
        <source>Start a Follow-up Plan</source>
        <translation>启动跟进计划</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>计划：</translation>
    </message>
    <message>
        <source>Starting:</source>
        <translation>开始日期：</translation>
    </message>
    <message>
        <source>Tasks:</source>
        <translation>将创建的任务：</translation>
    </message>
</context>
<context>
    <name>Board</name>
    <message>
        <source>Next activity overdue</source>
        <translation>下一项活动已逾期</translation>
    </message>
    <message>
        <source>Next activity today</source>
        <translation>下一项活动在今天</translation>
    </message>
    <message>
        <source>Next activity planned</source>
        <translation>已安排下一项活动</translation>
    </message>
    <message>
        <source>No activity planned</source>
        <translation>未安排活动</translation>
    </message>
    <message>
        <source>Stale: {days} days in this stage</source>
        <translation>停滞：在此阶段已 {days} 天</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>停滞</translation>
    </message>
    <message>
        <source>no next step</source>
        <translation>无下一步</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>阶段默认</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>Open: {total}   Weighted: {weighted}   Expected to close this month: {month}</source>
        <translation>在谈合计：{total}   加权：{weighted}   预计本月成交：{month}</translation>
    </message>
</context>
<context>
    <name>CLI</name>
    <message>
        <source>this command works on a database file, not yet on a server ({url})</source>
        <translation>此命令只适用于数据库文件，暂不支持服务器（{url}）</translation>
    </message>
    <message>
        <source>there is no file at {path}</source>
        <translation>找不到文件：{path}</translation>
    </message>
    <message>
        <source>not a revision: {revision} (use A, B … or 1, 2 …)</source>
        <translation>不是有效的版本：{revision}（请用 A、B … 或 1、2 …）</translation>
    </message>
    <message>
        <source>cannot write {path}: {problem}</source>
        <translation>无法写入 {path}：{problem}</translation>
    </message>
    <message>
        <source>--from {start} is after --to {end}</source>
        <translation>--from {start} 晚于 --to {end}</translation>
    </message>
    <message>
        <source>{url} holds no SMS Desktop database at this version; run init first</source>
        <translation>{url} 中没有此版本的 SMS Desktop 数据库；请先运行 init</translation>
    </message>
    <message>
        <source>there is already a file at {path}; choose another --db</source>
        <translation>{path} 已存在文件，请用 --db 另选位置</translation>
    </message>
    <message>
        <source>{url} already holds an SMS Desktop database; choose another --db</source>
        <translation>{url} 已有 SMS Desktop 数据库；请另选 --db</translation>
    </message>
    <message>
        <source>cannot read the mapping {path}: {problem}</source>
        <translation>无法读取映射文件 {path}：{problem}</translation>
    </message>
    <message>
        <source>a mapping file is one object: {example}</source>
        <translation>映射文件应为一个对象：{example}</translation>
    </message>
    <message>
        <source>--out must end in .xlsx, .csv or .vcf</source>
        <translation>--out 的文件名须以 .xlsx、.csv 或 .vcf 结尾</translation>
    </message>
    <message>
        <source>only contacts are exported as vCard (.vcf)</source>
        <translation>只有联系人可以导出为 vCard（.vcf）</translation>
    </message>
    <message>
        <source>export vouchers needs --from DATE and --to DATE</source>
        <translation>export vouchers 需要 --from 日期 和 --to 日期</translation>
    </message>
    <message>
        <source>--from must not be after --to</source>
        <translation>--from 不能晚于 --to</translation>
    </message>
    <message>
        <source>--out must end in .xlsx or .csv</source>
        <translation>--out 必须以 .xlsx 或 .csv 结尾</translation>
    </message>
    <message>
        <source>Receivables as of {day} in {currency}</source>
        <translation>截至 {day} 的应收账款（{currency}）</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未收余额</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>预收/余款</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>{metric} forecast as of {day}: {method}</source>
        <translation>{metric}预测（截至 {day}）：{method}</translation>
    </message>
    <message>
        <source>Backtest WAPE {wape} over {origins} origins; {baseline}: {baseline_wape}</source>
        <translation>回测 WAPE {wape}（{origins} 个起点）；{baseline}：{baseline_wape}</translation>
    </message>
    <message>
        <source>80 % interval; its coverage in the backtest: {coverage}</source>
        <translation>80% 预测区间；回测中的覆盖率：{coverage}</translation>
    </message>
    <message>
        <source>the period starts after it ends</source>
        <translation>期间的开始日期晚于结束日期</translation>
    </message>
    <message>
        <source>Trained on {train} closed deals, tested on the {test} closed after.</source>
        <translation>用 {train} 个已结束商机训练，用之后结束的 {test} 个测试。</translation>
    </message>
    <message>
        <source>Brier score: model {model}, stage defaults {stage}</source>
        <translation>Brier 分数：模型 {model}，阶段默认 {stage}</translation>
    </message>
    <message>
        <source>there is no database at {path}</source>
        <translation>找不到数据库：{path}</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>Week {n}</source>
        <translation>第 {n} 周</translation>
    </message>
    <message>
        <source>+{n} more</source>
        <translation>还有 {n} 项</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>New Task on This Day…</source>
        <translation>在这一天新建任务…</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>New Survey Campaign</source>
        <translation>新建满意度调查</translation>
    </message>
    <message>
        <source>{year}-Q{quarter} satisfaction survey</source>
        <translation>{year} 年第 {quarter} 季度满意度回访</translation>
    </message>
    <message>
        <source>New template…</source>
        <translation>新建模板…</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>新建模板</translation>
    </message>
    <message>
        <source>Quarterly satisfaction</source>
        <translation>季度满意度调查</translation>
    </message>
    <message>
        <source>Ask how likely they recommend us (NPS 0–10)</source>
        <translation>询问推荐意愿（NPS 0–10）</translation>
    </message>
    <message>
        <source>What could we do better?</source>
        <translation>我们哪里可以做得更好？</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Open questions (one a line)</source>
        <translation>开放式问题（每行一个）</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>All segments</source>
        <translation>全部细分</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Template</source>
        <translation>模板(&amp;T)</translation>
    </message>
    <message>
        <source>Answers &amp;due</source>
        <translation>答复截止(&amp;D)</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>no owner</source>
        <translation>无负责人</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) will be asked</source>
        <translation>
            <numerusform>将调查 %Ln 位客户</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CampaignResultsDialog</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Record Answer…</source>
        <translation>录入答复…</translation>
    </message>
    <message>
        <source>Print Forms…</source>
        <translation>打印调查表…</translation>
    </message>
    <message>
        <source>Survey Results: {name}</source>
        <translation>调查结果：{name}</translation>
    </message>
    <message>
        <source>{answered} of {asked} answered ({rate} %), due {due} · CSAT {csat} % · average {average} · NPS {nps}</source>
        <translation>{asked} 位中 {answered} 位已答复（{rate} %），截止 {due} · CSAT {csat} % · 平均 {average} 分 · NPS {nps}</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未答复</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel {number}</source>
        <translation>取消 {number}</translation>
    </message>
    <message>
        <source>e.g. the customer&apos;s budget was cut</source>
        <translation>例如：客户预算取消</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
</context>
<context>
    <name>ChangesDialog</name>
    <message>
        <source>Changes in {label}</source>
        <translation>{label} 的修改</translation>
    </message>
    <message>
        <source>Changes since the previous revision:</source>
        <translation>与上一版本相比的修改：</translation>
    </message>
    <message>
        <source>No changes.</source>
        <translation>没有修改。</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save this chart as PNG, SVG or PDF</source>
        <translation>将此图表保存为 PNG、SVG 或 PDF</translation>
    </message>
</context>
<context>
    <name>ChartSave</name>
    <message>
        <source>Save Chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>Saving the chart…</source>
        <translation>正在保存图表…</translation>
    </message>
    <message>
        <source>Chart saved to {path}.</source>
        <translation>图表已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Could not read or write {file} ({reason}); details are in {log}.</source>
        <translation>无法读写 {file}（{reason}），详情见 {log}。</translation>
    </message>
    <message>
        <source>A database error stopped the command; details are in {log}.</source>
        <translation>数据库错误使命令中止，详情见 {log}。</translation>
    </message>
    <message>
        <source>Unexpected error ({kind}); details are in {log}.</source>
        <translation>发生意外错误（{kind}），详情见 {log}。</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>Commissions</name>
    <message>
        <source>Add at least one tier.</source>
        <translation>请至少添加一个档位。</translation>
    </message>
    <message>
        <source>A tier starts at 0 to 1000 % of target, with two decimals.</source>
        <translation>档位起点为目标的 0 至 1000 %，最多两位小数。</translation>
    </message>
    <message>
        <source>A rate is 0 to 100 %, with at most two decimals.</source>
        <translation>提成比例为 0 至 100 %，最多两位小数。</translation>
    </message>
    <message>
        <source>Two tiers start at the same attainment.</source>
        <translation>有两个档位的起点达成率相同。</translation>
    </message>
    <message>
        <source>Enter a name for the plan.</source>
        <translation>请输入方案名称。</translation>
    </message>
    <message>
        <source>A name has at most 120 characters.</source>
        <translation>名称最多 120 个字符。</translation>
    </message>
    <message>
        <source>The bonus is an amount of zero or more.</source>
        <translation>奖金须为零或正数金额。</translation>
    </message>
    <message>
        <source>This plan no longer exists.</source>
        <translation>该提成方案已不存在。</translation>
    </message>
    <message>
        <source>This plan is assigned; mark it inactive instead.</source>
        <translation>该方案已分配给销售员，请改为停用。</translation>
    </message>
    <message>
        <source>This salesperson no longer exists.</source>
        <translation>该销售员已不存在。</translation>
    </message>
    <message>
        <source>below the lowest tier: nothing</source>
        <translation>低于最低档位：无提成</translation>
    </message>
    <message>
        <source>from {min} % of target: {rate} % of the basis</source>
        <translation>达成目标 {min} % 起：按基数的 {rate} % 计提</translation>
    </message>
    <message>
        <source>{title} (assumed won)</source>
        <translation>{title}（假设赢单）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Enter numbers in every tier.</source>
        <translation>每个档位都须填写数字。</translation>
    </message>
</context>
<context>
    <name>CommissionsView</name>
    <message>
        <source>New Plan…</source>
        <translation>新建方案…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>提成方案</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>销售员</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Export to PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Statement for</source>
        <translation>提成结算：</translation>
    </message>
    <message>
        <source>What if these open deals closed in the period?</source>
        <translation>假如这些进行中的商机在本期成交？</translation>
    </message>
    <message>
        <source>Plans for {period}</source>
        <translation>{period}的提成方案</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>No plan</source>
        <translation>无方案</translation>
    </message>
    <message>
        <source>Assign commission plan</source>
        <translation>分配提成方案</translation>
    </message>
    <message>
        <source>No plan is assigned for this period: nothing is earned.</source>
        <translation>本期未分配提成方案：无提成。</translation>
    </message>
    <message>
        <source>Plan: {plan} (on {basis})</source>
        <translation>方案：{plan}（按{basis}计提）</translation>
    </message>
    <message>
        <source>Target {target} · actual {actual} · attainment {attainment} · tier: {tier}</source>
        <translation>目标 {target} · 实际 {actual} · 达成率 {attainment} · 档位：{tier}</translation>
    </message>
    <message>
        <source>Commission {rate} + bonus {bonus} = {total}</source>
        <translation>提成 {rate} + 奖金 {bonus} = {total}</translation>
    </message>
    <message>
        <source>Tick open deals to see their effect.</source>
        <translation>勾选进行中的商机，查看其对业绩与提成的影响。</translation>
    </message>
    <message>
        <source>Attainment {before} → {after}
Commission {cbefore} → {cafter}
Deals won {wbefore} → {wafter}</source>
        <translation>达成率 {before} → {after}
提成 {cbefore} → {cafter}
赢单数 {wbefore} → {wafter}</translation>
    </message>
    <message>
        <source>Edit commission plan</source>
        <translation>编辑提成方案</translation>
    </message>
    <message>
        <source>New commission plan</source>
        <translation>新建提成方案</translation>
    </message>
    <message>
        <source>Commission statement</source>
        <translation>提成结算单</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>结算单</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Commission base</source>
        <translation>计提基数</translation>
    </message>
    <message>
        <source>Revenue (incl. tax)</source>
        <translation>销售额（含税）</translation>
    </message>
    <message>
        <source>Revenue (excl. tax)</source>
        <translation>销售额（不含税）</translation>
    </message>
    <message>
        <source>Writing the statement…</source>
        <translation>正在生成结算单…</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Attainment</source>
        <translation>达成率</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>档位</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>提成</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>奖金</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>What counted</source>
        <translation>计入的订单</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>assumed won</source>
        <translation>假设赢单</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>Export Statement</source>
        <translation>导出结算单</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>CompleteDialog</name>
    <message>
        <source>Mark Done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>What came of it? (optional)</source>
        <translation>结果如何？（可选）</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <source>When it was done: earlier if you record it late</source>
        <translation>完成的时间：补记时可改为更早的时间</translation>
    </message>
    <message>
        <source>Done at:</source>
        <translation>完成时间：</translation>
    </message>
    <message>
        <source>(not asked)</source>
        <translation>（未询问）</translation>
    </message>
    <message>
        <source>Satisfaction:</source>
        <translation>满意度：</translation>
    </message>
    <message>
        <source>Would recommend (0–10):</source>
        <translation>推荐意愿（0–10）：</translation>
    </message>
    <message>
        <source>Customer&apos;s words:</source>
        <translation>客户原话：</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>New Contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>职务：</translation>
    </message>
    <message>
        <source>Mobile:</source>
        <translation>手机：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>邮箱：</translation>
    </message>
    <message>
        <source>WeChat:</source>
        <translation>微信：</translation>
    </message>
    <message>
        <source>Buying role:</source>
        <translation>采购角色：</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>Contacts</name>
    <message>
        <source>Decision maker</source>
        <translation>决策者</translation>
    </message>
    <message>
        <source>Influencer</source>
        <translation>影响者</translation>
    </message>
    <message>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Gatekeeper</source>
        <translation>把关者</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>ContactsPanel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Click a phone number, email or WeChat id to copy it.</source>
        <translation>单击电话、邮箱或微信号即可复制。</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>主要联系人</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>There is no database at {path}.</source>
        <translation>{path} 处没有数据库。</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>The last session did not end normally; checking the database…</source>
        <translation>上次未正常退出，正在检查数据库…</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>正在检查数据库…</translation>
    </message>
    <message>
        <source>Database checked: no problems found.</source>
        <translation>数据库检查完毕：未发现问题。</translation>
    </message>
    <message>
        <source>The database is damaged ({problem}) and there is no good backup. Export what you can and keep a copy of the file.</source>
        <translation>数据库已损坏（{problem}），且没有可用的完好备份。请尽量导出数据，并保留该文件的副本。</translation>
    </message>
    <message>
        <source>The database is damaged ({problem}).

SMS Desktop can keep the damaged file aside and restore the latest good backup from {when}. Restore it now?</source>
        <translation>数据库已损坏（{problem}）。

SMS Desktop 可以把损坏的文件另存一旁，并恢复 {when} 的最新完好备份。现在恢复吗？</translation>
    </message>
    <message>
        <source>The backup was restored. The damaged file was kept at {path}.</source>
        <translation>备份已恢复。损坏的文件保存在 {path}。</translation>
    </message>
    <message>
        <source>Creating demo data…</source>
        <translation>正在生成演示数据…</translation>
    </message>
    <message>
        <source>New Database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>{path} already exists. Use File ▸ Open Database to open it.</source>
        <translation>{path} 已存在。请用“文件 ▸ 打开数据库”打开它。</translation>
    </message>
    <message>
        <source>Open Database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>SMS Desktop databases (*.sqlite3 *.db *.sqlite);;All files (*)</source>
        <translation>SMS Desktop 数据库 (*.sqlite3 *.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Backup written to {path}</source>
        <translation>备份已写入 {path}</translation>
    </message>
    <message>
        <source>Replace the open database with {file}?

The current data is kept as a backup and can be restored the same way.</source>
        <translation>用 {file} 替换当前打开的数据库吗？

当前数据会先保存为备份，之后也可以用同样的方法恢复。</translation>
    </message>
    <message>
        <source>Restored {file}.</source>
        <translation>已恢复 {file}。</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>{path} is damaged or has lost its data and was not opened.

SMS Desktop can keep the file aside and restore the latest good backup from {when}. Restore it now?</source>
        <translation>{path} 已损坏或数据已丢失，未能打开。

SMS Desktop 可以把该文件另存一旁，并恢复 {when} 的最近一份完好备份。现在恢复吗？</translation>
    </message>
</context>
<context>
    <name>Currencies</name>
    <message>
        <source>There is no exchange rate for {currency} on {day}: enter the rate of that day (Settings ▸ Exchange rates) and save again.</source>
        <translation>{day} 没有 {currency} 的汇率：请先录入当天的汇率（设置 ▸ 汇率）再保存。</translation>
    </message>
    <message>
        <source>Choose a currency other than the company&apos;s.</source>
        <translation>请选择本位币以外的币种。</translation>
    </message>
    <message>
        <source>A rate is a positive number with up to 6 decimals.</source>
        <translation>汇率是大于0的数，最多6位小数。</translation>
    </message>
    <message>
        <source>That rate no longer exists.</source>
        <translation>该汇率已不存在。</translation>
    </message>
    <message>
        <source>Line {line}: expected currency, date and rate.</source>
        <translation>第 {line} 行：应为币种、日期和汇率。</translation>
    </message>
    <message>
        <source>Line {line}: unknown currency {code}.</source>
        <translation>第 {line} 行：未知币种 {code}。</translation>
    </message>
</context>
<context>
    <name>CustomerCommands</name>
    <message>
        <source>New customer “{name}”</source>
        <translation>新建客户“{name}”</translation>
    </message>
    <message>
        <source>Edit “{name}”</source>
        <translation>编辑“{name}”</translation>
    </message>
    <message>
        <source>Delete “{name}”</source>
        <translation>删除“{name}”</translation>
    </message>
    <message>
        <source>Merge into “{name}”</source>
        <translation>合并到“{name}”</translation>
    </message>
    <message>
        <source>Add contact “{name}”</source>
        <translation>添加联系人“{name}”</translation>
    </message>
    <message>
        <source>Edit contact “{name}”</source>
        <translation>编辑联系人“{name}”</translation>
    </message>
    <message>
        <source>Remove contact “{name}”</source>
        <translation>移除联系人“{name}”</translation>
    </message>
    <message>
        <source>Log interaction</source>
        <translation>记录往来</translation>
    </message>
</context>
<context>
    <name>CustomerTable</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Revenue, last 12 months</source>
        <translation>近12个月销售额</translation>
    </message>
    <message>
        <source>Open pipeline</source>
        <translation>在谈金额</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>客户</translation>
    </message>
</context>
<context>
    <name>Customers</name>
    <message>
        <source>Enter the customer&apos;s name.</source>
        <translation>请输入客户名称。</translation>
    </message>
    <message>
        <source>The name is longer than {max} characters.</source>
        <translation>名称不能超过 {max} 个字符。</translation>
    </message>
    <message>
        <source>Enter an email address like name@example.com.</source>
        <translation>请输入有效的电子邮箱地址，例如 name@example.com。</translation>
    </message>
    <message>
        <source>Enter a phone number with digits, spaces, dashes or a leading +.</source>
        <translation>电话号码只能包含数字、空格、短横线，可以 + 开头。</translation>
    </message>
    <message>
        <source>A tax id (统一社会信用代码) has 18 letters and digits with a valid check character.</source>
        <translation>统一社会信用代码应为 18 位数字或大写字母，且校验位正确。</translation>
    </message>
    <message>
        <source>Strategic fit is a score from 1 to 5.</source>
        <translation>战略契合度应为 1 到 5 分。</translation>
    </message>
    <message>
        <source>The potential value cannot be negative.</source>
        <translation>潜在价值不能为负数。</translation>
    </message>
    <message>
        <source>Amounts have at most two decimals.</source>
        <translation>金额最多保留两位小数。</translation>
    </message>
    <message>
        <source>Enter an amount up to 999,999,999,999.99.</source>
        <translation>请输入不超过 999,999,999,999.99 的金额。</translation>
    </message>
    <message>
        <source>Choose one of the supported currencies.</source>
        <translation>请选择支持的币种。</translation>
    </message>
    <message>
        <source>The tier is at most 20 characters.</source>
        <translation>客户等级不能超过 20 个字符。</translation>
    </message>
    <message>
        <source>A tag is at most 40 characters.</source>
        <translation>标签不能超过 40 个字符。</translation>
    </message>
    <message>
        <source>Enter the contact&apos;s name.</source>
        <translation>请输入联系人姓名。</translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <source>{name} was merged into {kept}: its contacts and history are there now. Undo the merge (Ctrl+Z) to separate them again.</source>
        <translation>{name} 已合并到 {kept}：它的联系人和往来记录现在都在那里。如需分开，请撤销合并（Ctrl+Z）。</translation>
    </message>
    <message>
        <source>This contact no longer exists.</source>
        <translation>该联系人已不存在。</translation>
    </message>
    <message>
        <source>A customer cannot be merged with itself.</source>
        <translation>客户不能与自己合并。</translation>
    </message>
    <message>
        <source>Write what was said or noted.</source>
        <translation>请填写沟通内容或备注。</translation>
    </message>
    <message>
        <source>The text is longer than {max} characters.</source>
        <translation>内容不能超过 {max} 个字符。</translation>
    </message>
    <message>
        <source>Satisfaction is a score from 1 to 5.</source>
        <translation>满意度应为 1 到 5 分。</translation>
    </message>
    <message>
        <source>The time has no time zone.</source>
        <translation>时间缺少时区信息。</translation>
    </message>
    <message>
        <source>The date is more than a year ahead.</source>
        <translation>日期不能晚于一年以后。</translation>
    </message>
    <message>
        <source>Choose one of this customer&apos;s contacts.</source>
        <translation>请选择该客户的联系人。</translation>
    </message>
    <message>
        <source>This entry no longer exists.</source>
        <translation>该记录已不存在。</translation>
    </message>
</context>
<context>
    <name>CustomersTab</name>
    <message>
        <source>Search name, contact, phone, email, WeChat, tax id, notes, pinyin…</source>
        <translation>搜索名称、联系人、电话、邮箱、微信、税号、备注、拼音…</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>不限</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Only customers with no contact for this many days</source>
        <translation>只显示超过这么多天未联系的客户</translation>
    </message>
    <message>
        <source>New Customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>No contact for</source>
        <translation>未联系超过</translation>
    </message>
    <message>
        <source>Copied {text}</source>
        <translation>已复制 {text}</translation>
    </message>
    <message>
        <source>Delete Customer</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>(unassigned)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>{count}+ customers</source>
        <translation>超过 {count} 个客户</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>共 %Ln 个客户</numerusform>
        </translation>
    </message>
    <message>
        <source>the new customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Save your changes to “{name}” first?</source>
        <translation>是否先保存对“{name}”的修改？</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Customer created.</source>
        <translation>客户已创建。</translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln customer(s)</source>
        <translation>
            <numerusform>删除 %Ln 个客户</numerusform>
        </translation>
    </message>
    <message>
        <source>Moved to the trash. Undo with Ctrl+Z or restore from Edit ▸ Trash.</source>
        <translation>已移到回收站。可按 Ctrl+Z 撤销，或在“编辑 ▸ 回收站”中恢复。</translation>
    </message>
    <message>
        <source>Merged into {name}.</source>
        <translation>已合并到 {name}。</translation>
    </message>
    <message>
        <source>Merge These Two Customers…</source>
        <translation>合并这两个客户…</translation>
    </message>
    <message>
        <source>Tasks of This Customer</source>
        <translation>该客户的任务</translation>
    </message>
    <message>
        <source>Add Task…</source>
        <translation>添加任务…</translation>
    </message>
    <message>
        <source>Start Follow-up Plan…</source>
        <translation>启动跟进计划…</translation>
    </message>
    <message>
        <source>Export Customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <source>Exporting customers…</source>
        <translation>正在导出客户…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln customer(s) to {path}.</source>
        <translation>
            <numerusform>已导出 %Ln 个客户到 {path}。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>上季度</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Summary Workbook…</source>
        <translation>汇总工作簿…</translation>
    </message>
    <message>
        <source>Management Report…</source>
        <translation>管理报告…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Revenue (excl. tax) in period</source>
        <translation>本期销售额（不含税）</translation>
    </message>
    <message>
        <source>Revenue (excl. tax) this month</source>
        <translation>本月销售额（不含税）</translation>
    </message>
    <message>
        <source>Revenue (excl. tax) this quarter</source>
        <translation>本季度销售额（不含税）</translation>
    </message>
    <message>
        <source>Revenue (excl. tax) year to date</source>
        <translation>本年累计销售额（不含税）</translation>
    </message>
    <message>
        <source>Open pipeline</source>
        <translation>在谈商机金额</translation>
    </message>
    <message>
        <source>Weighted pipeline</source>
        <translation>加权商机金额</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>赢单率</translation>
    </message>
    <message>
        <source>Average deal size</source>
        <translation>平均成交金额</translation>
    </message>
    <message>
        <source>Quotes awaiting an answer</source>
        <translation>待回复报价</translation>
    </message>
    <message>
        <source>Overdue tasks</source>
        <translation>逾期任务</translation>
    </message>
    <message>
        <source>Target attainment</source>
        <translation>目标完成率</translation>
    </message>
    <message>
        <source>Collections in period</source>
        <translation>本期回款</translation>
    </message>
    <message>
        <source>Last year {amount}</source>
        <translation>去年同期 {amount}</translation>
    </message>
    <message>
        <source>{arrow}{change}% · last year {amount}</source>
        <translation>同比 {arrow}{change}% · 去年 {amount}</translation>
    </message>
    <message>
        <source>Open deals: {count}</source>
        <translation>在谈商机：{count} 个</translation>
    </message>
    <message>
        <source>Amount × probability</source>
        <translation>金额 × 赢单概率</translation>
    </message>
    <message>
        <source>Won {won} · lost {lost}</source>
        <translation>赢单 {won} · 输单 {lost}</translation>
    </message>
    <message>
        <source>Won: {amount}</source>
        <translation>赢单金额：{amount}</translation>
    </message>
    <message>
        <source>Open tasks due before today</source>
        <translation>今天之前到期且未完成</translation>
    </message>
    <message>
        <source>{actual} of {target}</source>
        <translation>{actual} / 目标 {target}</translation>
    </message>
    <message>
        <source>Overdue receivables: {amount}</source>
        <translation>逾期应收：{amount}</translation>
    </message>
    <message>
        <source>sales-summary</source>
        <translation>销售汇总</translation>
    </message>
    <message>
        <source>management-report</source>
        <translation>销售管理报告</translation>
    </message>
    <message>
        <source>Export Summary Workbook</source>
        <translation>导出汇总工作簿</translation>
    </message>
    <message>
        <source>Writing the summary workbook…</source>
        <translation>正在生成汇总工作簿…</translation>
    </message>
    <message>
        <source>Summary workbook saved to {path}.</source>
        <translation>汇总工作簿已保存到 {path}。</translation>
    </message>
    <message>
        <source>Export Management Report</source>
        <translation>导出管理报告</translation>
    </message>
    <message>
        <source>Writing the management report…</source>
        <translation>正在生成管理报告…</translation>
    </message>
    <message>
        <source>Management report saved to {path}.</source>
        <translation>管理报告已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The backup copy failed its check ({problem}); it was discarded.</source>
        <translation>备份副本未通过校验（{problem}），已丢弃。</translation>
    </message>
    <message>
        <source>There is no database at {path}.</source>
        <translation>{path} 处没有数据库。</translation>
    </message>
    <message>
        <source>A backup cannot overwrite the database itself.</source>
        <translation>备份不能覆盖数据库本身。</translation>
    </message>
    <message>
        <source>Backup failed: {error}</source>
        <translation>备份失败：{error}</translation>
    </message>
    <message>
        <source>That file is the open database itself.</source>
        <translation>该文件就是当前打开的数据库本身。</translation>
    </message>
    <message>
        <source>Restore failed: {error}</source>
        <translation>恢复失败：{error}</translation>
    </message>
    <message>
        <source>{url} is a server database: it has no file.</source>
        <translation>{url} 是服务器上的数据库，没有文件。</translation>
    </message>
    <message>
        <source>The database was closed.</source>
        <translation>数据库已关闭。</translation>
    </message>
    <message>
        <source>{path} is not an SMS Desktop database ({error}).</source>
        <translation>{path} 不是 SMS Desktop 数据库（{error}）。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} 是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <source>{path} is not an SMS Desktop database.</source>
        <translation>{path} 不是 SMS Desktop 数据库。</translation>
    </message>
    <message>
        <source>{path} is already open in another SMS Desktop ({holder}).</source>
        <translation>{path} 已在另一个 SMS Desktop 中打开（{holder}）。</translation>
    </message>
    <message>
        <source>The upgrade would break {count} references; nothing was changed.</source>
        <translation>升级会破坏 {count} 处数据关联，未做任何更改。</translation>
    </message>
    <message>
        <source>The upgraded database failed its integrity check; nothing was changed.</source>
        <translation>升级后的数据库未通过完整性检查，未做任何更改。</translation>
    </message>
    <message>
        <source>{path} cannot be read; nothing was restored.</source>
        <translation>无法读取 {path}，未做任何恢复。</translation>
    </message>
    <message>
        <source>{path} is empty (0 bytes); nothing was restored.</source>
        <translation>{path} 是空文件（0 字节），未做任何恢复。</translation>
    </message>
    <message>
        <source>{path} is not an SMS Desktop backup (not a database file); nothing was restored.</source>
        <translation>{path} 不是 SMS Desktop 备份（不是数据库文件），未做任何恢复。</translation>
    </message>
    <message>
        <source>{path} is damaged; nothing was restored. Choose another backup.</source>
        <translation>{path} 已损坏，未做任何恢复。请选择其他备份。</translation>
    </message>
    <message>
        <source>{path} is an incomplete SMS Desktop database (tables or columns are missing); nothing was restored.</source>
        <translation>{path} 是不完整的 SMS Desktop 数据库（缺少表或列），未做任何恢复。</translation>
    </message>
    <message>
        <source>{path} has no owner or salespeople; nothing was restored.</source>
        <translation>{path} 中没有负责人或销售员，未做任何恢复。</translation>
    </message>
    <message>
        <source>{path} has no pipeline stages; nothing was restored.</source>
        <translation>{path} 中没有销售阶段，未做任何恢复。</translation>
    </message>
    <message>
        <source>{path} is not an SMS Desktop backup; nothing was restored.</source>
        <translation>{path} 不是 SMS Desktop 备份，未做任何恢复。</translation>
    </message>
    <message>
        <source>{path} was created by a newer SMS Desktop (revision {revision}); install the newer version to open it.</source>
        <translation>{path} 由更新版本的 SMS Desktop 创建（结构版本 {revision}），请安装新版本后再打开。</translation>
    </message>
    <message>
        <source>{path} has an older schema (revision {revision}); open it in the app once to upgrade it.</source>
        <translation>{path} 的数据结构较旧（版本 {revision}），请先在应用中打开一次以完成升级。</translation>
    </message>
    <message>
        <source>{url} is not a database address.</source>
        <translation>{url} 不是数据库地址。</translation>
    </message>
    <message>
        <source>{url}: only PostgreSQL servers are supported (postgresql+psycopg://user@host/database).</source>
        <translation>{url}：仅支持 PostgreSQL 服务器（postgresql+psycopg://用户@主机/数据库）。</translation>
    </message>
</context>
<context>
    <name>DatePickDialog</name>
    <message>
        <source>Move to Date</source>
        <translation>改到日期</translation>
    </message>
</context>
<context>
    <name>DealList</name>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>赢单概率</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>deals</source>
        <translation>商机</translation>
    </message>
</context>
<context>
    <name>DealListView</name>
    <message>
        <source>Open deals</source>
        <translation>进行中的商机</translation>
    </message>
    <message>
        <source>Won deals</source>
        <translation>已赢单</translation>
    </message>
    <message>
        <source>Lost deals</source>
        <translation>已输单</translation>
    </message>
    <message>
        <source>All deals</source>
        <translation>全部商机</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln deal(s)</source>
        <translation>
            <numerusform>共 %Ln 个商机</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Deals</source>
        <translation>导出商机</translation>
    </message>
    <message>
        <source>Exporting deals…</source>
        <translation>正在导出商机…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln deal(s) to {path}.</source>
        <translation>
            <numerusform>已导出 %Ln 个商机到 {path}。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeliveryDialog</name>
    <message>
        <source>Delivery of {number}</source>
        <translation>{number} 送货</translation>
    </message>
    <message>
        <source>Delivered on:</source>
        <translation>送货日期：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>品名及描述</translation>
    </message>
    <message>
        <source>Still to deliver</source>
        <translation>待送数量</translation>
    </message>
    <message>
        <source>Deliver now</source>
        <translation>本次送货</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>{path} already exists; choose another file or replace it explicitly.</source>
        <translation>{path} 已存在；请选择其他文件，或明确选择替换它。</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Select a customer on the left, or press New Customer.</source>
        <translation>请在左侧选择客户，或点击“新建客户”。</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Show this customer&apos;s tasks in the Tasks tab</source>
        <translation>在任务页查看该客户的任务</translation>
    </message>
    <message>
        <source>Add Task…</source>
        <translation>添加任务…</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>历史记录…</translation>
    </message>
    <message>
        <source>Who changed what in this customer, and when</source>
        <translation>谁在何时修改了此客户的什么内容</translation>
    </message>
    <message>
        <source>Account Plan…</source>
        <translation>客户计划…</translation>
    </message>
    <message>
        <source>This year&apos;s account plan: goals, strategy, actions and their figures</source>
        <translation>本年度客户计划：目标、策略、行动及其指标</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>History</source>
        <translation>往来记录</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
</context>
<context>
    <name>DismissDialog</name>
    <message>
        <source>Dismiss Suggestion</source>
        <translation>忽略建议</translation>
    </message>
    <message>
        <source>e.g. already ordered by phone</source>
        <translation>例如：已电话下单</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message numerus="yes">
        <source>%Ln item(s), total {total}</source>
        <translation>
            <numerusform>共 %Ln 项，合计 {total}</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <source>similar name</source>
        <translation>名称相近</translation>
    </message>
    <message>
        <source>same tax id</source>
        <translation>税号相同</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <source>same email</source>
        <translation>邮箱相同</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Possible Duplicates</source>
        <translation>可能重复的客户</translation>
    </message>
    <message>
        <source>“{name}” looks like customers you already have:</source>
        <translation>“{name}”与下列已有客户相似：</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Open Existing</source>
        <translation>打开已有客户</translation>
    </message>
    <message>
        <source>Create Anyway</source>
        <translation>仍然创建</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>An Excel workbook (.xlsx, .xls), an OpenDocument sheet (.ods), a CSV or text file, or contacts as vCard (.vcf).</source>
        <translation>Excel 工作簿（.xlsx、.xls）、OpenDocument 表格（.ods）、CSV 或文本文件，或 vCard 联系人（.vcf）。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Detect (BOM, UTF-8, then GB18030)</source>
        <translation>自动识别（BOM、UTF-8，然后 GB18030）</translation>
    </message>
    <message>
        <source>GB18030 / GBK (Chinese Windows)</source>
        <translation>GB18030 / GBK（中文 Windows）</translation>
    </message>
    <message>
        <source>What to import:</source>
        <translation>导入内容：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>标题行：</translation>
    </message>
    <message>
        <source>Import File</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <source>Spreadsheets and CSV ({patterns});;All files (*)</source>
        <translation>电子表格和 CSV（{patterns}）;;所有文件 (*)</translation>
    </message>
    <message>
        <source>encoding {encoding} (detected)</source>
        <translation>编码 {encoding}（自动识别）</translation>
    </message>
    <message>
        <source>encoding {encoding}</source>
        <translation>编码 {encoding}</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>separated by {delimiter}</source>
        <translation>分隔符 {delimiter}</translation>
    </message>
    <message numerus="yes">
        <source>about %Ln row(s)</source>
        <translation>
            <numerusform>约 %Ln 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln column(s)</source>
        <translation>
            <numerusform>%Ln 列</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstSteps</name>
    <message>
        <source>Your company&apos;s address, phone and tax id, printed on every quote</source>
        <translation>公司地址、电话和税号，打印在每份报价单上</translation>
    </message>
    <message>
        <source>Company Profile…</source>
        <translation>公司资料…</translation>
    </message>
    <message>
        <source>Your customers and their contacts: import your Excel list, or add them</source>
        <translation>您的客户及其联系人：导入现有的 Excel 名单，或逐个添加</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>The products you sell, with their prices and costs</source>
        <translation>您销售的产品，包括价格和成本</translation>
    </message>
    <message>
        <source>Products…</source>
        <translation>产品…</translation>
    </message>
    <message>
        <source>Your salespeople, so customers and deals have an owner</source>
        <translation>您的销售人员，让客户和商机都有负责人</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>A first sales target, to see the pace of the month</source>
        <translation>第一个销售目标，随时掌握本月进度</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Get started</source>
        <translation>开始使用</translation>
    </message>
    <message>
        <source>Hide These Steps</source>
        <translation>隐藏这些步骤</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>待完成</translation>
    </message>
</context>
<context>
    <name>Forecast</name>
    <message>
        <source>Last value carried forward</source>
        <translation>沿用最近一期</translation>
    </message>
    <message>
        <source>Mean of the last year</source>
        <translation>近一年平均</translation>
    </message>
    <message>
        <source>Same period last year (seasonal naive)</source>
        <translation>去年同期（季节朴素法）</translation>
    </message>
    <message>
        <source>Same period last year × trailing growth</source>
        <translation>去年同期 × 近期增长率</translation>
    </message>
    <message>
        <source>Exponential smoothing, damped trend, additive seasonality</source>
        <translation>指数平滑（阻尼趋势、加法季节性）</translation>
    </message>
    <message>
        <source>Exponential smoothing, damped trend, multiplicative seasonality</source>
        <translation>指数平滑（阻尼趋势、乘法季节性）</translation>
    </message>
    <message>
        <source>Mean of the two best methods</source>
        <translation>最优两种方法的平均</translation>
    </message>
    <message>
        <source>Less than two years of history plus a backtest: exponential smoothing is not tried</source>
        <translation>历史数据不足两年加回测期：未尝试指数平滑</translation>
    </message>
    <message>
        <source>Many periods without sales: exponential smoothing is not tried</source>
        <translation>多个期间没有销售：未尝试指数平滑</translation>
    </message>
    <message>
        <source>Periods with no or negative values: no multiplicative seasonality</source>
        <translation>有零值或负值的期间：不使用乘法季节性</translation>
    </message>
    <message>
        <source>There is no history to forecast from.</source>
        <translation>没有可用于预测的历史数据。</translation>
    </message>
    <message>
        <source>Only one period of history: a forecast needs at least two to be measured.</source>
        <translation>只有一期历史数据：预测至少需要两期才能衡量。</translation>
    </message>
    <message>
        <source>The forecast was cancelled.</source>
        <translation>预测已取消。</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>The horizon is 1 to {max} periods.</source>
        <translation>预测期数为 1 到 {max} 期。</translation>
    </message>
    <message>
        <source>The margin is not forecast by product category.</source>
        <translation>毛利不能按产品类别预测。</translation>
    </message>
    <message>
        <source>No salesperson is called {name}.</source>
        <translation>没有名为 {name} 的销售人员。</translation>
    </message>
    <message>
        <source>No product category is called {name}.</source>
        <translation>没有名为 {name} 的产品类别。</translation>
    </message>
    <message>
        <source>The product category no longer exists.</source>
        <translation>该产品类别已不存在。</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Best case</source>
        <translation>最佳情况</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>管道</translation>
    </message>
    <message>
        <source>No expected close date</source>
        <translation>没有预计成交日期</translation>
    </message>
    <message>
        <source>Expected close date has passed</source>
        <translation>预计成交日期已过</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>At the current forecast, this quarter&apos;s target will be {percent}% met.</source>
        <translation>按当前预测，本季度目标可完成 {percent}%。</translation>
    </message>
</context>
<context>
    <name>ForecastTab</name>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Low (80 %)</source>
        <translation>下限 (80%)</translation>
    </message>
    <message>
        <source>High (80 %)</source>
        <translation>上限 (80%)</translation>
    </message>
    <message>
        <source>Weighted pipeline</source>
        <translation>加权商机</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Periods ahead</source>
        <translation>提前期数</translation>
    </message>
    <message>
        <source>WAPE</source>
        <translation>WAPE</translation>
    </message>
    <message>
        <source>MAPE</source>
        <translation>MAPE</translation>
    </message>
    <message>
        <source>Baseline WAPE</source>
        <translation>基准 WAPE</translation>
    </message>
    <message>
        <source>Baseline MAPE</source>
        <translation>基准 MAPE</translation>
    </message>
    <message>
        <source>Compared</source>
        <translation>比较次数</translation>
    </message>
    <message>
        <source>inside</source>
        <translation>区间内</translation>
    </message>
    <message>
        <source>outside</source>
        <translation>区间外</translation>
    </message>
    <message>
        <source>Forecast made in</source>
        <translation>预测月份</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>误差</translation>
    </message>
    <message>
        <source>80 % interval</source>
        <translation>80% 区间</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>销售人员</translation>
    </message>
    <message>
        <source>Close period</source>
        <translation>成交期间</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Best case</source>
        <translation>最佳情况</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>管道</translation>
    </message>
    <message>
        <source>Weighted total</source>
        <translation>加权合计</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商机数</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Why it needs attention</source>
        <translation>需关注原因</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Stage default</source>
        <translation>阶段默认</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Applies</source>
        <translation>采用</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Top factors (points)</source>
        <translation>主要因素（百分点）</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>按季度</translation>
    </message>
    <message>
        <source>All customers (type to pick one)</source>
        <translation>全部客户（输入以选择）</translation>
    </message>
    <message>
        <source>Forecast as it could have been made on this day, from the data before it</source>
        <translation>按这一天之前的数据做出当时可做的预测</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the forecast&apos;s numbers as an Excel workbook</source>
        <translation>将预测数字保存为 Excel 工作簿</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>By</source>
        <translation>粒度</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>预测期数</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>产品类别</translation>
    </message>
    <message>
        <source>Each method was refitted at each of the latest origins on the data before it only, and its forecasts compared with what happened. WAPE: the absolute errors as a share of the actuals; MAPE: the mean percentage error. The baseline repeats the same period of the year before.</source>
        <translation>每种方法都在最近的各个起点上仅用起点之前的数据重新拟合，并把其预测与实际发生的比较。WAPE：绝对误差占实际值之比；MAPE：平均百分比误差。基准方法重复去年同期的数值。</translation>
    </message>
    <message>
        <source>Forecast the Past 12 Months</source>
        <translation>补做过去 12 个月的预测</translation>
    </message>
    <message>
        <source>Make and keep the forecast each of the last 12 months would have had, from the data before it, to compare with what happened</source>
        <translation>按过去 12 个月每月之前的数据做出并保存当时的预测，以便与实际比较</translation>
    </message>
    <message>
        <source>Save Thresholds</source>
        <translation>保存阈值</translation>
    </message>
    <message>
        <source>Commit from</source>
        <translation>确定起始</translation>
    </message>
    <message>
        <source>Best case from</source>
        <translation>最佳情况起始</translation>
    </message>
    <message>
        <source>Open deals by expected close, each weighted by its probability. A deal flagged commit in its editor counts as commit whatever its probability.</source>
        <translation>按预计成交期间列出未结商机，每个按其概率加权。在编辑器中标为“确定”的商机无论概率如何都计入确定。</translation>
    </message>
    <message>
        <source>A logistic regression on your own won and lost deals, starting from each stage&apos;s default probability. Trained on the deals closed before a date and tested on those closed after; Brier score: the mean squared error of the predicted chance (lower is better). A probability set by hand on a deal still applies.</source>
        <translation>基于您自己的赢单和输单的逻辑回归，以各阶段的默认概率为起点。用某日之前结束的商机训练，用之后结束的商机测试；Brier 分数：预测概率的均方误差（越低越好）。商机上手动设置的概率仍然优先。</translation>
    </message>
    <message>
        <source>Forecast vs Actual</source>
        <translation>预测与实际</translation>
    </message>
    <message>
        <source>Pipeline Forecast</source>
        <translation>管道预测</translation>
    </message>
    <message>
        <source>Win Probability</source>
        <translation>赢单概率</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>全部产品</translation>
    </message>
    <message>
        <source>Fitting the forecast…</source>
        <translation>正在拟合预测…</translation>
    </message>
    <message>
        <source>Fitting the win-probability model…</source>
        <translation>正在拟合赢单概率模型…</translation>
    </message>
    <message>
        <source>The win-probability model could not be fitted.</source>
        <translation>无法拟合赢单概率模型。</translation>
    </message>
    <message>
        <source>Trained on {train} deals closed before {day}, tested on the {test} closed since: Brier score {model} against {stage} for the stage defaults.</source>
        <translation>用 {day} 之前结束的 {train} 个商机训练，用此后结束的 {test} 个测试：Brier 分数 {model}，阶段默认为 {stage}。</translation>
    </message>
    <message>
        <source>Calibration on the later deals</source>
        <translation>后期商机上的校准</translation>
    </message>
    <message>
        <source>Stage defaults</source>
        <translation>阶段默认</translation>
    </message>
    <message>
        <source>Ideal</source>
        <translation>理想</translation>
    </message>
    <message>
        <source>Predicted chance</source>
        <translation>预测概率</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>实际赢单率</translation>
    </message>
    <message>
        <source>No closed deals to test on</source>
        <translation>没有可测试的已结束商机</translation>
    </message>
    <message>
        <source>The forecast could not be made.</source>
        <translation>无法做出预测。</translation>
    </message>
    <message>
        <source>The forecast was cancelled; the figures shown are older.</source>
        <translation>预测已取消；显示的是较早的数字。</translation>
    </message>
    <message>
        <source>No forecast.</source>
        <translation>没有预测。</translation>
    </message>
    <message>
        <source>{metric} forecast as of {day}, {count} periods</source>
        <translation>{metric}预测，截至 {day}，共 {count} 期</translation>
    </message>
    <message>
        <source>: {first} and {second}</source>
        <translation>：{first}与{second}</translation>
    </message>
    <message>
        <source>Method: {method} (chosen by a backtest over {origins} origins)</source>
        <translation>方法：{method}（经 {origins} 个起点的回测选出）</translation>
    </message>
    <message>
        <source>Showing the forecast stored for {day}; refitting…</source>
        <translation>显示为 {day} 保存的预测；正在重新拟合…</translation>
    </message>
    <message>
        <source>Forecast fitted on the data before {day} and kept as this month&apos;s.</source>
        <translation>已用 {day} 之前的数据拟合预测，并保存为本月的预测。</translation>
    </message>
    <message>
        <source>Backtested WAPE {wape}, seasonal naive {baseline}.</source>
        <translation>回测 WAPE {wape}，季节性朴素法 {baseline}。</translation>
    </message>
    <message>
        <source>The {nominal} interval held {coverage} of the backtest&apos;s actuals.</source>
        <translation>{nominal} 区间覆盖了回测中 {coverage} 的实际值。</translation>
    </message>
    <message>
        <source>{metric}: history and forecast</source>
        <translation>{metric}：历史与预测</translation>
    </message>
    <message>
        <source>Forecast made a period before</source>
        <translation>提前一期的预测</translation>
    </message>
    <message>
        <source>No history to forecast from</source>
        <translation>没有可用于预测的历史数据</translation>
    </message>
    <message numerus="yes">
        <source>%Ln past forecast period(s) can be compared with what happened; {inside} fell inside the 80 % interval.</source>
        <translation>
            <numerusform>%Ln 个过去预测期间可与实际比较；其中 {inside} 个落在 80% 区间内。</numerusform>
        </translation>
    </message>
    <message>
        <source>No stored forecast covers a period that is over yet. Forecast the past months to compare.</source>
        <translation>还没有已保存的预测覆盖已结束的期间。补做过去几个月的预测即可比较。</translation>
    </message>
    <message numerus="yes">
        <source>forecast %Ln period(s) before</source>
        <translation>
            <numerusform>提前 %Ln 期的预测</numerusform>
        </translation>
    </message>
    <message>
        <source>What was forecast against what happened</source>
        <translation>预测值与实际值</translation>
    </message>
    <message>
        <source>No past forecast to compare yet</source>
        <translation>尚无可比较的过去预测</translation>
    </message>
    <message numerus="yes">
        <source>%Ln open deal(s) need attention: no close date, or one already past.</source>
        <translation>
            <numerusform>%Ln 个未结商机需关注：没有成交日期，或日期已过。</numerusform>
        </translation>
    </message>
    <message>
        <source>Forecasting the past months…</source>
        <translation>正在补做过去几个月的预测…</translation>
    </message>
    <message>
        <source>Export Forecast</source>
        <translation>导出预测</translation>
    </message>
    <message>
        <source>forecast</source>
        <translation>销售预测</translation>
    </message>
    <message>
        <source>Exporting the forecast…</source>
        <translation>正在导出预测…</translation>
    </message>
    <message>
        <source>Forecast saved to {path}.</source>
        <translation>预测已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>[{label}] </source>
        <translation>【{label}】</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>{days} days ago</source>
        <translation>{days} 天前</translation>
    </message>
</context>
<context>
    <name>FunnelView</name>
    <message>
        <source>Last 12 months</source>
        <translation>近12个月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>Save Chart…</source>
        <translation>保存图表…</translation>
    </message>
    <message>
        <source>Deals created</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单数</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单数</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>赢单率</translation>
    </message>
    <message>
        <source>Average won deal</source>
        <translation>平均赢单金额</translation>
    </message>
    <message>
        <source>Average sales cycle</source>
        <translation>平均销售周期</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>到达数</translation>
    </message>
    <message>
        <source>To next stage</source>
        <translation>转化到下一阶段</translation>
    </message>
    <message>
        <source>Days in stage</source>
        <translation>阶段停留天数</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>(no reason)</source>
        <translation>（未填原因）</translation>
    </message>
    <message>
        <source>Sales funnel</source>
        <translation>销售漏斗</translation>
    </message>
    <message>
        <source>Deals reaching each stage</source>
        <translation>各阶段到达的商机数</translation>
    </message>
    <message>
        <source>conversion to the next stage</source>
        <translation>到下一阶段的转化率</translation>
    </message>
    <message>
        <source>Why deals were lost</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <source>No deals were created in this period.</source>
        <translation>此期间没有新建商机。</translation>
    </message>
    <message>
        <source>funnel</source>
        <translation>销售漏斗</translation>
    </message>
    <message>
        <source>Exporting the funnel…</source>
        <translation>正在导出销售漏斗…</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Lost reasons</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Created from</source>
        <translation>创建起始日</translation>
    </message>
    <message>
        <source>Created to</source>
        <translation>创建截止日</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Won amount</source>
        <translation>赢单金额</translation>
    </message>
    <message>
        <source>Average sales cycle (days)</source>
        <translation>平均销售周期（天）</translation>
    </message>
    <message>
        <source>Export Funnel</source>
        <translation>导出漏斗分析</translation>
    </message>
    <message>
        <source>Funnel exported to {path}.</source>
        <translation>漏斗分析已导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Pipeline stage</source>
        <translation>销售阶段</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Moved to the trash</source>
        <translation>移至回收站</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Deleted for good</source>
        <translation>永久删除</translation>
    </message>
    <message>
        <source>Allowed by exception</source>
        <translation>例外放行</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>税号</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>执行人</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>赢单概率</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>标准价</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Tax %</source>
        <translation>税率 %</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>(deleted) #{id}</source>
        <translation>（已删除）#{id}</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>history</source>
        <translation>历史记录</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of “{record}”</source>
        <translation>“{record}”的历史记录</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <source>Search names and values…</source>
        <translation>搜索名称和内容…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s)</source>
        <translation>
            <numerusform>%Ln 条变更</numerusform>
        </translation>
    </message>
    <message>
        <source>Export History</source>
        <translation>导出历史记录</translation>
    </message>
    <message>
        <source>Exporting the history…</source>
        <translation>正在导出历史记录…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln change(s) to {path}.</source>
        <translation>
            <numerusform>已导出 %Ln 条变更到 {path}。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>Enter a number.</source>
        <translation>请填写数字。</translation>
    </message>
    <message>
        <source>Enter a number, not a date.</source>
        <translation>请填写数字，而不是日期。</translation>
    </message>
    <message>
        <source>Enter a number like 1234.50.</source>
        <translation>请填写数字，例如 1234.50。</translation>
    </message>
    <message>
        <source>Amounts have at most two decimals.</source>
        <translation>金额最多两位小数。</translation>
    </message>
    <message>
        <source>A discount is between 0 and 100 %.</source>
        <translation>折扣在 0 到 100% 之间。</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>请填写整数。</translation>
    </message>
    <message>
        <source>Enter a date like 2026-03-06.</source>
        <translation>请填写日期，例如 2026-03-06。</translation>
    </message>
    <message>
        <source>There is no such date.</source>
        <translation>没有这个日期。</translation>
    </message>
    <message>
        <source>Day and month can be read both ways: choose the date order.</source>
        <translation>日和月可以两种方式理解：请选择日期顺序。</translation>
    </message>
    <message>
        <source>{column}: {message}</source>
        <translation>{column}：{message}</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>No product {name} (import with “create missing”).</source>
        <translation>没有产品 {name}（可选择“创建缺失项”导入）。</translation>
    </message>
    <message>
        <source>Use open, shipped, completed or cancelled.</source>
        <translation>请填写 进行中、已发货、已完成 或 已取消。</translation>
    </message>
    <message>
        <source>The quantity must be more than 0.</source>
        <translation>数量必须大于 0。</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>At most {limit} characters.</source>
        <translation>最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>Choose one of the supported currencies.</source>
        <translation>请选择支持的币种。</translation>
    </message>
    <message>
        <source>Another row of order {number} names another customer.</source>
        <translation>订单 {number} 的另一行写的是另一个客户。</translation>
    </message>
    <message>
        <source>Use open, won or lost.</source>
        <translation>请填写 进行中、赢单 或 输单。</translation>
    </message>
    <message>
        <source>There is no stage {stage}.</source>
        <translation>没有阶段 {stage}。</translation>
    </message>
    <message>
        <source>The status does not fit the stage.</source>
        <translation>状态与阶段不符。</translation>
    </message>
    <message>
        <source>Use call, visit, WeChat, e-mail, meeting, note or feedback.</source>
        <translation>请填写 电话、拜访、微信、邮件、会议、备注 或 反馈。</translation>
    </message>
    <message>
        <source>{kind} have no field {field}.</source>
        <translation>{kind} 没有字段 {field}。</translation>
    </message>
    <message>
        <source>Two columns are mapped to {field}.</source>
        <translation>有两列都对应到 {field}。</translation>
    </message>
    <message>
        <source>The file has no column {header}.</source>
        <translation>文件中没有列 {header}。</translation>
    </message>
    <message>
        <source>Enter a name for the mapping.</source>
        <translation>请为此映射填写名称。</translation>
    </message>
    <message>
        <source>row {row}, {column}: {message}</source>
        <translation>第 {row} 行，{column}：{message}</translation>
    </message>
    <message>
        <source>created {created}, updated {updated}, unchanged {unchanged}, skipped {skipped}, errors {errors}</source>
        <translation>新建 {created}，更新 {updated}，未变 {unchanged}，跳过 {skipped}，错误 {errors}</translation>
    </message>
    <message>
        <source>{summary} (batch {batch})</source>
        <translation>{summary}（批次 {batch}）</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>No salesperson is called {name} (import with “create missing”).</source>
        <translation>没有名为 {name} 的销售员（可选择“创建缺失项”导入）。</translation>
    </message>
    <message>
        <source>No customer has this id.</source>
        <translation>没有此 ID 的客户。</translation>
    </message>
    <message>
        <source>No product has this id.</source>
        <translation>没有此 ID 的产品。</translation>
    </message>
    <message>
        <source>A product with this SKU exists already.</source>
        <translation>此产品编号已存在。</translation>
    </message>
    <message>
        <source>No contact has this id.</source>
        <translation>没有此 ID 的联系人。</translation>
    </message>
    <message>
        <source>No customer {name} (import with “create missing”).</source>
        <translation>没有客户 {name}（可选择“创建缺失项”导入）。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was written.</source>
        <translation>导入已取消，未写入任何数据。</translation>
    </message>
    <message>
        <source>Map a column to {field}: it is required.</source>
        <translation>请为 {field} 指定一列：此字段必填。</translation>
    </message>
    <message>
        <source>There is no import batch {batch}.</source>
        <translation>没有导入批次 {batch}。</translation>
    </message>
    <message>
        <source>Import batch {batch} was reverted already.</source>
        <translation>导入批次 {batch} 已撤销过。</translation>
    </message>
    <message>
        <source>Records of import batch {batch} are used by records made since (orders, quotes …): remove those first.</source>
        <translation>导入批次 {batch} 的记录已被之后创建的记录（订单、报价单……）使用：请先删除那些记录。</translation>
    </message>
    <message>
        <source>{file}: choose a .xlsx, .xls, .ods, .csv, .txt or .vcf file.</source>
        <translation>{file}：请选择 .xlsx、.xls、.ods、.csv、.txt 或 .vcf 文件。</translation>
    </message>
    <message>
        <source>{file} is neither UTF-8 nor GB18030 text: choose its encoding.</source>
        <translation>{file} 既不是 UTF-8 也不是 GB18030 文本：请选择其编码。</translation>
    </message>
    <message>
        <source>{file}, row {row}: the text is not {encoding}; choose another encoding.</source>
        <translation>{file} 第 {row} 行：文本不是 {encoding} 编码，请选择其他编码。</translation>
    </message>
    <message>
        <source>{file}, row {row}: not a readable CSV row ({reason}).</source>
        <translation>{file} 第 {row} 行：无法读取的 CSV 行（{reason}）。</translation>
    </message>
    <message>
        <source>{file}: the text is not {encoding}; choose another encoding.</source>
        <translation>{file}：文本不是 {encoding} 编码，请选择其他编码。</translation>
    </message>
    <message>
        <source>{file} cannot be read as a workbook ({reason}).</source>
        <translation>{file} 无法作为工作簿读取（{reason}）。</translation>
    </message>
    <message>
        <source>{file} is not a UTF-8 vCard file.</source>
        <translation>{file} 不是 UTF-8 编码的 vCard 文件。</translation>
    </message>
    <message>
        <source>{file}, card {row}: not a readable vCard ({reason}).</source>
        <translation>{file} 第 {row} 张名片：无法读取的 vCard（{reason}）。</translation>
    </message>
    <message>
        <source>The file holds no rows.</source>
        <translation>文件中没有任何行。</translation>
    </message>
    <message>
        <source>There is no file at {file}.</source>
        <translation>{file} 处没有文件。</translation>
    </message>
    <message>
        <source>Unknown encoding {encoding}.</source>
        <translation>未知编码 {encoding}。</translation>
    </message>
    <message>
        <source>{file} has no sheets.</source>
        <translation>{file} 没有工作表。</translation>
    </message>
    <message>
        <source>{file} has no sheet {sheet} (it has: {sheets}).</source>
        <translation>{file} 没有工作表 {sheet}（现有：{sheets}）。</translation>
    </message>
    <message>
        <source>There is no row {row} in the file.</source>
        <translation>文件中没有第 {row} 行。</translation>
    </message>
    <message>
        <source>Row {row} holds no headers.</source>
        <translation>第 {row} 行没有表头。</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <source>Record id</source>
        <translation>记录ID</translation>
    </message>
    <message>
        <source>Customer code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact title</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Contact mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Contact e-mail</source>
        <translation>联系人邮箱</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Tax id</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>First deal</source>
        <translation>首次合作日期</translation>
    </message>
    <message>
        <source>Annual purchase</source>
        <translation>年采购额</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>产品编号</translation>
    </message>
    <message>
        <source>Product name</source>
        <translation>产品名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Tax rate</source>
        <translation>税率</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Order date</source>
        <translation>下单日期</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Line amount (net)</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>利润</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>商机名称</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>结单日期</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>Import History</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Reverted</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Revert…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <source>Remove what the import added and put back what it changed</source>
        <translation>删除该次导入新增的记录，并恢复被修改的内容</translation>
    </message>
    <message>
        <source>Revert Import</source>
        <translation>撤回导入</translation>
    </message>
    <message>
        <source>Revert import {batch} of {file}? What it added is removed and what it changed is put back.</source>
        <translation>撤回第 {batch} 批导入（{file}）？新增的记录将被删除，被修改的内容将被恢复。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Customers (with a contact on the same row)</source>
        <translation>客户（同一行可含联系人）</translation>
    </message>
    <message>
        <source>Contacts of existing customers</source>
        <translation>现有客户的联系人</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Order history (one row per order line)</source>
        <translation>历史订单（每行一个订单明细）</translation>
    </message>
    <message>
        <source>Opportunities (open and closed)</source>
        <translation>商机（进行中和已结束）</translation>
    </message>
    <message>
        <source>Past activities (calls, visits …)</source>
        <translation>过往活动（电话、拜访…）</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import of {file}</source>
        <translation>导入 {file}</translation>
    </message>
</context>
<context>
    <name>InteractionComposer</name>
    <message>
        <source>With:</source>
        <translation>对象：</translation>
    </message>
    <message>
        <source>Satisfaction:</source>
        <translation>满意度：</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Log: {kind}</source>
        <translation>记录：{kind}</translation>
    </message>
    <message>
        <source>(nobody in particular)</source>
        <translation>（不指定）</translation>
    </message>
    <message>
        <source>What was discussed? (optional)</source>
        <translation>沟通了什么？（可不填）</translation>
    </message>
    <message>
        <source>What was discussed or noted?</source>
        <translation>沟通或记录了什么？</translation>
    </message>
</context>
<context>
    <name>InvoiceDialog</name>
    <message>
        <source>Invoice for {number}</source>
        <translation>{number} 开票</translation>
    </message>
    <message>
        <source>Invoice no.:</source>
        <translation>发票号：</translation>
    </message>
    <message>
        <source>Invoice date:</source>
        <translation>开票日期：</translation>
    </message>
    <message>
        <source>Amount ({currency}, with tax):</source>
        <translation>金额（{currency}，含税）：</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>{day} ({terms})</source>
        <translation>{day}（{terms}）</translation>
    </message>
</context>
<context>
    <name>KeyFiguresView</name>
    <message>
        <source>Revenue, last 12 months</source>
        <translation>近12个月销售额</translation>
    </message>
    <message>
        <source>Revenue, lifetime</source>
        <translation>累计销售额</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近订单</translation>
    </message>
    <message>
        <source>Days between orders</source>
        <translation>平均下单间隔（天）</translation>
    </message>
    <message>
        <source>Open deals</source>
        <translation>进行中的商机</translation>
    </message>
    <message>
        <source>Open pipeline</source>
        <translation>在谈金额</translation>
    </message>
    <message>
        <source>Open tasks</source>
        <translation>待办任务</translation>
    </message>
</context>
<context>
    <name>LineEditor</name>
    <message>
        <source>Add a product: type its code or name…</source>
        <translation>添加产品：输入编码或名称…</translation>
    </message>
    <message>
        <source>Free Line</source>
        <translation>自定义行</translation>
    </message>
    <message>
        <source>Section Heading</source>
        <translation>分组标题</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Rule Price</source>
        <translation>恢复规则价</translation>
    </message>
    <message>
        <source>Set the price from the price rules again</source>
        <translation>按价格规则重新定价</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Before discount</source>
        <translation>折前金额</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Subtotal (excl. tax)</source>
        <translation>小计（不含税）</translation>
    </message>
    <message>
        <source>Tax {rate}%</source>
        <translation>税额 {rate}%</translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation>总计 {amount}</translation>
    </message>
    <message>
        <source>Margin {margin}% (minimum {minimum}%)</source>
        <translation>毛利率 {margin}%（最低 {minimum}%）</translation>
    </message>
</context>
<context>
    <name>LostReasonDialog</name>
    <message>
        <source>Deal Lost</source>
        <translation>商机输单</translation>
    </message>
    <message>
        <source>Why was “{title}” lost?</source>
        <translation>“{title}”为什么输单？</translation>
    </message>
    <message>
        <source>(choose a reason)</source>
        <translation>（请选择原因）</translation>
    </message>
    <message>
        <source>Details (optional if a reason is chosen)</source>
        <translation>详细说明（已选原因时可不填）</translation>
    </message>
    <message>
        <source>Choose a reason or write what happened.</source>
        <translation>请选择原因或填写说明。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message>
        <source>SMS Desktop</source>
        <translation>SMS Desktop 销售管理系统</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Key Accounts</source>
        <translation>关键客户</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>销售机会</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>定价与报价</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>业绩管理</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>匹配列</translation>
    </message>
    <message>
        <source>Columns are matched by their headers; change any that is wrong. Fields marked * are required.</source>
        <translation>已按标题自动匹配各列，如有不对请修改。带 * 的字段为必填。</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Save Mapping…</source>
        <translation>保存映射…</translation>
    </message>
    <message>
        <source>Used again when a file with the same columns comes</source>
        <translation>再次导入相同列的文件时自动使用</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>The saved mapping “{name}” was applied.</source>
        <translation>已应用保存的映射“{name}”。</translation>
    </message>
    <message>
        <source>Choose a column for: {fields}</source>
        <translation>请为以下字段选择列：{fields}</translation>
    </message>
    <message>
        <source>Save Mapping</source>
        <translation>保存映射</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Saved as “{name}”.</source>
        <translation>已保存为“{name}”。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge Customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <source>Keep which customer? Contacts, history, deals, quotes, orders and tasks of the other one move to it, and the other one goes to the trash. You can undo this.</source>
        <translation>保留哪个客户？另一个客户的联系人、往来记录、商机、报价、订单和任务都会转到保留的客户名下，另一个客户移入回收站。此操作可以撤销。</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The disk is full: free some space and try again.</source>
        <translation>磁盘已满：请释放一些空间后重试。</translation>
    </message>
    <message>
        <source>SMS Desktop may not write here: {path}. Choose another folder.</source>
        <translation>SMS Desktop 无权写入此位置：{path}。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>This file or folder does not exist: {path}.</source>
        <translation>此文件或文件夹不存在：{path}。</translation>
    </message>
    <message>
        <source>Something went wrong, and this step was not completed. Your data is safe.</source>
        <translation>出现了问题，此步骤未完成。您的数据是安全的。</translation>
    </message>
    <message>
        <source>Details were written to {path}.</source>
        <translation>详细信息已写入 {path}。</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>SMS Desktop</source>
        <translation>SMS Desktop 销售管理系统</translation>
    </message>
</context>
<context>
    <name>MoneySettings</name>
    <message>
        <source>Receivables (应收账款):</source>
        <translation>应收账款：</translation>
    </message>
    <message>
        <source>Revenue (主营业务收入):</source>
        <translation>主营业务收入：</translation>
    </message>
    <message>
        <source>Output VAT (销项税额):</source>
        <translation>销项税额：</translation>
    </message>
    <message>
        <source>Bank (银行存款):</source>
        <translation>银行存款：</translation>
    </message>
    <message>
        <source>Exchange differences (汇兑损益):</source>
        <translation>汇兑损益：</translation>
    </message>
    <message>
        <source>Set the {currency} rate of {day}</source>
        <translation>设置 {day} 的 {currency} 汇率</translation>
    </message>
    <message>
        <source>Delete the {currency} rate of {day}</source>
        <translation>删除 {day} 的 {currency} 汇率</translation>
    </message>
</context>
<context>
    <name>MoneySettingsPage</name>
    <message>
        <source>Exchange rates (1 unit = … {company})</source>
        <translation>汇率（1 单位外币 = … {company}）</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>From</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>汇率</translation>
    </message>
    <message>
        <source>Set Rate</source>
        <translation>设置汇率</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <source>Rows of currency, date, rate (a header row is skipped)</source>
        <translation>每行：币种、日期、汇率（标题行自动跳过）</translation>
    </message>
    <message>
        <source>Account codes of the accounting export</source>
        <translation>财务凭证导出的会计科目</translation>
    </message>
    <message>
        <source>Import Exchange Rates</source>
        <translation>导入汇率</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV 文件 (*.csv *.txt)</translation>
    </message>
    <message>
        <source>{added} rates added, {replaced} replaced.</source>
        <translation>新增 {added} 条汇率，替换 {replaced} 条。</translation>
    </message>
</context>
<context>
    <name>NextActions</name>
    <message>
        <source>Quote expiring</source>
        <translation>报价即将到期</translation>
    </message>
    <message>
        <source>Low satisfaction</source>
        <translation>满意度低</translation>
    </message>
    <message>
        <source>Health dropped</source>
        <translation>健康度下降</translation>
    </message>
    <message>
        <source>Re-order due</source>
        <translation>应再次下单</translation>
    </message>
    <message>
        <source>Not contacted</source>
        <translation>久未联系</translation>
    </message>
    <message>
        <source>Deal without a next step</source>
        <translation>商机无下一步</translation>
    </message>
    <message>
        <source>White space</source>
        <translation>空白品类</translation>
    </message>
    <message>
        <source>Similar customers buy {category} (typically {revenue} a year)</source>
        <translation>同类客户采购{category}（通常每年 {revenue}）</translation>
    </message>
    <message>
        <source>There is no salesperson called {name}.</source>
        <translation>没有名为 {name} 的销售人员。</translation>
    </message>
    <message>
        <source>Quote {number} expires in {days} days ({day})</source>
        <translation>报价 {number} 将在 {days} 天后到期（{day}）</translation>
    </message>
    <message>
        <source>Scored {score}/5 in the survey of {day}; not followed up</source>
        <translation>{day} 的满意度调查为 {score}/5 分，尚未回访</translation>
    </message>
    <message>
        <source>Last order {days} days ago; usually orders every {interval} days</source>
        <translation>上次下单在 {days} 天前；通常每 {interval} 天下单一次</translation>
    </message>
    <message>
        <source>Health fell from {before} to {now}</source>
        <translation>健康度从 {before} 降至 {now}</translation>
    </message>
    <message>
        <source>Key account with no contact recorded</source>
        <translation>关键客户，尚无联系记录</translation>
    </message>
    <message>
        <source>Key account not contacted for {days} days</source>
        <translation>关键客户已 {days} 天未联系</translation>
    </message>
    <message>
        <source>Deal “{title}” has no next step or planned activity</source>
        <translation>商机“{title}”没有下一步或计划中的活动</translation>
    </message>
</context>
<context>
    <name>NextActionsCard</name>
    <message>
        <source>Today&apos;s suggestions</source>
        <translation>今日建议</translation>
    </message>
    <message>
        <source>Nothing to suggest today.</source>
        <translation>今天没有建议。</translation>
    </message>
    <message>
        <source>Open Customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Create Task…</source>
        <translation>新建任务…</translation>
    </message>
</context>
<context>
    <name>Numbering</name>
    <message>
        <source>Remove the control characters from the number pattern.</source>
        <translation>请删除编号规则中的控制字符。</translation>
    </message>
    <message>
        <source>Add {{seq}} to the number pattern so that every number is different, e.g. {example}.</source>
        <translation>请在编号规则中加入 {{seq}}，使每个编号都不相同，例如 {example}。</translation>
    </message>
    <message>
        <source>{field} is not a number pattern field: use {{year}}, {{yy}}, {{month}}, {{seq}} or {{seq:4}}.</source>
        <translation>{field} 不是编号规则的字段：请使用 {{year}}、{{yy}}、{{month}}、{{seq}} 或 {{seq:4}}。</translation>
    </message>
    <message>
        <source>Only {{seq}} takes a width, a number from 1 to 10: e.g. {{seq:4}} gives 0001.</source>
        <translation>只有 {{seq}} 可以指定位数，位数为 1 到 10：例如 {{seq:4}} 得到 0001。</translation>
    </message>
    <message>
        <source>Write each field of the number pattern in a pair of braces, e.g. {example}; braces cannot be used as text.</source>
        <translation>编号规则的每个字段都写在一对花括号中，例如 {example}；花括号不能用作普通文字。</translation>
    </message>
    <message>
        <source>Numbers from this pattern would be longer than 40 characters; shorten the pattern.</source>
        <translation>按此规则生成的编号会超过 40 个字符，请缩短编号规则。</translation>
    </message>
</context>
<context>
    <name>OpportunityDialog</name>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>New Opportunity</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <source>Type to search customers</source>
        <translation>输入以搜索客户</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <source>e.g. 2027 annual purchase</source>
        <translation>例如：2027年度采购</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>商机名称：</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>阶段：</translation>
    </message>
    <message>
        <source>Probability:</source>
        <translation>赢单概率：</translation>
    </message>
    <message>
        <source>Commit: counts as commit in the forecast</source>
        <translation>确定：在预测中计为确定</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>暂不确定</translation>
    </message>
    <message>
        <source>Expected close:</source>
        <translation>预计成交：</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>客户来源：</translation>
    </message>
    <message>
        <source>Competitors:</source>
        <translation>竞争对手：</translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation>下一步：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Drag the card on the board to change the stage</source>
        <translation>在看板上拖动卡片即可变更阶段</translation>
    </message>
    <message>
        <source>stage default ({probability}%)</source>
        <translation>按阶段默认（{probability}%）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>OrderCommands</name>
    <message>
        <source>New order {number}</source>
        <translation>新建订单 {number}</translation>
    </message>
    <message>
        <source>Edit order {number}</source>
        <translation>编辑订单 {number}</translation>
    </message>
    <message>
        <source>Confirm order {number}</source>
        <translation>确认订单 {number}</translation>
    </message>
    <message>
        <source>Delivery {number}</source>
        <translation>送货单 {number}</translation>
    </message>
    <message>
        <source>Invoice {number}</source>
        <translation>发票 {number}</translation>
    </message>
    <message>
        <source>Cancel order {number}</source>
        <translation>取消订单 {number}</translation>
    </message>
    <message>
        <source>Payment received</source>
        <translation>收到回款</translation>
    </message>
    <message>
        <source>Delete order {number}</source>
        <translation>删除订单 {number}</translation>
    </message>
</context>
<context>
    <name>OrderEditor</name>
    <message>
        <source>New Order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <source>Order {number}</source>
        <translation>订单 {number}</translation>
    </message>
    <message>
        <source>Type to search customers</source>
        <translation>输入以搜索客户</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>Salesperson:</source>
        <translation>销售代表：</translation>
    </message>
    <message>
        <source>Order date:</source>
        <translation>订单日期：</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>币种：</translation>
    </message>
    <message>
        <source>Tax:</source>
        <translation>计税：</translation>
    </message>
    <message>
        <source>Notes printed on the order confirmation</source>
        <translation>打印在销售确认单上的备注</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Credit Limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>Save the order anyway?</source>
        <translation>仍然保存该订单？</translation>
    </message>
    <message>
        <source>Save the changes to this order?</source>
        <translation>保存对该订单的修改？</translation>
    </message>
</context>
<context>
    <name>OrderList</name>
    <message>
        <source>Number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Order date</source>
        <translation>订单日期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Total (company currency)</source>
        <translation>金额（本位币）</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>品名及描述</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送货</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>送货单</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Invoice no.</source>
        <translation>发票号</translation>
    </message>
    <message>
        <source>Invoice date</source>
        <translation>开票日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已回款</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未收余额</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>单号/名称</translation>
    </message>
    <message>
        <source>Applied to</source>
        <translation>核销发票</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>预收/余款</translation>
    </message>
    <message>
        <source>Receivables</source>
        <translation>应收账款</translation>
    </message>
</context>
<context>
    <name>OrderPdf</name>
    <message>
        <source>Delivery note {number}</source>
        <translation>送货单 {number}</translation>
    </message>
    <message>
        <source>Order confirmation {number}</source>
        <translation>销售确认单 {number}</translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Partly delivered</source>
        <translation>部分送货</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送货</translation>
    </message>
    <message>
        <source>Partly invoiced</source>
        <translation>部分开票</translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation>已开票</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已回款</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>Orders</name>
    <message>
        <source>This order takes the customer over the credit limit of {limit} {currency}: {open} {currency} is open already.</source>
        <translation>此订单将使客户超出信用额度 {limit} {currency}：已有未结金额 {open} {currency}。</translation>
    </message>
    <message>
        <source>This order no longer exists.</source>
        <translation>该订单已不存在。</translation>
    </message>
    <message>
        <source>Order {number} is {status} now; this step can no longer be undone.</source>
        <translation>订单 {number} 现在为“{status}”，此步骤已无法撤销。</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>送货</translation>
    </message>
    <message>
        <source>invoiced</source>
        <translation>开票</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>moved to the trash</source>
        <translation>移入回收站</translation>
    </message>
    <message>
        <source>An order that is {status} cannot be {action}.</source>
        <translation>状态为“{status}”的订单不能{action}。</translation>
    </message>
    <message>
        <source>An order that is {status} cannot become {target}.</source>
        <translation>状态为“{status}”的订单不能变为“{target}”。</translation>
    </message>
    <message>
        <source>There is no order {number}.</source>
        <translation>没有订单 {number}。</translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <source>Choose one of the supported currencies.</source>
        <translation>请选择支持的币种。</translation>
    </message>
    <message>
        <source>At most {limit} characters.</source>
        <translation>最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>An order needs at least one product line.</source>
        <translation>订单至少需要一行产品。</translation>
    </message>
    <message>
        <source>This salesperson no longer exists.</source>
        <translation>该销售人员已不存在。</translation>
    </message>
    <message>
        <source>Enter a quantity to deliver.</source>
        <translation>请输入送货数量。</translation>
    </message>
    <message>
        <source>A line is not on this order.</source>
        <translation>有一行不属于此订单。</translation>
    </message>
    <message>
        <source>Line {n}: deliver more than 0 and at most {left}.</source>
        <translation>第 {n} 行：送货数量须大于0且不超过 {left}。</translation>
    </message>
    <message>
        <source>The delivery cannot be before the order date.</source>
        <translation>送货日期不能早于订单日期。</translation>
    </message>
    <message>
        <source>Enter the invoice number (at most {limit} characters).</source>
        <translation>请输入发票号（最多 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>Another invoice has this number already.</source>
        <translation>已有发票使用此号码。</translation>
    </message>
    <message>
        <source>Invoice more than 0 and at most {left}.</source>
        <translation>开票金额须大于0且不超过 {left}。</translation>
    </message>
    <message>
        <source>The invoice cannot be before the order date.</source>
        <translation>发票日期不能早于订单日期。</translation>
    </message>
    <message>
        <source>Say why the order is cancelled (at most {limit} characters).</source>
        <translation>请填写取消原因（最多 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>Invoice {number} has payments applied to it; remove them first.</source>
        <translation>发票 {number} 已有回款核销，请先删除这些回款。</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <source>Any time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <source>Search order numbers and customers…</source>
        <translation>搜索订单号和客户…</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Overdue payment</source>
        <translation>逾期未回款</translation>
    </message>
    <message>
        <source>New Order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <source>Receivables…</source>
        <translation>应收账款…</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln 个订单</numerusform>
        </translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>送货</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>回款</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Deliver…</source>
        <translation>送货…</translation>
    </message>
    <message>
        <source>Invoice…</source>
        <translation>开票…</translation>
    </message>
    <message>
        <source>Payment…</source>
        <translation>回款…</translation>
    </message>
    <message>
        <source>Cancel Order…</source>
        <translation>取消订单…</translation>
    </message>
    <message>
        <source>Confirmation PDF…</source>
        <translation>销售确认单 PDF…</translation>
    </message>
    <message>
        <source>Delivery Note…</source>
        <translation>送货单…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>Select an order to see its lines and payments.</source>
        <translation>选择一个订单以查看其明细与回款。</translation>
    </message>
    <message>
        <source>{number} · {customer} · {status}</source>
        <translation>{number} · {customer} · {status}</translation>
    </message>
    <message>
        <source>total {total}</source>
        <translation>合计 {total}</translation>
    </message>
    <message>
        <source>invoiced {invoiced}</source>
        <translation>已开票 {invoiced}</translation>
    </message>
    <message>
        <source>paid {paid}</source>
        <translation>已回款 {paid}</translation>
    </message>
    <message>
        <source>{amount} at {rate}</source>
        <translation>{amount}（汇率 {rate}）</translation>
    </message>
    <message>
        <source>cancelled: {reason}</source>
        <translation>已取消：{reason}</translation>
    </message>
    <message>
        <source>Show Customer</source>
        <translation>查看客户</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>历史记录…</translation>
    </message>
    <message>
        <source>Order {number} saved.</source>
        <translation>订单 {number} 已保存。</translation>
    </message>
    <message>
        <source>Order {number} confirmed.</source>
        <translation>订单 {number} 已确认。</translation>
    </message>
    <message>
        <source>Delivery {number} recorded.</source>
        <translation>送货单 {number} 已记录。</translation>
    </message>
    <message>
        <source>Invoice {number} recorded.</source>
        <translation>发票 {number} 已记录。</translation>
    </message>
    <message>
        <source>Payment of {amount} recorded.</source>
        <translation>已记录回款 {amount}。</translation>
    </message>
    <message>
        <source>{credit} is kept as the customer&apos;s credit.</source>
        <translation>{credit} 记为客户的预收余额。</translation>
    </message>
    <message>
        <source>Order {number} cancelled.</source>
        <translation>订单 {number} 已取消。</translation>
    </message>
    <message>
        <source>Moved to the trash. Undo with Ctrl+Z or restore from Edit ▸ Trash.</source>
        <translation>已移到回收站。可按 Ctrl+Z 撤销，或在“编辑 ▸ 回收站”中恢复。</translation>
    </message>
    <message>
        <source>Export Orders</source>
        <translation>导出订单</translation>
    </message>
    <message>
        <source>Exporting orders…</source>
        <translation>正在导出订单…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln order(s) to {path}.</source>
        <translation>
            <numerusform>已将 %Ln 个订单导出到 {path}。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Paths</name>
    <message>
        <source>{path} cannot be read; check its permissions.</source>
        <translation>无法读取 {path}，请检查其权限。</translation>
    </message>
    <message>
        <source>{path} is not a regular file (a pipe or a device); name a database file.</source>
        <translation>{path} 不是普通文件（是管道或设备），请指定一个数据库文件。</translation>
    </message>
    <message>
        <source>{path} is a folder; give the name of a file to write.</source>
        <translation>{path} 是文件夹，请指定要写入的文件名。</translation>
    </message>
    <message>
        <source>{folder} is not a folder; choose another place for {name}.</source>
        <translation>{folder} 不是文件夹，请为 {name} 另选位置。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist; create it first.</source>
        <translation>文件夹 {folder} 不存在，请先创建。</translation>
    </message>
    <message>
        <source>{path} is not a regular file; give the name of a file to write.</source>
        <translation>{path} 不是普通文件，请指定要写入的文件名。</translation>
    </message>
    <message>
        <source>{path} cannot be written (no permission); choose another place.</source>
        <translation>无法写入 {path}（没有权限），请另选位置。</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Payment from {customer}</source>
        <translation>{customer} 的回款</translation>
    </message>
    <message>
        <source>Received on:</source>
        <translation>收款日期：</translation>
    </message>
    <message>
        <source>Amount ({currency}):</source>
        <translation>金额（{currency}）：</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>流水号：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Applied to this order&apos;s open invoices first, then to the customer&apos;s oldest; anything left is kept as the customer&apos;s credit.</source>
        <translation>先核销本订单的未付发票，再核销该客户最早的发票；多余部分记为客户的预收余额。</translation>
    </message>
</context>
<context>
    <name>PaymentMethod</name>
    <message>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Cheque</source>
        <translation>支票</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>PaymentTerms</name>
    <message>
        <source>Month end + {days} days</source>
        <translation>月结{days}天</translation>
    </message>
    <message>
        <source>Net {days} days</source>
        <translation>票到{days}天付款</translation>
    </message>
    <message>
        <source>Prepay {percent}%, rest net {days} days</source>
        <translation>预付{percent}%，余款{days}天</translation>
    </message>
</context>
<context>
    <name>Payments</name>
    <message>
        <source>This payment no longer exists.</source>
        <translation>该收款已不存在。</translation>
    </message>
    <message>
        <source>Choose one of the supported currencies.</source>
        <translation>请选择支持的币种。</translation>
    </message>
    <message>
        <source>Enter an amount of more than 0.</source>
        <translation>请输入大于0的金额。</translation>
    </message>
    <message>
        <source>At most {limit} characters.</source>
        <translation>最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <source>The refund is more than the customer&apos;s credit; take it back from an invoice&apos;s payments instead.</source>
        <translation>退款金额超过客户的预收余额；请从某张发票的回款中退回。</translation>
    </message>
    <message>
        <source>An invoice is not this customer&apos;s.</source>
        <translation>有发票不属于该客户。</translation>
    </message>
    <message>
        <source>Invoice {number} is in {currency}: pay it in {currency}.</source>
        <translation>发票 {number} 的币种为 {currency}：请以 {currency} 收款。</translation>
    </message>
    <message>
        <source>Apply an amount of more than 0.</source>
        <translation>核销金额须大于0。</translation>
    </message>
    <message>
        <source>Invoice {number} has only {room} to apply it to.</source>
        <translation>发票 {number} 仅剩 {room} 可核销。</translation>
    </message>
    <message>
        <source>The payment has only {left} left to apply.</source>
        <translation>该收款仅剩 {left} 可核销。</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese and English</source>
        <translation>中英双语</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Open in Viewer</source>
        <translation>用查看器打开</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>⚠ The PDF font has no glyph for {chars}: they print as {box}. Change the text if it must print exactly.</source>
        <translation>⚠ PDF 字体中没有 {chars} 的字形：打印时显示为 {box}。如需原样打印，请修改文字。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s)</source>
        <translation>
            <numerusform>共 %Ln 页</numerusform>
        </translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
</context>
<context>
    <name>Pipeline</name>
    <message>
        <source>This text is longer than {max} characters.</source>
        <translation>内容不能超过 {max} 个字符。</translation>
    </message>
    <message>
        <source>Enter a title for the opportunity.</source>
        <translation>请输入商机名称。</translation>
    </message>
    <message>
        <source>The title is longer than {max} characters.</source>
        <translation>名称不能超过 {max} 个字符。</translation>
    </message>
    <message>
        <source>Choose the customer.</source>
        <translation>请选择客户。</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>Amounts have at most two decimals.</source>
        <translation>金额最多保留两位小数。</translation>
    </message>
    <message>
        <source>Enter an amount up to 999,999,999,999.99.</source>
        <translation>请输入不超过 999,999,999,999.99 的金额。</translation>
    </message>
    <message>
        <source>The probability is a percentage from 0 to 100.</source>
        <translation>赢单概率应为 0 到 100 之间的百分比。</translation>
    </message>
    <message>
        <source>Enter a close date between {earliest} and {latest}.</source>
        <translation>请输入 {earliest} 到 {latest} 之间的成交日期。</translation>
    </message>
    <message>
        <source>Choose one of the supported currencies.</source>
        <translation>请选择支持的币种。</translation>
    </message>
    <message>
        <source>Enter the stage&apos;s name.</source>
        <translation>请输入阶段名称。</translation>
    </message>
    <message>
        <source>The name is longer than {max} characters.</source>
        <translation>名称不能超过 {max} 个字符。</translation>
    </message>
    <message>
        <source>Enter a number of days from 1 to {max}, or none.</source>
        <translation>请输入 1 到 {max} 之间的天数，或留空。</translation>
    </message>
    <message>
        <source>Enter the reason.</source>
        <translation>请输入原因。</translation>
    </message>
    <message>
        <source>This opportunity no longer exists.</source>
        <translation>该商机已不存在。</translation>
    </message>
    <message>
        <source>This stage no longer exists.</source>
        <translation>该阶段已不存在。</translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <source>Choose one of this customer&apos;s contacts.</source>
        <translation>请选择该客户的联系人。</translation>
    </message>
    <message>
        <source>Choose one of the salespeople.</source>
        <translation>请选择一名销售人员。</translation>
    </message>
    <message>
        <source>The pipeline has no won or lost stage.</source>
        <translation>销售流程缺少赢单或输单阶段。</translation>
    </message>
    <message>
        <source>The opportunity is already in this stage.</source>
        <translation>该商机已在此阶段。</translation>
    </message>
    <message>
        <source>This stage is archived: choose another one.</source>
        <translation>此阶段已归档，请选择其他阶段。</translation>
    </message>
    <message>
        <source>A won opportunity is closed: it became an order and stays won.</source>
        <translation>已赢单的商机已结束：它已成为订单，保持赢单状态。</translation>
    </message>
    <message>
        <source>An opportunity cannot move from {source} to {target}.</source>
        <translation>商机不能从“{source}”移到“{target}”。</translation>
    </message>
    <message>
        <source>Choose why it was lost, or write a note.</source>
        <translation>请选择输单原因，或填写说明。</translation>
    </message>
    <message>
        <source>Choose one of the lost reasons.</source>
        <translation>请选择一个输单原因。</translation>
    </message>
    <message>
        <source>The opportunity has moved again since; undo the later move first.</source>
        <translation>该商机之后又被移动过，请先撤销后面的移动。</translation>
    </message>
    <message>
        <source>Choose one of the open stages.</source>
        <translation>请选择一个进行中的阶段。</translation>
    </message>
    <message>
        <source>Opportunities have been in this stage since; archive it instead.</source>
        <translation>此后已有商机进入过这个阶段，请改为归档。</translation>
    </message>
    <message>
        <source>Only open stages can be reordered, each once. Reload and try again.</source>
        <translation>只能调整进行中阶段的顺序，每个阶段一次。请刷新后重试。</translation>
    </message>
    <message>
        <source>The won and lost stages cannot be archived.</source>
        <translation>赢单和输单阶段不能归档。</translation>
    </message>
    <message>
        <source>Open opportunities in this stage: {count}. Move them to another stage before archiving it.</source>
        <translation>此阶段还有 {count} 个进行中的商机。请先把它们移到其他阶段再归档。</translation>
    </message>
    <message>
        <source>The pipeline needs at least one open stage.</source>
        <translation>销售流程至少需要一个进行中的阶段。</translation>
    </message>
    <message>
        <source>This reason no longer exists.</source>
        <translation>该原因已不存在。</translation>
    </message>
    <message>
        <source>Opportunities were lost for this reason since; archive it instead.</source>
        <translation>此后已有商机以此原因输单，请改为归档。</translation>
    </message>
    <message>
        <source>Enter an amount like 12800 or 12,800.50.</source>
        <translation>请输入金额，例如 12800 或 12,800.50。</translation>
    </message>
</context>
<context>
    <name>PipelineCommands</name>
    <message>
        <source>Move “{title}” to {stage}</source>
        <translation>把“{title}”移到{stage}</translation>
    </message>
    <message>
        <source>New opportunity “{title}”</source>
        <translation>新建商机“{title}”</translation>
    </message>
    <message>
        <source>Edit “{title}”</source>
        <translation>编辑“{title}”</translation>
    </message>
    <message>
        <source>Delete “{title}”</source>
        <translation>删除“{title}”</translation>
    </message>
</context>
<context>
    <name>PipelineSettingsPage</name>
    <message>
        <source>Changes to stages and reasons are saved right away.</source>
        <translation>对阶段和原因的修改会立即保存。</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>赢单概率</translation>
    </message>
    <message>
        <source>Stale after</source>
        <translation>停滞期限</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Archive / Restore</source>
        <translation>归档 / 恢复</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <source>New reason (Chinese)</source>
        <translation>新原因（中文）</translation>
    </message>
    <message>
        <source>New reason (English)</source>
        <translation>新原因（英文）</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Enter the reason in Chinese and in English</source>
        <translation>请输入中文和英文原因</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>Archived: not on the board</source>
        <translation>已归档：不在看板上显示</translation>
    </message>
    <message>
        <source>Won and lost always come last</source>
        <translation>赢单和输单总在最后</translation>
    </message>
    <message>
        <source>Add stage {name}</source>
        <translation>添加阶段 {name}</translation>
    </message>
    <message>
        <source>Edit stage {name}</source>
        <translation>编辑阶段 {name}</translation>
    </message>
    <message>
        <source>Move stage {name}</source>
        <translation>移动阶段 {name}</translation>
    </message>
    <message>
        <source>Restore stage {name}</source>
        <translation>恢复阶段 {name}</translation>
    </message>
    <message>
        <source>Archive stage {name}</source>
        <translation>归档阶段 {name}</translation>
    </message>
    <message>
        <source>Add lost reason {name}</source>
        <translation>添加输单原因 {name}</translation>
    </message>
    <message>
        <source>Restore lost reason {name}</source>
        <translation>恢复输单原因 {name}</translation>
    </message>
    <message>
        <source>Archive lost reason {name}</source>
        <translation>归档输单原因 {name}</translation>
    </message>
</context>
<context>
    <name>PipelineTab</name>
    <message>
        <source>Search deal titles and customers…</source>
        <translation>搜索商机名称和客户…</translation>
    </message>
    <message>
        <source>Any close date</source>
        <translation>不限成交日期</translation>
    </message>
    <message>
        <source>Closing this month</source>
        <translation>本月成交</translation>
    </message>
    <message>
        <source>Closing this quarter</source>
        <translation>本季度成交</translation>
    </message>
    <message>
        <source>Closing in 90 days</source>
        <translation>90 天内成交</translation>
    </message>
    <message>
        <source>Close date passed</source>
        <translation>已过预计成交日</translation>
    </message>
    <message>
        <source>New Opportunity</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Win model probability</source>
        <translation>赢单模型概率</translation>
    </message>
    <message>
        <source>Cards and weighted totals use the probability learned from your closed deals, where no probability was set by hand. Needs 50 closed deals; until then the stage defaults apply.</source>
        <translation>卡片和加权合计使用从已结束商机中学习到的赢单概率（手动设定的概率优先）。需要 50 个已结束商机；在此之前使用阶段默认概率。</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>看板</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Funnel Analysis</source>
        <translation>漏斗分析</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>The win model needs 50 closed deals: the stage defaults apply.</source>
        <translation>赢单模型需要 50 个已结束商机：目前使用阶段默认概率。</translation>
    </message>
    <message>
        <source>“{title}” won. It now shows in the list view.</source>
        <translation>“{title}”已赢单，可在列表视图中查看。</translation>
    </message>
    <message>
        <source>“{title}” lost. It now shows in the list view.</source>
        <translation>“{title}”已输单，可在列表视图中查看。</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Tasks of This Deal</source>
        <translation>该机会的任务</translation>
    </message>
    <message>
        <source>Add Task…</source>
        <translation>添加任务…</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>历史记录…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Moved to the trash. Undo with Ctrl+Z or restore from Edit ▸ Trash.</source>
        <translation>已移到回收站。可按 Ctrl+Z 撤销，或在“编辑 ▸ 回收站”中恢复。</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Commission Plan</source>
        <translation>提成方案</translation>
    </message>
    <message>
        <source>From attainment (%)</source>
        <translation>起点达成率 (%)</translation>
    </message>
    <message>
        <source>Rate (% of basis)</source>
        <translation>提成比例（基数的 %）</translation>
    </message>
    <message>
        <source>Add Tier</source>
        <translation>添加档位</translation>
    </message>
    <message>
        <source>Remove Tier</source>
        <translation>删除档位</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Commission base</source>
        <translation>计提基数</translation>
    </message>
    <message>
        <source>Bonus at 100 %</source>
        <translation>达成 100 % 奖金</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>档位</translation>
    </message>
    <message>
        <source>A tier applies from its attainment upwards; its rate is paid on the whole basis. The bonus is paid once the target is reached.</source>
        <translation>档位自其起点达成率起适用，按整个基数的比例计提；达成目标后另发奖金。</translation>
    </message>
    <message>
        <source>Account Plan: {customer}</source>
        <translation>客户计划：{customer}</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>e.g. 500000</source>
        <translation>例如 500000 或 50万</translation>
    </message>
    <message>
        <source>Revenue goal, products and categories to develop</source>
        <translation>销售目标、要开发的产品和品类</translation>
    </message>
    <message>
        <source>How we win: decision makers, offers, visits</source>
        <translation>如何赢得客户：决策人、方案、拜访</translation>
    </message>
    <message>
        <source>Competitors; strengths, weaknesses, opportunities, threats</source>
        <translation>竞争对手；优势、劣势、机会、威胁</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>年度(&amp;Y)</translation>
    </message>
    <message>
        <source>Revenue &amp;target</source>
        <translation>销售目标(&amp;T)</translation>
    </message>
    <message>
        <source>Next &amp;review</source>
        <translation>下次复盘(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Goals</source>
        <translation>目标(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Strategy</source>
        <translation>策略(&amp;S)</translation>
    </message>
    <message>
        <source>Competitors &amp;&amp; &amp;risks</source>
        <translation>竞争与风险(&amp;R)</translation>
    </message>
    <message>
        <source>New action, e.g. visit the purchasing head</source>
        <translation>新行动，例如拜访采购负责人</translation>
    </message>
    <message>
        <source>Add Action</source>
        <translation>添加行动</translation>
    </message>
    <message>
        <source>Actions (tasks)</source>
        <translation>行动（任务）</translation>
    </message>
    <message>
        <source>Performance (KPIs)</source>
        <translation>绩效评估（KPI）</translation>
    </message>
    <message>
        <source>Revenue vs target</source>
        <translation>销售额 / 目标</translation>
    </message>
    <message>
        <source>Share of wallet</source>
        <translation>钱包份额</translation>
    </message>
    <message>
        <source>Open opportunities</source>
        <translation>进行中商机</translation>
    </message>
    <message>
        <source>Overdue receivables</source>
        <translation>逾期应收款</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>shown once the plan is saved</source>
        <translation>保存计划后显示</translation>
    </message>
    <message>
        <source>{revenue} of {target} ({attainment}), {start} – {end}</source>
        <translation>{revenue} / {target}（{attainment}），{start} – {end}</translation>
    </message>
    <message>
        <source>not known (no annual potential entered)</source>
        <translation>未知（未填写年采购潜力）</translation>
    </message>
    <message>
        <source>{share} % of {potential}</source>
        <translation>占 {potential} 的 {share} %</translation>
    </message>
    <message numerus="yes">
        <source>%Ln deal(s), {amount}</source>
        <translation>
            <numerusform>%Ln 个商机，{amount}</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未联系</translation>
    </message>
</context>
<context>
    <name>PlansDialog</name>
    <message>
        <source>Follow-up Plans</source>
        <translation>跟进计划</translation>
    </message>
    <message>
        <source>New Plan</source>
        <translation>新建计划</translation>
    </message>
    <message>
        <source>Delete Plan</source>
        <translation>删除计划</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Start automatically when an order is recorded</source>
        <translation>录入订单时自动启动</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Day (from start)</source>
        <translation>开始后第几天</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>步骤：</translation>
    </message>
    <message>
        <source>Add Step</source>
        <translation>添加步骤</translation>
    </message>
    <message>
        <source>Remove Step</source>
        <translation>删除步骤</translation>
    </message>
    <message>
        <source>Save Plan</source>
        <translation>保存计划</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Check before importing</source>
        <translation>导入前检查</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Records that exist already:</source>
        <translation>已存在的记录：</translation>
    </message>
    <message>
        <source>update them</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>leave them</source>
        <translation>保持不变</translation>
    </message>
    <message>
        <source>add as new</source>
        <translation>作为新记录添加</translation>
    </message>
    <message>
        <source>Create customers and products not found</source>
        <translation>自动创建找不到的客户和产品</translation>
    </message>
    <message>
        <source>Import only the valid rows</source>
        <translation>只导入有效的行</translation>
    </message>
    <message>
        <source>Dates: decided by each column</source>
        <translation>日期：按各列自动判断</translation>
    </message>
    <message>
        <source>Dates: year-month-day</source>
        <translation>日期：年-月-日</translation>
    </message>
    <message>
        <source>Dates: day/month/year</source>
        <translation>日期：日/月/年</translation>
    </message>
    <message>
        <source>Dates: month/day/year (US)</source>
        <translation>日期：月/日/年（美式）</translation>
    </message>
    <message>
        <source>Check Again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在检查每一行…</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>检查已取消。</translation>
    </message>
    <message>
        <source>Would import {rows} rows: {line}.</source>
        <translation>将导入 {rows} 行：{line}。</translation>
    </message>
    <message>
        <source>Rows with errors: fix them in the file, or import only the valid rows.</source>
        <translation>有错误的行：请在文件中改正，或只导入有效的行。</translation>
    </message>
    <message>
        <source>Choose the order of day and month for: {columns}.</source>
        <translation>请为以下列选择日和月的顺序：{columns}。</translation>
    </message>
    <message>
        <source>Row {row}, {record}: {changes}</source>
        <translation>第 {row} 行，{record}：{changes}</translation>
    </message>
</context>
<context>
    <name>PriceListDialog</name>
    <message>
        <source>New Price List</source>
        <translation>新建价目表</translation>
    </message>
    <message>
        <source>Price List</source>
        <translation>价目表</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Customers of tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>One customer</source>
        <translation>指定客户</translation>
    </message>
    <message>
        <source>Type to search customers</source>
        <translation>输入以搜索客户</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>适用于：</translation>
    </message>
    <message>
        <source>from</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>until</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>有效期：</translation>
    </message>
    <message>
        <source>Used for new quotes</source>
        <translation>用于新报价</translation>
    </message>
    <message>
        <source>Active:</source>
        <translation>启用：</translation>
    </message>
</context>
<context>
    <name>PriceListsDialog</name>
    <message>
        <source>Price Lists</source>
        <translation>价目表</translation>
    </message>
    <message>
        <source>Price list</source>
        <translation>价目表</translation>
    </message>
    <message>
        <source>For</source>
        <translation>适用于</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则数</translation>
    </message>
    <message>
        <source>Product or category</source>
        <translation>产品或类别</translation>
    </message>
    <message>
        <source>From qty</source>
        <translation>起订量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>New List…</source>
        <translation>新建价目表…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add Rule…</source>
        <translation>添加规则…</translation>
    </message>
    <message>
        <source>Tier {tier}</source>
        <translation>{tier} 级客户</translation>
    </message>
    <message>
        <source>(inactive)</source>
        <translation>（停用）</translation>
    </message>
    <message>
        <source>Delete Price List</source>
        <translation>删除价目表</translation>
    </message>
    <message>
        <source>Delete “{name}” and its rules? Quotes keep the prices they already have.</source>
        <translation>删除“{name}”及其所有规则？已有报价单的价格不受影响。</translation>
    </message>
</context>
<context>
    <name>Pricing</name>
    <message>
        <source>The minimum quantity is at most {limit}.</source>
        <translation>最小数量最多为 {limit}。</translation>
    </message>
    <message>
        <source>The price is at most {limit}.</source>
        <translation>价格最多为 {limit}。</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>截止日期早于起始日期。</translation>
    </message>
    <message>
        <source>Enter a name for the price list.</source>
        <translation>请输入价目表名称。</translation>
    </message>
    <message>
        <source>At most {limit} characters.</source>
        <translation>最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>A price list is for one customer tier or for one customer.</source>
        <translation>价目表须适用于一个客户等级或一个客户。</translation>
    </message>
    <message>
        <source>A rule is for one product or for one category.</source>
        <translation>规则须适用于一个产品或一个类别。</translation>
    </message>
    <message>
        <source>The minimum quantity is 0 or more, with at most three decimals.</source>
        <translation>起订量须不小于 0，最多三位小数。</translation>
    </message>
    <message>
        <source>A rule gives either a discount or a fixed price.</source>
        <translation>规则须给出折扣或固定价格之一。</translation>
    </message>
    <message>
        <source>The discount is a percentage from 0 to 100.</source>
        <translation>折扣是 0 到 100 之间的百分比。</translation>
    </message>
    <message>
        <source>The price is an amount of 0 or more with at most two decimals.</source>
        <translation>价格须不小于 0，最多两位小数。</translation>
    </message>
    <message>
        <source>This price list no longer exists.</source>
        <translation>该价目表已不存在。</translation>
    </message>
    <message>
        <source>Choose a customer.</source>
        <translation>请选择客户。</translation>
    </message>
    <message>
        <source>This product no longer exists.</source>
        <translation>该产品已不存在。</translation>
    </message>
    <message>
        <source>This category no longer exists.</source>
        <translation>该类别已不存在。</translation>
    </message>
    <message>
        <source>This rule no longer exists.</source>
        <translation>该规则已不存在。</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <source>New Product</source>
        <translation>新建产品</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>SKU:</source>
        <translation>产品编码：</translation>
    </message>
    <message>
        <source>Name (Chinese):</source>
        <translation>中文名称：</translation>
    </message>
    <message>
        <source>Name (English):</source>
        <translation>英文名称：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>List price:</source>
        <translation>标准价：</translation>
    </message>
    <message>
        <source>Cost:</source>
        <translation>成本：</translation>
    </message>
    <message>
        <source>Tax rate %:</source>
        <translation>税率 %：</translation>
    </message>
    <message>
        <source>not tracked</source>
        <translation>不跟踪库存</translation>
    </message>
    <message>
        <source>In stock:</source>
        <translation>库存：</translation>
    </message>
    <message>
        <source>Offered on new quotes</source>
        <translation>可用于新报价</translation>
    </message>
    <message>
        <source>Active:</source>
        <translation>启用：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>描述：</translation>
    </message>
</context>
<context>
    <name>ProductList</name>
    <message>
        <source>SKU</source>
        <translation>产品编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>标准价</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Tax %</source>
        <translation>税率 %</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品目录</translation>
    </message>
    <message>
        <source>products</source>
        <translation>产品目录</translation>
    </message>
</context>
<context>
    <name>Products</name>
    <message>
        <source>Enter an amount of at most {limit}.</source>
        <translation>金额最多为 {limit}。</translation>
    </message>
    <message>
        <source>At most {limit} characters.</source>
        <translation>最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>Enter an amount of 0 or more.</source>
        <translation>请输入不小于 0 的金额。</translation>
    </message>
    <message>
        <source>Enter an amount with at most two decimals.</source>
        <translation>金额最多两位小数。</translation>
    </message>
    <message>
        <source>Enter the SKU (product code).</source>
        <translation>请输入产品编码。</translation>
    </message>
    <message>
        <source>Enter the product name.</source>
        <translation>请输入产品名称。</translation>
    </message>
    <message>
        <source>Enter the unit, e.g. 个, 台 or kg.</source>
        <translation>请输入单位，例如 个、台 或 kg。</translation>
    </message>
    <message>
        <source>Choose one of the supported currencies.</source>
        <translation>请选择支持的币种。</translation>
    </message>
    <message>
        <source>The tax rate is a percentage from 0 to 99.99.</source>
        <translation>税率是 0 到 99.99 之间的百分比。</translation>
    </message>
    <message>
        <source>Enter a quantity with at most three decimals.</source>
        <translation>数量最多三位小数。</translation>
    </message>
    <message>
        <source>This product no longer exists.</source>
        <translation>该产品已不存在。</translation>
    </message>
    <message>
        <source>This category no longer exists.</source>
        <translation>该类别已不存在。</translation>
    </message>
    <message>
        <source>Another product already has this SKU.</source>
        <translation>已有其他产品使用此编码。</translation>
    </message>
</context>
<context>
    <name>ProductsDialog</name>
    <message>
        <source>Products</source>
        <translation>产品目录</translation>
    </message>
    <message>
        <source>Search codes and names…</source>
        <translation>搜索编码和名称…</translation>
    </message>
    <message>
        <source>Show inactive</source>
        <translation>显示停用产品</translation>
    </message>
    <message>
        <source>New Product…</source>
        <translation>新建产品…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move to the trash (Undo with Ctrl+Z)</source>
        <translation>移至回收站（可用 Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>历史记录…</translation>
    </message>
    <message>
        <source>Who changed this product, and when</source>
        <translation>谁在何时修改了这个产品</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln product(s)</source>
        <translation>
            <numerusform>%Ln 个产品</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Products</source>
        <translation>导出产品</translation>
    </message>
    <message>
        <source>Exporting products…</source>
        <translation>正在导出产品…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln product(s) to {path}.</source>
        <translation>
            <numerusform>已将 %Ln 个产品导出到 {path}。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>Name:</source>
        <translation>客户名称：</translation>
    </message>
    <message>
        <source>Company or person</source>
        <translation>公司或个人</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>English name:</source>
        <translation>英文名称：</translation>
    </message>
    <message>
        <source>Industry:</source>
        <translation>行业：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>客户来源：</translation>
    </message>
    <message>
        <source>e.g. trade fair, website, referral</source>
        <translation>例如：展会、官网、老客户介绍</translation>
    </message>
    <message>
        <source>Province:</source>
        <translation>省份：</translation>
    </message>
    <message>
        <source>City:</source>
        <translation>城市：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>电子邮箱：</translation>
    </message>
    <message>
        <source>Website:</source>
        <translation>网址：</translation>
    </message>
    <message>
        <source>统一社会信用代码, 18 characters</source>
        <translation>18 位统一社会信用代码</translation>
    </message>
    <message>
        <source>Tax ID:</source>
        <translation>统一社会信用代码：</translation>
    </message>
    <message>
        <source>Tier:</source>
        <translation>客户等级：</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <source>Potential value:</source>
        <translation>潜在价值：</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>币种：</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>Strategic fit (1–5):</source>
        <translation>战略契合度（1–5）：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Separate tags with commas</source>
        <translation>多个标签用逗号分隔</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>QuoteChanges</name>
    <message>
        <source>Issue date</source>
        <translation>报价日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Tax mode</source>
        <translation>计税方式</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>discount %</source>
        <translation>折扣 %</translation>
    </message>
    <message>
        <source>tax %</source>
        <translation>税率 %</translation>
    </message>
    <message>
        <source>Added: {line} ({amount})</source>
        <translation>新增：{line}（{amount}）</translation>
    </message>
    <message>
        <source>Removed: {line} ({amount})</source>
        <translation>删除：{line}（{amount}）</translation>
    </message>
    <message>
        <source>{field}: {old} → {new}</source>
        <translation>{field}：{old} → {new}</translation>
    </message>
    <message>
        <source>{line}: {field} {old} → {new}</source>
        <translation>{line}：{field} {old} → {new}</translation>
    </message>
</context>
<context>
    <name>QuoteCommands</name>
    <message>
        <source>New revision {label}</source>
        <translation>新修订版 {label}</translation>
    </message>
    <message>
        <source>New quote {label}</source>
        <translation>新建报价单 {label}</translation>
    </message>
    <message>
        <source>Edit quote {label}</source>
        <translation>编辑报价单 {label}</translation>
    </message>
    <message>
        <source>Mark {label} sent</source>
        <translation>标记 {label} 为已发送</translation>
    </message>
    <message>
        <source>Accept {label}</source>
        <translation>接受 {label}</translation>
    </message>
    <message>
        <source>Reject {label}</source>
        <translation>拒绝 {label}</translation>
    </message>
    <message>
        <source>Delete quote {label}</source>
        <translation>删除报价单 {label}</translation>
    </message>
    <message>
        <source>New product {sku}</source>
        <translation>新建产品 {sku}</translation>
    </message>
    <message>
        <source>Edit product {sku}</source>
        <translation>编辑产品 {sku}</translation>
    </message>
    <message>
        <source>Delete product {sku}</source>
        <translation>删除产品 {sku}</translation>
    </message>
    <message>
        <source>New price list {name}</source>
        <translation>新建价目表 {name}</translation>
    </message>
    <message>
        <source>Edit price list {name}</source>
        <translation>编辑价目表 {name}</translation>
    </message>
    <message>
        <source>Delete price list {name}</source>
        <translation>删除价目表 {name}</translation>
    </message>
    <message>
        <source>Add price rule</source>
        <translation>添加价格规则</translation>
    </message>
    <message>
        <source>Edit price rule</source>
        <translation>编辑价格规则</translation>
    </message>
    <message>
        <source>Delete price rule</source>
        <translation>删除价格规则</translation>
    </message>
</context>
<context>
    <name>QuoteEditor</name>
    <message>
        <source>New Quote</source>
        <translation>新建报价</translation>
    </message>
    <message>
        <source>Quote {label}</source>
        <translation>报价单 {label}</translation>
    </message>
    <message>
        <source>Type to search customers</source>
        <translation>输入以搜索客户</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <source>Opportunity:</source>
        <translation>销售机会：</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Salesperson:</source>
        <translation>销售代表：</translation>
    </message>
    <message>
        <source>Issue date:</source>
        <translation>报价日期：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Valid for:</source>
        <translation>有效期：</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>币种：</translation>
    </message>
    <message>
        <source>Tax:</source>
        <translation>计税：</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese and English</source>
        <translation>中英双语</translation>
    </message>
    <message>
        <source>Print in:</source>
        <translation>打印语言：</translation>
    </message>
    <message>
        <source>Notes printed on the quote</source>
        <translation>打印在报价单上的备注</translation>
    </message>
    <message>
        <source>Terms: validity, payment, delivery…</source>
        <translation>条款：有效期、付款方式、交货期…</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Terms:</source>
        <translation>条款：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Low Margin</source>
        <translation>毛利过低</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Save the changes to this quote?</source>
        <translation>是否保存对此报价单的修改？</translation>
    </message>
</context>
<context>
    <name>QuoteLines</name>
    <message>
        <source>Item</source>
        <translation>品名及描述</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Disc. %</source>
        <translation>折扣 %</translation>
    </message>
    <message>
        <source>Tax %</source>
        <translation>税率 %</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Price from</source>
        <translation>价格来源</translation>
    </message>
    <message>
        <source>manual price</source>
        <translation>手动价格</translation>
    </message>
    <message>
        <source>list price</source>
        <translation>标准价</translation>
    </message>
    <message>
        <source>The margin of this line is under the minimum.</source>
        <translation>该行毛利率低于最低要求。</translation>
    </message>
    <message>
        <source>Net {net} + tax {tax} = {total}</source>
        <translation>不含税 {net} + 税额 {tax} = {total}</translation>
    </message>
</context>
<context>
    <name>QuoteList</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>{date} (expired)</source>
        <translation>{date}（已过期）</translation>
    </message>
    <message>
        <source>{date} (last day)</source>
        <translation>{date}（今天到期）</translation>
    </message>
    <message>
        <source>{date} (1 day left)</source>
        <translation>{date}（剩 1 天）</translation>
    </message>
    <message>
        <source>{date} ({days} days left)</source>
        <translation>{date}（剩 {days} 天）</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>报价单号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>quotes</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>Below the minimum margin. Reason: {reason}</source>
        <translation>低于最低毛利率。原因：{reason}</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>报价日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
</context>
<context>
    <name>QuotePreviewDialog</name>
    <message>
        <source>Quote {label}</source>
        <translation>报价单 {label}</translation>
    </message>
</context>
<context>
    <name>Quotes</name>
    <message>
        <source>Line {n}: the quantity is at most {limit}.</source>
        <translation>第 {n} 行：数量最多为 {limit}。</translation>
    </message>
    <message>
        <source>Line {n}: the unit price is at most {limit}.</source>
        <translation>第 {n} 行：单价最多为 {limit}。</translation>
    </message>
    <message>
        <source>Line {n}: the unit cost is an amount from 0 to {limit} with at most two decimals.</source>
        <translation>第 {n} 行：单位成本须在 0 到 {limit} 之间，最多两位小数。</translation>
    </message>
    <message>
        <source>A quote has at most {limit} lines; split it into several quotes.</source>
        <translation>一张报价单最多 {limit} 行，请拆分为多张报价单。</translation>
    </message>
    <message>
        <source>Line {n}: the amount is over the maximum of {limit} per line; lower the quantity or the price.</source>
        <translation>第 {n} 行：金额超过每行上限 {limit}，请减少数量或降低价格。</translation>
    </message>
    <message>
        <source>The quote comes to more than the maximum of {limit}; split it into several quotes.</source>
        <translation>报价单金额超过上限 {limit}，请拆分为多张报价单。</translation>
    </message>
    <message>
        <source>This quote is over the amount limits of an order ({limit}); revise it before accepting it.</source>
        <translation>此报价单超过订单金额上限（{limit}），请先修订再接受。</translation>
    </message>
    <message>
        <source>Line {n}: enter the section heading.</source>
        <translation>第 {n} 行：请输入分组标题。</translation>
    </message>
    <message>
        <source>Line {n}: choose a product or enter a description.</source>
        <translation>第 {n} 行：请选择产品或输入描述。</translation>
    </message>
    <message>
        <source>Line {n}: the text is too long.</source>
        <translation>第 {n} 行：文字太长。</translation>
    </message>
    <message>
        <source>Line {n}: the quantity is a number of 0 or more with at most three decimals.</source>
        <translation>第 {n} 行：数量须不小于 0，最多三位小数。</translation>
    </message>
    <message>
        <source>Line {n}: the unit price is an amount of 0 or more with at most two decimals.</source>
        <translation>第 {n} 行：单价须不小于 0，最多两位小数。</translation>
    </message>
    <message>
        <source>Line {n}: the discount is a percentage from 0 to 100.</source>
        <translation>第 {n} 行：折扣是 0 到 100 之间的百分比。</translation>
    </message>
    <message>
        <source>Line {n}: the tax rate is a percentage from 0 to 99.99.</source>
        <translation>第 {n} 行：税率是 0 到 99.99 之间的百分比。</translation>
    </message>
    <message>
        <source>The quote must be valid at least until its issue date.</source>
        <translation>有效期不能早于报价日期。</translation>
    </message>
    <message>
        <source>Choose one of the supported currencies.</source>
        <translation>请选择支持的币种。</translation>
    </message>
    <message>
        <source>At most {limit} characters.</source>
        <translation>最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>This quote no longer exists.</source>
        <translation>该报价单已不存在。</translation>
    </message>
    <message>
        <source>This revision was sent and cannot be changed; edit it to make the next revision.</source>
        <translation>该版本已发送，不能再修改；编辑它会生成下一个版本。</translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <source>There is no quote {number}.</source>
        <translation>没有报价单 {number}。</translation>
    </message>
    <message>
        <source>Quote {number} has no revision {revision}.</source>
        <translation>报价单 {number} 没有版本 {revision}。</translation>
    </message>
    <message>
        <source>Choose a customer.</source>
        <translation>请选择客户。</translation>
    </message>
    <message>
        <source>Choose a contact of this customer.</source>
        <translation>请选择该客户的联系人。</translation>
    </message>
    <message>
        <source>Choose an opportunity of this customer.</source>
        <translation>请选择该客户的销售机会。</translation>
    </message>
    <message>
        <source>Choose a salesperson.</source>
        <translation>请选择销售代表。</translation>
    </message>
    <message>
        <source>A product of this quote no longer exists.</source>
        <translation>报价单中的某个产品已不存在。</translation>
    </message>
    <message>
        <source>Only a draft quote can be marked sent.</source>
        <translation>只有草稿可以标记为已发送。</translation>
    </message>
    <message>
        <source>Only a draft or sent quote can be accepted.</source>
        <translation>只有草稿或已发送的报价单可以接受。</translation>
    </message>
    <message>
        <source>Only a sent quote can be accepted or rejected.</source>
        <translation>只有已发送的报价单可以接受或拒绝。</translation>
    </message>
    <message>
        <source>The quote&apos;s status has changed since; it stays as it is.</source>
        <translation>该报价单的状态此后已有变化，保持现状。</translation>
    </message>
    <message>
        <source>This quote&apos;s opportunity was lost. Reopen it on the Pipeline board, then accept the quote.</source>
        <translation>此报价单的销售机会已输单。请先在销售漏斗看板上重新打开该机会，再接受报价单。</translation>
    </message>
    <message>
        <source>Add at least one product line before sending.</source>
        <translation>发送前请至少添加一行产品。</translation>
    </message>
    <message>
        <source>Order {number} has been delivered or invoiced since; the acceptance can no longer be undone.</source>
        <translation>订单 {number} 此后已发货或开票，不能再撤销接受。</translation>
    </message>
    <message>
        <source>An accepted quote cannot be revised; duplicate it instead.</source>
        <translation>已接受的报价单不能修订，请复制一份。</translation>
    </message>
    <message>
        <source>Only a draft can be deleted; a sent quote is kept.</source>
        <translation>只能删除草稿；已发送的报价单会保留。</translation>
    </message>
    <message>
        <source>Give a reason to save it anyway.</source>
        <translation>如仍要保存，请说明原因。</translation>
    </message>
    <message>
        <source>The quote earns nothing over its cost.</source>
        <translation>该报价没有任何毛利。</translation>
    </message>
    <message>
        <source>The quote&apos;s margin is {margin} %, under the minimum of {minimum} %.</source>
        <translation>报价整体毛利率为 {margin}%，低于最低要求 {minimum}%。</translation>
    </message>
    <message>
        <source>Line {number} ({description}) brings no revenue against its cost.</source>
        <translation>第 {number} 行（{description}）有成本却没有收入。</translation>
    </message>
    <message>
        <source>Line {number} ({description}) earns {margin} %, under the minimum of {minimum} %.</source>
        <translation>第 {number} 行（{description}）毛利率 {margin}%，低于最低要求 {minimum}%。</translation>
    </message>
    <message>
        <source>{count} more line(s) are under the minimum too.</source>
        <translation>另有 {count} 行也低于最低要求。</translation>
    </message>
    <message>
        <source>The quote as a whole earns {margin} %.</source>
        <translation>报价整体毛利率为 {margin}%。</translation>
    </message>
    <message>
        <source>{first} {second}</source>
        <translation>{first}{second}</translation>
    </message>
    <message>
        <source>The number pattern in Settings ▸ Defaults can&apos;t be used: correct it there.</source>
        <translation>设置 ▸ 业务默认值中的编号规则无法使用，请在那里更正。</translation>
    </message>
    <message>
        <source>The next {count} numbers of this pattern are already taken: change the number pattern in Settings ▸ Defaults.</source>
        <translation>此编号规则接下来的 {count} 个编号都已被占用，请在 设置 ▸ 业务默认值 中修改编号规则。</translation>
    </message>
</context>
<context>
    <name>QuotesTab</name>
    <message>
        <source>Search quote numbers and customers…</source>
        <translation>搜索报价单号和客户…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>New Quote</source>
        <translation>新建报价</translation>
    </message>
    <message>
        <source>Products…</source>
        <translation>产品目录…</translation>
    </message>
    <message>
        <source>Price Lists…</source>
        <translation>价目表…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message numerus="yes">
        <source>%Ln quote(s)</source>
        <translation>
            <numerusform>%Ln 份报价</numerusform>
        </translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Mark Sent</source>
        <translation>标记为已发送</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>New Revision</source>
        <translation>新版本</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Changes…</source>
        <translation>修改记录…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message numerus="yes">
        <source>%Ln quote(s) passed their validity and are now expired.</source>
        <translation>
            <numerusform>%Ln 份报价已超过有效期，现已过期。</numerusform>
        </translation>
    </message>
    <message>
        <source>History…</source>
        <translation>历史记录…</translation>
    </message>
    <message>
        <source>Quote {label} saved.</source>
        <translation>报价单 {label} 已保存。</translation>
    </message>
    <message>
        <source>Quote Sent</source>
        <translation>报价单已发送</translation>
    </message>
    <message>
        <source>{label} was sent and cannot be changed. Make revision {letter} to edit it?</source>
        <translation>{label} 已发送，不能修改。要生成版本 {letter} 进行编辑吗？</translation>
    </message>
    <message>
        <source>{label} marked as sent; it can no longer be changed.</source>
        <translation>{label} 已标记为已发送，不能再修改。</translation>
    </message>
    <message>
        <source>{label} accepted: the order was created.</source>
        <translation>{label} 已接受，订单已生成。</translation>
    </message>
    <message>
        <source>{label} rejected.</source>
        <translation>{label} 已拒绝。</translation>
    </message>
    <message>
        <source>Moved to the trash. Undo with Ctrl+Z or restore from Edit ▸ Trash.</source>
        <translation>已移到回收站。可用 Ctrl+Z 撤销，或从“编辑 ▸ 回收站”恢复。</translation>
    </message>
    <message>
        <source>{label} copied to {copy}.</source>
        <translation>{label} 已复制为 {copy}。</translation>
    </message>
    <message>
        <source>Export Quotes</source>
        <translation>导出报价单</translation>
    </message>
    <message>
        <source>Exporting quotes…</source>
        <translation>正在导出报价单…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln quote(s) to {path}.</source>
        <translation>
            <numerusform>已将 %Ln 份报价导出到 {path}。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Receivables</name>
    <message>
        <source>Collect payment: invoice {number} ({days} days late)</source>
        <translation>催款：发票 {number}（逾期 {days} 天）</translation>
    </message>
</context>
<context>
    <name>ReceivablesDialog</name>
    <message>
        <source>Receivables</source>
        <translation>应收账款</translation>
    </message>
    <message>
        <source>Collection Tasks</source>
        <translation>生成催款任务</translation>
    </message>
    <message>
        <source>A call task (催款) for each overdue invoice&apos;s salesperson, once per invoice</source>
        <translation>为每张逾期发票的负责人生成一个催款电话任务（每张发票一次）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>As of:</source>
        <translation>截至：</translation>
    </message>
    <message>
        <source>Open {open} · overdue {overdue} · credit {credit} ({count} customers)</source>
        <translation>未收 {open} · 逾期 {overdue} · 预收 {credit}（{count} 个客户）</translation>
    </message>
    <message numerus="yes">
        <source>%Ln collection task(s) created.</source>
        <translation>
            <numerusform>已生成 %Ln 个催款任务。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Receivables</source>
        <translation>导出应收账款</translation>
    </message>
    <message>
        <source>receivables-{day}</source>
        <translation>应收账款-{day}</translation>
    </message>
    <message>
        <source>Exporting receivables…</source>
        <translation>正在导出应收账款…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln customer(s) to {path}.</source>
        <translation>
            <numerusform>已将 %Ln 个客户导出到 {path}。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordExport</name>
    <message>
        <source>Export Customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Export Contacts</source>
        <translation>导出联系人</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Export Products</source>
        <translation>导出产品</translation>
    </message>
    <message>
        <source>products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Exported {count} records to {path}.</source>
        <translation>已导出 {count} 条记录到 {path}。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>ReminderPanel</name>
    <message>
        <source>Open Tasks</source>
        <translation>查看任务</translation>
    </message>
    <message numerus="yes">
        <source>Snooze %Ln Minute(s)</source>
        <translation>
            <numerusform>%Ln 分钟后再提醒</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark All Seen</source>
        <translation>全部标为已读</translation>
    </message>
    <message numerus="yes">
        <source>%Ln Reminder(s)</source>
        <translation>
            <numerusform>%Ln 条提醒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln task(s) to remind you of:</source>
        <translation>
            <numerusform>有 %Ln 个任务需要提醒：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Choose a backup to restore. The current database is kept as a backup first, so nothing is lost.</source>
        <translation>请选择要恢复的备份。当前数据库会先保存为备份，不会丢失任何数据。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Other File…</source>
        <translation>其他文件…</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Before demo data</source>
        <translation>生成演示数据前</translation>
    </message>
    <message>
        <source>Made by you</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <source>Choose a Backup</source>
        <translation>选择备份</translation>
    </message>
    <message>
        <source>SMS Desktop databases (*.sqlite3 *.db *.sqlite);;All files (*)</source>
        <translation>SMS Desktop 数据库 (*.sqlite3 *.db *.sqlite);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Save Error Report…</source>
        <translation>保存错误报告…</translation>
    </message>
    <message>
        <source>The rows with errors and what is wrong with them, to fix and import again</source>
        <translation>有错误的行及其错误说明，改正后可再次导入</translation>
    </message>
    <message>
        <source>Revert This Import</source>
        <translation>撤回本次导入</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Imported {rows} rows: {line}.</source>
        <translation>已导入 {rows} 行：{line}。</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z) or Revert takes it all back.</source>
        <translation>撤销（Ctrl+Z）或“撤回”可全部恢复。</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>已取消：没有导入任何数据。</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>没有导入任何数据。</translation>
    </message>
    <message>
        <source>Save Error Report</source>
        <translation>保存错误报告</translation>
    </message>
    <message>
        <source>Saving the error report…</source>
        <translation>正在保存错误报告…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) with errors saved to {path}.</source>
        <translation>
            <numerusform>已将 %Ln 行错误保存到 {path}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Reverted: the database is as it was before.</source>
        <translation>已撤回：数据库已恢复到导入之前。</translation>
    </message>
</context>
<context>
    <name>Revenue</name>
    <message>
        <source>Revenue (excl. tax)</source>
        <translation>销售额（不含税）</translation>
    </message>
    <message>
        <source>Revenue (incl. tax)</source>
        <translation>销售额（含税）</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Payments collected</source>
        <translation>回款</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>New Rule</source>
        <translation>新建价格规则</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>价格规则</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Applies to:</source>
        <translation>适用于：</translation>
    </message>
    <message>
        <source>From quantity:</source>
        <translation>起订量：</translation>
    </message>
    <message>
        <source>Discount %</source>
        <translation>折扣 %</translation>
    </message>
    <message>
        <source>Fixed unit price</source>
        <translation>固定单价</translation>
    </message>
    <message>
        <source>Price:</source>
        <translation>价格：</translation>
    </message>
    <message>
        <source>from</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>until</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>有效期：</translation>
    </message>
    <message>
        <source>The most specific rule wins: a customer&apos;s own list before its tier&apos;s, a product before its category, the largest quantity reached, a dated rule before an open-ended one.</source>
        <translation>最具体的规则优先：客户专属价目表优先于等级价目表，产品规则优先于类别规则，达到的最高起订量优先，有期限的规则优先于长期规则。</translation>
    </message>
</context>
<context>
    <name>SalespeopleDialog</name>
    <message>
        <source>Salespeople</source>
        <translation>销售员</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Edit salesperson</source>
        <translation>编辑销售员</translation>
    </message>
    <message>
        <source>Add salesperson</source>
        <translation>添加销售员</translation>
    </message>
</context>
<context>
    <name>SalespersonDialog</name>
    <message>
        <source>Edit Salesperson</source>
        <translation>编辑销售员</translation>
    </message>
    <message>
        <source>New Salesperson</source>
        <translation>新建销售员</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>已知</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Hire date</source>
        <translation>入职日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
</context>
<context>
    <name>SaveDialog</name>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (Excel, most programs)</source>
        <translation>CSV，UTF-8（Excel 及大多数软件）</translation>
    </message>
    <message>
        <source>CSV, GB18030 (older Chinese software)</source>
        <translation>CSV，GB18030（较早的中文软件）</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <source>iCalendar file</source>
        <translation>iCalendar 日历文件</translation>
    </message>
    <message>
        <source>vCard contacts (phones, Outlook)</source>
        <translation>vCard 联系人（手机、Outlook）</translation>
    </message>
    <message>
        <source>SMS Desktop database</source>
        <translation>SMS Desktop 数据库</translation>
    </message>
</context>
<context>
    <name>Segmentation</name>
    <message>
        <source>The A share must be below the B share, within 1–100.</source>
        <translation>A 类占比须小于 B 类占比，范围 1–100。</translation>
    </message>
    <message>
        <source>A high score is from 1 to 5.</source>
        <translation>“高”分数线为 1 到 5。</translation>
    </message>
    <message>
        <source>The dropout chance is 0–99 %.</source>
        <translation>流失概率为 0–99 %。</translation>
    </message>
    <message>
        <source>Intervals are at least one day.</source>
        <translation>间隔至少为一天。</translation>
    </message>
    <message>
        <source>Tier thresholds rise from develop to strategic, 0–100.</source>
        <translation>等级分数线须从发展客户到战略客户递增，范围 0–100。</translation>
    </message>
    <message>
        <source>Champions</source>
        <translation>重要价值客户</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>重要保持客户</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>潜在价值</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>重要挽留客户</translation>
    </message>
    <message>
        <source>Promising</source>
        <translation>重要发展客户</translation>
    </message>
    <message>
        <source>Regulars</source>
        <translation>一般价值客户</translation>
    </message>
    <message>
        <source>New and small</source>
        <translation>一般发展客户</translation>
    </message>
    <message>
        <source>Need attention</source>
        <translation>一般保持客户</translation>
    </message>
    <message>
        <source>Hibernating</source>
        <translation>一般挽留客户</translation>
    </message>
    <message>
        <source>Keep them: priority service, early offers.</source>
        <translation>重点维护：优先服务，优先推介新品。</translation>
    </message>
    <message>
        <source>Buying less lately: call before they lapse.</source>
        <translation>近期购买减少：在流失前主动联系。</translation>
    </message>
    <message>
        <source>Big and recent: develop repeat orders.</source>
        <translation>金额大且近期购买：培养复购。</translation>
    </message>
    <message>
        <source>Were big, now away: win them back.</source>
        <translation>曾是大客户，现已疏远：尽快挽回。</translation>
    </message>
    <message>
        <source>Frequent small orders: sell up.</source>
        <translation>购买频繁但金额小：向上销售。</translation>
    </message>
    <message>
        <source>Recent and small: nurture the second order.</source>
        <translation>近期购买、金额小：促成第二单。</translation>
    </message>
    <message>
        <source>Used to order often: reactivate.</source>
        <translation>曾经常购买：重新激活。</translation>
    </message>
    <message>
        <source>Low on all three: low-cost contact.</source>
        <translation>三项都低：低成本维护。</translation>
    </message>
    <message>
        <source>Re-order on time</source>
        <translation>按期复购</translation>
    </message>
    <message>
        <source>Revenue trend</source>
        <translation>销售额趋势</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Contact recency</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Overdue receivables</source>
        <translation>逾期应收款</translation>
    </message>
    <message>
        <source>Strategic</source>
        <translation>战略客户</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>关键客户</translation>
    </message>
    <message>
        <source>Develop</source>
        <translation>发展客户</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>普通客户</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>Strategic fit</source>
        <translation>战略契合度</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>增长</translation>
    </message>
    <message>
        <source>Class {abc}: no. {rank} by revenue {period}, {share} % of it; R{r} F{f} M{m}</source>
        <translation>{abc} 类：{period}销售额排名第 {rank}，占 {share}%；R{r} F{f} M{m}</translation>
    </message>
    <message>
        <source>in the last 12 months</source>
        <translation>近 12 个月</translation>
    </message>
    <message>
        <source>from {start} to {end}</source>
        <translation>{start} 至 {end} </translation>
    </message>
    <message>
        <source>Last order {days} days ago, {orders} orders, {revenue} net revenue</source>
        <translation>上次下单在 {days} 天前，共 {orders} 单，销售额（不含税）{revenue}</translation>
    </message>
    <message>
        <source>Margin so far {history}; next 12 months ≈ {next} (orders every {interval} days, {alive} % likely still active)</source>
        <translation>历史毛利 {history}；未来 12 个月预计 ≈ {next}（约每 {interval} 天一单，仍活跃的概率 {alive}%）</translation>
    </message>
    <message>
        <source>{tier}: score {score} (value {value}, potential {potential}, fit {fit}, growth {growth})</source>
        <translation>{tier}：得分 {score}（价值 {value}，潜在价值 {potential}，契合度 {fit}，增长 {growth}）</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Enter an email address like name@example.com.</source>
        <translation>请输入有效的电子邮箱地址，例如 name@example.com。</translation>
    </message>
    <message>
        <source>Enter a phone number with digits, spaces, dashes or a leading +.</source>
        <translation>电话号码只能包含数字、空格、短横线，可以 + 开头。</translation>
    </message>
    <message>
        <source>A tax id (统一社会信用代码) has 18 letters and digits with a valid check character.</source>
        <translation>统一社会信用代码应为 18 位数字或大写字母，且校验位正确。</translation>
    </message>
    <message>
        <source>The logo is larger than 2 MB; please choose a smaller image.</source>
        <translation>标志图片超过 2 MB，请选择更小的图片。</translation>
    </message>
    <message>
        <source>The logo must be a PNG or JPEG image.</source>
        <translation>标志必须是 PNG 或 JPEG 图片。</translation>
    </message>
    <message>
        <source>Choose one of the supported currencies.</source>
        <translation>请选择支持的币种。</translation>
    </message>
    <message>
        <source>Enter an account code and its name.</source>
        <translation>请输入科目代码及名称。</translation>
    </message>
    <message>
        <source>An account code has digits only.</source>
        <translation>科目代码只能是数字。</translation>
    </message>
    <message>
        <source>A probability is 0 to 100 %.</source>
        <translation>概率为 0 至 100%。</translation>
    </message>
    <message>
        <source>Best case cannot start above commit.</source>
        <translation>最佳情况的起始不能高于确定。</translation>
    </message>
    <message>
        <source>The tax rate is a percentage from 0 to 99.99.</source>
        <translation>税率应为 0 到 99.99 之间的百分比。</translation>
    </message>
    <message>
        <source>A quote is valid for 1 to 365 days.</source>
        <translation>报价有效期应为 1 到 365 天。</translation>
    </message>
    <message>
        <source>The minimum margin is a percentage from 0 to 99.99.</source>
        <translation>最低毛利率应为 0 到 99.99 之间的百分比。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司信息</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>业务默认值</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>销售机会</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>货币与财务</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>界面</translation>
    </message>
    <message>
        <source>Company name:</source>
        <translation>公司名称：</translation>
    </message>
    <message>
        <source>English name:</source>
        <translation>英文名称：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>English address:</source>
        <translation>英文地址：</translation>
    </message>
    <message>
        <source>Tax ID (统一社会信用代码):</source>
        <translation>统一社会信用代码：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>电子邮箱：</translation>
    </message>
    <message>
        <source>Website:</source>
        <translation>网址：</translation>
    </message>
    <message>
        <source>Bank and account:</source>
        <translation>开户行及账号：</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>公司标志：</translation>
    </message>
    <message>
        <source>Default currency:</source>
        <translation>默认币种：</translation>
    </message>
    <message>
        <source>Default tax rate:</source>
        <translation>默认税率：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Quotes valid for:</source>
        <translation>报价有效期：</translation>
    </message>
    <message>
        <source>Minimum margin:</source>
        <translation>最低毛利率：</translation>
    </message>
    <message>
        <source>Quote numbers:</source>
        <translation>报价单编号：</translation>
    </message>
    <message>
        <source>Order numbers:</source>
        <translation>订单编号：</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Bilingual (中文 + English)</source>
        <translation>中英双语</translation>
    </message>
    <message>
        <source>Quote language:</source>
        <translation>报价单语言：</translation>
    </message>
    <message>
        <source>Quote terms:</source>
        <translation>报价条款：</translation>
    </message>
    <message>
        <source>Quote notes:</source>
        <translation>报价备注：</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Show today&apos;s tasks at start</source>
        <translation>启动时显示今日任务</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>无标志</translation>
    </message>
    <message>
        <source>Choose Logo</source>
        <translation>选择公司标志</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Change settings</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>Text and the fields {year}, {yy}, {month} and {seq}; {seq:4} gives 0001.</source>
        <translation>文字加字段 {year}、{yy}、{month} 和 {seq}；{seq:4} 得到 0001。</translation>
    </message>
    <message>
        <source>Next number: {number}</source>
        <translation>下一个编号：{number}</translation>
    </message>
</context>
<context>
    <name>SpreadDialog</name>
    <message>
        <source>Spread a Yearly Target</source>
        <translation>分解年度目标</translation>
    </message>
    <message>
        <source>Evenly over the 12 months</source>
        <translation>平均分到 12 个月</translation>
    </message>
    <message>
        <source>Like last year&apos;s months (seasonality)</source>
        <translation>按去年各月比例（季节性）</translation>
    </message>
    <message>
        <source>Stores the yearly target and one target per month; the months add up exactly to the year and replace the months&apos; current targets.</source>
        <translation>保存年度目标及每月目标，各月之和恰好等于全年目标，并替换各月现有的目标。</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>销售员</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Yearly target</source>
        <translation>年度目标</translation>
    </message>
</context>
<context>
    <name>StageColumn</name>
    <message>
        <source>Drop a deal here to mark it won</source>
        <translation>把商机拖到这里标记为赢单</translation>
    </message>
    <message>
        <source>Drop a deal here to mark it lost</source>
        <translation>把商机拖到这里标记为输单</translation>
    </message>
    <message>
        <source>{probability}% · closed deals leave the board</source>
        <translation>{probability}% · 结束的商机离开看板</translation>
    </message>
    <message>
        <source>{count} · {amount} · weighted {weighted}</source>
        <translation>{count} 个 · {amount} · 加权 {weighted}</translation>
    </message>
    <message>
        <source>Default probability {probability}%</source>
        <translation>默认赢单概率 {probability}%</translation>
    </message>
</context>
<context>
    <name>StageDialog</name>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>New Stage</source>
        <translation>新建阶段</translation>
    </message>
    <message>
        <source>never</source>
        <translation>不限</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Chinese name:</source>
        <translation>中文名称：</translation>
    </message>
    <message>
        <source>English name:</source>
        <translation>英文名称：</translation>
    </message>
    <message>
        <source>Win probability:</source>
        <translation>赢单概率：</translation>
    </message>
    <message>
        <source>Stale after:</source>
        <translation>停滞期限：</translation>
    </message>
</context>
<context>
    <name>Surveys</name>
    <message>
        <source>A template needs a name (120 characters).</source>
        <translation>模板需要名称（最多 120 个字符）。</translation>
    </message>
    <message>
        <source>A question is at most 300 characters.</source>
        <translation>每个问题最多 300 个字符。</translation>
    </message>
    <message>
        <source>A template of this name exists.</source>
        <translation>已有同名模板。</translation>
    </message>
    <message>
        <source>This template is used by a campaign.</source>
        <translation>该模板已被调查活动使用。</translation>
    </message>
    <message>
        <source>A campaign needs a name (120 characters).</source>
        <translation>调查活动需要名称（最多 120 个字符）。</translation>
    </message>
    <message>
        <source>Choose at least one customer.</source>
        <translation>请至少选择一位客户。</translation>
    </message>
    <message>
        <source>The answers are due today or later.</source>
        <translation>答复截止日期须为今天或以后。</translation>
    </message>
    <message>
        <source>Satisfaction survey: {campaign}</source>
        <translation>满意度回访：{campaign}</translation>
    </message>
    <message>
        <source>This survey template no longer exists.</source>
        <translation>该调查模板已不存在。</translation>
    </message>
    <message>
        <source>These customers no longer exist.</source>
        <translation>这些客户已不存在。</translation>
    </message>
    <message>
        <source>This survey request no longer exists.</source>
        <translation>该调查请求已不存在。</translation>
    </message>
    <message>
        <source>An answer is longer than {max} characters.</source>
        <translation>答复超过 {max} 个字符。</translation>
    </message>
    <message>
        <source>Follow up low satisfaction: {score} of 5</source>
        <translation>跟进低满意度：{score} 分（满分 5）</translation>
    </message>
    <message>
        <source>Follow up low satisfaction: {score} of 5, recommend {nps} of 10</source>
        <translation>跟进低满意度：{score} 分（满分 5），推荐意愿 {nps}（满分 10）</translation>
    </message>
    <message>
        <source>This survey campaign no longer exists.</source>
        <translation>该调查活动已不存在。</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <source>Set Target</source>
        <translation>设定目标</translation>
    </message>
    <message>
        <source>Empty: no target</source>
        <translation>留空：不设目标</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>销售员</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
</context>
<context>
    <name>Targets</name>
    <message>
        <source>Enter the salesperson&apos;s name.</source>
        <translation>请输入销售员姓名。</translation>
    </message>
    <message>
        <source>A name has at most 80 characters.</source>
        <translation>姓名最多 80 个字符。</translation>
    </message>
    <message>
        <source>This salesperson no longer exists.</source>
        <translation>该销售员已不存在。</translation>
    </message>
    <message>
        <source>There is already an owner.</source>
        <translation>已经有一位老板（所有者）。</translation>
    </message>
    <message>
        <source>The owner&apos;s role cannot be changed here.</source>
        <translation>此处不能更改老板的角色。</translation>
    </message>
    <message>
        <source>The owner stays active.</source>
        <translation>老板必须保持在职。</translation>
    </message>
    <message>
        <source>This salesperson has records; deactivate them instead.</source>
        <translation>该销售员已有业务记录，请改为停用。</translation>
    </message>
    <message>
        <source>A target is zero or more.</source>
        <translation>目标须为零或正数。</translation>
    </message>
    <message>
        <source>This target is too large.</source>
        <translation>目标值过大。</translation>
    </message>
    <message>
        <source>This target is a whole number.</source>
        <translation>该目标须为整数。</translation>
    </message>
    <message>
        <source>Use at most two decimals.</source>
        <translation>最多两位小数。</translation>
    </message>
    <message>
        <source>Enter a number, e.g. 120000.</source>
        <translation>请输入数字，例如 120000。</translation>
    </message>
    <message>
        <source>Enter the yearly target.</source>
        <translation>请输入年度目标。</translation>
    </message>
    <message>
        <source>Revenue (excl. tax)</source>
        <translation>销售额（不含税）</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>回款</translation>
    </message>
    <message>
        <source>Deals won</source>
        <translation>赢单数</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Activities completed</source>
        <translation>完成活动数</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>老板</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Whole company</source>
        <translation>全公司</translation>
    </message>
    <message>
        <source>The sum of the targets of the months or quarters</source>
        <translation>由各月或各季度目标相加得出</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>可达成</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>落后</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>销售员</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Double-click to see what makes up this figure</source>
        <translation>双击查看构成该数字的明细</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Attainment</source>
        <translation>达成率</translation>
    </message>
    <message>
        <source>Projected</source>
        <translation>预计</translation>
    </message>
    <message>
        <source>Too early in the period for a pace: it is projected after {days} working days.</source>
        <translation>本期刚开始，暂不推算进度：满 {days} 个工作日后再预计。</translation>
    </message>
    <message>
        <source>Actual so far, plus repeat business at its rate per working day, plus open deals expected to close in the period weighted by probability</source>
        <translation>迄今实际，加上非商机订单按每个工作日的进度推算的部分，再加上预计本期成交的进行中商机（按赢率加权）</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>单号/名称</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
</context>
<context>
    <name>TargetsTab</name>
    <message>
        <source>Previous period</source>
        <translation>上一期</translation>
    </message>
    <message>
        <source>Next period</source>
        <translation>下一期</translation>
    </message>
    <message>
        <source>All metrics</source>
        <translation>全部指标</translation>
    </message>
    <message>
        <source>Set Target…</source>
        <translation>设定目标…</translation>
    </message>
    <message>
        <source>Copy Previous Period</source>
        <translation>复制上期目标</translation>
    </message>
    <message>
        <source>Copy the previous period&apos;s targets where this period has none</source>
        <translation>将上一期的目标复制到本期尚未设定目标之处</translation>
    </message>
    <message>
        <source>Spread Yearly Target…</source>
        <translation>分解年度目标…</translation>
    </message>
    <message>
        <source>Salespeople…</source>
        <translation>销售员…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Double-click a row to see the orders, deals or activities behind its actual; double-click a target to change it.</source>
        <translation>双击一行查看构成实际值的订单、商机或活动；双击目标可修改目标。</translation>
    </message>
    <message>
        <source>Attainment</source>
        <translation>达成率</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>赢单率</translation>
    </message>
    <message>
        <source>Average deal size</source>
        <translation>平均成交金额</translation>
    </message>
    <message>
        <source>Sales cycle</source>
        <translation>销售周期</translation>
    </message>
    <message>
        <source>Activities per week</source>
        <translation>每周活动数</translation>
    </message>
    <message>
        <source>Leaderboard &amp;&amp; Scorecard</source>
        <translation>排行榜与个人业绩卡</translation>
    </message>
    <message>
        <source>Commissions</source>
        <translation>提成</translation>
    </message>
    <message>
        <source>Company revenue {actual} of {target}</source>
        <translation>公司销售额 {actual}，目标 {target}</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>{name}: {metric}, last 12 periods</source>
        <translation>{name}：{metric}（近 12 期）</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Set target</source>
        <translation>设定目标</translation>
    </message>
    <message>
        <source>Copy targets</source>
        <translation>复制目标</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln target(s) from the previous period.</source>
        <translation>
            <numerusform>已从上一期复制 %Ln 个目标。</numerusform>
        </translation>
    </message>
    <message>
        <source>Spread yearly target</source>
        <translation>分解年度目标</translation>
    </message>
</context>
<context>
    <name>TaskCommands</name>
    <message>
        <source>New task “{subject}”</source>
        <translation>新建任务“{subject}”</translation>
    </message>
    <message>
        <source>Apply plan “{plan}”</source>
        <translation>启动计划“{plan}”</translation>
    </message>
    <message>
        <source>Edit “{subject}”</source>
        <translation>编辑“{subject}”</translation>
    </message>
    <message>
        <source>Mark “{subject}” done</source>
        <translation>完成“{subject}”</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>New Task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>e.g. Call about the renewal</source>
        <translation>例如：电话沟通续约事宜</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>事项：</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>全天</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>for </source>
        <translation>时长 </translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>Type to search customers (optional)</source>
        <translation>输入以搜索客户（可选）</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <source>Opportunity:</source>
        <translation>销售机会：</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>Assigned to:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <source>Reminder:</source>
        <translation>提醒：</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>每</translation>
    </message>
    <message>
        <source>until</source>
        <translation>直到</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>重复：</translation>
    </message>
    <message>
        <source>Ask for a satisfaction score when done</source>
        <translation>完成时记录满意度评分</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不提醒</translation>
    </message>
    <message>
        <source>At the due time</source>
        <translation>到期时</translation>
    </message>
    <message>
        <source>{n} minutes before</source>
        <translation>提前 {n} 分钟</translation>
    </message>
    <message>
        <source>{n} hour(s) before</source>
        <translation>提前 {n} 小时</translation>
    </message>
    <message>
        <source>1 day before</source>
        <translation>提前 1 天</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Choose a customer from the list, or leave it empty.</source>
        <translation>请从列表中选择客户，或留空。</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Enter what is to be done.</source>
        <translation>请填写要做的事项。</translation>
    </message>
    <message>
        <source>The subject is longer than {max} characters.</source>
        <translation>事项超过 {max} 个字符。</translation>
    </message>
    <message>
        <source>The notes are longer than {max} characters.</source>
        <translation>备注超过 {max} 个字符。</translation>
    </message>
    <message>
        <source>The due time has no time zone.</source>
        <translation>到期时间缺少时区。</translation>
    </message>
    <message>
        <source>A duration is 1 minute to 24 hours.</source>
        <translation>时长应为 1 分钟到 24 小时。</translation>
    </message>
    <message>
        <source>The reminder time has no time zone.</source>
        <translation>提醒时间缺少时区。</translation>
    </message>
    <message>
        <source>Repeat every 1 to {max}.</source>
        <translation>重复间隔应为 1 到 {max}。</translation>
    </message>
    <message>
        <source>The series cannot end before the task is due.</source>
        <translation>重复的结束日期不能早于任务到期日。</translation>
    </message>
    <message>
        <source>This opportunity no longer exists.</source>
        <translation>该销售机会已不存在。</translation>
    </message>
    <message>
        <source>The opportunity belongs to another customer.</source>
        <translation>该销售机会属于其他客户。</translation>
    </message>
    <message>
        <source>This contact no longer exists.</source>
        <translation>该联系人已不存在。</translation>
    </message>
    <message>
        <source>Choose one of this customer&apos;s contacts.</source>
        <translation>请选择该客户的联系人。</translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <source>This salesperson no longer exists.</source>
        <translation>该销售人员已不存在。</translation>
    </message>
    <message>
        <source>A satisfaction survey needs a customer.</source>
        <translation>满意度调查需要关联客户。</translation>
    </message>
    <message>
        <source>This task no longer exists.</source>
        <translation>该任务已不存在。</translation>
    </message>
    <message>
        <source>Give the plan a name.</source>
        <translation>请为计划命名。</translation>
    </message>
    <message>
        <source>The name is longer than {max} characters.</source>
        <translation>名称超过 {max} 个字符。</translation>
    </message>
    <message>
        <source>A plan needs at least one step.</source>
        <translation>计划至少需要一个步骤。</translation>
    </message>
    <message>
        <source>Every step needs a subject.</source>
        <translation>每个步骤都需要填写事项。</translation>
    </message>
    <message>
        <source>A step is 0 to 3,650 days after the start.</source>
        <translation>步骤应在开始后 0 到 3650 天之间。</translation>
    </message>
    <message>
        <source>This order no longer exists.</source>
        <translation>该订单已不存在。</translation>
    </message>
    <message>
        <source>After order {number}</source>
        <translation>订单 {number} 之后</translation>
    </message>
    <message>
        <source>A done task cannot be rescheduled.</source>
        <translation>已完成的任务不能改期。</translation>
    </message>
    <message>
        <source>The outcome is longer than {max} characters.</source>
        <translation>结果超过 {max} 个字符。</translation>
    </message>
    <message>
        <source>Satisfaction is a score from 1 to 5.</source>
        <translation>满意度为 1 到 5 分。</translation>
    </message>
    <message>
        <source>The recommendation score is 0 to 10.</source>
        <translation>推荐意愿为 0 到 10 分。</translation>
    </message>
    <message>
        <source>The comments are longer than {max} characters.</source>
        <translation>意见超过 {max} 个字符。</translation>
    </message>
    <message>
        <source>This task is already done.</source>
        <translation>该任务已完成。</translation>
    </message>
    <message>
        <source>Satisfaction survey: {score} of 5</source>
        <translation>满意度调查：{score} 分（满分 5 分）</translation>
    </message>
    <message>
        <source>This plan no longer exists.</source>
        <translation>该计划已不存在。</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Follow-up visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>To-do</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>以后</translation>
    </message>
    <message>
        <source>Done (7 days)</source>
        <translation>近 7 天已完成</translation>
    </message>
    <message>
        <source>day(s)</source>
        <translation>天</translation>
    </message>
    <message>
        <source>week(s)</source>
        <translation>周</translation>
    </message>
    <message>
        <source>month(s)</source>
        <translation>个月</translation>
    </message>
    <message>
        <source>every {n} {unit}</source>
        <translation>每 {n} {unit}</translation>
    </message>
    <message>
        <source>Remind {time}</source>
        <translation>提醒 {time}</translation>
    </message>
    <message>
        <source>with survey</source>
        <translation>含满意度调查</translation>
    </message>
    <message>
        <source>Reminder at {time}</source>
        <translation>提醒时间 {time}</translation>
    </message>
    <message>
        <source>Repeats {rule}</source>
        <translation>重复：{rule}</translation>
    </message>
    <message>
        <source>With a satisfaction survey</source>
        <translation>含满意度调查</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>销售机会</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Reminder / repeat</source>
        <translation>提醒 / 重复</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
</context>
<context>
    <name>TasksTab</name>
    <message>
        <source>Search subjects, notes and customers…</source>
        <translation>搜索事项、备注和客户名称…</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Show everyone&apos;s tasks again</source>
        <translation>重新显示所有任务</translation>
    </message>
    <message>
        <source>New Task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <source>New task (Ctrl+N)</source>
        <translation>新建任务（Ctrl+N）</translation>
    </message>
    <message>
        <source>Follow-up Plans…</source>
        <translation>跟进计划…</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Mark Done…</source>
        <translation>标记完成…</translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation>改期</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>To Excel or CSV…</source>
        <translation>导出到 Excel 或 CSV…</translation>
    </message>
    <message>
        <source>To Calendar (.ics)…</source>
        <translation>导出到日历（.ics）…</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>New Task…</source>
        <translation>新建任务…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>+1 Day</source>
        <translation>推迟 1 天</translation>
    </message>
    <message>
        <source>+1 Week</source>
        <translation>推迟 1 周</translation>
    </message>
    <message>
        <source>Pick a Date…</source>
        <translation>选择日期…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>{overdue} overdue, {today} due today</source>
        <translation>已逾期 {overdue} 个，今天到期 {today} 个</translation>
    </message>
    <message numerus="yes">
        <source>%Ln task(s)</source>
        <translation>
            <numerusform>%Ln 个任务</numerusform>
        </translation>
    </message>
    <message>
        <source>No tasks match the filters.</source>
        <translation>没有符合条件的任务。</translation>
    </message>
    <message>
        <source>Nothing here. New Task (Ctrl+N) adds one.</source>
        <translation>这里没有任务。按“新建任务”（Ctrl+N）添加。</translation>
    </message>
    <message>
        <source>Customer: {name}</source>
        <translation>客户：{name}</translation>
    </message>
    <message>
        <source>Opportunity: {title}</source>
        <translation>销售机会：{title}</translation>
    </message>
    <message>
        <source>Task “{subject}” added.</source>
        <translation>已添加任务“{subject}”。</translation>
    </message>
    <message>
        <source>“{subject}” is done.</source>
        <translation>“{subject}”已完成。</translation>
    </message>
    <message>
        <source>Next one: {due}.</source>
        <translation>下一次：{due}。</translation>
    </message>
    <message numerus="yes">
        <source>Reschedule %Ln task(s)</source>
        <translation>
            <numerusform>改期 %Ln 个任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln task(s).</source>
        <translation>
            <numerusform>已改期 %Ln 个任务。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln task(s)</source>
        <translation>
            <numerusform>删除 %Ln 个任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln task(s) to the trash (Edit ▸ Trash).</source>
        <translation>
            <numerusform>已将 %Ln 个任务移到回收站（编辑 ▸ 回收站）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Follow-up Plans</source>
        <translation>跟进计划</translation>
    </message>
    <message>
        <source>There is no follow-up plan yet. Create one under Follow-up Plans…</source>
        <translation>还没有跟进计划。请先在“跟进计划…”中创建。</translation>
    </message>
    <message numerus="yes">
        <source>Added %Ln task(s).</source>
        <translation>
            <numerusform>已添加 %Ln 个任务。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This List to Excel or CSV (%Ln task(s))…</source>
        <translation>
            <numerusform>当前列表导出到 Excel 或 CSV（%Ln 个任务）…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Selected to Excel or CSV (%Ln task(s))…</source>
        <translation>
            <numerusform>所选任务导出到 Excel 或 CSV（%Ln 个任务）…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This List to Calendar .ics (%Ln task(s))…</source>
        <translation>
            <numerusform>当前列表导出到日历 .ics（%Ln 个任务）…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Selected to Calendar .ics (%Ln task(s))…</source>
        <translation>
            <numerusform>所选导出到日历 .ics（%Ln 个任务）…</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Tasks</source>
        <translation>导出任务</translation>
    </message>
    <message>
        <source>Exporting tasks…</source>
        <translation>正在导出任务…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln task(s) to {path}.</source>
        <translation>
            <numerusform>已将 %Ln 个任务导出到 {path}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export to Calendar</source>
        <translation>导出到日历</translation>
    </message>
    <message>
        <source>SMS Desktop tasks</source>
        <translation>销售管理系统任务</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>销售机会</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
</context>
<context>
    <name>TaxChoice</name>
    <message>
        <source>Prices exclude tax</source>
        <translation>价格不含税</translation>
    </message>
    <message>
        <source>Prices include tax</source>
        <translation>价格含税</translation>
    </message>
    <message>
        <source>Tax rounded per line</source>
        <translation>按行计算税额</translation>
    </message>
    <message>
        <source>Tax rounded per document</source>
        <translation>按单据计算税额</translation>
    </message>
</context>
<context>
    <name>TierDialog</name>
    <message>
        <source>Set Tier</source>
        <translation>设定等级</translation>
    </message>
    <message>
        <source>Computed: {tier}</source>
        <translation>按计算：{tier}</translation>
    </message>
    <message>
        <source>Why, e.g. group-wide framework agreement</source>
        <translation>原因，例如：集团框架协议</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>&amp;Tier</source>
        <translation>等级(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Task done</source>
        <translation>任务完成</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Log:</source>
        <translation>记录：</translation>
    </message>
    <message>
        <source>No history yet. Log the first call or visit above.</source>
        <translation>暂无往来记录。请在上方记录第一次电话或拜访。</translation>
    </message>
</context>
<context>
    <name>TodayDialog</name>
    <message>
        <source>Today</source>
        <translation>今日任务</translation>
    </message>
    <message numerus="yes">
        <source>%Ln task(s) overdue.</source>
        <translation>
            <numerusform>%Ln 个任务已逾期。</numerusform>
        </translation>
    </message>
    <message>
        <source>Due today:</source>
        <translation>今天的任务：</translation>
    </message>
    <message>
        <source>Nothing else is due today.</source>
        <translation>今天没有其他到期任务。</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>全天</translation>
    </message>
    <message>
        <source>Show this at start</source>
        <translation>启动时显示</translation>
    </message>
    <message>
        <source>Open Tasks</source>
        <translation>查看任务</translation>
    </message>
</context>
<context>
    <name>Trash</name>
    <message>
        <source>This item cannot be restored.</source>
        <translation>此项目无法恢复。</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
</context>
<context>
    <name>TrashCommands</name>
    <message>
        <source>Restore “{name}”</source>
        <translation>恢复“{name}”</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Deleted items stay here until you restore them.</source>
        <translation>已删除的项目会一直保留在这里，直到您恢复它们。</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <source>User Guide</source>
        <translation>使用指南</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to SMS Desktop</source>
        <translation>欢迎使用 SMS Desktop 销售管理系统</translation>
    </message>
    <message>
        <source>Try it with demo data</source>
        <translation>使用演示数据试用</translation>
    </message>
    <message>
        <source>Your customers and their whole history in one file on your computer. No server, no account, no internet needed. How would you like to start?</source>
        <translation>您的客户及全部往来记录都保存在您电脑上的一个文件里。无需服务器、无需注册、无需联网。您想怎样开始？</translation>
    </message>
    <message>
        <source>A sample trading company with customers, contacts, orders and history to explore.</source>
        <translation>一家示例贸易公司，包含客户、联系人、订单和往来记录，可随意体验。</translation>
    </message>
    <message>
        <source>Start with an empty database</source>
        <translation>从空数据库开始</translation>
    </message>
    <message>
        <source>Enter your company and your name, then add your own customers.</source>
        <translation>填写公司名称和您的姓名，然后录入自己的客户。</translation>
    </message>
    <message>
        <source>Open an existing database…</source>
        <translation>打开已有数据库…</translation>
    </message>
    <message>
        <source>Choose an SMS Desktop file, for example one copied from another computer.</source>
        <translation>选择一个 SMS Desktop 数据文件，例如从另一台电脑复制来的文件。</translation>
    </message>
    <message>
        <source>New data will be stored in {path}</source>
        <translation>新数据将保存在 {path}</translation>
    </message>
    <message>
        <source>About your business</source>
        <translation>您的公司</translation>
    </message>
    <message>
        <source>e.g. 上海明达贸易有限公司</source>
        <translation>例如：上海明达贸易有限公司</translation>
    </message>
    <message>
        <source>e.g. 王明</source>
        <translation>例如：王明</translation>
    </message>
    <message>
        <source>Company name:</source>
        <translation>公司名称：</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>您的姓名：</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Enter your name.</source>
        <translation>请输入您的姓名。</translation>
    </message>
    <message>
        <source>Open Database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>SMS Desktop databases (*.sqlite3 *.db *.sqlite);;All files (*)</source>
        <translation>SMS Desktop 数据库 (*.sqlite3 *.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>New Database</source>
        <translation>新建数据库</translation>
    </message>
</context>
<context>
    <name>WinModel</name>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Customer tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Time in stage</source>
        <translation>阶段停留</translation>
    </message>
    <message>
        <source>Activities in 30 days</source>
        <translation>近 30 天活动</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>上次活动</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>new customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>existing customer</source>
        <translation>老客户</translation>
    </message>
    <message>
        <source>under 15 days</source>
        <translation>不足 15 天</translation>
    </message>
    <message>
        <source>15–45 days</source>
        <translation>15–45 天</translation>
    </message>
    <message>
        <source>46–90 days</source>
        <translation>46–90 天</translation>
    </message>
    <message>
        <source>over 90 days</source>
        <translation>超过 90 天</translation>
    </message>
    <message>
        <source>within 7 days</source>
        <translation>7 天内</translation>
    </message>
    <message>
        <source>8–30 days ago</source>
        <translation>8–30 天前</translation>
    </message>
    <message>
        <source>over 30 days ago</source>
        <translation>30 天以前</translation>
    </message>
    <message>
        <source>no activity</source>
        <translation>没有活动</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Fewer than {minimum} closed deals ({count}): the stages&apos; default probabilities are used.</source>
        <translation>已结束商机少于 {minimum} 个（{count} 个）：使用各阶段的默认概率。</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>set by hand</source>
        <translation>手动设置</translation>
    </message>
    <message>
        <source>stage default</source>
        <translation>阶段默认</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Enter your name.</source>
        <translation>请输入您的姓名。</translation>
    </message>
    <message>
        <source>{path} is empty although it has held data, and there is no good backup of it; it was not opened. Keep the file and look for a copy of your data.</source>
        <translation>{path} 曾有数据但现在是空的，且没有完好的备份，未打开。请保留该文件，并寻找数据的副本。</translation>
    </message>
    <message>
        <source>{path} is damaged and there is no good backup of it; it was not opened. Keep a copy of the file and export what you can from it.</source>
        <translation>{path} 已损坏且没有完好的备份，未打开。请保留该文件的副本，并尽量导出其中的数据。</translation>
    </message>
    <message>
        <source>{path} is empty although it has held data; it was not opened. The latest good backup is {backup} from {when}: restore it with sms-desktop restore &quot;{backup}&quot; --db &quot;{path}&quot;</source>
        <translation>{path} 曾有数据但现在是空的，未打开。最近一份完好的备份是 {when} 的 {backup}：可用 sms-desktop restore &quot;{backup}&quot; --db &quot;{path}&quot; 恢复</translation>
    </message>
    <message>
        <source>{path} is damaged; it was not opened. The latest good backup is {backup} from {when}: restore it with sms-desktop restore &quot;{backup}&quot; --db &quot;{path}&quot;</source>
        <translation>{path} 已损坏，未打开。最近一份完好的备份是 {when} 的 {backup}：可用 sms-desktop restore &quot;{backup}&quot; --db &quot;{path}&quot; 恢复</translation>
    </message>
</context>
</TS>
