"""The snapshot: model, renderers, golden files, read-back of Word.

Safety (control characters, HTML, Markdown, CSV, JSON): tests/test_snapshot_safety.py;
the formats and file names: tests/test_snapshot_formats.py.

Golden files live in tests/golden/; regenerate them with ``UPDATE_GOLDEN=1 pytest
tests/test_snapshot.py`` and review the diff before committing.
"""

from __future__ import annotations

import csv
import io
import json
import os
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from pilot_tui.attention import Attention
from pilot_tui.model import Status
from pilot_tui.periods import parse_window
from pilot_tui.snapshot import (
    FORMATS,
    Snapshot,
    SnapshotOptions,
    build_snapshot,
    render,
)
from pilot_tui.snapshot.changes import shift_text
from pilot_tui.snapshot.md import esc
from pilot_tui.snapshot.model import NO_ENTRY
from pilot_tui.store import Store
from pilot_tui.worddiff import word_diff
from tests.conftest import SEED_STORE
from tests.fixtures.snapshot_register import (
    CHANGED,
    D0,
    HOSTILE_NAME,
    D,
    snapshot_register,
)
from tests.helpers import wordxml

GOLDEN = Path(__file__).resolve().parent / "golden"
WINDOW = parse_window("3m")


def _snapshot(**kw: Any) -> Snapshot:
    assert WINDOW is not None
    options = SnapshotOptions(peildatum=kw.pop("peildatum", D), window=WINDOW, **kw)
    return build_snapshot(snapshot_register(), options)


@pytest.fixture(scope="module")
def snap() -> Snapshot:
    return _snapshot(since=D0)


@pytest.fixture(scope="module")
def outputs(snap: Snapshot) -> dict[str, bytes]:
    return {fmt: render(snap, fmt) for fmt in FORMATS}


# -- golden files ---------------------------------------------------------------------


def docx_text(data: bytes) -> str:
    """Word body in order: paragraphs as '[Style] text', tables as rows of cells."""
    return wordxml.body_text(data)


def _style(paragraph: Any) -> str:
    return str(paragraph.style.name) if paragraph.style is not None else ""


def _check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"{path} ontbreekt; maak hem met UPDATE_GOLDEN=1"
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, (
        f"{name} wijkt af van de golden file (UPDATE_GOLDEN=1 om bij te werken)"
    )


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_golden(outputs: dict[str, bytes], fmt: str) -> None:
    # newline="" semantics: compare the exact bytes (CRLF and BOM in CSV included)
    text = outputs[fmt].decode("utf-8")
    path = GOLDEN / f"snapshot.{fmt}"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(outputs[fmt])
    assert path.exists(), f"{path} ontbreekt; maak hem met UPDATE_GOLDEN=1"
    assert text == path.read_bytes().decode("utf-8")


def test_golden_docx_text(outputs: dict[str, bytes]) -> None:
    _check_golden("snapshot.docx.txt", docx_text(outputs["docx"]))


def test_golden_grouped_md() -> None:
    snap = _snapshot(summary=False, group_by="programma")
    _check_golden("snapshot-programma.md", render(snap, "md").decode("utf-8"))


# -- API --------------------------------------------------------------------------------


def test_api_names() -> None:
    """(The formats and file names: tests/test_snapshot_formats.py.)"""
    with pytest.raises(ValueError):
        render(_snapshot(), "pdf")
    with pytest.raises(ValueError):
        _snapshot(group_by="gemeente")


def test_progress_is_reported() -> None:
    calls: list[tuple[int, int]] = []
    assert WINDOW is not None
    build_snapshot(
        snapshot_register(), SnapshotOptions(D, WINDOW), progress=lambda *a: calls.append(a)
    )
    assert calls[0] == (0, 8)
    assert calls[-1] == (8, 8)


@pytest.mark.parametrize("fmt", FORMATS)
def test_render_reports_progress(snap: Snapshot, outputs: dict[str, bytes], fmt: str) -> None:
    calls: list[tuple[int, int]] = []
    data = render(snap, fmt, progress=lambda *a: calls.append(a))
    # Word counts the 10 rows of the changes table too (2 new, 1 closed, 1 status,
    # 1 looptijd, 3 texts, 1 kept unchanged, 1 number of cases)
    total = 8 + 10 if fmt == "docx" else 8
    assert calls[0] == (0, total) and calls[-1] == (total, total)
    assert all(0 <= done <= t == total for done, t in calls)
    assert data == outputs[fmt]  # the same snapshot, the same bytes (Word too)


# -- model ------------------------------------------------------------------------------


def test_title_and_entries(snap: Snapshot) -> None:
    assert snap.title == "Stand van zaken pilots – peildatum 1 december 2021"
    pilots = {p.id: p for p in snap.pilots}
    assert len(pilots) == 8
    assert pilots["rotterdam"].stand_van_zaken.startswith("De evaluatie is afgerond")
    assert pilots["rotterdam"].entry_peildatum == D
    assert pilots["verlopen"].entry_peildatum == D0  # latest entry on or before D
    assert pilots["keuzehulp"].status == Status.AFGEROND
    assert pilots["nieuw"].looptijd_label == "Doorlooptijd"
    leeg = pilots["leeg"]
    svz = next(s for s in leeg.sections if s.key == "stand_van_zaken")
    assert svz.empty and svz.paras[0].runs[0].text == NO_ENTRY


def test_the_annex_label_is_the_registers_unless_the_document_says_otherwise() -> None:
    register = snapshot_register()
    register.annex = "Bijlage 2"
    assert WINDOW is not None
    title = "Stand van zaken pilots – peildatum 1 december 2021"

    def snap(annex: str | None) -> Snapshot:
        return build_snapshot(register, SnapshotOptions(D, WINDOW, annex=annex))

    assert snap(None).title == f"Bijlage 2 – {title}"
    assert snap("Bijlage 4").title == f"Bijlage 4 – {title}"
    assert snap("Bijlage 4").annex == "Bijlage 4"
    assert snap("").title == title and snap("").annex == ""
    assert snap("  Bijlage\n 5 ").title == f"Bijlage 5 – {title}"  # one line, always


def test_snapshot_at_earlier_peildatum() -> None:
    snap = _snapshot(peildatum=D0)
    pilots = {p.id: p for p in snap.pilots}
    assert snap.title.endswith("peildatum 1 juni 2021")
    assert pilots["rotterdam"].stand_van_zaken == "De pilot loopt in zes wijkteams."
    assert pilots["keuzehulp"].status == Status.LOPEND
    assert pilots["nieuw"].entry_peildatum is None  # not yet existing: placeholder
    assert NO_ENTRY in render(snap, "md").decode()


def test_footnotes_numbered_through_document_and_placed_after_anchor(snap: Snapshot) -> None:
    assert [n.number for n in snap.notes] == list(range(1, 7))
    pilots = {p.id: p for p in snap.pilots}
    # numbered by position in the text, not by list order
    notes = pilots["verlopen"].notes
    assert [n.text for n in notes] == [
        "Kamerstukken II 2018/2019, 35000 VI, nr. 47",
        "Kamerstukken II 2018/2019 31753/33552, 157",
    ]
    assert all(n.anchored for n in notes)
    achtergrond = pilots["verlopen"].sections[0].paras[0]
    assert [r.note for r in achtergrond.runs] == [None, 5, None, 6]
    assert achtergrond.runs[0].text.endswith("helpen.")
    # the name footnote sits after the name; the unanchored one ends its section
    assert pilots["nieuw"].name_notes == (3,)
    leeg = pilots["leeg"].notes[0]
    assert not leeg.anchored
    md = render(snap, "md").decode()
    assert "afgerond in september 2021.<sup>1</sup> Op basis" in md
    assert "### Digitaal bezwaarplatform<sup>3</sup>" in md


def test_summary(snap: Snapshot) -> None:
    s = snap.summary
    assert s is not None
    counts = {c.attention: c.count for c in s.counts}
    assert list(counts) == list(Attention)
    assert counts[Attention.VERLOPEN] == 1
    assert counts[Attention.EINDIGT_BINNENKORT] == 1
    assert counts[Attention.START_BINNENKORT] == 2
    assert sum(counts.values()) == 8
    lists = {lst.key: lst for lst in s.lists}
    assert [i.pilot_id for i in lists["eindigt_binnenkort"].items] == ["huizen"]
    assert "februari 2022" in lists["eindigt_binnenkort"].items[0].detail
    assert [i.pilot_id for i in lists["verlopen"].items] == ["verlopen"]
    assert {i.pilot_id for i in lists["niet_bijgewerkt"].items} == {"leeg", "verlopen"}
    assert [i.pilot_id for i in lists["start_binnenkort"].items] == ["nieuw", "leeg"]
    assert "Aandachtspunten" not in render(_snapshot(summary=False), "md").decode()


def test_since_names_exactly_the_changed_pilots(snap: Snapshot) -> None:
    c = snap.changes
    assert c is not None
    assert c.title == "Wijzigingen sinds peildatum 1 juni 2021"
    assert c.pilot_ids == CHANGED
    assert [r.id for r in c.new] == ["nieuw", "leeg"]
    assert [(x.pilot.id, x.old, x.new) for x in c.closed] == [
        ("keuzehulp", Status.LOPEND, Status.AFGEROND)
    ]
    assert [(x.pilot.id, x.old, x.new) for x in c.status] == [
        ("hostile", Status.GEPLAND, Status.LOPEND)
    ]
    (lc,) = c.looptijd
    assert (lc.pilot.id, lc.old, lc.new) == (
        "huizen",
        "Januari 2020 – december 2021",
        "Januari 2020 – februari 2022",
    )
    assert lc.shift_days == 59 and lc.shift_text == "2 maanden later (59 dagen)"
    assert [t.pilot.id for t in c.texts] == ["rotterdam", "keuzehulp", "hostile"]
    # the rendered section names those pilots and no others
    md = render(snap, "md").decode()
    section = md.split("## Wijzigingen sinds peildatum 1 juni 2021")[1].split("## Pilots")[0]
    for p in snap.pilots:
        named = esc(p.name, start=False) in section
        assert named == (p.id in CHANGED), p.id
    # nothing changed between a peildatum and itself
    same = _snapshot(since=D).changes
    assert same is not None and same.pilot_ids == set()


def test_shift_text() -> None:
    assert shift_text(date(2021, 12, 31), date(2022, 2, 28)) == "2 maanden later (59 dagen)"
    assert shift_text(date(2022, 4, 30), date(2022, 7, 31)) == "3 maanden later (92 dagen)"
    assert shift_text(date(2022, 7, 31), date(2022, 6, 30)) == "1 maand eerder (31 dagen)"
    assert shift_text(date(2022, 1, 1), date(2022, 1, 13)) == "12 dagen later"
    assert shift_text(date(2022, 1, 1), date(2022, 2, 13)) == "ruim 1 maand later (43 dagen)"
    assert shift_text(date(2022, 1, 1), date(2022, 1, 1)) == "einde ongewijzigd"


def test_word_diff_marks_words() -> None:
    (line,) = word_diff("De pilot loopt.", "De pilot is afgerond.")
    assert [(o.op, o.text) for o in line] == [
        ("equal", "De pilot "),
        ("delete", "loopt."),
        ("insert", "is afgerond."),
    ]
    lines = word_diff("a\nb c", "a\nb d\ne")
    assert [[(o.op, o.text) for o in ln] for ln in lines] == [
        [("equal", "a")],
        [("equal", "b "), ("delete", "c"), ("insert", "d")],
        [("insert", "e")],
    ]


def test_grouping() -> None:
    by_status = _snapshot(group_by="status")
    assert [g.title for g in by_status.groups] == [
        "Status: gepland",
        "Status: lopend",
        "Status: afgerond",
    ]
    by_prog = _snapshot(group_by="programma")
    titles = [g.title for g in by_prog.groups]
    assert titles[0] == "Programma: Raad voor Rechtsbijstand"
    assert titles[-1] == "Zonder programma"
    # footnotes are numbered in the order shown
    shown = [n.number for p in by_prog.pilots for n in p.notes]
    assert shown == sorted(shown) == list(range(1, 7))


# -- Word -----------------------------------------------------------------------------


def test_docx_reads_back(snap: Snapshot, outputs: dict[str, bytes]) -> None:
    doc = Document(io.BytesIO(outputs["docx"]))
    props = doc.core_properties
    assert props.title == snap.title
    assert props.language == "nl-NL"
    section = doc.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert abs(section.page_width.mm - 210) < 1 and abs(section.page_height.mm - 297) < 1
    assert _style(doc.paragraphs[0]) == "Title"
    assert doc.paragraphs[0].text == snap.title
    pilot_tables = [
        t for t in doc.tables if t.rows[0].cells[0].text == "Pilot" and len(t.columns) == 2
    ]
    assert len(pilot_tables) == 8
    names = [t.rows[1].cells[0].text for t in pilot_tables]
    assert names[0] == "Pilot Rotterdam-Zuid (Hillesluis)"
    assert HOSTILE_NAME + " (voorheen: # kop)" in names
    assert "Digitaal bezwaarplatform" in names  # its footnote reference is no text
    # the text column, a row per paragraph
    first = [p for row in pilot_tables[0].rows[1:] for p in row.cells[1].paragraphs]
    labels = [p.text for p in first if _style(p) == "Tussenkop"]
    assert labels == ["Achtergrond", "Doel", "Stand van zaken", "Looptijd"]
    bullets = [p.text for p in first if _style(p) == "List Bullet"]
    assert bullets == [
        "responsiever maken van de toegang sociaal domein",
        "meer en eerder oplossingsgerichte samenwerking zoeken",
    ]
    # the notes are Word footnotes, not a list at the end
    assert "Noten" not in [p.text for p in doc.paragraphs]
    notes = wordxml.footnotes(outputs["docx"])
    assert list(notes) == [n.number for n in snap.notes]
    assert notes[2] == snap.notes[1].text  # as in the model ...
    assert notes[1] == (  # ... with its web address a link
        "Zie voor evaluatie: [www.example.nl/evaluatie-rotterdam]"
        "(https://www.example.nl/evaluatie-rotterdam)"
    )
    # changes as a table
    changes = next(t for t in doc.tables if t.rows[0].cells[1].text == "Wijziging")
    assert {r.cells[0].text for r in changes.rows[1:]} == {
        p.name for p in snap.pilots if p.id in CHANGED
    }
    # language set in the defaults
    with zipfile.ZipFile(io.BytesIO(outputs["docx"])) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
        body = z.read("word/document.xml").decode("utf-8")
    assert 'w:val="nl-NL"' in styles
    # every table's header row repeats on each page (python-docx reads no w:tblHeader)
    assert body.count("<w:tblHeader/>") == len(doc.tables) == 10
    assert all(c.text for t in doc.tables for c in t.rows[0].cells)


# -- the real register ---------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> Snapshot:
    assert SEED_STORE.exists(), f"{SEED_STORE} ontbreekt: het register hoort in de repository"
    with Store.open(SEED_STORE, readonly=True) as store:
        register = store.register
    assert WINDOW is not None
    return build_snapshot(register, SnapshotOptions(date(2021, 12, 1), WINDOW))


def test_seed_snapshot(seed: Snapshot) -> None:
    assert seed.title == "Bijlage 2 – Stand van zaken pilots – peildatum 1 december 2021"
    assert seed.annex == "Bijlage 2"
    assert len(seed.pilots) == 33
    assert seed.intro.startswith("Nb. In dit overzicht")
    md = render(seed, "md").decode("utf-8")
    assert md.startswith("# Bijlage 2 – Stand van zaken pilots – peildatum 1 december 2021\n")
    for p in seed.pilots:
        keys = [s.key for s in p.sections]
        assert keys == ["achtergrond", "doel", "stand_van_zaken", "looptijd"], p.id
        assert f"### {esc(p.display_name)}" in md
    assert md.count("**Stand van zaken**") == 33
    assert md.count("**Achtergrond**") == 33
    assert md.count("**Doel**") == 33
    assert md.count("**Looptijd**") + md.count("**Doorlooptijd**") == 33
    assert NO_ENTRY not in md
    assert len(seed.notes) >= 4
    doc = Document(io.BytesIO(render(seed, "docx")))
    pilot_tables = [t for t in doc.tables if t.rows[0].cells[0].text == "Pilot"]
    assert len(pilot_tables) == 33
    rows = list(
        csv.reader(io.StringIO(render(seed, "csv").decode("utf-8-sig"), newline=""), delimiter=";")
    )
    assert len(rows) == 34
    assert len(json.loads(render(seed, "json"))["pilots"]) == 33
    html = render(seed, "html").decode("utf-8")
    assert html.count('<table class="pilot"') == 33


def test_an_older_stand_van_zaken_says_its_date() -> None:
    """A pilot not updated for the peildatum shows its last text with that text's date,
    never as if it were current (a first-time user read a December text in June)."""
    from pilot_tui.model import HistoryEntry, Pilot, Register

    june, december = date(2022, 6, 1), date(2021, 12, 1)
    reg = Register(title="Stand van zaken pilots", peildata=[december, june])
    for pid, when in (("oud", december), ("nieuw", june)):
        pilot = Pilot(id=pid, name=pid.capitalize(), looptijd="januari 2021 – december 2023")
        pilot.set_entry(HistoryEntry(when, f"Tekst van {when}.", Status.LOPEND))
        reg.pilots.append(pilot)
    window = parse_window("3m")
    assert window is not None
    snap = build_snapshot(reg, SnapshotOptions(june, window))
    labels = {
        p.id: [s.label for s in p.sections if s.key == "stand_van_zaken"] for p in snap.pilots
    }
    assert labels == {
        "oud": ["Stand van zaken (per 1 december 2021)"],
        "nieuw": ["Stand van zaken"],
    }
    md = render(snap, "md").decode("utf-8")
    assert "**Stand van zaken (per 1 december 2021)**" in md
