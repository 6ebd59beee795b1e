"""Before the window opens on Linux: are the system libraries Qt's platform plugin needs there?

Why: PySide6 wheels carry Qt but not the X11/Wayland client libraries. On a bare Debian desktop
Qt aborts the whole process with "Could not load the Qt platform plugin "xcb"", and that message
names only ``libxcb-cursor0`` even when ``libxcb-icccm4``, ``libxcb-keysyms1`` and others are
missing too. This module looks for each library first, in the usual library folders and,
for any not found there, by asking the dynamic loader itself (no ``ldconfig`` subprocess); when
any is missing it prints one ``apt-get install`` line naming the Debian/Ubuntu packages, in
Chinese and English, and the window command exits 1.

It imports no Qt and costs ~0.3 ms when everything is present (measured beside a 10-90 ms
``QApplication()``). ``DISPATCH_APP_SKIP_PLATFORM_CHECK=1`` turns it off.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from typing import TextIO

# (soname, Debian/Ubuntu package) for what libqxcb.so and libQt6XcbQpa.so.6 link to and the
# system does not always have (from `ldd` of PySide6 6.12's plugin, `dpkg -S` on Debian 12).
XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libxcb.so.1", "libxcb1"),
    ("libX11.so.6", "libx11-6"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-render.so.0", "libxcb-render0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-shm.so.0", "libxcb-shm0"),
    ("libxcb-sync.so.1", "libxcb-sync1"),
    ("libxcb-util.so.1", "libxcb-util1"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libEGL.so.1", "libegl1"),
    ("libGL.so.1", "libgl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libfreetype.so.6", "libfreetype6"),
    ("libglib-2.0.so.0", "libglib2.0-0"),
    ("libdbus-1.so.3", "libdbus-1-3"),
)

# What libqwayland.so needs beyond the common ones (a Wayland session without X11).
WAYLAND_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libwayland-client.so.0", "libwayland-client0"),
    ("libwayland-cursor.so.0", "libwayland-cursor0"),
    ("libwayland-egl.so.1", "libwayland-egl1"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libEGL.so.1", "libegl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libfreetype.so.6", "libfreetype6"),
    ("libglib-2.0.so.0", "libglib2.0-0"),
    ("libdbus-1.so.3", "libdbus-1-3"),
)

Loader = Callable[[str], bool]


def _library_dirs() -> list[str]:
    """Where Debian-like systems keep shared libraries, LD_LIBRARY_PATH first."""
    extra = [d for d in os.environ.get("LD_LIBRARY_PATH", "").split(":") if d]
    arch = f"{os.uname().machine}-linux-gnu"
    return [*extra, f"/lib/{arch}", f"/usr/lib/{arch}", "/lib64", "/usr/lib64", "/lib", "/usr/lib"]


def _dlopen(soname: str) -> bool:
    import ctypes

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def can_load(soname: str) -> bool:
    """True when the dynamic loader can find ``soname`` (as Qt's plugin will).

    A file in the usual folders answers at once (a stat, ~1 µs); only a library not found
    there is asked of the loader itself (``dlopen`` with ``RTLD_NOW`` costs ~1 ms a library,
    which measured 12-40 ms for the whole table), so an odd layout is never reported wrongly.
    """
    if any(os.path.exists(os.path.join(d, soname)) for d in _library_dirs()):
        return True
    return _dlopen(soname)


def missing(libraries: tuple[tuple[str, str], ...], loader: Loader | None = None) -> list[str]:
    """The sonames of ``libraries`` that cannot be loaded, in table order."""
    load = loader or can_load
    return [soname for soname, _package in libraries if not load(soname)]


def packages_for(sonames: list[str]) -> list[str]:
    """Debian/Ubuntu package names for the sonames, without repeats."""
    table = dict(XCB_LIBRARIES + WAYLAND_LIBRARIES)
    return list(dict.fromkeys(table[s] for s in sonames if s in table))


def _platform_tables(env: Mapping[str, str]) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """Which plugin Qt will try, from the environment; [] when no check applies."""
    chosen = env.get("QT_QPA_PLATFORM", "").split(":", 1)[0].strip().lower()
    if chosen and chosen not in ("xcb", "wayland", "wayland-egl"):
        return []  # offscreen, minimal, vnc, eglfs...: no desktop plugin to check
    tables = []
    if chosen.startswith("wayland") or (not chosen and env.get("WAYLAND_DISPLAY")):
        tables.append(("wayland", WAYLAND_LIBRARIES))
    if chosen == "xcb" or (not chosen and env.get("DISPLAY")):
        tables.append(("xcb", XCB_LIBRARIES))
    return tables


def missing_for_desktop(
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
    loader: Loader | None = None,
) -> tuple[str, list[str]] | None:
    """(plugin, missing sonames) when the window cannot open; None when it can or no check applies.

    With both a Wayland and an X11 display, the window opens when either plugin's libraries
    are complete (Qt falls back); the X11 set is reported, being what most desktops use.
    """
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux") or env.get("DISPATCH_APP_SKIP_PLATFORM_CHECK"):
        return None
    result = None
    for plugin, table in _platform_tables(env):
        gone = missing(table, loader)
        if not gone:
            return None
        result = (plugin, gone)
    return result


def message(plugin: str, sonames: list[str]) -> str:
    """The plain words for a user: what is missing and the one line that installs it."""
    line = "sudo apt-get install " + " ".join(packages_for(sonames))
    libs = ", ".join(sonames)
    return (
        f"无法打开窗口：缺少 Qt 图形界面（{plugin}）所需的系统库：{libs}\n"
        f"Debian / Ubuntu 上请安装后重试：\n"
        f"    {line}\n"
        f"（不打开窗口的命令，如 dispatch-app check / export，不需要这些库。）\n"
        f"\n"
        f"The window cannot open: system libraries that Qt's {plugin} platform needs are "
        f"missing: {libs}\n"
        f"On Debian / Ubuntu install them, then try again:\n"
        f"    {line}\n"
        f"(Commands without a window, such as dispatch-app check / export, do not need them.)"
    )


def check_desktop_libraries(
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
    loader: Loader | None = None,
    stream: TextIO | None = None,
) -> bool:
    """True when the window may be created; otherwise the message is written to ``stream``."""
    found = missing_for_desktop(env, platform, loader)
    if found is None:
        return True
    print(message(*found), file=stream or sys.stderr)
    return False
