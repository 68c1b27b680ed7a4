"""The Word Bijlage of the real register, laid out by LibreOffice: pages, footnotes at the
bottom of their page, page numbers, the pilots in the PDF's outline.

Needs LibreOffice (``soffice``) and poppler's pdfinfo, pdftotext and pdftohtml
(Debian: ``apt-get install libreoffice-writer poppler-utils``; CI installs them). Where
they are missing the tests are skipped, with the reason in the summary.
"""

from __future__ import annotations

import html
import re
import shutil
from dataclasses import dataclass
from datetime import date

import pytest

from pilot_tui.periods import parse_window
from pilot_tui.snapshot import Snapshot, SnapshotOptions, build_snapshot, render
from pilot_tui.store import Store
from tests.conftest import SEED_STORE
from tests.helpers.tools import run_tool

TOOLS = ("soffice", "pdfinfo", "pdftotext", "pdftohtml")


@dataclass
class Word:
    text: str
    y: float  # top, in points from the top of the page


@dataclass
class Page:
    height: float
    words: list[Word]

    def find(self, text: str) -> Word | None:
        """The first word of ``text`` where the page has its words in a row (of the last
        one its start: a long web address breaks over lines)."""
        *wanted, last = text.split()
        words = [w.text for w in self.words]
        for i in range(len(words) - len(wanted)):
            if words[i : i + len(wanted)] == wanted and words[i + len(wanted)][:12] == last[:12]:
                return self.words[i]
        return None


@dataclass
class Rendered:
    snapshot: Snapshot
    pages: list[Page]
    outline: list[str]
    text: list[str]  # per page, laid out


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(
            f"{', '.join(missing)} niet gevonden: de Word-bijlage wordt niet door LibreOffice "
            "opgemaakt (installeer libreoffice-writer en poppler-utils)"
        )
    folder = tmp_path_factory.mktemp("render")
    window = parse_window("3m")
    assert window is not None
    with Store.open(SEED_STORE, readonly=True) as store:
        register = store.register
    options = SnapshotOptions(date(2021, 12, 1), window, summary=False)
    snapshot = build_snapshot(register, options)
    (folder / "bijlage.docx").write_bytes(render(snapshot, "docx"))
    profile = (folder / "profiel").as_uri()  # its own profile: runs may overlap
    run_tool(
        "soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
        "bijlage.docx", cwd=folder,
    )  # fmt: skip
    pdf = "bijlage.pdf"
    count = int(re.search(r"^Pages:\s+(\d+)", run_tool("pdfinfo", pdf, cwd=folder), re.M)[1])  # type: ignore[index]
    boxes = run_tool("pdftotext", "-bbox", pdf, "-", cwd=folder)
    pages = []
    for page in re.finditer(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', boxes, re.S):
        words = [
            Word(html.unescape(m[2]), float(m[1]))
            for m in re.finditer(
                r'<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)</word>', page[2]
            )
        ]
        pages.append(Page(float(page[1]), words))
    assert len(pages) == count
    text = [
        run_tool("pdftotext", "-layout", "-f", str(n), "-l", str(n), pdf, "-", cwd=folder)
        for n in range(1, count + 1)
    ]
    xml = run_tool("pdftohtml", "-xml", "-i", "-q", "-stdout", pdf, cwd=folder)
    outline = [html.unescape(m) for m in re.findall(r"<item page=\"\d+\">([^<]*)</item>", xml)]
    return Rendered(snapshot, pages, outline, text)


def test_a_sane_number_of_pages_each_numbered(rendered: Rendered) -> None:
    count = len(rendered.pages)
    assert 12 <= count <= 30, count  # 33 pilots of a third to a full page each
    for n, text in enumerate(rendered.text, start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines[-1] == f"pagina {n} van {count}", (n, lines[-1])
    first = rendered.text[0]
    assert "Bijlage 2 – Stand van zaken pilots – peildatum 1 december 2021" in first
    assert "Aandachtspunten" not in "".join(rendered.text)


def test_the_outline_lists_the_pilots(rendered: Rendered) -> None:
    assert rendered.outline == [p.display_name for p in rendered.snapshot.pilots]
    assert len(rendered.outline) == 33


def test_a_continued_table_repeats_its_header_row(rendered: Rendered) -> None:
    for n, text in enumerate(rendered.text[1:], start=2):
        first = next(line for line in text.splitlines() if line.strip())
        assert first.split() == ["Pilot", "Toelichting"], (n, first)


def test_footnotes_are_at_the_bottom_of_the_page_of_their_reference(rendered: Rendered) -> None:
    notes = rendered.snapshot.notes
    assert len(notes) == 4
    for note in notes:
        start = " ".join(note.text.split()[:4])
        found = [(page, page.find(start)) for page in rendered.pages]
        placed = [(page, word) for page, word in found if word is not None]
        assert len(placed) == 1, (note.number, start)
        page, word = placed[0]
        # in the lowest fifth of the page, below all the text but other notes and the
        # page number
        assert word.y > 0.8 * page.height, (note.number, word.y, page.height)
        body = [w for w in page.words if w.y < word.y - 12]
        below = [w for w in page.words if w.y > word.y + 1]
        assert body, note.number
        assert all(w.y > 0.8 * page.height for w in below)
        # the reference is on the same page, above it: the last word of its anchor
        anchor = note.anchor.split()[-1]
        assert any(w.text.startswith(anchor) and w.y < word.y for w in page.words), note.number
