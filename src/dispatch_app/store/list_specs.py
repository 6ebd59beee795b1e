"""What each record page's table shows and may be sorted and filtered by (the whitelists).

``store.listing`` builds the SQL from these; nothing else reaches it. A column has a stable key
(its header's translation, the sort a user picks), its SQL and how to show it; a filter is a
named condition with one ``?``. Related-record searches (a visit's enterprise) go through a
subquery on the small table rather than a LIKE on every joined row.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..domain.choices import (
    APPOINTMENT_STATUS,
    ENTERPRISE_SIZE,
    FOLLOW_UP_STATUS,
    VISIT_STATUS,
    VISIT_TYPE,
    Vocabulary,
)


@dataclass(frozen=True)
class Column:
    """One shown column: a stable key (header translation, sort), its SQL, how to show it."""

    key: str
    expr: str
    vocab: Vocabulary | None = None  # stored code → label in the UI language
    kind: str = "text"  # text | bool | number | date
    nulls_last: bool = False  # only for nullable columns: keeps index order usable elsewhere
    sort: str = ""  # what to order by when not the shown value (names: by pinyin, as in 拼音序)
    # Filters that already exclude NULLs: with one of them set, plain ORDER BY can use an index.
    not_null_filters: tuple[str, ...] = ()


@dataclass(frozen=True)
class ListSpec:
    kind: str
    table: str  # main table, aliased ``t``
    joins: str
    columns: tuple[Column, ...]
    search: tuple[str, ...]  # text expressions a term may match
    default_sort: str
    default_descending: bool = False
    archived: bool = False  # the table has archived_at (hidden unless asked for)
    filters: Mapping[str, str] = field(default_factory=dict)  # name → condition with one ``?``

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)


_ENT_MATCH = (
    "(SELECT id FROM enterprises WHERE name LIKE :q ESCAPE '\\' OR uscc LIKE :q ESCAPE '\\'"
    " OR name_pinyin LIKE :q ESCAPE '\\' OR name_initials LIKE :q ESCAPE '\\')"
)
_EXP_MATCH = (
    "(SELECT id FROM experts WHERE name LIKE :q ESCAPE '\\'"
    " OR name_pinyin LIKE :q ESCAPE '\\' OR name_initials LIKE :q ESCAPE '\\')"
)
_TEAM_MATCH = (
    "(SELECT id FROM teams WHERE name LIKE :q ESCAPE '\\'"
    " OR name_pinyin LIKE :q ESCAPE '\\' OR name_initials LIKE :q ESCAPE '\\')"
)
_MULTI_HAS = "('、' || {col} || '、') LIKE ('%、' || ? || '、%')"

SPECS: dict[str, ListSpec] = {
    "enterprises": ListSpec(
        kind="enterprises",
        table="enterprises",
        joins="LEFT JOIN districts d ON d.adcode = t.district_code",
        columns=(
            Column("name", "t.name", sort="t.name_pinyin"),
            Column("uscc", "t.uscc"),
            Column("district", "d.name"),
            Column("industry", "t.industry"),
            Column("size", "t.size", ENTERPRISE_SIZE),
            Column("qualifications", "t.qualifications"),
            Column("contact", "t.contact_name"),
        ),
        search=(
            "t.name",
            "t.uscc",
            "t.name_pinyin",
            "t.name_initials",
            "t.tech_needs",
        ),
        default_sort="name",
        archived=True,
        filters={
            "district": "t.district_code = ?",
            "industry": "t.industry = ?",
            "qualification": _MULTI_HAS.format(col="t.qualifications"),
            "size": "t.size = ?",
        },
    ),
    "experts": ListSpec(
        kind="experts",
        table="experts",
        joins="LEFT JOIN districts d ON d.adcode = t.district_code",
        columns=(
            Column("name", "t.name", sort="t.name_pinyin"),
            Column("institution", "t.institution"),
            Column("title", "t.title"),
            Column("specialties", "t.specialties"),
            Column("district", "d.name"),
            Column("can_be_vp", "t.can_be_vp", kind="bool"),
        ),
        search=("t.name", "t.institution", "t.specialties", "t.name_pinyin", "t.name_initials"),
        default_sort="name",
        archived=True,
        filters={
            "district": "t.district_code = ?",
            "specialty": _MULTI_HAS.format(col="t.specialties"),
            "can_be_vp": "t.can_be_vp = ?",
            "team": "t.id IN (SELECT expert_id FROM team_members WHERE team_id = ?)",
        },
    ),
    "teams": ListSpec(
        kind="teams",
        table="teams",
        joins="LEFT JOIN districts d ON d.adcode = t.district_code"
        " LEFT JOIN experts l ON l.id = t.leader_id",
        columns=(
            Column("name", "t.name", sort="t.name_pinyin"),
            Column("leader", "l.name", sort="l.name_pinyin"),
            Column("district", "d.name"),
            Column("industry", "t.industry"),
            Column(
                "members",
                "(SELECT count(*) FROM team_members m WHERE m.team_id = t.id)",
                kind="number",
            ),
        ),
        search=("t.name", "t.name_pinyin", "t.name_initials", "t.industry"),
        default_sort="name",
        archived=True,
        filters={
            "district": "t.district_code = ?",
            "industry": "t.industry = ?",
            "expert": "t.id IN (SELECT team_id FROM team_members WHERE expert_id = ?)",
        },
    ),
    "appointments": ListSpec(
        kind="appointments",
        table="appointments",
        joins="JOIN experts x ON x.id = t.expert_id JOIN enterprises e ON e.id = t.enterprise_id"
        " LEFT JOIN districts d ON d.adcode = e.district_code",
        columns=(
            Column("expert", "x.name", sort="x.name_pinyin"),
            Column("institution", "x.institution"),
            Column("enterprise", "e.name", sort="e.name_pinyin"),
            Column("district", "d.name"),
            Column("start_date", "t.start_date", kind="date"),
            Column("end_date", "t.end_date", kind="date"),
            Column("batch_year", "t.batch_year", kind="number"),
            Column("status", "t.status", APPOINTMENT_STATUS),
        ),
        search=(f"t.expert_id IN {_EXP_MATCH}", f"t.enterprise_id IN {_ENT_MATCH}"),
        default_sort="start_date",
        default_descending=True,
        filters={
            "status": "t.status = ?",
            "batch_year": "t.batch_year = ?",
            # 1: the ones that count toward their batch (progress.definitions: started).
            "started": "(t.status IN ('active', 'completed', 'ended_early')) = ?",
            "district": "e.district_code = ?",
            "expert": "t.expert_id = ?",
            "enterprise": "t.enterprise_id = ?",
            "date_from": "t.start_date >= ?",
            "date_to": "t.start_date <= ?",
        },
    ),
    "visits": ListSpec(
        kind="visits",
        table="visits",
        joins="JOIN enterprises e ON e.id = t.enterprise_id"
        " LEFT JOIN teams tm ON tm.id = t.team_id"
        " LEFT JOIN districts d ON d.adcode = t.district_code",
        columns=(
            Column("visit_date", "t.visit_date", kind="date"),
            Column("enterprise", "e.name", sort="e.name_pinyin"),
            Column("district", "d.name"),
            Column("team", "tm.name"),
            Column("visit_type", "t.visit_type", VISIT_TYPE),
            Column("status", "t.status", VISIT_STATUS),
            Column("problems", "substr(t.problems, 1, 60)"),
        ),
        search=(f"t.enterprise_id IN {_ENT_MATCH}", f"t.team_id IN {_TEAM_MATCH}"),
        default_sort="visit_date",
        default_descending=True,
        filters={
            "status": "t.status = ?",
            "visit_type": "t.visit_type = ?",
            "district": "t.district_code = ?",
            "team": "t.team_id = ?",
            "expert": "t.id IN (SELECT visit_id FROM visit_experts WHERE expert_id = ?)",
            "enterprise": "t.enterprise_id = ?",
            # The progress dashboard's drill-down: its enterprise's industry or qualification.
            "industry": "e.industry = ?",
            "qualification": _MULTI_HAS.format(col="e.qualifications"),
            "date_from": "t.visit_date >= ?",
            "date_to": "t.visit_date <= ?",
        },
    ),
    "cases": ListSpec(
        kind="cases",
        table="cases",
        joins="JOIN enterprises e ON e.id = t.enterprise_id"
        " LEFT JOIN districts d ON d.adcode = t.district_code",
        columns=(
            Column("title", "t.title"),
            Column("enterprise", "e.name", sort="e.name_pinyin"),
            Column("district", "d.name"),
            Column("industry", "t.industry"),
            Column("year", "t.year", kind="number"),
            Column("approved", "t.approved", kind="bool"),
        ),
        search=("t.title", f"t.enterprise_id IN {_ENT_MATCH}"),
        default_sort="year",
        default_descending=True,
        archived=True,
        filters={
            "district": "t.district_code = ?",
            "industry": "t.industry = ?",
            "year": "t.year = ?",
            "approved": "t.approved = ?",
            "enterprise": "t.enterprise_id = ?",
        },
    ),
    "follow_ups": ListSpec(
        kind="follow_ups",
        table="follow_ups",
        joins="JOIN visits v ON v.id = t.visit_id JOIN enterprises e ON e.id = v.enterprise_id"
        " LEFT JOIN districts d ON d.adcode = v.district_code",
        columns=(
            Column(
                "due_date",
                "t.due_date",
                kind="date",
                nulls_last=True,
                not_null_filters=("due_by", "overdue_on"),
            ),
            Column("description", "t.description"),
            Column("owner", "t.owner"),
            Column("enterprise", "e.name", sort="e.name_pinyin"),
            Column("visit_date", "v.visit_date", kind="date"),
            Column("needs_coordination", "t.needs_coordination", kind="bool"),
            Column("status", "t.status", FOLLOW_UP_STATUS),
        ),
        search=("t.description", "t.owner", f"v.enterprise_id IN {_ENT_MATCH}"),
        default_sort="due_date",
        filters={
            "status": "t.status = ?",
            "needs_coordination": "t.needs_coordination = ?",
            "district": "v.district_code = ?",
            "enterprise": "v.enterprise_id = ?",
            "visit": "t.visit_id = ?",
            # due: the item's deadline is on or before the given day (overdue: before it).
            "due_by": "t.due_date IS NOT NULL AND t.due_date <= ?",
            "overdue_on": "t.due_date IS NOT NULL AND t.due_date < ?",
        },
    ),
}


def spec(kind: str) -> ListSpec:
    return SPECS[kind]
