"""Row → record for each importable kind, with the domain's validation and reference look-ups.

A checker receives one row as ``{field: text}`` (only the columns the file has) and returns a
:class:`Checked` record or raises :class:`RowInvalid` listing every problem of the row. Field
names in problems are the *row's* fields (the columns), so the report can name the column.

Identity (how a row finds "the same record" in the database):
- every kind: by 记录编号 (record id) when the row has one and the database holds it;
- otherwise enterprises by 统一社会信用代码, experts by 姓名 + 工作单位, teams by 队伍名称,
  appointments by (expert, enterprise, 开始日期), visits by (enterprise, 服务日期, team, experts,
  服务类型), follow-up items by (visit, 跟进内容), cases by (enterprise, 案例标题).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..domain.bulk_clean import fast_enterprise, fast_expert
from ..domain.geography import load_gazetteer
from ..domain.problems import InvalidValue, ValidationError
from ..domain.records import Appointment, Case, Enterprise, Expert, FollowUp, Record, Team
from ..domain.text import normalize_text, split_multi
from ..domain.uscc import parse_uscc
from ..domain.validation import (
    clean_appointment,
    clean_case,
    clean_enterprise,
    clean_expert,
    clean_follow_up,
    clean_team,
)
from .lookups import EnterpriseRef, Lookups

Problem = tuple[str, str, str, str]  # (row field, zh, en, value)

_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z_-]{7,63}")
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z")
_LEADER = re.compile(r"^(.*?)\s*[(（](?:队长|leader)[)）]$", re.IGNORECASE)


class RowInvalid(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p[1] for p in problems))
        self.problems = problems


@dataclass
class Checked:
    record: Record
    key: tuple | None  # natural key; None: identity by record id only
    extras: dict[str, Any] = field(default_factory=dict)
    given_id: bool = False  # the row carried 记录编号
    given_updated: bool = False  # the row carried 更新时间


def check_meta(raw: Mapping[str, str], problems: list[Problem]) -> dict[str, str]:
    """Validate the merge columns; returns the ones given (id, updated_at, archived_at)."""
    meta: dict[str, str] = {}
    value = normalize_text(raw.get("id", ""))
    if value:
        if _ID.fullmatch(value):
            meta["id"] = value
        else:
            problems.append(
                (
                    "id",
                    f"记录编号「{value}」格式不对（应为导出文件中的编号，请勿修改）",
                    f"Record ID '{value}' is malformed (keep the exported ID unchanged)",
                    value,
                )
            )
    for key, zh, en in (
        ("updated_at", "更新时间", "Updated at"),
        ("archived_at", "归档时间", "Archived at"),
    ):
        value = normalize_text(raw.get(key, ""))
        if not value:
            continue
        if _TIMESTAMP.fullmatch(value):
            meta[key] = value
        else:
            problems.append(
                (
                    key,
                    f"{zh}「{value}」格式不对（应为 2026-03-05T08:00:00.000000Z，请勿修改）",
                    f"{en} '{value}' is malformed (expected 2026-03-05T08:00:00.000000Z)",
                    value,
                )
            )
    return meta


def _from_validation(
    exc: ValidationError, to_column: Mapping[str, str], raw: Mapping[str, str]
) -> list[Problem]:
    out = []
    for p in exc.problems:
        col = to_column.get(p.field, p.field)
        out.append((col, p.zh, p.en, raw.get(col, p.value) or p.value))
    return out


def resolve_enterprise(
    lookups: Lookups, raw: Mapping[str, str], problems: list[Problem], *, cross_check: bool = True
) -> EnterpriseRef | None:
    text = raw.get("uscc", "")
    ref = lookups.enterprise_by_uscc.get(text)
    if ref is None:
        try:
            code = parse_uscc(text)
        except InvalidValue as e:
            problems.append(("uscc", e.zh, e.en, text))
            return None
        ref = lookups.enterprise_by_uscc.get(code)
        if ref is None:
            problems.append(
                (
                    "uscc",
                    f"统一社会信用代码 {code} 不在企业名录中，请先导入或登记该企业",
                    f"USCC {code} is not in the enterprise list; import or register it first",
                    text,
                )
            )
            return None
    name = raw.get("enterprise_name", "")
    if cross_check and name and normalize_text(name) != ref.name:
        problems.append(
            (
                "enterprise_name",
                f"企业名称「{normalize_text(name)}」与统一社会信用代码对应的企业「{ref.name}」不符，"
                "请核对代码",
                f"Enterprise name '{normalize_text(name)}' does not match the "
                f"enterprise registered under this USCC ('{ref.name}'); check the code",
                name,
            )
        )
    return ref


def _clean(
    cleaner: Callable[..., Record],
    values: dict[str, Any],
    to_column: Mapping[str, str],
    raw: Mapping[str, str],
    problems: list[Problem],
    **kwargs: Any,
) -> Record | None:
    try:
        return cleaner(values, **kwargs)
    except ValidationError as exc:
        problems.extend(_from_validation(exc, to_column, raw))
        return None


def _finish(
    record: Record | None,
    meta: dict[str, str],
    problems: list[Problem],
    key: tuple | None,
    **extras: Any,
) -> Checked:
    if problems or record is None:
        raise RowInvalid(problems)
    if "archived_at" in meta and hasattr(record, "archived_at"):
        record.archived_at = meta["archived_at"]  # type: ignore[attr-defined]
    return Checked(record, key, dict(extras), "id" in meta, "updated_at" in meta)


_PLAIN = ("id", "updated_at", "archived_at", "district_adcode")


def _values(raw: Mapping[str, str], meta: dict[str, str], skip: tuple[str, ...] = ()) -> dict:
    values = {k: v for k, v in raw.items() if k not in _PLAIN and k not in skip}
    values.update({k: v for k, v in meta.items() if k != "archived_at"})
    return values


def check_enterprise(raw: Mapping[str, str], lookups: Lookups, notes: list[str]) -> Checked:
    problems: list[Problem] = []
    meta = check_meta(raw, problems)
    values = _values(raw, meta)
    # One pass for a valid row; the cleaner (and its messages) for anything else.
    record = fast_enterprise(values, notes) if not problems else None
    if record is None:
        record = _clean(clean_enterprise, values, {}, raw, problems, notes=notes)
    return _finish(record, meta, problems, (record.uscc,) if record else None)


def check_team(raw: Mapping[str, str], lookups: Lookups, notes: list[str]) -> Checked:
    problems: list[Problem] = []
    meta = check_meta(raw, problems)
    record = _clean(clean_team, _values(raw, meta, ("leader",)), {}, raw, problems, notes=notes)
    return _finish(record, meta, problems, (record.name,) if record else None)


def parse_team_cell(text: str) -> list[tuple[str, bool]]:
    """``甲队（队长）、乙队`` → [("甲队", True), ("乙队", False)]."""
    out: list[tuple[str, bool]] = []
    for item in split_multi(text):
        m = _LEADER.match(item)
        out.append((m.group(1).strip(), True) if m else (item, False))
    return out


def check_expert(raw: Mapping[str, str], lookups: Lookups, notes: list[str]) -> Checked:
    problems: list[Problem] = []
    meta = check_meta(raw, problems)
    values = _values(raw, meta, ("teams",))
    record = fast_expert(values, notes) if not problems else None
    if record is None:
        record = _clean(clean_expert, values, {}, raw, problems, notes=notes)
    extras: dict[str, Any] = {}
    if "teams" in raw:
        teams = parse_team_cell(raw["teams"])
        too_long = [name for name, _ in teams if len(name) > 100]
        if too_long:
            problems.append(
                (
                    "teams",
                    "轻骑队名称不能超过100个字",
                    "a team name must be at most 100 characters",
                    raw["teams"],
                )
            )
        extras["teams"] = teams
    key = (record.name, record.institution) if record else None
    return _finish(record, meta, problems, key, **extras)


_APPOINTMENT_COLUMNS = {"expert_id": "expert_name", "enterprise_id": "uscc"}


def check_appointment(raw: Mapping[str, str], lookups: Lookups, notes: list[str]) -> Checked:
    problems: list[Problem] = []
    meta = check_meta(raw, problems)
    ent = resolve_enterprise(lookups, raw, problems)
    name = normalize_text(raw.get("expert_name", ""))
    institution = normalize_text(raw.get("expert_institution", ""))
    expert_id = lookups.expert_by_key.get((name, institution))
    # A placeholder "?" avoids a second message for a reference already reported here, while
    # a blank keeps the domain's "required" message.
    placeholder = "?"
    if not name:
        placeholder = ""
    elif not institution:
        problems.append(
            ("expert_institution", "专家工作单位不能为空", "Expert institution is required", "")
        )
    elif expert_id is None:
        problems.append(
            (
                "expert_name",
                f"专家「{name}」（{institution}）不在专家库中，请先导入专家",
                f"Expert '{name}' ({institution}) is not in the expert list; import experts first",
                raw.get("expert_name", ""),
            )
        )
    values = _values(raw, meta, ("expert_name", "expert_institution", "uscc", "enterprise_name"))
    values["expert_id"] = expert_id or placeholder
    values["enterprise_id"] = ent.id if ent else ("?" if raw.get("uscc") else "")
    record = _clean(clean_appointment, values, _APPOINTMENT_COLUMNS, raw, problems)
    key = (record.expert_id, record.enterprise_id, record.start_date) if record else None
    return _finish(record, meta, problems, None if "id" in meta else key)


_CASE_COLUMNS = {"enterprise_id": "uscc", "district_code": "district_code"}


def check_case(raw: Mapping[str, str], lookups: Lookups, notes: list[str]) -> Checked:
    problems: list[Problem] = []
    meta = check_meta(raw, problems)
    ent = resolve_enterprise(lookups, raw, problems)
    values = _values(raw, meta, ("uscc", "enterprise_name"))
    values["enterprise_id"] = ent.id if ent else ("?" if raw.get("uscc") else "")
    if not normalize_text(values.get("district_code", "")) and ent:
        values["district_code"] = ent.district_code
    appointment = normalize_text(raw.get("appointment_id", ""))
    if appointment and appointment not in lookups.appointment_ids:
        problems.append(
            (
                "appointment_id",
                f"关联选派编号「{appointment}」不在科技副总选派记录中",
                f"Appointment ID '{appointment}' is not in the appointments",
                appointment,
            )
        )
    record = _clean(clean_case, values, _CASE_COLUMNS, raw, problems)
    approved_at = normalize_text(raw.get("approved_at", ""))
    if record is not None:
        if approved_at and not _TIMESTAMP.fullmatch(approved_at):
            problems.append(
                (
                    "approved_at",
                    "审定时间格式不对（应为 2026-03-05T08:00:00.000000Z）",
                    "Approved at is malformed",
                    approved_at,
                )
            )
        record.approved_at = approved_at or None  # type: ignore[attr-defined]
    key = (record.enterprise_id, record.title) if record else None  # type: ignore[attr-defined]
    return _finish(record, meta, problems, None if "id" in meta else key)


def _timestamp(raw: Mapping[str, str], key: str, zh: str, en: str, problems: list[Problem]) -> str:
    value = normalize_text(raw.get(key, ""))
    if value and not _TIMESTAMP.fullmatch(value):
        problems.append(
            (
                key,
                f"{zh}「{value}」格式不对（应为 2026-03-05T08:00:00.000000Z，请勿修改）",
                f"{en} '{value}' is malformed (expected 2026-03-05T08:00:00.000000Z)",
                value,
            )
        )
        return ""
    return value


def check_follow_up(raw: Mapping[str, str], lookups: Lookups, notes: list[str]) -> Checked:
    """A follow-up item: its visit by 服务记录编号; closed when 办结时间 is given."""
    problems: list[Problem] = []
    meta = check_meta(raw, problems)
    visit_id = normalize_text(raw.get("visit_id", ""))
    if not visit_id:  # the domain leaves it to the caller; a row without it has no visit
        problems.append(("visit_id", "服务记录编号不能为空", "Visit ID is required", ""))
    elif visit_id not in lookups.visit_ids:
        problems.append(
            (
                "visit_id",
                f"服务记录编号「{visit_id}」不在入企服务记录中，请先导入服务记录",
                f"Visit ID '{visit_id}' is not in the visits; import the visits first",
                visit_id,
            )
        )
    closed_at = _timestamp(raw, "closed_at", "办结时间", "Closed at", problems)
    created_at = _timestamp(raw, "created_at", "登记时间", "Created at", problems)
    values = _values(raw, meta, ("visit_date", "enterprise_name", "closed_at", "created_at"))
    values["visit_id"] = visit_id
    values["status"] = "closed" if closed_at else "open"
    values["closed_at"] = closed_at
    if created_at:
        values["created_at"] = created_at
    record = _clean(clean_follow_up, values, {}, raw, problems)
    key = (record.visit_id, record.description) if record else None  # type: ignore[attr-defined]
    extras = {"created_given": bool(created_at)}
    return _finish(record, meta, problems, None if "id" in meta else key, **extras)


def district_of(raw: Mapping[str, str]) -> str | None:
    """The 区县代码 merge column as an adcode (None when blank or unknown)."""
    text = normalize_text(raw.get("district_adcode", ""))
    if not text:
        return None
    try:
        return load_gazetteer().resolve_district(text).adcode
    except InvalidValue:
        return None


CHECKERS: dict[str, Callable[[Mapping[str, str], Lookups, list[str]], Checked]] = {
    "enterprises": check_enterprise,
    "teams": check_team,
    "experts": check_expert,
    "appointments": check_appointment,
    "follow_ups": check_follow_up,
    "cases": check_case,
}

RECORD_CLASSES: dict[str, type[Record]] = {
    "enterprises": Enterprise,
    "teams": Team,
    "experts": Expert,
    "appointments": Appointment,
    "follow_ups": FollowUp,
    "cases": Case,
}
