"""A record's history (历史): who changed it, when, and each field from what to what.

One line per changed field, newest first, read from the audit trail (``store.audit``); field
names are shown with the form's own labels. Read only.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout, QWidget

from ... import clock
from ...domain.validation import field_label
from ...store import audit
from ..i18n import N_, current_language, tr
from ..models.figure_table import FigureColumn, FigureTableModel

ACTION_LABELS = {
    "create": N_("Created"),
    "update": N_("Changed"),
    "archive": N_("Archived"),
    "delete": N_("Deleted"),
    "import": N_("Imported"),
    "merge": N_("Merged"),
}


# Stored fields the forms do not label (the domain's labels cover the rest).
EXTRA_LABELS = {
    "archived_at": ("归档时间", "Archived at"),
    "closed_at": ("办结时间", "Closed at"),
    "coord_datum": ("坐标系", "Coordinate datum"),
    "coord_precision": ("坐标精度", "Coordinate precision"),
    "coord_source": ("坐标来源", "Coordinate source"),
    "expert_ids": ("服务专家", "Experts"),
    "role": ("角色", "Role"),
    "joined_on": ("加入日期", "Joined on"),
    "left_on": ("离开日期", "Left on"),
}
_TIME_FIELDS = {"archived_at", "closed_at"}
_CHILD_LABELS = {"team_members": N_("Member"), "follow_ups": N_("Follow-up item")}


def local_time(stored: str) -> str:
    """A stored UTC time as the coordinator's wall clock shows it."""
    try:
        when = datetime.fromisoformat(stored.replace("Z", "+00:00"))
    except ValueError:
        return stored
    return when.astimezone(clock.LOCAL).strftime("%Y-%m-%d %H:%M:%S")


def _shown(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return tr("Yes") if value else tr("No")
    return str(value)


# Fields holding another record's id, shown by that record's name.
_REFERS = {
    "enterprise_id": "enterprises",
    "expert_id": "experts",
    "leader_id": "experts",
    "team_id": "teams",
}
_TABLE_OF_KIND = {"team": "teams", "visit": "visits"}


def _named(store: Any, name: str, value: object) -> object:
    from ...services.lookup import display_name

    table = _REFERS.get(name)
    if table and isinstance(value, str) and value:
        return display_name(store, table, value) or value
    if name == "expert_ids" and isinstance(value, list):
        return "、".join(display_name(store, "experts", v) or v for v in value)
    return value


def history_lines(store: Any, record_id: str, kind: str) -> list[dict[str, str]]:
    """The rows the table shows, newest first (one per field; one per entry without fields)."""
    lang = current_language()
    lines: list[dict[str, str]] = []
    children = audit.CHILDREN.get(_TABLE_OF_KIND.get(kind, ""))
    for e in reversed(audit.history(store.conn, record_id, children=children)):
        base = {"at": local_time(e.at), "who": e.who, "action": tr(ACTION_LABELS[e.action])}
        if e.record_id != record_id:  # a member or a follow-up item of this record
            base["action"] += " · " + tr(_CHILD_LABELS.get(e.table, e.table))
        names = e.fields()
        if e.before is None or e.after is None:  # a whole record created or deleted:
            whole = e.after if e.before is None else e.before  # its filled-in fields only
            parent = audit.CHILDREN.get(_TABLE_OF_KIND.get(kind, ""), ("", ""))[1]
            names = [n for n in names if (whole or {}).get(n) not in (None, "", 0) and n != parent]
        if not names:
            lines.append({**base, "field": "", "before": "", "after": ""})
            continue
        before, after = e.before or {}, e.after or {}
        for name in names:
            zh, en = EXTRA_LABELS.get(name) or field_label(name, kind)
            if name in _TIME_FIELDS:
                shown: Any = lambda v: local_time(v) if v else "—"  # noqa: E731
            else:
                shown = lambda v, n=name: _shown(_named(store, n, v))  # noqa: E731
            lines.append(
                {
                    **base,
                    "field": en if lang == "en" else zh,
                    "before": shown(before.get(name)) if e.before is not None else "",
                    "after": shown(after.get(name)) if e.after is not None else "",
                }
            )
    return lines


def _column(key: str, title: str) -> FigureColumn:
    return FigureColumn(key, title, lambda row, k=key: row[k])


COLUMNS = (
    _column("at", N_("Time")),
    _column("who", N_("By")),
    _column("action", N_("Action")),
    _column("field", N_("Field")),
    _column("before", N_("Before")),
    _column("after", N_("After")),
)


class HistoryDialog(QDialog):
    def __init__(
        self, store: Any, record_id: str, kind: str, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("History") + " — " + title)
        self.resize(860, 420)
        layout = QVBoxLayout(self)
        self.model = FigureTableModel(COLUMNS, self)
        self.model.set_rows(history_lines(store, record_id, kind))
        self.empty = QLabel(tr("No changes have been recorded for this record."), self)
        self.empty.setVisible(self.model.rowCount() == 0)
        layout.addWidget(self.empty)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSortingEnabled(False)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.resizeColumnsToContents()
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
