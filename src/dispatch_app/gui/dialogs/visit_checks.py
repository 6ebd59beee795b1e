"""The visit dialog's checks: what the domain says about the values typed, and where to show it.

No widgets here (plain values in, problems out), so the rules the dialog applies live in one
short place: an enterprise typed but not chosen, ``clean_visit`` on the visit's fields,
``clean_follow_up`` on each follow-up item (numbered as the user sees the rows).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from ...domain.problems import FieldProblem, ValidationError
from ...domain.validation import clean_follow_up, clean_visit


def problems_of(
    raw: Mapping[str, Any],
    enterprise_text: str,
    numbered_items: Iterable[tuple[int, dict[str, Any]]],
    today: date,
) -> list[FieldProblem]:
    """Every problem with the dialog's values, the enterprise first, then follow-up items."""
    problems: list[FieldProblem] = []
    if enterprise_text.strip() and not raw.get("enterprise_id"):
        problems.append(
            FieldProblem(
                "enterprise_id",
                "企业：请从下拉列表中选择",
                "Enterprise: choose an entry from the list",
            )
        )
    try:
        clean_visit(dict(raw), today=today)
    except ValidationError as exc:
        seen = {p.field for p in problems}
        problems += [p for p in exc.problems if p.field not in seen]
    for number, item in numbered_items:
        try:
            clean_follow_up(item)
        except ValidationError as exc:
            problems += [
                FieldProblem("follow_ups", f"第 {number} 条：{p.zh}", f"Item {number}: {p.en}")
                for p in exc.problems
            ]
    return problems


def messages_by_field(problems: Iterable[FieldProblem], lang: str) -> dict[str, list[str]]:
    """Messages grouped under the dialog's fields (a follow-up item's under ``follow_ups``)."""
    out: dict[str, list[str]] = {}
    for p in problems:
        name = "follow_ups" if p.field.startswith("follow_ups[") else p.field
        out.setdefault(name, []).append(p.message(lang))
    return out
