"""Snapshot -> Word (.docx) with python-docx, laid out like the original overview.

A4, Calibri 10 pt, language nl-NL. The title is the document's Title; each pilot is a
two-column table "Pilot | Toelichting" with the name on the left and the sections (bold
labels, paragraphs, real "List Bullet" paragraphs) on the right. python-docx has no
footnote API, so footnote references are superscript numbers in the text and the notes
follow, numbered, under "Noten" at the end. Changes since an earlier peildatum are a
table, with deleted words struck through and new words underlined.

Everything is written with python-docx's public API (Document, styles, sections, core
properties, add_paragraph/add_table, runs and their fonts). Three things have no public
API and are set with python-docx's own element helpers (``OxmlElement``, ``qn``), as in
the usual python-docx recipes: the language in the document defaults (through the public
``styles.element`` and ``settings.element``), and per table the repeated header row
(``w:tblHeader`` on ``row._tr``: ``_Row`` has no public element) and the header shading
(``w:shd`` on ``cell._tc``).

Speed: style objects are looked up once; tables are made with all their rows at once and
walked with ``table.rows``/``row.cells`` (never ``table.cell(r, c)``); paragraphs go
straight into their cell; run text goes in with ``Run.add_text`` (see :func:`_run`); the
template's unused table styles are dropped, because python-docx reads every style each
time a style is assigned. What remains is python-docx's cost per object, and
``Document.add_table``, which looks through the whole body for each new table, so that
time grows with the square of the number of pilots: about 5 s for 1,000 pilots, 2 minutes
for 10,000 (tests/bench/bench_snapshot.py). ``progress`` follows it.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from pilot_tui.snapshot.model import (
    Changes,
    DiffOp,
    Para,
    Snapshot,
    SnapshotPilot,
    Summary,
)

FONT = "Calibri"
LANG = "nl-NL"
PAGE_W_MM, PAGE_H_MM = 210, 297
MARGIN_TB_MM, MARGIN_LR_MM = 25, 22
TEXT_MM = PAGE_W_MM - 2 * MARGIN_LR_MM
NAME_MM = 42
RED = RGBColor(0xB0, 0x00, 0x00)
GREEN = RGBColor(0x17, 0x61, 0x17)
GREY = RGBColor(0x55, 0x55, 0x55)
HEADER_FILL = "D9D9D9"
NOTE_SIZE = Pt(9)
PROGRESS_EVERY = 100  # rows of the changes table and pilots

Progress = Callable[[int, int], None]


class _Cell:
    """Paragraphs written one after another into a table cell.

    A new cell already holds one empty paragraph: the first paragraph asked for is that
    one, the others are added to the cell.
    """

    __slots__ = ("cell", "used")

    def __init__(self, cell: Any) -> None:
        self.cell = cell
        self.used = False

    def paragraph(self, style: Any = None) -> Any:
        if self.used:
            return self.cell.add_paragraph(style=style)
        self.used = True
        p = self.cell.paragraphs[0]
        if style is not None:
            p.style = style
        return p


class _Writer:
    def __init__(self, snapshot: Snapshot, progress: Progress | None) -> None:
        self.snapshot = snapshot
        self.progress = progress
        self.done = 0
        self.total = sum(len(g.pilots) for g in snapshot.groups)
        c = snapshot.changes
        if c is not None:
            self.total += sum(
                map(len, (c.new, c.closed, c.status, c.looptijd, c.texts, c.removed))
            ) + sum(map(len, (c.renamed, c.kept, c.fields)))
        self.doc: Any = Document()
        styles = self.doc.styles
        # resolved once; every paragraph and table gets the style object
        self.s_title = styles["Title"]
        self.s_h1 = styles["Heading 1"]
        self.s_h2 = styles["Heading 2"]
        self.s_bullet = styles["List Bullet"]
        self.s_grid = styles["Table Grid"]
        _drop_unused_table_styles(styles, self.s_grid)
        self._setup()

    # -- setup -------------------------------------------------------------------------
    def _setup(self) -> None:
        doc = self.doc
        section = doc.sections[0]
        section.page_width, section.page_height = Mm(PAGE_W_MM), Mm(PAGE_H_MM)
        section.top_margin = section.bottom_margin = Mm(MARGIN_TB_MM)
        section.left_margin = section.right_margin = Mm(MARGIN_LR_MM)

        styles = doc.styles
        # language nl-NL for spelling and hyphenation, everywhere by default (no public
        # API: the defaults' w:lang and the settings' w:themeFontLang)
        defaults = styles.element.find(qn("w:docDefaults"))
        if defaults is not None:
            for lang in defaults.iter(qn("w:lang")):
                lang.set(qn("w:val"), LANG)
        theme_lang = doc.settings.element.find(qn("w:themeFontLang"))
        if theme_lang is not None:
            theme_lang.set(qn("w:val"), LANG)

        normal = styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(10)
        normal.paragraph_format.space_after = Pt(3)
        normal.paragraph_format.line_spacing = 1.08
        _east_asia_font(normal)
        for style, size in (
            (self.s_title, 18),
            (self.s_h1, 14),
            (self.s_h2, 12),
            (self.s_bullet, 10),
        ):
            style.font.name = FONT
            style.font.size = Pt(size)
            _east_asia_font(style)
        self.s_title.paragraph_format.space_after = Pt(12)
        self.s_bullet.paragraph_format.space_after = Pt(2)

        props = doc.core_properties
        props.title = self.snapshot.title
        props.subject = self.snapshot.register_title
        props.language = LANG
        props.author = "pilot-tui"
        props.last_modified_by = "pilot-tui"
        props.comments = ""
        props.keywords = "pilots; stand van zaken"
        props.revision = 1
        now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
        props.created = now
        props.modified = now

    # -- blocks ------------------------------------------------------------------------
    def table(self, widths_mm: tuple[int, ...], rows: int) -> list[list[_Cell]]:
        """A table with a header row and ``rows`` body rows; its cells, row by row.

        The header row repeats on every page and is shaded; the caller fills the cells.
        """
        doc = self.doc
        table = doc.add_table(rows=rows + 1, cols=len(widths_mm), style=self.s_grid)
        table.autofit = False  # fixed layout: the widths below, not the text, decide
        widths = [Mm(w) for w in widths_mm]
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        out: list[list[_Cell]] = []
        for i, row in enumerate(table.rows):
            cells = row.cells
            for cell, width in zip(cells, widths, strict=True):
                cell.width = width  # Word uses the cell widths, LibreOffice the grid
                if not i:
                    shd = OxmlElement("w:shd")
                    shd.set(qn("w:val"), "clear")
                    shd.set(qn("w:color"), "auto")
                    shd.set(qn("w:fill"), HEADER_FILL)
                    cell._tc.get_or_add_tcPr().append(shd)  # after w:tcW, as it should
            if not i:
                row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
            out.append([_Cell(c) for c in cells])
        # Keeps tables apart (Word would join two tables with nothing between them). No
        # direct formatting: python-docx looks at the properties of every paragraph in
        # the body for each new table, and plain paragraphs are looked at much faster.
        doc.add_paragraph()
        return out

    def header(self, cells: list[_Cell], labels: tuple[str, ...]) -> None:
        for cell, label in zip(cells, labels, strict=True):
            _run(cell.paragraph(), label).bold = True

    def runs(self, paragraph: Any, p: Para) -> None:
        for r in p.runs:
            if r.note is not None:
                _run(paragraph, str(r.note)).font.superscript = True
            elif r.text:
                run = _run(paragraph, r.text)
                if r.italic:
                    run.italic = True
                    run.font.color.rgb = GREY

    def paras(self, new_paragraph: Callable[..., Any], paras: tuple[Para, ...]) -> None:
        bullet = self.s_bullet
        for p in paras:
            self.runs(new_paragraph(style=bullet) if p.kind == "li" else new_paragraph(), p)

    def tick(self) -> None:
        """One row of the changes table or one pilot written."""
        self.done += 1
        done = self.done
        if self.progress is not None and done % PROGRESS_EVERY == 0 and done < self.total:
            self.progress(done, self.total)

    # -- content -----------------------------------------------------------------------
    def pilot(self, p: SnapshotPilot) -> None:
        head, (name_cell, text_cell) = self.table((NAME_MM, TEXT_MM - NAME_MM), 1)
        self.header(head, ("Pilot", "Toelichting"))
        name = name_cell.paragraph()
        _run(name, p.display_name).bold = True
        for n in p.name_notes:
            _run(name, str(n)).font.superscript = True
        for i, section in enumerate(p.sections):
            label = text_cell.paragraph()
            _run(label, section.label).bold = True
            fmt = label.paragraph_format
            fmt.keep_with_next = True
            if i:
                fmt.space_before = Pt(6)
            self.paras(text_cell.paragraph, section.paras)

    def summary(self, s: Summary) -> None:
        doc = self.doc
        doc.add_paragraph(s.title, style=self.s_h1)
        doc.add_paragraph(s.intro)
        counts = [(c.label, c.count) for c in s.counts] + [("niet bijgewerkt", s.niet_bijgewerkt)]
        head, *rows = self.table((60, 25), len(counts))
        self.header(head, ("Klasse", "Aantal"))
        for (label, n), (label_cell, count_cell) in zip(counts, rows, strict=True):
            _run(label_cell.paragraph(), label)
            number = count_cell.paragraph()
            _run(number, str(n))
            number.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for lst in s.lists:
            doc.add_paragraph(lst.title, style=self.s_h2)
            if not lst.items:
                doc.add_paragraph(s.empty_text)
            for item in lst.items:
                p = doc.add_paragraph(style=self.s_bullet)
                _run(p, item.name).bold = True
                _run(p, f" – {item.detail}")

    def diff(self, paragraph: Any, ops: tuple[DiffOp, ...]) -> None:
        prev = ""
        for op in ops:
            if prev == "delete" and op.op == "insert":
                _run(paragraph, " ")  # "oud nieuw", not "oudnieuw"
            prev = op.op
            run = _run(paragraph, op.text)
            if op.op == "delete":
                _deleted(run)
            elif op.op == "insert":
                _inserted(run)

    def changes(self, c: Changes) -> None:
        doc = self.doc
        doc.add_paragraph(c.title, style=self.s_h1)
        # (name, kind, fill the detail cell)
        rows: list[tuple[str, str, Callable[[_Cell], None]]] = []
        rows += [(r.name, "Nieuwe pilot", _nothing) for r in c.new]
        rows += [(x.pilot.name, "Afgesloten", _text(x.text)) for x in c.closed]
        rows += [(x.pilot.name, "Status gewijzigd", _text(x.text)) for x in c.status]

        def looptijd(old: str, new: str, shift: str) -> Callable[[_Cell], None]:
            def fill(cell: _Cell) -> None:
                p = cell.paragraph()
                _deleted(_run(p, old))
                _run(p, " → ")
                _inserted(_run(p, new))
                if shift:
                    _run(p, f" – einde {shift}")

            return fill

        def text(lines: tuple[tuple[DiffOp, ...], ...]) -> Callable[[_Cell], None]:
            def fill(cell: _Cell) -> None:
                for ops in lines:
                    if ops:
                        self.diff(cell.paragraph(), ops)

            return fill

        rows += [
            (lc.pilot.name, "Looptijd gewijzigd", looptijd(lc.old, lc.new, lc.shift_text))
            for lc in c.looptijd
        ]
        rows += [(tc.pilot.name, "Stand van zaken bijgewerkt", text(tc.lines)) for tc in c.texts]
        rows += [(r.name, "Verwijderd", _nothing) for r in c.removed]
        rows += [(x.pilot.name, "Nieuwe naam", _text(x.text)) for x in c.renamed]
        rows += [(r.name, "Stand van zaken ongewijzigd", _nothing) for r in c.kept]
        rows += [(fc.pilot.name, f"{fc.label} gewijzigd", text(fc.lines)) for fc in c.fields]
        if not rows:
            doc.add_paragraph(c.empty_text)
            return
        legend = doc.add_paragraph()
        _run(legend, "Doorgehaald: vervallen tekst; onderstreept: nieuwe tekst.").italic = True
        head, *cells = self.table((45, 32, TEXT_MM - 77), len(rows))
        self.header(head, ("Pilot", "Wijziging", "Toelichting"))
        for (name, kind, fill), (name_cell, kind_cell, detail_cell) in zip(
            rows, cells, strict=True
        ):
            _run(name_cell.paragraph(), name).bold = True
            _run(kind_cell.paragraph(), kind)
            fill(detail_cell)
            self.tick()

    def notes(self) -> None:
        doc = self.doc
        doc.add_paragraph(self.snapshot.notes_title, style=self.s_h1)
        for note in self.snapshot.notes:
            p = doc.add_paragraph()
            p.paragraph_format.space_after = Pt(2)
            _run(p, str(note.number)).font.superscript = True
            _run(p, f" {note.text}").font.size = NOTE_SIZE

    def write(self) -> bytes:
        s = self.snapshot
        doc = self.doc
        progress = self.progress
        if progress is not None:
            progress(0, self.total)
        doc.add_paragraph(s.title, style=self.s_title)
        self.paras(doc.add_paragraph, s.intro_paras)
        if s.summary is not None:
            self.summary(s.summary)
        if s.changes is not None:
            self.changes(s.changes)
        if s.summary is not None or s.changes is not None:
            doc.add_paragraph(s.pilots_title, style=self.s_h1)
        for group in s.groups:
            if group.title:
                doc.add_paragraph(group.title, style=self.s_h2)
            for sp in group.pilots:
                self.pilot(sp)
                self.tick()
        if s.notes:
            self.notes()
        buf = io.BytesIO()
        doc.save(buf)
        if progress is not None:
            progress(self.total, self.total)
        return buf.getvalue()


def _run(paragraph: Any, text: str) -> Any:
    """``paragraph.add_run(text)``, without python-docx's character-by-character scan.

    ``Run.text`` turns tabs and line breaks into their own elements, one character at a
    time; text without them goes into the run as it is (``Run.add_text``), which is
    several times faster and gives the same XML.
    """
    if "\t" in text or "\n" in text or "\r" in text:
        return paragraph.add_run(text)
    run = paragraph.add_run()
    run.add_text(text)
    return run


def _deleted(run: Any) -> None:
    run.font.strike = True
    run.font.color.rgb = RED


def _inserted(run: Any) -> None:
    run.underline = True
    run.font.color.rgb = GREEN


def _nothing(cell: _Cell) -> None:
    return None


def _text(value: str) -> Callable[[_Cell], None]:
    def fill(cell: _Cell) -> None:
        _run(cell.paragraph(), value)

    return fill


def _drop_unused_table_styles(styles: Any, used: Any) -> None:
    """Delete the template's table styles other than ``used`` and the styles it is based on.

    The default template brings 100 table styles of its 164 styles. Nothing else refers
    to them, and python-docx looks through every style each time a style is assigned
    (to find the default of that type): fewer styles make every table and every bullet
    cheaper, and the file smaller.
    """
    keep = set()
    style = used
    while style is not None:
        keep.add(style.style_id)
        style = style.base_style
    default = styles.default(WD_STYLE_TYPE.TABLE)
    if default is not None:
        keep.add(default.style_id)
    for style in list(styles):
        if style.type == WD_STYLE_TYPE.TABLE and style.style_id not in keep:
            style.delete()


def _east_asia_font(style: Any) -> None:
    """The font for East Asian and complex scripts too (python-docx sets only ascii/hAnsi)."""
    fonts = style.element.rPr.rFonts  # present once ``style.font.name`` is set
    fonts.set(qn("w:eastAsia"), FONT)
    fonts.set(qn("w:cs"), FONT)


def render(snapshot: Snapshot, progress: Progress | None = None) -> bytes:
    """The snapshot as a Word file.

    ``progress(done, total)`` counts the rows of the changes table and the pilots (in
    the order they are written): (0, total) first, then every 100, (total, total) last.
    """
    return _Writer(snapshot, progress).write()
