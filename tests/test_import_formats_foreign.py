"""Import of a Word file made elsewhere (bold labels, numbered lists, end notes) and the text
reader's conventions (superscript references, notes given apart).
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from pilot_tui.importing import parse_overview, read_overview_bytes
from pilot_tui.importing.footnotes import superscript
from pilot_tui.importing.overview import read_overview_text
from pilot_tui.model import BULLET

from .helpers.import_formats import D1, D2

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
