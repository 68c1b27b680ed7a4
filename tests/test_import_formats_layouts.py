"""Import of PDFs laid out differently (A5, landscape, other column widths, another template
with justified and hyphenated text, a footnote that breaks across pages), made here from
our Word file with LibreOffice: the same texts come back.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from pilot_tui.importing import read_overview
from pilot_tui.importing.footnotes import _anchor
from pilot_tui.model import Footnote, Register

from .helpers.import_formats import (
    D1,
    _rezip,
    _template_with_other_styles,
    assert_header,
    differences,
    seed,
    word,
)

# -- PDFs laid out differently (LibreOffice) --------------------------------------------------

LAYOUTS = ("a5", "liggend", "smal-naamkolom", "ander-sjabloon", "lange-voetnoot")
LONG_NOTE = " ".join(
    ["Zie voor de evaluatie en de achtergrond van deze pilot het rapport, met bijlagen."] * 150
)


def _page(width: int, height: int, name: int, orient: str = "") -> Any:
    """Another page size and name column for our Word file (twips; margins as ours)."""
    text = width - 2 * 1247

    def change(body: bytes) -> bytes:
        xml = body.decode("utf-8")
        xml = xml.replace('<w:pgSz w:w="11906" w:h="16838"/>', f'<w:pgSz w:w="{width}" w:h="{height}"{orient}/>')  # fmt: skip
        xml = xml.replace('w:w="9412"', f'w:w="{text}"').replace('w:w="7031"', f'w:w="{text - name}"')  # fmt: skip
        return xml.replace('w:w="2381"', f'w:w="{name}"').encode("utf-8")

    return change


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
