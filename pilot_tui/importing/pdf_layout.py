"""The pages' lines laid out as the text importer's input: running headers and footers
out, footnotes taken from the page bottoms, the two columns of the table told apart,
and the right column's lines joined into paragraphs where the page shows them."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from pilot_tui.importing.joining import (
    _KEEP_SPACE_AFTER_HYPHEN,
    _URL_TAIL_RE,
    _join_footnote,
    _join_lines,
    _join_name,
    _Vocab,
)
from pilot_tui.importing.lines import _BULLETS, _HEADER_RE, _label
from pilot_tui.importing.pdf_lines import _SUP_DIGITS, SPACE, _Line, _Page

Progress = Callable[[int, int], None]


NOTE_SIZE = 0.9  # footnote text is at most this part of the body text's size
RUNNING_SHARE = 0.5  # a line on at least this share of the pages, same place: header/footer
EDGE = 0.12  # … in this part of the page's height at its top or bottom
FIT = 1.0  # points: a word that would have fitted on the line before with this to spare
_DIGITS_RE = re.compile(r"\d+")
_PAGE_NUMBER_RE = re.compile(
    r"(?:pagina|blz\.?|page)?\s*-?\s*\d+\s*-?(?:\s*(?:van|/|of)\s*\d+)?", re.I
)
_NOTE_START_RE = re.compile(r"(\d{1,4})\s+(\S.*)")
_UNSUP = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_URL_JOIN_RE = re.compile(r"(?:https?://|www\.)\S*[/\-_?=&%#]$")


@dataclass
class _Text:
    """The text being written for the text importer, with the page of every line."""

    lines: list[str] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)

    def add(self, text: str, page: int) -> None:
        self.lines.append(text)
        self.pages.append(page)


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
