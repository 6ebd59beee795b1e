"""The visit dialog's checks on plain values (no widgets): order, numbering, grouping."""

from __future__ import annotations

from datetime import date

from dispatch_app.domain.problems import FieldProblem
from dispatch_app.gui.dialogs.visit_checks import messages_by_field, problems_of

TODAY = date(2026, 11, 20)


def _raw(**over: object) -> dict[str, object]:
    raw: dict[str, object] = {
        "enterprise_id": "",
        "team_id": "",
        "expert_ids": (),
        "visit_date": TODAY.isoformat(),
        "visit_type": "diagnosis",
        "status": "completed",
        "problems": "",
        "advice": "",
        "outcome": "",
        "confirmed_by": "",
    }
    raw.update(over)
    return raw


def test_a_name_typed_but_not_chosen_is_said_once_and_first() -> None:
    problems = problems_of(_raw(), "温州某阀门", [], TODAY)
    assert problems[0].field == "enterprise_id"
    assert problems[0].en == "Enterprise: choose an entry from the list"
    assert [p.field for p in problems].count("enterprise_id") == 1


def test_nothing_typed_is_the_domain_s_required_message() -> None:
    problems = problems_of(_raw(), "", [], TODAY)
    assert [p.field for p in problems].count("enterprise_id") == 1
    assert problems[0].en != "Enterprise: choose an entry from the list"


def test_follow_up_items_are_numbered_as_the_rows_show() -> None:
    items = [(2, {"description": "补充材料"}), (5, {"description": ""})]
    problems = problems_of(_raw(enterprise_id="e1"), "某企业", items, TODAY)
    follow = [p for p in problems if p.field == "follow_ups"]
    assert len(follow) == 1
    assert follow[0].zh.startswith("第 5 条：") and follow[0].en.startswith("Item 5: ")


def test_messages_group_item_fields_under_the_follow_ups_editor() -> None:
    problems = [
        FieldProblem("follow_ups[1].due_date", "日期有误", "Bad date"),
        FieldProblem("visit_date", "日期有误", "Bad date"),
    ]
    assert messages_by_field(problems, "en") == {
        "follow_ups": ["Bad date"],
        "visit_date": ["Bad date"],
    }
    assert messages_by_field(problems, "zh")["follow_ups"] == ["日期有误"]


def test_a_complete_visit_has_no_problem() -> None:
    items = [(1, {"description": "补充材料", "due_date": "2026-12-01"})]
    assert problems_of(_raw(enterprise_id="e1", team_id="t1"), "某企业", items, TODAY) == []
