"""Overview documents (text, PDF, Word) -> pilots, and merging them into a register.

:func:`read_overview` reads a "Stand van zaken pilots" overview in any of its forms, chosen
by content (:mod:`~pilot_tui.importing.sniff`), not by the file's name:

* text (UTF-8, as ``pdftotext`` makes it): :mod:`~pilot_tui.importing.overview`;
* PDF: :mod:`~pilot_tui.importing.pdf` lays out the text of its pages (columns, footnotes,
  page headers and numbers) and hands it to the same text reader;
* Word (.docx): :mod:`~pilot_tui.importing.docx` reads the file's tables, footnotes and
  lists directly.

Each gives an :class:`ImportResult` (a new register at the document's peildatum, or the
one given) that :func:`merge` puts into a register: one merge for every format. Problems
with the document raise :class:`OverviewError` with one Dutch line. No textual or rich.

Where each step lives: :mod:`~pilot_tui.importing.document` (the types and errors all
readers share), :mod:`~pilot_tui.importing.lines` (cleaning the extracted text),
:mod:`~pilot_tui.importing.sections` (finding pilots and sections),
:mod:`~pilot_tui.importing.joining` (broken words, paragraphs, names),
:mod:`~pilot_tui.importing.footnotes`, :mod:`~pilot_tui.importing.infer` (status,
programma, gemeente, peildatum; its date words are :mod:`pilot_tui.periods`'),
:mod:`~pilot_tui.importing.build` (the records of a new register) and
:mod:`~pilot_tui.importing.merging` (into an existing register; the fields it takes are
those :mod:`pilot_tui.fields` marks importable).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from pilot_tui.files import MAX_FILE_BYTES, read_regular
from pilot_tui.importing.build import build_register
from pilot_tui.importing.document import ImportResult, MergeError, MergeReport, OverviewError
from pilot_tui.importing.merging import merge
from pilot_tui.importing.overview import parse_overview
from pilot_tui.importing.sniff import DOCX, KIND_NAMES, PDF, Kind, sniff

Progress = Callable[[int, int], None]

__all__ = [
    "DOCX",
    "KIND_NAMES",
    "PDF",
    "ImportResult",
    "Kind",
    "MergeError",
    "MergeReport",
    "OverviewError",
    "Progress",
    "describe",
    "merge",
    "parse_overview",
    "read_overview",
    "read_overview_bytes",
    "sniff",
]


def read_overview(
    path: Path,
    peildatum: date | None = None,
    *,
    progress: Progress | None = None,
    pages: Progress | None = None,
    limit: int = MAX_FILE_BYTES,
) -> ImportResult:
    """Read the overview in the file ``path`` (a regular file of at most ``limit`` bytes).

    Raises :class:`pilot_tui.files.FileRefused` or OSError for a file that cannot be read,
    :class:`OverviewError` for one that is not an overview. ``progress(done, total)``
    counts the pilots built, ``pages(done, total)`` the pages of a PDF read.
    """
    data = read_regular(Path(path), limit)[0]
    return read_overview_bytes(data, peildatum, progress=progress, pages=pages)


def read_overview_bytes(
    data: bytes,
    peildatum: date | None = None,
    *,
    progress: Progress | None = None,
    pages: Progress | None = None,
) -> ImportResult:
    """:func:`read_overview` for the file's content."""
    kind = sniff(data)
    if kind == DOCX:
        from pilot_tui.importing.docx import read_docx

        return build_register(read_docx(data), peildatum, progress)
    if kind == PDF:
        from pilot_tui.importing.pdf import read_pdf

        return read_pdf(data, peildatum, progress=progress, pages=pages)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise OverviewError(
            "geen PDF, geen Word-bestand en geen UTF-8-tekst; lees de PDF of het "
            "Word-bestand van het overzicht in, of een tekstversie in UTF-8"
        ) from None
    return parse_overview(text, peildatum, progress)


def describe(data: bytes) -> tuple[Kind, str]:
    """The kind of file and a Dutch word for it; raises OverviewError as :func:`sniff`."""
    kind = sniff(data)
    return kind, KIND_NAMES[kind]
