"""The bureau's column template per record kind, and matching a file's headers to it.

Each kind lists its columns in export order: the template's Chinese headers first (see the
exchange template document), then a few extra columns the program keeps (企业确认人, 工作职责),
then the merge columns every kind shares:

- 记录编号 (``id``): the record's stable UUID; the bureau merges by it.
- 更新时间 (``updated_at``): last edit, UTC ISO-8601 with microseconds; newer replaces older.
- 区县代码 (``district_adcode``): the 6-digit code of the district the record belongs to (for a
  visit: the enterprise's district when visited, which is what progress counts by).
- 归档时间 (``archived_at``): for kinds that are archived rather than deleted.

An import accepts the Chinese header, the English one, the field name itself and a few obvious
synonyms, in any order and case, ignoring spaces, full-width forms and a trailing ``*``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.text import normalize_text


@dataclass(frozen=True)
class Column:
    field: str  # key in the row dict handed to the checks
    zh: str  # template header (what the export writes)
    en: str  # English header
    aliases: tuple[str, ...] = ()
    required: bool = False  # the column must be present in an imported file
    merge: bool = False  # one of the merge columns


@dataclass(frozen=True)
class KindSpec:
    name: str  # CLI name: enterprises, experts ...
    zh: str
    en: str
    columns: tuple[Column, ...]
    importable: bool = True
    # Fields whose columns may be missing only together with another (at least one of them).
    one_of: tuple[str, ...] = field(default=())

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.field == name:
                return c
        raise KeyError(name)

    @property
    def headers(self) -> list[str]:
        return [c.zh for c in self.columns]

    @property
    def table(self) -> str:
        """The table holding this kind: each kind is stored under its own name."""
        from ..store.rows import TABLES

        if self.name not in TABLES.values():
            raise KeyError(f"no table for kind {self.name}")
        return self.name


def _merge(archivable: bool) -> tuple[Column, ...]:
    cols = [
        Column("id", "记录编号", "Record ID", ("record id", "uuid", "编号"), merge=True),
        Column("updated_at", "更新时间", "Updated at", ("updated", "last updated"), merge=True),
        Column("district_adcode", "区县代码", "District code", ("adcode",), merge=True),
    ]
    if archivable:
        cols.append(Column("archived_at", "归档时间", "Archived at", ("archived",), merge=True))
    return tuple(cols)


_LON = Column("lon", "经度", "Longitude", ("lng", "long", "x"))
_LAT = Column("lat", "纬度", "Latitude", ("y",))
_USCC = Column(
    "uscc",
    "统一社会信用代码",
    "USCC",
    ("unified social credit code", "credit code", "信用代码", "社会信用代码", "企业代码"),
    required=True,
)
_ENTERPRISE_NAME = Column(
    "enterprise_name", "企业名称", "Enterprise name", ("company", "company name", "企业")
)

ENTERPRISES = KindSpec(
    "enterprises",
    "企业名录",
    "Enterprises",
    (
        _USCC,
        Column("name", "企业名称", "Enterprise name", ("company", "company name"), required=True),
        Column("district_code", "所属区县", "District", ("county", "区县"), required=True),
        Column("town_code", "乡镇街道", "Township", ("town", "street", "乡镇", "街道")),
        Column("address", "详细地址", "Address", ("地址",)),
        Column("industry", "所属行业", "Industry", ("行业",)),
        Column("size", "企业规模", "Size", ("规模",)),
        Column("qualifications", "企业资质", "Qualifications", ("资质",)),
        Column("contact_name", "联系人", "Contact person", ("contact",)),
        Column("contact_phone", "联系电话", "Contact phone", ("phone", "tel", "电话")),
        Column("tech_needs", "技术需求", "Technical needs", ("needs", "需求")),
        _LON,
        _LAT,
        *_merge(True),
    ),
)

EXPERTS = KindSpec(
    "experts",
    "专家库",
    "Experts",
    (
        Column("name", "姓名", "Name", ("expert", "专家姓名"), required=True),
        Column("institution", "工作单位", "Institution", ("单位", "organisation"), required=True),
        Column("title", "职称", "Title", ("职务",)),
        Column("specialties", "专业领域", "Specialties", ("专业", "领域"), required=True),
        Column("phone", "联系电话", "Phone", ("tel", "电话", "手机")),
        Column("district_code", "所在区县", "District", ("所属区县", "区县", "county")),
        Column("address", "常驻地址", "Base address", ("address", "地址")),
        _LON,
        _LAT,
        Column("can_be_vp", "可任科技副总", "Can serve as tech VP", ("tech vp", "科技副总")),
        Column("teams", "所属轻骑队", "Teams", ("team", "轻骑队")),
        *_merge(True),
    ),
)

TEAMS = KindSpec(
    "teams",
    "科技轻骑队",
    "Teams",
    (
        Column("name", "队伍名称", "Team name", ("team", "轻骑队", "名称"), required=True),
        Column("district_code", "所属区县", "District", ("区县", "county")),
        Column("industry", "服务行业", "Industry", ("行业",)),
        # Informational: leadership is set by the experts file (所属轻骑队 …（队长）).
        Column("leader", "队长", "Team leader", ("leader",)),
        *_merge(True),
    ),
)

APPOINTMENTS = KindSpec(
    "appointments",
    "科技副总选派",
    "Appointments",
    (
        Column("expert_name", "专家姓名", "Expert name", ("姓名", "expert"), required=True),
        Column(
            "expert_institution",
            "专家工作单位",
            "Expert institution",
            ("工作单位", "institution"),
            required=True,
        ),
        _USCC,
        _ENTERPRISE_NAME,
        Column("start_date", "开始日期", "Start date", ("start", "起始日期"), required=True),
        Column("end_date", "结束日期", "End date", ("end", "截止日期"), required=True),
        Column("batch_year", "批次年度", "Batch year", ("batch", "年度"), required=True),
        Column("status", "状态", "Status"),
        Column("duties", "工作职责", "Duties"),
        *_merge(False),
    ),
)

VISITS = KindSpec(
    "visits",
    "入企服务记录",
    "Visits",
    (
        Column("visit_date", "服务日期", "Visit date", ("date", "日期"), required=True),
        _USCC,
        _ENTERPRISE_NAME,
        Column("team", "服务队伍", "Team", ("轻骑队", "队伍")),
        Column("experts", "服务专家", "Experts", ("expert", "专家")),
        Column("visit_type", "服务类型", "Visit type", ("type", "类型")),
        Column("problems", "发现问题", "Problems found", ("problems", "问题")),
        Column("advice", "对策建议", "Advice", ("建议",)),
        Column("follow_up_text", "跟进事项", "Follow-up items", ("follow-up", "follow up")),
        Column("outcome", "服务成效", "Outcome", ("成效",)),
        Column("status", "状态", "Status"),
        Column("confirmed_by", "企业确认人", "Confirmed by", ("确认人",)),
        *_merge(False),
    ),
    one_of=("team", "experts"),
)

# A visit's follow-up items as records of their own, so the bureau can close them: they merge by
# 记录编号 + 更新时间 like every kind, and the visit's 跟进事项 cell still summarises them for
# people reading the sheet (see follow_ups.py for which of the two wins).
FOLLOW_UPS = KindSpec(
    "follow_ups",
    "跟进事项",
    "Follow-up items",
    (
        Column(
            "visit_id", "服务记录编号", "Visit ID", ("visit", "visit id", "服务记录"), required=True
        ),
        # Informational, for people reading the sheet: not read back (the visit decides).
        Column("visit_date", "服务日期", "Visit date", ("date",)),
        _ENTERPRISE_NAME,
        Column("description", "跟进内容", "Content", ("content", "内容", "事项"), required=True),
        Column("owner", "责任人", "Owner", ("responsible", "负责人")),
        Column("due_date", "办理期限", "Due date", ("due", "期限", "截止日期")),
        Column(
            "needs_coordination",
            "需协调",
            "Needs coordination",
            ("coordination", "需要协调"),
        ),
        Column("closed_at", "办结时间", "Closed at", ("closed",)),
        Column("closed_by", "办结人", "Closed by"),
        Column("resolution", "办结情况", "Resolution", ("办结说明",)),
        Column("created_at", "登记时间", "Created at", ("created",)),
        *_merge(False),
    ),
)

CASES = KindSpec(
    "cases",
    "典型案例",
    "Cases",
    (
        Column("title", "案例标题", "Case title", ("title", "标题"), required=True),
        _USCC,
        _ENTERPRISE_NAME,
        Column("district_code", "所属区县", "District", ("区县",)),
        Column("industry", "所属行业", "Industry", ("行业",)),
        Column("year", "年度", "Year", required=True),
        Column("background", "背景", "Background"),
        Column("measures", "主要做法", "Measures"),
        Column("results", "取得成效", "Results"),
        Column("output_value_wan", "新增产值（万元）", "New output value (10k yuan)"),
        Column("cost_saved_wan", "节约成本（万元）", "Cost saved (10k yuan)"),
        Column("patents", "专利数", "Patents"),
        Column("new_products", "新产品数", "New products"),
        Column("approved", "已审定", "Approved"),
        Column("approved_at", "审定时间", "Approved at"),
        Column("appointment_id", "关联选派编号", "Appointment ID"),
        *_merge(True),
    ),
)

SPECS: dict[str, KindSpec] = {
    s.name: s for s in (ENTERPRISES, TEAMS, EXPERTS, APPOINTMENTS, VISITS, FOLLOW_UPS, CASES)
}
# The order an empty database must receive files in (each refers to the ones before it).
DEPENDENCY_ORDER = (
    "enterprises",
    "teams",
    "experts",
    "appointments",
    "visits",
    "follow_ups",
    "cases",
)


def header_key(text: object) -> str:
    """Comparison form of a header: normalised, no spaces/underscores, lower, no ``*``."""
    key = normalize_text(text).lower().replace(" ", "").replace("_", "").replace("-", "")
    return key.strip("*")


def _keys(spec: KindSpec) -> dict[str, str]:
    keys: dict[str, str] = {}
    for col in spec.columns:
        for name in (col.zh, col.en, col.field, *col.aliases):
            keys.setdefault(header_key(name), col.field)
    # A header written exactly as a column's own name wins over another column's alias.
    for col in spec.columns:
        for name in (col.zh, col.en, col.field):
            keys[header_key(name)] = col.field
    return keys


@dataclass
class HeaderMatch:
    """Which file column feeds which field, and what could not be matched."""

    fields: dict[int, str]  # column index → field
    unknown: list[str]  # headers matching no column (reported, not fatal)
    duplicated: list[tuple[str, str]]  # (header, field) seen twice: ambiguous, fatal
    missing: list[Column]  # required columns absent: fatal

    def header_of(self, headers: list[str], field: str) -> str:
        for index, f in self.fields.items():
            if f == field:
                return headers[index]
        return field


def match_headers(spec: KindSpec, headers: list[str]) -> HeaderMatch:
    keys = _keys(spec)
    fields: dict[int, str] = {}
    unknown: list[str] = []
    duplicated: list[tuple[str, str]] = []
    seen: set[str] = set()
    for index, header in enumerate(headers):
        key = header_key(header)
        if not key:
            continue
        f = keys.get(key)
        if f is None:
            unknown.append(normalize_text(header))
        elif f in seen:
            duplicated.append((normalize_text(header), f))
        else:
            seen.add(f)
            fields[index] = f
    missing = [c for c in spec.columns if c.required and c.field not in seen]
    return HeaderMatch(fields, unknown, duplicated, missing)
