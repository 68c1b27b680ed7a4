"""Not one keystroke lost, through a real pseudo-terminal: 20 rounds per form and burst.

For the pilot form (``n``) and the stand-van-zaken form (``u``), each round writes to the
terminal in ONE write: the key that opens the form, then

* a 2,000-character Dutch text with accents and new lines, typed, then ctrl+s;
* the same kind of text as a bracketed paste, then ctrl+s;
* text, tab, text, tab, text (the stand-van-zaken form: text, tab, tab, a number,
  shift+tab, shift+tab, more text), then ctrl+s;

and then reads the register file: it must hold exactly what was sent, every round.
"""

from __future__ import annotations

import difflib
import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..conftest import SEED_STORE
from .pty_terminal import CTRL_A, CTRL_S, SHIFT_TAB, TAB, Terminal, paste, typed

ROUNDS = 20
LENGTH = 2_000
PEILDATUM = "2021-12-01"
FIRST_PILOT = "pakketafhankelijke-eigen-bijdrage"  # the top of the list at the start

WORDS = [
    *("één", "coöperatie", "reünie", "geëvalueerd", "ideeën", "cliënten", "België"),
    *("Curaçao", "café", "financiële", "’s-Hertogenbosch", "Sittard-Geleen", "Heerlen"),
    *("Kerkrade", "rechtsbijstand", "tussenevaluatie", "scheidingsprocedure", "wijkteam"),
    *("gezinsadvocaat", "mediation", "Divosa", "gemeente", "pilot", "zaken", "€", "1.240"),
    *("§", "3.2", "„ambitieus”", "—", "–", "à", "la", "carte", "naïef", "überhaupt"),
    *("enquête", "Zuid-Limburg"),
]


def dutch_text(seed: int, length: int = LENGTH, paragraphs: int = 8) -> str:
    """``length`` characters of Dutch with accents, in ``paragraphs`` paragraphs."""
    rng = random.Random(seed)
    words: list[str] = [f"Ronde {seed}:"]
    while sum(len(w) + 1 for w in words) < length + 20:
        words.append(rng.choice(WORDS))
    text = " ".join(words)[:length]
    breaks = sorted(rng.sample(range(40, length - 40), paragraphs - 1))
    chars = list(text)
    for at in breaks:
        chars[at] = "\n"
    text = "".join(chars).replace(" \n", ".\n").replace("\n ", "\nEn ")[: length - 1]
    if not text[-1].strip():
        text = text[:-1] + "x"
    return text + "."


def lost(sent: str, saved: str) -> str:
    """What differs, for the failure message (0 characters lost or moved is the aim)."""
    ops = difflib.SequenceMatcher(None, sent, saved, autojunk=False).get_opcodes()
    changes = [(tag, sent[a:b][:40], saved[c:d][:40]) for tag, a, b, c, d in ops if tag != "equal"]
    missing = sum(b - a for tag, a, b, _c, _d in ops if tag in ("delete", "replace"))
    return f"{missing} of {len(sent)} characters lost or moved: {changes[:5]}"


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    store = tmp_path / "store.json"
    shutil.copy(SEED_STORE, store)
    with Terminal(store, tmp_path, size=(80, 24)) as term:
        term.wait_for_text("Stoppen")  # the footer: the first screen is up
        yield term


def new_pilot(term: Terminal, name: str) -> dict[str, Any]:
    return term.wait_until(
        lambda: next((p for p in term.pilots() if p.get("name") == name), None),
        f"pilot {name!r} in the register",
    )


def entry_changed(term: Terminal, before: str) -> dict[str, Any]:
    def changed() -> dict[str, Any] | None:
        for pilot in term.pilots():
            if pilot.get("id") == FIRST_PILOT:
                for entry in pilot.get("history", []):
                    if entry.get("peildatum") == PEILDATUM and entry["stand_van_zaken"] != before:
                        return dict(entry)
        return None

    return term.wait_until(changed, "the stand van zaken saved")


def entry_text(term: Terminal) -> str:
    for pilot in term.pilots():
        if pilot.get("id") == FIRST_PILOT:
            for entry in pilot.get("history", []):
                if entry.get("peildatum") == PEILDATUM:
                    return str(entry["stand_van_zaken"])
    raise AssertionError("no entry to update")


# -- the pilot form --------------------------------------------------------------------------


def test_pilot_form_typed_text_then_ctrl_s(terminal: Terminal) -> None:
    for n in range(ROUNDS):
        name, text = f"Typproef {n} — één loket", dutch_text(n)
        terminal.send("n" + typed(name) + TAB + TAB + typed(text) + CTRL_S)
        saved = new_pilot(terminal, name)
        assert saved["achtergrond"] == text, f"round {n}: {lost(text, saved['achtergrond'])}"


def test_pilot_form_paste_then_ctrl_s(terminal: Terminal) -> None:
    for n in range(ROUNDS):
        name, text = f"Plakproef {n} — ’s-Hertogenbosch", dutch_text(100 + n)
        terminal.send("n" + paste(name) + TAB + TAB + paste(text) + CTRL_S)
        saved = new_pilot(terminal, name)
        assert saved["achtergrond"] == text, f"round {n}: {lost(text, saved['achtergrond'])}"


def test_pilot_form_text_tab_text_tab_text(terminal: Terminal) -> None:
    for n in range(ROUNDS):
        name = f"Tabproef {n}: Heerlen, Kerkrade en Sittard-Geleen"
        former = f"sociaal zekerheidsrecht {n}; Wijkteam-pilot"
        text = dutch_text(200 + n, length=300, paragraphs=2)
        terminal.send("n" + typed(name) + TAB + typed(former) + TAB + typed(text) + CTRL_S)
        saved = new_pilot(terminal, name)
        assert saved["former_names"] == [f"sociaal zekerheidsrecht {n}", "Wijkteam-pilot"]
        assert saved["achtergrond"] == text, f"round {n}: {lost(text, saved['achtergrond'])}"


# -- the stand-van-zaken form ------------------------------------------------------------------


def test_update_form_typed_text_then_ctrl_s(terminal: Terminal) -> None:
    before = entry_text(terminal)
    for n in range(ROUNDS):
        text = dutch_text(300 + n)
        terminal.send("u" + CTRL_A + typed(text) + CTRL_S)
        saved = entry_changed(terminal, before)["stand_van_zaken"]
        assert saved == text, f"round {n}: {lost(text, saved)}"
        before = saved


def test_update_form_paste_then_ctrl_s(terminal: Terminal) -> None:
    before = entry_text(terminal)
    for n in range(ROUNDS):
        text = dutch_text(400 + n)
        terminal.send("u" + CTRL_A + paste(text) + CTRL_S)
        saved = entry_changed(terminal, before)["stand_van_zaken"]
        assert saved == text, f"round {n}: {lost(text, saved)}"
        before = saved


def test_update_form_text_tab_number_back_text(terminal: Terminal) -> None:
    before = entry_text(terminal)
    for n in range(ROUNDS):
        first = dutch_text(500 + n, length=300, paragraphs=2)
        more = f" Aanvulling {n}: één zaak meer."
        cases = 1_000 + n
        keys = [CTRL_A, typed(first), TAB, TAB, CTRL_A, f"{cases:,}".replace(",", ".")]
        keys += [SHIFT_TAB, SHIFT_TAB, typed(more), CTRL_S]
        terminal.send("u" + "".join(keys))
        saved = entry_changed(terminal, before)
        text = first + more
        assert saved["stand_van_zaken"] == text, (
            f"round {n}: {lost(text, saved['stand_van_zaken'])}"
        )
        assert saved["zaken"] == cases
        before = saved["stand_van_zaken"]
