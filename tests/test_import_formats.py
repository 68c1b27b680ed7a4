"""Import of the Bijlage as it arrives: PDF and Word, chosen by content.

* Round trips: the register -> our Word file -> import gives the same register, field by
  field at the peildatum (the seed, and a later round with every kind of text a Bijlage
  shows); the register -> our Word file -> PDF (LibreOffice) -> import gives the same texts.
  The PDF of the seed is kept in tests/fixtures/import (its README says how it was made).
* PDFs laid out differently (A5, landscape, other column widths, another template with
  justified and hyphenated text, a footnote that breaks across pages), made here from our
  Word file by LibreOffice; skipped, with the reason, where ``soffice`` is missing.
* Documents that are not an overview are refused with one line; nothing is written.
* The command line: import, --dry-run, --update, --peildatum, progress on a terminal.
"""

from __future__ import annotations

import copy
import io
import shutil
import subprocess
import sys
import zipfile
import zlib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pilot_tui.importing import (
    ImportResult,
    OverviewError,
    merge,
    parse_overview,
    read_overview,
    read_overview_bytes,
    sniff,
)
from pilot_tui.importing.footnotes import _anchor, superscript
from pilot_tui.importing.overview import read_overview_text
from pilot_tui.model import BULLET, Footnote, HistoryEntry, Past, Pilot, Register, Status
from pilot_tui.periods import parse_window
from pilot_tui.snapshot import SnapshotOptions, build_snapshot, render
from pilot_tui.snapshot.wordpkg import house_style
from pilot_tui.store import Store

from .conftest import SEED_STORE, run_cli

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
SEED_PDF = FIXTURES / "bijlage2-libreoffice.pdf"
D1 = date(2021, 12, 1)
D2 = date(2022, 6, 1)
WINDOW = parse_window("3m")


def seed() -> Register:
    with Store.open(SEED_STORE, readonly=True) as store:
        return store.register


def word(register: Register, peildatum: date, **options: Any) -> bytes:
    """Our Word Bijlage of ``register`` (the Kamer version unless asked otherwise)."""
    assert WINDOW is not None
    summary = options.pop("summary", False)
    since = options.pop("since", None)
    snapshot = build_snapshot(register, SnapshotOptions(peildatum, WINDOW, since, summary))
    return render(snapshot, "docx", **options)


# -- comparing registers ------------------------------------------------------------------

SHOWN = ("name", "former_names", "achtergrond", "doel", "looptijd", "looptijd_label")
INFERRED = ("id", "status", "programma", "gemeente", "rechtsgebied", "partners")


def fields_at(register: Register, when: date, inferred: bool = True) -> dict[str, dict[str, Any]]:
    """Per pilot (by name as at ``when``) every field a Bijlage shows, and (``inferred``)
    those the import infers from it, as they were at ``when``."""
    out = {}
    for pilot in register.pilots:
        then = pilot.as_of(when)
        if then is None:
            continue
        entry = pilot.entry_at(when)
        values: dict[str, Any] = {key: getattr(then, key) for key in SHOWN}
        values["footnotes"] = [(f.text, f.section, f.anchor) for f in then.footnotes]
        values["stand_van_zaken"] = entry.stand_van_zaken if entry is not None else ""
        values["zaken"] = entry.zaken if entry is not None else None
        if inferred:
            values.update({key: getattr(then, key) for key in INFERRED})
        out[then.name] = values
    return out


def differences(
    got: Register, want: Register, when: date, inferred: bool = True
) -> list[tuple[str, str, Any, Any]]:
    """(pilot, field, got, want) for every field that differs; [] for the same register."""
    g = fields_at(got, got.latest_peildatum() or when, inferred)
    w = fields_at(want, when, inferred)
    assert list(g) == list(w), "not the same pilots, or not in the same order"
    return [
        (name, key, g[name][key], value)
        for name, values in w.items()
        for key, value in values.items()
        if g[name][key] != value
    ]


def assert_header(result: ImportResult, want: Register, peildatum: date) -> None:
    got = result.register
    assert got.peildata == [peildatum]
    assert (got.title, got.annex, got.intro) == (want.title, want.annex, want.intro)


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


# -- a Word file made elsewhere: bold labels, numbered lists, end notes --------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _foreign_docx() -> bytes:
    """A Bijlage as a colleague might write it in Word: one table for all pilots, labels
    in bold (no style of ours), a "List Bullet" and a "List Number" list, a footnote and an
    end note, a deleted word (tracked change) and a name over two paragraphs."""
    import docx  # python-docx

    document = docx.Document()
    document.add_paragraph("Bijlage 3 – Stand van zaken pilots – peildatum 1 juni 2022")
    document.add_paragraph("Een korte inleiding.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Pilot"
    table.rows[0].cells[1].text = "Toelichting"

    def label(cell: Any, text: str, first: bool = False) -> None:
        para = cell.paragraphs[0] if first else cell.add_paragraph()
        para.add_run(text).bold = True

    for n in (1, 2):
        row = table.add_row()
        left, right = row.cells
        left.text = f"Pilot nummer {n}"
        left.add_paragraph("(proef)")
        label(right, "Achtergrond", first=True)
        right.add_paragraph(f"Achtergrond van pilot {n}, zie noot[[F{n}]].")
        label(right, "Doel")
        right.add_paragraph("Twee doelen:")
        right.add_paragraph("sneller", style="List Bullet")
        right.add_paragraph("beter", style="List Bullet")
        label(right, "Stand van zaken")
        right.add_paragraph("Stappen:")
        right.add_paragraph("verkennen", style="List Number")
        right.add_paragraph("beproeven[[E1]]", style="List Number")
        right.add_paragraph("Het gaat [[DEL]]goed.")
        label(right, "Looptijd")
        right.add_paragraph("Januari 2022 – december 2023")
    buf = io.BytesIO()
    document.save(buf)
    return _add_notes(buf.getvalue())


def _add_notes(data: bytes) -> bytes:
    """Real footnotes and an end note in a python-docx file (it cannot make them)."""
    w = f'xmlns:w="{W_NS}"'

    def note(tag: str, nid: int, text: str) -> str:
        return (
            f'<w:{tag} w:id="{nid}"><w:p><w:r><w:{tag}Ref/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{tag}>'
        )

    sep = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    )
    footnotes = (
        f"<w:footnotes {w}>{sep}{note('footnote', 1, 'Noot bij pilot 1.')}"
        f"{note('footnote', 2, 'Noot bij pilot 2.')}</w:footnotes>"
    )
    endnotes = f"<w:endnotes {w}>{note('endnote', 1, 'Eindnoot bij de stappen.')}</w:endnotes>"
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    ct = "application/vnd.openxmlformats-officedocument.wordprocessingml."
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "word/document.xml":
                text = body.decode("utf-8")
                for n in (1, 2):
                    text = text.replace(
                        f"[[F{n}]]",
                        f'</w:t></w:r><w:r><w:footnoteReference w:id="{n}"/></w:r>'
                        '<w:r><w:t xml:space="preserve">',
                    )
                text = text.replace(
                    "[[E1]]",
                    '</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r><w:r><w:t>',
                )
                text = text.replace(
                    "[[DEL]]",
                    '</w:t></w:r><w:del w:id="9" w:author="x"><w:r><w:delText>niet </w:delText>'
                    '</w:r></w:del><w:r><w:t xml:space="preserve">',
                )
                body = text.encode("utf-8")
            elif info.filename == "word/_rels/document.xml.rels":
                body = body.replace(
                    b"</Relationships>",
                    f'<Relationship Id="rIdF" Type="{rel}footnotes" Target="footnotes.xml"/>'
                    f'<Relationship Id="rIdE" Type="{rel}endnotes" Target="endnotes.xml"/>'
                    "</Relationships>".encode(),
                )
            elif info.filename == "[Content_Types].xml":
                body = body.replace(
                    b"</Types>",
                    f'<Override PartName="/word/footnotes.xml" ContentType="{ct}footnotes+xml"/>'
                    f'<Override PartName="/word/endnotes.xml" ContentType="{ct}endnotes+xml"/>'
                    "</Types>".encode(),
                )
            z.writestr(info, body)
        z.writestr("word/footnotes.xml", footnotes)
        z.writestr("word/endnotes.xml", endnotes)
    return out.getvalue()


def test_a_word_file_made_elsewhere() -> None:
    result = read_overview_bytes(_foreign_docx())
    register = result.register
    assert register.annex == "Bijlage 3"
    assert register.intro == "Een korte inleiding."
    assert register.peildata == [D2]
    assert [p.name for p in register.pilots] == ["Pilot nummer 1 (proef)", "Pilot nummer 2 (proef)"]
    first = register.pilots[0]
    assert first.achtergrond == "Achtergrond van pilot 1, zie noot."
    assert first.doel == f"Twee doelen:\n{BULLET}sneller\n{BULLET}beter"
    entry = first.entry_at(D2)
    assert entry is not None
    assert entry.stand_van_zaken == "Stappen:\n1. verkennen\n2. beproeven\nHet gaat goed."
    assert first.looptijd == "Januari 2022 – december 2023"
    assert [(f.text, f.section, f.anchor) for f in first.footnotes] == [
        ("Noot bij pilot 1.", "achtergrond", "van pilot 1, zie noot"),
        ("Eindnoot bij de stappen.", "stand_van_zaken", "2. beproeven"),
    ]
    second = register.pilots[1]
    assert second.footnotes[0].text == "Noot bij pilot 2."
    second_entry = second.entry_at(D2)
    assert second_entry is not None
    assert "3. verkennen" in second_entry.stand_van_zaken  # one list, numbered on


# -- the text reader's new conventions ------------------------------------------------------


def test_superscript_references_and_notes_given_apart() -> None:
    text = (
        "Bijlage 2 – Stand van zaken pilots – peildatum 1 december 2021\n\n"
        f"NOvA{superscript(1)} pilot\n"
        "Achtergrond\nDe NOvA doet mee.\n"
        "Doel\nBeter.\n"
        f"Stand van zaken (per 1 juni 2021)\nHet loopt in Q1{superscript(2)} goed.\n"
        "Aantal behandelde zaken: 7.\n"
        "Looptijd\n2021 – 2023\n"
    )
    document = read_overview_text(
        text, per_line=True, notes=[(1, "Eerste.", "pagina 1"), (2, "Tweede.", "pagina 1")]
    )
    pilot = document.pilots[0]
    assert pilot.name == "NOvA pilot"
    assert [(f.text, f.section, f.anchor) for f in pilot.footnotes] == [
        ("Eerste.", "name", "NOvA"),
        ("Tweede.", "stand_van_zaken", "Het loopt in Q1"),
    ]
    plain = text.replace(superscript(1), "").replace(superscript(2), "")
    entry = parse_overview(plain, per_line=True).register.pilots[0].entry_at(D1)
    assert entry is not None and entry.zaken == 7
    assert entry.stand_van_zaken == "Het loopt in Q1 goed."


# -- PDFs laid out differently (LibreOffice) --------------------------------------------------

LAYOUTS = ("a5", "liggend", "smal-naamkolom", "ander-sjabloon", "lange-voetnoot")
LONG_NOTE = " ".join(
    ["Zie voor de evaluatie en de achtergrond van deze pilot het rapport, met bijlagen."] * 150
)


def _rezip(data: bytes, part: str, change: Any) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            body = src.read(info.filename)
            z.writestr(info, change(body) if info.filename == part else body)
    return out.getvalue()


def _page(width: int, height: int, name: int, orient: str = "") -> Any:
    """Another page size and name column for our Word file (twips; margins as ours)."""
    text = width - 2 * 1247

    def change(body: bytes) -> bytes:
        xml = body.decode("utf-8")
        xml = xml.replace('<w:pgSz w:w="11906" w:h="16838"/>', f'<w:pgSz w:w="{width}" w:h="{height}"{orient}/>')  # fmt: skip
        xml = xml.replace('w:w="9412"', f'w:w="{text}"').replace('w:w="7031"', f'w:w="{text - name}"')  # fmt: skip
        return xml.replace('w:w="2381"', f'w:w="{name}"').encode("utf-8")

    return change


def _template_with_other_styles(docx: bytes) -> bytes:
    """Our Word file with other styles, to be used as a template: Liberation Serif 11 pt,
    justified body text, hyphenation on, no space after a paragraph."""
    styles = house_style().styles.decode("utf-8")
    styles = styles.replace('"Verdana"', '"Liberation Serif"')
    styles = styles.replace('<w:sz w:val="18"/>', '<w:sz w:val="22"/>', 1)
    styles = styles.replace(
        '<w:widowControl/>\n      <w:suppressAutoHyphens/>\n      <w:spacing w:after="120"/>',
        '<w:widowControl/>\n      <w:spacing w:after="0"/>\n      <w:jc w:val="both"/>',
        1,
    )
    assert '<w:jc w:val="both"/>' in styles
    return _rezip(docx, "word/styles.xml", lambda _body: styles.encode("utf-8"))


def long_note_register() -> Register:
    register = seed()
    pilot = register.pilots[1]
    anchor = _anchor("De online keuzehulp voor scheiden is opgenomen op de site van het Juridisch Loket.")  # fmt: skip
    pilot.footnotes = [Footnote(LONG_NOTE, "stand_van_zaken", anchor)]
    return register


@pytest.fixture(scope="module")
def layouts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seed's Word file in other layouts, printed to PDF by LibreOffice (one run)."""
    if shutil.which("soffice") is None:
        pytest.skip(
            "soffice niet gevonden: geen PDF's in andere opmaak (installeer libreoffice-writer)"
        )
    folder = tmp_path_factory.mktemp("opmaak")
    base = word(seed(), D1)
    template = folder / "sjabloon.docx"
    template.write_bytes(_template_with_other_styles(base))
    docs = {
        "a5": _rezip(base, "word/document.xml", _page(8391, 11906, 2381)),
        "liggend": _rezip(
            base, "word/document.xml", _page(16838, 11906, 2381, ' w:orient="landscape"')
        ),
        "smal-naamkolom": _rezip(base, "word/document.xml", _page(11906, 16838, 1417)),
        "ander-sjabloon": word(seed(), D1, template=template),
        "lange-voetnoot": word(long_note_register(), D1),
    }
    for name, data in docs.items():
        (folder / f"{name}.docx").write_bytes(data)
    profile = (folder / "profiel").as_uri()  # its own profile: runs may overlap
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), *(f"{name}.docx" for name in docs)],
        cwd=folder, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return {name: folder / f"{name}.pdf" for name in docs}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_pdf_in_another_layout_gives_the_same_texts(layout: str, layouts: dict[str, Path]) -> None:
    want = long_note_register() if layout == "lange-voetnoot" else seed()
    result = read_overview(layouts[layout])
    assert result.warnings == []
    assert_header(result, want, D1)
    assert differences(result.register, want, D1) == []


def test_the_long_footnote_did_break_across_pages(layouts: dict[str, Path]) -> None:
    from pdfminer.high_level import extract_text

    pages = [extract_text(str(layouts["lange-voetnoot"]), page_numbers=[n]) for n in range(0, 6)]
    holding = [n for n, text in enumerate(pages) if "met bijlagen" in text]
    assert len(holding) >= 2 and holding[1] == holding[0] + 1, holding


def test_pdf_layouts_differ_for_real(layouts: dict[str, Path]) -> None:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    def first_page(path: Path) -> tuple[int, int]:
        with open(path, "rb") as fh:
            page = next(PDFPage.create_pages(PDFDocument(PDFParser(fh))))
            x0, y0, x1, y1 = page.mediabox
            return round(x1 - x0), round(y1 - y0)

    assert first_page(layouts["a5"]) == (420, 595)
    assert first_page(layouts["liggend"]) == (842, 595)


# -- refusals: one line, nothing written -----------------------------------------------------


def _pdf(content: bytes, resources: str = "", extra: list[bytes] | None = None) -> bytes:
    """A one-page PDF with ``content`` as its page's content stream."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << {resources} >> "
        "/Contents 4 0 R >>".encode(),
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        *(extra or []),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _scan_pdf() -> bytes:
    pixels = zlib.compress(bytes((x * y) % 256 for y in range(100) for x in range(200)))
    image = (
        b"<< /Type /XObject /Subtype /Image /Width 200 /Height 100 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
        % len(pixels)
        + pixels
        + b"\nendstream"
    )
    return _pdf(b"q 400 0 0 200 100 500 cm /Im1 Do Q", "/XObject << /Im1 5 0 R >>", [image])


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, body in files.items():
            z.writestr(name, body)
    return buf.getvalue()


def _plain_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Boodschappen: melk, brood en kaas.")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


REFUSED: dict[str, tuple[Any, str]] = {
    "willekeurige.pdf": (lambda: (FIXTURES / "notulen.pdf").read_bytes(), "Geen pilots gevonden"),
    "scan.pdf": (_scan_pdf, "geen tekst, alleen afbeeldingen (een scan?)"),
    "leeg.pdf": (lambda: _pdf(b""), "bevat geen tekst"),
    "geheim.pdf": (lambda: (FIXTURES / "geheim.pdf").read_bytes(), "met een wachtwoord"),
    "kapot.pdf": (lambda: b"%PDF-1.4\n" + bytes(range(256)) * 4, "beschadigd PDF-bestand"),
    "geheim.docx": (lambda: (FIXTURES / "geheim.docx").read_bytes(), "met een wachtwoord"),
    "kapot.docx": (lambda: b"PK\x03\x04" + bytes(range(256)) * 4, "beschadigd zip-bestand"),
    "afgebroken.docx": (
        lambda: word(seed(), D1)[:10_000],
        "beschadigd zip-bestand",
    ),
    "geen-word.zip": (lambda: _zip({"a.txt": b"x"}), "zip-bestand zonder Word-document"),
    "rekenblad.xlsx": (lambda: _zip({"xl/workbook.xml": b"<x/>"}), "Excel-bestand"),
    "boodschappen.docx": (_plain_docx, "Geen pilots gevonden"),
    "oud.doc": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "ouder Office-bestand"),
    "foto.png": (lambda: b"\x89PNG\r\n\x1a\n" + bytes(100), "afbeelding (PNG)"),
    "latin1.txt": (lambda: "caf\xe9".encode("latin-1") * 10, "geen UTF-8-tekst"),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_not_an_overview_is_refused_with_one_line(name: str, tmp_path: Path) -> None:
    make, words = REFUSED[name]
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(OverviewError) as caught:
        read_overview(path)
    message = str(caught.value)
    assert words in message
    assert "\n" not in message and message.isprintable()


@pytest.mark.parametrize("name", ["scan.pdf", "geheim.pdf", "geheim.docx", "kapot.docx"])
def test_the_cli_refuses_with_exit_2_and_writes_nothing(name: str, tmp_path: Path) -> None:
    store = tmp_path / "register" / "store.json"
    store.parent.mkdir()
    shutil.copyfile(SEED_STORE, store)
    before = store.read_bytes()
    path = tmp_path / name
    path.write_bytes(REFUSED[name][0]())
    done = run_cli("--store", str(store), "import", str(path))
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and REFUSED[name][1] in lines[0], done.stderr
    assert "Traceback" not in done.stderr
    assert store.read_bytes() == before
    assert sorted(p.name for p in store.parent.iterdir()) == ["store.json"]


# -- the command line --------------------------------------------------------------------------


def test_cli_imports_the_pdf_into_a_new_register(tmp_path: Path) -> None:
    store = tmp_path / "store.json"
    trial = run_cli("--store", str(store), "import", str(SEED_PDF), "--dry-run")
    assert trial.returncode == 0, trial.stderr
    assert trial.stdout.startswith("(proefdraai) nieuw register")
    assert "33 nieuw" in trial.stdout
    assert not store.exists()
    done = run_cli("--store", str(store), "import", str(SEED_PDF))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # no progress: stderr is not a terminal
    with Store.open(store, readonly=True) as opened:
        register = opened.register
    assert register.annex == "Bijlage 2"
    assert differences(register, seed(), D1) == []


def test_cli_imports_the_word_file_again_and_with_update(tmp_path: Path) -> None:
    store = tmp_path / "store.json"
    shutil.copyfile(SEED_STORE, store)
    bijlage = tmp_path / "bijlage.docx"
    bijlage.write_bytes(word(seed(), D1))
    again = run_cli("--store", str(store), "import", str(bijlage), "--dry-run")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("(proefdraai, niets geschreven) 0 nieuw · 0 bijgewerkt · 33")
    later = run_cli("--store", str(store), "import", str(bijlage), "--peildatum", "1 juni 2022")
    assert later.returncode == 0, later.stderr
    assert later.stdout.startswith("0 nieuw")  # every pilot matched, the texts kept
    updated = run_cli("--store", str(store), "import", str(SEED_PDF), "--update")
    assert updated.returncode == 2  # an earlier round than the register's latest
    assert "voor de laatste ronde" in updated.stderr
    with Store.open(store, readonly=True) as opened:
        assert opened.register.peildata == [D1, D2]


def test_cli_progress_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from pilot_tui import cli

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    err = Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    code = cli.main(["--store", str(tmp_path / "store.json"), "import", str(SEED_PDF), "--dry-run"])
    assert code == 0
    assert "\r10/18 bladzijden gelezen" in err.getvalue()
    assert "\r18/18 bladzijden gelezen\n" in err.getvalue()


# -- damaged copies of real documents: a result or one line, never a traceback ---------------


def _damaged(data: bytes, seed_: int) -> bytes:
    import random

    rng = random.Random(seed_)
    out = bytearray(data)
    if seed_ % 3 == 0:
        return bytes(out[: rng.randrange(len(out) // 4, len(out))])  # cut off
    for _ in range(20):
        at = rng.randrange(len(out))
        out[at] = rng.randrange(256)
    return bytes(out)


@pytest.mark.parametrize("seed_", range(6))
@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_a_damaged_document_gives_a_result_or_one_line(kind: str, seed_: int) -> None:
    data = SEED_PDF.read_bytes() if kind == "pdf" else word(seed(), D1)
    try:
        result = read_overview_bytes(_damaged(data, seed_))
    except OverviewError as exc:
        assert "\n" not in str(exc) and str(exc).isprintable()
    else:
        assert result.register.pilots  # what could be read of it
