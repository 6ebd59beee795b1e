"""``dispatch-app demo`` as a user runs it: exit codes and no overwrite without --force."""

from __future__ import annotations

from pathlib import Path

from dispatch_app.cli.main import main


def test_demo_writes_and_refuses_to_overwrite(tmp_path: Path, capsys) -> None:
    path = tmp_path / "demo.db"
    args = ["demo", str(path), "--seed", "3", "--visits", "500", "--as-of", "2026-06-30"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "入企服务 / visits 500" in out
    before = path.read_bytes()
    assert main(args) == 2
    assert "--force" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert main([*args, "--force"]) == 0
    assert main(["check", "--db", str(path)]) == 0


def test_demo_district_by_name_and_bad_district(tmp_path: Path, capsys) -> None:
    path = tmp_path / "ruian.db"
    assert (
        main(["demo", str(path), "--district", "瑞安", "--visits", "50", "--as-of", "2026-04-01"])
        == 0
    )
    assert "瑞安市" in capsys.readouterr().out
    bad = tmp_path / "bad.db"
    assert main(["demo", str(bad), "--district", "杭州"]) == 2
    assert not bad.exists()
    assert main(["demo", str(bad), "--visits", "-5"]) == 2
    assert not bad.exists()
