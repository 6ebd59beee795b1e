"""The light-cavalry team form: name, leader, district, industry, its roster of experts, and
its base (驻地: where its day starts, see ``team_base_section``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.choices import INDUSTRIES
from ...domain.problems import FieldProblem
from ...domain.records import Record, Team
from ...domain.validation import clean_team
from ...planning import team_base
from ...services import lookup, registry
from ..i18n import N_, tr
from ..lookup_edit import LookupEdit
from .fields import FieldSpec
from .record_form import RecordForm
from .team_base_section import TeamBaseSection


def _districts(store, values):
    return lookup.district_options(store)


def _experts(store, text):
    return lookup.expert_completions(store, text)


class TeamForm(RecordForm):
    record_cls = Team
    cleaner = staticmethod(clean_team)
    domain_kind = "team"
    list_kind = "teams"
    fields = (
        FieldSpec("name", required=True),
        FieldSpec(
            "leader_id", "lookup", lookup=_experts, placeholder=N_("Type a name or pinyin initials")
        ),
        FieldSpec("district_code", "options", options=_districts),
        FieldSpec("industry", editable_choices=tuple(INDUSTRIES)),
    )
    related_links = (
        ("experts", "team", N_("Members"), "experts"),
        ("visits", "team", N_("Visits"), "visits"),
    )

    def build_extra(self, parent: QWidget) -> QWidget:
        holder = QWidget(parent)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._build_members(holder))
        self.base_section = TeamBaseSection(holder, lambda: self._on_edited("base"))
        column.addWidget(self.base_section)
        return holder

    def _build_members(self, parent: QWidget) -> QWidget:
        box = QGroupBox(tr("Members"), parent)
        layout = QVBoxLayout(box)
        self.members = QListWidget(box)
        self.members.setObjectName("teamMembers")
        self.members.setMaximumHeight(140)
        layout.addWidget(self.members)
        row = QHBoxLayout()
        self.member_edit = LookupEdit(parent=box)
        self.member_edit.setPlaceholderText(tr("Add an expert: type a name or pinyin"))
        self.member_edit.set_search(
            lambda text: lookup.expert_completions(self.store, text) if self.store else []
        )
        self.member_edit.chosen.connect(self._add_member)
        remove = QPushButton(tr("Remove selected"), box)
        remove.clicked.connect(self._remove_member)
        row.addWidget(self.member_edit, 1)
        row.addWidget(remove)
        layout.addLayout(row)
        return box

    def new_title(self) -> str:
        return tr("New team")

    def clear_extra(self) -> None:
        if hasattr(self, "members"):
            self.members.clear()
        if hasattr(self, "base_section"):
            self.base_section.show_base(None)

    def extra_draft(self) -> Any:
        """The roster as shown ([expert id, shown name] per member) and the base fields."""
        members = [
            [self.members.item(i).data(Qt.ItemDataRole.UserRole), self.members.item(i).text()]
            for i in range(self.members.count())
        ]
        return {"members": members, "base": self.base_section.values()}

    def restore_extra_draft(self, data: Any) -> None:
        if isinstance(data, dict):  # (drafts written before the base was added: a plain list)
            self.base_section.set_values(data.get("base"))
            data = data.get("members")
        self.members.clear()
        for expert_id, text in data or []:
            item = QListWidgetItem(str(text), self.members)
            item.setData(Qt.ItemDataRole.UserRole, str(expert_id))

    def _add_member(self, expert_id: str) -> None:
        if not expert_id or expert_id in self.member_ids():
            return
        item = QListWidgetItem(self.member_edit.text(), self.members)
        item.setData(Qt.ItemDataRole.UserRole, expert_id)
        self.member_edit.clear_selection()
        self._on_edited("members")

    def _remove_member(self) -> None:
        for item in self.members.selectedItems():
            self.members.takeItem(self.members.row(item))
        self._on_edited("members")

    def member_ids(self) -> list[str]:
        return [
            self.members.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.members.count())
        ]

    def lookup_texts(self, record: Record) -> dict[str, str]:
        leader = record.leader_id or ""  # type: ignore[attr-defined]
        return {"leader_id": lookup.display_name(self.store, "experts", leader) if leader else ""}

    def extra_problems(self, raw: dict[str, Any]) -> list[FieldProblem]:
        if not hasattr(self, "base_section"):
            return []
        return self.base_section.check(raw.get("district_code") or None)

    def after_load(self, record: Record) -> None:
        self.base_section.show_base(team_base.recorded_base(self.store, record.id))
        self.members.clear()
        for option in lookup.team_members(self.store, record.id):
            text = option.text + (f"（{tr('leader')}）" if option.detail == "leader" else "")
            item = QListWidgetItem(text, self.members)
            item.setData(Qt.ItemDataRole.UserRole, option.id)

    def write(self, raw: dict[str, Any]) -> str:
        with self.store.atomic():  # the team and its roster together, or neither
            team_id = super().write(raw)
            registry.set_team_members(
                self.store, team_id, self.member_ids(), raw.get("leader_id") or None
            )
            team_base.set_base(self.store, team_id, self.base_section.base())
        return team_id
