"""Record validation: clean values out, every problem reported at once."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dispatch_app.domain.problems import ValidationError
from dispatch_app.domain.validation import (
    FIELD_LABELS,
    clean_appointment,
    clean_case,
    clean_enterprise,
    clean_expert,
    clean_follow_up,
    clean_target,
    clean_team,
    clean_visit,
    field_label,
    parse_bool,
)

TODAY = date(2026, 3, 5)
USCC = "914403001922038216"


def problems(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return {p.field: p.zh for p in exc.value.problems}


def test_enterprise_clean() -> None:
    notes: list[str] = []
    e = clean_enterprise(
        {
            "id": "keep-me",
            "created_at": "2026-01-01T00:00:00.000000Z",
            "uscc": " ９１４４０３００１９２２０３８２１６ ",
            "name": " 温州某某科技有限公司 ",
            "district_code": "330371",
            "town_code": "海城",
            "size": "规上",
            "qualifications": "高新技术企业；专精特新、高新技术企业",
            "contact_phone": "+86 138 1234 5678",
            "tech_needs": "一\n\n二",
            "lat": "27.93",
            "lon": 120.81,
        },
        notes,
    )
    assert e.id == "keep-me" and e.created_at.startswith("2026-01-01")
    assert e.uscc == USCC
    assert e.name == "温州某某科技有限公司"
    assert (e.district_code, e.town_code) == ("330303", "330303012")
    assert e.size == "above"
    assert e.qualifications == ("高新技术企业", "专精特新")
    assert e.contact_phone == "13812345678"
    assert e.tech_needs == "一\n\n二"
    assert (e.lat, e.lon) == (27.93, 120.81)
    assert len(notes) == 1 and "330371" in notes[0]


def test_enterprise_minimal_defaults() -> None:
    e = clean_enterprise({"uscc": USCC, "name": "甲", "district_code": "鹿城"})
    assert e.town_code is None and e.size == "" and e.qualifications == ()
    assert e.id
    # No point given: the district centre, marked as such (geo/fill.py).
    assert e.coord_precision == "district" and e.lat is not None and e.lon is not None


def test_enterprise_collects_every_problem() -> None:
    with pytest.raises(ValidationError) as exc:
        clean_enterprise(
            {
                "uscc": "9.14403E+17",
                "name": "x" * 101,
                "district_code": "杭州",
                "size": "大型",
                "contact_phone": "88881234",
                "lat": 120.6,
                "lon": 28.0,
                "address": "地" * 201,
            }
        )
    found = problems(exc)
    assert set(found) == {
        "uscc",
        "name",
        "district_code",
        "size",
        "contact_phone",
        "lat",
        "address",
    }
    assert "Excel" in found["uscc"]
    assert found["name"].startswith("企业名称")
    assert "填反" in found["lat"]
    assert found["contact_phone"].startswith("联系电话")
    assert all(p.en for p in exc.value.problems)


def test_enterprise_required_fields() -> None:
    with pytest.raises(ValidationError) as exc:
        clean_enterprise({"uscc": " ", "name": None})
    assert set(problems(exc)) == {"uscc", "name", "district_code"}
    assert problems(exc)["uscc"] == "统一社会信用代码不能为空"


def test_enterprise_town_in_other_district() -> None:
    with pytest.raises(ValidationError) as exc:
        clean_enterprise(
            {"uscc": USCC, "name": "甲", "district_code": "鹿城区", "town_code": "海城街道"}
        )
    assert "龙湾区" in problems(exc)["town_code"]


def test_enterprise_half_coordinates() -> None:
    with pytest.raises(ValidationError) as exc:
        clean_enterprise({"uscc": USCC, "name": "甲", "district_code": "鹿城", "lat": 28.0})
    assert "lon" in problems(exc)


def test_expert() -> None:
    x = clean_expert(
        {
            "name": "张三",
            "institution": "温州大学",
            "specialties": "机械、自动化;机械",
            "can_be_vp": "是",
            "district_code": "瓯海",
            "phone": "0577-88881234",
        }
    )
    assert x.specialties == ("机械", "自动化") and x.can_be_vp is True
    assert x.district_code == "330304" and x.district_code is not None
    with pytest.raises(ValidationError) as exc:
        clean_expert({"name": "", "institution": "", "specialties": "、", "can_be_vp": "也许"})
    assert set(problems(exc)) == {"name", "institution", "specialties", "can_be_vp"}
    assert problems(exc)["name"] == "姓名不能为空"


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("是", True),
        ("否", False),
        ("yes", True),
        ("NO", False),
        ("true", True),
        ("0", False),
        (1, True),
        (0, False),
        (True, True),
        ("", False),
        (None, False),
    ],
)
def test_parse_bool(raw: object, value: bool) -> None:
    assert parse_bool(raw) is value


def test_team() -> None:
    t = clean_team({"name": "鹿城轻骑一队", "district_code": "鹿城区", "leader_id": ""})
    assert t.district_code == "330302" and t.leader_id is None
    with pytest.raises(ValidationError) as exc:
        clean_team({"name": ""})
    assert problems(exc)["name"] == "队伍名称不能为空"


def test_appointment() -> None:
    a = clean_appointment(
        {
            "expert_id": "x",
            "enterprise_id": "y",
            "start_date": "2026/3/5",
            "end_date": 47000,
            "batch_year": "2026年",
            "status": "在岗",
        }
    )
    assert (a.start_date, a.batch_year, a.status) == ("2026-03-05", 2026, "active")
    assert a.end_date > a.start_date
    assert (
        clean_appointment(
            {
                "expert_id": "x",
                "enterprise_id": "y",
                "start_date": "2026-03-05",
                "end_date": "2027-03-04",
                "batch_year": 2026,
            }
        ).status
        == "proposed"
    )


def test_appointment_end_before_start() -> None:
    for end in ("2026-03-04", "2026-03-05"):
        with pytest.raises(ValidationError) as exc:
            clean_appointment(
                {
                    "expert_id": "x",
                    "enterprise_id": "y",
                    "start_date": "2026-03-05",
                    "end_date": end,
                    "batch_year": 2026,
                }
            )
        assert "须晚于开始日期" in problems(exc)["end_date"]


def test_appointment_missing_everything() -> None:
    with pytest.raises(ValidationError) as exc:
        clean_appointment({"status": "派出"})
    assert set(problems(exc)) == {
        "expert_id",
        "enterprise_id",
        "start_date",
        "end_date",
        "batch_year",
        "status",
    }


def test_visit() -> None:
    v = clean_visit(
        {
            "enterprise_id": "e",
            "expert_ids": "a、b",
            "visit_date": "2026年3月5日",
            "visit_type": "项目对接",
        },
        TODAY,
    )
    assert v.expert_ids == ("a", "b") and v.team_id is None
    assert (v.visit_date, v.status, v.visit_type) == ("2026-03-05", "completed", "matchmaking")


def test_visit_completed_in_future_refused() -> None:
    with pytest.raises(ValidationError) as exc:
        clean_visit({"enterprise_id": "e", "team_id": "t", "visit_date": "2026-03-06"}, TODAY)
    assert "不能晚于今天" in problems(exc)["visit_date"]
    planned = clean_visit(
        {"enterprise_id": "e", "team_id": "t", "visit_date": "2026-03-06", "status": "计划中"},
        TODAY,
    )
    assert planned.status == "planned"


def test_visit_needs_team_or_expert() -> None:
    with pytest.raises(ValidationError) as exc:
        clean_visit(
            {"enterprise_id": "e", "visit_date": "2026-03-01", "problems": "问" * 4001}, TODAY
        )
    assert set(problems(exc)) == {"team_id", "problems"}


def test_follow_up() -> None:
    f = clean_follow_up(
        {"description": "落实检测设备", "due_date": "2026.4.1", "needs_coordination": "是"}
    )
    assert (f.due_date, f.needs_coordination, f.status) == ("2026-04-01", True, "open")
    with pytest.raises(ValidationError) as exc:
        clean_follow_up({"description": " ", "due_date": "下周"})
    assert set(problems(exc)) == {"description", "due_date"}


def test_case() -> None:
    c = clean_case(
        {
            "title": "案例",
            "enterprise_id": "e",
            "year": 2025,
            "output_value_wan": "1,200万元",
            "patents": "3项",
            "new_products": 2.0,
        }
    )
    assert (c.output_value_wan, c.patents, c.new_products) == (1200.0, 3, 2)
    with pytest.raises(ValidationError) as exc:
        clean_case(
            {
                "title": "案例",
                "enterprise_id": "e",
                "year": 2025,
                "cost_saved_wan": -1,
                "patents": 1.5,
                "new_products": "许多",
            }
        )
    assert set(problems(exc)) == {"cost_saved_wan", "patents", "new_products"}


def test_target() -> None:
    t = clean_target(
        {"year": 2026, "scope": "全市", "visits_target": "10000", "appointments_target": 500}
    )
    assert (t.scope, t.visits_target, t.appointments_target) == ("330300", 10000, 500)
    assert clean_target({"year": 2026, "scope": "乐清"}).scope == "330382"
    with pytest.raises(ValidationError) as exc:
        clean_target({"year": 1990, "scope": "杭州", "visits_target": -5})
    assert set(problems(exc)) == {"year", "scope", "visits_target"}


def test_labels() -> None:
    assert FIELD_LABELS["uscc"] == ("统一社会信用代码", "Unified social credit code")
    assert field_label("name", "expert") == ("姓名", "Name")
    assert field_label("name", "enterprise")[0] == "企业名称"


any_value = st.one_of(st.none(), st.text(), st.integers(), st.floats(), st.booleans())


@settings(max_examples=60)
@given(st.dictionaries(st.sampled_from(sorted(FIELD_LABELS)), any_value))
def test_cleaners_only_raise_validation_error(raw: dict[str, object]) -> None:
    """Any input gives a record or a ValidationError naming real fields, never a crash."""
    cleaners = [
        clean_enterprise,
        clean_expert,
        clean_team,
        clean_appointment,
        clean_follow_up,
        clean_case,
        clean_target,
        lambda r: clean_visit(r, TODAY),
    ]
    for clean in cleaners:
        try:
            record = clean(raw)
        except ValidationError as exc:
            assert exc.problems, "a refusal must say why"
            for p in exc.problems:
                assert p.zh and p.en
                assert p.field in FIELD_LABELS or p.field in {"team_id", "lat", "lon"}
        else:
            assert record.id
