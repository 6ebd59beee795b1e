"""``dispatch-app match``: ranking output, JSON, policy overrides and the exit-2 errors."""

from __future__ import annotations

import json
import math
import random

import pytest

from dispatch_app.cli.main import main
from dispatch_app.domain.records import Enterprise, Expert
from dispatch_app.domain.uscc import random_uscc
from dispatch_app.services import registry
from dispatch_app.store import open_store

USCC = random_uscc(random.Random(3), "330324")
BASE = (28.04, 120.66)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "m.db"
    with open_store(path, create=True) as store:
        registry.register(
            store,
            Enterprise,
            {
                "uscc": USCC,
                "name": "永嘉测试阀门有限公司",
                "district_code": "永嘉县",
                "industry": "泵阀",
                "tech_needs": "阀门密封泄漏",
                "lat": BASE[0],
                "lon": BASE[1],
            },
        )
        for name, specs, km in (
            ("阀门近", "阀门设计、密封技术", 5),
            ("纺织近", "纺织材料", 5),
            ("阀门远", "阀门设计、密封技术", 80),
        ):
            registry.register(
                store,
                Expert,
                {
                    "name": name,
                    "institution": "温州大学",
                    "specialties": specs,
                    "lat": BASE[0] - km / 111.2,
                    "lon": BASE[1],
                    "can_be_vp": "是",
                },
            )
    return path


def test_text_output_ranks_and_explains(db, capsys) -> None:
    assert main(["match", "--db", str(db), "--enterprise", USCC]) == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line[:3].strip().rstrip(".").isdigit()]
    assert lines[0].split(". ", 1)[1].startswith("阀门近")
    assert "专业匹配" in lines[0] and "距离 5.0 km" in lines[0] and "在岗 0 家" in lines[0]


def test_json_output(db, capsys) -> None:
    assert (
        main(
            [
                "match",
                "--db",
                str(db),
                "--enterprise",
                USCC,
                "--json",
                "--top",
                "2",
                "--for",
                "visit",
                "--date",
                "2026-11-25",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["purpose"] == "visit" and data["date"] == "2026-11-25"
    assert [e["name"] for e in data["experts"]] == ["阀门近", "阀门远"]  # relevance first
    assert math.isclose(data["experts"][0]["distance_km"], 5.0, abs_tol=0.1)
    assert "阀门" in data["experts"][0]["terms"]
    assert data["proposed_team"]["members"][0] == "阀门近"


def test_policy_override_not_saved(db, capsys) -> None:
    args = ["match", "--db", str(db), "--enterprise", USCC, "--json"]
    assert main([*args, "--set", "max_distance_km=20"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "阀门远" not in [e["name"] for e in data["experts"]]
    assert data["excluded"] == {"far": 1}
    assert main(args) == 0
    assert "阀门远" in [e["name"] for e in json.loads(capsys.readouterr().out)["experts"]]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--enterprise", "91330382MA2XXXXXXX"], "校验位"),
        (["--enterprise", random_uscc(random.Random(4), "330302")], "没有统一社会信用代码为"),
        (["--enterprise", USCC, "--set", "nonsense=1"], "没有名为 nonsense 的推荐规则"),
        (["--enterprise", USCC, "--set", "max_distance_km=far"], "不是数字"),
        (["--enterprise", USCC, "--top", "0"], "--top"),
        (["--enterprise", USCC, "--date", "2026-13-45"], "--date"),
        (["--enterprise", USCC, "--for", "lunch"], "invalid choice"),
    ],
)
def test_bad_input_exits_2(db, capsys, argv, message) -> None:
    assert main(["match", "--db", str(db), *argv]) == 2
    assert message in capsys.readouterr().err


def test_missing_database_exits_2(tmp_path, capsys) -> None:
    assert main(["match", "--db", str(tmp_path / "none.db"), "--enterprise", USCC]) == 2
