"""Counts as a Dutch user writes them: the one reading shared by the CLI and the forms."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pilot_tui.changes import ChangeError, parse_zaken
from pilot_tui.numbers import MAX_COUNT, NumberError, read_count


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("1240", 1240),
        ("1.240", 1240),
        ("1 240", 1240),
        ("1\u00a0240", 1240),  # the non-breaking space of a word processor
        ("1\u202f240", 1240),  # the narrow one
        ("  1.240  ", 1240),
        ("1.240.000", 1_240_000),
        ("1 240 000", 1_240_000),
        ("0", 0),
        ("007", 7),
        ("999.999.999", MAX_COUNT),
        ("", None),
        ("   ", None),
    ],
)
def test_counts_are_read_the_dutch_way(text: str, count: int | None) -> None:
    assert read_count(text) == count
    assert parse_zaken(text) == count


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("²", "„²” is geen geheel getal"),
        ("12a", "„12a” is geen geheel getal"),
        ("١٢", "geen geheel getal"),  # Arabic-Indic digits: no number a Dutch user types
        ("１２", "geen geheel getal"),  # full-width digits
        ("1.24", "geen geheel getal"),  # not a group of three: a fraction, or a typo
        ("1.240 000", "geen geheel getal"),  # two kinds of separator
        ("1..240", "geen geheel getal"),
        ("1,5", "zonder komma"),
        ("1.240,5", "zonder komma"),
        ("-5", "niet negatief"),
        ("−1.240", "niet negatief"),  # the minus sign
        ("9" * 30, "te groot: hoogstens 999.999.999"),
        ("9" * 5_000, "te groot"),
        ("1" + "0" * 9, "te groot"),
        ("12\n34", "„12·34”"),  # one line: control characters are shown as a dot
        ("x" * 100, "„xxxxxxxxxxxxxxxxxxx…”"),  # a long text is quoted short
    ],
)
def test_anything_else_is_refused_in_one_dutch_line(text: str, says: str) -> None:
    with pytest.raises(NumberError) as refused:
        read_count(text)
    message = str(refused.value)
    assert says in message
    assert "\n" not in message and len(message) < 120
    with pytest.raises(ChangeError, match="aantal zaken"):
        parse_zaken(text)


@given(st.text(max_size=60))
def test_any_text_is_a_count_or_a_one_line_refusal(text: str) -> None:
    try:
        count = read_count(text)
    except NumberError as exc:
        assert "\n" not in str(exc)
    else:
        assert count is None or 0 <= count <= MAX_COUNT


@given(st.integers(min_value=0, max_value=MAX_COUNT))
def test_every_count_reads_back_written_with_dots_and_spaces(count: int) -> None:
    dotted = f"{count:,}".replace(",", ".")
    assert read_count(str(count)) == count
    assert read_count(dotted) == count
    assert read_count(dotted.replace(".", " ")) == count
