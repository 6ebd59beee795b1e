"""The online-geocoding part of the dispatch settings: the privacy note and 补全坐标.

"Geocode missing addresses" stores the settings first (all or nothing), then runs
``geo.geocode_missing`` in a worker (its own connection, a progress dialog with Cancel): the
records placed only at a town or district centre get the service's point; every answer is
cached in the database and requests are spaced by the stored interval. With no network (or a
refused key) the result line says so plainly; nothing was changed.
``geocoder_factory(settings)`` replaces the geopy service -- the tests pass a fake one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from ...domain.problems import FieldProblem
from ...geo.geocode_missing import GeocodingOff, GeocodingUnavailable, geocode_missing
from ...geo.geocode_missing import missing_count as count_missing
from ...services import dispatch_settings as ds
from ..i18n import pick, tr
from ..workers import Task, TaskRunner

NOTE_STYLE = "color: #8a5a00; background: #fff6e0; padding: 6px; border-radius: 3px;"


class GeocodingSection:
    """Adds the note, the count and the action to the geocoding tab's form."""

    def __init__(
        self, dialog: Any, form: QFormLayout, geocoder_factory: Callable[[Any], Any] | None
    ) -> None:
        self.dialog = dialog
        self.factory = geocoder_factory
        page = form.parentWidget()
        note = QLabel(pick(*ds.PRIVACY_NOTE), page)
        note.setObjectName("geocodingNote")
        note.setWordWrap(True)
        note.setStyleSheet(NOTE_STYLE)
        form.insertRow(0, note)
        row = QWidget(page)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.button = QPushButton(tr("Geocode missing addresses…"), row)
        self.button.setObjectName("geocodeMissing")
        self.button.setToolTip(
            tr("Saves these settings, then looks up the addresses placed only at a town centre")
        )
        self.button.clicked.connect(self.run)
        line.addWidget(self.button)
        line.addStretch(1)
        form.addRow(row)
        self.status = QLabel(page)
        self.status.setObjectName("geocodingStatus")
        self.status.setWordWrap(True)
        form.addRow(self.status)
        self.runner = TaskRunner(dialog)
        self.task: Task | None = None
        self.result: Any = None
        self._missing = count_missing(dialog.store)

    def update_state(self, values: dict[str, str], problems: list[FieldProblem]) -> None:
        on = ds.geocoding_on(values)
        geo_ok = not any(p.field.startswith("geo.") for p in problems)
        self.button.setEnabled(on and geo_ok and not self.runner.busy())
        if self.task is None and self.result is None:
            self.status.setText(self._count_text(on))

    def _count_text(self, on: bool) -> str:
        text = tr("{n:,} enterprises and experts are placed only at a town or district centre.")
        text = text.format(n=self._missing)
        if not on:
            text += " " + tr("Choose a service above to look up their addresses.")
        return text

    def run(self) -> None:
        """Save the settings, then geocode in a worker (progress dialog with Cancel)."""
        if self.runner.busy() or not self.dialog.save_quietly():
            return
        from ...geo.geocode import GeocoderSettings

        settings = GeocoderSettings.load(self.dialog.store)
        geocoder = self.factory(settings) if self.factory is not None else None
        self.result = None
        self.status.setText(tr("Looking up addresses…"))

        def work(ctx: Any) -> Any:
            return geocode_missing(ctx.store, settings, geocoder=geocoder, report=ctx.report)

        self.task = Task(
            tr("Geocoding missing addresses…"),
            work,
            db_path=str(self.dialog.store.path),
            on_done=self._done,
            on_error=self._failed,
            on_cancel=self._cancelled,
        )
        self.button.setEnabled(False)
        self.runner.run(self.task, show_after_ms=200)

    def _finish(self, text: str) -> None:
        self.task = None
        self._missing = count_missing(self.dialog.store)
        self.status.setText(text)
        self.dialog.validate()
        self.dialog.saved.emit()  # points may have changed: the window reloads its pages

    def _done(self, summary: Any) -> None:
        self.result = summary
        text = tr(
            "Looked up {n:,} addresses ({r:,} online requests, the rest from the cache): "
            "{k:,} records now have an exact point."
        )
        self._finish(text.format(n=summary.looked_up, r=summary.requests, k=summary.improved))

    def _failed(self, exc: BaseException) -> None:
        self.result = exc
        if isinstance(exc, GeocodingUnavailable | GeocodingOff):
            self._finish(pick(exc.zh, exc.en))
        else:
            self._finish(tr("Geocoding stopped: {error}").format(error=exc))

    def _cancelled(self) -> None:
        self.result = "cancelled"
        self._finish(tr("Cancelled: the points found before were kept."))
