"""The command line as a script would use it: exit codes, stderr messages, JSON shape."""

from __future__ import annotations

import json

from dispatch_app.cli.main import main
from dispatch_app.domain.records import Enterprise, Expert
from dispatch_app.services import registry, visit_log
from dispatch_app.store import open_store
from support.world import TODAY, enterprise_raw


def test_init_creates_database_with_targets(tmp_path, capsys):
    path = tmp_path / "district.db"
    assert main(["init", str(path), "--year", "2026"]) == 0
    with open_store(path) as store:
        assert store.scalar("SELECT count(*) FROM targets WHERE year = 2026") == 13
    assert main(["init", str(path)]) == 2
    assert "已存在" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys):
    assert main(["progress", "--year", "twenty"]) == 2
    assert main(["no-such-command"]) == 2
    assert main(["progress"]) == 2
    assert "--db" in capsys.readouterr().err


def test_check_reports_ok_and_counts(tmp_path, capsys):
    path = tmp_path / "c.db"
    main(["init", str(path)])
    capsys.readouterr()
    assert main(["check", "--db", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True
    assert data["integrity"] == ["ok"]
    assert data["counts"]["districts"] == 12


def test_check_on_a_spreadsheet_exits_2_and_leaves_it(tmp_path, capsys):
    path = tmp_path / "list.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    assert main(["check", "--db", str(path)]) == 2
    assert "不是一个数据库文件" in capsys.readouterr().err
    assert path.read_bytes() == b"PK\x03\x04" + b"\x00" * 200


def test_check_missing_file_exits_2(tmp_path, capsys):
    assert main(["check", "--db", str(tmp_path / "gone.db")]) == 2
    assert "不存在" in capsys.readouterr().err
    assert not (tmp_path / "gone.db").exists()


def test_progress_json_shape(tmp_path, capsys):
    path = tmp_path / "p.db"
    main(["init", str(path), "--year", "2026"])
    with open_store(path) as store:
        ent = registry.register(store, Enterprise, enterprise_raw(1))
        exp = registry.register(
            store, Expert, {"name": "陈立", "institution": "温州大学", "specialties": "电气"}
        )
        for day in ("2026-02-01", "2026-03-01"):
            visit_log.log_visit(
                store,
                {"enterprise_id": ent.id, "expert_ids": [exp.id], "visit_date": day},
                today=TODAY,
            )
    capsys.readouterr()
    assert (
        main(["progress", "--db", str(path), "--year", "2026", "--as-of", "2026-06-30", "--json"])
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["year"] == 2026
    assert data["visits"]["target"] == 10_000 and data["visits"]["done"] == 2
    appointments = data["appointments"]
    assert (appointments["target"], appointments["done"]) == (500, 0)
    assert len(data["districts"]) == 12
    row = next(d for d in data["districts"] if d["district"] == "乐清市")
    for key in ("district", "adcode", "visits", "appointments", "enterprises_covered"):
        assert key in row
    for key in ("done", "target", "expected_by_date", "forecast_year_end", "status"):
        assert key in row["visits"] and key in data["visits"]
    assert row["visits"]["done"] == 2 and row["visits"]["target"] == 1500


def test_progress_text_output_is_chinese(tmp_path, capsys):
    path = tmp_path / "t.db"
    main(["init", str(path), "--year", "2026"])
    capsys.readouterr()
    assert main(["progress", "--db", str(path), "--year", "2026"]) == 0
    out = capsys.readouterr().out
    assert "入企服务" in out and "鹿城区" in out


def test_unexpected_error_exits_1(tmp_path, capsys, monkeypatch):
    path = tmp_path / "u.db"
    main(["init", str(path)])

    def boom(*args, **kwargs):
        raise RuntimeError("disk exploded")

    monkeypatch.setattr("dispatch_app.progress.dashboard", boom)
    assert main(["progress", "--db", str(path)]) == 1
    assert "disk exploded" in capsys.readouterr().err


def test_years_outside_2000_2100_are_usage_errors(tmp_path, capsys):
    path = tmp_path / "y.db"
    assert main(["init", str(path), "--year", "0"]) == 2
    assert "2000–2100" in capsys.readouterr().err and not path.exists()
    assert main(["init", str(path), "--year", "２０２６"]) == 0  # typed with a Chinese IME
    capsys.readouterr()
    for bad in ("99999", "0", "1999"):
        assert main(["progress", "--db", str(path), "--year", bad]) == 2
        err = capsys.readouterr().err
        assert "超出范围" in err and "Traceback" not in err
    assert main(["progress", "--db", str(path), "--year", "2100", "--json"]) == 0


def test_demo_into_a_missing_folder_exits_2(tmp_path, capsys):
    target = tmp_path / "no" / "d.db"
    assert main(["demo", str(target), "--visits", "0"]) == 2
    err = capsys.readouterr().err
    assert "文件夹不存在" in err and "Traceback" not in err and not target.parent.exists()
    assert main(["demo", str(tmp_path), "--force"]) == 2
    assert "是一个文件夹" in capsys.readouterr().err
    assert main(["demo", str(tmp_path / "x.db"), "--district", "火星"]) == 2
    assert "--district" in capsys.readouterr().err
