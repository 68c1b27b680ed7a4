"""The Word Bijlage at the level of its XML parts: footnotes, headings, header rows, the
page-number fields, metadata, links, templates, the table of contents.

The golden file tests/golden/snapshot-kamer.docx.xml holds every part of the Kamer
version of the test register (styles aside: they are the shipped house style), pretty
printed; regenerate it with ``UPDATE_GOLDEN=1 pytest tests/test_docx.py`` and read the
diff before committing.
"""

from __future__ import annotations

import io
import itertools
import os
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from lxml import etree

from pilot_tui.model import Footnote, HistoryEntry, Pilot, Register, Status
from pilot_tui.periods import parse_window
from pilot_tui.snapshot import Snapshot, SnapshotOptions, build_snapshot, render
from pilot_tui.snapshot.wordpkg import TemplateError, house_style
from tests.fixtures.snapshot_register import D0, D, snapshot_register
from tests.helpers import wordxml
from tests.helpers.wordxml import NS, w

GOLDEN = Path(__file__).resolve().parent / "golden" / "snapshot-kamer.docx.xml"
HOUSE = Path(__file__).resolve().parent.parent / "pilot_tui" / "snapshot" / "huisstijl"
WINDOW = parse_window("3m")


def _snapshot(register: Register | None = None, **kw: Any) -> Snapshot:
    assert WINDOW is not None
    options = SnapshotOptions(peildatum=kw.pop("peildatum", D), window=WINDOW, **kw)
    return build_snapshot(register or snapshot_register(), options)


@pytest.fixture(scope="module")
def kamer() -> Snapshot:
    """The Word default: the Bijlage as it goes to the Kamer."""
    return _snapshot(summary=False)


@pytest.fixture(scope="module")
def docx(kamer: Snapshot) -> bytes:
    return render(kamer, "docx")


def _golden_text(data: bytes) -> str:
    parts = wordxml.parts(data)
    out = ["entries: " + ", ".join(parts)]
    for name, raw in parts.items():
        if name == "word/styles.xml":
            continue  # the house style as shipped (test_the_house_style)
        out += [f"=== {name} ===", wordxml.pretty(raw)]
    return "\n".join(out) + "\n"


def test_golden_parts(docx: bytes) -> None:
    text = _golden_text(docx)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.write_bytes(text.encode("utf-8"))
    assert GOLDEN.exists(), f"{GOLDEN} ontbreekt; maak hem met UPDATE_GOLDEN=1"
    assert text == GOLDEN.read_bytes().decode("utf-8"), (
        f"{GOLDEN.name} wijkt af (UPDATE_GOLDEN=1 om bij te werken)"
    )


def test_every_part_is_well_formed_and_python_docx_opens_it(docx: bytes) -> None:
    for name, raw in wordxml.parts(docx).items():
        etree.fromstring(raw)  # raises on anything that is not XML
        assert raw.startswith(b"<?xml"), name
    doc = Document(io.BytesIO(docx))
    assert doc.paragraphs[0].text == "Stand van zaken pilots – peildatum 1 december 2021"


def test_the_kamer_version_holds_nothing_internal(kamer: Snapshot, docx: bytes) -> None:
    text = wordxml.body_text(docx)
    for internal in ("Aandachtspunten", "Wijzigingen sinds", "Noten", "[heading 1] Pilots"):
        assert internal not in text
    lines = text.splitlines()
    assert lines[0] == f"[Title] {kamer.title}"
    assert lines[1].startswith("[Normal] Nb. In dit overzicht")
    assert lines[2] == "<table>"  # then the pilots, straight away


# -- footnotes ----------------------------------------------------------------------------


def test_footnotes_are_word_footnotes_numbered_through_the_document(
    kamer: Snapshot, docx: bytes
) -> None:
    root = wordxml.xml(docx, "word/footnotes.xml")
    notes = root.findall("w:footnote", NS)
    assert [(n.get(w("type")), n.get(w("id"))) for n in notes[:2]] == [
        ("separator", "-1"),
        ("continuationSeparator", "0"),
    ]
    texts = wordxml.footnotes(docx)
    assert list(texts) == [n.number for n in kamer.notes] == [1, 2, 3, 4, 5, 6]
    assert texts[4] == "Brief van 1 november 2021"
    for note in notes[2:]:  # each note starts with its own number, in the note style
        assert note.find("w:p/w:pPr/w:pStyle", NS).get(w("val")) == "FootnoteText"
        assert note.find("w:p/w:r/w:footnoteRef", NS) is not None
    # in the body: one reference per note, in number order, in the reference style
    body = wordxml.xml(docx, "word/document.xml")
    refs = body.findall(".//w:footnoteReference", NS)
    assert [r.get(w("id")) for r in refs] == ["1", "2", "3", "4", "5", "6"]
    for ref in refs:
        assert ref.getparent().find("w:rPr/w:rStyle", NS).get(w("val")) == "FootnoteReference"
    # right after its anchor: "afgerond in september 2021.^1 Op basis"
    assert "afgerond in september 2021.^1 Op basis" in wordxml.body_text(docx)
    assert "[Pilotnaam] Digitaal bezwaarplatform^3" in wordxml.body_text(docx)
    # the parts are tied together
    assert wordxml.xml(docx, "word/settings.xml").find("w:footnotePr", NS) is not None
    types = {t for t, _, _ in wordxml.rels(docx, "word/document.xml").values()}
    assert {"footnotes", "styles", "settings", "footer", "numbering", "fontTable"} <= types
    content = wordxml.parts(docx)["[Content_Types].xml"].decode()
    assert 'PartName="/word/footnotes.xml"' in content


def test_web_addresses_are_hyperlinks_in_notes_and_texts(docx: bytes) -> None:
    note_links = wordxml.rels(docx, "word/footnotes.xml")
    assert list(note_links.values()) == [
        ("hyperlink", "https://www.example.nl/evaluatie-rotterdam", "External")
    ]
    assert wordxml.footnotes(docx)[1] == (
        "Zie voor evaluatie: [www.example.nl/evaluatie-rotterdam]"
        "(https://www.example.nl/evaluatie-rotterdam)"
    )
    text = wordxml.body_text(docx)
    assert "*x* _y_ `z` [a]([http://evil.example/](http://evil.example/))" in text
    assert '=HYPERLINK("[http://evil.example](http://evil.example)")' in text
    # each address is related once, however often it is used
    targets = [t for _, t, _ in wordxml.rels(docx, "word/document.xml").values()]
    assert len(targets) == len(set(targets))
    body = wordxml.xml(docx, "word/document.xml")
    for link in body.iter(w("hyperlink")):
        assert link.find("w:r/w:rPr/w:rStyle", NS).get(w("val")) == "Hyperlink"


# -- headings, tables ----------------------------------------------------------------------


def _pilot_names(data: bytes) -> list[tuple[str, str | None]]:
    """(name, its own outline level) of every paragraph in the style Pilotnaam."""
    body = wordxml.xml(data, "word/document.xml")
    out = []
    for p in body.iter(w("p")):
        style = p.find("w:pPr/w:pStyle", NS)
        if style is not None and style.get(w("val")) == "Pilotnaam":
            level = p.find("w:pPr/w:outlineLvl", NS)
            text = "".join(t.text or "" for t in p.iter(w("t")))
            out.append((text, level.get(w("val")) if level is not None else None))
    return out


def test_pilot_names_carry_an_outline_level(kamer: Snapshot, docx: bytes) -> None:
    styles = etree.fromstring(house_style().styles)
    name_style = styles.find("w:style[@w:styleId='Pilotnaam']", NS)
    assert name_style.find("w:pPr/w:outlineLvl", NS).get(w("val")) == "0"  # level 1
    names = _pilot_names(docx)
    assert [n for n, _ in names] == [p.display_name for p in kamer.pilots]
    assert {level for _, level in names} == {None}  # the style's level
    # under a chapter ("Pilots") a level deeper, under group titles deeper still
    full = render(_snapshot(since=D0), "docx")
    assert {level for _, level in _pilot_names(full)} == {"1"}
    grouped = render(_snapshot(summary=False, group_by="status"), "docx")
    assert {level for _, level in _pilot_names(grouped)} == {"1"}
    assert "[heading 1] Status: gepland" in wordxml.body_text(grouped)
    both = render(_snapshot(group_by="status"), "docx")
    assert {level for _, level in _pilot_names(both)} == {"2"}
    assert "[heading 2] Status: gepland" in wordxml.body_text(both)


def test_every_table_has_a_repeating_header_row(docx: bytes) -> None:
    body = wordxml.xml(docx, "word/document.xml")
    tables = body.findall("w:body/w:tbl", NS)
    assert len(tables) == 8
    for table in tables:
        rows = table.findall("w:tr", NS)
        assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
        assert all(r.find("w:trPr/w:tblHeader", NS) is None for r in rows[1:])
        head = ["".join(t.text or "" for t in c.iter(w("t"))) for c in rows[0]]
        assert [h for h in head if h] == ["Pilot", "Toelichting"]
        assert table.find("w:tblPr/w:tblStyle", NS).get(w("val")) == "Pilottabel"
        # the header row draws the line under it: the table style has none inside
        for cell in rows[0].iterfind("w:tc", NS):
            assert cell.find("w:tcPr/w:tcBorders/w:bottom", NS).get(w("val")) == "single"
    # a paragraph between two tables, or Word joins them
    kinds = [el.tag for el in body.find("w:body", NS)]
    assert all(not (a == b == w("tbl")) for a, b in itertools.pairwise(kinds))


def test_a_pilots_text_is_a_row_per_paragraph_and_short_rows_stay_whole() -> None:
    """Drawn as the one cell of the original (no lines inside), but a row per paragraph,
    the label with its first: a page break never cuts a pilot's name, nor a label from
    its text, nor a short paragraph (LibreOffice ignores keep-together settings inside
    a table row); a long paragraph may still be cut."""
    styles = etree.fromstring(house_style().styles)
    borders = styles.find("w:style[@w:styleId='Pilottabel']/w:tblPr/w:tblBorders", NS)
    assert [b.tag for b in borders] == [w(x) for x in ("top", "left", "bottom", "right", "insideV")]
    register = snapshot_register()
    long = " ".join(["Een lange alinea met veel woorden erin."] * 40)
    register.pilots[0].doel = f"Kort.\n{long}\n• een punt"
    data = render(_snapshot(register, summary=False), "docx")
    table = wordxml.xml(data, "word/document.xml").find("w:body/w:tbl", NS)
    rows = []
    for tr in table.findall("w:tr", NS)[1:]:
        left, right = tr.findall("w:tc", NS)
        texts = ["".join(t.text or "" for t in p.iter(w("t"))) for p in right.iter(w("p"))]
        name = "".join(t.text or "" for t in left.iter(w("t")))
        rows.append((name, texts, tr.find("w:trPr/w:cantSplit", NS) is not None))
    assert rows[0][0] == "Pilot Rotterdam-Zuid (Hillesluis)"
    assert all(not name for name, _, _ in rows[1:])
    assert [texts for _, texts, _ in rows] == [
        ["Achtergrond", "Rotterdam-Zuid heeft een specifieke inwonersgroep."],
        ["De Raad voor Rechtsbijstand is verantwoordelijk voor de financiering."],
        ["Doel", "Kort."],
        [long],
        ["een punt"],
        ["Stand van zaken", "De evaluatie is afgerond in september 2021. Op basis van de "
         "resultaten is besloten de werkwijze te verbeteren in zes wijkteams."],
        ["Aantal behandelde zaken: 120."],
        ["Looptijd", "Deel 1: december 2019 – december 2021; deel 2: vanaf 1 januari 2022"],
    ]  # fmt: skip
    assert [whole for _, _, whole in rows] == [True, True, True, False, True, True, True, True]


def test_section_labels_stay_with_their_text(docx: bytes) -> None:
    styles = etree.fromstring(house_style().styles)
    label = styles.find("w:style[@w:styleId='Tussenkop']", NS)
    assert label.find("w:pPr/w:keepNext", NS) is not None
    normal = styles.find("w:style[@w:styleId='Normal']", NS)
    assert normal.find("w:pPr/w:widowControl", NS) is not None
    assert "[Tussenkop] Stand van zaken" in wordxml.body_text(docx)


# -- the page -----------------------------------------------------------------------------


def test_page_numbers_pagina_x_van_y(docx: bytes) -> None:
    footer = wordxml.xml(docx, "word/footer1.xml")
    instructions = [t.text.strip() for t in footer.iter(w("instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    shown = "".join(t.text or "" for t in footer.iter(w("t")))
    assert shown == "pagina 1 van 1"  # the fields' placeholders; Word fills them in
    body = wordxml.xml(docx, "word/document.xml")
    sect = body.find("w:body/w:sectPr", NS)
    rid = sect.find("w:footerReference", NS).get(f"{{{wordxml.R}}}id")
    assert wordxml.rels(docx, "word/document.xml")[rid][:2] == ("footer", "footer1.xml")
    size = sect.find("w:pgSz", NS)
    assert (size.get(w("w")), size.get(w("h"))) == ("11906", "16838")  # A4


# -- metadata -----------------------------------------------------------------------------


def test_clean_metadata(kamer: Snapshot, docx: bytes) -> None:
    parts = wordxml.parts(docx)
    assert not any("thumbnail" in name or name.startswith("customXml") for name in parts)
    assert "word/stylesWithEffects.xml" not in parts
    for raw in parts.values():
        assert b"Microsoft" not in raw and b"Macintosh" not in raw
    core = etree.fromstring(parts["docProps/core.xml"])
    fields = {el.tag.rsplit("}", 1)[-1]: el.text for el in core}
    assert fields == {
        "title": kamer.title,
        "subject": "Stand van zaken pilots",
        "language": "nl-NL",
    }  # no author, no dates, no revision count, no keywords
    app = etree.fromstring(parts["docProps/app.xml"])
    assert [(el.tag.rsplit("}", 1)[-1], el.text) for el in app] == [("Application", "pilot-tui")]


def test_the_same_snapshot_gives_the_same_bytes(kamer: Snapshot, docx: bytes) -> None:
    assert render(kamer, "docx") == docx
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in z.infolist())
        assert z.namelist()[0] == "[Content_Types].xml"


# -- the house style -------------------------------------------------------------------------


def test_the_house_style(docx: bytes) -> None:
    parts = wordxml.parts(docx)
    assert parts["word/styles.xml"] == (HOUSE / "styles.xml").read_bytes()
    styles = etree.fromstring(parts["word/styles.xml"])
    # black headings, no rule under the title, one sans font with a fallback
    for sid in ("Title", "Heading1", "Heading2", "Heading3", "Pilotnaam", "Tussenkop"):
        style = styles.find(f"w:style[@w:styleId='{sid}']", NS)
        assert style.find("w:rPr/w:color", NS).get(w("val")) == "000000", sid
    assert not list(styles.iter(w("pBdr")))
    assert b"Theme" not in parts["word/styles.xml"]  # no theme colours or fonts
    fonts = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert fonts.get(w("ascii")) == "Verdana"
    table = wordxml.xml(docx, "word/fontTable.xml").find("w:font", NS)
    assert table.get(w("name")) == "Verdana"
    assert table.find("w:altName", NS).get(w("val")) == "DejaVu Sans"
    assert table.find("w:family", NS).get(w("val")) == "swiss"
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(w("val")) == "nl-NL"
    # hyphenation in pilot names only (a long word in the narrow column)
    settings = wordxml.xml(docx, "word/settings.xml")
    assert settings.find("w:autoHyphenation", NS) is not None
    normal = styles.find("w:style[@w:styleId='Normal']/w:pPr/w:suppressAutoHyphens", NS)
    assert normal is not None and normal.get(w("val")) is None
    name = styles.find("w:style[@w:styleId='Pilotnaam']/w:pPr/w:suppressAutoHyphens", NS)
    assert name.get(w("val")) == "0"


# -- text stays text -------------------------------------------------------------------------


def test_register_text_is_never_markup_and_never_breaks_the_xml() -> None:
    register = Register(title="Stand <w:t>", intro='A & B <w:p/> "c"', peildata=[D])
    pilot = Pilot(
        id="p",
        name="<w:t>x</w:t> [bold] \ufffe\uffff",
        achtergrond="Tab\there\nnieuwe regel & <b>",
        looptijd="2021",
        footnotes=[Footnote("<w:footnote/> & noot", "achtergrond", "")],
    )
    pilot.set_entry(HistoryEntry(D, "Een \ud800 losse surrogaat.", Status.LOPEND))
    register.pilots.append(pilot)
    data = render(_snapshot(register, summary=False), "docx")
    for raw in wordxml.parts(data).values():
        etree.fromstring(raw)
    text = wordxml.body_text(data)
    assert "[Title] Stand <w:t> – peildatum" in text
    assert '[Normal] A & B <w:p/> "c"' in text
    assert "[Pilotnaam] <w:t>x</w:t> [bold]" in text
    assert "\ufffe" not in text and "\uffff" not in text  # left out
    assert "Tab\there" in text and "Een  losse surrogaat." in text
    assert wordxml.footnotes(data)[1] == "<w:footnote/> & noot"


# -- table of contents ------------------------------------------------------------------------


def test_a_table_of_contents_on_request(docx: bytes) -> None:
    assert b"TOC" not in wordxml.parts(docx)["word/document.xml"]
    snap = _snapshot(since=D0)
    data = render(snap, "docx", toc=True)
    body = wordxml.xml(data, "word/document.xml")
    instr = [t.text for t in body.iter(w("instrText"))]
    assert instr == [' TOC \\o "1-3" \\h \\z \\u \\n ']  # \n: no page numbers to update
    entries = [
        (h.getparent().find("w:pPr/w:pStyle", NS).get(w("val")), h.get(w("anchor")))
        for h in body.iter(w("hyperlink"))
        if h.get(w("anchor"))
    ]
    bookmarks = {b.get(w("name")) for b in body.iter(w("bookmarkStart"))}
    assert {anchor for _, anchor in entries} == bookmarks
    assert len(entries) == 1 + 4 + 1 + 1 + len(snap.pilots)  # chapters, lists, pilots
    text = wordxml.body_text(data)
    assert "[TOC Heading] Inhoud" in text
    assert "[toc 2] [Pilot Rotterdam-Zuid (Hillesluis)](#_Toc000008)" in text
    assert "[Pilotnaam @2] Pilot Rotterdam-Zuid (Hillesluis)" in text
    with pytest.raises(ValueError):
        render(snap, "md", toc=True)


# -- a user's template -----------------------------------------------------------------------


def _template(tmp_path: Path, dotx: bool, dutch: bool = False) -> Path:
    """python-docx's default document as a template: its own styles (Calibri, blue
    headings); ``dotx``: saved as a Word template; ``dutch``: its headings have the ids
    a Dutch Word gives them ("Kop1")."""
    path = tmp_path / ("sjabloon.dotx" if dotx else "sjabloon.docx")
    buf = io.BytesIO()
    Document().save(buf)
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if dotx and item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            if dutch and item.filename == "word/styles.xml":
                data = re.sub(rb'"Heading([1-9])"', rb'"Kop\1"', data)
            out.writestr(item, data)
    return path


@pytest.mark.parametrize("dotx", [True, False])
def test_a_users_template_gives_its_styles(tmp_path: Path, kamer: Snapshot, dotx: bool) -> None:
    data = render(kamer, "docx", template=_template(tmp_path, dotx))
    parts = wordxml.parts(data)
    styles = etree.fromstring(parts["word/styles.xml"])
    # theirs: the template's own Title and bullet list, its theme and numbering
    title = styles.find("w:style[@w:styleId='Title']", NS)
    assert title.find("w:rPr/w:color", NS).get(w("themeColor")) == "text2"
    assert "word/theme/theme1.xml" in parts and "word/numbering.xml" in parts
    # ours, where it had none: added, based on its Normal
    name = styles.find("w:style[@w:styleId='Pilotnaam']", NS)
    assert name.find("w:basedOn", NS).get(w("val")) == "Normal"
    assert len(styles.findall("w:style[@w:styleId='ListBullet']", NS)) == 1
    assert b"Microsoft" not in parts["docProps/app.xml"] and "docProps/thumbnail.jpeg" not in parts
    doc = Document(io.BytesIO(data))
    assert doc.paragraphs[0].style.name == "Title"
    text = wordxml.body_text(data)
    assert "[Pilotnaam] Pilot Rotterdam-Zuid (Hillesluis)" in text
    assert "| • responsiever maken van de toegang sociaal domein" in text
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(w("val")) == "nl-NL"


def test_a_dutch_template_is_found_by_style_name(tmp_path: Path) -> None:
    data = render(_snapshot(since=D0), "docx", template=_template(tmp_path, True, dutch=True))
    body = wordxml.xml(data, "word/document.xml")
    used = {s.get(w("val")) for s in body.iter(w("pStyle"))}
    assert "Kop1" in used and "Heading1" not in used
    assert "[heading 1] Aandachtspunten" in wordxml.body_text(data)


def test_a_template_without_a_bullet_list_gets_ours(tmp_path: Path, kamer: Snapshot) -> None:
    path = _template(tmp_path, False)
    src = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(src)) as z, zipfile.ZipFile(path, "w") as out:
        for item in z.infolist():
            data = z.read(item.filename)
            if item.filename == "word/styles.xml":
                root = etree.fromstring(data)
                for style in root.findall("w:style[@w:styleId='ListBullet']", NS):
                    root.remove(style)
                data = etree.tostring(root)
            out.writestr(item, data)
    data = render(kamer, "docx", template=path)
    styles = wordxml.xml(data, "word/styles.xml")
    bullet = styles.find("w:style[@w:styleId='ListBullet']", NS)
    num_id = bullet.find("w:pPr/w:numPr/w:numId", NS).get(w("val"))
    numbering = wordxml.xml(data, "word/numbering.xml")
    num = numbering.find(f"w:num[@w:numId='{num_id}']", NS)
    abstract_id = num.find("w:abstractNumId", NS).get(w("val"))
    abstract = numbering.find(f"w:abstractNum[@w:abstractNumId='{abstract_id}']", NS)
    assert abstract.find("w:lvl/w:lvlText", NS).get(w("val")) == "•"
    # the schema's order: every abstractNum before the first num
    tags = [el.tag for el in numbering]
    assert tags.index(w("num")) > max(i for i, t in enumerate(tags) if t == w("abstractNum"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "bestand niet gevonden"),
        (b"geen word", "geen Word-bestand"),
        (b"PK\x05\x06" + bytes(18), "geen"),
    ],
)
def test_an_unusable_template_is_refused_in_one_dutch_line(
    tmp_path: Path, kamer: Snapshot, content: bytes | None, message: str
) -> None:
    path = tmp_path / "sjabloon.dotx"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(TemplateError) as refused:
        render(kamer, "docx", template=path)
    assert str(refused.value).startswith(f"sjabloon {path}: ")
    assert message in str(refused.value) and "\n" not in str(refused.value)
