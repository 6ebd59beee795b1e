"""Editing a year's targets: the city's and each district's visits and appointments.

The districts' shares need not add up to the city's figure (a bureau may promise more than
it hands out), but the dialog shows both sums so that a difference is seen. Saving writes
every row in one transaction (``services.targets.set_targets``), or nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.choices import CITY_SCOPE
from ..i18n import tr


class TargetsDialog(QDialog):
    saved = Signal()

    def __init__(self, store: Any, year: int, parent: QWidget | None = None) -> None:
        from ...services.lookup import district_options
        from ...services.targets import targets_for_year

        super().__init__(parent)
        self.store, self.year = store, year
        self.setObjectName("targetsDialog")
        self.setWindowTitle(tr("Targets for {year}").format(year=year))
        figures, source = targets_for_year(store, year)
        layout = QVBoxLayout(self)
        note = (
            tr("Stored in this database.")
            if source == "database"
            else tr("No targets stored for this year yet: these are the defaults.")
        )
        layout.addWidget(QLabel(note, self))
        grid = QGridLayout()
        grid.addWidget(QLabel(f"<b>{tr('Scope')}</b>", self), 0, 0)
        grid.addWidget(QLabel(f"<b>{tr('Enterprise visits')}</b>", self), 0, 1)
        grid.addWidget(QLabel(f"<b>{tr('Tech VPs')}</b>", self), 0, 2)
        self.editors: dict[str, tuple[QSpinBox, QSpinBox]] = {}
        scopes = [(CITY_SCOPE, tr("Whole city"))] + [
            (o.id, o.text) for o in district_options(store)
        ]
        for row, (scope, name) in enumerate(scopes, start=1):
            grid.addWidget(QLabel(name, self), row, 0)
            pair = []
            for col, value in enumerate(figures.get(scope, (0, 0)), start=1):
                box = QSpinBox(self)
                box.setRange(0, 1_000_000)
                box.setGroupSeparatorShown(True)
                box.setValue(int(value))
                box.valueChanged.connect(self._update_sums)
                grid.addWidget(box, row, col)
                pair.append(box)
            self.editors[scope] = (pair[0], pair[1])
        layout.addLayout(grid)
        self.sums = QLabel(self)
        self.sums.setObjectName("targetSums")
        layout.addWidget(self.sums)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update_sums()

    def figures(self) -> dict[str, tuple[int, int]]:
        return {s: (v.value(), a.value()) for s, (v, a) in self.editors.items()}

    def _update_sums(self) -> None:
        f = self.figures()
        city = f[CITY_SCOPE]
        parts = [x for s, x in f.items() if s != CITY_SCOPE]
        visits, appointments = sum(p[0] for p in parts), sum(p[1] for p in parts)
        text = tr("Districts together: {v:,} visits, {a:,} tech VPs (city: {cv:,} and {ca:,})")
        mark = "" if (visits, appointments) == city else " ⚠"
        self.sums.setText(text.format(v=visits, a=appointments, cv=city[0], ca=city[1]) + mark)

    def save(self) -> None:
        from ...domain.problems import ValidationError
        from ...services.targets import set_targets
        from ..i18n import pick

        try:
            set_targets(self.store, self.year, self.figures())
        except ValidationError as exc:
            self.error.setText("; ".join(pick(p.zh, p.en) for p in exc.problems))
            return
        self.saved.emit()
        self.accept()
