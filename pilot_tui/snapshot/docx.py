"""Snapshot -> Word (.docx) with python-docx, laid out like the original overview.

A4, Calibri 10 pt, language nl-NL. The title is the document's Title; each pilot is a
two-column table "Pilot | Toelichting" with the name on the left and the sections (bold
labels, paragraphs, real "List Bullet" paragraphs) on the right. python-docx has no
footnote API, so footnote references are superscript numbers in the text and the notes
follow, numbered, under "Noten" at the end. Changes since an earlier peildatum are a
table, with deleted words struck through and new words underlined.

Elements are added right before the body's final ``w:sectPr`` (python-docx's own
``Document.add_*`` look the section up per call, which is quadratic in a long register).
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.shared import Length, Mm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

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
PAGE_W, PAGE_H = Mm(210), Mm(297)
MARGIN_TB, MARGIN_LR = Mm(25), Mm(22)
TEXT_MM = 210 - 2 * 22
TEXT_W = Mm(TEXT_MM)
NAME_W = Mm(42)
RED = RGBColor(0xB0, 0x00, 0x00)
GREEN = RGBColor(0x17, 0x61, 0x17)
GREY = RGBColor(0x55, 0x55, 0x55)
HEADER_FILL = "D9D9D9"


class _Writer:
    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.doc: Any = Document()
        self.body = self.doc._body  # the block container python-docx wraps our elements in
        self.sect_pr = self.doc.element.body.sectPr
        self._setup()
        styles = self.doc.styles
        self.s_title = styles["Title"].style_id
        self.s_h1 = styles["Heading 1"].style_id
        self.s_h2 = styles["Heading 2"].style_id
        self.s_bullet = styles["List Bullet"].style_id
        self.s_grid = styles["Table Grid"]

    # -- setup -------------------------------------------------------------------------
    def _setup(self) -> None:
        doc = self.doc
        section = doc.sections[0]
        section.page_width, section.page_height = PAGE_W, PAGE_H
        section.top_margin = section.bottom_margin = MARGIN_TB
        section.left_margin = section.right_margin = MARGIN_LR

        styles = doc.styles
        # language nl-NL for spelling and hyphenation, everywhere by default
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
        _east_asia_font(normal.element, FONT)
        for name, size in (
            ("Title", 18),
            ("Heading 1", 14),
            ("Heading 2", 12),
            ("List Bullet", 10),
        ):
            st = styles[name]
            st.font.name = FONT
            st.font.size = Pt(size)
            _east_asia_font(st.element, FONT)
        styles["Title"].paragraph_format.space_after = Pt(12)
        styles["List Bullet"].paragraph_format.space_after = Pt(2)

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
    def para(self, style: str | None = None, text: str = "", bold: bool = False) -> Paragraph:
        p = OxmlElement("w:p")
        self.sect_pr.addprevious(p)
        paragraph = Paragraph(p, self.body)
        if style:
            p.style = style
        if text:
            paragraph.add_run(text).bold = bold or None
        return paragraph

    def table(self, rows: int, widths: list[Length]) -> Table:
        tbl = CT_Tbl.new_tbl(rows, len(widths), TEXT_W)
        self.sect_pr.addprevious(tbl)
        table = Table(tbl, self.body)
        table.style = self.s_grid
        table.autofit = False
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        for col, width in zip(table.columns, widths, strict=True):
            col.width = width
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = width
        return table

    def spacer(self) -> None:
        self.para().paragraph_format.space_after = Pt(6)

    # -- content -----------------------------------------------------------------------
    def runs(self, paragraph: Paragraph, para: Para) -> None:
        for run in para.runs:
            if run.note is not None:
                r = paragraph.add_run(str(run.note))
                r.font.superscript = True
            elif run.text:
                r = paragraph.add_run(run.text)
                if run.italic:
                    r.italic = True
                    r.font.color.rgb = GREY

    def cell_paras(self, cell: _Cell, paras: tuple[Para, ...], first: Paragraph | None) -> None:
        for para in paras:
            p = first if first is not None else cell.add_paragraph()
            first = None
            if para.kind == "li":
                p._p.style = self.s_bullet
            self.runs(p, para)

    def header_row(self, table: Table, labels: list[str]) -> None:
        row = table.rows[0]
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:tblHeader"))  # repeat on each page
        for cell, label in zip(row.cells, labels, strict=True):
            _shade(cell, HEADER_FILL)
            cell.paragraphs[0].add_run(label).bold = True

    def pilot(self, p: SnapshotPilot) -> None:
        table = self.table(2, [NAME_W, Mm(TEXT_MM - 42)])
        self.header_row(table, ["Pilot", "Toelichting"])
        left, right = table.rows[1].cells
        name_p = left.paragraphs[0]
        name_p.add_run(p.display_name).bold = True
        for n in p.name_notes:
            name_p.add_run(str(n)).font.superscript = True
        first: Paragraph | None = right.paragraphs[0]
        for i, section in enumerate(p.sections):
            label = first if first is not None else right.add_paragraph()
            first = None
            label.add_run(section.label).bold = True
            label.paragraph_format.keep_with_next = True
            if i:
                label.paragraph_format.space_before = Pt(6)
            self.cell_paras(right, section.paras, None)
        self.spacer()

    def summary(self, s: Summary) -> None:
        self.para(self.s_h1, s.title)
        self.para(text=s.intro)
        table = self.table(len(s.counts) + 2, [Mm(60), Mm(25)])
        self.header_row(table, ["Klasse", "Aantal"])
        rows = [(c.label, c.count) for c in s.counts] + [("niet bijgewerkt", s.niet_bijgewerkt)]
        for row, (label, count) in zip(table.rows[1:], rows, strict=True):
            a, b = row.cells
            a.paragraphs[0].add_run(label)
            b.paragraphs[0].add_run(str(count))
            b.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self.spacer()
        for lst in s.lists:
            self.para(self.s_h2, lst.title)
            if not lst.items:
                self.para(text=s.empty_text)
            for item in lst.items:
                p = self.para(self.s_bullet)
                p.add_run(item.name).bold = True
                p.add_run(f" – {item.detail}")

    def diff(self, paragraph: Paragraph, ops: tuple[DiffOp, ...]) -> None:
        prev = ""
        for op in ops:
            if prev == "delete" and op.op == "insert" and not op.text[:1].isspace():
                paragraph.add_run(" ")  # "oud nieuw", not "oudnieuw"
            prev = op.op
            r = paragraph.add_run(op.text)
            if op.op == "delete":
                r.font.strike = True
                r.font.color.rgb = RED
            elif op.op == "insert":
                r.underline = True
                r.font.color.rgb = GREEN

    def changes(self, c: Changes) -> None:
        self.para(self.s_h1, c.title)
        rows: list[tuple[str, str, Any]] = []
        rows += [(r.name, "Nieuwe pilot", None) for r in c.new]
        rows += [(x.pilot.name, "Afgesloten", x.text) for x in c.closed]
        rows += [(x.pilot.name, "Status gewijzigd", x.text) for x in c.status]
        rows += [(x.pilot.name, "Looptijd gewijzigd", x) for x in c.looptijd]
        rows += [(x.pilot.name, "Stand van zaken bijgewerkt", x) for x in c.texts]
        if not rows:
            self.para(text=c.empty_text)
            return
        legend = self.para()
        legend.add_run("Doorgehaald: vervallen tekst; onderstreept: nieuwe tekst.").italic = True
        table = self.table(len(rows) + 1, [Mm(45), Mm(32), Mm(TEXT_MM - 77)])
        self.header_row(table, ["Pilot", "Wijziging", "Toelichting"])
        for row, (name, kind, detail) in zip(table.rows[1:], rows, strict=True):
            a, b, d = row.cells
            a.paragraphs[0].add_run(name).bold = True
            b.paragraphs[0].add_run(kind)
            first = d.paragraphs[0]
            if isinstance(detail, str):
                first.add_run(detail)
            elif detail is not None and hasattr(detail, "lines"):
                lines = [ops for ops in detail.lines if ops] or [()]
                for i, ops in enumerate(lines):
                    self.diff(first if i == 0 else d.add_paragraph(), ops)
            elif detail is not None:
                old = first.add_run(detail.old)
                old.font.strike = True
                old.font.color.rgb = RED
                first.add_run(" → ")
                new = first.add_run(detail.new)
                new.underline = True
                new.font.color.rgb = GREEN
                if detail.shift_text:
                    first.add_run(f" – einde {detail.shift_text}")
        self.spacer()

    def notes(self) -> None:
        self.para(self.s_h1, self.snapshot.notes_title)
        for note in self.snapshot.notes:
            p = self.para()
            p.paragraph_format.space_after = Pt(2)
            num = p.add_run(str(note.number))
            num.font.superscript = True
            body = p.add_run(f" {note.text}")
            body.font.size = Pt(9)

    def write(self) -> bytes:
        s = self.snapshot
        self.para(self.s_title, s.title)
        for para in s.intro_paras:
            p = self.para(self.s_bullet if para.kind == "li" else None)
            self.runs(p, para)
        if s.summary is not None:
            self.summary(s.summary)
        if s.changes is not None:
            self.changes(s.changes)
        if s.summary is not None or s.changes is not None:
            self.para(self.s_h1, s.pilots_title)
        for group in s.groups:
            if group.title:
                self.para(self.s_h2, group.title)
            for sp in group.pilots:
                self.pilot(sp)
        if s.notes:
            self.notes()
        buf = io.BytesIO()
        self.doc.save(buf)
        return buf.getvalue()


def _shade(cell: _Cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr = cell._tc.get_or_add_tcPr()
    # schema order: tcW, gridSpan, vMerge, tcBorders, shd, ...; we only ever have tcW
    tc_pr.append(shd)


def _east_asia_font(style_element: Any, font: str) -> None:
    r_pr = style_element.get_or_add_rPr()
    fonts = r_pr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), font)
    fonts.set(qn("w:cs"), font)


def render(snapshot: Snapshot) -> bytes:
    return _Writer(snapshot).write()
