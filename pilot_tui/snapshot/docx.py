"""Snapshot -> Word (.docx) with python-docx, laid out like the original overview.

A4, Calibri 10 pt, language nl-NL. The title is the document's Title; each pilot is a
two-column table "Pilot | Toelichting" with the name on the left and the sections (bold
labels, paragraphs, real "List Bullet" paragraphs) on the right. python-docx has no
footnote API, so footnote references are superscript numbers in the text and the notes
follow, numbered, under "Noten" at the end. Changes since an earlier peildatum are a
table, with deleted words struck through and new words underlined.

python-docx provides the package: template, styles, page setup, core properties, saving.
The body is written as WordprocessingML text (every text XML-escaped) and parsed once:
python-docx's per-run and per-character object API takes minutes for a register of
10,000 pilots, this takes seconds. Only elements and attributes python-docx itself
writes are used, in schema order, so Word and LibreOffice open the file without repair.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

from docx import Document
from docx.opc.oxml import serialize_part_xml
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

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
RED = "B00000"
GREEN = "176117"
GREY = "555555"
HEADER_FILL = "D9D9D9"
NOTE_SIZE = 18  # half-points: 9 pt


def _twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def _x(text: str) -> str:
    """Text as XML character data (the model has no control characters left)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def run(
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    strike: bool = False,
    underline: bool = False,
    color: str = "",
    size: int = 0,
    sup: bool = False,
) -> str:
    """One ``w:r``; run properties in schema order (b, i, strike, color, sz, u, vertAlign)."""
    props = []
    if bold:
        props.append("<w:b/>")
    if italic:
        props.append("<w:i/>")
    if strike:
        props.append("<w:strike/>")
    if color:
        props.append(f'<w:color w:val="{color}"/>')
    if size:
        props.append(f'<w:sz w:val="{size}"/>')
    if underline:
        props.append('<w:u w:val="single"/>')
    if sup:
        props.append('<w:vertAlign w:val="superscript"/>')
    rpr = f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{_x(text)}</w:t></w:r>'


def para(
    runs: str = "",
    *,
    style: str = "",
    keep_next: bool = False,
    before: int = -1,
    after: int = -1,
    right: bool = False,
) -> str:
    """One ``w:p``; paragraph properties in schema order (pStyle, keepNext, spacing, jc)."""
    props = []
    if style:
        props.append(f'<w:pStyle w:val="{style}"/>')
    if keep_next:
        props.append("<w:keepNext/>")
    if before >= 0 or after >= 0:
        b = f' w:before="{before * 20}"' if before >= 0 else ""
        a = f' w:after="{after * 20}"' if after >= 0 else ""
        props.append(f"<w:spacing{b}{a}/>")
    if right:
        props.append('<w:jc w:val="right"/>')
    ppr = f"<w:pPr>{''.join(props)}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{runs}</w:p>"


class _Writer:
    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.doc: Any = Document()
        self._setup()
        styles = self.doc.styles
        self.s_title = styles["Title"].style_id
        self.s_h1 = styles["Heading 1"].style_id
        self.s_h2 = styles["Heading 2"].style_id
        self.s_bullet = styles["List Bullet"].style_id
        self.s_grid = styles["Table Grid"].style_id
        self.out: list[str] = []

    # -- setup -------------------------------------------------------------------------
    def _setup(self) -> None:
        doc = self.doc
        section = doc.sections[0]
        section.page_width, section.page_height = Mm(PAGE_W_MM), Mm(PAGE_H_MM)
        section.top_margin = section.bottom_margin = Mm(MARGIN_TB_MM)
        section.left_margin = section.right_margin = Mm(MARGIN_LR_MM)

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
    def table(self, widths_mm: list[int], rows: list[list[str]], header: bool = True) -> None:
        """A table; each cell is given as the XML of its paragraphs."""
        widths = [_twips(w) for w in widths_mm]
        out = self.out
        out.append(
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.s_grid}"/>'
            f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
            'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>'
        )
        out += [f'<w:gridCol w:w="{w}"/>' for w in widths]
        out.append("</w:tblGrid>")
        for i, cells in enumerate(rows):
            head = header and i == 0
            out.append("<w:tr><w:trPr><w:tblHeader/></w:trPr>" if head else "<w:tr>")
            for width, cell in zip(widths, cells, strict=True):
                shd = (
                    f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>' if head else ""
                )
                out.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shd}</w:tcPr>'
                    f"{cell or para()}</w:tc>"
                )
            out.append("</w:tr>")
        out.append("</w:tbl>")
        out.append(para(after=6))  # keeps tables apart (Word would merge them)

    def runs(self, p: Para) -> str:
        parts = []
        for r in p.runs:
            if r.note is not None:
                parts.append(run(str(r.note), sup=True))
            elif r.text:
                parts.append(run(r.text, italic=True, color=GREY) if r.italic else run(r.text))
        return "".join(parts)

    def paras(self, paras: tuple[Para, ...]) -> str:
        return "".join(
            para(self.runs(p), style=self.s_bullet if p.kind == "li" else "") for p in paras
        )

    def header(self, labels: list[str]) -> list[str]:
        return [para(run(label, bold=True)) for label in labels]

    # -- content -----------------------------------------------------------------------
    def pilot(self, p: SnapshotPilot) -> None:
        name = run(p.display_name, bold=True) + "".join(run(str(n), sup=True) for n in p.name_notes)
        right: list[str] = []
        for i, section in enumerate(p.sections):
            right.append(para(run(section.label, bold=True), keep_next=True, before=6 if i else -1))
            right.append(self.paras(section.paras))
        self.table(
            [NAME_MM, TEXT_MM - NAME_MM],
            [self.header(["Pilot", "Toelichting"]), [para(name), "".join(right)]],
        )

    def summary(self, s: Summary) -> None:
        out = self.out
        out.append(para(run(s.title), style=self.s_h1))
        out.append(para(run(s.intro)))
        rows = [self.header(["Klasse", "Aantal"])]
        counts = [(c.label, c.count) for c in s.counts] + [("niet bijgewerkt", s.niet_bijgewerkt)]
        rows += [[para(run(label)), para(run(str(n)), right=True)] for label, n in counts]
        self.table([60, 25], rows)
        for lst in s.lists:
            out.append(para(run(lst.title), style=self.s_h2))
            if not lst.items:
                out.append(para(run(s.empty_text)))
            for item in lst.items:
                out.append(
                    para(run(item.name, bold=True) + run(f" – {item.detail}"), style=self.s_bullet)
                )

    def diff(self, ops: tuple[DiffOp, ...]) -> str:
        parts = []
        prev = ""
        for op in ops:
            if prev == "delete" and op.op == "insert":
                parts.append(run(" "))  # "oud nieuw", not "oudnieuw"
            prev = op.op
            if op.op == "delete":
                parts.append(run(op.text, strike=True, color=RED))
            elif op.op == "insert":
                parts.append(run(op.text, underline=True, color=GREEN))
            else:
                parts.append(run(op.text))
        return para("".join(parts))

    def changes(self, c: Changes) -> None:
        out = self.out
        out.append(para(run(c.title), style=self.s_h1))
        rows: list[tuple[str, str, str]] = []
        rows += [(r.name, "Nieuwe pilot", "") for r in c.new]
        rows += [(x.pilot.name, "Afgesloten", para(run(x.text))) for x in c.closed]
        rows += [(x.pilot.name, "Status gewijzigd", para(run(x.text))) for x in c.status]
        for lc in c.looptijd:
            shift = run(f" – einde {lc.shift_text}") if lc.shift_text else ""
            detail = para(
                run(lc.old, strike=True, color=RED)
                + run(" → ")
                + run(lc.new, underline=True, color=GREEN)
                + shift
            )
            rows.append((lc.pilot.name, "Looptijd gewijzigd", detail))
        for tc in c.texts:
            lines = "".join(self.diff(ops) for ops in tc.lines if ops)
            rows.append((tc.pilot.name, "Stand van zaken bijgewerkt", lines))
        if not rows:
            out.append(para(run(c.empty_text)))
            return
        out.append(
            para(run("Doorgehaald: vervallen tekst; onderstreept: nieuwe tekst.", italic=True))
        )
        table_rows = [self.header(["Pilot", "Wijziging", "Toelichting"])]
        table_rows += [
            [para(run(name, bold=True)), para(run(kind)), detail] for name, kind, detail in rows
        ]
        self.table([45, 32, TEXT_MM - 77], table_rows)

    def notes(self) -> None:
        self.out.append(para(run(self.snapshot.notes_title), style=self.s_h1))
        for note in self.snapshot.notes:
            self.out.append(
                para(
                    run(str(note.number), sup=True) + run(f" {note.text}", size=NOTE_SIZE),
                    after=2,
                )
            )

    def write(self) -> bytes:
        s = self.snapshot
        out = self.out
        out.append(para(run(s.title), style=self.s_title))
        out.append(self.paras(s.intro_paras))
        if s.summary is not None:
            self.summary(s.summary)
        if s.changes is not None:
            self.changes(s.changes)
        if s.summary is not None or s.changes is not None:
            out.append(para(run(s.pilots_title), style=self.s_h1))
        for group in s.groups:
            if group.title:
                out.append(para(run(group.title), style=self.s_h2))
            for sp in group.pilots:
                self.pilot(sp)
        if s.notes:
            self.notes()
        # The template's document part with our body spliced in before its section
        # properties, parsed once (moving parsed elements between lxml documents is
        # quadratic in the size of the tree).
        part = self.doc.part
        template = serialize_part_xml(part.element).decode("utf-8")
        at = template.rfind("<w:sectPr")
        if at < 0 or "<w:p>" in template or "<w:p " in template or "<w:tbl>" in template:
            raise RuntimeError("onverwacht Word-sjabloon: de body is niet leeg")
        spliced = template[:at] + "".join(out) + template[at:]
        part._element = parse_xml(spliced.encode("utf-8"))
        buf = io.BytesIO()
        self.doc.save(buf)
        return buf.getvalue()


def _east_asia_font(style_element: Any, font: str) -> None:
    r_pr = style_element.get_or_add_rPr()
    fonts = r_pr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), font)
    fonts.set(qn("w:cs"), font)


def render(snapshot: Snapshot) -> bytes:
    return _Writer(snapshot).write()
