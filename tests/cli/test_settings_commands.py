"""``dispatch-app settings`` and ``dispatch-app geocode``: listing, storing, exit 2."""

from __future__ import annotations

import json

import pytest

from dispatch_app.cli.main import main
from dispatch_app.matching.policy import MatchPolicy
from dispatch_app.store import open_store


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path, create=True):
        pass
    return path


def test_lists_every_setting(db, capsys) -> None:
    assert main(["settings", "--db", str(db), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["match.max_distance_km"]["value"] == "100"
    assert out["geo.geocoder"]["value"] == "off"
    assert out["planning.speed_kmh"]["range"] == [5, 120]
    assert main(["settings", "--db", str(db)]) == 0
    assert "推荐规则 / Matching policy" in capsys.readouterr().out


def test_set_stores_all_values(db, capsys) -> None:
    args = ["settings", "--db", str(db), "--set", "max_distance_km=40"]
    assert main([*args, "--set", "planning.minutes_per_stop=45"]) == 0
    assert "default 100" in capsys.readouterr().out
    with open_store(db, readonly=True) as store:
        assert MatchPolicy.load(store).max_distance_km == 40
        assert float(store.get_setting("planning.minutes_per_stop")) == 45
    assert main(["settings", "--db", str(db), "--defaults"]) == 0
    with open_store(db, readonly=True) as store:
        assert MatchPolicy.load(store).max_distance_km == 100


def test_bad_values_exit_2_and_store_nothing(db, capsys) -> None:
    code = main(
        [
            "settings", "--db", str(db), "--set", "max_distance_km=40",
            "--set", "speed_kmh=fast", "--set", "nosuch=1",
        ]
    )  # fmt: skip
    assert code == 2
    err = capsys.readouterr().err
    assert "nothing was saved" in err
    assert "--set planning.speed_kmh" in err and "--set nosuch" in err
    with open_store(db, readonly=True) as store:
        assert store.get_setting("match.max_distance_km") is None
    assert main(["settings", "--db", str(db), "--set", "oops"]) == 2


def test_geocode_off_exits_2_plainly(db, capsys) -> None:
    assert main(["geocode", "--db", str(db)]) == 2
    assert "未开启" in capsys.readouterr().err
    assert main(["geocode", "--db", str(db), "--provider", "baidu"]) == 2
    assert "key" in capsys.readouterr().err
