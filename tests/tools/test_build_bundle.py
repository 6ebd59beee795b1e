"""The PyInstaller build: the spec builds, and the *built* program passes its self-test.

The build takes ~30 s on two cores (longer under load), so it runs when PyInstaller is
installed (the ``build`` extra) *and* ``DISPATCH_APP_BUNDLE_TEST=1`` is set: CI (``.ci/run``)
sets it in a step of its own; a developer's full run stays fast.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
import tomllib
from pathlib import Path

import pytest

import dispatch_app

ROOT = Path(__file__).resolve().parents[2]


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_bundle = _load(ROOT / "tools" / "build_bundle.py", "build_bundle")


def test_one_version_everywhere():
    """The spec and the installer take the package's version; pyproject must agree with it."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert pyproject["project"]["version"] == dispatch_app.__version__
    assert build_bundle.version() == dispatch_app.__version__
    iss = (ROOT / "installer" / "dispatch-app.iss").read_text("utf-8")
    assert "#ifndef AppVersion" in iss  # a build without /DAppVersion= stops instead of guessing
    assert re.search(r"AppVersion=\{#AppVersion\}", iss)


def test_the_windowed_build_gets_streams_to_print_to(tmp_path, monkeypatch):
    """Windows' windowed build has no stdout/stderr: output goes to a log in the data folder."""
    launch = _load(ROOT / "installer" / "launch.py", "launch")
    monkeypatch.setenv("DISPATCH_APP_DATA", str(tmp_path))
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    launch._give_windowed_build_streams()
    print("written from a windowed build")
    sys.stdout.flush()
    log = sys.stdout
    monkeypatch.undo()
    log.close()
    assert "written from a windowed build" in (tmp_path / "dispatch-app.log").read_text("utf-8")


def test_forbidden_names_catch_unused_qt_modules():
    for name in (
        "_internal/PySide6/Qt/lib/libQt6WebEngineCore.so.6",
        "_internal/Qt6Qml.dll",
        "_internal/PySide6/Qt/lib/libQt6Network.so.6",
        "_internal/numpy/core.so",
    ):
        assert build_bundle.FORBIDDEN.search("/" + name), name
    for name in (
        "_internal/PySide6/Qt/lib/libQt6Widgets.so.6",
        "_internal/resources/fonts/x.ttf",
        "_internal/PySide6/Qt/plugins/platforms/libqxcb.so",
    ):
        assert not build_bundle.FORBIDDEN.search("/" + name), name


@pytest.mark.bundle
@pytest.mark.skipif(
    importlib.util.find_spec("PyInstaller") is None, reason="PyInstaller not installed"
)
@pytest.mark.skipif(
    os.environ.get("DISPATCH_APP_BUNDLE_TEST") != "1", reason="set DISPATCH_APP_BUNDLE_TEST=1"
)
def test_the_spec_builds_and_the_built_program_passes_its_selftest(tmp_path):
    dist = tmp_path / "dist"
    build_bundle.build(dist, tmp_path / "work")
    bundle = dist / build_bundle.NAME
    for name in ("dispatch-app", "dispatch-app-cli"):  # the window and the console companion
        assert build_bundle.executable(bundle, name).is_file(), name
    facts = build_bundle.inspect(bundle)
    assert facts["forbidden"] == []
    assert any(n.endswith("resources/fonts/wqy-microhei.ttc") for n in facts["listing"])
    assert any(n.endswith("resources/translations/dispatch_zh_CN.qm") for n in facts["listing"])
    assert any(n.endswith("resources/icons/dispatch-app.png") for n in facts["listing"])
    assert not any(n.endswith(".py") and "resources/" in n for n in facts["listing"])
    assert facts["size_mib"] < 200, facts["largest"]  # 172 MiB on Linux when this was written
    done = build_bundle.selftest(bundle)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "自检通过" in done.stdout
    assert "/_internal/resources" in done.stdout.replace("\\", "/")  # its own, not the tree's
