"""Finding the pilots and their sections: the lines cut into a preamble (title, intro)
and per pilot its name lines and its sections (achtergrond, doel, stand van zaken,
looptijd), also where a name is glued to a label or a label is missing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pilot_tui.importing.joining import _paragraphs
from pilot_tui.importing.lines import (
    _BLANK,
    _BREAK,
    _GLUED_RE,
    _ORDER,
    _SECTIONS,
    _TEXT,
    _TITLE_RE,
    _bullet,
    _label,
    _Line,
    _starts_lower,
    _terminal,
)


@dataclass
class _RawPilot:
    name_lines: list[str]
    no: int
    sections: dict[str, list[_Line]] = field(default_factory=dict)
    looptijd_label: str = "Looptijd"


def _is_name_line(text: str) -> bool:
    """A short line of the narrow name column (after a label glued to the name)."""
    return len(text) <= 40 and not re.search(r"[.!?][\"”’')]*$", text) and _bullet(text) is None


def _split_looptijd(lines: list[_Line]) -> tuple[list[_Line], list[str]]:
    """Split the lines after a Looptijd label into the looptijd and the next pilot's name.

    The looptijd is its first line plus the lines that directly follow it; after a blank
    line nothing belongs to it, after a page header only a lower-case continuation of an
    unfinished sentence.
    """
    first = next((i for i, ln in enumerate(lines) if ln.kind == _TEXT), None)
    if first is None:
        return [], []
    last = first
    seen_break = False
    j = first + 1
    while j < len(lines):
        ln = lines[j]
        if ln.kind == _BLANK:
            break
        if ln.kind == _BREAK:
            seen_break = True
        else:
            prev = lines[last].text
            if seen_break and not (_starts_lower(ln.text) and not _terminal(prev)):
                break
            last = j
        j += 1
    rest = [ln.text for ln in lines[last + 1 :] if ln.kind == _TEXT]
    return lines[first : last + 1], rest


def _split_tail(lines: list[_Line]) -> tuple[list[_Line], list[str]]:
    """A pilot without looptijd: the next name is the last block of short lines."""
    idx = [i for i, ln in enumerate(lines) if ln.kind == _BLANK]
    start = idx[-1] + 1 if idx else 0
    tail = [ln.text for ln in lines[start:] if ln.kind == _TEXT]
    if tail and start > 0 and all(len(t) <= 60 for t in tail):
        return lines[:start], tail
    return lines, []


@dataclass
class _Preamble:
    title: str = ""
    intro: str = ""
    name_lines: list[str] = field(default_factory=list)


def _split_preamble(lines: list[_Line], glued: bool = False, per_line: bool = False) -> _Preamble:
    if glued:
        # The name starts on the label line itself: only lines right above it (no blank
        # line between) belong to it.
        blanks = [i for i, ln in enumerate(lines) if ln.kind == _BLANK]
        start = blanks[-1] + 1 if blanks else 0
        pre = _split_preamble(lines[:start])
        if pre.name_lines:
            pre.intro = "\n".join(filter(None, [pre.intro, " ".join(pre.name_lines)]))
        pre.name_lines = [ln.text for ln in lines[start:] if ln.kind == _TEXT]
        return pre
    blocks: list[list[_Line]] = [[]]
    for ln in lines:
        if ln.kind == _BLANK:
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append(ln)
    blocks = [b for b in blocks if any(ln.kind == _TEXT for ln in b)]
    pre = _Preamble()
    if not blocks:
        return pre
    last = blocks.pop()
    # The name block may follow the intro without a blank line, after a page header.
    cut = 0
    for i, ln in enumerate(last):
        if ln.kind == _BREAK and i and any(x.kind == _TEXT for x in last[:i]):
            before = [x.text for x in last[:i] if x.kind == _TEXT]
            if _terminal(before[-1]):
                cut = i
    if cut:
        blocks.append(last[:cut])
        last = last[cut:]
    pre.name_lines = [ln.text for ln in last if ln.kind == _TEXT]
    if blocks and _TITLE_RE.search(" ".join(ln.text for ln in blocks[0] if ln.kind == _TEXT)):
        pre.title = " ".join(ln.text for ln in blocks.pop(0) if ln.kind == _TEXT)
    intro: list[str] = []
    for b in blocks:
        intro.extend(_paragraphs(b, per_line=per_line))
    pre.intro = "\n".join(intro)
    return pre


def _segment(
    lines: list[_Line], warnings: list[str], per_line: bool = False
) -> tuple[_Preamble, list[_RawPilot]]:
    """Lines -> the preamble (title, intro) and the pilots' raw sections. ``per_line``:
    a name is never glued to a label (the PDF reader writes it on lines of its own)."""
    pre_lines: list[_Line] = []
    raws: list[_RawPilot] = []
    cur: _RawPilot | None = None
    state = ""
    name_cont = False
    preamble = _Preamble()

    for ln in lines:
        if ln.kind == _TEXT:
            lab = _label(ln.text)
            glued: str | None = None
            if (
                lab is None
                and not per_line
                and (cur is None or state in ("stand_van_zaken", "looptijd"))
            ):
                g = _GLUED_RE.fullmatch(ln.text)
                if g is not None and _label(g.group(1)) is None:
                    glued = g.group(1)
                    lab = ("achtergrond", "Achtergrond", "")
            if lab is not None:
                key, word, rest = lab
                if cur is None or _ORDER[key] <= _ORDER[state]:
                    if cur is None:
                        preamble = _split_preamble(pre_lines, glued is not None, per_line)
                        name = preamble.name_lines
                    elif state == "looptijd":
                        cur.sections[state], name = _split_looptijd(cur.sections[state])
                    else:
                        cur.sections[state], name = _split_tail(cur.sections[state])
                    if glued:
                        name = [*name, glued]
                    cur = _RawPilot(name_lines=list(name), no=ln.no)
                    raws.append(cur)
                    name_cont = glued is not None
                    if key != "achtergrond":
                        warnings.append(
                            f"Regel {ln.no}: pilot zonder kopje Achtergrond (begint met {word})."
                        )
                        # Text without its label: the lines after the name are achtergrond.
                        cut = next(
                            (i for i, t in enumerate(name) if len(t) > 100 or _terminal(t)),
                            len(name),
                        )
                        if cut < len(name):
                            cur.name_lines = name[:cut]
                            cur.sections["achtergrond"] = [
                                _Line(t, _TEXT, ln.no) for t in name[cut:]
                            ]
                elif _ORDER[key] > _ORDER[state] + 1:
                    missing = _SECTIONS[_ORDER[state] + 1].replace("_", " ")
                    warnings.append(f"Regel {ln.no}: kopje '{missing}' ontbreekt.")
                state = key
                cur.sections[key] = []
                if key == "looptijd":
                    cur.looptijd_label = word
                if rest:
                    cur.sections[key].append(_Line(rest, _TEXT, ln.no))
                continue
            if name_cont and cur is not None:
                if _is_name_line(ln.text):
                    cur.name_lines.append(ln.text)
                    continue
                name_cont = False
        elif ln.kind == _BLANK:
            name_cont = False
        if cur is None:
            pre_lines.append(ln)
        else:
            cur.sections[state].append(ln)

    if cur is not None:
        if state == "looptijd":
            cur.sections[state], tail = _split_looptijd(cur.sections[state])
        else:
            cur.sections[state], tail = _split_tail(cur.sections[state])
        if tail:
            shown = " ".join(tail)
            shown = shown if len(shown) <= 60 else shown[:57] + "…"
            warnings.append(f"Tekst na de laatste pilot genegeerd: '{shown}'.")
    return preamble, raws
