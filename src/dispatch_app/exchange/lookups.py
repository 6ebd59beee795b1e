"""References an import resolves, loaded from the database once and kept as dictionaries.

A 100k-row visit file names a few thousand enterprises, experts and teams over and over; one
query per kind up front and dictionary look-ups per row keep validation fast. Records added
earlier in the same import (or merge) are added here too, so later rows and files see them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..domain.text import normalize_text
from ..store.database import Store


@dataclass
class EnterpriseRef:
    id: str
    name: str
    district_code: str


_NAME_WITH_INSTITUTION = re.compile(r"^(.+?)\s*[(（](.+)[)）]$")


class Lookups:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.enterprise_by_uscc: dict[str, EnterpriseRef] = {}
        for r in store.query("SELECT id, uscc, name, district_code FROM enterprises"):
            self.enterprise_by_uscc[r["uscc"]] = EnterpriseRef(
                r["id"], r["name"], r["district_code"]
            )
        self.expert_by_key: dict[tuple[str, str], str] = {}
        self.experts_by_name: dict[str, list[str]] = {}
        for r in store.query("SELECT id, name, institution FROM experts ORDER BY id"):
            self.add_expert(r["id"], r["name"], r["institution"])
        self.team_by_name: dict[str, str] = {
            r["name"]: r["id"] for r in store.query("SELECT id, name FROM teams")
        }
        self.appointment_ids: set[str] = {r[0] for r in store.query("SELECT id FROM appointments")}
        self._visit_ids: set[str] | None = None

    @property
    def visit_ids(self) -> set[str]:
        """Ids of the stored visits, loaded when a follow-ups file first needs them."""
        if self._visit_ids is None:
            self._visit_ids = {r[0] for r in self.store.conn.execute("SELECT id FROM visits")}
        return self._visit_ids

    def add_visit(self, visit_id: str) -> None:
        if self._visit_ids is not None:
            self._visit_ids.add(visit_id)

    def add_enterprise(self, uscc: str, ref: EnterpriseRef) -> None:
        self.enterprise_by_uscc[uscc] = ref

    def add_expert(self, expert_id: str, name: str, institution: str) -> None:
        self.expert_by_key[(name, institution)] = expert_id
        ids = self.experts_by_name.setdefault(name, [])
        if expert_id not in ids:
            ids.append(expert_id)

    def forget_expert_key(self, name: str, institution: str) -> None:
        expert_id = self.expert_by_key.pop((name, institution), None)
        ids = self.experts_by_name.get(name, [])
        if expert_id in ids:
            ids.remove(expert_id)

    def expert_by_label(self, label: str) -> tuple[str | None, str, str]:
        """An expert from ``姓名`` or ``姓名（工作单位）``: (id, zh problem, en problem)."""
        text = normalize_text(label)
        ids = self.experts_by_name.get(text, [])
        if len(ids) == 1:
            return ids[0], "", ""
        m = _NAME_WITH_INSTITUTION.match(text)
        if m:
            found = self.expert_by_key.get((m.group(1).strip(), m.group(2).strip()))
            if found:
                return found, "", ""
        if len(ids) > 1:
            return (
                None,
                f"专家「{text}」在专家库中有 {len(ids)} 位同名，请写成“姓名（工作单位）”",
                f"There are {len(ids)} experts named '{text}'; write 'name (institution)'",
            )
        return (
            None,
            f"专家「{text}」不在专家库中，请先导入专家",
            f"Expert '{text}' is not in the expert list; import the experts first",
        )
