"""Damaged database files given to check, export, progress and the store: refused or reported
with a clear zh/en message naming the file, never a traceback, and the file byte-identical.

The kinds a coordinator meets: a file from a newer version, another program's SQLite file, a
copy cut short (USB stick pulled out) at several offsets, and bit flips in the header and in
a b-tree page (a bad sector). A flip inside a page that a command does not read may let that
command succeed; ``check`` must report it all the same.
"""

from __future__ import annotations

import hashlib
import sqlite3
import struct
from datetime import date
from pathlib import Path

import pytest

from dispatch_app.cli.main import main
from dispatch_app.demo import generate_demo
from dispatch_app.store import open_store
from dispatch_app.store.errors import StoreError
from dispatch_app.store.schema import SCHEMA_VERSION

PAGE_TYPES = {0x02, 0x05, 0x0A, 0x0D}  # interior/leaf, index/table b-tree pages


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("good") / "good.db"
    generate_demo(path, seed=1, visits=200, as_of=date(2026, 6, 30))
    return path.read_bytes()


def _page_size(data: bytes) -> int:
    return struct.unpack(">H", data[16:18])[0]


def _flip(data: bytes, offset: int, mask: int = 0xFF) -> bytes:
    out = bytearray(data)
    out[offset] ^= mask
    return bytes(out)


def _btree_page(data: bytes, from_fraction: float) -> int:
    """Offset of the first b-tree page at or after a fraction of the file (its type byte)."""
    size = _page_size(data)
    for page in range(int(len(data) * from_fraction) // size, len(data) // size):
        if data[page * size] in PAGE_TYPES:
            return page * size
    raise AssertionError("no b-tree page found")


def _foreign(tmp_path: Path) -> bytes:
    other = tmp_path / "other-app.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.executemany("INSERT INTO notes (body) VALUES (?)", [("笔记",)] * 50)
    conn.commit()
    conn.close()
    return other.read_bytes()


def _newer(data: bytes) -> bytes:
    out = bytearray(data)
    out[60:64] = struct.pack(">I", SCHEMA_VERSION + 1)
    return bytes(out)


# Damage that no command may read past: every one of them is refused.
REFUSED = {
    "newer-version": _newer,
    "truncated-in-header": lambda d: d[:50],
    "truncated-after-header": lambda d: d[:100],
    "truncated-to-one-page": lambda d: d[: _page_size(d)],
    "truncated-mid-page": lambda d: d[: len(d) // 2 + 123],
    "truncated-at-half": lambda d: d[: (len(d) // 2) // _page_size(d) * _page_size(d)],
    "truncated-last-page": lambda d: d[: len(d) - _page_size(d)],
    "flipped-magic": lambda d: _flip(d, 3, 0x01),
    "flipped-page-size": lambda d: _flip(d, 16, 0x10),
    "flipped-page-count": lambda d: _flip(d, 30, 0x40),
}
# Damage inside the data: check must find it; other commands refuse it or never meet it.
IN_PAGES = {
    "flipped-text-encoding": lambda d: _flip(d, 59, 0x02),  # the schema reads as UTF-16
    "flipped-btree-page-early": lambda d: _flip(d, _btree_page(d, 0.0) + _page_size(d)),
    "flipped-btree-page-middle": lambda d: _flip(d, _btree_page(d, 0.5)),
    "flipped-btree-page-late": lambda d: _flip(d, _btree_page(d, 0.85)),
}
COMMANDS = {
    "check": ["check"],
    "progress": ["progress", "--year", "2026"],
    "export-enterprises": ["export", "enterprises", "--out", "{out}/e.csv"],
    "export-visits": ["export", "visits", "--out", "{out}/v.xlsx"],
    "report": ["report", "visits", "--year", "2026", "--out", "{out}/r.pdf"],
}


def _place(tmp_path: Path, content: bytes) -> Path:
    folder = tmp_path / "db"
    folder.mkdir()
    path = folder / "district.db"
    path.write_bytes(content)
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(tmp_path: Path, path: Path, command: str, capsys) -> tuple[int, str, str]:
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    argv = [a.replace("{out}", str(out)) for a in COMMANDS[command]]
    code = main([*argv, "--db", str(path)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _untouched(path: Path, digest: str) -> None:
    assert _digest(path) == digest
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no journal, no lock


def _clear(err: str, path: Path) -> None:
    assert "Traceback" not in err
    assert str(path) in err  # which file
    # What, in both languages: refused unchanged, or (the check on open) damaged, kept as it is.
    refused = "文件未被改动" in err and "The file was not changed" in err
    damaged = "已损坏" in err and "原样保留" in err and "kept aside unchanged" in err
    assert refused or damaged, err


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("damage", [*REFUSED, "foreign"])
def test_refused_with_a_clear_message_and_left_byte_identical(
    tmp_path, good, damage, command, capsys
):
    content = _foreign(tmp_path) if damage == "foreign" else REFUSED[damage](good)
    path = _place(tmp_path, content)
    digest = _digest(path)
    code, _, err = _run(tmp_path, path, command, capsys)
    assert code == 2, err
    _clear(err, path)
    _untouched(path, digest)
    assert not any((tmp_path / "out").iterdir())  # no export written from a refused file


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("damage", IN_PAGES)
def test_damaged_pages_are_reported_never_a_traceback(tmp_path, good, damage, command, capsys):
    path = _place(tmp_path, IN_PAGES[damage](good))
    digest = _digest(path)
    code, out, err = _run(tmp_path, path, command, capsys)
    assert "Traceback" not in err and "意外错误" not in err
    if command == "check":
        assert code == 2
        assert "PROBLEMS FOUND" in out and "integrity: ok" not in out
    elif code != 0:
        assert code == 2
        _clear(err, path)
        assert "损坏" in err and "damaged" in err
    _untouched(path, digest)


@pytest.mark.parametrize("readonly", [True, False])
@pytest.mark.parametrize("damage", [*REFUSED, "foreign", *IN_PAGES])
def test_opening_the_store_refuses_or_writes_nothing(tmp_path, good, damage, readonly):
    damaging = {**REFUSED, **IN_PAGES, "foreign": lambda _: _foreign(tmp_path)}[damage]
    content = damaging(good)
    path = _place(tmp_path, content)
    digest = _digest(path)
    try:
        store = open_store(path, readonly=readonly)
    except StoreError as exc:
        assert str(path) in exc.message("zh") and exc.zh and exc.en
    else:
        assert damage in IN_PAGES, f"{damage} opened"
        store.close()
    _untouched(path, digest)


def test_check_reports_a_file_too_damaged_to_walk(tmp_path, good, capsys):
    """The header's text encoding flipped: the schema is unreadable, integrity_check fails."""
    path = _place(tmp_path, IN_PAGES["flipped-text-encoding"](good))
    with open_store(path, readonly=True) as store:
        from dispatch_app.services.health import check

        with pytest.raises(sqlite3.DatabaseError):
            store.query("SELECT count(*) FROM visits")
        report = check(store)
    assert not report.ok
    assert any("malformed" in line for line in report.integrity)


def _teams_file(tmp_path: Path) -> Path:
    source = tmp_path / "teams.csv"
    source.write_text("队伍名称,所属区县\n乐清新一队,乐清市\n", encoding="utf-8-sig")
    return source


@pytest.mark.parametrize("damage", [*REFUSED, "foreign"])
def test_import_into_a_refused_file_writes_nothing(tmp_path, good, damage, capsys):
    content = _foreign(tmp_path) if damage == "foreign" else REFUSED[damage](good)
    path = _place(tmp_path, content)
    digest = _digest(path)
    code = main(["import", "teams", str(_teams_file(tmp_path)), "--db", str(path)])
    err = capsys.readouterr().err
    assert code == 2, err
    _clear(err, path)
    _untouched(path, digest)


@pytest.mark.parametrize("damage", IN_PAGES)
def test_import_into_a_damaged_file_never_a_traceback(tmp_path, good, damage, capsys):
    """Refusing every write to a file with a bad page needs the check on open (a separate
    piece of work); until then an import that meets the bad page says so plainly."""
    path = _place(tmp_path, IN_PAGES[damage](good))
    code = main(["import", "teams", str(_teams_file(tmp_path)), "--db", str(path)])
    err = capsys.readouterr().err
    assert "Traceback" not in err and "意外错误" not in err, err
    assert code in (0, 2)
    if code == 2:
        assert str(path) in err and "damaged" in err
    assert not (path.parent / (path.name + ".lock")).exists()  # the lock was given back
