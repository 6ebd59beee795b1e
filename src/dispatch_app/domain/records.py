"""The records coordinators work with, as plain dataclasses (one per table row).

Every record has a stable UUID ``id`` (district databases are merged at the bureau), and
``created_at``/``updated_at`` (UTC ISO-8601 with microseconds, so a merge can order edits).
Records that history depends on are archived (``archived_at``) rather than deleted.
Multi-valued text (qualifications, specialties) is held as a tuple and stored joined by 、.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, fields

from .. import clock


def new_id() -> str:
    return str(uuid.uuid4())


def now_iso() -> str:
    return clock.now_iso()


@dataclass
class Record:
    id: str = field(default_factory=new_id)
    created_at: str = field(default_factory=now_iso)
    updated_at: str = field(default_factory=now_iso)

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in fields(cls)]


@dataclass
class Enterprise(Record):
    uscc: str = ""
    name: str = ""
    district_code: str = ""
    town_code: str | None = None
    address: str = ""
    industry: str = ""
    size: str = ""  # ENTERPRISE_SIZE code or ""
    qualifications: tuple[str, ...] = ()
    contact_name: str = ""
    contact_phone: str = ""
    tech_needs: str = ""
    lat: float | None = None
    lon: float | None = None
    # What the point is worth (geo.location): exact / town / district, its datum, who gave it.
    coord_precision: str | None = None
    coord_datum: str | None = None
    coord_source: str | None = None
    archived_at: str | None = None


@dataclass
class Expert(Record):
    name: str = ""
    institution: str = ""
    title: str = ""
    specialties: tuple[str, ...] = ()
    phone: str = ""
    district_code: str | None = None
    address: str = ""
    lat: float | None = None
    lon: float | None = None
    # What the point is worth (geo.location): exact / town / district, its datum, who gave it.
    coord_precision: str | None = None
    coord_datum: str | None = None
    coord_source: str | None = None
    can_be_vp: bool = False
    archived_at: str | None = None


@dataclass
class Team(Record):
    name: str = ""
    leader_id: str | None = None
    district_code: str | None = None
    industry: str = ""
    archived_at: str | None = None


@dataclass
class TeamMember(Record):
    team_id: str = ""
    expert_id: str = ""
    role: str = "member"  # "leader" or "member"
    joined_on: str | None = None
    left_on: str | None = None


@dataclass
class Appointment(Record):
    expert_id: str = ""
    enterprise_id: str = ""
    start_date: str = ""
    end_date: str = ""
    batch_year: int = 0
    status: str = "proposed"  # APPOINTMENT_STATUS code
    duties: str = ""


@dataclass
class Visit(Record):
    enterprise_id: str = ""
    team_id: str | None = None
    visit_date: str = ""
    visit_type: str = "diagnosis"  # VISIT_TYPE code
    problems: str = ""
    advice: str = ""
    follow_up_text: str = ""  # the template's free-text 跟进事项 column
    outcome: str = ""
    status: str = "completed"  # VISIT_STATUS code
    confirmed_by: str = ""  # enterprise-side person who confirmed the visit
    district_code: str = ""  # the enterprise's district when visited (progress is by district)
    expert_ids: tuple[str, ...] = ()


@dataclass
class FollowUp(Record):
    visit_id: str = ""
    description: str = ""
    owner: str = ""
    due_date: str | None = None
    needs_coordination: bool = False
    status: str = "open"  # FOLLOW_UP_STATUS code
    closed_at: str | None = None
    closed_by: str = ""
    resolution: str = ""


@dataclass
class Case(Record):
    title: str = ""
    enterprise_id: str = ""
    appointment_id: str | None = None
    district_code: str = ""
    industry: str = ""
    year: int = 0
    background: str = ""
    measures: str = ""
    results: str = ""
    output_value_wan: float | None = None  # 新增产值 (万元)
    cost_saved_wan: float | None = None  # 节约成本 (万元)
    patents: int | None = None
    new_products: int | None = None
    approved: bool = False
    approved_at: str | None = None
    archived_at: str | None = None


@dataclass
class Target(Record):
    year: int = 0
    scope: str = ""  # CITY_SCOPE or a district adcode
    visits_target: int = 0
    appointments_target: int = 0
