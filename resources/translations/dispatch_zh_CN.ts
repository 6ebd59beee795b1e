<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>dispatch</name>
    <message>
      <location filename="main_window.py" line="452" />
      <source> (read-only)</source>
      <translation>（只读）</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="387" />
      <source>%v of %m pages</source>
      <translation>%v / %m 页</translation>
    </message>
    <message>
      <location filename="actions.py" line="117" />
      <source>&amp;About</source>
      <translation>关于(&amp;A)</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="377" />
      <source>&amp;Back up now</source>
      <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
      <location filename="actions.py" line="93" />
      <source>&amp;Dispatch settings…</source>
      <translation>调度设置(&amp;D)…</translation>
    </message>
    <message>
      <location filename="actions.py" line="71" />
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <location filename="actions.py" line="43" />
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <location filename="actions.py" line="86" />
      <source>&amp;Find</source>
      <translation>查找(&amp;F)</translation>
    </message>
    <message>
      <location filename="actions.py" line="116" />
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <location filename="actions.py" line="74" />
      <source>&amp;Log a visit…</source>
      <translation>登记入企服务(&amp;L)…</translation>
    </message>
    <message>
      <location filename="actions.py" line="45" />
      <source>&amp;New database…</source>
      <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
      <location filename="actions.py" line="49" />
      <source>&amp;Open database…</source>
      <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
      <location filename="actions.py" line="112" />
      <source>&amp;Refresh</source>
      <translation>刷新(&amp;R)</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="380" />
      <source>&amp;Restore from a backup…</source>
      <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
      <location filename="actions.py" line="83" />
      <source>&amp;Save</source>
      <translation>保存(&amp;S)</translation>
    </message>
    <message>
      <location filename="actions.py" line="118" />
      <source>&amp;Version</source>
      <translation>版本(&amp;V)</translation>
    </message>
    <message>
      <location filename="actions.py" line="104" />
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="188" />
      <source>(ignore)</source>
      <translation>（不导入）</translation>
    </message>
    <message>
      <location filename="visit_dialog_layout.py" line="79" />
      <source>(no team)</source>
      <translation>（不指定轻骑队）</translation>
    </message>
    <message>
      <location filename="actions.py" line="151" />
      <source>(none yet)</source>
      <translation>（暂无）</translation>
    </message>
    <message>
      <location filename="team_base_section.py" line="48" />
      <source>(none: the team's district centre)</source>
      <translation>（不设：用队伍所属区县中心）</translation>
    </message>
    <message>
      <location filename="dispatch_settings_dialog.py" line="127" />
      <source>(range {low} – {high})</source>
      <translation>（范围 {low}–{high}）</translation>
    </message>
    <message>
      <location filename="team_base_section.py" line="107" />
      <source>(the district's centre)</source>
      <translation>（区县中心）</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="91" />
      <source>* required. Headers may be in any order; other columns are ignored.</source>
      <translation>* 为必填列。表头顺序不限，其他列不导入。</translation>
    </message>
    <message>
      <location filename="enterprise_form.py" line="36" />
      <source>18 characters, e.g. 91330382MA2XXXXXXX</source>
      <translation>18位，如 91330382MA2XXXXXXX</translation>
    </message>
    <message>
      <location filename="suggestions_dialog.py" line="314" />
      <source>; left out: {why}</source>
      <translation>；未列入：{why}</translation>
    </message>
    <message>
      <location filename="map_page.py" line="304" />
      <source>; {n} records have no position</source>
      <translation>；{n} 条记录没有位置（既无坐标也无区县）</translation>
    </message>
    <message>
      <location filename="menu.py" line="102" />
      <source>A bundle has invalid rows; nothing was merged.
{problem}</source>
      <translation>数据包中有错误的行，未合并任何数据。
{problem}</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="194" />
      <source>A team's day</source>
      <translation>轻骑队行程</translation>
    </message>
    <message>
      <location filename="about.py" line="36" />
      <source>About</source>
      <translation>关于</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="154" />
      <source>About this database</source>
      <translation>关于该数据库</translation>
    </message>
    <message>
      <location filename="history_dialog.py" line="126" />
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <location filename="experts_picker.py" line="37" />
      <source>Add an expert: type a name or pinyin</source>
      <translation>添加专家：输入姓名或拼音</translation>
    </message>
    <message>
      <location filename="visit_dialog_layout.py" line="83" />
      <source>Add the team's members</source>
      <translation>加入该队全部成员</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="279" />
      <source>Add to the day</source>
      <translation>加入当天行程</translation>
    </message>
    <message>
      <location filename="planning_tables.py" line="71" />
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <location filename="history_dialog.py" line="129" />
      <source>After</source>
      <translation>修改后</translation>
    </message>
    <message>
      <location filename="planning_tables.py" line="85" />
      <source>after stop {n}</source>
      <translation>第 {n} 站之后</translation>
    </message>
    <message>
      <location filename="visits_page.py" line="48" />
      <source>After today</source>
      <translation>今天以后</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="45" />
      <source>ahead</source>
      <translation>超前</translation>
    </message>
    <message>
      <location filename="appointments_page.py" line="31" />
      <source>All batches</source>
      <translation>全部批次</translation>
    </message>
    <message>
      <location filename="visits_page.py" line="47" />
      <source>All dates</source>
      <translation>全部日期</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="86" />
      <source>All districts</source>
      <translation>全部区县</translation>
    </message>
    <message>
      <location filename="home_page.py" line="132" />
      <source>All follow-up items</source>
      <translation>全部跟进事项</translation>
    </message>
    <message>
      <location filename="enterprises_page.py" line="23" />
      <source>All industries</source>
      <translation>全部行业</translation>
    </message>
    <message>
      <location filename="enterprises_page.py" line="25" />
      <source>All qualifications</source>
      <translation>全部资质</translation>
    </message>
    <message>
      <location filename="enterprises_page.py" line="29" />
      <source>All sizes</source>
      <translation>全部规模</translation>
    </message>
    <message>
      <location filename="appointments_page.py" line="22" />
      <source>All statuses</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <location filename="record_page.py" line="196" />
      <source>All teams</source>
      <translation>全部轻骑队</translation>
    </message>
    <message>
      <location filename="visits_page.py" line="63" />
      <source>All types</source>
      <translation>全部类型</translation>
    </message>
    <message>
      <location filename="cases_page.py" line="27" />
      <source>All years</source>
      <translation>全部年度</translation>
    </message>
    <message>
      <location filename="settings_dialog.py" line="49" />
      <source>Also named in each record's history; without it, the computer's user name.</source>
      <translation>也作为修改历史中的操作人；不填则记录电脑的用户名。</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="95" />
      <source>and</source>
      <comment>date range</comment>
      <translation>至</translation>
    </message>
    <message>
      <location filename="follow_ups_page.py" line="43" />
      <source>Any due date</source>
      <translation>全部期限</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="139" />
      <source>Any reason</source>
      <translation>全部原因</translation>
    </message>
    <message>
      <location filename="experts_page.py" line="19" />
      <source>Any role</source>
      <translation>全部专家</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="51" />
      <source>Appointment ids, separated by commas (empty: the year's)</source>
      <translation>聘任编号，逗号分隔（留空：本年度全部）</translation>
    </message>
    <message>
      <location filename="headers.py" line="32" />
      <source>Approved</source>
      <translation>已审定</translation>
    </message>
    <message>
      <location filename="cases_page.py" line="30" />
      <source>Approved or not</source>
      <translation>审定状态</translation>
    </message>
    <message>
      <location filename="map_page.py" line="476" />
      <source>approximate</source>
      <translation>近似位置</translation>
    </message>
    <message>
      <location filename="canvas.py" line="387" />
      <source>Approximate (district centre)</source>
      <translation>近似位置（区县中心）</translation>
    </message>
    <message>
      <location filename="planning_texts.py" line="90" />
      <source>Approximate position: {n} enterprises have no coordinates of their own and stand at their district's centre.</source>
      <translation>位置为近似：{n} 家企业没有自己的坐标，按区县中心估算。</translation>
    </message>
    <message>
      <location filename="map_page.py" line="335" />
      <source>approximate: district centre</source>
      <translation>近似位置：区县中心</translation>
    </message>
    <message>
      <location filename="record_form.py" line="234" />
      <source>Archive</source>
      <translation>归档</translation>
    </message>
    <message>
      <location filename="history_dialog.py" line="23" />
      <source>Archived</source>
      <translation>归档</translation>
    </message>
    <message>
      <location filename="planning_tables.py" line="67" />
      <source>Arrive</source>
      <translation>到达</translation>
    </message>
    <message>
      <location filename="assign_dialog.py" line="45" />
      <source>Assign</source>
      <translation>分配</translation>
    </message>
    <message>
      <location filename="assign_dialog.py" line="27" />
      <source>Assign to a team</source>
      <translation>分配给轻骑队</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="182" />
      <source>Assign to a team…</source>
      <translation>分配给轻骑队…</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="181" />
      <source>Back up now</source>
      <translation>立即备份</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="109" />
      <source>Backed up to {path}</source>
      <translation>已备份到 {path}</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="181" />
      <source>Backed up to:
{path}</source>
      <translation>已备份到：
{path}</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="115" />
      <source>Backing up the database…</source>
      <translation>正在备份数据库…</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="112" />
      <source>Backup failed</source>
      <translation>备份失败</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="247" />
      <source>Backups (*.db);;All files (*)</source>
      <translation>备份文件 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
      <location filename="dispatch_settings_dialog.py" line="47" />
      <source>Baidu Maps (needs a key)</source>
      <translation>百度地图（需密钥）</translation>
    </message>
    <message>
      <location filename="overlays.py" line="124" />
      <source>Base</source>
      <translation>驻地</translation>
    </message>
    <message>
      <location filename="team_base_section.py" line="40" />
      <source>Base (where the team's day starts)</source>
      <translation>驻地（每天行程的出发地）</translation>
    </message>
    <message>
      <location filename="headers.py" line="25" />
      <source>Batch</source>
      <translation>批次</translation>
    </message>
    <message>
      <location filename="coordinates.py" line="27" />
      <source>BD-09 (Baidu Maps)</source>
      <translation>BD-09（百度地图）</translation>
    </message>
    <message>
      <location filename="history_dialog.py" line="128" />
      <source>Before</source>
      <translation>修改前</translation>
    </message>
    <message>
      <location filename="planning_tables.py" line="84" />
      <source>before stop 1</source>
      <translation>第 1 站之前</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="47" />
      <source>behind</source>
      <translation>落后</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="276" />
      <source>Breakdowns</source>
      <translation>分类统计</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="344" />
      <source>Broken references: {count}</source>
      <translation>失效的引用：{count}</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="48" />
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="181" />
      <source>Bundle for the bureau</source>
      <translation>生成报送数据包</translation>
    </message>
    <message>
      <location filename="menu.py" line="143" />
      <source>Bundle for the bureau…</source>
      <translation>生成报送数据包…</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="249" />
      <source>Bundle written to {path}</source>
      <translation>数据包已保存到 {path}</translation>
    </message>
    <message>
      <location filename="history_dialog.py" line="125" />
      <source>By</source>
      <translation>操作人</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="306" />
      <source>By industry</source>
      <translation>按行业</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="307" />
      <source>By qualification</source>
      <translation>按企业资质</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="305" />
      <source>By visit type</source>
      <translation>按服务类型</translation>
    </message>
    <message>
      <location filename="headers.py" line="18" />
      <source>Can be tech VP</source>
      <translation>可任科技副总</translation>
    </message>
    <message>
      <location filename="assign_dialog.py" line="47" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="252" />
      <source>Cancel the chosen planned visit (Del)</source>
      <translation>取消所选的计划走访（删除键）</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="628" />
      <source>Cancel the planned visit to {name} on {date}? It stays in the visits list as cancelled.</source>
      <translation>取消 {date} 对{name}的计划走访？该记录仍保留在入企服务列表中，状态为“已取消”。</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="375" />
      <source>Cancelled: nothing was imported.</source>
      <translation>已取消：未导入任何数据。</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="434" />
      <source>Cancelled: nothing was made.</source>
      <translation>已取消：未生成任何文件。</translation>
    </message>
    <message>
      <location filename="dispatch_settings_geocoding.py" line="126" />
      <source>Cancelled: the points found before were kept.</source>
      <translation>已取消：此前找到的坐标已保存。</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="642" />
      <source>Cancelled: {name} on {date}</source>
      <translation>已取消：{date} {name}</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="374" />
      <source>Cancelling…</source>
      <translation>正在取消…</translation>
    </message>
    <message>
      <location filename="main_window.py" line="307" />
      <source>Cannot open the database</source>
      <translation>无法打开数据库</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="50" />
      <source>Case ids, separated by commas (empty: approved cases of the year)</source>
      <translation>案例编号，逗号分隔（留空：本年度已审定案例）</translation>
    </message>
    <message>
      <location filename="headers.py" line="42" />
      <source>Case title</source>
      <translation>案例标题</translation>
    </message>
    <message>
      <location filename="enterprise_form.py" line="52" />
      <source>Cases</source>
      <translation>典型案例</translation>
    </message>
    <message>
      <location filename="history_dialog.py" line="22" />
      <source>Changed</source>
      <translation>修改</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="274" />
      <source>Check again</source>
      <translation>重新检查</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="246" />
      <source>Check the rows</source>
      <translation>检查数据</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="162" />
      <source>Checking the database…</source>
      <translation>正在检查数据库…</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="295" />
      <source>Checking the file…</source>
      <translation>正在检查文件…</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="359" />
      <source>Checking the whole database…</source>
      <translation>正在全面检查数据库…</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="293" />
      <source>Checking…</source>
      <translation>正在检查…</translation>
    </message>
    <message>
      <location filename="about.py" line="68" />
      <source>Chinese text is shown with WenQuanYi Micro Hei (Apache-2.0), shipped in resources/fonts with its licence.</source>
      <translation>中文字体：文泉驿微米黑（Apache-2.0 许可），随程序附带于 resources/fonts，含许可证。</translation>
    </message>
    <message>
      <location filename="suggestions_dialog.py" line="212" />
      <source>Choose</source>
      <translation>选择</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="272" />
      <source>Choose a document and press Generate.</source>
      <translation>请选择文档，然后点击“生成”。</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="111" />
      <source>Choose a file: its encoding and header row are shown here.</source>
      <translation>选择文件后，这里显示它的编码和表头所在行。</translation>
    </message>
    <message>
      <location filename="dispatch_settings_geocoding.py" line="74" />
      <source>Choose a service above to look up their addresses.</source>
      <translation>在上方选择服务后即可查询其地址。</translation>
    </message>
    <message>
      <location filename="menu.py" line="68" />
      <source>Choose the district bundles</source>
      <translation>选择区县数据包</translation>
    </message>
    <message>
      <location filename="suggest_actions.py" line="91" />
      <source>Choose the enterprise first, then ask for suggestions.</source>
      <translation>请先选择企业，再获取推荐。</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="47" />
      <source>Choose the file</source>
      <translation>选择文件</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="98" />
      <source>Choose the file to import</source>
      <translation>选择要导入的文件</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="146" />
      <source>Choose where to save the file.</source>
      <translation>请选择保存位置。</translation>
    </message>
    <message>
      <location filename="map_page.py" line="159" />
      <source>Clear the route</source>
      <translation>清除路线</translation>
    </message>
    <message>
      <location filename="map_page.py" line="201" />
      <source>Click a point to select it.</source>
      <translation>单击地图上的点以选中。</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="70" />
      <source>Click to see the records behind this figure</source>
      <translation>点击查看这个数字对应的记录</translation>
    </message>
    <message>
      <location filename="crash_dialog.py" line="72" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="close_follow_up.py" line="30" />
      <source>Close follow-up item</source>
      <translation>办结跟进事项</translation>
    </message>
    <message>
      <location filename="close_follow_up.py" line="49" />
      <source>Close item</source>
      <translation>办结</translation>
    </message>
    <message>
      <location filename="follow_ups_page.py" line="80" />
      <source>Close item…</source>
      <translation>办结…</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="264" />
      <source>Close to the route</source>
      <translation>顺路可访</translation>
    </message>
    <message>
      <location filename="follow_ups_page.py" line="146" />
      <source>Closed at</source>
      <translation>办结时间</translation>
    </message>
    <message>
      <location filename="map_page.py" line="101" />
      <source>Colour by</source>
      <translation>着色</translation>
    </message>
    <message>
      <location filename="canvas.py" line="390" />
      <source>Colour: district</source>
      <translation>颜色：区县</translation>
    </message>
    <message>
      <location filename="canvas.py" line="396" />
      <source>Colour: tech VP</source>
      <translation>颜色：科技副总</translation>
    </message>
    <message>
      <location filename="common.py" line="47" />
      <source>Column</source>
      <translation>列名</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="158" />
      <source>Column in the file</source>
      <translation>文件中的列</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="75" />
      <source>Columns</source>
      <translation>应有的列</translation>
    </message>
    <message>
      <location filename="visit_dialog.py" line="158" />
      <source>Complete a planned visit</source>
      <translation>登记计划服务的完成情况</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="404" />
      <source>Computing the progress…</source>
      <translation>正在计算进度…</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="395" />
      <source>Computing…</source>
      <translation>正在计算…</translation>
    </message>
    <message>
      <location filename="headers.py" line="14" />
      <source>Contact</source>
      <translation>联系人</translation>
    </message>
    <message>
      <location filename="crash_dialog.py" line="78" />
      <source>Copied</source>
      <translation>已复制</translation>
    </message>
    <message>
      <location filename="crash_dialog.py" line="68" />
      <source>Copy details</source>
      <translation>复制详情</translation>
    </message>
    <message>
      <location filename="planning_texts.py" line="27" />
      <source>Could not load: {error}</source>
      <translation>无法加载：{error}</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="474" />
      <source>Could not write {path}: {error}</source>
      <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="140" />
      <source>Covered</source>
      <translation>覆盖企业</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="205" />
      <source>Create</source>
      <translation>生成</translation>
    </message>
    <message>
      <location filename="history_dialog.py" line="21" />
      <source>Created</source>
      <translation>新建</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="235" />
      <source>Creating the bundle…</source>
      <translation>正在生成数据包…</translation>
    </message>
    <message>
      <location filename="main_window.py" line="263" />
      <source>Creating the database…</source>
      <translation>正在创建数据库…</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="77" />
      <source>CSV (opens in Excel and WPS)</source>
      <translation>CSV（可用 Excel、WPS 打开）</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="48" />
      <source>CSV (UTF-8 or GB18030/GBK) or Excel XLSX, with a header row.</source>
      <translation>CSV（UTF-8 或 GB18030/GBK）或 Excel XLSX，需有表头行。</translation>
    </message>
    <message>
      <location filename="common.py" line="83" />
      <source>CSV files (*.csv)</source>
      <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="502" />
      <source>Cumulative</source>
      <translation>累计完成</translation>
    </message>
    <message>
      <location filename="about.py" line="60" />
      <source>Data folder:</source>
      <translation>数据文件夹：</translation>
    </message>
    <message>
      <location filename="about.py" line="26" />
      <source>Data folder: {path}</source>
      <translation>数据文件夹：{path}</translation>
    </message>
    <message>
      <location filename="about.py" line="22" />
      <source>Database schema version: {v}</source>
      <translation>数据库结构版本：{v}</translation>
    </message>
    <message>
      <location filename="actions.py" line="21" />
      <source>Databases (*.db *.sqlite);;All files (*)</source>
      <translation>数据库 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
      <location filename="assign_dialog.py" line="43" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="640" />
      <source>Definitions</source>
      <translation>口径说明</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="224" />
      <source>Definitions…</source>
      <translation>口径说明…</translation>
    </message>
    <message>
      <location filename="record_form_actions.py" line="106" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="record_form_actions.py" line="106" />
      <source>Delete this record? This cannot be undone.</source>
      <translation>确定删除这条记录吗？删除后无法恢复。</translation>
    </message>
    <message>
      <location filename="history_dialog.py" line="24" />
      <source>Deleted</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="70" />
      <source>Detected</source>
      <translation>识别结果</translation>
    </message>
    <message>
      <location filename="planning_tables.py" line="90" />
      <source>Detour (km)</source>
      <translation>绕行（公里）</translation>
    </message>
    <message>
      <location filename="messages.py" line="47" />
      <source>Discard</source>
      <translation>丢弃</translation>
    </message>
    <message>
      <location filename="actions.py" line="226" />
      <source>Dispatch settings</source>
      <translation>调度设置</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="460" />
      <source>distinct enterprises with a completed visit; {n:,} visits planned</source>
      <translation>已完成服务的企业（去重）；另有计划服务 {n:,} 家次</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="87" />
      <source>District</source>
      <translation>区县</translation>
    </message>
    <message>
      <location filename="team_base_section.py" line="57" />
      <source>District / township</source>
      <translation>区县 / 乡镇</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="254" />
      <source>Districts (double-click a figure to see its records)</source>
      <translation>各区县排名（双击数字查看对应记录）</translation>
    </message>
    <message>
      <location filename="targets_dialog.py" line="90" />
      <source>Districts together: {v:,} visits, {a:,} tech VPs (city: {cv:,} and {ca:,})</source>
      <translation>各区县合计：{v:,} 家次、科技副总 {a:,} 名（全市目标：{cv:,} 家次、{ca:,} 名）</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="105" />
      <source>Document</source>
      <translation>文档</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="116" />
      <source>Done %</source>
      <translation>完成率</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="256" />
      <source>Draw this team's day on the Map page (Ctrl+Shift+G)</source>
      <translation>在地图页画出该队当天路线（Ctrl+Shift+G）</translation>
    </message>
    <message>
      <location filename="pdf_preview.py" line="267" />
      <source>Drawing the pages…</source>
      <translation>正在绘制页面…</translation>
    </message>
    <message>
      <location filename="headers.py" line="33" />
      <source>Due</source>
      <translation>办结期限</translation>
    </message>
    <message>
      <location filename="follow_ups_page.py" line="44" />
      <source>Due within 7 days</source>
      <translation>7天内到期</translation>
    </message>
    <message>
      <location filename="actions.py" line="68" />
      <source>E&amp;xit</source>
      <translation>退出(&amp;X)</translation>
    </message>
    <message>
      <location filename="coordinates.py" line="38" />
      <source>e.g. 120.6994</source>
      <translation>如 120.6994</translation>
    </message>
    <message>
      <location filename="appointment_form.py" line="50" />
      <source>e.g. 2026-03-05</source>
      <translation>如 2026-03-05</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="118" />
      <source>e.g. 2026-05-01 (empty: the year)</source>
      <translation>如 2026-05-01（留空：全年）</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="122" />
      <source>e.g. 2026-05-31 (empty: the year)</source>
      <translation>如 2026-05-31（留空：全年）</translation>
    </message>
    <message>
      <location filename="appointment_form.py" line="51" />
      <source>e.g. 2027-03-04</source>
      <translation>如 2027-03-04</translation>
    </message>
    <message>
      <location filename="coordinates.py" line="37" />
      <source>e.g. 28.0157 (empty: placed by the address)</source>
      <translation>如 28.0157（留空则按地址定位）</translation>
    </message>
    <message>
      <location filename="team_base_section.py" line="61" />
      <source>e.g. the district science bureau (empty: the place's name)</source>
      <translation>如 乐清市科技局（不填则用地名）</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="152" />
      <source>Each column of the file feeds one field; unmatched columns are ignored.</source>
      <translation>文件的每一列对应一个字段；未对应的列不导入。</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="220" />
      <source>Edit targets…</source>
      <translation>编辑目标…</translation>
    </message>
    <message>
      <location filename="visit_dialog.py" line="158" />
      <source>Edit visit</source>
      <translation>修改服务记录</translation>
    </message>
    <message>
      <location filename="visits_page.py" line="132" />
      <source>Edit…</source>
      <translation>修改…</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="83" />
      <source>Encoding</source>
      <translation>编码</translation>
    </message>
    <message>
      <location filename="headers.py" line="24" />
      <source>End</source>
      <translation>结束</translation>
    </message>
    <message>
      <location filename="canvas.py" line="385" />
      <source>Enterprise</source>
      <translation>企业</translation>
    </message>
    <message>
      <location filename="visits_page.py" line="40" />
      <source>Enterprise or team: name, USCC or pinyin</source>
      <translation>企业或轻骑队：名称、信用代码或拼音</translation>
    </message>
    <message>
      <location filename="targets_dialog.py" line="48" />
      <source>Enterprise visits</source>
      <translation>入企服务（家次）</translation>
    </message>
    <message>
      <source>Enterprise visits (家次)</source>
      <translation type="obsolete">入企服务（家次）</translation>
    </message>
    <message>
      <location filename="page_registry.py" line="27" />
      <source>Enterprises</source>
      <translation>企业</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="235" />
      <source>Enterprises covered</source>
      <translation>覆盖企业</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="131" />
      <source>Enterprises needing a visit</source>
      <translation>待走访企业</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="78" />
      <source>Excel workbook (XLSX)</source>
      <translation>Excel 工作簿（XLSX）</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="128" />
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="123" />
      <source>Expected</source>
      <translation>应完成</translation>
    </message>
    <message>
      <source>Expected by today</source>
      <translation type="obsolete">按进度应完成</translation>
    </message>
    <message>
      <location filename="canvas.py" line="386" />
      <source>Expert</source>
      <translation>专家</translation>
    </message>
    <message>
      <location filename="record_page.py" line="217" />
      <source>Expert (name or pinyin)</source>
      <translation>服务专家（姓名或拼音）</translation>
    </message>
    <message>
      <location filename="appointments_page.py" line="16" />
      <source>Expert or enterprise, name or pinyin</source>
      <translation>专家或企业：名称或拼音</translation>
    </message>
    <message>
      <location filename="suggestions_dialog.py" line="171" />
      <source>Experts</source>
      <translation>专家</translation>
    </message>
    <message>
      <location filename="suggestions_dialog.py" line="309" />
      <source>Experts ({n})</source>
      <translation>专家（{n}）</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="108" />
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="67" />
      <source>Export a spreadsheet</source>
      <translation>导出表格</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="589" />
      <source>Export CSV</source>
      <translation>导出 CSV</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="255" />
      <source>Export CSV…</source>
      <translation>导出 CSV…</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="246" />
      <source>Export PDF…</source>
      <translation>导出 PDF…</translation>
    </message>
    <message>
      <location filename="history_export.py" line="21" />
      <source>Export the change history</source>
      <translation>导出修改历史</translation>
    </message>
    <message>
      <location filename="menu.py" line="145" />
      <source>Export the change history…</source>
      <translation>导出修改历史…</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="336" />
      <source>Export the list…</source>
      <translation>导出清单…</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="661" />
      <source>Export the schedule</source>
      <translation>导出行程</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="126" />
      <source>Export to</source>
      <translation>导出到</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="622" />
      <source>Exporting the list…</source>
      <translation>正在导出清单…</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="157" />
      <source>Exporting…</source>
      <translation>正在导出…</translation>
    </message>
    <message>
      <location filename="menu.py" line="142" />
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <location filename="history_dialog.py" line="127" />
      <source>Field</source>
      <translation>字段</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="62" />
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <location filename="suggest_actions.py" line="111" />
      <source>Fill in</source>
      <translation>填入</translation>
    </message>
    <message>
      <location filename="dispatch_settings_dialog.py" line="103" />
      <source>Fill in every default; nothing is stored until Save</source>
      <translation>填入全部默认值；点“保存”后才写入</translation>
    </message>
    <message>
      <location filename="map_page.py" line="118" />
      <source>Find an enterprise or expert (Ctrl+F)</source>
      <translation>查找企业或专家（Ctrl+F）</translation>
    </message>
    <message>
      <location filename="map_page.py" line="348" />
      <source>Finding suggested experts…</source>
      <translation>正在推荐专家…</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="423" />
      <source>Finding the enterprises that need a visit…</source>
      <translation>正在查找待走访企业…</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="173" />
      <source>First rows of the file</source>
      <translation>文件前几行</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="158" />
      <source>First values</source>
      <translation>前几个值</translation>
    </message>
    <message>
      <location filename="follow_ups_page.py" line="47" />
      <source>Flagged or not</source>
      <translation>是否需协调</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="165" />
      <source>Follow-up</source>
      <translation>跟进事项</translation>
    </message>
    <message>
      <location filename="history_dialog.py" line="43" />
      <source>Follow-up item</source>
      <translation>跟进事项</translation>
    </message>
    <message>
      <location filename="follow_ups_page.py" line="194" />
      <source>Follow-up items</source>
      <translation>跟进事项</translation>
    </message>
    <message>
      <location filename="page_registry.py" line="33" />
      <source>Follow-ups</source>
      <translation>跟进事项</translation>
    </message>
    <message>
      <source>Follow-ups due within 7 days or overdue</source>
      <translation type="obsolete">7天内到期及已逾期的跟进事项</translation>
    </message>
    <message>
      <source>Follow-ups due within 7 days or overdue: {n} (overdue {overdue}, need bureau coordination {flagged})</source>
      <translation type="obsolete">7天内到期及已逾期的跟进事项：{n} 项（逾期 {overdue} 项，需科技局协调 {flagged} 项）</translation>
    </message>
    <message>
      <location filename="home_page.py" line="215" />
      <source>Follow-ups due within {days} days or overdue: {n}</source>
      <translation>{days} 天内到期及已逾期的跟进事项：{n} 项</translation>
    </message>
    <message>
      <location filename="home_page.py" line="264" />
      <source>Follow-ups due within {days} days or overdue: {n} (overdue {overdue}, due in the next {days} days {soon}; need bureau coordination {flagged})</source>
      <translation>{days} 天内到期及已逾期的跟进事项：{n} 项（已逾期 {overdue} 项，{days} 天内到期 {soon} 项；需科技局协调 {flagged} 项）</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="277" />
      <source>Follow-ups for the meeting</source>
      <translation>推进会跟进清单</translation>
    </message>
    <message>
      <location filename="about.py" line="47" />
      <source>For district coordinators of the Wenzhou Science and Technology Bureau: dispatch tech vice-presidents and light-cavalry expert teams, log enterprise visits and their follow-ups, and watch progress toward the year's targets (10,000 visits, 500 tech vice-presidents).</source>
      <translation>供温州市各区县科技部门工作人员使用：选派科技副总、调度科技轻骑队、登记入企服务及跟进事项，跟踪全年目标进度（入企服务10000家次、选派科技副总500名）。</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="128" />
      <source>Forecast</source>
      <translation>年底预测</translation>
    </message>
    <message>
      <source>Forecast 31 Dec</source>
      <translation type="obsolete">年底预测</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="470" />
      <source>Forecast for 31 December: {forecast:,} visits at the last four weeks' pace ({recent:,.0f} a week) — the target is reached.</source>
      <translation>按近四周的进度（每周 {recent:,.0f} 家次），预计年底完成 {forecast:,} 家次，可完成目标。</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="465" />
      <source>Forecast for 31 December: {forecast:,} visits at the last four weeks' pace ({recent:,.0f} a week) — {gap:,} short; {needed:,.0f} a week are needed from now.</source>
      <translation>按近四周的进度（每周 {recent:,.0f} 家次），预计年底完成 {forecast:,} 家次，差 {gap:,} 家次；此后每周需完成 {needed:,.0f} 家次。</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="79" />
      <source>Format</source>
      <translation>格式</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="119" />
      <source>From date</source>
      <translation>起始日期</translation>
    </message>
    <message>
      <location filename="coordinates.py" line="58" />
      <source>From the address: {lat:.4f} ({how} centre)</source>
      <translation>由地址推算：{lat:.4f}（{how}中心）</translation>
    </message>
    <message>
      <location filename="coordinates.py" line="61" />
      <source>From the address: {lon:.4f} ({how} centre)</source>
      <translation>由地址推算：{lon:.4f}（{how}中心）</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="532" />
      <source>From the dashboard: {scope} {year}</source>
      <translation>来自进度看板：{scope} {year} 年</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="383" />
      <source>Full &amp;integrity check</source>
      <translation>完整性全面检查(&amp;I)</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="348" />
      <source>Full integrity check</source>
      <translation>完整性全面检查</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="82" />
      <source>GB18030 (older software)</source>
      <translation>GB18030（兼容旧软件）</translation>
    </message>
    <message>
      <location filename="coordinates.py" line="26" />
      <source>GCJ-02 (Amap, Tencent)</source>
      <translation>GCJ-02（高德、腾讯地图）</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="139" />
      <source>Generate</source>
      <translation>生成</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="448" />
      <source>Generate a document first, then save it.</source>
      <translation>请先生成文档，再保存。</translation>
    </message>
    <message>
      <location filename="actions.py" line="209" />
      <source>Generating the demo database…</source>
      <translation>正在生成演示数据库…</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="348" />
      <source>Generating the document…</source>
      <translation>正在生成文档…</translation>
    </message>
    <message>
      <location filename="dispatch_settings_geocoding.py" line="45" />
      <source>Geocode missing addresses…</source>
      <translation>补全坐标…</translation>
    </message>
    <message>
      <location filename="dispatch_settings_geocoding.py" line="92" />
      <source>Geocoding missing addresses…</source>
      <translation>正在补全坐标…</translation>
    </message>
    <message>
      <location filename="dispatch_settings_geocoding.py" line="122" />
      <source>Geocoding stopped: {error}</source>
      <translation>补全坐标中止：{error}</translation>
    </message>
    <message>
      <location filename="canvas.py" line="398" />
      <source>Has an active tech VP (expert: serving)</source>
      <translation>有在岗科技副总（专家：在任）</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="84" />
      <source>Hide the middle digits of phone numbers</source>
      <translation>隐去电话号码中间几位</translation>
    </message>
    <message>
      <location filename="history_export.py" line="27" />
      <source>Hide the middle digits of phone numbers?</source>
      <translation>隐去电话号码的中间几位？</translation>
    </message>
    <message>
      <location filename="history_dialog.py" line="138" />
      <source>History</source>
      <translation>历史</translation>
    </message>
    <message>
      <location filename="visit_dialog_layout.py" line="165" />
      <source>History…</source>
      <translation>历史…</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="253" />
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <location filename="actions.py" line="64" />
      <source>Import / Export</source>
      <translation>导入/导出</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="395" />
      <source>Import a spreadsheet</source>
      <translation>导入表格</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="262" />
      <source>Import the valid rows and skip the rows with problems</source>
      <translation>导入正确的行，跳过有问题的行</translation>
    </message>
    <message>
      <location filename="history_dialog.py" line="25" />
      <source>Imported</source>
      <translation>导入</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="356" />
      <source>Imported: {added} new, {updated} updated, {unchanged} unchanged, {skipped} left as they are, {rejected} rows skipped.</source>
      <translation>导入完成：新增 {added} 条，更新 {updated} 条，未变 {unchanged} 条，保留原样 {skipped} 条，跳过有误的行 {rejected} 行。</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="347" />
      <source>Importing…</source>
      <translation>正在导入…</translation>
    </message>
    <message>
      <location filename="planning_texts.py" line="76" />
      <source>In route order: {km:.1f} km instead of {entered:.1f} km in the order entered.</source>
      <translation>按路线顺序 {km:.1f} km，按录入顺序为 {entered:.1f} km。</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="196" />
      <source>Include the audit trail (who changed what)</source>
      <translation>附带操作记录（谁在何时改了什么）</translation>
    </message>
    <message>
      <location filename="headers.py" line="11" />
      <source>Industry</source>
      <translation>行业</translation>
    </message>
    <message>
      <location filename="suggestions_dialog.py" line="167" />
      <source>Institution</source>
      <translation>工作单位</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="343" />
      <source>Integrity: {result}</source>
      <translation>完整性：{result}</translation>
    </message>
    <message>
      <location filename="settings_dialog.py" line="34" />
      <source>Interface language</source>
      <translation>界面语言</translation>
    </message>
    <message>
      <location filename="headers.py" line="34" />
      <source>Item</source>
      <translation>事项</translation>
    </message>
    <message>
      <location filename="follow_ups_page.py" line="30" />
      <source>Item, owner or enterprise</source>
      <translation>事项、责任人或企业</translation>
    </message>
    <message>
      <location filename="visits_page.py" line="137" />
      <source>Its follow-ups</source>
      <translation>查看跟进事项</translation>
    </message>
    <message>
      <location filename="planning_texts.py" line="84" />
      <source>Kilometres are straight-line and times are estimates: {speed:g} km/h and {stop:g} min at each enterprise.</source>
      <translation>里程为直线距离，时间为估算：车速 {speed:g} 公里/小时，每家停留 {stop:g} 分钟。</translation>
    </message>
    <message>
      <location filename="planning_tables.py" line="70" />
      <source>km</source>
      <translation>公里</translation>
    </message>
    <message>
      <location filename="planning_tables.py" line="50" />
      <source>Last visit</source>
      <translation>上次走访</translation>
    </message>
    <message>
      <location filename="team_base_section.py" line="67" />
      <source>Latitude</source>
      <translation>纬度</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="346" />
      <source>Laying out the document…</source>
      <translation>正在排版…</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="369" />
      <source>Laying out the document… {n} pages</source>
      <translation>正在排版…已排 {n} 页</translation>
    </message>
    <message>
      <location filename="headers.py" line="19" />
      <source>Leader</source>
      <translation>队长</translation>
    </message>
    <message>
      <location filename="team_form.py" line="145" />
      <source>leader</source>
      <translation>队长</translation>
    </message>
    <message>
      <location filename="planning_tables.py" line="68" />
      <source>Leave</source>
      <translation>离开</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="145" />
      <source>Leave out enterprises that already have a planned visit</source>
      <translation>不列出已有计划走访的企业</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="259" />
      <source>Leave them as they are</source>
      <translation>保留原样</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="405" />
      <source>Left empty, printed as a red gap: {field} ({n} times)</source>
      <translation>未填写，已用红字标出：{field}（{n} 处）</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="445" />
      <source>linear pace</source>
      <translation>按日均进度</translation>
    </message>
    <message>
      <location filename="map_page.py" line="267" />
      <source>Loading the map…</source>
      <translation>正在加载地图…</translation>
    </message>
    <message>
      <location filename="map_page.py" line="258" />
      <source>Loading the points…</source>
      <translation>正在加载点位…</translation>
    </message>
    <message>
      <location filename="home_page.py" line="245" />
      <source>Loading the year's progress…</source>
      <translation>正在统计本年度进度…</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="407" />
      <source>Loading…</source>
      <translation>加载中…</translation>
    </message>
    <message>
      <location filename="visit_dialog.py" line="89" />
      <source>Log a visit</source>
      <translation>登记入企服务</translation>
    </message>
    <message>
      <location filename="follow_ups_page.py" line="62" />
      <source>Log a visit…</source>
      <translation>登记入企服务…</translation>
    </message>
    <message>
      <location filename="team_base_section.py" line="68" />
      <source>Longitude</source>
      <translation>经度</translation>
    </message>
    <message>
      <location filename="dispatch_settings_geocoding.py" line="111" />
      <source>Looked up {n:,} addresses ({r:,} online requests, the rest from the cache): {k:,} records now have an exact point.</source>
      <translation>查询了 {n:,} 个地址（在线请求 {r:,} 次，其余来自缓存）：{k:,} 条记录已有精确坐标。</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="325" />
      <source>Looking for a good backup…</source>
      <translation>正在查找完好的备份…</translation>
    </message>
    <message>
      <location filename="dispatch_settings_geocoding.py" line="86" />
      <source>Looking up addresses…</source>
      <translation>正在查询地址…</translation>
    </message>
    <message>
      <location filename="page_registry.py" line="35" />
      <source>Map</source>
      <translation>地图</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="150" />
      <source>Match the columns</source>
      <translation>对应列</translation>
    </message>
    <message>
      <location filename="history_dialog.py" line="43" />
      <source>Member</source>
      <translation>队员</translation>
    </message>
    <message>
      <location filename="suggestions_dialog.py" line="172" />
      <source>Members</source>
      <translation>成员</translation>
    </message>
    <message>
      <location filename="menu.py" line="112" />
      <source>Merge bundles</source>
      <translation>合并数据包</translation>
    </message>
    <message>
      <location filename="menu.py" line="144" />
      <source>Merge district bundles…</source>
      <translation>合并区县数据包…</translation>
    </message>
    <message>
      <location filename="history_dialog.py" line="26" />
      <source>Merged</source>
      <translation>合并</translation>
    </message>
    <message>
      <location filename="menu.py" line="113" />
      <source>Merged: {added} new, {updated} updated, {conflicts} conflicts left out.</source>
      <translation>合并完成：新增 {added} 条，更新 {updated} 条，{conflicts} 条冲突未合并。</translation>
    </message>
    <message>
      <location filename="menu.py" line="84" />
      <source>Merging…</source>
      <translation>正在合并…</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="275" />
      <source>Monthly trend</source>
      <translation>月度趋势</translation>
    </message>
    <message>
      <location filename="suggestions_dialog.py" line="69" />
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location filename="settings_dialog.py" line="51" />
      <source>Name for closing follow-ups</source>
      <translation>办结人（默认）</translation>
    </message>
    <message>
      <location filename="team_base_section.py" line="63" />
      <source>Name of the base</source>
      <translation>驻地名称</translation>
    </message>
    <message>
      <location filename="experts_page.py" line="14" />
      <source>Name, institution, specialty or pinyin</source>
      <translation>姓名、单位、专业或拼音</translation>
    </message>
    <message>
      <location filename="enterprises_page.py" line="19" />
      <source>Name, USCC or pinyin (e.g. wzdx)</source>
      <translation>名称、信用代码或拼音（如 wzdx）</translation>
    </message>
    <message>
      <location filename="headers.py" line="36" />
      <source>Needs bureau</source>
      <translation>需协调</translation>
    </message>
    <message>
      <location filename="follow_ups_page.py" line="47" />
      <source>Needs bureau coordination</source>
      <translation>需科技局协调</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="150" />
      <source>Needs coordination</source>
      <translation>需协调</translation>
    </message>
    <message>
      <location filename="record_page.py" line="155" />
      <source>New</source>
      <translation>新建</translation>
    </message>
    <message>
      <location filename="actions.py" line="80" />
      <source>New &amp;record on this page</source>
      <translation>在本页新建记录(&amp;R)</translation>
    </message>
    <message>
      <location filename="appointments_page.py" line="37" />
      <source>New appointment</source>
      <translation>新建选派</translation>
    </message>
    <message>
      <location filename="case_form.py" line="46" />
      <source>New case</source>
      <translation>新建案例</translation>
    </message>
    <message>
      <location filename="actions.py" line="165" />
      <source>New database</source>
      <translation>新建数据库</translation>
    </message>
    <message>
      <location filename="enterprise_form.py" line="91" />
      <source>New enterprise</source>
      <translation>新建企业</translation>
    </message>
    <message>
      <location filename="expert_form.py" line="49" />
      <source>New expert</source>
      <translation>新建专家</translation>
    </message>
    <message>
      <location filename="record_form.py" line="131" />
      <source>New record</source>
      <translation>新建记录</translation>
    </message>
    <message>
      <location filename="team_form.py" line="89" />
      <source>New team</source>
      <translation>新建轻骑队</translation>
    </message>
    <message>
      <location filename="appointment_form.py" line="80" />
      <source>New tech VP appointment</source>
      <translation>新建科技副总选派</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="214" />
      <source>Next day (Alt+Right)</source>
      <translation>后一天（Alt+→）</translation>
    </message>
    <message>
      <location filename="map_page.py" line="155" />
      <source>Next day with visits</source>
      <translation>下一个走访日</translation>
    </message>
    <message>
      <location filename="pdf_preview.py" line="105" />
      <source>Next page</source>
      <translation>下一页</translation>
    </message>
    <message>
      <location filename="history_dialog.py" line="59" />
      <source>No</source>
      <translation>否</translation>
    </message>
    <message>
      <location filename="canvas.py" line="401" />
      <source>No active tech VP (expert: not serving)</source>
      <translation>无在岗科技副总（专家：未在任）</translation>
    </message>
    <message>
      <location filename="team_base_section.py" line="207" />
      <source>No base recorded: the day starts at the centre of {district}.</source>
      <translation>未设驻地：行程从{district}中心出发。</translation>
    </message>
    <message>
      <location filename="team_base_section.py" line="212" />
      <source>No base recorded: the day starts where most of its stops lie.</source>
      <translation>未设驻地：行程从多数走访企业所在区县的中心出发。</translation>
    </message>
    <message>
      <location filename="history_dialog.py" line="143" />
      <source>No changes have been recorded for this record.</source>
      <translation>该记录没有修改记录。</translation>
    </message>
    <message>
      <location filename="app.py" line="160" />
      <source>No database is open yet. Open the demo database to look around? (You can create your own with File → New database.)</source>
      <translation>尚未打开数据库。是否打开演示数据库先熟悉一下？（也可以通过“文件 → 新建数据库”创建自己的数据库。）</translation>
    </message>
    <message>
      <location filename="main_window.py" line="449" />
      <source>No database open</source>
      <translation>未打开数据库</translation>
    </message>
    <message>
      <location filename="suggestions_dialog.py" line="319" />
      <source>No eligible expert or team.</source>
      <translation>没有符合条件的专家或轻骑队。</translation>
    </message>
    <message>
      <location filename="planning_texts.py" line="50" />
      <source>No enterprise needing a visit lies close to this day's route.</source>
      <translation>当天路线附近没有待走访企业。</translation>
    </message>
    <message>
      <location filename="map_page.py" line="406" />
      <source>No expert can be suggested (limits in the matching settings).</source>
      <translation>没有可推荐的专家（见匹配设置中的限制）。</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="321" />
      <source>No good backup was found. The damaged file was not changed.</source>
      <translation>没有找到完好的备份。损坏的文件未被改动。</translation>
    </message>
    <message>
      <location filename="map_page.py" line="510" />
      <source>No later visits for this team.</source>
      <translation>该队之后没有走访安排。</translation>
    </message>
    <message>
      <location filename="map_page.py" line="490" />
      <source>No route: {error}</source>
      <translation>无法生成路线：{error}</translation>
    </message>
    <message>
      <location filename="map_page.py" line="384" />
      <source>No suggestions: {error}</source>
      <translation>无法推荐：{error}</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="48" />
      <source>no target</source>
      <translation>无目标</translation>
    </message>
    <message>
      <location filename="targets_dialog.py" line="43" />
      <source>No targets stored for this year yet: these are the defaults.</source>
      <translation>本年度尚未保存目标，以下为默认值。</translation>
    </message>
    <message>
      <location filename="suggestions_dialog.py" line="337" />
      <source>No team proposed: no eligible expert covers the needs.</source>
      <translation>未能组队：没有符合条件的专家能覆盖这些需求。</translation>
    </message>
    <message>
      <location filename="suggestions_dialog.py" line="335" />
      <source>No team proposed: the enterprise has no technical needs on record.</source>
      <translation>未建议组队：该企业未填写技术需求。</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="582" />
      <source>No team yet: add one on the Teams page.</source>
      <translation>还没有轻骑队：请先在“轻骑队”页添加。</translation>
    </message>
    <message>
      <location filename="planning_texts.py" line="61" />
      <source>no visits planned that day</source>
      <translation>当天没有安排走访</translation>
    </message>
    <message>
      <location filename="planning_tables.py" line="66" />
      <source>No.</source>
      <translation>序号</translation>
    </message>
    <message>
      <location filename="dispatch_settings_dialog.py" line="48" />
      <source>Nominatim (OpenStreetMap)</source>
      <translation>Nominatim（OpenStreetMap）</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="408" />
      <source>None: every field filled, every character in the fonts.</source>
      <translation>无：各字段均已填写，所有字符字体中都有。</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="239" />
      <source>Not a date: {text}</source>
      <translation>不是有效日期：{text}</translation>
    </message>
    <message>
      <location filename="cases_page.py" line="30" />
      <source>Not approved</source>
      <translation>未审定</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="143" />
      <source>Not yet planned</source>
      <translation>未安排</translation>
    </message>
    <message>
      <location filename="planning_tables.py" line="73" />
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="248" />
      <source>Nothing is written yet. Every problem is listed with its row as the spreadsheet numbers it.</source>
      <translation>此时尚未写入任何数据。每个问题都按表格中的行号列出。</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="371" />
      <source>Nothing to import: every record is already up to date.</source>
      <translation>无需导入：所有记录都已是最新。</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="389" />
      <source>Nothing to print for this choice.</source>
      <translation>所选范围内没有可打印的内容。</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="369" />
      <source>Nothing was imported: the file has problems.</source>
      <translation>未导入任何数据：文件中有错误。</translation>
    </message>
    <message>
      <location filename="dispatch_settings_dialog.py" line="231" />
      <source>Nothing was saved: correct the fields marked in red.</source>
      <translation>未保存任何设置：请改正红字标出的项目。</translation>
    </message>
    <message>
      <location filename="record_page.py" line="45" />
      <source>Of the visit on {name}</source>
      <translation>{name} 的服务记录</translation>
    </message>
    <message>
      <location filename="dispatch_settings_dialog.py" line="46" />
      <source>Off (work offline)</source>
      <translation>关闭（离线工作）</translation>
    </message>
    <message>
      <location filename="messages.py" line="12" />
      <source>OK</source>
      <translation>确定</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="46" />
      <source>on track</source>
      <translation>正常</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="187" />
      <source>Only one month</source>
      <translation>只含一个月</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="88" />
      <source>Only records dated between</source>
      <translation>只导出日期在此范围内的记录</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="147" />
      <source>Open</source>
      <translation>未办结</translation>
    </message>
    <message>
      <location filename="actions.py" line="226" />
      <source>Open a database first.</source>
      <translation>请先打开一个数据库。</translation>
    </message>
    <message>
      <location filename="follow_ups_page.py" line="37" />
      <source>Open and closed</source>
      <translation>全部（含已办结）</translation>
    </message>
    <message>
      <location filename="actions.py" line="177" />
      <source>Open database</source>
      <translation>打开数据库</translation>
    </message>
    <message>
      <location filename="about.py" line="28" />
      <source>Open database: {path}</source>
      <translation>当前数据库：{path}</translation>
    </message>
    <message>
      <location filename="main_window.py" line="314" />
      <source>Open it read-only?</source>
      <translation>以只读方式打开查看？</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="486" />
      <source>Open items flagged for bureau coordination: {n:,} (showing {shown:,})</source>
      <translation>需市局协调的未办结事项：{n:,} 条（显示 {shown:,} 条）</translation>
    </message>
    <message>
      <location filename="map_page.py" line="205" />
      <source>Open record</source>
      <translation>打开记录</translation>
    </message>
    <message>
      <location filename="actions.py" line="120" />
      <source>Open the &amp;data folder</source>
      <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
      <location filename="actions.py" line="60" />
      <source>Open the &amp;demo database</source>
      <translation>打开演示数据库(&amp;D)</translation>
    </message>
    <message>
      <location filename="record_form_layout.py" line="54" />
      <source>Open the existing record</source>
      <translation>打开已有记录</translation>
    </message>
    <message>
      <location filename="map_page.py" line="207" />
      <source>Open the selected record (double-click, Enter)</source>
      <translation>打开选中的记录（双击或回车）</translation>
    </message>
    <message>
      <location filename="follow_ups_page.py" line="85" />
      <source>Open the visit</source>
      <translation>打开服务记录</translation>
    </message>
    <message>
      <location filename="follow_ups_page.py" line="102" />
      <source>Open: {open} · overdue: {overdue} · due within 7 days: {soon} · need bureau coordination: {flagged}</source>
      <translation>未办结 {open} 项 · 已逾期 {overdue} 项 · 7天内到期 {soon} 项 · 需科技局协调 {flagged} 项</translation>
    </message>
    <message>
      <location filename="main_window.py" line="263" />
      <source>Opening the database…</source>
      <translation>正在打开数据库…</translation>
    </message>
    <message>
      <location filename="team_base_section.py" line="82" />
      <source>Or a point</source>
      <translation>或填坐标</translation>
    </message>
    <message>
      <location filename="map_page.py" line="432" />
      <source>Ordering the day…</source>
      <translation>正在排定行程…</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="148" />
      <source>Overdue</source>
      <translation>已逾期</translation>
    </message>
    <message>
      <location filename="headers.py" line="35" />
      <source>Owner</source>
      <translation>责任人</translation>
    </message>
    <message>
      <location filename="pdf_preview.py" line="222" />
      <source>Page {x} / {y}</source>
      <translation>第 {x} / {y} 页</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="678" />
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <location filename="about.py" line="73" />
      <source>Pinyin search keys come from a table made from pypinyin's dictionaries (MIT), shipped in resources/pinyin with its licence.</source>
      <translation>拼音检索码取自根据 pypinyin 词典（MIT 许可）生成的对照表，随程序附于 resources/pinyin，并附其许可证。</translation>
    </message>
    <message>
      <location filename="suggest_actions.py" line="70" />
      <source>Plan the visit</source>
      <translation>安排入企服务</translation>
    </message>
    <message>
      <location filename="assign_dialog.py" line="30" />
      <source>Plan visits to {n} enterprises.</source>
      <translation>为 {n} 家企业安排走访。</translation>
    </message>
    <message>
      <location filename="planning_tables.py" line="51" />
      <source>Planned</source>
      <translation>计划中</translation>
    </message>
    <message>
      <location filename="suggest_actions.py" line="60" />
      <source>Planned a visit by {name} on {day}.</source>
      <translation>已安排 {name} 于 {day} 入企服务（计划中）。</translation>
    </message>
    <message>
      <location filename="home_page.py" line="220" />
      <source>Planned visits in the next {days} days: {n}</source>
      <translation>近期计划（今后 {days} 天）：{n} 项</translation>
    </message>
    <message>
      <location filename="page_registry.py" line="34" />
      <source>Planning</source>
      <translation>规划</translation>
    </message>
    <message>
      <location filename="workers.py" line="158" />
      <source>Please wait</source>
      <translation>请稍候</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="204" />
      <source>Previous day (Alt+Left)</source>
      <translation>前一天（Alt+←）</translation>
    </message>
    <message>
      <location filename="pdf_preview.py" line="102" />
      <source>Previous page</source>
      <translation>上一页</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="94" />
      <source>Print reports</source>
      <translation>报表打印</translation>
    </message>
    <message>
      <location filename="visits_page.py" line="236" />
      <source>Print the {n} selected visits</source>
      <translation>打印所选 {n} 条服务记录</translation>
    </message>
    <message>
      <location filename="cases_page.py" line="36" />
      <source>Print this case</source>
      <translation>打印此案例</translation>
    </message>
    <message>
      <location filename="visits_page.py" line="146" />
      <source>Print this visit</source>
      <translation>打印此服务记录</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="514" />
      <source>Printing cancelled.</source>
      <translation>已取消打印。</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="513" />
      <source>Printing failed: {error}</source>
      <translation>打印失败：{error}</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="510" />
      <source>Printing…</source>
      <translation>正在打印…</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="163" />
      <source>Print…</source>
      <translation>打印…</translation>
    </message>
    <message>
      <location filename="common.py" line="47" />
      <source>Problem</source>
      <translation>错误原因</translation>
    </message>
    <message>
      <location filename="headers.py" line="30" />
      <source>Problems found</source>
      <translation>发现问题</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="354" />
      <source>Problems found: restore a backup (File menu).</source>
      <translation>发现问题：请从备份恢复（“文件”菜单）。</translation>
    </message>
    <message>
      <location filename="about.py" line="21" />
      <source>Program version: {v}</source>
      <translation>程序版本：{v}</translation>
    </message>
    <message>
      <location filename="page_registry.py" line="26" />
      <source>Progress</source>
      <translation>目标进度</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="195" />
      <source>Progress toward the targets</source>
      <translation>年度目标进度</translation>
    </message>
    <message>
      <location filename="home_page.py" line="102" />
      <source>Progress toward this year's targets</source>
      <translation>本年度目标进度</translation>
    </message>
    <message>
      <location filename="suggest_actions.py" line="70" />
      <source>Propose as tech VP</source>
      <translation>拟派为科技副总</translation>
    </message>
    <message>
      <location filename="suggestions_dialog.py" line="342" />
      <source>Proposed team ({n}): {names}</source>
      <translation>建议组队（{n} 人）：{names}</translation>
    </message>
    <message>
      <location filename="suggest_actions.py" line="51" />
      <source>Proposed {name} as tech VP (status 拟派), from {day}.</source>
      <translation>已拟派 {name} 为科技副总（状态：拟派），自 {day} 起。</translation>
    </message>
    <message>
      <location filename="headers.py" line="13" />
      <source>Qualifications</source>
      <translation>企业资质</translation>
    </message>
    <message>
      <location filename="appointment_form.py" line="63" />
      <source>Rank experts for the chosen enterprise; one click fills the expert (Ctrl+M)</source>
      <translation>为所选企业推荐专家，点一下即填入（Ctrl+M）</translation>
    </message>
    <message>
      <location filename="enterprise_form.py" line="71" />
      <source>Ranked experts for a tech VP appointment (Ctrl+M)</source>
      <translation>按专业匹配、距离和负荷推荐科技副总人选（Ctrl+M）</translation>
    </message>
    <message>
      <location filename="enterprise_form.py" line="73" />
      <source>Ranked teams and experts, and a proposed team, for a visit (Ctrl+Shift+M)</source>
      <translation>为入企服务推荐轻骑队、专家和建议组队（Ctrl+Shift+M）</translation>
    </message>
    <message>
      <location filename="suggestions_dialog.py" line="163" />
      <source>Ranking…</source>
      <translation>正在计算推荐…</translation>
    </message>
    <message>
      <location filename="actions.py" line="56" />
      <source>Recent databases</source>
      <translation>最近打开的数据库</translation>
    </message>
    <message>
      <source>Recent visits</source>
      <translation type="obsolete">最近的入企服务</translation>
    </message>
    <message>
      <location filename="home_page.py" line="138" />
      <source>Recent visits (completed)</source>
      <translation>最近的入企服务（已完成）</translation>
    </message>
    <message>
      <location filename="visits_page.py" line="134" />
      <source>Record as completed…</source>
      <translation>登记为已完成…</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="128" />
      <source>Records</source>
      <translation>指定记录</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="260" />
      <source>Records already in the database</source>
      <translation>数据库中已有的记录</translation>
    </message>
    <message>
      <location filename="record_page.py" line="42" />
      <source>Related to enterprise: {name}</source>
      <translation>企业「{name}」的相关记录</translation>
    </message>
    <message>
      <location filename="record_page.py" line="43" />
      <source>Related to expert: {name}</source>
      <translation>专家「{name}」的相关记录</translation>
    </message>
    <message>
      <location filename="record_page.py" line="44" />
      <source>Related to team: {name}</source>
      <translation>轻骑队「{name}」的相关记录</translation>
    </message>
    <message>
      <location filename="follow_up_items_editor.py" line="60" />
      <source>Remove item</source>
      <translation>删除该事项</translation>
    </message>
    <message>
      <location filename="experts_picker.py" line="39" />
      <source>Remove selected</source>
      <translation>移除选中</translation>
    </message>
    <message>
      <location filename="follow_ups_page.py" line="83" />
      <source>Reopen</source>
      <translation>重新打开</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="259" />
      <source>Replace the database with this backup?
{backup}

The current database is kept as a backup first.</source>
      <translation>用这个备份替换数据库吗？
{backup}

当前数据库会先保存为一份备份。</translation>
    </message>
    <message>
      <location filename="page_registry.py" line="36" />
      <source>Reports</source>
      <translation>报表打印</translation>
    </message>
    <message>
      <location filename="record_form.py" line="234" />
      <source>Restore</source>
      <translation>恢复</translation>
    </message>
    <message>
      <location filename="draft_keeper.py" line="42" />
      <source>Restore</source>
      <comment>unsaved input</comment>
      <translation>恢复</translation>
    </message>
    <message>
      <location filename="dispatch_settings_dialog.py" line="101" />
      <source>Restore defaults</source>
      <translation>恢复默认</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="285" />
      <source>Restore failed</source>
      <translation>恢复失败</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="247" />
      <source>Restore from a backup</source>
      <translation>从备份恢复</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="308" />
      <source>Restore the newest good backup, taken {taken}?
{backup}</source>
      <translation>从最近一次完好的备份（{taken}）恢复吗？
{backup}</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="279" />
      <source>Restored {backup}; the replaced database is kept as {kept}</source>
      <translation>已恢复 {backup}；被替换的数据库保留为 {kept}</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="291" />
      <source>Restoring the backup…</source>
      <translation>正在恢复备份…</translation>
    </message>
    <message>
      <location filename="record_form_layout.py" line="122" />
      <source>Revert</source>
      <translation>撤销修改</translation>
    </message>
    <message>
      <location filename="map_page.py" line="480" />
      <source>Route of {team} on {day}</source>
      <translation>{team} {day} 路线</translation>
    </message>
    <message>
      <location filename="common.py" line="47" />
      <source>Row</source>
      <translation>行号</translation>
    </message>
    <message>
      <location filename="dispatch_settings_dialog.py" line="106" />
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <location filename="visit_dialog_layout.py" line="160" />
      <source>Save and log another</source>
      <translation>保存并继续登记</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="104" />
      <source>Save as</source>
      <translation>保存为</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="457" />
      <source>Save as PDF</source>
      <translation>另存为 PDF</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="159" />
      <source>Save as PDF…</source>
      <translation>另存为 PDF…</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="214" />
      <source>Save the bundle</source>
      <translation>保存数据包</translation>
    </message>
    <message>
      <location filename="common.py" line="83" />
      <source>Save the error report</source>
      <translation>保存错误报告</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="276" />
      <source>Save the error report…</source>
      <translation>保存错误报告…</translation>
    </message>
    <message>
      <location filename="menu.py" line="117" />
      <source>Save the list of conflicts?</source>
      <translation>是否保存冲突清单？</translation>
    </message>
    <message>
      <location filename="main_window.py" line="476" />
      <source>Save the unsaved input before closing?</source>
      <translation>关闭前是否保存尚未保存的内容？</translation>
    </message>
    <message>
      <location filename="main_window.py" line="237" />
      <source>Save the unsaved input before opening another database?</source>
      <translation>打开其他数据库前是否保存尚未保存的内容？</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="265" />
      <source>Save the unsaved input before restoring?</source>
      <translation>恢复前是否保存未保存的输入？</translation>
    </message>
    <message>
      <location filename="visit_dialog.py" line="259" />
      <source>Saved: {name}. Log the next enterprise.</source>
      <translation>已保存：{name}。请登记下一家企业。</translation>
    </message>
    <message>
      <location filename="dispatch_settings_geocoding.py" line="48" />
      <source>Saves these settings, then looks up the addresses placed only at a town centre</source>
      <translation>先保存这些设置，再查询只定位到镇街或区县中心的地址</translation>
    </message>
    <message>
      <location filename="targets_dialog.py" line="47" />
      <source>Scope</source>
      <translation>范围</translation>
    </message>
    <message>
      <location filename="suggestions_dialog.py" line="72" />
      <source>Score</source>
      <translation>得分</translation>
    </message>
    <message>
      <location filename="actions.py" line="89" />
      <source>Se&amp;ttings…</source>
      <translation>设置(&amp;T)…</translation>
    </message>
    <message>
      <location filename="record_page.py" line="58" />
      <source>Search</source>
      <translation>搜索</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="445" />
      <source>seasonal curve</source>
      <translation>按往年季节规律</translation>
    </message>
    <message>
      <location filename="visits_page.py" line="167" />
      <source>Select a visit to see what was found and agreed.</source>
      <translation>选择一条服务记录，查看发现的问题和商定的事项。</translation>
    </message>
    <message>
      <location filename="enterprises_page.py" line="50" />
      <source>Select an enterprise first.</source>
      <translation>请先选择一家企业。</translation>
    </message>
    <message>
      <location filename="follow_ups_page.py" line="112" />
      <source>Select an item to close or reopen it.</source>
      <translation>选择一个跟进事项以办结或重新打开。</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="512" />
      <source>Sent to the printer: {n} pages.</source>
      <translation>已送打印机：{n} 页。</translation>
    </message>
    <message>
      <location filename="enterprise_form.py" line="44" />
      <source>Separate several with 、</source>
      <translation>多项请用“、”分隔</translation>
    </message>
    <message>
      <location filename="settings_dialog.py" line="23" />
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="66" />
      <source>Sheet</source>
      <translation>工作表</translation>
    </message>
    <message>
      <location filename="record_page.py" line="116" />
      <source>Show all</source>
      <translation>显示全部</translation>
    </message>
    <message>
      <location filename="record_page.py" line="94" />
      <source>Show archived</source>
      <translation>显示已归档</translation>
    </message>
    <message>
      <location filename="map_page.py" line="113" />
      <source>Show every point (0)</source>
      <translation>显示全部点位（0）</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="254" />
      <source>Show on the map</source>
      <translation>在地图上显示</translation>
    </message>
    <message>
      <location filename="map_page.py" line="151" />
      <source>Show the day's route</source>
      <translation>显示当天路线</translation>
    </message>
    <message>
      <location filename="map_page.py" line="212" />
      <source>Show the selected point with its suggestions</source>
      <translation>显示选中的点及其推荐专家</translation>
    </message>
    <message>
      <location filename="headers.py" line="12" />
      <source>Size</source>
      <translation>规模</translation>
    </message>
    <message>
      <location filename="headers.py" line="17" />
      <source>Specialties</source>
      <translation>专业领域</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="100" />
      <source>Spreadsheets (*.csv *.xlsx *.xlsm *.txt);;All files (*)</source>
      <translation>表格文件 (*.csv *.xlsx *.xlsm *.txt);;所有文件 (*)</translation>
    </message>
    <message>
      <location filename="headers.py" line="23" />
      <source>Start</source>
      <translation>开始</translation>
    </message>
    <message>
      <location filename="planning_texts.py" line="59" />
      <source>Start: {base}</source>
      <translation>出发地：{base}</translation>
    </message>
    <message>
      <location filename="team_base_section.py" line="203" />
      <source>Starts from: {base}</source>
      <translation>出发地：{base}</translation>
    </message>
    <message>
      <location filename="headers.py" line="26" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="234" />
      <source>Still needed: {fields}</source>
      <translation>还需对应：{fields}</translation>
    </message>
    <message>
      <location filename="targets_dialog.py" line="41" />
      <source>Stored in this database.</source>
      <translation>已保存在本数据库中。</translation>
    </message>
    <message>
      <location filename="suggestions_dialog.py" line="116" />
      <source>Suggest experts</source>
      <translation>推荐专家</translation>
    </message>
    <message>
      <location filename="appointment_form.py" line="60" />
      <source>Suggest experts…</source>
      <translation>推荐专家…</translation>
    </message>
    <message>
      <location filename="suggestions_dialog.py" line="116" />
      <source>Suggest teams</source>
      <translation>推荐轻骑队</translation>
    </message>
    <message>
      <location filename="visit_dialog_layout.py" line="87" />
      <source>Suggest teams and experts for this enterprise (Ctrl+M)</source>
      <translation>为该企业推荐轻骑队和专家（Ctrl+M）</translation>
    </message>
    <message>
      <location filename="enterprise_form.py" line="65" />
      <source>Suggest teams…</source>
      <translation>推荐轻骑队…</translation>
    </message>
    <message>
      <location filename="canvas.py" line="404" />
      <source>Suggested expert</source>
      <translation>推荐专家</translation>
    </message>
    <message>
      <location filename="map_page.py" line="408" />
      <source>Suggested experts</source>
      <translation>推荐专家</translation>
    </message>
    <message>
      <location filename="visit_dialog_layout.py" line="85" />
      <source>Suggest…</source>
      <translation>推荐…</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="632" />
      <source>Take off the day</source>
      <translation>从行程中取消</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="250" />
      <source>Take off the day…</source>
      <translation>从行程中取消…</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="113" />
      <source>Target</source>
      <translation>目标</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="503" />
      <source>Target line</source>
      <translation>目标进度线</translation>
    </message>
    <message>
      <location filename="targets_dialog.py" line="37" />
      <source>Targets for {year}</source>
      <translation>{year} 年度目标</translation>
    </message>
    <message>
      <location filename="assign_dialog.py" line="37" />
      <source>Team</source>
      <translation>轻骑队</translation>
    </message>
    <message>
      <location filename="teams_page.py" line="15" />
      <source>Team name or pinyin</source>
      <translation>队名或拼音</translation>
    </message>
    <message>
      <location filename="canvas.py" line="406" />
      <source>Team's day route</source>
      <translation>轻骑队当天路线</translation>
    </message>
    <message>
      <location filename="suggestions_dialog.py" line="175" />
      <source>Teams</source>
      <translation>轻骑队</translation>
    </message>
    <message>
      <location filename="suggestions_dialog.py" line="308" />
      <source>Teams ({n})</source>
      <translation>轻骑队（{n}）</translation>
    </message>
    <message>
      <location filename="about.py" line="39" />
      <source>Tech VP &amp; Light-Cavalry Dispatch Desk</source>
      <translation>科技副总与科技轻骑队调度台</translation>
    </message>
    <message>
      <location filename="map_page.py" line="105" />
      <source>Tech VP or not</source>
      <translation>有无科技副总</translation>
    </message>
    <message>
      <location filename="targets_dialog.py" line="49" />
      <source>Tech VPs</source>
      <translation>科技副总</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="234" />
      <source>Tech VPs appointed</source>
      <translation>科技副总选派</translation>
    </message>
    <message>
      <location filename="home_page.py" line="281" />
      <source>Tech VPs: {done:,} of {target:,}</source>
      <translation>科技副总：{done:,} / {target:,} 名</translation>
    </message>
    <message>
      <location filename="suggestions_dialog.py" line="154" />
      <source>Term starts</source>
      <translation>任期开始</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="52" />
      <source>The brief is not chosen by ids</source>
      <translation>简报不按编号选择</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="312" />
      <source>The database is damaged</source>
      <translation>数据库已损坏</translation>
    </message>
    <message>
      <location filename="main_window.py" line="315" />
      <source>The database is in use</source>
      <translation>数据库正在使用中</translation>
    </message>
    <message>
      <location filename="close_follow_up.py" line="45" />
      <source>The date and time of closing are recorded automatically.</source>
      <translation>办结日期和时间由系统自动记录。</translation>
    </message>
    <message>
      <location filename="crash_dialog.py" line="60" />
      <source>The details are also in the log file:</source>
      <translation>详细信息也已写入日志文件：</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="424" />
      <source>The document could not be made: {error}</source>
      <translation>无法生成文档：{error}</translation>
    </message>
    <message>
      <location filename="map_page.py" line="313" />
      <source>The map could not be loaded: {error}</source>
      <translation>地图无法加载：{error}</translation>
    </message>
    <message>
      <location filename="crash_dialog.py" line="54" />
      <source>The program met an unexpected error. Your data is safe: a change that was being saved was undone, not half-written. You can go on working; if it happens again, send the details to support.</source>
      <translation>程序遇到意外错误。数据是安全的：正在保存的修改已撤销，不会只写入一半。可以继续工作；如果再次出现，请把详细信息发给技术支持。</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="419" />
      <source>The progress could not be loaded: {error}</source>
      <translation>无法统计进度：{error}</translation>
    </message>
    <message>
      <location filename="suggestions_dialog.py" line="282" />
      <source>The suggestions could not be computed: {why}</source>
      <translation>无法计算推荐：{why}</translation>
    </message>
    <message>
      <source>The window is rebuilt in the new language at once; the open database and page are kept (save any form you are editing first).</source>
      <translation type="obsolete">切换后窗口立即以新语言重建，当前数据库和页面保持不变（正在编辑的表单请先保存）。</translation>
    </message>
    <message>
      <location filename="settings_dialog.py" line="36" />
      <source>The window is rebuilt in the new language at once; the open database and page are kept, and any unsaved input is offered back for restoring.</source>
      <translation>窗口立即以新语言重建；已打开的数据库和页面保持不变，尚未保存的内容会提示您恢复。</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="367" />
      <source>This database's scope</source>
      <translation>本库范围</translation>
    </message>
    <message>
      <location filename="suggestions_dialog.py" line="279" />
      <source>this enterprise is no longer in the database (deleted elsewhere?)</source>
      <translation>该企业已不存在于数据库中（可能已在别处删除）</translation>
    </message>
    <message>
      <location filename="pdf_preview.py" line="286" />
      <source>This page cannot be shown</source>
      <translation>此页无法显示</translation>
    </message>
    <message>
      <location filename="map_page.py" line="553" />
      <source>This record has no position on the map.</source>
      <translation>该记录在地图上没有位置。</translation>
    </message>
    <message>
      <location filename="follow_up_items_editor.py" line="84" />
      <source>This visit already has {n} follow-up items; rows typed above are added.</source>
      <translation>该服务记录已有 {n} 个跟进事项；上表中填写的将作为新增事项。</translation>
    </message>
    <message>
      <location filename="visit_dialog.py" line="281" />
      <source>This visit has not been saved. Save it now?</source>
      <translation>这条入企服务记录尚未保存。现在保存吗？</translation>
    </message>
    <message>
      <location filename="visit_dialog.py" line="200" />
      <source>This visit no longer exists (perhaps deleted in another window). Nothing was saved; what you typed is still here.</source>
      <translation>该走访记录已不存在（可能已在其他窗口中被删除）。本次未保存任何内容，已填写的内容仍保留在此。</translation>
    </message>
    <message>
      <location filename="history_dialog.py" line="124" />
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <location filename="headers.py" line="16" />
      <source>Title</source>
      <translation>职称</translation>
    </message>
    <message>
      <location filename="cases_page.py" line="21" />
      <source>Title or enterprise (name or pinyin)</source>
      <translation>案例标题或企业（名称或拼音）</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="123" />
      <source>To date</source>
      <translation>截止日期</translation>
    </message>
    <message>
      <location filename="home_page.py" line="213" />
      <source>Today is {date}</source>
      <translation>今天是 {date}</translation>
    </message>
    <message>
      <location filename="headers.py" line="29" />
      <source>Type</source>
      <translation>服务类型</translation>
    </message>
    <message>
      <location filename="appointment_form.py" line="41" />
      <source>Type a name or pinyin initials</source>
      <translation>输入姓名或拼音首字母</translation>
    </message>
    <message>
      <location filename="visit_dialog_layout.py" line="71" />
      <source>Type a name, USCC or pinyin initials</source>
      <translation>输入企业名称、信用代码或拼音首字母</translation>
    </message>
    <message>
      <location filename="follow_up_items_editor.py" line="58" />
      <source>Type into the last row to add an item; due date like 2026-07-15.</source>
      <translation>在最后一行输入即可新增事项；期限格式如 2026-07-15。</translation>
    </message>
    <message>
      <location filename="crash_dialog.py" line="51" />
      <source>Unexpected error</source>
      <translation>意外错误</translation>
    </message>
    <message>
      <location filename="visit_dialog.py" line="281" />
      <source>Unsaved input</source>
      <translation>未保存的内容</translation>
    </message>
    <message>
      <location filename="draft_keeper.py" line="52" />
      <source>Unsaved input from {time}</source>
      <translation>发现未保存的内容（{time}）</translation>
    </message>
    <message>
      <location filename="visits_page.py" line="48" />
      <source>Up to today</source>
      <translation>截至今天</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="258" />
      <source>Update them</source>
      <translation>更新</translation>
    </message>
    <message>
      <location filename="headers.py" line="9" />
      <source>USCC</source>
      <translation>统一社会信用代码</translation>
    </message>
    <message>
      <location filename="suggestions_dialog.py" line="190" />
      <source>Use this team</source>
      <translation>采用此组队</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="81" />
      <source>UTF-8 with BOM (recommended)</source>
      <translation>UTF-8 带 BOM（推荐）</translation>
    </message>
    <message>
      <location filename="common.py" line="47" />
      <source>Value</source>
      <translation>原值</translation>
    </message>
    <message>
      <location filename="actions.py" line="246" />
      <source>Version</source>
      <translation>版本</translation>
    </message>
    <message>
      <location filename="suggestions_dialog.py" line="154" />
      <source>Visit date</source>
      <translation>服务日期</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="49" />
      <source>Visit ids, separated by commas (empty: the period)</source>
      <translation>服务记录编号，逗号分隔（留空：按时段）</translation>
    </message>
    <message>
      <location filename="enterprise_form.py" line="50" />
      <source>Visits</source>
      <translation>入企服务</translation>
    </message>
    <message>
      <source>Visits (家次)</source>
      <translation type="obsolete">入企服务（家次）</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="500" />
      <source>Visits per month</source>
      <translation>每月服务家次</translation>
    </message>
    <message>
      <location filename="home_page.py" line="278" />
      <source>Visits: {done:,} of {target:,}</source>
      <translation>入企服务：{done:,} / {target:,} 家次</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="138" />
      <source>VP target</source>
      <translation>副总目标</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="171" />
      <source>Warnings from the layout</source>
      <translation>排版提示</translation>
    </message>
    <message>
      <location filename="app.py" line="159" />
      <source>Welcome</source>
      <translation>欢迎</translation>
    </message>
    <message>
      <location filename="coordinates.py" line="28" />
      <source>WGS-84 (GPS, OpenStreetMap)</source>
      <translation>WGS-84（GPS、OpenStreetMap）</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="226" />
      <source>What counts toward the targets (F1)</source>
      <translation>哪些计入目标（F1）</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="54" />
      <source>What the file holds</source>
      <translation>文件内容</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="75" />
      <source>What to export</source>
      <translation>导出内容</translation>
    </message>
    <message>
      <location filename="planning_tables.py" line="92" />
      <source>Where</source>
      <translation>插入位置</translation>
    </message>
    <message>
      <location filename="visit_dialog_layout.py" line="167" />
      <source>Who changed this record, when, and what (Ctrl+H)</source>
      <translation>谁在何时修改了这条记录、改了什么（Ctrl+H）</translation>
    </message>
    <message>
      <location filename="targets_dialog.py" line="51" />
      <source>Whole city</source>
      <translation>全市</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="185" />
      <source>Whole database</source>
      <translation>整个数据库</translation>
    </message>
    <message>
      <location filename="map_page.py" line="113" />
      <source>Whole map</source>
      <translation>全图</translation>
    </message>
    <message>
      <location filename="planning_tables.py" line="47" />
      <source>Why a visit</source>
      <translation>待访原因</translation>
    </message>
    <message>
      <location filename="suggestions_dialog.py" line="74" />
      <source>Why suggested</source>
      <translation>推荐理由</translation>
    </message>
    <message>
      <location filename="page_registry.py" line="25" />
      <source>Workbench</source>
      <translation>工作台</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="690" />
      <source>Writing the schedule…</source>
      <translation>正在写出行程…</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="602" />
      <source>Written: {path}</source>
      <translation>已写入：{path}</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="626" />
      <source>Written: {path} ({n} rows)</source>
      <translation>已写入：{path}（{n} 行）</translation>
    </message>
    <message>
      <location filename="headers.py" line="31" />
      <source>Year</source>
      <translation>年度</translation>
    </message>
    <message>
      <location filename="history_dialog.py" line="59" />
      <source>Yes</source>
      <translation>是</translation>
    </message>
    <message>
      <location filename="settings_dialog.py" line="47" />
      <source>Your name</source>
      <translation>您的姓名</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="214" />
      <source>Zip files (*.zip)</source>
      <translation>Zip 压缩包 (*.zip)</translation>
    </message>
    <message>
      <location filename="pdf_preview.py" line="122" />
      <source>Zoom</source>
      <translation>缩放</translation>
    </message>
    <message>
      <location filename="map_page.py" line="112" />
      <source>Zoom in (+)</source>
      <translation>放大（+）</translation>
    </message>
    <message>
      <location filename="map_page.py" line="111" />
      <source>Zoom out (−)</source>
      <translation>缩小（−）</translation>
    </message>
    <message>
      <location filename="map_page.py" line="210" />
      <source>Zoom to the selection</source>
      <translation>缩放到所选</translation>
    </message>
    <message>
      <location filename="backup_actions.py" line="155" />
      <source>{count} records refer to records that no longer exist (tables: {tables}). Run Help → Full integrity check, or restore a backup.</source>
      <translation>有 {count} 条记录引用了已不存在的记录（数据表：{tables}）。请运行“帮助 → 完整性全面检查”，或从备份恢复。</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="449" />
      <source>{done:,} of {target:,}</source>
      <translation>{done:,} / {target:,}</translation>
    </message>
    <message>
      <location filename="map_page.py" line="300" />
      <source>{e:,} enterprises, {x:,} experts; {a:,} at their district centre</source>
      <translation>企业 {e:,} 家，专家 {x:,} 位；{a:,} 家位于区县中心（近似）</translation>
    </message>
    <message>
      <location filename="home_page.py" line="291" />
      <source>{elapsed:.0%} of the year has passed: on pace would be {expected:,} visits; {planned:,} more are planned.</source>
      <translation>全年已过 {elapsed:.0%}：按进度应完成 {expected:,} 家次；另有 {planned:,} 家次已列入计划。</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="224" />
      <source>{field} (chosen twice)</source>
      <translation>{field}（被选了两次）</translation>
    </message>
    <message>
      <location filename="history_export.py" line="44" />
      <source>{lines} lines written to {path}</source>
      <translation>已写入 {lines} 行：{path}</translation>
    </message>
    <message>
      <location filename="dispatch_settings_geocoding.py" line="71" />
      <source>{n:,} enterprises and experts are placed only at a town or district centre.</source>
      <translation>有 {n:,} 家企业和专家只定位到镇街或区县中心。</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="438" />
      <source>{n:,} enterprises need a visit</source>
      <translation>共 {n:,} 家待走访</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="440" />
      <source>{n:,} with an approximate position</source>
      <translation>{n:,} 家位置为近似</translation>
    </message>
    <message>
      <location filename="overlays.py" line="43" />
      <source>{name} · {n} at the centre</source>
      <translation>{name} · 中心 {n} 处（近似）</translation>
    </message>
    <message>
      <location filename="suggestions_dialog.py" line="312" />
      <source>{n} considered</source>
      <translation>共比较 {n} 个候选</translation>
    </message>
    <message>
      <location filename="planning_texts.py" line="51" />
      <source>{n} enterprises needing a visit lie within a {km:g} km detour</source>
      <translation>{n} 家待走访企业绕行不超过 {km:g} 公里</translation>
    </message>
    <message>
      <location filename="record_page.py" line="309" />
      <source>{n} matches</source>
      <translation>共 {n} 条</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="456" />
      <source>{n} proposed (pipeline)</source>
      <translation>另有拟派 {n} 名</translation>
    </message>
    <message>
      <location filename="export_dialog.py" line="170" />
      <source>{n} rows exported to {path}</source>
      <translation>已导出 {n} 行到 {path}</translation>
    </message>
    <message>
      <location filename="planning_texts.py" line="65" />
      <source>{n} stops · {km:.1f} km straight-line · leave {leave}, back about {back} ({time})</source>
      <translation>共 {n} 家 · 直线 {km:.1f} 公里 · {leave} 出发，约 {back} 返回（{time}）</translation>
    </message>
    <message>
      <location filename="map_page.py" line="470" />
      <source>{n} stops · {km:.1f} km · about {h:.1f} h (entered order {entered:.1f} km)</source>
      <translation>{n} 站 · {km:.1f} km · 约 {h:.1f} 小时（按录入顺序 {entered:.1f} km）</translation>
    </message>
    <message>
      <location filename="planning_page.py" line="505" />
      <source>{n} visits planned for {team} on {date}</source>
      <translation>已为{team}安排 {date} 走访 {n} 次</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="520" />
      <source>{ratio} done · expected by today {expected} · &lt;b style='color:{colour}'&gt;{status}&lt;/b&gt;</source>
      <translation>已完成 {ratio} · 按进度应完成 {expected} · &lt;b style='color:{colour}'&gt;{status}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="307" />
      <source>{rows} rows read, no problems: {added} new, {updated} updated, {unchanged} unchanged, {skipped} left as they are.</source>
      <translation>读取 {rows} 行，没有问题：将新增 {added} 条，更新 {updated} 条，未变 {unchanged} 条，保留原样 {skipped} 条。</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="302" />
      <source>{rows} rows read: {bad} rows have {n} problems; {ok} would be imported with “skip”.</source>
      <translation>读取 {rows} 行：{bad} 行共有 {n} 个问题；若选择跳过，可导入 {ok} 条。</translation>
    </message>
    <message>
      <location filename="dashboard_page.py" line="441" />
      <source>{scope}, as of {date}; {share} of the year's target expected ({curve})</source>
      <translation>{scope}，截至 {date}；按进度应完成全年目标的 {share}（{curve}）</translation>
    </message>
    <message>
      <location filename="import_wizard.py" line="130" />
      <source>{source}; header in row {row}, {n} columns</source>
      <translation>{source}；表头在第 {row} 行，共 {n} 列</translation>
    </message>
    <message>
      <location filename="map_page.py" line="460" />
      <source>{team} has no visits on {day}.</source>
      <translation>{team} 在 {day} 没有走访。</translation>
    </message>
    <message>
      <location filename="reports_page.py" line="392" />
      <source>{title}: {n} pages. Save it as a PDF (Ctrl+S) or print it (Ctrl+P).</source>
      <translation>{title}：共 {n} 页。可另存为 PDF（Ctrl+S）或打印（Ctrl+P）。</translation>
    </message>
  </context>
</TS>
