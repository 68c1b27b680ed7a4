"""The fast paths of the snapshot give exactly what the plain code gives.

Each shortcut is checked against the straightforward function it stands in for, with
hypothesis drawing texts from the characters that matter: control characters (C0, C1,
zero-width and bidi marks), markdown punctuation, latin-1 letters, typographic quotes and
dashes (which make a text UCS-2), newlines, tabs and no-break spaces.
"""

from __future__ import annotations

import gc
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pilot_tui.model import (
    BULLET,
    Footnote,
    HistoryEntry,
    Pilot,
    Register,
    Status,
    blocks,
)
from pilot_tui.periods import parse_window
from pilot_tui.snapshot import FORMATS, SnapshotOptions, build_snapshot, make, render
from pilot_tui.snapshot.md import _INLINE_RE, esc, has_inline_markup
from pilot_tui.snapshot.model import Para, Run
from pilot_tui.snapshot.paras import paras_of
from pilot_tui.text import _CONTROL_RE, has_controls, strip_controls

SPECIAL = (
    "\x00\x07\x0b\x0c\x1b\x1f\x7f\x80\x9b\x9f"  # C0 and C1 controls, kept out
    "\u200b\u200f\u202a\u202e\u2066\u2069\ufeff"  # zero-width, bidi, BOM: kept out
    "\t\n\r\xa0 "  # kept: tab, newline, carriage return, no-break space, space
    "\\`*_[]<>&~|!#-+=>.)0123456789"  # markdown
    "aéëï€–—‘’“”•…\u2028\U0001f600"  # letters and typography
)
texts = st.text(alphabet=st.sampled_from(SPECIAL), max_size=30) | st.text(max_size=30)


@settings(max_examples=500, deadline=None)
@given(texts)
def test_has_controls_is_whether_strip_controls_changes_the_text(text: str) -> None:
    assert has_controls(text) == (strip_controls(text) != text)
    assert has_controls(text) == (_CONTROL_RE.search(text) is not None)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", False),
        ("gewoon Nederlands, één cliënt", False),  # latin-1
        ("een – streepje en “aanhalingstekens”", False),  # UCS-2
        ("tab\tnieuwe regel\nno-break\xa0spatie", False),  # unprintable, but kept
        ("form\x0cfeed", True),
        ("C1 \x9b", True),
        ("streepje – en bidi \u202e", True),  # UCS-2 with a control
        ("tab\ten BOM \ufeff", True),  # the regular expression decides
    ],
)
def test_has_controls_table(text: str, expected: bool) -> None:
    assert has_controls(text) is expected


@settings(max_examples=500, deadline=None)
@given(texts)
def test_inline_markup_check_agrees_with_the_escape(text: str) -> None:
    assert has_inline_markup(text) == (_INLINE_RE.search(text) is not None)
    for start in (True, False):
        assert esc(text, start, inline=has_inline_markup(text)) == esc(text, start)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(" \n\tab•" + BULLET), max_size=20) | texts)
def test_paragraphs_without_references_are_the_blocks(text: str) -> None:
    paras = paras_of(text)
    assert [(p.kind, p.text) for p in paras] == [(b.kind, b.text) for b in blocks(text)]
    assert all(len(p.runs) == 1 and p.runs[0].note is None for p in paras)
    assert all(type(p) is Para and type(p.runs[0]) is Run for p in paras)
    # the general path (marks that turn out to be none) gives the same paragraphs
    assert paras_of(text, iter(())) == paras


# -- the whole snapshot -------------------------------------------------------------------

P = date(2022, 6, 1)


def _register() -> Register:
    reg = Register(title="Stand van zaken pilots", intro="Inleiding.", peildata=[P])
    for i, looptijd in enumerate(("januari 2021 – december 2022", "Afgerond.", "")):
        pilot = Pilot(
            id=f"p{i}",
            name=f"Pilot {i} *met* markup",
            achtergrond="Eerste alinea.\n• punt één\n• punt twee",
            doel="Doel – met “typografie”",
            looptijd=looptijd,
            footnotes=[Footnote("Noot", "doel", "typografie")],
            partners=["Juridisch Loket"],
        )
        pilot.set_entry(HistoryEntry(P, f"Stand {i}", Status.LOPEND))
        reg.pilots.append(pilot)
    return reg


@pytest.mark.parametrize("fmt", FORMATS)
def test_make_is_build_then_render(fmt: str) -> None:
    window = parse_window("3m")
    assert window is not None
    options = SnapshotOptions(P, window, since=date(2021, 12, 1))
    reg = _register()
    assert make(reg, options, fmt) == render(build_snapshot(reg, options), fmt)
    assert gc.isenabled()  # the pause is over


def test_make_reports_progress_of_both_steps() -> None:
    window = parse_window("3m")
    assert window is not None
    built: list[tuple[int, int]] = []
    rendered: list[tuple[int, int]] = []
    make(
        _register(),
        SnapshotOptions(P, window),
        "md",
        build_progress=lambda d, t: built.append((d, t)),
        render_progress=lambda d, t: rendered.append((d, t)),
    )
    assert built[0] == (0, 3) and built[-1] == (3, 3)
    assert rendered == [(0, 3), (3, 3)]


@settings(max_examples=500, deadline=None)
@given(texts)
def test_html_plain_check_agrees_with_the_escape(text: str) -> None:
    from pilot_tui.snapshot.html import _e, _is_plain, _linked
    from pilot_tui.snapshot.links import has_link

    assert _is_plain(text) == (_e(text) == text and not has_link(text))
    if _is_plain(text):
        assert _linked(text) == text


@settings(max_examples=200, deadline=None)
@given(texts, texts, st.sampled_from(["januari 2020 – december 2021", "2023", ""]))
def test_csv_row_is_every_cell_neutralised_and_quoted(name: str, doel: str, looptijd: str) -> None:
    from pilot_tui.snapshot import csv

    window = parse_window("3m")
    assert window is not None
    pilot = Pilot(id="p1", name=name or "x", doel=doel, achtergrond=f"-{doel}", looptijd=looptijd)
    pilot.set_entry(HistoryEntry(P, f"={doel}", Status.LOPEND, zaken=3))
    reg = Register(title="T", intro="", peildata=[P], pilots=[pilot])
    snapshot = build_snapshot(reg, SnapshotOptions(P, window))
    p = snapshot.pilots[0]
    cells = [csv._quote(csv.neutralise(c)) for c in csv._cells(snapshot, "groep;", p)]
    cells[csv.COLUMNS.index("dagen_tot_einde")] = "" if p.days_left is None else str(p.days_left)
    cells[csv.COLUMNS.index("zaken")] = "3"
    assert csv._line(snapshot, "groep;", p) == ";".join(cells)


@settings(max_examples=500, deadline=None)
@given(texts)
def test_a_printable_text_needs_no_cleaning(text: str) -> None:
    # the snapshot's build takes a pilot as it is when its texts are printable
    from pilot_tui.text import for_document

    if text.replace("\n", " ").isprintable():
        assert for_document(text) == text
