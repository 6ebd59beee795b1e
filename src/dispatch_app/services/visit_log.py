"""Logging visits (the most frequent task) with their follow-up items, and closing follow-ups."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict
from datetime import date
from typing import Any

from .. import clock
from ..domain.problems import FieldProblem, ValidationError
from ..domain.records import Enterprise, FollowUp, Visit, now_iso
from ..domain.validation import clean_follow_up, clean_visit
from ..store import repository
from ..store.database import Store


def _follow_up_problems(
    items: Sequence[Mapping[str, Any]], visit_id: str
) -> tuple[list[FollowUp], list[FieldProblem]]:
    cleaned, problems = [], []
    for i, raw in enumerate(items, start=1):
        try:
            cleaned.append(clean_follow_up({**raw, "visit_id": visit_id}))
        except ValidationError as exc:
            problems += [
                FieldProblem(
                    f"follow_ups[{i}].{p.field}",
                    f"跟进事项第 {i} 条：{p.zh}",
                    f"Follow-up {i}: {p.en}",
                    p.value,
                )
                for p in exc.problems
            ]
    return cleaned, problems


def log_visit(
    store: Store,
    raw: Mapping[str, Any],
    follow_ups: Sequence[Mapping[str, Any]] = (),
    *,
    today: date | None = None,
) -> Visit:
    """Validate a visit and its follow-ups together; write all of them or nothing."""
    today = today or clock.today()
    problems: list[FieldProblem] = []
    visit: Visit | None = None
    try:
        visit = clean_visit(raw, today=today)
    except ValidationError as exc:
        problems += exc.problems
    items, item_problems = _follow_up_problems(follow_ups, visit.id if visit else "")
    problems += item_problems
    if problems or visit is None:
        raise ValidationError(problems)
    with store.atomic():
        enterprise = repository.get(store, Enterprise, visit.enterprise_id)
        visit.district_code = enterprise.district_code
        repository.insert(store, visit)
        for item in items:
            repository.insert(store, item)
    return visit


def edit_visit(
    store: Store,
    visit_id: str,
    changes: Mapping[str, Any],
    follow_ups: Sequence[Mapping[str, Any]] = (),
    *,
    today: date | None = None,
) -> Visit:
    """Edit a visit and add new follow-up items in one transaction: all of it or nothing.

    The visit and every item are validated together (like ``log_visit``) so the user sees every
    problem at once, items named ``follow_ups[i].field``. NotFound when the visit (or its
    enterprise) was deleted meanwhile.
    """
    today = today or clock.today()
    with store.atomic():
        existing = repository.get(store, Visit, visit_id)
        problems: list[FieldProblem] = []
        visit: Visit | None = None
        try:
            visit = clean_visit({**asdict(existing), **changes}, today=today)
        except ValidationError as exc:
            problems += exc.problems
        items, item_problems = _follow_up_problems(follow_ups, existing.id)
        problems += item_problems
        if problems or visit is None:
            raise ValidationError(problems)
        visit.id, visit.created_at = existing.id, existing.created_at
        enterprise = repository.get(store, Enterprise, visit.enterprise_id)
        visit.district_code = enterprise.district_code
        repository.update(store, visit)
        for item in items:
            repository.insert(store, item)
    return visit


def complete_planned(
    store: Store,
    visit_id: str,
    changes: Mapping[str, Any] | None = None,
    follow_ups: Sequence[Mapping[str, Any]] = (),
    *,
    today: date | None = None,
) -> Visit:
    """Record that a planned visit took place (status → completed, with what was found)."""
    return edit_visit(
        store, visit_id, {**(changes or {}), "status": "completed"}, follow_ups, today=today
    )


def add_follow_up(store: Store, visit_id: str, raw: Mapping[str, Any]) -> FollowUp:
    item = clean_follow_up({**raw, "visit_id": visit_id})
    with store.atomic():
        repository.get(store, Visit, visit_id)
        repository.insert(store, item)
    return item


def close_follow_up(store: Store, follow_up_id: str, closed_by: str, resolution: str = "") -> None:
    """Close an open item, recording who closed it and when."""
    if not closed_by.strip():
        raise ValidationError(
            [FieldProblem("closed_by", "请填写办结人", "Enter who closed the item")]
        )
    with store.atomic():
        item = repository.get(store, FollowUp, follow_up_id)
        if item.status == "closed":
            raise ValidationError(
                [FieldProblem("status", "该跟进事项已办结", "This item is already closed")]
            )
        item.status = "closed"
        item.closed_by = closed_by.strip()
        item.closed_at = now_iso()
        item.resolution = resolution.strip()
        repository.update(store, item)


def reopen_follow_up(store: Store, follow_up_id: str) -> None:
    with store.atomic():
        item = repository.get(store, FollowUp, follow_up_id)
        item.status, item.closed_at, item.closed_by = "open", None, ""
        repository.update(store, item)
