"""Overview text (as extracted from its PDF) -> pilots.

The source is the "Stand van zaken pilots – peildatum …" overview as ``pdftotext`` gives it:
a two-column table (pilot name | toelichting) flattened into lines. What this module copes
with, and how (the heuristics are documented where they live):

* table headers repeated at page breaks ("Pilot Toelichting", "Pilot Stand van zaken"),
  form feeds and page-bottom footnotes, anywhere, also in the middle of a paragraph or a
  name: they are taken out of the line stream first;
* names broken over many short lines, interleaved with the first section label
  ("Online Achtergrond" … "keuzehulp" … "bij scheiden") and broken inside words
  ("Samenwerke" / "n in de eerste" / "lijn");
* paragraphs broken mid-sentence (joined with a space), hyphenated line ends (rejoined by
  a Dutch hyphen rule), bullets of several kinds (stored as ``model.BULLET`` items), list
  items broken over blank lines;
* footnote markers glued to the text ("zomer van 2021.1 Op basis") and their texts at the
  page bottom: the marker is removed and a :class:`~pilot_tui.model.Footnote` attached.

Two steps: :func:`read_overview_text` reads the text into an :class:`OverviewDocument`
(title, intro, and per pilot its name, texts and footnotes, as the document shows them);
:func:`build_register` makes a register of it (status, programma and gemeente inferred from
the texts, the peildatum from the title). The Word reader makes an :class:`OverviewDocument`
from the file's structure; the PDF reader writes the text with each paragraph on one line
(``per_line``) and footnote references as superscript digits ("2021.¹"), which are markers
after any character.

No I/O, no textual or rich: :func:`pilot_tui.importing.read_overview` reads the file, and
:func:`~pilot_tui.importing.merging.merge` puts the result into the register.

The steps live in modules of their own: :mod:`~pilot_tui.importing.lines` (cleaning the
text), :mod:`~pilot_tui.importing.footnotes`, :mod:`~pilot_tui.importing.sections`
(finding pilots and sections), :mod:`~pilot_tui.importing.joining` (broken words and
paragraphs), :mod:`~pilot_tui.importing.build` and :mod:`~pilot_tui.importing.infer`
(building the records).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from pilot_tui.importing.build import build_register
from pilot_tui.importing.document import (
    NO_PILOTS,
    ImportResult,
    OverviewDocument,
    OverviewError,
    OverviewPilot,
)
from pilot_tui.importing.footnotes import _attach_footnotes, _RawFootnote, _take_footnotes
from pilot_tui.importing.joining import _join_name, _paragraphs, _Vocab
from pilot_tui.importing.lines import _TEXT, _check_text, _lines
from pilot_tui.importing.sections import _RawPilot, _segment
from pilot_tui.memory import collector_paused

__all__ = [
    "ImportResult",
    "OverviewDocument",
    "OverviewError",
    "OverviewPilot",
    "parse_overview",
    "read_overview_text",
]


def parse_overview(
    text: str,
    peildatum: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    *,
    per_line: bool = False,
) -> ImportResult:
    """Read an overview text into a new register (one history entry per pilot).

    Raises :class:`OverviewError` (a Dutch one-line message) when the text is not such an
    overview. Problems that do not stop the import end up in ``ImportResult.warnings``.
    ``per_line``: every line is a whole paragraph (as the PDF reader writes the text).
    """
    return build_register(read_overview_text(text, per_line=per_line), peildatum, progress)


def read_overview_text(
    text: str, *, per_line: bool = False, notes: list[tuple[int, str, str]] | None = None
) -> OverviewDocument:
    """The overview text as a document: its title, intro and pilots, markers removed.

    ``notes``: the footnotes, (number, text, where it is), when the caller found them
    itself (the PDF reader, from the page bottoms); their references in the text are then
    superscript digits only, and the text holds no footnote texts.
    """
    with collector_paused():
        return _read_overview_text(text, per_line, notes)


def _read_overview_text(
    text: str, per_line: bool, notes: list[tuple[int, str, str]] | None
) -> OverviewDocument:
    _check_text(text)
    warnings: list[str] = []
    if notes is None:
        lines, raw_notes = _take_footnotes(_lines(text))
    else:
        lines = _lines(text)
        raw_notes = [_RawFootnote(n, note, where) for n, note, where in notes]
    preamble, raws = _segment(lines, warnings, per_line)

    kept: list[_RawPilot] = []
    for raw in raws:
        if len(raw.sections) >= 2:
            kept.append(raw)
        else:
            warnings.append(
                f"Regel {raw.no}: geen volledige pilot (te weinig kopjes); overgeslagen."
            )
    if not kept:
        raise OverviewError(NO_PILOTS)

    vocab = _Vocab.of(
        ln.text
        for raw in kept
        for section in raw.sections.values()
        for ln in section
        if ln.kind == _TEXT
    )
    # Texts per pilot, markers still in.
    texts: list[dict[str, str]] = []
    for raw in kept:
        sec: dict[str, str] = {}
        for key in ("achtergrond", "doel", "stand_van_zaken"):
            sec[key] = "\n".join(_paragraphs(raw.sections.get(key, []), vocab, per_line))
        sec["looptijd"] = " ".join(_paragraphs(raw.sections.get("looptijd", []), vocab, per_line))
        texts.append(sec)
    for raw, sec in zip(kept, texts, strict=True):
        sec["name"] = _join_name(raw.name_lines, vocab)

    attached = _attach_footnotes(texts, raw_notes, warnings, sup_only=notes is not None)
    pilots = []
    for raw, sec, footnotes in zip(kept, texts, attached, strict=True):
        name = sec.pop("name")
        pilots.append(OverviewPilot(name, sec, footnotes, raw.looptijd_label, f"regel {raw.no}"))
    return OverviewDocument(preamble.title, preamble.intro, pilots, warnings)
