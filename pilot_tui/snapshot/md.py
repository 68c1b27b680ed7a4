"""Snapshot -> CommonMark.

Text from the register is escaped so that it can never become markup: every character
CommonMark gives a meaning inline is backslash-escaped, and so is anything at the start
of a line that would open a block (heading, list, quote, code, thematic break). Our own
markup is headings, emphasis, lists, ``<sup>`` for footnote references, links for web
addresses in texts and notes (:func:`linked`) and, in the changes, ``~~deleted~~`` /
``**inserted**``.
"""

from __future__ import annotations

import functools
import re

from pilot_tui.snapshot.links import has_link, pieces
from pilot_tui.snapshot.model import (
    Changes,
    DiffOp,
    Para,
    Snapshot,
    SnapshotPilot,
    Summary,
)

# Inline punctuation with a meaning somewhere in CommonMark (or GFM: ~ and |).
_INLINE_RE = re.compile(r"[\\`*_\[\]<>&~|!#]")
# Line starts that open a block: "-", "+", "=", ">", "#" and "1." / "1)".
_BLOCK_START_RE = re.compile(r"^([-+=>#]|\d{1,9}(?=[.)]))")
# Line breaks inside a text (with the spaces around them) become one space.
_BREAK_RE = re.compile(r"[ \t]*[\r\n][ \t\r\n]*")
# The characters _INLINE_RE and _BLOCK_START_RE look for (first characters for the latter).
_INLINE_BYTES = b"\\`*_[]<>&~|!#"
_BLOCK_FIRST = frozenset("-+=>#0123456789")


def has_inline_markup(text: str) -> bool:
    """Whether ``text`` has a character that :func:`esc` escapes inside a line.

    For a whole pilot at once: deleting those characters from the UTF-8 bytes and
    comparing lengths is about four times faster than searching with _INLINE_RE (they are
    ASCII, and no byte of a multi-byte UTF-8 character is ASCII)."""
    raw = text.encode("utf-8", "surrogatepass")
    return len(raw.translate(None, _INLINE_BYTES)) != len(raw)


def _backslash(m: re.Match[str]) -> str:
    return "\\" + m.group()


def esc(text: str, start: bool = True, inline: bool = True) -> str:
    """Plain text as CommonMark inline content that renders as exactly that text.

    Line breaks become a space (tabs and double spaces are harmless inside a line). With
    ``start`` the text is taken to begin a line, so a block opener at its start is
    escaped as well. ``inline=False`` skips the search for inline markup: the caller
    knows there is none (:func:`has_inline_markup`).
    """
    # test first: most texts need no change, and a scan is much cheaper than a rewrite
    if "\n" in text or "\r" in text:
        text = _BREAK_RE.sub(" ", text)
    if inline and _INLINE_RE.search(text):
        text = _INLINE_RE.sub(_backslash, text)
    if not start:
        return text
    lead = text.lstrip()
    m = _BLOCK_START_RE.match(lead) if lead[:1] in _BLOCK_FIRST else None
    if m:
        text = lead
        if m.group(1)[0].isdigit():
            # "2021. Tekst" would start an ordered list: escape the dot or bracket
            end = m.end()
            text = text[:end] + "\\" + text[end:]
        else:
            text = "\\" + text
    return text


def linked(text: str, start: bool = True, inline: bool = True) -> str:
    """:func:`esc`, with web addresses as links: ``<https://…>`` as written, or
    ``[www.…](<https://www.…>)`` (see pilot_tui.snapshot.links)."""
    if not has_link(text):
        return esc(text, start=start, inline=inline)
    out: list[str] = []
    for piece in pieces(text):
        if piece.href is None:
            out.append(esc(piece.text, start=start and not out, inline=inline))
        elif piece.href == piece.text:
            out.append(f"<{piece.href}>")
        else:
            out.append(f"[{esc(piece.text, start=False)}](<{piece.href}>)")
    return "".join(out)


def _runs(para: Para, inline: bool = True, links: bool = True) -> str:
    if len(para.runs) == 1 and para.runs[0].note is None and not para.runs[0].italic:
        text = para.runs[0].text  # the usual paragraph
        if links:
            return linked(text, inline=inline).strip()
        return esc(text, inline=inline).strip()
    out: list[str] = []
    for run in para.runs:
        if run.note is not None:
            out.append(f"<sup>{run.note}</sup>")
        elif run.italic:
            out.append(f"*{esc(run.text.strip())}*")
        elif links:
            out.append(linked(run.text, start=not out, inline=inline))
        else:
            out.append(esc(run.text, start=not out, inline=inline))
    return "".join(out).strip()


def _paras(
    paras: tuple[Para, ...], out: list[str], inline: bool = True, links: bool = True
) -> None:
    prev = ""
    for para in paras:
        line = _runs(para, inline, links)
        if para.kind == "li":
            out.append(f"- {line}")
        else:
            if prev == "li":
                out.append("")
            out.append(line)
            out.append("")
        prev = para.kind
    if prev == "li":
        out.append("")


def _summary(summary: Summary, out: list[str]) -> None:
    out += [f"## {esc(summary.title)}", "", esc(summary.intro), ""]
    out += ["| Klasse | Aantal |", "| --- | ---: |"]
    for c in summary.counts:
        out.append(f"| {esc(c.label)} | {c.count} |")
    out += [f"| niet bijgewerkt | {summary.niet_bijgewerkt} |", ""]
    for lst in summary.lists:
        out += [f"### {esc(lst.title)}", ""]
        if not lst.items:
            out += [esc(summary.empty_text), ""]
            continue
        for item in lst.items:
            out.append(f"- **{esc(item.name)}** – {esc(item.detail)}")
        out.append("")


def _diff_line(ops: tuple[DiffOp, ...]) -> str:
    parts: list[str] = []
    for op in ops:
        text = op.text
        if op.op == "equal":
            parts.append(esc(text, start=not parts))
            continue
        lead = " " if text[:1].isspace() else ""
        trail = " " if text[-1:].isspace() else ""
        inner = esc(text.strip(), start=False)
        if not inner:
            parts.append(lead or trail)
            continue
        mark = "~~" if op.op == "delete" else "**"
        if parts and parts[-1].endswith("~~") and op.op == "insert" and not lead:
            lead = " "  # "~~oud~~ **nieuw**"
        parts.append(f"{lead}{mark}{inner}{mark}{trail}")
    line = "".join(parts)
    return re.sub(r" {2,}", " ", line).strip()


def _changes(changes: Changes, out: list[str]) -> None:
    out += [f"## {esc(changes.title)}", ""]
    empty = esc(changes.empty_text)

    out += ["### Nieuwe pilots", ""]
    out += [f"- {esc(r.name)}" for r in changes.new] or [empty]
    if changes.removed:
        out += ["", "### Verwijderde pilots", ""]
        out += [f"- {esc(r.name)}" for r in changes.removed]
    if changes.renamed:
        out += ["", "### Nieuwe namen", ""]
        out += [f"- {esc(c.pilot.name)} ({esc(c.text)})" for c in changes.renamed]
    out += ["", "### Afgesloten pilots", ""]
    out += [f"- {esc(c.pilot.name)} ({esc(c.text)})" for c in changes.closed] or [empty]
    out += ["", "### Statuswijzigingen", ""]
    out += [f"- {esc(c.pilot.name)}: {esc(c.text)}" for c in changes.status] or [empty]
    out += ["", "### Gewijzigde looptijd", ""]
    for lc in changes.looptijd:
        shift = f" – einde {esc(lc.shift_text)}" if lc.shift_text else ""
        out.append(f"- {esc(lc.pilot.name)}: ~~{esc(lc.old)}~~ → **{esc(lc.new)}**{shift}")
    if not changes.looptijd:
        out.append(empty)
    out += ["", "### Bijgewerkte stand van zaken", ""]
    if not changes.texts:
        out += [empty, ""]
    for tc in changes.texts:
        out += [f"#### {esc(tc.pilot.name)}", ""]
        for ops in tc.lines:
            line = _diff_line(ops)
            if line:
                out += [line, ""]
    if changes.kept:
        out += ["### Stand van zaken ongewijzigd", ""]
        out += [f"- {esc(r.name)}" for r in changes.kept]
        out.append("")
    if changes.fields:
        out += ["### Overige wijzigingen", ""]
        for fc in changes.fields:
            out += [f"#### {esc(fc.pilot.name)}: {esc(fc.label)}", ""]
            for ops in fc.lines:
                line = _diff_line(ops)
                if line:
                    out += [line, ""]


@functools.lru_cache(maxsize=64)
def _label(label: str) -> str:
    """A section's heading line; a handful of labels, each escaped once."""
    return f"**{esc(label)}**"


def _pilot(p: SnapshotPilot, level: str, out: list[str]) -> None:
    refs = "".join(f"<sup>{n}</sup>" for n in p.name_notes)
    lines = [f"{level} {esc(p.display_name)}{refs}", ""]
    # one look at all the pilot's texts (their paragraphs are cut from them)
    texts = "".join(section.text for section in p.sections)
    inline = has_inline_markup(texts)
    links = has_link(texts)
    for section in p.sections:
        lines += [_label(section.label), ""]
        _paras(section.paras, lines, inline, links)
    # the pilot as one string (its blank lines at the end kept apart, for render to
    # drop at the end of the document): a few long strings are encoded much faster
    # than hundreds of thousands of lines
    blank = 0
    while blank < len(lines) and lines[-1 - blank] == "":
        blank += 1
    out.append("\n".join(lines[: len(lines) - blank]))
    out += [""] * blank


def render(snapshot: Snapshot) -> bytes:
    out: list[str] = [f"# {esc(snapshot.title)}", ""]
    _paras(snapshot.intro_paras, out)
    if snapshot.summary is not None:
        _summary(snapshot.summary, out)
    if snapshot.changes is not None:
        _changes(snapshot.changes, out)
    out += [f"## {esc(snapshot.pilots_title)}", ""]
    for group in snapshot.groups:
        level = "###"
        if group.title:
            out += [f"### {esc(group.title)}", ""]
            level = "####"
        for p in group.pilots:
            _pilot(p, level, out)
    if snapshot.notes:
        out += [f"## {esc(snapshot.notes_title)}", ""]
        for note in snapshot.notes:
            out.append(f"{note.number}. {linked(note.text)}")
        out.append("")
    while out and out[-1] == "":
        out.pop()
    out.append("")  # the final line end, without copying the whole text once more
    # encoded piece by piece (a pilot is one piece): joining first would widen every
    # line to the widest character of the document, and encode that copy once more
    # (a third slower)
    return b"\n".join(map(str.encode, out))
