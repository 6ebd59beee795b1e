"""The team form's member list marks the leader in the punctuation of the UI's language:
（队长） in Chinese, (leader) in English."""

from __future__ import annotations

from dispatch_app.gui.forms import team_form

TEAM = "乐清电气轻骑队"


def _leader_line(window) -> str:
    page = window.show_page("teams")
    page.select_record(window.store.scalar("SELECT id FROM teams WHERE name = ?", (TEAM,)))
    members = page.form.members
    lines = [members.item(i).text() for i in range(members.count())]
    return next(line for line in lines if "队长" in line or "leader" in line)


def test_the_leader_mark_follows_the_language(window, monkeypatch) -> None:
    assert _leader_line(window).endswith("（队长）")
    monkeypatch.setattr(team_form, "current_language", lambda: "en")
    page = window.pages["teams"]
    page.form.load(page.form.record_id)
    line = _leader_line(window)
    assert "（" not in line and line.endswith(")")
