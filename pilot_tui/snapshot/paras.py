"""A pilot's texts as paragraphs and bullets, with their footnote references.

:func:`paras_of` splits a text as the model's :func:`pilot_tui.model.blocks` does, with a
reference after the text it is anchored to; :class:`Numberer` numbers the footnotes
through the document in the order they are shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from pilot_tui.model import BULLET, Footnote
from pilot_tui.snapshot.model import Note, Para, Run
from pilot_tui.text import for_document

_BULLET = BULLET.strip()
# Para and Run made as the tuples they are: their own constructors are Python functions
# (the defaults), three times the cost, for some 60,000 paragraphs of 10,000 pilots.
_new = tuple.__new__


def _plain_paras(text: str) -> tuple[Para, ...]:
    """:func:`paras_of` without references: one paragraph per non-empty line."""
    if "\n" not in text:  # the usual text: one paragraph
        stripped = text.strip()
        if not stripped:
            return ()
        if stripped.startswith(_BULLET):
            run = _new(Run, (stripped[len(_BULLET) :].strip(), None, False))
            return (_new(Para, ("li", (run,))),)
        return (_new(Para, ("p", (_new(Run, (stripped, None, False)),))),)
    out: list[Para] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith(_BULLET):
            run = _new(Run, (stripped[len(_BULLET) :].strip(), None, False))
            out.append(_new(Para, ("li", (run,))))
        else:
            out.append(_new(Para, ("p", (_new(Run, (stripped, None, False)),))))
    return tuple(out)


def paras_of(text: str, marks: Iterable[tuple[int, int]] = ()) -> tuple[Para, ...]:
    """Split ``text`` like :func:`pilot_tui.model.blocks`, with footnote references.

    ``marks`` holds (offset in ``text``, note number); a reference sits right after the
    character before that offset. References past the last paragraph go to its end.
    """
    if not marks:
        return _plain_paras(text)
    pending = sorted(marks)
    out: list[Para] = []
    bullet = _BULLET
    offset = 0
    mi = 0
    for line in text.split("\n"):
        line_end = offset + len(line)
        stripped = line.strip()
        if stripped:
            lead = offset + (len(line) - len(line.lstrip()))
            kind = "p"
            content = stripped
            content_start = lead
            if stripped.startswith(bullet):
                kind = "li"
                rest = stripped[len(bullet) :]
                content = rest.strip()
                content_start = lead + len(bullet) + (len(rest) - len(rest.lstrip()))
            runs: list[Run] = []
            pos = 0  # position in content
            while mi < len(pending) and pending[mi][0] <= line_end:
                at = min(max(pending[mi][0] - content_start, 0), len(content))
                if at > pos:
                    runs.append(Run(content[pos:at]))
                    pos = at
                runs.append(Run(note=pending[mi][1]))
                mi += 1
            if pos < len(content) or not runs:
                runs.append(Run(content[pos:]))
            out.append(Para(kind, tuple(runs)))
        elif out and mi < len(pending) and pending[mi][0] <= line_end:
            # a reference on an empty line belongs to the paragraph before it
            extra = []
            while mi < len(pending) and pending[mi][0] <= line_end:
                extra.append(Run(note=pending[mi][1]))
                mi += 1
            out[-1] = Para(out[-1].kind, out[-1].runs + tuple(extra))
        offset = line_end + 1
    if mi < len(pending):
        extra = [Run(note=n) for _, n in pending[mi:]]
        if out:
            out[-1] = Para(out[-1].kind, out[-1].runs + tuple(extra))
        else:
            out.append(Para("p", tuple(extra)))
    return tuple(out)


class Numberer:
    """The footnotes of a document, numbered from 1 in the order they are placed."""

    def __init__(self) -> None:
        self.notes: list[Note] = []

    def place(
        self, text: str, footnotes: list[Footnote], tidy: Callable[[str], str] = for_document
    ) -> list[tuple[int, int]]:
        """Number ``footnotes`` (all of one section) in text order; return their marks."""
        found: list[tuple[int, int, Footnote, bool]] = []
        for i, fn in enumerate(footnotes):
            anchor = fn.anchor.strip()
            at = text.find(anchor) if anchor else -1
            if at >= 0:
                found.append((at + len(anchor), i, fn, True))
            else:
                found.append((len(text), i, fn, False))
        found.sort(key=lambda t: (t[0], t[1]))
        marks = []
        for at, _i, fn, ok in found:
            number = len(self.notes) + 1
            self.notes.append(
                Note(number, tidy(fn.text).strip(), fn.section, tidy(fn.anchor).strip(), ok)
            )
            marks.append((at, number))
        return marks
