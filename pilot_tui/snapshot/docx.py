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

How it is written: the body is XML text, made here with string templates (every text
from the register escaped, so a name like ``<w:t>`` stays text) and streamed into the
zip as it is made; the package around it is :mod:`pilot_tui.snapshot.wordpkg`. Building
the same body as python-docx objects took minutes for 10,000 pilots (``add_table``
looks through the whole body for every new table); now the whole file, model included,
takes three to five times a ``json.load`` of the register (tests/bench/bench_snapshot.py).
No lxml or python-docx is needed for it.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from pilot_tui.snapshot import wordpkg as pkg
from pilot_tui.snapshot.links import has_link, pieces
from pilot_tui.snapshot.model import (
    Changes,
    DiffOp,
    Para,
    Snapshot,
    SnapshotPilot,
    Summary,
)

Progress = Callable[[int, int], None]
PROGRESS_EVERY = 100  # rows of the changes table and pilots

# Page and columns, in twentieths of a point: A4, margins 25 mm top and bottom, 22 mm
# left and right; the name column 42 mm wide, as in the original.
PAGE_W, PAGE_H = 11906, 16838
MARGIN_TB, MARGIN_LR = 1418, 1247
TEXT_W = PAGE_W - 2 * MARGIN_LR


def _mm(mm: float) -> int:
    return round(mm * 1440 / 25.4)


NAME_W = _mm(42)
HEADER_FILL = "D9D9D9"
PAD = 57  # 1 mm: the space above and below a header cell's text, and above a pilot's
_RULE = '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
# A pilot's text is a table row per paragraph (the section label with its first one),
# drawn as one cell. A row of at most KEEP_LINES lines is never cut by a page break
# (Word and LibreOffice move it to the next page whole); a longer one may be. Lines are
# estimated from the text's length: CHARS_PER_LINE is on the low side for the text
# column in the house style, so that a row is rather taken as longer than it is.
KEEP_LINES = 12
CHARS_PER_LINE = 60
CHUNK = 1 << 16  # characters of body XML handed to the zip at a time

# run properties, in the order the schema wants them
_ITALIC_GREY = '<w:rPr><w:i/><w:iCs/><w:color w:val="555555"/></w:rPr>'
_BOLD = "<w:rPr><w:b/><w:bCs/></w:rPr>"
_DELETED = '<w:rPr><w:strike/><w:color w:val="B00000"/></w:rPr>'
_INSERTED = '<w:rPr><w:color w:val="176117"/><w:u w:val="single"/></w:rPr>'
_SPACER = '<w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p>'  # keeps tables apart
_TR_KEEP = "<w:tr><w:trPr><w:cantSplit/></w:trPr>"  # a row no page break cuts
# A pilot's next row, up to its text: the name column empty; the widths are the grid's
# (the table's layout is fixed), as in the rows above.
_NEXT = "<w:tr><w:tc><w:p/></w:tc><w:tc>"
_NEXT_KEEP = f"{_TR_KEEP}<w:tc><w:p/></w:tc><w:tc>"

_DOC_START = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:document xmlns:w="{pkg.W_NS}" xmlns:r="{pkg.R_NS}"><w:body>'
)


def _x(text: str) -> str:
    """Text escaped for XML (element content and attribute values in double quotes)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    return text


def _t(text: str) -> str:
    """A run's text: ``w:t``, with tabs and line breaks as their own elements; spaces
    are kept as they are where a reader could drop them (at the ends, doubled)."""
    text = _x(text)
    keep = text[:1] == " " or text[-1:] == " " or "  " in text
    if "\t" in text:
        text = text.replace("\t", '</w:t><w:tab/><w:t xml:space="preserve">')
        keep = True
    if "\n" in text:
        text = text.replace("\n", '</w:t><w:br/><w:t xml:space="preserve">')
        keep = True
    if keep:
        return f'<w:t xml:space="preserve">{text}</w:t>'
    return f"<w:t>{text}</w:t>"


def _encode(chunk: str) -> bytes:
    """UTF-8, without the few characters XML cannot hold (the model has removed the
    control characters already): U+FFFE, U+FFFF and unpaired surrogates."""
    if "\ufffe" in chunk or "\uffff" in chunk:
        chunk = chunk.replace("\ufffe", "").replace("\uffff", "")
    try:
        return chunk.encode("utf-8")
    except UnicodeEncodeError:
        return chunk.encode("utf-8", "ignore")  # drops exactly the unpaired surrogates


class _Out:
    """Body XML collected in pieces and handed to the zip stream in chunks."""

    __slots__ = ("parts", "size", "stream")

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.parts: list[str] = []
        self.size = 0

    def add(self, piece: str) -> None:
        self.parts.append(piece)
        self.size += len(piece)
        if self.size >= CHUNK:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            self.stream.write(_encode("".join(self.parts)))
            self.parts = []
            self.size = 0


class _Writer:
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
            return f"<w:r>{rpr}{_t(text)}</w:r>"
        rels = rels if rels is not None else self.doc_rels
        out = []
        for piece in pieces(text):
            if piece.href is None:
                out.append(f"<w:r>{rpr}{_t(piece.text)}</w:r>")
            else:
                rid = rels.add(pkg.RT_HYPERLINK, piece.href, external=True)
                out.append(
                    f'<w:hyperlink r:id="{rid}" w:history="1">'
                    f"{self.r_link}{_t(piece.text)}</w:r></w:hyperlink>"
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
                out.append(self.text(run.text, _ITALIC_GREY, None, links))
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
        rule = f"<w:tcBorders>{_RULE}</w:tcBorders>" if ruled else ""
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
        out.append(_SPACER)
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
            _TR_KEEP if lines <= KEEP_LINES else "<w:tr>",
            f"{name_tc}{name}</w:tc>{text_tc}{cell}</w:tc></w:tr>",
        ]
        for cell, lines in rows[1:]:
            out.append(_NEXT_KEEP if lines <= KEEP_LINES else _NEXT)
            out.append(cell)
            out.append("</w:tc></w:tr>")
        out.append("</w:tbl>")
        out.append(_SPACER)
        return "".join(out)

    def summary(self, s: Summary) -> str:
        out = [self.heading("h1", s.title), self.para(None, self.text(s.intro))]
        counts = [(c.label, c.count) for c in s.counts] + [("niet bijgewerkt", s.niet_bijgewerkt)]
        right = '<w:p><w:pPr><w:jc w:val="right"/></w:pPr>'
        rows = [
            [self.para(None, self.text(label)), f"{right}{self.text(str(n))}</w:p>"]
            for label, n in counts
        ]
        out.append(self.table((_mm(60), _mm(25)), ("Klasse", "Aantal"), rows))
        for lst in s.lists:
            out.append(self.heading("h2", lst.title))
            if not lst.items:
                out.append(self.para(None, self.text(s.empty_text)))
            for item in lst.items:
                runs = self.text(item.name, _BOLD) + self.text(f" – {item.detail}")
                out.append(f"{self.p_bullet}{runs}</w:p>")
        return "".join(out)

    def diff(self, ops: tuple[DiffOp, ...]) -> str:
        out = []
        prev = ""
        for op in ops:
            if prev == "delete" and op.op == "insert":
                out.append(self.text(" "))  # "oud nieuw", not "oudnieuw"
            prev = op.op
            rpr = _DELETED if op.op == "delete" else _INSERTED if op.op == "insert" else ""
            out.append(self.text(op.text, rpr))
        return f"<w:p>{''.join(out)}</w:p>"

    def changes(self, c: Changes) -> str:
        out = [self.heading("h1", c.title)]
        rows: list[list[str]] = []

        def row(name: str, kind: str, detail: str) -> None:
            rows.append(
                [self.para(None, self.text(name, _BOLD)), self.para(None, self.text(kind)), detail]
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
                f"{self.text(lc.old, _DELETED)}{self.text(' → ')}"
                f"{self.text(lc.new, _INSERTED)}{shift}"
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
        out.append(self.para(None, self.text(legend, _ITALIC_GREY)))
        widths = (_mm(45), _mm(32), TEXT_W - _mm(45) - _mm(32))
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
                f"<w:r>{_t(text)}</w:r></w:hyperlink>"
            )
            out.append(self.para(toc[min(level, 2)], (field_start if i == 1 else "") + link))
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        if len(out) == 1:
            out.append(f"<w:p>{field_start}{end}</w:p>")
        else:
            out.append(f"<w:p>{end}</w:p>")
        return "".join(out)

    def body(self, out: _Out) -> None:
        s = self.snapshot
        add = out.add
        add(_DOC_START)
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

    # -- the other parts --------------------------------------------------------------------
    def note_texts(self) -> list[tuple[int, str]]:
        """The footnotes the part holds: (id, text), the id as the body refers to it."""
        return [(note.number, note.text) for note in self.snapshot.notes]

    def footnotes(self) -> bytes:
        sep = (
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr>'
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            "<w:r><w:separator/></w:r></w:p></w:footnote>"
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
        )
        out = [
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:footnotes xmlns:w="{pkg.W_NS}" xmlns:r="{pkg.R_NS}">',
            sep,
        ]
        style = self.ids["note"]
        for number, text in self.note_texts():
            out.append(
                f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
                f"{self.r_noteref}<w:footnoteRef/></w:r>"
                f"<w:r><w:tab/></w:r>{self.text(text, rels=self.note_rels)}</w:p></w:footnote>"
            )
        out.append("</w:footnotes>")
        return _encode("".join(out))

    def footer(self) -> bytes:
        """ "pagina X van Y", right-aligned: PAGE and NUMPAGES fields (Word and LibreOffice
        fill them in as they lay out the pages)."""

        def field(code: str) -> str:
            return (
                '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                f'<w:r><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                "<w:r><w:t>1</w:t></w:r>"
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            )

        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:ftr xmlns:w="{pkg.W_NS}" xmlns:r="{pkg.R_NS}">'
            f'<w:p><w:pPr><w:pStyle w:val="{self.ids["footer"]}"/><w:jc w:val="right"/></w:pPr>'
            f'<w:r><w:t xml:space="preserve">pagina </w:t></w:r>{field("PAGE")}'
            f'<w:r><w:t xml:space="preserve"> van </w:t></w:r>{field("NUMPAGES")}'
            "</w:p></w:ftr>"
        ).encode()

    def core(self) -> bytes:
        s = self.snapshot
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            "<cp:coreProperties "
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{_x(s.title)}</dc:title>"
            f"<dc:subject>{_x(s.register_title)}</dc:subject>"
            "<dc:language>nl-NL</dc:language>"
            "</cp:coreProperties>"
        ).encode()

    @staticmethod
    def app() -> bytes:
        return (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b"<Properties "
            b'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            b"<Application>pilot-tui</Application>"
            b"</Properties>"
        )

    # -- the package ----------------------------------------------------------------------
    def write(self) -> bytes:
        template = self.template
        progress = self.progress
        if progress is not None:
            progress(0, self.total)
        parts = {
            "word/document.xml": pkg.CT_DOCUMENT,
            "word/styles.xml": pkg.CT_STYLES,
            "word/settings.xml": pkg.CT_SETTINGS,
            "word/footnotes.xml": pkg.CT_FOOTNOTES,
            "word/footer1.xml": pkg.CT_FOOTER,
        }
        rels = self.doc_rels
        rels.add(pkg.RT_STYLES, "styles.xml")
        rels.add(pkg.RT_SETTINGS, "settings.xml")
        rels.add(pkg.RT_FOOTNOTES, "footnotes.xml")
        self.footer_rid = rels.add(pkg.RT_FOOTER, "footer1.xml")
        optional = (
            (template.numbering, "word/numbering.xml", pkg.CT_NUMBERING, pkg.RT_NUMBERING),
            (template.font_table, "word/fontTable.xml", pkg.CT_FONT_TABLE, pkg.RT_FONT_TABLE),
            (template.theme, "word/theme/theme1.xml", pkg.CT_THEME, pkg.RT_THEME),
        )
        for data, name, ctype, reltype in optional:
            if data is not None:
                parts[name] = ctype
                rels.add(reltype, name.removeprefix("word/"))
        parts["docProps/core.xml"] = pkg.CT_CORE
        parts["docProps/app.xml"] = pkg.CT_APP
        package_rels = pkg.Rels()
        package_rels.add(pkg.RT_DOCUMENT, "word/document.xml")
        package_rels.add(pkg.RT_CORE, "docProps/core.xml")
        package_rels.add(pkg.RT_APP, "docProps/app.xml")

        buf = io.BytesIO()
        z = pkg.Zip(buf)
        z.put("[Content_Types].xml", pkg.content_types(parts))
        z.put("_rels/.rels", package_rels.xml())
        z.put("docProps/core.xml", self.core())
        z.put("docProps/app.xml", self.app())
        with z.stream("word/document.xml") as stream:
            self.body(_Out(stream))
        z.put("word/footnotes.xml", self.footnotes())  # after the body: its links
        z.put("word/_rels/document.xml.rels", rels.xml())
        if self.note_rels.items:
            z.put("word/_rels/footnotes.xml.rels", self.note_rels.xml())
        z.put("word/footer1.xml", self.footer())
        z.put("word/styles.xml", template.styles)
        z.put("word/settings.xml", template.settings)
        for data, name, _ctype, _reltype in optional:
            if data is not None:
                z.put(name, data)
        z.close()
        if progress is not None:
            progress(self.total, self.total)
        return buf.getvalue()


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

        return TrackWriter(snapshot, pkg.load_template(template), progress, toc).write()
    return _Writer(snapshot, pkg.load_template(template), progress, toc).write()
