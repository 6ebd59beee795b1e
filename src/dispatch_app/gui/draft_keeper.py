"""The Qt side of the drafts: write what was typed ~1 s after the last edit, and offer it back.

A form or dialog owns one :class:`DraftKeeper` and one :class:`DraftBanner`. It tells the keeper
when it has shown a record (``opened``), when the user edited something (``edited``), when it is
about to show another one (``leave``: unsaved input is written down first) and when the input is
saved or explicitly thrown away (``forget``). The keeper compares a snapshot of the fields with
the one taken when the record was shown, so typing a value back to what it was is not "unsaved".

While a found draft is being offered and not yet answered, the keeper writes nothing: the
offered draft is what the user has not decided about, and must not be overwritten by accident.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from .drafts import Draft, Drafts
from .i18n import tr

DEBOUNCE_MS = 1000
BANNER_STYLE = (
    "QFrame#draftBanner { background: #fff4d6; border: 1px solid #e8c66a; border-radius: 4px; }"
)


class DraftBanner(QFrame):
    """The strip above a form: "Unsaved input from <time>  [Restore] [Discard]"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftBanner")
        self.setStyleSheet(BANNER_STYLE)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore_button = QPushButton(tr("Restore", "unsaved input"), self)
        self.restore_button.setObjectName("restoreDraft")
        self.discard_button = QPushButton(tr("Discard"), self)
        self.discard_button.setObjectName("discardDraft")
        row.addWidget(self.text, 1)
        row.addWidget(self.restore_button)
        row.addWidget(self.discard_button)
        self.hide()

    def offer(self, draft: Draft) -> None:
        self.text.setText(tr("Unsaved input from {time}").format(time=draft.shown_time()))
        self.show()


Key = tuple[Any, str, str | None]  # database path, record kind, record id (None: new)


class DraftKeeper(QObject):
    """Writes one form's unsaved input to the drafts file and offers it back when reopened."""

    def __init__(
        self,
        owner: QWidget,
        kind: str,
        snapshot: Callable[[], dict[str, Any]],
        restore: Callable[[dict[str, Any]], None],
        banner: DraftBanner,
    ) -> None:
        super().__init__(owner)
        self.kind = kind
        self.drafts: Drafts | None = None
        self._snapshot = snapshot
        self._restore = restore
        self.banner = banner
        self.key: Key | None = None
        self.baseline: dict[str, Any] = {}
        self.offered: Draft | None = None
        self.last_error: OSError | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        banner.restore_button.clicked.connect(self.restore)
        banner.discard_button.clicked.connect(self.discard)

    # -- state ---------------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        """Something typed since the record was shown (or last saved) that is not saved."""
        return self.key is not None and self._snapshot() != self.baseline

    def rebase(self) -> None:
        """What is shown now counts as saved (after a save that keeps the form open)."""
        self._timer.stop()
        self.baseline = self._snapshot()

    # -- the form's events ---------------------------------------------------------------------
    def opened(self, db: Any, record_id: str | None) -> None:
        """A record (or a new one) is now shown: remember it as clean, offer its draft if any."""
        self._timer.stop()
        self.key = (db, self.kind, record_id) if db else None
        self.baseline = self._snapshot()
        self.offered = None
        self.banner.hide()
        if self.key is not None and self.drafts is not None:
            draft = self.drafts.get(*self.key)
            if draft is not None and draft.values != self.baseline:
                self.offered = draft
                self.banner.offer(draft)

    def edited(self) -> None:
        if self.key is not None and self.offered is None:
            self._timer.start()

    def flush(self) -> None:
        """Write the draft now (or drop it when the input equals what is stored)."""
        self._timer.stop()
        if self.key is None or self.drafts is None or self.offered is not None:
            return
        try:
            if self.is_dirty():
                self.drafts.put(*self.key, self._snapshot())
            else:
                self.drafts.remove(*self.key)
        except OSError as exc:  # a full disk must not take the form down with it
            self.last_error = exc

    def leave(self) -> None:
        """Another record is about to be shown: keep this one's unsaved input as a draft."""
        if self._timer.isActive() or self.is_dirty():
            self.flush()

    def forget(self) -> None:
        """Saved, reverted or discarded: the draft goes, what is shown counts as clean."""
        self._timer.stop()
        self.offered = None
        self.banner.hide()
        self.baseline = self._snapshot()
        if self.key is not None and self.drafts is not None:
            try:
                self.drafts.remove(*self.key)
            except OSError as exc:
                self.last_error = exc

    # -- the banner's buttons ------------------------------------------------------------------
    def restore(self) -> None:
        """Fill the form exactly as typed; the draft stays until the input is saved."""
        draft, self.offered = self.offered, None
        self.banner.hide()
        if draft is not None:
            self._restore(draft.values)

    def discard(self) -> None:
        self.offered = None
        self.forget()
