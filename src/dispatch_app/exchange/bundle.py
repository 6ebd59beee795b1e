"""The monthly bundle a district sends to the bureau: every kind in one folder or zip.

Contents: ``enterprises.csv``, ``teams.csv``, ``experts.csv``, ``appointments.csv``,
``visits.csv``, ``follow_ups.csv`` (every item of the bundled visits), ``cases.csv`` (the
export format, UTF-8 with BOM) and ``manifest.json`` with the district, the period, the row
count and SHA-256 of every file.

Selection. Without ``month``: every record of the district. With ``month`` (YYYY-MM): visits
dated in the month, appointments starting in it, and any record of the district edited in it.
"Edited in the month" is the bureau's local month (Asia/Shanghai, UTC+8): 更新时间 is stored in
UTC, so a record edited on 1 December at 00:01 local time (30 November 16:01 UTC) belongs to
December's bundle (``clock.local_month_bounds_utc``). In both cases the bundle also carries
every enterprise, expert and team the selected records refer to (and the leaders of the
selected teams), so the bureau's database can take it even when empty.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import __version__, clock
from ..domain.geography import load_gazetteer
from ..domain.records import now_iso
from ..file_errors import describe_write_error
from ..store.database import Store
from .bundle_audit import AUDIT_FILE, write_audit_file
from .columns import DEPENDENCY_ORDER
from .exporter import ExportOptions, export_kind
from .writers import ExportFailed, atomic_path

MANIFEST = "manifest.json"
BUNDLE_FORMAT = "dispatch-app-bundle"
_IDS = "temp.dx_bundle"


@dataclass
class BundleResult:
    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    manifest: dict = field(default_factory=dict)


def month_range(month: str) -> tuple[date, date]:
    try:
        year, mon = (int(p) for p in month.split("-"))
        first = date(year, mon, 1)
    except (ValueError, TypeError):
        raise ExportFailed(
            f"月份「{month}」格式不对，应为 2026-06", f"Month '{month}' must look like 2026-06"
        ) from None
    return first, date(year, mon, calendar.monthrange(year, mon)[1])


def _select(store: Store, district: str | None, month: str | None) -> None:
    conn = store.conn
    conn.execute(f"DROP TABLE IF EXISTS {_IDS}")
    conn.execute(f"CREATE TABLE {_IDS} (kind TEXT, id TEXT, PRIMARY KEY (kind, id))")
    d = "1" if district is None else "{col} = :district"
    p: dict[str, object] = {"district": district}
    if month:
        first, last = month_range(month)
        start, end = clock.local_month_bounds_utc(first.year, first.month)
        p.update(first=first.isoformat(), last=last.isoformat(), start=start, end=end)
        edited = "({alias}.updated_at >= :start AND {alias}.updated_at < :end)"
        in_month = "({col} BETWEEN :first AND :last OR " + edited + ")"
    else:
        edited = in_month = "1"

    def add(kind: str, sql: str) -> None:
        conn.execute(f"INSERT OR IGNORE INTO {_IDS} (kind, id) {sql}", p)

    def when(col: str, alias: str) -> str:
        """Dated in the month (a visit, an appointment) or edited in it."""
        return in_month.format(col=col, alias=alias)

    def edited_in_month(alias: str) -> str:
        return edited.format(alias=alias)

    def of_district(col: str) -> str:
        return d.format(col=col)

    add(
        "visits",
        f"SELECT 'visits', v.id FROM visits v WHERE {of_district('v.district_code')}"
        f" AND {when('v.visit_date', 'v')}",
    )
    if month:
        # A follow-up item added or closed in the month travels with its visit (whose
        # 跟进事项 cell summarises the items).
        add(
            "visits",
            "SELECT 'visits', v.id FROM visits v JOIN follow_ups f ON f.visit_id = v.id"
            f" WHERE {of_district('v.district_code')}"
            " AND f.updated_at >= :start AND f.updated_at < :end",
        )
    add(
        "appointments",
        "SELECT 'appointments', a.id FROM appointments a JOIN enterprises e ON"
        f" e.id = a.enterprise_id WHERE {of_district('e.district_code')}"
        f" AND {when('a.start_date', 'a')}",
    )
    add(
        "cases",
        f"SELECT 'cases', c.id FROM cases c WHERE {of_district('c.district_code')}"
        f" AND {edited_in_month('c')}",
    )
    for kind, alias in (("enterprises", "e"), ("experts", "x"), ("teams", "t")):
        add(
            kind,
            f"SELECT '{kind}', {alias}.id FROM {kind} {alias} WHERE"
            f" {of_district(alias + '.district_code')}"
            f" AND {edited_in_month(alias)}",
        )
    # Everything the selected records refer to.
    sel = f"(SELECT id FROM {_IDS} WHERE kind = '{{}}')"
    # Every item of a selected visit, so the bureau's copy of the visit's items is whole.
    add(
        "follow_ups",
        f"SELECT 'follow_ups', id FROM follow_ups WHERE visit_id IN {sel.format('visits')}",
    )
    add(
        "enterprises",
        "SELECT 'enterprises', enterprise_id FROM visits WHERE id IN"
        f" {sel.format('visits')} UNION SELECT 'enterprises', enterprise_id FROM appointments"
        f" WHERE id IN {sel.format('appointments')} UNION SELECT 'enterprises', enterprise_id"
        f" FROM cases WHERE id IN {sel.format('cases')}",
    )
    add(
        "appointments",
        "SELECT 'appointments', appointment_id FROM cases WHERE"
        f" appointment_id IS NOT NULL AND id IN {sel.format('cases')}",
    )
    add(
        "experts",
        "SELECT 'experts', expert_id FROM visit_experts WHERE visit_id IN"
        f" {sel.format('visits')} UNION SELECT 'experts', expert_id FROM appointments"
        f" WHERE id IN {sel.format('appointments')}",
    )
    add(
        "teams",
        "SELECT 'teams', team_id FROM visits WHERE team_id IS NOT NULL AND id IN"
        f" {sel.format('visits')} UNION SELECT 'teams', team_id FROM team_members WHERE"
        f" left_on IS NULL AND expert_id IN {sel.format('experts')} UNION SELECT 'teams', id"
        f" FROM teams WHERE leader_id IN {sel.format('experts')}",
    )
    add(
        "experts",
        "SELECT 'experts', leader_id FROM teams WHERE leader_id IS NOT NULL AND id IN"
        f" {sel.format('teams')}",
    )
    # The leaders just added may lead teams too: their 所属轻骑队 names must exist at the bureau.
    add(
        "teams",
        "SELECT 'teams', team_id FROM team_members WHERE left_on IS NULL AND expert_id"
        f" IN {sel.format('experts')} UNION SELECT 'teams', id FROM teams WHERE leader_id IN"
        f" {sel.format('experts')}",
    )


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class BundleExists(ExportFailed):
    """The target already holds a bundle and replacing it was not asked for."""


def _bundle_files() -> set[str]:
    return {MANIFEST, AUDIT_FILE, *(f"{kind}.csv" for kind in DEPENDENCY_ORDER)}


def _check_target(out: Path, as_zip: bool, overwrite: bool) -> None:
    """Refuse a target that cannot or may not be written, before any work is done.

    A zip file or a folder holding a bundle is replaced only with ``overwrite``; a folder
    holding anything else is never emptied, and an existing other file is never a bundle.
    """
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ExportFailed(f"文件夹不存在：{folder}", f"Folder does not exist: {folder}")
    if as_zip:
        if out.is_dir():
            raise ExportFailed(
                f"{out} 是一个文件夹，不能写成 .zip 文件", f"{out} is a folder, not a .zip file"
            )
        if out.exists() and not overwrite:
            raise BundleExists(f"数据包文件已存在：{out}", f"The bundle file exists: {out}")
        return
    if out.exists() and not out.is_dir():
        raise ExportFailed(
            f"{out} 是一个已有的文件；数据包应写到新文件夹或 .zip 文件",
            f"{out} is an existing file; a bundle goes to a new folder or a .zip file",
        )
    entries = {p.name for p in out.iterdir()} if out.is_dir() else set()
    if not entries:
        return
    if not entries <= _bundle_files() or MANIFEST not in entries:
        raise ExportFailed(
            f"目标文件夹已存在且不为空（不是数据包，不会覆盖）：{out}",
            f"The folder exists, is not empty and holds no bundle (never replaced): {out}",
        )
    if not overwrite:
        raise BundleExists(f"目标文件夹中已有数据包：{out}", f"The folder holds a bundle: {out}")


def _replace_folder(work: Path, out: Path) -> None:
    """Put ``work`` at ``out``; an old bundle there is moved aside, then removed."""
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
        old.rmdir()
        out.rename(old)
    try:
        work.rename(out)
    except BaseException:
        if old is not None:
            old.rename(out)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def make_bundle(
    store: Store,
    out: str | Path,
    *,
    district: str | None = None,
    month: str | None = None,
    overwrite: bool = True,
    with_audit: bool = False,
    mask_phones: bool = False,
) -> BundleResult:
    """Write the bundle to ``out`` (a ``.zip`` file, or a new or empty folder).

    ``overwrite`` replaces an existing zip or bundle folder (the window's save dialog has
    asked already); the command line passes ``--force`` here and refuses by default.
    ``with_audit`` adds the audit trail of the bundled records (``audit_log.csv``, phones
    masked with ``mask_phones``); the manifest's ``audit`` says whether it is there.
    """
    out = Path(out)
    as_zip = out.suffix.lower() == ".zip"
    _check_target(out, as_zip, overwrite)
    first_last = month_range(month) if month else None
    _select(store, district, month)
    try:
        work = Path(tempfile.mkdtemp(prefix=".bundle-", dir=out.parent if str(out.parent) else "."))
    except OSError as exc:  # a read-only folder, a full disk
        raise ExportFailed(*describe_write_error(exc, out)) from None
    try:
        files = []
        counts: dict[str, int] = {}
        for kind in DEPENDENCY_ORDER:
            target = work / f"{kind}.csv"
            result = export_kind(store, kind, target, ExportOptions(ids_table=_IDS))
            counts[kind] = result.rows
            files.append(
                {
                    "kind": kind,
                    "file": target.name,
                    "rows": result.rows,
                    "sha256": sha256_of(target),
                }
            )
        audit_entry = None
        if with_audit:
            target = work / AUDIT_FILE
            bounds = (
                clock.local_month_bounds_utc(first_last[0].year, first_last[0].month)
                if first_last
                else None
            )
            lines, entries = write_audit_file(
                store,
                target,
                ids_table=_IDS,
                district=district,
                bounds=bounds,
                mask_phones=mask_phones,
            )
            audit_entry = {
                "file": AUDIT_FILE,
                "rows": lines,
                "entries": entries,
                "sha256": sha256_of(target),
            }
        name = load_gazetteer().district_name(district) if district else None
        manifest = {
            "format": BUNDLE_FORMAT,
            "version": 1,
            "app_version": __version__,
            "generated_at": now_iso(),
            "district": {"adcode": district, "name": name} if district else None,
            "period": {
                "month": month,
                "from": first_last[0].isoformat() if first_last else None,
                "to": first_last[1].isoformat() if first_last else None,
            },
            "counts": counts,
            "files": files,
            "audit": with_audit,
        }
        if audit_entry:
            manifest["audit_file"] = audit_entry
        (work / MANIFEST).write_text(
            json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        if as_zip:
            with atomic_path(out) as tmp:
                with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
                    names = [f["file"] for f in files] + ([AUDIT_FILE] if audit_entry else [])
                    for entry in [MANIFEST, *names]:
                        zf.write(work / entry, entry)
                # On the disk before the rename: a power cut must not leave an empty zip
                # where last month's bundle was.
                with tmp.open("r+b") as fh:
                    os.fsync(fh.fileno())
        else:
            _replace_folder(work, out)
    finally:
        store.conn.execute(f"DROP TABLE IF EXISTS {_IDS}")
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
    return BundleResult(out, counts, manifest)
