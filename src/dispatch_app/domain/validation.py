"""Record-level validation: raw values in (form fields, CSV cells), clean records out.

Every field is checked and *every* problem is reported at once (ValidationError.problems):
a coordinator fixing a 500-row import should not discover errors one at a time. Messages are
Chinese first, for civil servants, and carry the field's label so they read well out of context
(in the import error report, one line per problem).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, TypeVar

from .choices import (
    APPOINTMENT_STATUS,
    CITY_SCOPE,
    ENTERPRISE_SIZE,
    FOLLOW_UP_STATUS,
    VISIT_STATUS,
    VISIT_TYPE,
    Vocabulary,
)
from .dates import parse_date, parse_year
from .geography import check_coordinates, load_gazetteer, parse_degree
from .phone import parse_phone
from .problems import FieldProblem, InvalidValue, ValidationError
from .records import (
    Appointment,
    Case,
    Enterprise,
    Expert,
    FollowUp,
    Record,
    Target,
    Team,
    Visit,
)
from .text import normalize_multiline, normalize_text, normalize_token, split_multi
from .uscc import parse_uscc

NAME_MAX = 100
PERSON_MAX = 50
ADDRESS_MAX = 200
SHORT_MAX = 100
FREE_TEXT_MAX = 4000

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "uscc": ("统一社会信用代码", "Unified social credit code"),
    "name": ("名称", "Name"),
    "district_code": ("所属区县", "District"),
    "town_code": ("乡镇街道", "Township"),
    "address": ("详细地址", "Address"),
    "industry": ("所属行业", "Industry"),
    "size": ("企业规模", "Size"),
    "qualifications": ("企业资质", "Qualifications"),
    "contact_name": ("联系人", "Contact person"),
    "contact_phone": ("联系电话", "Contact phone"),
    "tech_needs": ("技术需求", "Technical needs"),
    "lat": ("纬度", "Latitude"),
    "lon": ("经度", "Longitude"),
    "coord_datum": ("坐标系", "Datum"),
    "institution": ("工作单位", "Institution"),
    "title": ("职称", "Title"),
    "specialties": ("专业领域", "Specialties"),
    "phone": ("联系电话", "Phone"),
    "can_be_vp": ("可任科技副总", "Can serve as tech VP"),
    "leader_id": ("队长", "Team leader"),
    "expert_id": ("专家", "Expert"),
    "enterprise_id": ("企业", "Enterprise"),
    "start_date": ("开始日期", "Start date"),
    "end_date": ("结束日期", "End date"),
    "batch_year": ("批次年度", "Batch year"),
    "status": ("状态", "Status"),
    "duties": ("工作职责", "Duties"),
    "team_id": ("服务队伍", "Team"),
    "expert_ids": ("服务专家", "Experts"),
    "visit_date": ("服务日期", "Visit date"),
    "visit_type": ("服务类型", "Visit type"),
    "problems": ("发现问题", "Problems found"),
    "advice": ("对策建议", "Advice"),
    "follow_up_text": ("跟进事项", "Follow-up items"),
    "outcome": ("服务成效", "Outcome"),
    "confirmed_by": ("企业确认人", "Confirmed by"),
    "visit_id": ("服务记录", "Visit"),
    "description": ("事项内容", "Description"),
    "owner": ("责任人", "Owner"),
    "due_date": ("办结期限", "Due date"),
    "needs_coordination": ("需协调解决", "Needs coordination"),
    "resolution": ("办理结果", "Resolution"),
    "closed_by": ("办结人", "Closed by"),
    "appointment_id": ("科技副总选派", "Appointment"),
    "year": ("年度", "Year"),
    "background": ("背景", "Background"),
    "measures": ("主要做法", "Measures"),
    "results": ("取得成效", "Results"),
    "output_value_wan": ("新增产值（万元）", "New output value (10k yuan)"),
    "cost_saved_wan": ("节约成本（万元）", "Cost saved (10k yuan)"),
    "patents": ("专利数", "Patents"),
    "new_products": ("新产品数", "New products"),
    "approved": ("已审定", "Approved"),
    "scope": ("范围", "Scope"),
    "visits_target": ("入企服务目标（家次）", "Visits target"),
    "appointments_target": ("科技副总选派目标（名）", "Appointments target"),
}

# Where the same attribute means something different per record (all the "name"s).
RECORD_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "enterprise": {"name": ("企业名称", "Enterprise name")},
    "expert": {
        "name": ("姓名", "Name"),
        "district_code": ("所在区县", "District"),
        "address": ("常驻地址", "Base address"),
    },
    "team": {
        "name": ("队伍名称", "Team name"),
        "industry": ("服务行业", "Industry"),
        # The base (planning.team_base): not fields of the Team record, named in its history.
        "base_lat": ("驻地纬度", "Base latitude"),
        "base_lon": ("驻地经度", "Base longitude"),
        "base_label": ("驻地名称", "Base name"),
    },
    "case": {"title": ("案例标题", "Case title")},
}


def field_label(field: str, record: str | None = None) -> tuple[str, str]:
    """``(zh, en)`` label of a field, specific to the record kind when it matters."""
    specific = RECORD_LABELS.get(record or "", {}).get(field)
    return specific or FIELD_LABELS.get(field, (field, field))


_TRUE = {"是", "y", "yes", "true", "t", "1", "√", "✓", "可", "可以", "能"}
_FALSE = {"否", "n", "no", "false", "f", "0", "×", "✗", "不可", "不能", "不"}


def parse_bool(raw: object) -> bool:
    """是/否, yes/no, true/false, 1/0 (and a real bool); empty is False."""
    if isinstance(raw, bool):
        return raw
    if raw is None:
        return False
    if isinstance(raw, int | float) and raw in (0, 1):
        return bool(raw)
    text = normalize_token(raw).lower()
    if text == "":
        return False
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise InvalidValue(f"「{text}」应为“是”或“否”", f"'{text}' must be yes or no")


_UNIT_SUFFIX = re.compile(r"(?:万元|万|项|件|个|种)$")


def parse_non_negative(raw: object, *, integer: bool = False) -> float | int:
    """A number ≥ 0 (``1,234.5``, ``120万元``, ``3项`` allowed); ``integer`` refuses fractions."""
    if isinstance(raw, bool):
        raise InvalidValue("应为数字", "must be a number")
    if isinstance(raw, int | float):
        value = float(raw)
    else:
        text = _UNIT_SUFFIX.sub("", normalize_token(raw).replace(",", "").replace(" ", ""))
        try:
            value = float(text)
        except ValueError:
            raise InvalidValue(
                f"「{normalize_text(raw)}」不是数字", f"'{normalize_text(raw)}' is not a number"
            ) from None
    if not math.isfinite(value):
        raise InvalidValue(f"「{raw}」不是有效数字", f"'{raw}' is not a valid number")
    if value < 0:
        raise InvalidValue(f"「{raw}」不能为负数", f"'{raw}' must not be negative")
    if integer:
        if not value.is_integer():
            raise InvalidValue(f"「{raw}」应为整数", f"'{raw}' must be a whole number")
        return int(value)
    return value


def _blank(value: object) -> bool:
    if value.__class__ is str:  # nearly every call: a cell's text
        return not value or not normalize_text(value)
    if value is None:
        return True
    if isinstance(value, str):
        return not normalize_text(value)
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, tuple | list | set | frozenset):
        return not any(not _blank(v) for v in value)
    return False


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple | list | set | frozenset):
        return "、".join(normalize_text(v) for v in value)
    return normalize_text(value)


def _text(limit: int, *, multiline: bool = False) -> Callable[[object], str]:
    def parse(raw: object) -> str:
        text = normalize_multiline(raw) if multiline else normalize_text(raw)
        if len(text) > limit:
            raise InvalidValue(
                f"不能超过{limit}个字（现有{len(text)}个字）",
                f"must be at most {limit} characters (has {len(text)})",
            )
        return text

    return parse


def _vocab(vocab: Vocabulary) -> Callable[[object], str]:
    return lambda raw: vocab.from_label(normalize_token(raw))


def _ident(raw: object) -> str:
    return normalize_text(raw)


def _iso(raw: object) -> str:
    return parse_date(raw).isoformat()


def _district(notes: list[str] | None) -> Callable[[object], str]:
    def parse(raw: object) -> str:
        district, note = load_gazetteer().resolve_district_note(raw)
        if note and notes is not None:
            notes.append(note)
        return district.adcode

    return parse


def _town(adcode: str, notes: list[str] | None) -> Callable[[object], str]:
    def parse(raw: object) -> str:
        town, note = load_gazetteer().resolve_town_note(adcode, raw)
        if note and notes is not None:
            notes.append(note)
        return town.code

    return parse


R = TypeVar("R", bound=Record)


class _Checker:
    """Collects values and problems for one record; ``build`` raises if there were any."""

    def __init__(self, record: str, raw: Mapping[str, object]) -> None:
        self.record = record
        self.raw = raw
        self.values: dict[str, Any] = {}
        self.problems: list[FieldProblem] = []

    def problem(self, field: str, zh: str, en: str, value: object = "") -> None:
        lzh, len_ = field_label(field, self.record)
        if not zh.startswith(lzh):
            zh = f"{lzh}：{zh}"
        if not en.lower().startswith(len_.lower()):
            en = f"{len_}: {en}"
        self.problems.append(FieldProblem(field, zh, en, _shown(value)))

    def take(
        self,
        field: str,
        parse: Callable[[object], Any],
        *,
        required: bool = False,
        default: Any = None,
        store: bool = True,
    ) -> Any:
        """Parse ``raw[field]``; blank gives ``default`` (or a problem when required)."""
        raw = self.raw.get(field)
        value = default
        blank = _blank(raw)
        if not blank:
            try:
                value = parse(raw)
            except InvalidValue as e:
                self.problem(field, e.zh, e.en, raw)
                value = default
                required = False  # one problem per field is enough
        empty = blank or (isinstance(value, str | tuple) and not value)
        if required and empty:
            lzh, len_ = field_label(field, self.record)
            self.problem(field, f"{lzh}不能为空", f"{len_} is required", raw)
        if store:
            self.values[field] = value
        return value

    def coordinates(self) -> None:
        lat_raw, lon_raw = self.raw.get("lat"), self.raw.get("lon")
        self.values["lat"] = self.values["lon"] = None
        if _blank(lat_raw) and _blank(lon_raw):
            return
        for field, raw, other in (("lat", lat_raw, lon_raw), ("lon", lon_raw, lat_raw)):
            if _blank(raw):
                self.problem(
                    field,
                    "经度和纬度须同时填写或同时留空",
                    "give both latitude and longitude, or neither",
                    other,
                )
                return
        lat = self.take("lat", lambda v: parse_degree(v, "纬度", "Latitude"), store=False)
        lon = self.take("lon", lambda v: parse_degree(v, "经度", "Longitude"), store=False)
        if lat is None or lon is None:
            return
        try:
            self.values["lat"], self.values["lon"] = check_coordinates(lat, lon)
        except InvalidValue as e:
            self.problem("lat", e.zh, e.en, f"{lat_raw}, {lon_raw}")

    def locate(self) -> None:
        """Give the record a point: the one given (``exact``), else the offline gazetteer's.

        A point that the gazetteer found earlier (precision town/district) is found again, so
        an edited address moves it; a point a person gave is kept. Runs after ``coordinates``.
        """
        if self.problems:
            return
        from ..geo.fill import locate_values  # geo builds on domain: imported when used

        locate_values(self.values, self.raw)

    def build(self, cls: type[R]) -> R:
        if self.problems:
            raise ValidationError(self.problems)
        meta = {}
        for key in ("id", "created_at", "updated_at"):
            value = self.raw.get(key)
            if not _blank(value):
                meta[key] = normalize_text(value)
        return cls(**meta, **self.values)

    def keep(self, *fields: str) -> None:
        """Copy bookkeeping fields (archived_at, closed_at …) through unchanged."""
        for field in fields:
            value = self.raw.get(field)
            self.values[field] = None if _blank(value) else normalize_text(value)


def clean_enterprise(raw: Mapping[str, object], notes: list[str] | None = None) -> Enterprise:
    """A valid Enterprise, or ValidationError listing every problem.

    ``notes`` (if given) receives a line per silently-mapped legacy district code/name.
    """
    c = _Checker("enterprise", raw)
    c.take("uscc", parse_uscc, required=True, default="")
    c.take("name", _text(NAME_MAX), required=True, default="")
    adcode = c.take("district_code", _district(notes), required=True, default="")
    if adcode:
        c.take("town_code", _town(adcode, notes))
    else:
        c.values["town_code"] = None
    c.take("address", _text(ADDRESS_MAX), default="")
    c.take("industry", _text(SHORT_MAX), default="")
    c.take("size", _vocab(ENTERPRISE_SIZE), default="")
    c.take("qualifications", _multi(SHORT_MAX), default=())
    c.take("contact_name", _text(PERSON_MAX), default="")
    c.take("contact_phone", parse_phone, default="")
    c.take("tech_needs", _text(FREE_TEXT_MAX, multiline=True), default="")
    c.coordinates()
    c.locate()
    c.keep("archived_at")
    return c.build(Enterprise)


def _multi(item_max: int) -> Callable[[object], tuple[str, ...]]:
    def parse(raw: object) -> tuple[str, ...]:
        items = split_multi(raw)
        too_long = [i for i in items if len(i) > item_max]
        if too_long:
            raise InvalidValue(
                f"「{too_long[0][:20]}…」过长，每项不能超过{item_max}个字（多项请用、分隔）",
                f"an item is longer than {item_max} characters (separate items with 、)",
            )
        return items

    return parse


def clean_expert(raw: Mapping[str, object], notes: list[str] | None = None) -> Expert:
    c = _Checker("expert", raw)
    c.take("name", _text(PERSON_MAX), required=True, default="")
    c.take("institution", _text(NAME_MAX), required=True, default="")
    c.take("title", _text(PERSON_MAX), default="")
    c.take("specialties", _multi(SHORT_MAX), required=True, default=())
    c.take("phone", parse_phone, default="")
    c.take("district_code", _district(notes))
    c.take("address", _text(ADDRESS_MAX), default="")
    c.coordinates()
    c.locate()
    c.take("can_be_vp", parse_bool, default=False)
    c.keep("archived_at")
    return c.build(Expert)


def clean_team(raw: Mapping[str, object], notes: list[str] | None = None) -> Team:
    c = _Checker("team", raw)
    c.take("name", _text(NAME_MAX), required=True, default="")
    c.take("leader_id", _ident)
    c.take("district_code", _district(notes))
    c.take("industry", _text(SHORT_MAX), default="")
    c.keep("archived_at")
    return c.build(Team)


def clean_appointment(raw: Mapping[str, object]) -> Appointment:
    c = _Checker("appointment", raw)
    c.take("expert_id", _ident, required=True, default="")
    c.take("enterprise_id", _ident, required=True, default="")
    start = c.take("start_date", _iso, required=True, default="")
    end = c.take("end_date", _iso, required=True, default="")
    if start and end and end <= start:
        c.problem(
            "end_date",
            f"结束日期（{end}）须晚于开始日期（{start}）",
            f"end date ({end}) must be after the start date ({start})",
            raw.get("end_date"),
        )
    c.take("batch_year", parse_year, required=True, default=0)
    c.take("status", _vocab(APPOINTMENT_STATUS), default="proposed")
    c.take("duties", _text(FREE_TEXT_MAX, multiline=True), default="")
    return c.build(Appointment)


def clean_visit(raw: Mapping[str, object], today: date) -> Visit:
    """A valid Visit; a *completed* visit cannot lie in the future (it counts toward targets)."""
    c = _Checker("visit", raw)
    c.take("enterprise_id", _ident, required=True, default="")
    team = c.take("team_id", _ident)
    experts = c.take("expert_ids", split_multi, default=())
    if not team and not experts:
        c.problem(
            "team_id",
            "服务队伍和服务专家至少填写一项",
            "give the team or at least one expert",
        )
    visit_date = c.take("visit_date", _iso, required=True, default="")
    status = c.take("status", _vocab(VISIT_STATUS), default="completed")
    if status == "completed" and visit_date and visit_date > today.isoformat():
        c.problem(
            "visit_date",
            f"服务日期：已完成的服务日期不能晚于今天（{today.isoformat()}）",
            f"Visit date: a completed visit cannot be dated after today ({today.isoformat()})",
            raw.get("visit_date"),
        )
    c.take("visit_type", _vocab(VISIT_TYPE), default="diagnosis")
    for field in ("problems", "advice", "follow_up_text", "outcome"):
        c.take(field, _text(FREE_TEXT_MAX, multiline=True), default="")
    c.take("confirmed_by", _text(PERSON_MAX), default="")
    c.take("district_code", _district(None), default="")
    return c.build(Visit)


def clean_follow_up(raw: Mapping[str, object]) -> FollowUp:
    c = _Checker("follow_up", raw)
    c.take("visit_id", _ident, default="")
    c.take("description", _text(FREE_TEXT_MAX, multiline=True), required=True, default="")
    c.take("owner", _text(PERSON_MAX), default="")
    c.take("due_date", _iso)
    c.take("needs_coordination", parse_bool, default=False)
    c.take("status", _vocab(FOLLOW_UP_STATUS), default="open")
    c.take("closed_by", _text(PERSON_MAX), default="")
    c.take("resolution", _text(FREE_TEXT_MAX, multiline=True), default="")
    c.keep("closed_at")
    return c.build(FollowUp)


def clean_case(raw: Mapping[str, object]) -> Case:
    c = _Checker("case", raw)
    c.take("title", _text(NAME_MAX), required=True, default="")
    c.take("enterprise_id", _ident, required=True, default="")
    c.take("appointment_id", _ident)
    c.take("district_code", _district(None), default="")
    c.take("industry", _text(SHORT_MAX), default="")
    c.take("year", parse_year, required=True, default=0)
    for field in ("background", "measures", "results"):
        c.take(field, _text(FREE_TEXT_MAX, multiline=True), default="")
    for field in ("output_value_wan", "cost_saved_wan"):
        c.take(field, parse_non_negative)
    for field in ("patents", "new_products"):
        c.take(field, lambda v: parse_non_negative(v, integer=True))
    c.take("approved", parse_bool, default=False)
    c.keep("approved_at", "archived_at")
    return c.build(Case)


_CITY_NAMES = {CITY_SCOPE, "温州市", "温州", "全市", "市级", "市本级", "city"}


def parse_scope(raw: object, notes: list[str] | None = None) -> str:
    """CITY_SCOPE for the whole city (温州市/全市/330300), else a district adcode."""
    key = normalize_token(raw).replace(" ", "").lower()
    if key in _CITY_NAMES:
        return CITY_SCOPE
    return _district(notes)(raw)


def clean_target(raw: Mapping[str, object], notes: list[str] | None = None) -> Target:
    c = _Checker("target", raw)
    c.take("year", parse_year, required=True, default=0)
    c.take("scope", lambda v: parse_scope(v, notes), required=True, default="")
    for field in ("visits_target", "appointments_target"):
        c.take(field, lambda v: parse_non_negative(v, integer=True), default=0)
    return c.build(Target)
