"""The audit trail: the right before/after for edits through the services, nothing without
its change (and no change without its row), imports as one summary plus per-record rows."""

from __future__ import annotations

import sqlite3

import pytest

from dispatch_app.domain.problems import ValidationError
from dispatch_app.domain.records import Enterprise, Expert, Visit
from dispatch_app.services import registry, visit_log
from dispatch_app.store import audit, open_store, repository
from support.world import enterprise_raw


def _uscc(n: int) -> str:
    from dispatch_app.domain.uscc import make_uscc

    return make_uscc("9", "1", "330302", f"{n:07d}B"[-8:])


@pytest.fixture
def actor(store):
    """The coordinator's name, for the open store and for stores opened later."""
    audit.set_default_actor("张协调")
    audit.set_actor(store.conn, "张协调")
    yield "张协调"
    audit.set_default_actor(None)


def _rows(store, record_id=None):
    return audit.history(store.conn, record_id)


def test_an_edit_records_only_the_changed_fields_before_and_after(store, actor) -> None:
    ent = registry.register(store, Enterprise, enterprise_raw(1))
    registry.edit(store, Enterprise, ent.id, {"name": "乐清市新名电气有限公司", "size": "above"})
    created, edited = _rows(store, ent.id)
    assert created.action == "create" and created.before is None
    assert created.after["name"] == ent.name and created.after["uscc"] == ent.uscc
    assert edited.action == "update" and edited.who == actor and edited.table == "enterprises"
    assert edited.before == {"name": ent.name, "size": ent.size}
    assert edited.after == {"name": "乐清市新名电气有限公司", "size": "above"}


def test_archive_and_delete_are_named_and_delete_keeps_the_whole_record(store, actor) -> None:
    ent = registry.register(store, Enterprise, enterprise_raw(2))
    registry.set_archived(store, Enterprise, ent.id, True)
    registry.set_archived(store, Enterprise, ent.id, False)
    registry.delete(store, Enterprise, ent.id)
    actions = [e.action for e in _rows(store, ent.id)]
    assert actions == ["create", "archive", "update", "delete"]
    deleted = _rows(store, ent.id)[-1]
    assert deleted.after is None and deleted.before["uscc"] == ent.uscc


def test_saving_without_a_change_records_nothing(store, actor) -> None:
    ent = registry.register(store, Enterprise, enterprise_raw(3))
    registry.edit(store, Enterprise, ent.id, {})
    assert [e.action for e in _rows(store, ent.id)] == ["create"]


def test_a_failing_write_leaves_neither_the_change_nor_its_row(store, monkeypatch) -> None:
    ent = registry.register(store, Enterprise, enterprise_raw(4))
    real_update = repository.update

    def update_then_fail(store_, record, **kw):
        real_update(store_, record, **kw)  # the UPDATE (and its audit row) ran...
        raise sqlite3.OperationalError("disk I/O error")  # ...then the write fails

    monkeypatch.setattr(repository, "update", update_then_fail)
    with pytest.raises(sqlite3.OperationalError):
        registry.edit(store, Enterprise, ent.id, {"name": "不应保存有限公司"})
    assert repository.get(store, Enterprise, ent.id).name == ent.name
    assert [e.action for e in _rows(store, ent.id)] == ["create"]


def test_a_failing_audit_row_stops_the_change(store) -> None:
    ent = registry.register(store, Enterprise, enterprise_raw(5))
    store.conn.execute(
        "CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.audit_log"
        " BEGIN SELECT raise(ABORT, 'audit refused'); END"
    )
    with pytest.raises(sqlite3.IntegrityError):
        registry.edit(store, Enterprise, ent.id, {"name": "不应保存有限公司"})
    assert repository.get(store, Enterprise, ent.id).name == ent.name


def test_a_visit_and_its_follow_ups_are_recorded_together(store, actor) -> None:
    ent = registry.register(store, Enterprise, enterprise_raw(6))
    expert = registry.register(
        store, Expert, {"name": "王建国", "institution": "温州大学", "specialties": "电气"}
    )
    visit = visit_log.log_visit(
        store,
        {
            "enterprise_id": ent.id,
            "expert_ids": [expert.id],
            "visit_date": "2026-11-02",
            "visit_type": "技术诊断",
        },
        [{"description": "补充检测报告"}],
    )
    tables = sorted(e.table for e in audit.history(store.conn) if e.action == "create")
    assert tables == ["enterprises", "experts", "follow_ups", "visits"]
    visit_log.edit_visit(store, visit.id, {"problems": "密封件老化"})
    edited = _rows(store, visit.id)[-1]
    assert edited.action == "update" and edited.after == {"problems": "密封件老化"}
    assert edited.before == {"problems": ""}
    assert isinstance(repository.get(store, Visit, visit.id), Visit)


def test_the_coordinator_can_be_changed_on_an_open_store(store) -> None:
    audit.set_actor(store.conn, "李四")
    ent = registry.register(store, Enterprise, enterprise_raw(7))
    assert _rows(store, ent.id)[0].who == "李四"


def test_without_a_name_the_os_user_is_recorded(store, monkeypatch) -> None:
    monkeypatch.setattr(audit, "os_user", lambda: "wzkj01")
    audit.set_default_actor("")
    assert audit.default_actor() == "wzkj01"


def test_a_read_only_store_has_no_triggers_and_cannot_write(tmp_path) -> None:
    path = tmp_path / "ro.db"
    open_store(path, create=True).close()
    with open_store(path, readonly=True) as ro:
        assert not audit.is_installed(ro.conn)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            ro.conn.execute("INSERT INTO settings (key, value) VALUES ('x', 'y')")


def test_import_writes_per_record_rows_and_one_summary(store, tmp_path, actor) -> None:
    from dispatch_app.exchange.exporter import export_kind
    from dispatch_app.exchange.importer import import_file

    for i in range(10, 13):
        registry.register(store, Enterprise, enterprise_raw(i))
    exported = tmp_path / "ent.csv"
    export_kind(store, "enterprises", exported)
    with open_store(tmp_path / "fresh.db", create=True) as fresh:
        result = import_file(fresh, "enterprises", exported)
        assert result.ok and result.added == 3
        rows = audit.history(fresh.conn)
    per_record = [e for e in rows if e.record_id]
    summary = [e for e in rows if not e.record_id]
    assert [e.action for e in per_record] == ["import"] * 3 and all(e.who == actor for e in rows)
    assert len(summary) == 1 and summary[0].after == {"file": "ent.csv", "added": 3, "updated": 0}


def test_a_rejected_import_leaves_no_audit_row(store, tmp_path) -> None:
    from dispatch_app.exchange.importer import import_file

    bad = tmp_path / "bad.csv"
    bad.write_text("统一社会信用代码,企业名称,所在区县\n123,坏企业,不存在区\n", "utf-8-sig")
    before = len(audit.history(store.conn))
    result = import_file(store, "enterprises", bad)
    assert not result.ok
    assert len(audit.history(store.conn)) == before
    with pytest.raises(ValidationError):
        registry.register(store, Enterprise, {"name": ""})
    assert len(audit.history(store.conn)) == before


def test_a_visits_experts_changing_is_recorded(store, actor) -> None:
    ent = registry.register(store, Enterprise, enterprise_raw(8))
    a, b = (
        registry.register(
            store, Expert, {"name": n, "institution": "温州大学", "specialties": "电气"}
        )
        for n in ("甲专家", "乙专家")
    )
    raw = {"enterprise_id": ent.id, "expert_ids": [a.id], "visit_date": "2026-11-02"}
    visit = visit_log.log_visit(store, {**raw, "visit_type": "技术诊断"})
    visit_log.edit_visit(store, visit.id, {"expert_ids": [a.id, b.id]})
    changed = [
        e
        for e in _rows(store, visit.id)
        if e.action == "update" and "expert_ids" in (e.after or {})
    ]
    assert [(e.before, e.after) for e in changed] == [
        ({"expert_ids": [a.id]}, {"expert_ids": [a.id, b.id]})
    ]
    visit_log.edit_visit(store, visit.id, {"problems": "温升"})  # experts unchanged: no row
    assert (
        len(
            [
                e
                for e in _rows(store, visit.id)
                if e.action == "update" and "expert_ids" in (e.after or {})
            ]
        )
        == 1
    )


def test_a_new_visits_experts_are_in_its_create_entry(store, actor) -> None:
    ent = registry.register(store, Enterprise, enterprise_raw(9))
    a, b = (
        registry.register(
            store, Expert, {"name": n, "institution": "温州大学", "specialties": "电气"}
        )
        for n in ("丙专家", "丁专家")
    )
    raw = {"enterprise_id": ent.id, "expert_ids": [b.id, a.id], "visit_date": "2026-11-03"}
    visit = visit_log.log_visit(store, {**raw, "visit_type": "技术诊断"})
    (created,) = [e for e in _rows(store, visit.id) if e.table == "visits"]
    assert created.action == "create" and created.before is None
    assert created.after["expert_ids"] == [b.id, a.id]
    assert created.after["enterprise_id"] == ent.id
    visit_log.edit_visit(store, visit.id, {"expert_ids": [a.id]})
    changed = [e for e in _rows(store, visit.id) if e.action == "update"]
    assert [(e.before, e.after) for e in changed] == [
        ({"expert_ids": [b.id, a.id]}, {"expert_ids": [a.id]})
    ]


def test_the_os_user_is_asked_once_per_process(monkeypatch) -> None:
    import getpass

    calls: list[int] = []
    monkeypatch.setattr(getpass, "getuser", lambda: calls.append(1) or "wzkj02")
    monkeypatch.setattr(audit, "_os_user", None)
    assert [audit.os_user() for _ in range(5)] == ["wzkj02"] * 5
    assert len(calls) == 1


def test_an_import_asks_who_writes_once_not_per_row(tmp_path, monkeypatch) -> None:
    """The import's triggers read the actor fixed when it started (no Python call per row);
    the coordinator's name set before the import still names its rows."""
    from dispatch_app.exchange.importer import ImportOptions, import_file

    lines = ["统一社会信用代码,企业名称,所属区县"]
    lines += [f"{_uscc(i)},测试企业{i},鹿城区" for i in range(40)]
    source = tmp_path / "ent.csv"
    source.write_text("\n".join(lines) + "\n", "utf-8-sig")
    asked: list[int] = []
    monkeypatch.setattr(audit, "os_user", lambda: asked.append(1) or "wzkj03")
    audit.set_default_actor(None)
    with open_store(tmp_path / "fresh.db", create=True) as fresh:
        result = import_file(fresh, "enterprises", source)
        assert result.ok and result.added == 40
        assert {e.who for e in audit.history(fresh.conn)} == {"wzkj03"}
        assert len(asked) <= 3
        audit.set_default_actor("赵协调")
        try:
            import_file(fresh, "enterprises", source, ImportOptions(on_existing="update"))
            renamed = source.read_text("utf-8-sig").replace("测试企业", "改名企业")
            source.write_text(renamed, "utf-8-sig")
            result = import_file(fresh, "enterprises", source, ImportOptions(on_existing="update"))
            assert result.ok and result.updated == 40
            latest = audit.history(fresh.conn)[-41:]
            assert {e.who for e in latest} == {"赵协调"}
            assert {e.action for e in latest} == {"import"}
        finally:
            audit.set_default_actor(None)
