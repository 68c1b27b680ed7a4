"""Word diffs: every word of both texts survives, in order, and rewrites read as such."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pilot_tui.worddiff import DiffOp, word_diff

WORDS = st.sampled_from(["de", "het", "pilot", "loopt", "a", "b", "\n", " ", "  ", "\t"])
TEXTS = st.lists(WORDS, max_size=60).map(" ".join) | st.text(max_size=40)


def _side(lines: tuple[tuple[DiffOp, ...], ...], keep: str) -> list[str]:
    """The words of one side of a diff: the equal runs with the deleted or inserted ones."""
    return " ".join(o.text for line in lines for o in line if o.op in ("equal", keep)).split()


@settings(max_examples=1000, deadline=None)
@given(TEXTS, TEXTS)
def test_both_texts_survive_word_for_word(old: str, new: str) -> None:
    lines = word_diff(old, new)
    assert _side(lines, "delete") == old.split()
    assert _side(lines, "insert") == new.split()
    assert not lines or lines[-1], "no empty lines at the end"
    for line in lines:
        assert all("\n" not in o.text and o.text for o in line)
        assert all(a.op != b.op for a, b in pairwise(line)), "neighbours merged"


def _ops(old: str, new: str) -> list[tuple[str, str]]:
    (line,) = word_diff(old, new)
    return [(o.op, o.text) for o in line]


EDITED = "De pilot loopt in Rotterdam en Almere sinds januari en wordt in juni geëvalueerd."


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # an edit: the words in common stay, whatever sits between them
        (
            EDITED,
            EDITED.replace("Almere", "Heerlen"),
            [
                ("equal", "De pilot loopt in Rotterdam en "),
                ("delete", "Almere"),
                ("insert", "Heerlen"),
                ("equal", " sinds januari en wordt in juni geëvalueerd."),
            ],
        ),
        # a rewrite (fewer than a quarter of the word pairs in common): the old text
        # goes as a whole, the new one comes as a whole, not "de" and "en" kept in between
        (
            "Intro. De pilot loopt in Rotterdam en wordt in juni door de raad geëvalueerd.",
            "Intro. Het project is gestopt en de gemeente kiest in de zomer een opvolger.",
            [
                ("equal", "Intro. "),
                (
                    "delete",
                    "De pilot loopt in Rotterdam en wordt in juni door de raad geëvalueerd.",
                ),
                ("insert", "Het project is gestopt en de gemeente kiest in de zomer een opvolger."),
            ],
        ),
        # short changes are always diffed word by word
        ("De pilot loopt.", "De pilot is afgerond.", None),
    ],
)
def test_edits_and_rewrites(old: str, new: str, expected: list[tuple[str, str]] | None) -> None:
    ops = _ops(old, new)
    if expected is None:
        assert ops == [("equal", "De pilot "), ("delete", "loopt."), ("insert", "is afgerond.")]
    else:
        assert ops == expected
