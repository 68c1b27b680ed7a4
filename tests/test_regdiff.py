"""Registers as a reviewer reads them (pilot_tui.regdiff): the differences per pilot and
field, per peildatum, word by word; one register as stable text for git's textconv."""

from __future__ import annotations

import copy
from datetime import date, datetime

from pilot_tui.merge import CONFLICTS, Conflict
from pilot_tui.model import AuditEntry, HistoryEntry, Pilot, Register, Status
from pilot_tui.regdiff import changed_sentences, diff_lines, marked, sentences, textconv

from .conftest import D1, D2, small_register

D3 = date(2022, 12, 1)


def pilot(register: Register, pilot_id: str) -> Pilot:
    found = register.get(pilot_id)
    assert found is not None
    return found


def test_no_difference_no_lines() -> None:
    register = small_register()
    assert diff_lines(register, copy.deepcopy(register)) == []


def test_words_are_marked_the_way_git_marks_them() -> None:
    assert marked("de pilot loopt", "de pilot loopt door") == ["de pilot loopt {+door+}"]
    assert marked("een oude tekst", "een nieuwe tekst") == ["een [-oude-]{+nieuwe+} tekst"]


def test_a_long_text_shows_only_the_sentences_that_changed() -> None:
    old = "Eerste zin. Tweede zin over de pilot. Derde zin. Vierde zin."
    new = "Eerste zin. Tweede zin over de nieuwe pilot. Derde zin. Vierde zin."
    assert changed_sentences(old, new) == ["…", "Tweede zin over de {+nieuwe+} pilot.", "…"]


def test_sentences_are_not_cut_after_abbreviations() -> None:
    assert sentences("Nb. In dit overzicht o.a. De Raad. Tweede zin! 3 pilots.") == [
        "Nb. In dit overzicht o.a. De Raad.",
        "Tweede zin!",
        "3 pilots.",
    ]


def test_fields_per_peildatum_entries_and_pilots() -> None:
    old = small_register()
    new = copy.deepcopy(old)
    new.add_peildatum(D3)
    new.title = "Stand van zaken pilots 2022"
    huur = pilot(new, "huur")
    huur.set_at("looptijd", "Najaar 2019 – december 2022", D2)
    huur.set_at("gemeente", "Den Haag", D1)  # a correction of an earlier peildatum
    huur.set_entry(HistoryEntry(D3, "De regeling is verlengd.", Status.LOPEND, 12))
    entry = huur.entry_for(D2)
    assert entry is not None
    huur.set_entry(
        HistoryEntry(D2, entry.stand_van_zaken.replace("Stand", "De stand"), Status.AFGEROND)
    )
    pilot(new, "almere").set_at("removed", True, D3)
    new.pilots = [p for p in new.pilots if p.id != "later"]
    new.pilots.append(Pilot(id="nieuw", name="Nieuwe pilot", looptijd="2023"))
    new.audit.append(AuditEntry(datetime(2022, 12, 1, 9), "huur", "looptijd@2022-06-01", "a", "b"))
    lines = diff_lines(old, new)
    text = "\n".join(lines)
    assert lines[:4] == [
        "Register",
        "  titel: „Stand van zaken pilots” → „Stand van zaken pilots 2022”",
        "  nieuwe peildatum: 1 december 2022",
        "  logboek: 1 nieuwe regel",
    ]
    assert "Pilot „Regie op geschiloplossing in het huurdomein” (huur)" in lines
    assert (
        "  looptijd vanaf 1 juni 2022: „Najaar 2019 – december 2021” → „Najaar 2019 – december 2022”"
        in lines
    )
    assert "  gemeente/regio (vanaf het begin): (leeg) → „Den Haag”" not in lines
    assert "  gemeente/regio vanaf 1 december 2021: (leeg) → „Den Haag”" in lines
    at = lines.index("  stand van zaken per 1 juni 2022 (status lopend → afgerond):")
    assert lines[at + 1] == (
        "    [-Stand-]{+De stand+} van Regie op geschiloplossing in het huurdomein op 2022-06-01."
    )
    assert (
        "  stand van zaken per 1 december 2022 (lopend, 12 zaken), nieuw: De regeling is verlengd."
        in lines
    )
    assert "  verwijderd vanaf 1 december 2022" in lines
    assert "Nieuwe pilot „Nieuwe pilot” (nieuw)" in lines
    assert "Pilot „Toekomstige pilot” (later) staat niet meer in het bestand" in lines
    assert "\x1b" not in text  # the hostile pilot's texts are printable


def test_conflicts_appear_and_disappear_in_the_diff() -> None:
    old = small_register()
    new = copy.deepcopy(old)
    new.extra[CONFLICTS] = [Conflict("huur", "Huur", "doel", D2, "a", "b", "c").to_dict()]
    assert "  nieuw conflict: „Huur” (huur): doel vanaf 1 juni 2022" in diff_lines(old, new)
    assert "  conflict opgelost: „Huur” (huur): doel vanaf 1 juni 2022" in diff_lines(new, old)


def test_textconv_one_field_per_block_one_sentence_per_line() -> None:
    register = small_register()
    huur = pilot(register, "huur")
    huur.set_at(
        "achtergrond", "Huurders sneller helpen. Ook verhuurders. En de rechter, en de griffie.", D2
    )
    register.extra[CONFLICTS] = [Conflict("huur", "Huur", "doel", D2, "a", "b", "c").to_dict()]
    register.audit.append(AuditEntry(datetime(2022, 6, 1, 9, 30), "huur", "doel@2022-06-01", 1, 2))
    text = textconv(register)
    assert text == textconv(copy.deepcopy(register))
    lines = text.splitlines()
    at = lines.index("== Pilot huur: Regie op geschiloplossing in het huurdomein")
    assert lines[at + 1 : at + 4] == [
        "naam: Regie op geschiloplossing in het huurdomein",
        "achtergrond: Huurders sneller helpen.",
        "achtergrond vanaf 1 juni 2022:",
    ]
    assert lines[at + 4 : at + 7] == [
        "  Huurders sneller helpen.",
        "    Ook verhuurders.",
        "    En de rechter, en de griffie.",
    ]
    assert "doel:" in lines and "  • sneller" in lines
    assert "== Onopgeloste conflicten" in lines
    assert "„Huur” (huur): doel vanaf 1 juni 2022" in lines
    assert lines[-2:] == ["== Logboek", "2022-06-01 09:30:00 huur doel@2022-06-01"]
    assert "\x1b" not in text and "\x07" not in text
