"""Registering, editing, archiving and (when history allows) deleting master records."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any, TypeVar

from ..domain.problems import DuplicateRecord, FieldProblem, HistoryProtected
from ..domain.records import Case, Enterprise, Expert, Record, Team, TeamMember, now_iso
from ..domain.validation import clean_case, clean_enterprise, clean_expert, clean_team
from ..store import repository
from ..store.database import Store
from ..store.rows import TABLES

R = TypeVar("R", bound=Record)

_CLEANERS = {
    Enterprise: clean_enterprise,
    Expert: clean_expert,
    Team: clean_team,
    Case: clean_case,
}


def _merged(existing: Record | None, changes: Mapping[str, Any]) -> dict[str, Any]:
    base = asdict(existing) if existing is not None else {}
    base.update(changes)
    return base


def _check_unique(store: Store, record: Record) -> None:
    """Refuse a second record with the same natural key, pointing at the one that exists."""
    if isinstance(record, Enterprise):
        row = store.query(
            "SELECT id, name FROM enterprises WHERE uscc = ? AND id != ?", (record.uscc, record.id)
        )
        if row:
            raise DuplicateRecord(
                FieldProblem(
                    "uscc",
                    f"统一社会信用代码 {record.uscc} 已登记为「{row[0]['name']}」",
                    f"USCC {record.uscc} is already registered as '{row[0]['name']}'",
                    record.uscc,
                ),
                row[0]["id"],
            )
    elif isinstance(record, Expert):
        row = store.query(
            "SELECT id FROM experts WHERE name = ? AND institution = ? AND id != ?",
            (record.name, record.institution, record.id),
        )
        if row:
            raise DuplicateRecord(
                FieldProblem(
                    "name",
                    f"专家「{record.name}」（{record.institution}）已在专家库中",
                    f"Expert '{record.name}' ({record.institution}) is already registered",
                    record.name,
                ),
                row[0]["id"],
            )
    elif isinstance(record, Team):
        row = store.query(
            "SELECT id FROM teams WHERE name = ? AND id != ?", (record.name, record.id)
        )
        if row:
            raise DuplicateRecord(
                FieldProblem(
                    "name",
                    f"轻骑队「{record.name}」已存在",
                    f"Team '{record.name}' already exists",
                    record.name,
                ),
                row[0]["id"],
            )


def _given_point(existing: Record, changes: Mapping[str, Any]) -> Mapping[str, Any]:
    """A changed latitude/longitude is the user's own point: mark it exact (see geo/fill.py)."""
    if not hasattr(existing, "coord_precision") or "coord_precision" in changes:
        return changes
    moved = any(
        k in changes and changes[k] not in (None, "") and changes[k] != getattr(existing, k)
        for k in ("lat", "lon")
    )
    return {**changes, "coord_precision": "exact"} if moved else changes


def register(store: Store, cls: type[R], raw: Mapping[str, Any]) -> R:
    """Validate and insert a new enterprise, expert, team or case."""
    record = _CLEANERS[cls]({k: v for k, v in raw.items() if k not in ("created_at", "updated_at")})
    with store.atomic():
        _check_unique(store, record)
        repository.insert(store, record)
    return record  # type: ignore[return-value]


def edit(store: Store, cls: type[R], record_id: str, changes: Mapping[str, Any]) -> R:
    """Apply changes to a record; every field is re-validated and nothing is written on error."""
    with store.atomic():
        existing = repository.get(store, cls, record_id)
        changes = _given_point(existing, changes)
        record = _CLEANERS[cls](_merged(existing, changes))
        record.id, record.created_at = existing.id, existing.created_at
        if hasattr(existing, "archived_at"):
            record.archived_at = existing.archived_at  # type: ignore[attr-defined]
        _check_unique(store, record)
        repository.update(store, record)
    return record  # type: ignore[return-value]


def set_archived(store: Store, cls: type[Record], record_id: str, archived: bool) -> None:
    """Archive (or restore) a record: it leaves pick lists but its history stays intact."""
    with store.atomic():
        record = repository.get(store, cls, record_id)
        record.archived_at = now_iso() if archived else None  # type: ignore[attr-defined]
        repository.update(store, record)


# What points at each kind, for explaining why a delete would break history.
_REFERENCES: dict[type[Record], list[tuple[str, str, str, str]]] = {
    Enterprise: [
        ("visits", "enterprise_id", "条入企服务记录", "visits"),
        ("appointments", "enterprise_id", "条科技副总选派", "appointments"),
        ("cases", "enterprise_id", "个典型案例", "cases"),
    ],
    Expert: [
        ("visit_experts", "expert_id", "条入企服务记录", "visits"),
        ("appointments", "expert_id", "条科技副总选派", "appointments"),
        ("team_members", "expert_id", "个轻骑队成员身份", "team memberships"),
    ],
    Team: [("visits", "team_id", "条入企服务记录", "visits")],
    Case: [],
}


def history_of(store: Store, cls: type[Record], record_id: str) -> list[tuple[int, str, str]]:
    """(count, zh noun, en noun) of the records that depend on this one."""
    found = []
    for table, column, zh, en in _REFERENCES[cls]:
        n = int(store.scalar(f"SELECT count(*) FROM {table} WHERE {column} = ?", (record_id,)))
        if n:
            found.append((n, zh, en))
    return found


def delete(store: Store, cls: type[Record], record_id: str) -> None:
    """Delete a record nothing depends on; otherwise explain and suggest archiving."""
    with store.atomic():
        repository.get(store, cls, record_id)
        history = history_of(store, cls, record_id)
        if history:
            zh = "、".join(f"{n} {noun}" for n, noun, _ in history)
            en = ", ".join(f"{n} {noun}" for n, _, noun in history)
            raise HistoryProtected(
                f"不能删除：还有 {zh} 引用它。可以改为“归档”，历史记录会保留。",
                f"Cannot delete: {en} refer to it. Archive it instead; history is kept.",
            )
        if cls is Team:
            store.conn.execute("DELETE FROM team_members WHERE team_id = ?", (record_id,))
        store.conn.execute(f"DELETE FROM {TABLES[cls]} WHERE id = ?", (record_id,))


def set_team_members(
    store: Store, team_id: str, member_ids: list[str], leader_id: str | None
) -> None:
    """Replace a team's roster (one transaction); the leader is also a member."""
    ids = list(dict.fromkeys([*([leader_id] if leader_id else []), *member_ids]))
    with store.atomic():
        team = repository.get(store, Team, team_id)
        existing = {
            r["expert_id"]: r["id"]
            for r in store.query(
                "SELECT id, expert_id FROM team_members WHERE team_id = ?", (team_id,)
            )
        }
        for expert_id, member_id in existing.items():
            if expert_id not in ids:
                store.conn.execute("DELETE FROM team_members WHERE id = ?", (member_id,))
        for expert_id in ids:
            role = "leader" if expert_id == leader_id else "member"
            if expert_id in existing:
                store.conn.execute(
                    "UPDATE team_members SET role = ?, updated_at = ? WHERE id = ? AND role != ?",
                    (role, now_iso(), existing[expert_id], role),
                )
            else:
                repository.get(store, Expert, expert_id)
                repository.insert(
                    store, TeamMember(team_id=team_id, expert_id=expert_id, role=role)
                )
        if team.leader_id != leader_id:
            team.leader_id = leader_id
            repository.update(store, team)
