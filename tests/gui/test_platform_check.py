"""The plain message before Qt would abort over a missing X11/Wayland system library."""

from __future__ import annotations

import io
import sys

import pytest

from dispatch_app.cli.main import main
from dispatch_app.gui import platform_check as pc

X11 = {"DISPLAY": ":0"}


def loader_without(*gone: str):
    """A fake dynamic loader that finds every library except ``gone``."""
    return lambda soname: soname not in gone


def test_missing_xcb_libraries_name_the_packages_in_both_languages():
    out = io.StringIO()
    ok = pc.check_desktop_libraries(
        env=X11,
        platform="linux",
        loader=loader_without("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"),
        stream=out,
    )
    text = out.getvalue()
    assert not ok
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1\n" in text
    assert "libxcb-keysyms.so.1" in text
    assert "缺少" in text and "missing" in text
    assert text.count("apt-get install") == 2  # once in each language


def test_complete_system_or_other_platforms_pass_silently():
    everything_gone = lambda _s: False  # noqa: E731
    assert pc.missing_for_desktop(X11, "linux", loader_without()) is None
    assert pc.missing_for_desktop(X11, "win32", everything_gone) is None
    assert pc.missing_for_desktop({}, "linux", everything_gone) is None  # no display at all
    for platform in ("offscreen", "minimal", "vnc"):
        env = {**X11, "QT_QPA_PLATFORM": platform}
        assert pc.missing_for_desktop(env, "linux", everything_gone) is None
    skip = {**X11, "DISPATCH_APP_SKIP_PLATFORM_CHECK": "1"}
    assert pc.missing_for_desktop(skip, "linux", everything_gone) is None


def test_wayland_session_checks_wayland_and_falls_back_to_x11():
    wayland_only = {"WAYLAND_DISPLAY": "wayland-0"}
    found = pc.missing_for_desktop(wayland_only, "linux", loader_without("libwayland-egl.so.1"))
    assert found == ("wayland", ["libwayland-egl.so.1"])
    both = {**wayland_only, **X11}
    # Wayland incomplete but X11 complete: Qt falls back to xcb, so the window opens.
    assert pc.missing_for_desktop(both, "linux", loader_without("libwayland-egl.so.1")) is None
    # X11 incomplete but Wayland complete: fine too.
    assert pc.missing_for_desktop(both, "linux", loader_without("libxcb-xkb.so.1")) is None
    forced = {**both, "QT_QPA_PLATFORM": "xcb"}
    assert pc.missing_for_desktop(forced, "linux", loader_without("libxcb-xkb.so.1")) == (
        "xcb",
        ["libxcb-xkb.so.1"],
    )


def test_every_soname_has_one_package_and_no_duplicates():
    for table in (pc.XCB_LIBRARIES, pc.WAYLAND_LIBRARIES):
        names = [s for s, _ in table]
        assert len(names) == len(set(names))
    assert pc.packages_for(["libEGL.so.1", "libEGL.so.1", "libGL.so.1"]) == ["libegl1", "libgl1"]


def test_real_loader_finds_libc_and_not_a_made_up_library():
    if not sys.platform.startswith("linux"):
        pytest.skip("the loader test reads Linux sonames")
    assert pc.can_load("libc.so.6")
    assert not pc.can_load("libdispatch-app-no-such-library.so.9")


def test_a_library_in_ld_library_path_counts_as_found(tmp_path, monkeypatch):
    (tmp_path / "libdispatch-app-fake.so.1").write_bytes(b"")
    monkeypatch.setenv("LD_LIBRARY_PATH", str(tmp_path))
    monkeypatch.setattr(pc, "_dlopen", lambda _s: False)
    if not sys.platform.startswith("linux"):
        pytest.skip("Linux folders")
    assert pc.can_load("libdispatch-app-fake.so.1")
    assert not pc.can_load("libdispatch-app-fake.so.2")


def test_window_command_exits_before_qt_when_libraries_are_missing(monkeypatch, capsys):
    if not sys.platform.startswith("linux"):
        pytest.skip("the check applies to Linux desktops")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("DISPATCH_APP_SKIP_PLATFORM_CHECK", raising=False)
    monkeypatch.setattr(pc, "can_load", loader_without("libxcb-cursor.so.0"))
    started = []
    monkeypatch.setattr("dispatch_app.gui.app.run", lambda **kw: started.append(kw) or 0)
    assert main(["--db", "x.db"]) == 1
    assert started == []
    assert "sudo apt-get install libxcb-cursor0\n" in capsys.readouterr().err


def test_window_command_goes_on_when_the_libraries_are_there(monkeypatch):
    monkeypatch.setattr(pc, "can_load", loader_without())
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    started = []
    monkeypatch.setattr("dispatch_app.gui.app.run", lambda **kw: started.append(kw) or 0)
    assert main(["--db", "x.db"]) == 0
    assert started and started[0]["db"] == "x.db"
