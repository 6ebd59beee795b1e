"""Unsaved input of forms and dialogs, kept on disk so a crash, a closed window or a language
switch loses nothing a coordinator typed.

One small JSON file per user (beside the settings), holding one entry per open edit, keyed by
database path + record kind + record id ("new" for a record not saved yet). Every write goes to
a temporary file in the same folder that then replaces the old one (``os.replace``), so a crash
mid-write leaves either the old file or the new one, never half of one. The file is read on
every look-up (it is small) so a second process or a rebuilt window sees the same drafts. An
unreadable file is moved aside (``.bad``) rather than trusted or silently overwritten.

Plain Python on purpose: no Qt, no SQL — it must work when the database is the thing that broke.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from .. import clock

FILE_NAME = "drafts.json"
FORMAT = 1
NEW = "new"  # the record id of a record not saved yet


@dataclass(frozen=True)
class Draft:
    """What was typed into one form, and when it was last written down (local time)."""

    db: str
    kind: str
    record_id: str
    saved_at: datetime
    values: dict[str, Any]

    def shown_time(self) -> str:
        return self.saved_at.strftime("%Y-%m-%d %H:%M")


def db_key(path: str | os.PathLike[str] | None) -> str:
    """The same database under any spelling of its path (relative, other case on Windows)."""
    if not path:
        return ""
    return os.path.normcase(os.path.abspath(os.fspath(path)))


class Drafts:
    """The drafts file: get / put / remove one draft; each call reads or rewrites the file."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)

    # -- reading ---------------------------------------------------------------------------
    def _read(self) -> list[dict[str, Any]]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except OSError:
            return []  # unreadable now (locked by a virus scanner); try again next time
        try:
            data = json.loads(text)
            entries = data["drafts"]
            if not isinstance(entries, list):
                raise TypeError("drafts is not a list")
            return [e for e in entries if isinstance(e, dict) and isinstance(e.get("values"), dict)]
        except (ValueError, KeyError, TypeError):
            with contextlib.suppress(OSError):
                os.replace(self.path, self.path.with_name(self.path.name + ".bad"))
            return []

    @staticmethod
    def _matches(entry: dict[str, Any], db: str, kind: str, record_id: str) -> bool:
        return entry.get("db") == db and entry.get("kind") == kind and entry.get("id") == record_id

    def get(self, db: Any, kind: str, record_id: str | None) -> Draft | None:
        key = (db_key(db), kind, record_id or NEW)
        for entry in self._read():
            if self._matches(entry, *key):
                try:
                    when = datetime.fromisoformat(str(entry.get("saved_at")))
                except ValueError:
                    when = clock.local_now().replace(tzinfo=None)
                return Draft(key[0], kind, key[2], when, dict(entry["values"]))
        return None

    def all(self) -> list[Draft]:
        out = []
        for e in self._read():
            try:
                when = datetime.fromisoformat(str(e.get("saved_at")))
            except ValueError:
                when = clock.local_now().replace(tzinfo=None)
            out.append(Draft(str(e["db"]), str(e["kind"]), str(e["id"]), when, e["values"]))
        return out

    # -- writing ---------------------------------------------------------------------------
    def put(self, db: Any, kind: str, record_id: str | None, values: dict[str, Any]) -> None:
        """Keep (or replace) the draft of one record."""
        key = (db_key(db), kind, record_id or NEW)
        entries = [e for e in self._read() if not self._matches(e, *key)]
        entries.append(
            {
                "db": key[0],
                "kind": kind,
                "id": key[2],
                "saved_at": clock.local_now().replace(tzinfo=None).isoformat(timespec="seconds"),
                "values": values,
            }
        )
        self._write(entries)

    def remove(self, db: Any, kind: str, record_id: str | None) -> None:
        key = (db_key(db), kind, record_id or NEW)
        entries = self._read()
        kept = [e for e in entries if not self._matches(e, *key)]
        if len(kept) != len(entries):
            self._write(kept)

    def _write(self, entries: list[dict[str, Any]]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps({"format": FORMAT, "drafts": entries}, ensure_ascii=False, indent=1)
        fd, tmp = tempfile.mkstemp(prefix=".drafts-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
