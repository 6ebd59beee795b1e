"""The day's schedule: rows, CSV for Excel (BOM), printable PDF with the CJK font embedded."""

from __future__ import annotations

import csv
from datetime import date

from dispatch_app.planning.assign import assign
from dispatch_app.planning.day import plan_day
from dispatch_app.planning.routes import RouteSettings
from dispatch_app.planning.schedule import duration_text, rows, summary, write_schedule_csv
from dispatch_app.planning.schedule_pdf import write_schedule_pdf

DAY = date(2026, 11, 24)


def a_day(w, settings=None):
    assign(w["store"], [e.id for e in w["ents"][:3]] + [w["nowhere"].id], "乐清电气轻骑队", DAY)
    return plan_day(w["store"], "乐清电气轻骑队", DAY, settings or RouteSettings())


def test_rows_follow_the_route(planning_world):
    day = a_day(planning_world)
    table = rows(day)
    assert len(table) == 5  # four stops and the way back
    assert [r[3] for r in table[:4]] == [s.name for s in day.stops]
    assert table[0][1] >= "08:30" and table[-1][3].startswith("返回驻地：")
    notes = [r[9] for r in table[:4]]
    assert notes.count("无坐标，按区县中心估算") == 1
    km = sum(float(r[8]) for r in table)
    assert abs(km - day.route.km) < 0.3  # each row rounded to 0.1 km
    s = summary(day, "en")
    assert s.stops == 4 and s.leave == "08:30" and s.back == table[-1][1]


def test_open_day_has_no_way_back(planning_world):
    day = a_day(planning_world, RouteSettings(return_to_base=False))
    assert len(rows(day)) == 4


def test_csv_opens_in_excel(planning_world, tmp_path):
    day = a_day(planning_world)
    out = tmp_path / "day.csv"
    assert write_schedule_csv(day, out) == 4
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        read = list(csv.reader(fh))
    assert read[0][:4] == ["序号", "预计到达", "预计离开", "企业名称"]
    assert [r[3] for r in read[1:5]] == [s.name for s in day.stops]


def test_pdf_embeds_the_font(planning_world, tmp_path):
    day = a_day(planning_world)
    for lang in ("zh", "en"):
        out = tmp_path / f"day-{lang}.pdf"
        write_schedule_pdf(day, out, lang)
        data = out.read_bytes()
        assert data.startswith(b"%PDF")
        assert b"WenQuanYiMicroHei" in data and b"FontFile2" in data
        assert b"/MediaBox [ 0 0 595.2756 841.8898 ]" in data  # A4
    assert not list(tmp_path.glob(".*tmp"))  # the temporary file was renamed


def test_duration_text():
    assert duration_text(282) == "4 小时 42 分"
    assert duration_text(59.6, "en") == "1 h 00 min"
