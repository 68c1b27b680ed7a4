"""Snapshot -> Word (.docx): the Bijlage as it goes to the Kamer, ready as it comes out.

What the document holds, in order: the title (with the annex label: "Bijlage 2 – Stand
van zaken pilots – peildatum 1 december 2021"), the intro, optionally a table of
contents, the internal parts only when asked for (Aandachtspunten, Wijzigingen sinds),
and per pilot the original's two-column table "Pilot | Toelichting": the name on the
left, the sections (label, paragraphs, bullets) on the right. Around it:

* real Word footnotes (the ``footnotes.xml`` part, a ``w:footnoteReference`` where the
  reference sits), numbered through the document, at the bottom of the page;
* web addresses in texts and notes as real hyperlinks (see
  :mod:`pilot_tui.snapshot.links`);
* each pilot's name carries an outline level (style "Pilotnaam"), so the pilots are in
  Word's navigation pane, in a table of contents and in a PDF's bookmarks; the
  header row "Pilot | Toelichting" repeats where a pilot's table goes on to a new page,
  and a page break never cuts a name, a label from its text or a short paragraph (see
  KEEP_LINES);
* the house style, or a user's template (:mod:`pilot_tui.snapshot.wordpkg`): A4, page
  numbers "pagina X van Y" in the footer (PAGE and NUMPAGES fields), widow and orphan
  control, labels kept with their text, Dutch as the language;
* clean metadata: the title, the subject and the language; no application name of
  another program, no thumbnail, no page or word counts (Word counts them itself), no
  dates, so that the same snapshot gives the same file;
* with ``track_changes`` (the snapshot carries the one at an earlier peildatum), the
  changes since then as Word revisions instead of a chapter: see
  :mod:`pilot_tui.snapshot.docx_track`.

How it is written: the body is XML text, made with string templates (every text from
the register escaped, so a name like ``<w:t>`` stays text) and streamed into the zip as
it is made. By job:

* :mod:`pilot_tui.snapshot.docx_xml`: the XML vocabulary (page, run properties, escaping);
* :mod:`pilot_tui.snapshot.docx_body`: the body, the pilots' tables and the chapters;
* :mod:`pilot_tui.snapshot.docx_package`: footnotes, footer, metadata and the zip;
* :mod:`pilot_tui.snapshot.wordpkg`: the house style or a user's template, and the zip
  format itself;
* :mod:`pilot_tui.snapshot.docx_track` (with ``docx_match``, ``docx_revisions`` and
  ``docx_track_pilots``): the same document with revisions.

Building the same body as python-docx objects took minutes for 10,000 pilots
(``add_table`` looks through the whole body for every new table); now the whole file,
model included, takes three to five times a ``json.load`` of the register
(tests/bench/bench_snapshot.py). No lxml or python-docx is needed for it.
"""

from __future__ import annotations

from pathlib import Path

from pilot_tui.snapshot import wordpkg as pkg
from pilot_tui.snapshot.docx_body import Writer
from pilot_tui.snapshot.docx_package import write_package
from pilot_tui.snapshot.docx_xml import Progress
from pilot_tui.snapshot.model import Snapshot


def render(
    snapshot: Snapshot,
    progress: Progress | None = None,
    *,
    template: Path | None = None,
    toc: bool = False,
) -> bytes:
    """The snapshot as a Word file.

    ``template``: a .docx or .dotx whose styles are used (default: the house style);
    raises :class:`pilot_tui.snapshot.wordpkg.TemplateError` when it cannot be read.
    ``toc``: a table of contents after the intro. ``progress(done, total)`` counts the
    rows of the changes table and the pilots (in the order they are written): (0, total)
    first, then every 100, (total, total) last. A snapshot built with ``track_changes``
    is written with revisions against its ``before`` (the pilots of both dates counted).
    """
    if snapshot.before is not None:  # the changes as revisions (track_changes)
        from pilot_tui.snapshot.docx_track import TrackWriter

        writer: Writer = TrackWriter(snapshot, pkg.load_template(template), progress, toc)
    else:
        writer = Writer(snapshot, pkg.load_template(template), progress, toc)
    return write_package(writer)
