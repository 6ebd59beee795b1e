"""``dispatch-app --selftest``: passes on a whole installation, fails loudly on a broken one."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from dispatch_app import paths
from dispatch_app.gui import selftest
from dispatch_app.gui.page_registry import PAGES


def test_selftest_command_checks_every_page_and_the_pdf(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DISPATCH_APP_DATA": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "dispatch_app.cli.main", "--selftest"],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # no Qt warning, no error box
    lines = done.stdout.splitlines()
    for key, _title in PAGES:
        assert any(line.startswith(f"ok    page {key} ") for line in lines), key
    assert any("PDF written" in line for line in lines)
    assert "自检通过" in lines[-1]
    assert list(tmp_path.iterdir()) == []  # nothing written into the user's data folder


def test_missing_resources_fail_with_the_folder_named(qapp, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DISPATCH_APP_RESOURCES", str(tmp_path / "empty"))
    paths.resources_dir.cache_clear()
    try:
        assert selftest.run_selftest(out=io.StringIO()) == 1
    finally:
        monkeypatch.delenv("DISPATCH_APP_RESOURCES")
        paths.resources_dir.cache_clear()
    err = capsys.readouterr().err
    assert "FAILED resources" in err and "empty" in err
    assert "自检未通过" in err


def test_a_page_that_breaks_fails_the_selftest(qapp, monkeypatch, capsys):
    from dispatch_app.gui.pages import cases_page

    def broken(self, store):
        raise RuntimeError("cases page cannot load")

    monkeypatch.setattr(cases_page.CasesPage, "set_store", broken)
    out = io.StringIO()
    assert selftest.run_selftest(out=out) == 1
    assert "ok    page visits " in out.getvalue()  # the pages before it passed
    assert "cases page cannot load" in capsys.readouterr().err


def test_a_blank_or_truncated_pdf_is_caught(tmp_path, monkeypatch):
    report = selftest._Report(io.StringIO())
    selftest.check_pdf(tmp_path / "ok.pdf", report)
    assert (tmp_path / "ok.pdf").stat().st_size > 10_000
    from reportlab.pdfgen import canvas

    monkeypatch.setattr(canvas.Canvas, "save", lambda self: None)  # writes nothing
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4\n")
    try:
        selftest.check_pdf(tmp_path / "bad.pdf", report)
    except selftest.SelfTestFailed as exc:
        assert "not a complete PDF" in str(exc)
    else:
        raise AssertionError("a truncated PDF passed")
