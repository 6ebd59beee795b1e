"""The window's remembered choices, as one typed object over QSettings (an INI file).

Where the file lives: ``DISPATCH_APP_CONFIG`` (a folder; tests point it at a temporary one),
else the platform's per-user config folder. An INI file rather than the Windows registry, so a
coordinator's settings can be copied with the program and read by support staff.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8
FILE_NAME = "dispatch-app.ini"


def default_path() -> Path:
    override = os.environ.get("DISPATCH_APP_CONFIG")
    if override:
        return Path(override) / FILE_NAME
    from platformdirs import user_config_dir

    return Path(user_config_dir("dispatch-app", appauthor=False)) / FILE_NAME


class Settings:
    """Typed access with defaults; every setter writes through to the file."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._q = QSettings(str(self.path), QSettings.Format.IniFormat)

    @property
    def folder(self) -> Path:
        """The per-user folder of this settings file (drafts of unsaved input live beside it)."""
        return self.path.parent

    @property
    def drafts_path(self) -> Path:
        from .drafts import FILE_NAME as DRAFTS_FILE

        return self.folder / DRAFTS_FILE

    def _str(self, key: str, default: str = "") -> str:
        value = self._q.value(key, default)
        return default if value is None else str(value)

    # -- language ---------------------------------------------------------------------------
    @property
    def language(self) -> str:
        value = self._str("ui/language", "zh")
        return value if value in ("zh", "en") else "zh"

    @language.setter
    def language(self, value: str) -> None:
        self._q.setValue("ui/language", value if value in ("zh", "en") else "zh")

    # -- databases --------------------------------------------------------------------------
    @property
    def last_database(self) -> str | None:
        return self._str("db/last") or None

    @last_database.setter
    def last_database(self, value: str | None) -> None:
        self._q.setValue("db/last", value or "")

    @property
    def recent_databases(self) -> list[str]:
        value = self._q.value("db/recent", [])
        if isinstance(value, str):
            value = [value] if value else []
        return [str(v) for v in (value or []) if v][:MAX_RECENT]

    def add_recent(self, path: str) -> None:
        """Put ``path`` first in the recent list (and make it the last database)."""
        items = [p for p in self.recent_databases if p != path]
        self._q.setValue("db/recent", [path, *items][:MAX_RECENT])
        self.last_database = path

    def remove_recent(self, path: str) -> None:
        self._q.setValue("db/recent", [p for p in self.recent_databases if p != path])

    # -- window -----------------------------------------------------------------------------
    @property
    def window_geometry(self) -> QByteArray | None:
        value = self._q.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._q.setValue("window/geometry", value)

    @property
    def last_page(self) -> str:
        return self._str("window/last_page", "home")

    @last_page.setter
    def last_page(self, value: str) -> None:
        self._q.setValue("window/last_page", value)

    # -- follow-ups -------------------------------------------------------------------------
    @property
    def closer_name(self) -> str:
        """Who closes follow-up items by default (the coordinator's own name)."""
        return self._str("follow_ups/closer_name")

    @closer_name.setter
    def closer_name(self, value: str) -> None:
        self._q.setValue("follow_ups/closer_name", value.strip())
        from ..store import audit

        audit.set_default_actor(value)  # the audit trail's "who" (else the OS user)

    def sync(self) -> None:
        self._q.sync()
