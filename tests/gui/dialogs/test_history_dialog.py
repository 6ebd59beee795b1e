"""A record's history on its page: the 历史 button opens the changes, newest first."""

from __future__ import annotations

from guikit import type_text
from PySide6.QtCore import Qt

from dispatch_app.store import audit


def _lines(dialog) -> list[list[str]]:
    m = dialog.model
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_an_edit_in_the_form_shows_in_its_history(window, qtbot):
    audit.set_actor(window.store.conn, "陈协调")
    page = window.show_page("enterprises")
    page.view.selectRow(0)
    form = page.form
    old_name = form.editors["name"].text()
    form.editors["name"].clear()
    type_text(qtbot, form.editors["name"], "乐清市改名电气有限公司")
    form.validate()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.history_button.isEnabled()
    dialog = form.show_history()
    qtbot.addWidget(dialog)
    first = _lines(dialog)[0]  # newest first
    assert first[1:] == ["陈协调", "修改", "企业名称", old_name, "乐清市改名电气有限公司"]
    assert not dialog.empty.isVisible()
    dialog.grab().save(str(window.settings.folder / "history.png"))
    dialog.close()


def test_a_new_record_has_no_history_button(window):
    page = window.show_page("experts")
    page.new_record()
    assert not page.form.history_button.isEnabled()


def test_a_visit_shows_its_history_from_its_dialog(window, qtbot):
    from dispatch_app.services import visit_log

    visit_id = window.store.scalar("SELECT id FROM visits ORDER BY rowid LIMIT 1")
    visit_log.edit_visit(window.store, visit_id, {"advice": "更换密封件"})
    visit_dialog = window.log_visit(visit_id)
    qtbot.addWidget(visit_dialog)
    assert visit_dialog.history_button.isVisibleTo(visit_dialog)
    dialog = visit_dialog.show_history()
    qtbot.addWidget(dialog)
    first = _lines(dialog)[0]
    assert first[2] == "修改" and first[5] == "更换密封件"
    dialog.close()
    visit_dialog.reject()


def test_the_history_export_writes_the_bureaus_csv(window, qtbot, messages, tmp_path):
    import csv

    from dispatch_app.domain.records import Enterprise
    from dispatch_app.gui.exchange.history_export import export_history
    from dispatch_app.services import registry

    ent_id = window.store.scalar("SELECT id FROM enterprises ORDER BY rowid LIMIT 1")
    registry.edit(window.store, Enterprise, ent_id, {"contact_phone": "13900001111"})
    out = tmp_path / "audit.csv"
    with qtbot.waitSignal(window.runner.finished, timeout=10_000):
        export_history(window, str(out), mask=True)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    phone = [r for r in rows if r["字段 / Field"] == "contact_phone"]
    assert phone and phone[-1]["修改后 / After"] == "139****1111"
    assert "行" in messages["infos"][-1][1]


def test_a_teams_history_shows_its_roster_by_name(window):
    from dispatch_app.gui.dialogs.history_dialog import history_lines
    from dispatch_app.services import registry

    store = window.store
    team_id = store.scalar("SELECT id FROM teams ORDER BY rowid LIMIT 1")
    members = [
        r[0]
        for r in store.query("SELECT expert_id FROM team_members WHERE team_id = ?", (team_id,))
    ]
    newcomer_id, newcomer = store.query(
        "SELECT id, name FROM experts WHERE id NOT IN (SELECT expert_id FROM team_members"
        " WHERE team_id = ?) ORDER BY rowid LIMIT 1",
        (team_id,),
    )[0]
    registry.set_team_members(store, team_id, [*members, newcomer_id], leader_id=members[0])
    lines = history_lines(store, team_id, "team")
    added = [x for x in lines if x["action"] == "新建 · 队员" and x["after"] == newcomer]
    assert added and added[0]["field"] == "专家"
    registry.set_team_members(store, team_id, members, leader_id=members[0])  # leaves again
    lines = history_lines(store, team_id, "team")
    assert any(x["action"] == "删除 · 队员" and x["before"] == newcomer for x in lines)
