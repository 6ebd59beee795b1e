"""Formula neutralisation, the clean-text fast checks and spreadsheet number text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dispatch_app.domain.text import normalize_multiline, normalize_text
from dispatch_app.exchange.cells import (
    OTHER_WHITESPACE,
    cell_text,
    is_clean_line,
    is_clean_multiline,
    neutralise,
    number_text,
    restore,
)

TRIGGERS = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"]


def test_every_trigger_is_neutralised() -> None:
    for t in TRIGGERS:
        assert neutralise(f"{t}1+1") == f"'{t}1+1"
        assert restore(neutralise(f"{t}1+1")) == f"{t}1+1"
    assert neutralise("温州") == "温州"
    assert neutralise("'=x") == "''=x"  # an apostrophe of one's own survives the round trip
    assert restore("'plain") == "'plain"


_texts = st.text(alphabet=st.sampled_from([*TRIGGERS, "'", "a", "温", " ", "\n"]), max_size=8)


@given(st.one_of(_texts, st.text()))
def test_neutralise_round_trips(text: str) -> None:
    shown = neutralise(text)
    assert restore(shown) == text
    assert shown[:1] not in TRIGGERS  # a spreadsheet never sees a formula start


@given(st.one_of(st.text(), _texts))
def test_clean_line_agrees_with_normalize_text(text: str) -> None:
    if is_clean_line(text):
        assert normalize_text(text) == text


@given(st.one_of(st.text(), _texts))
def test_clean_multiline_agrees_with_normalize_multiline(text: str) -> None:
    if is_clean_multiline(text):
        assert normalize_multiline(text) == text


def test_whitespace_literal_is_every_whitespace_but_space_and_newline() -> None:
    # The literal saves a scan of every code point at start-up; this scan keeps it honest
    # (a newer Python with a newer Unicode database would show up here).
    computed = {chr(c) for c in range(0x110000) if chr(c).isspace()} - {" ", "\n"}
    assert set(OTHER_WHITESPACE) == computed
    assert len(OTHER_WHITESPACE) == len(computed)


def test_clean_checks_accept_ordinary_text() -> None:
    assert is_clean_line("温州大学 机械学院")
    assert is_clean_multiline("第一段\n\n第二段")
    assert not is_clean_line(" 前导空格")
    assert not is_clean_multiline("a\n\n\nb")


def test_numbers_as_a_spreadsheet_shows_them() -> None:
    assert number_text(13812345678) == "13812345678"
    assert number_text(13812345678.0) == "13812345678"
    assert number_text(9.14403001922038e17) == "9.14403001922038E+17"
    assert number_text(914403001922038016) == "9.14403001922038E+17"
    assert number_text(28.0157) == "28.0157"
    assert cell_text(True) == "TRUE"
    assert cell_text(None) == ""
