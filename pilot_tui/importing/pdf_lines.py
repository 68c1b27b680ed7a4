"""A PDF page's text as lines: a pdfminer text device of ours (:class:`_Device`) keeps,
for every string the page shows, its position, size and font (pdfminer's own layout
objects, one per character, cost a third of the time); runs on one baseline are a line,
and a smaller run raised above a line is a superscript (digits: a footnote reference)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.utils import mult_matrix

Progress = Callable[[int, int], None]


SUP_SIZE = 0.85  # a superscript is at most this part of its line's size …
SUP_RISE = 0.12  # … and raised at least this part of it
SPACE = 0.28  # a space's width as a part of the font size, when the file shows none
_SUP_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

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
