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
        <source>Open Data Folder</source>
        <translation>打开数据文件夹</translation>
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
        <source>&amp;About SMS Desktop</source>
        <translation>关于 SMS Desktop(&amp;A)</translation>
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
        <source>SMS Desktop databases (*.sqlite3)</source>
        <translation>SMS Desktop 数据库 (*.sqlite3)</translation>
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
        <source>{path} is damaged or not a database ({problem}); nothing was restored.</source>
        <translation>{path} 已损坏或不是数据库（{problem}），未做任何恢复。</translation>
    </message>
    <message>
        <source>{path} is not a backup this version of SMS Desktop can restore.</source>
        <translation>{path} 不是此版本 SMS Desktop 能恢复的备份。</translation>
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
        <source>{path} is not an SMS Desktop database ({error}).</source>
        <translation>{path} 不是 SMS Desktop 数据库（{error}）。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} 是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of SMS Desktop (schema {revision}); please update the app to open it.</source>
        <translation>{path} 由更新版本的 SMS Desktop 写入（结构版本 {revision}），请先升级本软件再打开。</translation>
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
</context>
<context>
    <name>Demo</name>
    <message>
        <source>{path} already exists; choose another file or replace it explicitly.</source>
        <translation>{path} 已存在；请选择其他文件，或明确选择替换它。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
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
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>出现意外错误：{error}</translation>
    </message>
    <message>
        <source>Details were written to {path}.</source>
        <translation>详细信息已写入 {path}。</translation>
    </message>
    <message>
        <source>SMS Desktop</source>
        <translation>SMS Desktop 销售管理系统</translation>
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
        <source>Made</source>
        <translation>时间</translation>
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
    <message>
        <source>A number pattern needs {{seq}} and may use {{year}}, e.g. Q-{{year}}-{{seq:04}}.</source>
        <translation>编号规则必须包含 {{seq}}，可以使用 {{year}}，例如 Q-{{year}}-{{seq:04}}。</translation>
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
        <source>Tax id (统一社会信用代码):</source>
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
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to SMS Desktop</source>
        <translation>欢迎使用 SMS Desktop 销售管理系统</translation>
    </message>
    <message>
        <source>Customers, pipeline, tasks, quotes and targets in one file on your computer. No server, no account, no internet needed. How would you like to start?</source>
        <translation>客户、销售机会、任务、报价和业绩目标都保存在您电脑上的一个文件里。无需服务器、无需注册、无需联网。您想怎样开始？</translation>
    </message>
    <message>
        <source>Try it with demo data</source>
        <translation>使用演示数据试用</translation>
    </message>
    <message>
        <source>A sample trading company with customers, deals, orders and tasks to explore.</source>
        <translation>一家示例贸易公司，包含客户、商机、订单和任务，可随意体验。</translation>
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
    <name>Workspace</name>
    <message>
        <source>Enter your name.</source>
        <translation>请输入您的姓名。</translation>
    </message>
</context>
</TS>