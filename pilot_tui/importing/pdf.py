"""PDF -> the overview's text, laid out from where each piece of text sits on the page.

pdfminer.six interprets the pages; a small text device of ours (:class:`_Device`) keeps,
for every string the page shows, its position, size and font, and nothing else (pdfminer's
own layout objects, one per character, cost a third of the time). From those runs:

* lines are the runs on one baseline; a smaller run raised above a line is a superscript,
  and superscript digits are footnote references ("2021.¹");
* a line that repeats on most pages at the same height (with its numbers left out:
  "pagina 3 van 18") is a running header or footer and goes; so do the table's header rows
  "Pilot | Toelichting";
* footnotes are the lines at a page's bottom in a smaller size than the body text: a note
  starts with its number, and lines before the first number go on with the last note of
  an earlier page (a note that breaks across pages);
* the two columns of the table "Pilot | Toelichting" are told apart at the left edge of
  the labels (Achtergrond, Doel, …) on the page: a name is the block of lines in the left
  column beside a pilot's text; its lines are joined by the name in the PDF's bookmarks
  when there is one (our Word file's PDF has them), else by the text importer's rules;
* the lines of the right column are joined into paragraphs here, where the page shows
  them: a new paragraph starts at a label, a bullet, a gap wider than the line spacing, or
  after a line that ended while the next line's first word would have fitted on it. Words
  broken at a line end are joined by the text importer's Dutch hyphen rules.

The result is the text importer's input with one paragraph per line
(:func:`~pilot_tui.importing.overview.read_overview_text` with ``per_line``) and the
footnotes beside it, so that text, PDF and (through the register) Word share one parser
and one merge. No textual or rich.

This module reads the pages (pdfminer) and hands the text on;
:mod:`~pilot_tui.importing.pdf_lines` makes a page's lines from the strings it shows,
:mod:`~pilot_tui.importing.pdf_layout` lays the lines out as the text importer's input.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser

from pilot_tui.importing.build import build_register
from pilot_tui.importing.document import ImportResult, OverviewError
from pilot_tui.importing.overview import read_overview_text
from pilot_tui.importing.pdf_layout import _Layout
from pilot_tui.importing.pdf_lines import SPACE, _Device, _lines_of, _Page

Progress = Callable[[int, int], None]


# pdfminer reports oddities of a file (a colour it does not know, a broken font) through
# logging; without a handler Python would print them on stderr, in the middle of ours.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())


def read_pdf(
    data: bytes,
    peildatum: date | None = None,
    *,
    progress: Progress | None = None,
    pages: Progress | None = None,
) -> ImportResult:
    """The overview in a PDF as a new register (see :func:`pdf_text` for the reading)."""
    text, notes, page_of = pdf_text(data, pages)
    document = read_overview_text(text, per_line=True, notes=notes)

    def where(match: re.Match[str]) -> str:
        n = int(match.group(2))
        page = page_of[n - 1] if 0 < n <= len(page_of) else 0
        return f"{'P' if match.group(1) == 'R' else 'p'}agina {page}"

    document.warnings = [_REGEL_RE.sub(where, w) for w in document.warnings]
    for pilot in document.pilots:
        pilot.where = _REGEL_RE.sub(where, pilot.where)
    return build_register(document, peildatum, progress)


_REGEL_RE = re.compile(r"\b([Rr])egel (\d+)")


def pdf_text(
    data: bytes, progress: Progress | None = None
) -> tuple[str, list[tuple[int, str, str]], list[int]]:
    """The text of the PDF for the text importer (a paragraph per line), its footnotes
    (number, text, "pagina N"), and the page of every line. Raises OverviewError."""
    pages, outline, space = _read_pages(data, progress)
    return _Layout(pages, outline, space).text()


def _read_pages(data: bytes, progress: Progress | None) -> tuple[list[_Page], list[str], float]:
    try:
        parser = PDFParser(io.BytesIO(data))
        document = PDFDocument(parser, password="")
    except PDFPasswordIncorrect:
        raise OverviewError(
            "het PDF-bestand is met een wachtwoord beveiligd; open het, bewaar het zonder "
            "wachtwoord en lees het dan in"
        ) from None
    except PDFEncryptionError as exc:
        raise OverviewError(f"het PDF-bestand is versleuteld en niet te lezen ({exc})") from None
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on a broken file
        raise OverviewError(f"beschadigd PDF-bestand ({_reason(exc)})") from None
    try:
        outline = _outline(document)
        rsrc = PDFResourceManager(caching=True)
        device = _Device(rsrc)
        interpreter = PDFPageInterpreter(rsrc, device)
        all_pages = list(PDFPage.create_pages(document))
        total = len(all_pages)
        out: list[_Page] = []
        for n, page in enumerate(all_pages, start=1):
            device.runs = []
            interpreter.process_page(page)
            _x0, y0, _x1, y1 = page.mediabox
            out.append(_Page(n, _lines_of(device.runs, n), abs(y1 - y0)))
            if progress is not None:
                progress(n, total)
    except OverviewError:
        raise
    except Exception as exc:  # noqa: BLE001 - as above: the file is damaged
        raise OverviewError(f"beschadigd PDF-bestand ({_reason(exc)})") from None
    if not out:
        raise OverviewError("het PDF-bestand heeft geen bladzijden")
    chars = sum(len(ln.text) for p in out for ln in p.lines)
    if chars < 20:
        if device.images:
            raise OverviewError(
                "het PDF-bestand bevat geen tekst, alleen afbeeldingen (een scan?); lees "
                "het Word-bestand of een PDF met tekst in"
            )
        raise OverviewError("het PDF-bestand bevat geen tekst")
    if device.unknown > chars // 3:
        raise OverviewError(
            "de tekst van het PDF-bestand is niet leesbaar (lettertypen zonder tekstcodering); "
            "lees het Word-bestand in"
        )
    space = device.spaces.most_common(1)[0][0] if device.spaces else SPACE
    return out, outline, space


def _outline(document: Any) -> list[str]:
    """The titles of the PDF's bookmarks (the pilots' names, in our Word file's PDF)."""
    titles: list[str] = []
    try:
        for entry in document.get_outlines():
            title = entry[1]
            if isinstance(title, bytes):
                title = title.decode("utf-8", "replace")
            if isinstance(title, str) and title.strip():
                titles.append(" ".join(title.split()))
    except Exception:  # noqa: BLE001 - no outline, or a broken one: names from the page
        return titles
    return titles


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())[:120]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
