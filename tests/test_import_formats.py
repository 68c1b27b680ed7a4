"""Import of the Bijlage as it arrives: PDF and Word, chosen by content; the round trips.

* The register -> our Word file -> import gives the same register, field by field at the
  peildatum (the seed, and a later round with every kind of text a Bijlage shows); the
  register -> our Word file -> PDF (LibreOffice) -> import gives the same texts. The PDF of
  the seed is kept in tests/fixtures/import (its README says how it was made).
"""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

from pilot_tui.importing import merge, read_overview, read_overview_bytes, sniff
from pilot_tui.importing.footnotes import _anchor
from pilot_tui.model import BULLET, Footnote, HistoryEntry, Past, Pilot, Register, Status

from .helpers.import_formats import (
    D1,
    D2,
    SEED_PDF,
    _template_with_other_styles,
    assert_header,
    differences,
    seed,
    word,
)

# -- the seed: Word and PDF round trips ----------------------------------------------------


def test_word_round_trip_of_the_seed_is_the_same_register() -> None:
    register = seed()
    result = read_overview_bytes(word(register, D1))
    assert result.warnings == []
    assert_header(result, register, D1)
    assert differences(result.register, register, D1) == []
    # the bullets and the footnotes with their anchors are among the fields compared
    pilots = result.register.pilots
    assert sum(len(p.footnotes) for p in pilots) == sum(len(p.footnotes) for p in register.pilots)
    assert any(BULLET in (p.entry_at(D1) or HistoryEntry(D1, "")).stand_van_zaken for p in pilots)


def test_pdf_round_trip_of_the_seed_gives_the_same_texts() -> None:
    """The fixture is the seed register's Word file as LibreOffice prints it to PDF."""
    register = seed()
    result = read_overview(SEED_PDF)
    assert result.warnings == []
    assert_header(result, register, D1)
    assert differences(result.register, register, D1) == []


def test_kind_is_read_from_the_content_not_the_name(tmp_path: Path) -> None:
    register = seed()
    disguised = tmp_path / "bijlage.txt"
    disguised.write_bytes(SEED_PDF.read_bytes())
    assert differences(read_overview(disguised).register, register, D1) == []
    other = tmp_path / "bijlage.pdf"
    other.write_bytes(word(register, D1))
    assert differences(read_overview(other).register, register, D1) == []
    assert sniff(SEED_PDF.read_bytes()) == "pdf"
    assert sniff(other.read_bytes()) == "docx"
    assert sniff(b"Stand van zaken pilots") == "text"


# -- a later round: every kind of text a Bijlage shows ---------------------------------------


def later_round() -> Register:
    """The seed with a round at D2: a new text with bullets, tabs, a web address, hostile
    characters, cases and footnotes (also in the name and in the looptijd); a renamed
    pilot with two former names; texts kept "ongewijzigd" or not updated (shown "per 1
    december 2021"); a Doorlooptijd; a new pilot without a text; a retired pilot."""
    register = seed()
    register.add_peildatum(D2)
    p0, p1, p2, p3, p4 = register.pilots[:5]
    text = (
        "De evaluatie is afgerond; de resultaten:\n"
        f"{BULLET}sneller geholpen <script>alert(1)</script> en [bold]beter[/bold];\n"
        f"{BULLET}=1+1 kosten\tper zaak, zie https://www.example.nl/rapport?id=3&x=4.\n"
        "1. Eerste stap: verbreden.\n"
        "2. Tweede stap: borgen."
    )
    p0.set_entry(HistoryEntry(D2, text, Status.LOPEND, zaken=12))
    looptijd = "Deel 1: december 2019 – december 2021; deel 2: 2022 – 2023"
    p0.set_at("looptijd", looptijd, D2)
    p0.set_at("looptijd_label", "Doorlooptijd", D2)
    p0.set_at(
        "footnotes",
        [
            Footnote("Zie het rapport.", "stand_van_zaken", _anchor("De evaluatie is afgerond;")),
            Footnote("Kamerstukken II 2021/22, 29279, nr. 700.", "looptijd", _anchor(looptijd)),
        ],
        D2,
    )
    old = p1.name
    p1.set_at("name", "Keuzehulp scheiden online", D2)
    p1.set_at("former_names", [old, "Scheidingswijzer"], D2)
    display = f"Keuzehulp scheiden online (voorheen: {old}, Scheidingswijzer)"
    p1.set_at("footnotes", [Footnote("Nieuwe naam sinds 2022.", "name", _anchor(display))], D2)
    p1.set_entry(HistoryEntry(D2, "Nu onder de nieuwe naam.", Status.AFGEROND))
    entry = p2.entry_at(D1)
    assert entry is not None
    p2.set_entry(HistoryEntry(D2, entry.stand_van_zaken, entry.status, unchanged=True))
    p4.set_at("removed", True, D2)
    new = Pilot(id="nieuw", name="Nieuwe pilot zonder tekst", looptijd="Vanaf 1 juli 2022")
    new.achtergrond = "Een nieuwe pilot."
    new.doel = "Iets beproeven."
    new.past = [Past(D2, {"removed": True})]  # added at D2
    register.pilots.append(new)
    # p3 is not updated for D2: its text of D1 is shown "per 1 december 2021"
    del p3
    return register


def test_word_round_trip_of_a_later_round() -> None:
    register = later_round()
    data = word(register, D2)
    result = read_overview_bytes(data)
    assert result.register.peildata == [D2]
    # the fields the document shows come back as they were; the inferred ones are the
    # importer's reading of the texts (the register's own values are not in a Bijlage)
    assert differences(result.register, register, D2, inferred=False) == []
    got = {p.name: p for p in result.register.pilots}
    renamed = got["Keuzehulp scheiden online"]
    assert renamed.former_names == ["Online keuzehulp bij scheiden", "Scheidingswijzer"]
    assert renamed.footnotes[0].section == "name"
    first = result.register.pilots[0]
    assert first.looptijd_label == "Doorlooptijd"
    entry = first.entry_at(D2)
    assert entry is not None and entry.zaken == 12
    assert entry.stand_van_zaken.count(BULLET) == 2
    assert "\tper zaak" in entry.stand_van_zaken
    assert [f.section for f in first.footnotes] == ["stand_van_zaken", "looptijd"]
    nieuw = got["Nieuwe pilot zonder tekst"]
    assert (nieuw.entry_at(D2) or HistoryEntry(D2, "x")).stand_van_zaken == ""
    assert "Stand van zaken (per 1 december 2021)" in _document_text(data)


def test_a_later_round_merged_back_changes_no_text() -> None:
    """Importing our own Word file into the register it came from: every pilot is matched
    (by its name or a former name) and no text, name or footnote changes."""
    register = later_round()
    result = read_overview_bytes(word(register, D2))
    target = copy.deepcopy(register)
    report = merge(target, result.register, D2, update=True)
    assert report.nieuw == []
    assert report.niet_in_document == []
    assert differences(target, register, D2, inferred=False) == []


def test_internal_parts_and_a_table_of_contents_are_skipped() -> None:
    register = later_round()
    kamer = read_overview_bytes(word(register, D2)).register
    full = read_overview_bytes(word(register, D2, summary=True, since=D1, toc=True))
    assert full.warnings == read_overview_bytes(word(register, D2)).warnings
    assert differences(full.register, kamer, D2) == []
    assert full.register.intro == register.intro


def test_word_with_a_template_of_another_style(tmp_path: Path) -> None:
    register = seed()
    path = tmp_path / "sjabloon.docx"
    path.write_bytes(_template_with_other_styles(word(register, D1)))
    result = read_overview_bytes(word(register, D1, template=path))
    assert differences(result.register, register, D1) == []


def test_an_empty_anchor_comes_back_as_the_text_before_its_place() -> None:
    """A footnote without an anchor sits at the end of its section; read back, its anchor
    is the text before that place: the same place, said explicitly."""
    register = seed()
    pilot = register.pilots[0]
    pilot.footnotes = [Footnote("Aan het eind.", "doel", "")]
    got = read_overview_bytes(word(register, D1)).register.pilots[0].footnotes
    assert [(f.text, f.section) for f in got] == [("Aan het eind.", "doel")]
    assert pilot.doel.endswith(got[0].anchor)


def _document_text(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return zf.read("word/document.xml").decode("utf-8")
