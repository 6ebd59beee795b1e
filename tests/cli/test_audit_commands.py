"""``dispatch-app history``: one record's changes, JSON, the bureau's CSV, masked phones."""

from __future__ import annotations

import csv
import json

import pytest

from dispatch_app.cli.main import main
from dispatch_app.domain.records import Enterprise
from dispatch_app.services import registry
from dispatch_app.store import open_store
from support.world import enterprise_raw


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "h.db"
    with open_store(path, create=True) as store:
        ent = registry.register(store, Enterprise, enterprise_raw(1))
        other = registry.register(store, Enterprise, enterprise_raw(2))
        registry.edit(store, Enterprise, ent.id, {"contact_phone": "13900001111"})
    return path, ent, other


def test_one_records_history_as_json(db, capsys) -> None:
    path, ent, _ = db
    assert main(["history", "--db", str(path), "--record", ent.id, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["action"] for r in rows] == ["create", "update"]
    assert rows[1]["before"] == {"contact_phone": ent.contact_phone}
    assert rows[1]["after"] == {"contact_phone": "13900001111"}
    assert all(r["record_id"] == ent.id for r in rows)


def test_text_output_names_the_change_and_masks_on_request(db, capsys) -> None:
    path, ent, _ = db
    assert main(["history", "--db", str(path), "--record", ent.id, "--mask-phones"]) == 0
    out = capsys.readouterr().out
    assert "contact_phone" in out and "139****1111" in out and "13900001111" not in out


def test_csv_export_one_line_per_field(db, tmp_path, capsys) -> None:
    path, ent, _ = db
    out = tmp_path / "audit.csv"
    assert main(["history", "--db", str(path), "--out", str(out), "--mask-phones"]) == 0
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    change = [r for r in rows if r["操作 / Action"] == "update"]
    assert len(change) == 1 and change[0]["字段 / Field"] == "contact_phone"
    assert change[0]["修改后 / After"] == "139****1111"
    assert {r["记录编号 / Record ID"] for r in rows} >= {ent.id}


def test_bad_arguments_exit_2_without_a_traceback(db, tmp_path, capsys) -> None:
    path, _, _ = db
    assert main(["history", "--db", str(tmp_path / "missing.db")]) == 2
    assert main(["history", "--db", str(path), "--limit", "0"]) == 2
    assert main(["history", "--db", str(path), "--out", str(tmp_path / "no" / "a.csv")]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_the_command_line_records_the_coordinator_from_the_settings(tmp_path, monkeypatch) -> None:
    from dispatch_app.store import audit

    ini = tmp_path / "config" / "dispatch-app.ini"
    monkeypatch.setenv("DISPATCH_APP_CONFIG", str(ini.parent))
    ini.parent.mkdir()
    ini.write_text("[follow_ups]\ncloser_name=赵协调\n", encoding="utf-8")
    db = tmp_path / "t.db"
    open_store(db, create=True).close()
    try:
        assert main(["targets", "--db", str(db), "--set", "visits=1200"]) == 0
    finally:
        audit.set_default_actor(None)
    with open_store(db, readonly=True) as store:
        whos = {e.who for e in audit.history(store.conn) if e.table == "targets"}
    assert whos == {"赵协调"}
