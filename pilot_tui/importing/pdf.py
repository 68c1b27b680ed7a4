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
"""

from __future__ import annotations

import io
import itertools
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.utils import mult_matrix

from pilot_tui.importing.build import build_register
from pilot_tui.importing.document import ImportResult, OverviewError
from pilot_tui.importing.joining import (
    _KEEP_SPACE_AFTER_HYPHEN,
    _URL_TAIL_RE,
    _join_footnote,
    _join_lines,
    _join_name,
    _Vocab,
)
from pilot_tui.importing.lines import _BULLETS, _HEADER_RE, _label
from pilot_tui.importing.overview import read_overview_text

Progress = Callable[[int, int], None]

# pdfminer reports oddities of a file (a colour it does not know, a broken font) through
# logging; without a handler Python would print them on stderr, in the middle of ours.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())

SUP_SIZE = 0.85  # a superscript is at most this part of its line's size …
SUP_RISE = 0.12  # … and raised at least this part of it
NOTE_SIZE = 0.9  # footnote text is at most this part of the body text's size
RUNNING_SHARE = 0.5  # a line on at least this share of the pages, same place: header/footer
EDGE = 0.12  # … in this part of the page's height at its top or bottom
SPACE = 0.28  # a space's width as a part of the font size, when the file shows none
FIT = 1.0  # points: a word that would have fitted on the line before with this to spare
_DIGITS_RE = re.compile(r"\d+")
_PAGE_NUMBER_RE = re.compile(
    r"(?:pagina|blz\.?|page)?\s*-?\s*\d+\s*-?(?:\s*(?:van|/|of)\s*\d+)?", re.I
)
_NOTE_START_RE = re.compile(r"(\d{1,4})\s+(\S.*)")
_SUP_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_UNSUP = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_URL_JOIN_RE = re.compile(r"(?:https?://|www\.)\S*[/\-_?=&%#]$")


# -- runs of text, from pdfminer ------------------------------------------------------------


@dataclass(slots=True)
class _Run:
    x0: float
    x1: float  # the end of its last visible character
    y: float  # baseline
    size: float
    bold: bool
    text: str
    space: float | None  # where its first space starts (for the width of a first word)
    sup: bool = False


class _Device(PDFTextDevice):
    """Collects the strings a page shows as runs (position, size, boldness, text)."""

    def __init__(self, rsrcmgr: PDFResourceManager) -> None:
        super().__init__(rsrcmgr)
        self.runs: list[_Run] = []
        self.images = 0
        self.unknown = 0  # characters without a Unicode value
        self.spaces: Counter[float] = Counter()  # a space's width, as a part of the size
        self._bold: dict[int, bool] = {}

    def render_image(self, name: str, stream: Any) -> None:
        self.images += 1

    def _is_bold(self, font: Any) -> bool:
        key = id(font)
        bold = self._bold.get(key)
        if bold is None:
            name = str(getattr(font, "fontname", "")).lower()
            weight = 0
            descriptor = getattr(font, "descriptor", None) or {}
            try:
                weight = int(descriptor.get("FontWeight", 0) or 0)
            except (TypeError, ValueError):
                weight = 0
            bold = weight >= 600 or any(w in name for w in ("bold", "black", "heavy", "semibold"))
            self._bold[key] = bold
        return bold

    def render_string(self, textstate: Any, seq: Any, ncs: Any, graphicstate: Any) -> None:
        font = textstate.font
        if font is None or self.ctm is None or font.is_vertical():
            return
        a, b, c, d, e, f = mult_matrix(textstate.matrix, self.ctm)
        size = textstate.fontsize
        scaling = textstate.scaling * 0.01
        charspace = textstate.charspace * scaling
        wordspace = 0.0 if font.is_multibyte() else textstate.wordspace * scaling
        rise = textstate.rise
        dxscale = 0.001 * size * scaling
        x, y = textstate.linematrix
        upright = a > 0 and d > 0 and abs(b) <= 0.01 * a and abs(c) <= 0.01 * d
        height = size * d
        base = d * (y + rise) + f
        bold = self._is_bold(font)
        gap = 0.25 * size * scaling  # a shift wider than this is a space between words
        chars: list[str] = []
        start = 0.0
        end = 0.0
        space: float | None = None
        need_charspace = False
        runs = self.runs
        for obj in seq:
            if isinstance(obj, bytes):
                for cid in font.decode(obj):
                    if need_charspace:
                        x += charspace
                    try:
                        ch = font.to_unichr(cid)
                    except PDFUnicodeNotDefined:
                        ch = "\ufffd"
                        self.unknown += 1
                    if not chars:
                        start = x
                    if ch.isspace() and space is None and chars:
                        space = x
                    chars.append(ch)
                    advance = font.char_width(cid) * size * scaling
                    if ch == " " and size:
                        self.spaces[round(advance / (size * scaling), 2)] += 1
                    x += advance
                    if not ch.isspace():
                        end = x
                    if cid == 32 and wordspace:
                        x += wordspace
                    need_charspace = True
            elif isinstance(obj, (int, float)):
                shift = -obj * dxscale
                if shift > gap and chars:
                    if upright:
                        runs.append(_run(a, e, start, end, space, base, height, bold, chars))
                    chars = []
                    space = None
                x += shift
                need_charspace = True
        if chars and upright:
            runs.append(_run(a, e, start, end, space, base, height, bold, chars))
        textstate.linematrix = (x, y)


def _run(
    a: float,
    e: float,
    start: float,
    end: float,
    space: float | None,
    base: float,
    height: float,
    bold: bool,
    chars: list[str],
) -> _Run:
    return _Run(
        a * start + e,
        a * max(end, start) + e,
        base,
        height,
        bold,
        "".join(chars),
        None if space is None else a * space + e,
    )


# -- lines ------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Line:
    runs: list[_Run]
    y: float
    size: float = 0.0  # the size most of its characters have
    page: int = 0
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    first_word: float = 0.0  # width of its first word
    bold: bool = False
    label: bool = False
    bullet: bool = False
    trailing: bool = False  # the page shows a space at its end
    glue: bool = False  # the next line goes on without a space (a word broken without hyphen)

    def finish(self) -> _Line:
        runs = sorted(self.runs, key=lambda r: r.x0)
        self.runs = runs
        sizes: Counter[float] = Counter()
        for r in runs:
            sizes[round(r.size, 1)] += len(r.text)
        self.size = sizes.most_common(1)[0][0] if sizes else 0.0
        for r in runs:
            r.sup = r.size <= SUP_SIZE * self.size and r.y - self.y >= SUP_RISE * self.size
        parts: list[str] = []
        prev: _Run | None = None
        for r in runs:
            text = r.text
            if r.sup and text.strip().isdigit():
                text = text.strip().translate(_SUP_DIGITS)
            elif prev is not None and not r.sup:
                gap = r.x0 - prev.x1
                if gap > 0.15 * self.size and not parts[-1].endswith(" ") and text[:1] != " ":
                    parts.append(" ")
            parts.append(text)
            prev = r
        raw = "".join(parts)
        self.trailing = raw[-1:].isspace()
        self.text = " ".join(raw.split())
        visible = [r for r in runs if r.text.strip() and not r.sup]
        self.x0 = min((r.x0 for r in visible), default=runs[0].x0 if runs else 0.0)
        self.x1 = max((r.x1 for r in visible), default=self.x0)
        self.first_word = _first_word(runs, self.x0, self.size)
        self.bold = bool(visible) and all(r.bold for r in visible)
        return self


def _first_word(runs: list[_Run], x0: float, size: float) -> float:
    """The width of a line's first word: up to its first space, over runs that touch
    (a footnote reference glued to the word is part of it)."""
    end = x0
    started = False
    for r in runs:
        if not r.text.strip() or (started and (r.text[:1].isspace() or r.x0 - end > 0.15 * size)):
            if started:
                break
            continue
        if r.space is not None and not r.text[:1].isspace():
            return r.space - x0
        end = r.x1
        started = True
    return end - x0


def _lines_of(runs: list[_Run], page: int) -> list[_Line]:
    """Runs -> lines, top to bottom; a raised small run joins the line below it."""
    runs = sorted(runs, key=lambda r: (-r.y, r.x0))
    lines: list[_Line] = []
    for r in runs:
        if lines and abs(lines[-1].y - r.y) <= 0.2 * max(r.size, 1.0):
            lines[-1].runs.append(r)
        else:
            lines.append(_Line([r], r.y, page=page))
    merged: list[_Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        below = lines[i + 1] if i + 1 < len(lines) else None
        if below is not None:
            top = max(r.size for r in line.runs)
            main = max(r.size for r in below.runs)
            if top <= SUP_SIZE * main and 0 < line.y - below.y <= 0.6 * main:
                below.runs.extend(line.runs)
                i += 1
                continue
        merged.append(line)
        i += 1
    return [ln.finish() for ln in merged if ln.runs]


# -- the document -------------------------------------------------------------------------


@dataclass
class _Page:
    number: int  # from 1
    lines: list[_Line]
    height: float


@dataclass
class _Text:
    """The text being written for the text importer, with the page of every line."""

    lines: list[str] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)

    def add(self, text: str, page: int) -> None:
        self.lines.append(text)
        self.pages.append(page)


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


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum() and ch not in "⁰¹²³⁴⁵⁶⁷⁸⁹")


class _Layout:
    def __init__(self, pages: list[_Page], outline: list[str], space: float = 0.28) -> None:
        self.pages = pages
        self.space = space
        self.outline: dict[str, list[str]] = {}
        for title in outline:
            self.outline.setdefault(_letters(title), []).append(title)
        lines = [ln for p in pages for ln in p.lines]
        sizes: Counter[float] = Counter()
        for ln in lines:
            sizes[ln.size] += len(ln.text)
        self.body = sizes.most_common(1)[0][0] if sizes else 10.0
        self._drop_running()
        for ln in (ln for p in self.pages for ln in p.lines):
            lab = _label(ln.text)
            ln.label = lab is not None and (ln.bold or not lab[2]) and ln.size >= 0.95 * self.body
            ln.bullet = ln.text[:1] in _BULLETS
        label_x = [round(ln.x0) for p in self.pages for ln in p.lines if ln.label]
        self.label_x = Counter(label_x).most_common(1)[0][0] if label_x else None
        self.notes: list[tuple[int, list[str], int]] = []  # number, lines, page

    # -- running headers and footers ----------------------------------------------------------
    def _drop_running(self) -> None:
        where: Counter[tuple[str, int]] = Counter()
        for page in self.pages:
            for ln in page.lines:
                where[(_DIGITS_RE.sub("#", ln.text), round(ln.y / 3))] += 1
        need = max(2, int(RUNNING_SHARE * len(self.pages)))
        for page in self.pages:
            kept = []
            for ln in page.lines:
                key = (_DIGITS_RE.sub("#", ln.text), round(ln.y / 3))
                edge = ln.y < EDGE * page.height or ln.y > (1 - EDGE) * page.height
                if edge and not ln.label and where[key] >= need and len(self.pages) > 2:
                    continue
                if edge and _PAGE_NUMBER_RE.fullmatch(ln.text):
                    continue
                kept.append(ln)
            page.lines = kept

    # -- footnotes ----------------------------------------------------------------------------
    def _take_notes(self, page: _Page) -> None:
        """Footnotes off the page's bottom: small lines below everything else."""
        lines = page.lines
        i = len(lines)
        while i > 0 and lines[i - 1].size <= NOTE_SIZE * self.body:
            i -= 1
        area = lines[i:]
        if not area:
            return
        starts = [_note_start(ln) for ln in area]
        if starts[0] is None and not self.notes:
            return  # small print, but no footnote
        page.lines = lines[:i]
        for ln, start in zip(area, starts, strict=True):
            if start is not None:
                self.notes.append((start[0], [start[1]], page.number))
            else:
                self.notes[-1][1].append(ln.text)

    # -- columns ------------------------------------------------------------------------------
    def _split(self, page: _Page) -> list[tuple[_Line | None, _Line | None]]:
        """Each line as (left part, right part) at the left edge of the text column."""
        xs = [round(ln.x0) for ln in page.lines if ln.label]
        edge = Counter(xs).most_common(1)[0][0] if xs else self.label_x
        out: list[tuple[_Line | None, _Line | None]] = []
        for ln in page.lines:
            if edge is None:
                out.append((None, ln))
                continue
            left = [r for r in ln.runs if r.x0 < edge - 1.5]
            right = [r for r in ln.runs if r.x0 >= edge - 1.5]
            if not left:
                out.append((None, ln))
            elif not right:
                out.append((ln, None))
            elif max(r.x1 for r in left) < edge - 0.45 * ln.size:
                lp = _Line(left, ln.y, page=ln.page).finish()
                rp = _Line(right, ln.y, page=ln.page).finish()
                for part in (lp, rp):
                    lab = _label(part.text)
                    part.label = lab is not None and (part.bold or not lab[2])
                    part.bullet = part.text[:1] in _BULLETS
                out.append((lp, rp))
            else:
                out.append((ln, None))  # a line across both columns: intro text
        return out

    # -- the text -----------------------------------------------------------------------------
    def text(self) -> tuple[str, list[tuple[int, str, str]], list[int]]:
        """The lines in reading order: a block of the left column (a name, or the title and
        intro) before the text column's lines beside it."""
        events: list[tuple[str, Any]] = []  # ("left", [lines]) | ("right", line)
        last_name: list[_Line] | None = None
        for page in self.pages:
            self._take_notes(page)
            block: list[_Line] = []
            starts = False  # the block begins beside a label: a pilot's name
            pending: list[tuple[str, Any]] = []
            for left, right in self._split(page):
                if left is not None and right is not None and _is_header(left, right):
                    continue
                if left is not None:
                    if block and block[-1].y - left.y > 1.8 * max(left.size, 1.0):
                        last_name = _close(events, block, starts, pending, last_name)
                        block, pending = [], []
                    if not block:
                        starts = right is not None and right.label
                    block.append(left)
                if right is not None:
                    if block:
                        pending.append(("right", right))
                    else:
                        events.append(("right", right))
            if block:
                last_name = _close(events, block, starts, pending, last_name)
            else:
                events.extend(pending)
        return self._write(events)

    def _write(
        self, events: list[tuple[str, Any]]
    ) -> tuple[str, list[tuple[int, str, str]], list[int]]:
        rights = [ev[1] for ev in events if ev[0] == "right"]
        lefts = [ln for ev in events if ev[0] == "left" for ln in ev[1]]
        vocab = _Vocab.of([ln.text for ln in rights] + [ln.text for ln in lefts])
        pitch = _pitch(rights) or _pitch(lefts) or 1.2 * self.body
        right_edge: dict[int, float] = {}
        for ln in rights:
            key = round(self._edge_of(ln))
            right_edge[key] = max(right_edge.get(key, 0.0), ln.x1)
        left_edge = max((ln.x1 for ln in lefts), default=0.0)
        out = _Text()
        para: list[_Line] = []
        seen_label = False
        keep = _hyphens_are_real(rights, vocab)

        def flush() -> None:
            if para:
                out.add(_join(para, vocab, keep), para[0].page)
                para.clear()

        for kind, item in events:
            if kind == "left":
                flush()
                if seen_label or self._beside_text(item, events):
                    out.add("", item[0].page)
                    out.add(self._name(item, vocab), item[0].page)
                else:
                    self._preamble(item, out, vocab, pitch, left_edge)
                continue
            line: _Line = item
            if line.label:
                seen_label = True
                flush()
                out.add(line.text, line.page)
                continue
            edge = right_edge.get(round(self._edge_of(line)), line.x1)
            if para and _breaks(para, line, pitch, edge, self.space):
                flush()
            elif para:
                para[-1].glue = _glued(para[-1], line, edge)
            para.append(line)
        flush()
        notes = [
            (number, _join_footnote(lines), f"pagina {page}") for number, lines, page in self.notes
        ]
        return "\n".join(out.lines) + "\n", notes, out.pages

    def _edge_of(self, line: _Line) -> float:
        return float(self.label_x or 0)

    def _beside_text(self, block: list[_Line], events: list[tuple[str, Any]]) -> bool:
        """Whether a left block has the text column beside it (a pilot's name)."""
        top, bottom = block[0].y, block[-1].y
        page = block[0].page
        return any(
            kind == "right" and item.page == page and bottom - item.size <= item.y <= top + 1
            for kind, item in events
        )

    def _preamble(
        self, block: list[_Line], out: _Text, vocab: _Vocab, pitch: float, edge: float
    ) -> None:
        """The title and the intro: a paragraph per line, a blank line after each block."""
        para: list[_Line] = []
        for line in block:
            if para and (
                line.size != para[-1].size or _breaks(para, line, pitch, edge, self.space)
            ):
                out.add(_join(para, vocab), para[0].page)
                if para[0].size > 1.15 * self.body:
                    out.add("", para[0].page)  # the title is a block of its own
                para = []
            para.append(line)
        if para:
            out.add(_join(para, vocab), para[0].page)
        out.add("", block[-1].page)

    def _name(self, block: list[_Line], vocab: _Vocab) -> str:
        texts = [ln.text for ln in block]
        joined = " ".join(texts)
        refs = ""
        m = re.search(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+$", joined)
        if m is not None:
            refs = m.group(0)
            texts[-1] = texts[-1][: len(texts[-1]) - len(refs)].rstrip()
        titles = self.outline.get(_letters(joined))
        name = titles.pop(0) if titles else _join_name(texts, vocab)
        return name + refs


def _close(
    events: list[tuple[str, Any]],
    block: list[_Line],
    starts: bool,
    pending: list[tuple[str, Any]],
    last_name: list[_Line] | None,
) -> list[_Line] | None:
    """Put a left block and the lines beside it in ``events``; the name block now last."""
    if starts or last_name is None:
        events.append(("left", block))
        if starts:
            last_name = block
    else:  # a name cut by a page break goes on at the next page's top
        last_name.extend(block)
    events.extend(pending)
    return last_name


def _note_start(line: _Line) -> tuple[int, str] | None:
    """(number, text) when the line starts a footnote."""
    text = line.text
    first = line.runs[0] if line.runs else None
    if first is not None and first.sup and first.text.strip().isdigit():
        sup = first.text.strip().translate(_SUP_DIGITS)
        rest = text[len(sup) :].strip() if text.startswith(sup) else text
        return int(first.text.strip()), rest
    m = _NOTE_START_RE.fullmatch(text.translate(_UNSUP))
    if m is not None:
        return int(m.group(1)), m.group(2)
    return None


def _is_header(left: _Line, right: _Line) -> bool:
    return bool(_HEADER_RE.fullmatch(f"{left.text} {right.text}"))


def _pitch(lines: list[_Line]) -> float | None:
    """The usual distance between two lines of a paragraph."""
    steps: Counter[float] = Counter()
    for a, b in itertools.pairwise(lines):
        d = a.y - b.y
        if a.page == b.page and 0.9 * a.size < d < 2.5 * a.size:
            steps[round(d, 1)] += 1
    return steps.most_common(1)[0][0] if steps else None


def _breaks(
    para: list[_Line], line: _Line, pitch: float, edge: float, space: float = SPACE
) -> bool:
    """Whether ``line`` starts a new paragraph after the lines ``para``."""
    prev = para[-1]
    if line.label or prev.label or line.bullet:
        return True
    if prev.page == line.page and prev.y - line.y > 1.35 * pitch:
        return True
    if para[0].bullet and line.x0 < para[-1].x0 - 2 and len(para) > 1:
        return True
    if prev.text.endswith("-"):
        return False
    return prev.x1 + space * line.size + line.first_word < edge - FIT


def _hyphens_are_real(lines: list[_Line], vocab: _Vocab) -> bool:
    """Whether the hyphens at the ends of the text column's lines are the text's own: the
    layout did not hyphenate (no word broken at a line end is written whole elsewhere
    in the document, as a word a layout hyphenated would be). Our Word files hyphenate
    only the pilots' names."""
    breaks = 0
    for a, b in itertools.pairwise(lines):
        m = _HYPHEN_END_RE.search(a.text)
        n = _FIRST_LOWER_RE.match(b.text)
        if m is None or n is None:
            continue
        breaks += 1
        if (m.group(1) + n.group(0)).lower() in vocab.words:
            return False
    return breaks > 0


_HYPHEN_END_RE = re.compile(r"([^\W\d_]+)-$")
_FIRST_LOWER_RE = re.compile(r"[a-zà-ÿ]+")


def _glued(prev: _Line, line: _Line, edge: float) -> bool:
    """Whether ``line`` goes on with the last word of ``prev``: a line broken after a slash
    ("en/" / "of"), or a word too long for the column, cut where the column ends."""
    if not line.text[:1].isalnum() or prev.trailing:
        return False
    if prev.text.endswith("/"):
        return True
    # the cut falls within a character of the column's end
    return " " not in prev.text and prev.text[-1:].isalpha() and prev.x1 >= edge - 0.8 * prev.size


def _join(lines: Iterable[_Line], vocab: _Vocab, keep_hyphens: bool = False) -> str:
    """A paragraph's lines as one line: a URL broken at a line end is joined without a
    space; ``keep_hyphens``: a hyphen at a line end is the text's own ("sociaal-" /
    "maatschappelijke"), before "en"/"of" with a space ("gewelds- en")."""
    parts: list[str] = []
    glue = False
    for ln in lines:
        text = ln.text
        if parts and (glue or (_URL_JOIN_RE.search(parts[-1]) and _URL_TAIL_RE.search(parts[-1]))):
            parts[-1] += text
        elif parts and keep_hyphens and _HYPHEN_END_RE.search(parts[-1]):
            first = text.split(" ", 1)[0].lower().rstrip(",.;:")
            parts[-1] += (" " if first in _KEEP_SPACE_AFTER_HYPHEN else "") + text
        else:
            parts.append(text)
        glue = ln.glue
    return _join_lines(parts, vocab)
