"""The Word file with revisions (``--since D0 --track-changes``) as LibreOffice reads it:
laid out as a PDF, the inserted and deleted text is shown in the reviser's colour (and
the rest in black), and saved again as .docx the revisions are still revisions by
"pilot-tui".

Needs LibreOffice (``soffice``) and poppler's pdfinfo and pdftohtml (Debian: ``apt-get
install libreoffice-writer poppler-utils``); where they are missing the tests are skipped,
with the reason in the summary.
"""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from pilot_tui.periods import parse_window
from pilot_tui.snapshot import SnapshotOptions, build_snapshot, render
from pilot_tui.store import Store
from tests.conftest import SEED_STORE
from tests.helpers.tools import run_tool
from tests.helpers.wordxml import w
from tests.test_history import scripted_round

TOOLS = ("soffice", "pdfinfo", "pdftohtml")


@dataclass
class Laid:
    pages: int
    black: str  # the text in black, page after page
    coloured: str  # the text in any other colour: the revisions
    resaved: bytes  # word/document.xml of the file as LibreOffice saves it again


@pytest.fixture(scope="module")
def laid(tmp_path_factory: pytest.TempPathFactory) -> Laid:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(
            f"{', '.join(missing)} niet gevonden: de Word-bijlage met revisies wordt niet "
            "door LibreOffice opgemaakt (installeer libreoffice-writer en poppler-utils)"
        )
    folder = tmp_path_factory.mktemp("revisies")
    store = folder / "store.json"
    store.write_bytes(SEED_STORE.read_bytes())
    scripted_round(store)
    with Store.open(store, readonly=True) as opened:
        register = opened.register
    window = parse_window("3m")
    assert window is not None
    options = SnapshotOptions(
        date(2022, 6, 1), window, since=date(2021, 12, 1), summary=False, track_changes=True
    )
    (folder / "review.docx").write_bytes(render(build_snapshot(register, options), "docx"))
    profile = (folder / "profiel").as_uri()  # its own profile: runs may overlap
    soffice = ("soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to")
    run_tool(*soffice, "pdf", "review.docx", cwd=folder)
    (folder / "opnieuw").mkdir()
    run_tool(*soffice, "docx:MS Word 2007 XML", "--outdir", "opnieuw", "review.docx", cwd=folder)
    pages = int(
        re.search(r"^Pages:\s+(\d+)", run_tool("pdfinfo", "review.pdf", cwd=folder), re.M)[1]
    )  # type: ignore[index]
    xml = run_tool("pdftohtml", "-xml", "-i", "-q", "-stdout", "review.pdf", cwd=folder)
    colour = {m[1]: m[2] for m in re.finditer(r'<fontspec id="(\d+)"[^>]* color="([^"]+)"', xml)}
    black: list[str] = []
    coloured: list[str] = []
    for m in re.finditer(r'<text [^>]*font="(\d+)"[^>]*>(.*?)</text>', xml):
        text = html.unescape(re.sub(r"<[^>]+>", "", m[2]))
        (black if colour[m[1]] == "#000000" else coloured).append(text)
    with zipfile.ZipFile(folder / "opnieuw" / "review.docx") as z:
        resaved = z.read("word/document.xml")
    return Laid(pages, " ".join(black), " ".join(coloured), resaved)


def test_the_revisions_show_in_the_reviewers_colour(laid: Laid) -> None:
    assert 12 <= laid.pages <= 30, laid.pages
    coloured = " ".join(laid.coloured.split())
    # the title's peildatum, the added pilot (whole), the deleted one (whole), a looptijd
    for revised in ("december 2021", "juni 2022", "Nieuwe pilot Zwolle", "Gestart."):
        assert revised in coloured, revised
    assert "Huizen van het Recht" in coloured and "Heerlen" in coloured
    assert "2023" in coloured
    black = " ".join(laid.black.split())
    assert "Nieuwe pilot Zwolle" not in black
    assert "Huizen van het Recht" not in black
    assert "Pilot Rotterdam-Zuid" in black  # what did not change: as it was


def test_libreoffice_keeps_them_as_revisions(laid: Laid) -> None:
    body = etree.fromstring(laid.resaved)
    inserted = list(body.iter(w("ins")))
    deleted = list(body.iter(w("del")))
    assert len(inserted) > 20 and len(deleted) > 20
    assert {e.get(w("author")) for e in [*inserted, *deleted]} == {"pilot-tui"}
    deleted_text = "".join(t.text or "" for t in body.iter(w("delText")))
    assert "Huizen van het Recht" in deleted_text


# -- a reviewer accepting or rejecting everything in LibreOffice -------------------------------

RESOLVE = Path(__file__).resolve().parent / "helpers" / "lo_resolve.py"


def _uno_python() -> str | None:
    """A Python with LibreOffice's uno module (the system's, on Debian)."""
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if candidate and Path(candidate).exists():
            done = subprocess.run(
                [candidate, "-c", "import uno"], capture_output=True, timeout=60, check=False
            )
            if done.returncode == 0:
                return candidate
    return None


def _paragraphs(data: bytes) -> tuple[list[str], list[str]]:
    """The texts of the body's paragraphs (in tables too) but the empty ones, and the
    footnotes' texts in the order of their references."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body = etree.fromstring(z.read("word/document.xml"))
        notes_part = etree.fromstring(z.read("word/footnotes.xml"))
    texts = []
    for p in body.iter(w("p")):
        text = "".join(t.text or "" for t in p.iter(w("t")))
        if text.strip():
            texts.append(" ".join(text.split()))
    notes = {
        n.get(w("id")): " ".join("".join(t.text or "" for t in n.iter(w("t"))).split())
        for n in notes_part.iter(w("footnote"))
    }
    refs = [notes[r.get(w("id"))] for r in body.iter(w("footnoteReference"))]
    return texts, refs


@pytest.mark.parametrize(
    "kw", [{}, {"summary": True, "group_by": "programma", "toc": True}], ids=["kamer", "volledig"]
)
def test_accepting_or_rejecting_all_in_libreoffice(tmp_path: Path, kw: dict[str, Any]) -> None:
    """What a reviewer gets in Writer with "Alles accepteren" / "Alles verwerpen": the text
    of every paragraph and footnote of the clean document at P / at D0. (LibreOffice 7.4
    keeps an empty paragraph it cannot join with a table: where a whole pilot was deleted
    or inserted, the empty line between two tables stays; so empty paragraphs are not
    compared. The XML-level test in test_docx_track.py compares them too.)"""
    python = _uno_python()
    if shutil.which("soffice") is None or python is None:
        pytest.skip(
            "soffice of een Python met uno niet gevonden: revisies niet in LibreOffice "
            "geaccepteerd (installeer libreoffice-writer en python3-uno)"
        )
    store = tmp_path / "store.json"
    store.write_bytes(SEED_STORE.read_bytes())
    scripted_round(store)
    with Store.open(store, readonly=True) as opened:
        register = opened.register
    window = parse_window("3m")
    assert window is not None
    kw = dict(kw)
    toc = kw.pop("toc", False)
    p, d0 = date(2022, 6, 1), date(2021, 12, 1)
    kw.setdefault("summary", False)
    tracked = build_snapshot(
        register, SnapshotOptions(p, window, since=d0, track_changes=True, **kw)
    )
    (tmp_path / "review.docx").write_bytes(render(tracked, "docx", toc=toc))
    for mode, when in (("accept", p), ("reject", d0)):
        out = tmp_path / f"{mode}.docx"
        done = subprocess.run(
            [
                python,
                str(RESOLVE),
                mode,
                str(tmp_path / "review.docx"),
                str(out),
                str(tmp_path / "lo"),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        before, after = map(int, done.stdout.split())
        assert before > 50 and after == 0, done.stdout
        clean = render(
            build_snapshot(register, SnapshotOptions(when, window, **kw)), "docx", toc=toc
        )
        assert _paragraphs(out.read_bytes()) == _paragraphs(clean), mode
