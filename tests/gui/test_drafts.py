"""The drafts file: one entry per record being edited, written atomically, read by anyone."""

from __future__ import annotations

import json
import os

import pytest

from dispatch_app.gui.drafts import Drafts


def test_a_draft_is_kept_per_database_kind_and_record(tmp_path):
    drafts = Drafts(tmp_path / "drafts.json")
    drafts.put("a.db", "enterprises", None, {"name": "乐清市新光电器有限公司", "uscc": "9133X"})
    drafts.put("a.db", "enterprises", "e1", {"name": "改名"})
    drafts.put("b.db", "enterprises", None, {"name": "另一个库"})
    again = Drafts(tmp_path / "drafts.json")  # another window or process reads the same file
    assert again.get("a.db", "enterprises", "new").values["name"] == "乐清市新光电器有限公司"
    assert again.get("a.db", "enterprises", "e1").values == {"name": "改名"}
    assert again.get("b.db", "enterprises", None).values == {"name": "另一个库"}
    assert again.get("a.db", "experts", None) is None
    again.remove("a.db", "enterprises", None)
    assert drafts.get("a.db", "enterprises", None) is None
    assert drafts.get("a.db", "enterprises", "e1") is not None  # the others stay
    assert "乐清" not in (tmp_path / "drafts.json").read_text(encoding="utf-8")


def test_the_same_database_under_another_spelling_of_its_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    drafts = Drafts(tmp_path / "drafts.json")
    drafts.put("world.db", "visits", None, {"problems": "模具寿命短"})
    assert drafts.get(tmp_path / "world.db", "visits", None).values["problems"] == "模具寿命短"
    assert drafts.get(str(tmp_path / "sub" / ".." / "world.db"), "visits", None) is not None


def test_replacing_a_draft_keeps_one_entry_and_a_time(tmp_path):
    drafts = Drafts(tmp_path / "drafts.json")
    drafts.put("a.db", "visits", None, {"advice": "一"})
    drafts.put("a.db", "visits", None, {"advice": "二"})
    assert [d.values for d in drafts.all()] == [{"advice": "二"}]
    assert len(drafts.get("a.db", "visits", None).shown_time()) == len("2026-01-01 09:30")


def test_a_failed_write_leaves_the_old_file_whole_and_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "drafts.json"
    drafts = Drafts(path)
    drafts.put("a.db", "visits", None, {"advice": "旧的"})
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        drafts.put("a.db", "visits", None, {"advice": "新的"})
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["drafts.json"]


def test_a_damaged_file_is_set_aside_not_trusted(tmp_path):
    path = tmp_path / "drafts.json"
    path.write_text('{"format": 1, "drafts": [{"db": "a.db", "kind"', encoding="utf-8")
    drafts = Drafts(path)
    assert drafts.get("a.db", "visits", None) is None
    assert (tmp_path / "drafts.json.bad").exists()  # kept for support staff to look at
    drafts.put("a.db", "visits", None, {"advice": "重新开始"})
    assert json.loads(path.read_text(encoding="utf-8"))["drafts"][0]["values"] == {
        "advice": "重新开始"
    }
