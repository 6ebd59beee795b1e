"""The map's jump to a team's next day with visits."""

from __future__ import annotations

from datetime import date, timedelta

from dispatch_app.store import map_queries, open_store


def test_next_team_day_skips_cancelled_and_earlier_days(tmp_path):
    with open_store(tmp_path / "t.db", create=True) as s:
        c = s.conn
        c.execute("PRAGMA foreign_keys = OFF")  # only the visits table matters here
        rows = [
            ("a", "2026-05-01", "completed"),
            ("b", "2026-05-03", "cancelled"),
            ("c", "2026-05-07", "planned"),
            ("d", "2026-05-09", "planned"),
        ]
        cols = {r[1] for r in c.execute("PRAGMA table_info(visits)")}
        assert {"id", "team_id", "visit_date", "status"} <= cols
        for vid, day, status in rows:
            c.execute(
                "INSERT INTO visits (id, created_at, updated_at, enterprise_id, team_id,"
                " visit_date, visit_type, status, district_code)"
                " VALUES (?, '', '', 'e', 't', ?, 'diagnosis', ?, '330302')",
                (vid, day, status),
            )
        start = date(2026, 5, 1)
        assert map_queries.next_team_day(s, "t", start) == date(2026, 5, 7)
        assert map_queries.next_team_day(s, "t", start - timedelta(days=1)) == start
        assert map_queries.next_team_day(s, "t", date(2026, 5, 9)) is None
        assert map_queries.next_team_day(s, "other", start) is None
