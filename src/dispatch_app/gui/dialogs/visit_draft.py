"""The visit dialog as a draft: every field as shown, and back (see ``..draft_keeper``).

Kept apart from the dialog so the dialog stays about logging a visit. Values are JSON-able:
the enterprise with the text typed (even when nothing was chosen from the list), the experts
with their shown names (no database look-up needed to show them again), every follow-up item.
"""

from __future__ import annotations

from typing import Any


def values_of(dialog: Any) -> dict[str, Any]:
    values: dict[str, Any] = dialog.raw()
    values["enterprise_id"] = {
        "id": dialog.enterprise.selected_id,
        "text": dialog.enterprise.text(),
    }
    values["expert_ids"] = dialog.experts.entries()
    values["follow_ups"] = dialog.items.items()
    return values


def restore(dialog: Any, values: dict[str, Any]) -> None:
    """Fill the dialog exactly as typed (invalid values too)."""
    enterprise = values.get("enterprise_id") or {}
    dialog.enterprise.set_selected(str(enterprise.get("id", "")), str(enterprise.get("text", "")))
    dialog.team.setCurrentIndex(max(dialog.team.findData(values.get("team_id") or ""), 0))
    dialog.experts.set_entries(values.get("expert_ids") or [])
    dialog.visit_date.setText(str(values.get("visit_date", "")))
    for name, combo in (("visit_type", dialog.visit_type), ("status", dialog.status)):
        combo.setCurrentIndex(max(combo.findData(values.get(name)), 0))
    for name, edit in dialog.texts.items():
        edit.setPlainText(str(values.get(name, "")))
    dialog.confirmed_by.setText(str(values.get("confirmed_by", "")))
    dialog.items.set_items(list(values.get("follow_ups") or []))
