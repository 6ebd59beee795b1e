"""The log: a rotating file in the log folder, and no phone or ID numbers in it."""

from __future__ import annotations

import logging

from hypothesis import given
from hypothesis import strategies as st

from dispatch_app import logs


def test_records_go_to_the_file_without_personal_data(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("DISPATCH_APP_LOGS", str(tmp_path / "logs"))
    path = logs.setup()
    assert path == tmp_path / "logs" / logs.FILE_NAME
    handler = next(h for h in logging.getLogger(logs.LOGGER).handlers if hasattr(h, "maxBytes"))
    assert handler.maxBytes == logs.MAX_BYTES and handler.backupCount == logs.BACKUPS
    try:
        raise ValueError("联系电话 13812345678 / 0577-88881234 身份证 33030219800101123X")
    except ValueError:
        logs.get("test").exception("import failed for 138 1234 5678")
    handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "ValueError" in text and "import failed" in text
    for secret in ("13812345678", "88881234", "33030219800101123X", "138 1234 5678"):
        assert secret not in text


@given(
    st.from_regex(r"1[3-9]\d{9}", fullmatch=True),
    st.text(alphabet=st.characters(blacklist_categories=["Nd"]), max_size=20),
)
def test_any_mobile_number_is_redacted(mobile: str, around: str) -> None:
    assert mobile not in logs.redact(f"{around}{mobile}{around}")


def test_ordinary_text_is_kept() -> None:
    line = "import enterprises from 企业名录2026.csv: 20000 added, 3 updated"
    assert logs.redact(line) == line


def test_information_waits_for_the_set_up_and_a_warning_does_not(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("DISPATCH_APP_LOGS", str(tmp_path / "later"))
    logger = logging.getLogger(logs.LOGGER)
    monkeypatch.setattr(logs, "_installed", None)
    monkeypatch.setattr(logger, "handlers", [])
    logs.setup_at_first_record()
    logs.setup_at_first_record()  # twice: still one stand-in
    logs.get("store").info("opened demo.db for writing 13812345678")
    assert not (tmp_path / "later").exists()  # information: nothing found or made yet
    logs.get("gui").warning("first warning")  # sets the file up, with what waited
    logs.get("gui").info("after")
    for h in logger.handlers:
        h.flush()
    text = (tmp_path / "later" / logs.FILE_NAME).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert [("opened demo.db" in x, "first warning" in x, "after" in x) for x in lines] == [
        (True, False, False),
        (False, True, False),
        (False, False, True),
    ]
    assert "13812345678" not in text
    assert len(logger.handlers) == 1 and hasattr(logger.handlers[0], "maxBytes")
    logger.handlers[0].close()


def test_an_explicit_set_up_writes_what_waited_once(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("DISPATCH_APP_LOGS", str(tmp_path / "now"))
    logger = logging.getLogger(logs.LOGGER)
    monkeypatch.setattr(logs, "_installed", None)
    monkeypatch.setattr(logger, "handlers", [])
    logs.setup_at_first_record()
    logs.get("store").info("opened")
    logs.setup()  # after the first paint, or the crash handler before logging
    logs.setup()  # again: nothing written twice
    logs.get("gui").error("crash")
    logger.handlers[0].flush()
    text = (tmp_path / "now" / logs.FILE_NAME).read_text(encoding="utf-8")
    assert text.count("opened") == 1 and text.count("crash") == 1 and len(logger.handlers) == 1
    logger.handlers[0].close()


def test_records_still_waiting_at_exit_are_written(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("DISPATCH_APP_LOGS", str(tmp_path / "exit"))
    logger = logging.getLogger(logs.LOGGER)
    monkeypatch.setattr(logs, "_installed", None)
    monkeypatch.setattr(logger, "handlers", [])
    logs._set_up_if_waiting()  # nothing waits: nothing is made
    assert not (tmp_path / "exit").exists()
    logs.setup_at_first_record()
    logs.get("store").info("opened")
    logs._set_up_if_waiting()  # what atexit runs
    logger.handlers[0].flush()
    assert "opened" in (tmp_path / "exit" / logs.FILE_NAME).read_text(encoding="utf-8")
    logger.handlers[0].close()
