"""The bureau's merge of district bundles: idempotent, newest edit wins, conflicts reported.

Every row of a bundle carries its record id and last-update time. For each row:
- id unknown here and its natural key (USCC, expert name + institution, team name) free → added;
- id known: a newer 更新时间 replaces the stored record, an older one is ignored, the same time
  with the same content is unchanged — so merging a bundle twice changes nothing;
- undecidable → reported as a conflict and left out: the same time with different content, or
  the same natural key already held under another id (two districts registered one enterprise).
Records that refer to a conflicting one resolve by its natural key to the record already here.

All bundles given are merged in one transaction: a checksum mismatch or an invalid row in any
of them and nothing is written.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..store.database import Store
from .bundle import BUNDLE_FORMAT, MANIFEST, sha256_of
from .bundle_audit import import_audit_file
from .columns import DEPENDENCY_ORDER
from .error_report import RowProblem
from .importer import ImportOptions, ImportResult, import_file
from .lookups import Lookups
from .readers import FileRejected, Limits, check_zip


class BundleRejected(Exception):
    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en


@dataclass
class MergeResult:
    results: list[ImportResult] = field(default_factory=list)
    written: bool = False
    audit_added: int = 0  # audit entries taken from bundles whose manifest carries the trail

    @property
    def problems(self) -> list[tuple[str, RowProblem]]:
        return [(r.path, p) for r in self.results for p in r.problems]

    @property
    def conflicts(self) -> list[tuple[str, RowProblem]]:
        return [(r.path, p) for r in self.results for p in r.conflicts]

    @property
    def ok(self) -> bool:
        return not self.problems


@contextmanager
def opened_bundle(path: str | Path, limits: Limits | None = None) -> Iterator[tuple[Path, dict]]:
    """The bundle's folder (a zip is unpacked to a temporary one) and its checked manifest."""
    path = Path(path)
    limits = limits or Limits()
    temp: Path | None = None
    try:
        if path.is_file():
            try:
                check_zip(path, limits)
            except FileRejected as exc:
                raise BundleRejected(f"{path}：{exc.zh}", f"{path}: {exc.en}") from None
            temp = Path(tempfile.mkdtemp(prefix="dispatch-bundle-"))
            with zipfile.ZipFile(path) as zf:
                for info in zf.infolist():
                    name = Path(info.filename).name
                    if info.is_dir() or name != info.filename:
                        continue  # flat bundles only: no paths, so nothing escapes the folder
                    (temp / name).write_bytes(zf.read(info))
            folder = temp
        elif path.is_dir():
            folder = path
        else:
            raise BundleRejected(f"找不到数据包：{path}", f"Bundle not found: {path}")
        yield folder, _manifest(folder, path)
    finally:
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)


def _manifest(folder: Path, shown: Path) -> dict:
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise BundleRejected(
            f"{shown}：缺少或无法读取 {MANIFEST}，不是本程序生成的数据包",
            f"{shown}: {MANIFEST} is missing or unreadable; not a bundle",
        ) from None
    if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
        raise BundleRejected(f"{shown}：不是本程序生成的数据包", f"{shown}: not a bundle")
    if manifest.get("version") != 1:
        raise BundleRejected(
            f"{shown}：数据包版本 {manifest.get('version')} 不受支持，请升级程序",
            f"{shown}: bundle version {manifest.get('version')} unsupported",
        )
    audit_file = manifest.get("audit_file") if manifest.get("audit") is True else None
    for entry in [*manifest.get("files", []), *([audit_file] if audit_file else [])]:
        if not isinstance(entry, dict):
            raise BundleRejected(f"{shown}：清单有误", f"{shown}: the manifest is damaged")
        name = str(entry.get("file", ""))
        target = folder / name
        if Path(name).name != name or not target.is_file():
            raise BundleRejected(f"{shown}：数据包缺少文件 {name}", f"{shown}: {name} is missing")
        if sha256_of(target) != entry.get("sha256"):
            raise BundleRejected(
                f"{shown}：文件 {name} 的校验值不符（传输中损坏或被修改），未合并",
                f"{shown}: checksum of {name} does not match (damaged or edited); nothing merged",
            )
    return manifest


class _Abort(Exception):
    pass


def merge_bundles(
    store: Store, paths: Sequence[str | Path], *, progress: Callable[[str], None] | None = None
) -> MergeResult:
    """Merge bundles in order, in one transaction (see the module docstring)."""
    result = MergeResult()
    try:
        with store.atomic():
            lookups = Lookups(store)
            for path in paths:
                with opened_bundle(path) as (folder, manifest):
                    files = {f["kind"]: f["file"] for f in manifest.get("files", [])}
                    for kind in DEPENDENCY_ORDER:
                        if kind not in files:
                            continue
                        if progress:
                            progress(f"{path}: {kind}")
                        options = ImportOptions(mode="merge", today=date.max)
                        r = import_file(store, kind, folder / files[kind], options, lookups)
                        r.path = f"{path}:{files[kind]}"
                        result.results.append(r)
                        if r.problems:
                            raise _Abort()
                    if manifest.get("audit") is True and manifest.get("audit_file"):
                        result.audit_added += _merge_audit(store, folder, manifest, path)
    except _Abort:
        return result
    result.written = any(r.written for r in result.results) or result.audit_added > 0
    return result


def _merge_audit(store: Store, folder: Path, manifest: dict, shown: str | Path) -> int:
    """The bundle's audit entries not merged before (its checksum was checked on opening)."""
    district = manifest.get("district") or {}
    source = str(district.get("adcode") or "") if isinstance(district, dict) else ""
    name = manifest["audit_file"]["file"]
    try:
        return import_audit_file(store, folder / name, source)
    except ValueError as exc:
        raise BundleRejected(
            f"{shown}：审计记录有误 {exc}", f"{shown}: bad audit file {exc}"
        ) from None
