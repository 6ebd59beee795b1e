"""Network and cloud-sync folders are recognised by their paths and get a warning."""

from __future__ import annotations

import pytest

from dispatch_app.store import open_store
from dispatch_app.store.location import is_network_path, location_notice, sync_service


@pytest.mark.parametrize(
    "path",
    [
        r"C:\Users\li\OneDrive\科技副总\dispatch.db",
        r"C:\Users\li\OneDrive - 温州市科技局\dispatch.db",
        "/home/li/Dropbox/dispatch.db",
        r"D:\我的坚果云\dispatch.db",
        r"D:\Nutstore\dispatch.db",
        r"D:\BaiduSyncdisk\dispatch.db",
        r"D:\百度网盘\工作\dispatch.db",
    ],
)
def test_sync_folders(path):
    assert sync_service(path) is not None
    notice = location_notice(path)
    assert notice is not None and notice.code == "sync_folder"
    assert "云同步" in notice.zh and "cloud-sync" in notice.en


@pytest.mark.parametrize("path", [r"\\fileserver\科技局\dispatch.db", "//nas/share/dispatch.db"])
def test_unc_paths(path):
    assert is_network_path(path)
    assert location_notice(path).code == "network_folder"


@pytest.mark.parametrize(
    "path", [r"C:\Users\li\Documents\dispatch.db", "/home/li/dropboxes-old/dispatch.db"]
)
def test_local_folders(path):
    assert sync_service(path) is None


def test_the_warning_comes_with_the_opened_store(tmp_path):
    folder = tmp_path / "Dropbox"
    folder.mkdir()
    with open_store(folder / "d.db", create=True, verify=True) as store:
        assert [n.code for n in store.notices] == ["sync_folder"]
    with open_store(folder / "d.db") as store:  # the command line: no checks, no warning
        assert store.notices == []
