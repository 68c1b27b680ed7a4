"""Footnotes: the markers glued to the text ("2021.1", "2021.¹"), the footnote texts at
the page bottoms taken out of the line stream, and each attached to the text that
refers to it (marker removed, the words before it kept as its anchor)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pilot_tui.importing.joining import _URL_TAIL_RE, _join_footnote
from pilot_tui.importing.lines import (
    _BREAK,
    _SUPERSCRIPTS,
    _TEXT,
    _label,
    _Line,
    _starts_lower,
    _terminal,
)
from pilot_tui.model import BULLET, Footnote

_FOOTNOTE_LINE_RE = re.compile(r"(\d{1,4})\s+(\S.*)")


# A footnote number glued after a lower-case word or a sentence end ("2021.1",
# "slachtofferadvocatuur.3", "zedendelicten.2"); never after a space, a digit, a capital
# ("Q1", "H1"), a hyphen ("COVID-19") or a slash. One pattern for every number (a pattern
# per number overflowed re's cache of compiled patterns: a tenth of a big import).
# Superscript digits ("2021.¹", "NOvA²"), as the PDF reader writes a reference (and a
# text may have them), are a marker after any character.
_MARKER_RE = re.compile(
    rf"(?<=[a-zà-ÿ.)’”'\"%])(\d{{1,4}})(?=[\s,;:)]|$)|([{_SUPERSCRIPTS}]{{1,4}})"
)
_TO_SUPERSCRIPT = str.maketrans("0123456789", _SUPERSCRIPTS)


def superscript(number: int) -> str:
    """A footnote reference as the PDF reader writes it: "¹²"."""
    return str(number).translate(_TO_SUPERSCRIPT)


_SUP_MARKER_RE = re.compile(rf"()([{_SUPERSCRIPTS}]{{1,4}})")


def _find_marker(
    number: int, text: str, pos: int = 0, sup_only: bool = False
) -> re.Match[str] | None:
    """The first marker ``number`` in ``text`` from ``pos`` (a whole run of digits);
    ``sup_only``: only superscript digits are markers.

    Found by looking for the number's digits directly and checking that they are a
    marker (a text has many runs of digits, few of them the number): the match that
    reading every marker in turn (``finditer``) would stop at."""
    wanted = str(number)
    if len(wanted) > 4:
        return None  # no marker has more than four digits
    found = _find_superscript(wanted.translate(_TO_SUPERSCRIPT), text, pos)
    if sup_only:
        return found
    end = len(text) if found is None else found.start()
    at = text.find(wanted, pos, end)
    while at != -1:
        m = _MARKER_RE.match(text, at)
        if m is not None and m.group(1) == wanted:
            return m
        at = text.find(wanted, at + 1, end)
    return found


def _find_superscript(wanted: str, text: str, pos: int) -> re.Match[str] | None:
    """The first marker ``wanted`` (superscript digits) from ``pos``: a run of superscript
    digits is read in pieces of four from its start (or from ``pos``, in the middle of one)."""
    at = text.find(wanted, pos)
    while at != -1:
        start = at
        while start > pos and text[start - 1] in _SUPERSCRIPTS:
            start -= 1
        if (at - start) % 4 == 0:
            m = _SUP_MARKER_RE.match(text, at)
            if m is not None and m.end() == at + len(wanted):
                return m
        at = text.find(wanted, at + 1)
    return None


@dataclass
class _RawFootnote:
    number: int
    text: str
    where: str  # for messages: "regel 12", "pagina 3"


def _take_footnotes(lines: list[_Line]) -> tuple[list[_Line], list[_RawFootnote]]:
    """Take footnote texts out of the line stream.

    A footnote text is a line "N text" where N is the next footnote number and the text
    read so far has a marker N glued to a word. It runs on over following lines while
    they continue it (a lower-case start, or the rest of a broken URL) and stops at a
    blank line, a page header, a section label or the next footnote.
    """
    out: list[_Line] = []
    notes: list[_RawFootnote] = []
    expected = 1
    # The text since the last marker found, as lines; the first ``searched`` of them are
    # known to hold no marker ``expected``. A marker and what it must be glued to (or
    # followed by) never cross a line end, so a search covers only the lines added since.
    pending: list[str] = []
    searched = 0

    def has_marker(number: int) -> bool:
        nonlocal searched
        joined = "\n".join(pending[searched:])
        m = _find_marker(number, joined)
        if m is None:
            searched = len(pending)
            return False
        pending[:] = [joined[m.end() :]]
        searched = 0
        return True

    i = 0
    while i < len(lines):
        ln = lines[i]
        m = _FOOTNOTE_LINE_RE.fullmatch(ln.text) if ln.kind == _TEXT else None
        if m and int(m.group(1)) == expected and has_marker(expected):
            parts = [m.group(2)]
            j = i + 1
            while j < len(lines) and lines[j].kind == _TEXT:
                nxt = lines[j].text
                if _label(nxt) or _FOOTNOTE_LINE_RE.fullmatch(nxt):
                    break
                prev = parts[-1]
                url_rest = bool(_URL_TAIL_RE.search(prev)) and " " not in nxt
                url_start = nxt.startswith(("http://", "https://", "www."))
                if not (url_rest or url_start or (_starts_lower(nxt) and not _terminal(prev))):
                    break
                parts.append(nxt)
                j += 1
            notes.append(_RawFootnote(expected, _join_footnote(parts), f"regel {ln.no}"))
            out.append(_Line("", _BREAK, ln.no))
            expected += 1
            i = j
            continue
        if ln.kind == _TEXT:
            pending.append(ln.text)
        out.append(ln)
        i += 1
    return out, notes


def _attach_footnotes(
    texts: list[dict[str, str]],
    raw_notes: list[_RawFootnote],
    warnings: list[str],
    sup_only: bool = False,
) -> list[list[Footnote]]:
    """Remove the markers from the texts, in document order; return footnotes per pilot."""
    notes: list[list[Footnote]] = [[] for _ in texts]
    queue = list(raw_notes)
    order = ("name", "achtergrond", "doel", "stand_van_zaken", "looptijd")
    for i, sec in enumerate(texts):
        for key in order:
            pos = 0
            while queue:
                note = queue[0]
                m = _find_marker(note.number, sec[key], pos, sup_only)
                if m is None:
                    break
                text = sec[key]
                sec[key] = text[: m.start()] + text[m.end() :]
                notes[i].append(Footnote(note.text, key, _anchor(sec[key][: m.start()])))
                pos = m.start()
                queue.pop(0)
    for note in queue:
        warnings.append(f"Voetnoot {note.number} ({note.where}) hoort bij geen tekst.")
    return notes


def _anchor(before: str, size: int = 30) -> str:
    line = before.rsplit("\n", 1)[-1]
    if line.startswith(BULLET):
        line = line[len(BULLET) :]
    if len(line) <= size:
        return line.strip()
    cut = line[-size:]
    if line[-size - 1] != " " and " " in cut:
        cut = cut.split(" ", 1)[1]
    return cut.strip()
