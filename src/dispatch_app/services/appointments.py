"""科技副总 appointments: seconding an expert to an enterprise for a term, and its lifecycle."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from ..domain.problems import FieldProblem, ValidationError
from ..domain.records import Appointment, Enterprise, Expert
from ..domain.validation import clean_appointment
from ..store import repository
from ..store.database import Store

# Which status may follow which: a term ends once; withdrawal only before it starts.
TRANSITIONS = {
    "proposed": {"active", "withdrawn"},
    "active": {"completed", "ended_early"},
    "completed": set(),
    "ended_early": set(),
    "withdrawn": set(),
}


def appoint(store: Store, raw: Mapping[str, Any]) -> Appointment:
    appointment = clean_appointment(raw)
    with store.atomic():
        expert = repository.get(store, Expert, appointment.expert_id)
        repository.get(store, Enterprise, appointment.enterprise_id)
        if not expert.can_be_vp:
            raise ValidationError(
                [
                    FieldProblem(
                        "expert_id",
                        f"专家「{expert.name}」未登记为可任科技副总",
                        f"Expert '{expert.name}' is not registered as eligible to serve as a "
                        "tech vice-president",
                    )
                ]
            )
        repository.insert(store, appointment)
    return appointment


def edit_appointment(store: Store, appointment_id: str, changes: Mapping[str, Any]) -> Appointment:
    with store.atomic():
        existing = repository.get(store, Appointment, appointment_id)
        record = clean_appointment({**asdict(existing), **changes})
        record.id, record.created_at = existing.id, existing.created_at
        if record.status != existing.status and record.status not in TRANSITIONS[existing.status]:
            raise ValidationError(
                [
                    FieldProblem(
                        "status",
                        f"状态不能从「{existing.status}」改为「{record.status}」",
                        f"Status cannot change from {existing.status} to {record.status}",
                    )
                ]
            )
        repository.update(store, record)
    return record
