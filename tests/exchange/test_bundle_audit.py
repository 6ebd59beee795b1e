"""The audit trail in the bundle: only on request, said by the manifest, merged once."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from dispatch_app.demo.generator import generate_demo
from dispatch_app.domain.records import Enterprise
from dispatch_app.exchange.bundle import make_bundle
from dispatch_app.exchange.bundle_audit import AUDIT_FILE
from dispatch_app.exchange.merge import merge_bundles
from dispatch_app.services import registry
from dispatch_app.store import audit, open_store


def _district_with_edits(path: Path) -> list[str]:
    """A demo district (not audited) with two edits through the services (audited)."""
    generate_demo(path, seed=3, visits=40, district="330382")
    with open_store(path) as store:
        ids = [r[0] for r in store.conn.execute("SELECT id FROM enterprises LIMIT 2")]
        for n, ent_id in enumerate(ids):
            registry.edit(store, Enterprise, ent_id, {"contact_phone": f"1380000000{n}"})
    return ids


def _bundle(db: Path, out: Path, **kw) -> dict:
    with open_store(db, readonly=True) as store:
        return make_bundle(store, out, district="330382", **kw).manifest


def _merged(city: Path, trail_of: list[str]) -> list[audit.Entry]:
    """The entries that came from the district (not the bureau's own merge rows)."""
    with open_store(city, readonly=True) as store:
        ids = {r[0] for r in store.conn.execute("SELECT id FROM audit_log WHERE origin NOT NULL")}
        return [e for e in audit.history(store.conn) if e.id in ids and e.record_id in trail_of]


def test_without_the_flag_no_audit_file_and_the_manifest_says_so(tmp_path) -> None:
    db = tmp_path / "d.db"
    _district_with_edits(db)
    manifest = _bundle(db, tmp_path / "b.zip")
    assert manifest["audit"] is False
    with zipfile.ZipFile(tmp_path / "b.zip") as zf:
        assert AUDIT_FILE not in zf.namelist()
        assert json.loads(zf.read("manifest.json"))["audit"] is False


def test_with_the_flag_merge_brings_the_entries_once(tmp_path, empty_db) -> None:
    db = tmp_path / "d.db"
    ids = _district_with_edits(db)
    manifest = _bundle(db, tmp_path / "b.zip", with_audit=True, mask_phones=True)
    assert manifest["audit"] is True and manifest["audit_file"]["entries"] == 2
    city = empty_db("city.db")
    with open_store(city) as store:
        first = merge_bundles(store, [tmp_path / "b.zip"])
    assert first.ok and first.audit_added == 2
    entries = _merged(city, ids)
    assert sorted(e.record_id for e in entries) == sorted(ids)
    assert all(e.action == "update" and "contact_phone" in e.after for e in entries)
    assert all("0000000" not in e.after["contact_phone"] for e in entries)  # masked
    with open_store(city) as store:
        second = merge_bundles(store, [tmp_path / "b.zip"])
    assert second.ok and second.audit_added == 0 and not second.written
    assert len(_merged(city, ids)) == 2


def test_an_audit_file_the_manifest_does_not_name_is_ignored(tmp_path, empty_db) -> None:
    db = tmp_path / "d.db"
    ids = _district_with_edits(db)
    _bundle(db, tmp_path / "with", with_audit=True)
    _bundle(db, tmp_path / "without")
    (tmp_path / "without" / AUDIT_FILE).write_bytes((tmp_path / "with" / AUDIT_FILE).read_bytes())
    city = empty_db("city.db")
    with open_store(city) as store:
        result = merge_bundles(store, [tmp_path / "without"])
    assert result.ok and result.audit_added == 0
    assert _merged(city, ids) == []


def test_an_edited_audit_file_is_refused_and_nothing_merged(tmp_path, empty_db) -> None:
    import pytest

    from dispatch_app.exchange.merge import BundleRejected

    db = tmp_path / "d.db"
    _district_with_edits(db)
    _bundle(db, tmp_path / "b", with_audit=True)
    path = tmp_path / "b" / AUDIT_FILE
    path.write_text(path.read_text(encoding="utf-8-sig").replace("update", "delete"), "utf-8")
    city = empty_db("city.db")
    with open_store(city) as store, pytest.raises(BundleRejected, match=r"audit_log\.csv"):
        merge_bundles(store, [tmp_path / "b"])
