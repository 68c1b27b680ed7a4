"""The body of the Word Bijlage (``word/document.xml``), written as XML text.

:class:`Writer` lays out the snapshot: the title, the intro, the table of contents, the
internal chapters when asked for (Aandachtspunten, Wijzigingen sinds) and per pilot its
two-column table, a row per paragraph; every text from the register escaped, web
addresses as hyperlinks, footnote references where they sit. The parts around the body
and the zip are :mod:`pilot_tui.snapshot.docx_package`; the same document with revisions
is :class:`pilot_tui.snapshot.docx_track.TrackWriter`, a subclass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from pilot_tui.snapshot import wordpkg as pkg
from pilot_tui.snapshot.docx_xml import (
    BOLD,
    CHARS_PER_LINE,
    DELETED,
    DOC_START,
    HEADER_FILL,
    INSERTED,
    ITALIC_GREY,
    KEEP_LINES,
    MARGIN_LR,
    MARGIN_TB,
    NAME_W,
    NEXT_ROW,
    NEXT_ROW_KEEP,
    PAD,
    PAGE_H,
    PAGE_W,
    PROGRESS_EVERY,
    RULE,
    SPACER,
    TEXT_W,
    TR_KEEP,
    BodyStream,
    Progress,
    mm,
    w_t,
)
from pilot_tui.snapshot.links import has_link, pieces
from pilot_tui.snapshot.model import (
    Changes,
    DiffOp,
    Para,
    Snapshot,
    SnapshotPilot,
    Summary,
)


class Writer:
    def __init__(
        self,
        snapshot: Snapshot,
        template: pkg.Template,
        progress: Progress | None,
        toc: bool,
    ) -> None:
        self.snapshot = snapshot
        self.ids = template.ids
        self.template = template
        self.progress = progress
        self.toc = toc
        self.done = 0
        self.total = sum(len(g.pilots) for g in snapshot.groups)
        c = snapshot.changes
        if c is not None:
            self.total += sum(map(len, (c.new, c.closed, c.status, c.looptijd, c.texts)))
            self.total += sum(map(len, (c.removed, c.renamed, c.kept, c.fields)))
        self.doc_rels = pkg.Rels()
        self.note_rels = pkg.Rels()
        self.bookmarks = 0  # headings given a bookmark so far (for the contents)
        self.footer_rid = ""  # set when the relationships are made
        ids = self.ids
        # the same for every pilot: made once
        self.p_label = f'<w:p><w:pPr><w:pStyle w:val="{ids["label"]}"/></w:pPr>'
        self.p_bullet = f'<w:p><w:pPr><w:pStyle w:val="{ids["bullet"]}"/></w:pPr>'
        self.r_noteref = f'<w:r><w:rPr><w:rStyle w:val="{ids["noteref"]}"/></w:rPr>'
        self.r_link = f'<w:r><w:rPr><w:rStyle w:val="{ids["link"]}"/></w:rPr>'
        chapter = snapshot.summary is not None or snapshot.changes is not None
        grouped = any(g.title for g in snapshot.groups)
        self.chapter = chapter
        self.group_level = 1 if chapter else 0  # outline levels count from 0
        self.pilot_level = int(chapter) + int(grouped)
        level = f'<w:outlineLvl w:val="{self.pilot_level}"/>' if self.pilot_level else ""
        self.p_name = f'<w:p><w:pPr><w:pStyle w:val="{ids["name"]}"/>{level}</w:pPr>'
        self.pilot_head = self._table_start(
            (NAME_W, TEXT_W - NAME_W), ("Pilot", "Toelichting"), "table", ruled=True
        )
        top = f'<w:tcMar><w:top w:w="{PAD}" w:type="dxa"/></w:tcMar>'
        self.first_row = (
            f'<w:tc><w:tcPr><w:tcW w:w="{NAME_W}" w:type="dxa"/>{top}</w:tcPr>',
            f'<w:tc><w:tcPr><w:tcW w:w="{TEXT_W - NAME_W}" w:type="dxa"/>{top}</w:tcPr>',
        )

    # -- small pieces ---------------------------------------------------------------------
    def para(self, style: str | None, inner: str) -> str:
        if style is None:
            return f"<w:p>{inner}</w:p>"
        return f'<w:p><w:pPr><w:pStyle w:val="{self.ids[style]}"/></w:pPr>{inner}</w:p>'

    def text(
        self, text: str, rpr: str = "", rels: pkg.Rels | None = None, links: bool = True
    ) -> str:
        """Runs for ``text``; web addresses in it as hyperlinks (related in ``rels``,
        the document's by default). ``links=False``: the caller knows there are none."""
        if not text:
            return ""
        if not links or not has_link(text):
            return f"<w:r>{rpr}{w_t(text)}</w:r>"
        rels = rels if rels is not None else self.doc_rels
        out = []
        for piece in pieces(text):
            if piece.href is None:
                out.append(f"<w:r>{rpr}{w_t(piece.text)}</w:r>")
            else:
                rid = rels.add(pkg.RT_HYPERLINK, piece.href, external=True)
                out.append(
                    f'<w:hyperlink r:id="{rid}" w:history="1">'
                    f"{self.r_link}{w_t(piece.text)}</w:r></w:hyperlink>"
                )
        return "".join(out)

    def noteref(self, number: int) -> str:
        return f'{self.r_noteref}<w:footnoteReference w:id="{number}"/></w:r>'

    def runs(self, para: Para, links: bool = True) -> str:
        if len(para.runs) == 1:  # the usual paragraph: one run of text
            run = para.runs[0]
            if run.note is None and not run.italic:
                return self.text(run.text, "", None, links)
        out = []
        for run in para.runs:
            if run.note is not None:
                out.append(self.noteref(run.note))
            elif run.italic:
                out.append(self.text(run.text, ITALIC_GREY, None, links))
            else:
                out.append(self.text(run.text, "", None, links))
        return "".join(out)

    def paras(self, paras: Iterable[Para]) -> str:
        p_bullet = self.p_bullet
        out = []
        for p in paras:
            if p.kind == "li":
                out.append(f"{p_bullet}{self.runs(p)}</w:p>")
            else:
                out.append(f"<w:p>{self.runs(p)}</w:p>")
        return "".join(out)

    def bookmark(self) -> tuple[str, str]:
        """The start and end of the next heading's bookmark (only for the contents)."""
        if not self.toc:
            return "", ""
        self.bookmarks += 1
        n = self.bookmarks
        return (
            f'<w:bookmarkStart w:id="{n}" w:name="_Toc{n:06d}"/>',
            f'<w:bookmarkEnd w:id="{n}"/>',
        )

    def heading(self, style: str, text: str) -> str:
        start, end = self.bookmark()
        return self.para(style, f"{start}{self.text(text)}{end}")

    def _table_start(
        self, widths: tuple[int, ...], labels: tuple[str, ...], style: str, ruled: bool = False
    ) -> str:
        """A table's start and its header row (shaded, repeated on every page); ``ruled``:
        the header cells draw the line below them (the pilot's table style has none)."""
        return self._table_open(widths, style) + self._header_row(widths, labels, ruled)

    def _table_open(self, widths: tuple[int, ...], style: str) -> str:
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        return (
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.ids[style]}"/>'
            f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>"
        )

    def _header_row(
        self,
        widths: tuple[int, ...],
        labels: tuple[str, ...],
        ruled: bool,
        mark: Callable[[], str] | None = None,
        label_runs: Callable[[str], str] | None = None,
    ) -> str:
        """The header row. ``mark`` and ``label_runs``: for a table inserted or deleted as
        a whole (revisions), a new revision mark (``<w:ins …/>``) per use and the label as
        inserted or deleted runs."""
        th = self.ids["th"]
        rule = f"<w:tcBorders>{RULE}</w:tcBorders>" if ruled else ""
        pad = (
            f'<w:tcMar><w:top w:w="{PAD}" w:type="dxa"/><w:bottom w:w="{PAD}" w:type="dxa"/>'
            "</w:tcMar>"
            if ruled
            else ""
        )
        runs = label_runs or self.text
        cells = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{rule}'
            f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>{pad}</w:tcPr>'
            f'<w:p><w:pPr><w:pStyle w:val="{th}"/>'
            f"{f'<w:rPr>{mark()}</w:rPr>' if mark else ''}</w:pPr>{runs(label)}</w:p></w:tc>"
            for w, label in zip(widths, labels, strict=True)
        )
        return f"<w:tr><w:trPr><w:tblHeader/>{mark() if mark else ''}</w:trPr>{cells}</w:tr>"

    def table(self, widths: tuple[int, ...], labels: tuple[str, ...], rows: list[list[str]]) -> str:
        """A whole table: header row, then ``rows`` (each cell's paragraphs as XML)."""
        out = [self._table_start(widths, labels, "grid")]
        for row in rows:
            out.append("<w:tr>")
            for w, cell in zip(widths, row, strict=True):
                out.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{cell or "<w:p/>"}</w:tc>'
                )
            out.append("</w:tr>")
        out.append("</w:tbl>")
        out.append(SPACER)
        return "".join(out)

    def tick(self) -> None:
        """One row of the changes table or one pilot written."""
        self.done += 1
        done = self.done
        if self.progress is not None and done % PROGRESS_EVERY == 0 and done < self.total:
            self.progress(done, self.total)

    # -- content ----------------------------------------------------------------------------
    def pilot(self, p: SnapshotPilot) -> str:
        start, end = self.bookmark()
        refs = "".join(self.noteref(n) for n in p.name_notes)
        # one look for web addresses in all of the pilot's texts (the usual: none)
        links = has_link(p.display_name) or any(has_link(sec.text) for sec in p.sections)
        text = self.text
        name = f"{self.p_name}{start}{text(p.display_name, '', None, links)}{end}{refs}</w:p>"
        # the text, a row per paragraph: (its paragraphs' XML, estimated lines)
        rows: list[tuple[str, int]] = []
        add = rows.append
        p_label = self.p_label
        p_bullet = self.p_bullet
        runs = self.runs
        for section in p.sections:
            cell = f"{p_label}{text(section.label, '', None, False)}</w:p>"
            lines = 1
            first = True
            for para in section.paras:
                parts = para.runs
                if len(parts) == 1 and parts[0].note is None and not parts[0].italic:
                    inner = text(parts[0].text, "", None, links)  # the usual paragraph
                    n = 1 + len(parts[0].text) // CHARS_PER_LINE
                else:
                    inner = runs(para, links)
                    n = 1 + sum(len(r.text) for r in parts) // CHARS_PER_LINE
                xml = f"{p_bullet}{inner}</w:p>" if para.kind == "li" else f"<w:p>{inner}</w:p>"
                if first:
                    cell += xml
                    lines += n
                    first = False
                else:
                    add((cell, lines))
                    cell, lines = xml, n
            add((cell, lines))
        name_tc, text_tc = self.first_row
        cell, lines = rows[0] if rows else ("<w:p/>", 1)
        out = [
            self.pilot_head,
            TR_KEEP if lines <= KEEP_LINES else "<w:tr>",
            f"{name_tc}{name}</w:tc>{text_tc}{cell}</w:tc></w:tr>",
        ]
        for cell, lines in rows[1:]:
            out.append(NEXT_ROW_KEEP if lines <= KEEP_LINES else NEXT_ROW)
            out.append(cell)
            out.append("</w:tc></w:tr>")
        out.append("</w:tbl>")
        out.append(SPACER)
        return "".join(out)

    def summary(self, s: Summary) -> str:
        out = [self.heading("h1", s.title), self.para(None, self.text(s.intro))]
        counts = [(c.label, c.count) for c in s.counts] + [("niet bijgewerkt", s.niet_bijgewerkt)]
        right = '<w:p><w:pPr><w:jc w:val="right"/></w:pPr>'
        rows = [
            [self.para(None, self.text(label)), f"{right}{self.text(str(n))}</w:p>"]
            for label, n in counts
        ]
        out.append(self.table((mm(60), mm(25)), ("Klasse", "Aantal"), rows))
        for lst in s.lists:
            out.append(self.heading("h2", lst.title))
            if not lst.items:
                out.append(self.para(None, self.text(s.empty_text)))
            for item in lst.items:
                runs = self.text(item.name, BOLD) + self.text(f" – {item.detail}")
                out.append(f"{self.p_bullet}{runs}</w:p>")
        return "".join(out)

    def diff(self, ops: tuple[DiffOp, ...]) -> str:
        out = []
        prev = ""
        for op in ops:
            if prev == "delete" and op.op == "insert":
                out.append(self.text(" "))  # "oud nieuw", not "oudnieuw"
            prev = op.op
            rpr = DELETED if op.op == "delete" else INSERTED if op.op == "insert" else ""
            out.append(self.text(op.text, rpr))
        return f"<w:p>{''.join(out)}</w:p>"

    def changes(self, c: Changes) -> str:
        out = [self.heading("h1", c.title)]
        rows: list[list[str]] = []

        def row(name: str, kind: str, detail: str) -> None:
            rows.append(
                [self.para(None, self.text(name, BOLD)), self.para(None, self.text(kind)), detail]
            )
            self.tick()

        for r in c.new:
            row(r.name, "Nieuwe pilot", "")
        for x in c.closed:
            row(x.pilot.name, "Afgesloten", self.para(None, self.text(x.text)))
        for x in c.status:
            row(x.pilot.name, "Status gewijzigd", self.para(None, self.text(x.text)))
        for lc in c.looptijd:
            shift = self.text(f" – einde {lc.shift_text}") if lc.shift_text else ""
            detail = (
                f"{self.text(lc.old, DELETED)}{self.text(' → ')}"
                f"{self.text(lc.new, INSERTED)}{shift}"
            )
            row(lc.pilot.name, "Looptijd gewijzigd", f"<w:p>{detail}</w:p>")
        for tc in c.texts:
            detail = "".join(self.diff(ops) for ops in tc.lines if ops)
            row(tc.pilot.name, "Stand van zaken bijgewerkt", detail)
        for r in c.removed:
            row(r.name, "Verwijderd", "")
        for rc in c.renamed:
            row(rc.pilot.name, "Nieuwe naam", self.para(None, self.text(rc.text)))
        for r in c.kept:
            row(r.name, "Stand van zaken ongewijzigd", "")
        for fc in c.fields:
            detail = "".join(self.diff(ops) for ops in fc.lines if ops)
            row(fc.pilot.name, f"{fc.label} gewijzigd", detail)
        if not rows:
            out.append(self.para(None, self.text(c.empty_text)))
            return "".join(out)
        legend = "Doorgehaald: vervallen tekst; onderstreept: nieuwe tekst."
        out.append(self.para(None, self.text(legend, ITALIC_GREY)))
        widths = (mm(45), mm(32), TEXT_W - mm(45) - mm(32))
        out.append(self.table(widths, ("Pilot", "Wijziging", "Toelichting"), rows))
        return "".join(out)

    def outline(self) -> list[tuple[int, str]]:
        """The headings a table of contents lists, in order: (level from 0, text)."""
        s = self.snapshot
        out: list[tuple[int, str]] = []
        if s.summary is not None:
            out.append((0, s.summary.title))
            out += [(1, lst.title) for lst in s.summary.lists]
        if s.changes is not None:
            out.append((0, s.changes.title))
        if self.chapter:
            out.append((0, s.pilots_title))
        for group in s.groups:
            if group.title:
                out.append((self.group_level, group.title))
            out += [(self.pilot_level, p.display_name) for p in group.pilots]
        return out

    def contents(self) -> str:
        """A table of contents, filled in: every entry a link to its heading. No page
        numbers (the field's ``\\n``), so nothing in it needs updating."""
        toc = ("toc1", "toc2", "toc3")
        out = [self.para("toc_heading", self.text("Inhoud"))]
        field_start = (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u \\n </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        )
        for i, (level, text) in enumerate(self.outline(), start=1):
            link = (
                f'<w:hyperlink w:anchor="_Toc{i:06d}" w:history="1">'
                f"<w:r>{w_t(text)}</w:r></w:hyperlink>"
            )
            out.append(self.para(toc[min(level, 2)], (field_start if i == 1 else "") + link))
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        if len(out) == 1:
            out.append(f"<w:p>{field_start}{end}</w:p>")
        else:
            out.append(f"<w:p>{end}</w:p>")
        return "".join(out)

    def body(self, out: BodyStream) -> None:
        s = self.snapshot
        add = out.add
        add(DOC_START)
        add(self.para("title", self.text(s.title)))
        add(self.paras(s.intro_paras))
        if self.toc:
            add(self.contents())
        if s.summary is not None:
            add(self.summary(s.summary))
        if s.changes is not None:
            add(self.changes(s.changes))
        if self.chapter:
            add(self.heading("h1", s.pilots_title))
        pilot = self.pilot
        tick = self.tick
        for group in s.groups:
            if group.title:
                add(self.heading("h1" if not self.chapter else "h2", group.title))
            for sp in group.pilots:
                add(pilot(sp))
                tick()
        add(self.section())
        add("</w:body></w:document>")
        out.flush()

    def section(self) -> str:
        """The page: A4, margins, the footer with the page numbers."""
        return (
            f'<w:sectPr><w:footerReference w:type="default" r:id="{self.footer_rid}"/>'
            f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
            f'<w:pgMar w:top="{MARGIN_TB}" w:right="{MARGIN_LR}" w:bottom="{MARGIN_TB}" '
            f'w:left="{MARGIN_LR}" w:header="709" w:footer="567" w:gutter="0"/>'
            '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>'
        )

    # -- the footnotes (docx_package writes their part) --------------------------------------
    def note_texts(self) -> list[tuple[int, str]]:
        """The footnotes the part holds: (id, text), the id as the body refers to it."""
        return [(note.number, note.text) for note in self.snapshot.notes]
