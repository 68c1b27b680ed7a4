"""Laying the documents at two peildata over each other, for the Word file with
revisions (:mod:`pilot_tui.snapshot.docx_track`): paragraphs as tokens, items matched in
order, the blocks of the merged document and the revisions of the spacers between tables.

Pure functions and tuples: no XML is written here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from itertools import pairwise
from typing import NamedTuple

from pilot_tui.snapshot.model import Snapshot, SnapshotPilot

# a word with the white space after it, or white space alone (a paragraph has no "\n")
_WORD_RE = re.compile(r"\S+\s*|\s+")

# A token of a paragraph: ("t", run properties, text) or ("n", "", the footnote's text).
# A paragraph holds its runs as tokens (adjacent texts with the same properties joined),
# and only when it differs between the dates is it cut into words ("t" tokens of a word
# with the spaces after it) to be diffed. Equal tokens are the same to a reader: a
# footnote is equal to one with the same text, whatever its number.
Tok = tuple[str, str, str]


class PIR(NamedTuple):
    """A paragraph as tokens, ready to be diffed and written."""

    ppr: str  # what goes inside <w:pPr> ("" for none)
    toks: tuple[Tok, ...]
    nums: tuple[int, ...]  # per token: the footnote number (in its own snapshot), else 0
    links: bool  # web addresses in the text become links (as the clean writer decides)
    field: str  # the field whose change dates its revisions


class Row(NamedTuple):
    """A row of a pilot's table, its text column: a section's label with its first
    paragraph, or a further paragraph."""

    slot: tuple[str, bool, tuple[str, ...]]  # section, first of it, the paragraphs' pPr
    paras: tuple[PIR, ...]
    keep: bool  # no page break cuts it (w:cantSplit)

    @property
    def sig(self) -> tuple[object, ...]:
        return (self.slot, tuple(p.toks for p in self.paras))


# A word token: a word with the spaces after it, as a plain string when it has no run
# properties (most words: no tuple to make), else as a "t" token.
WTok = str | Tok


def plain_pir(ppr: str, text: str, field: str, rpr: str = "", links: bool = True) -> PIR:
    """A paragraph of one text with the same run properties throughout."""
    toks: tuple[Tok, ...] = (("t", rpr, text),) if text else ()
    return PIR(ppr, toks, (0,) * len(toks), links, field)


def coarse_tokens(parts: Iterable[tuple[Tok, int]]) -> tuple[tuple[Tok, ...], tuple[int, ...]]:
    """Tokens and note numbers with adjacent texts of the same properties joined."""
    toks: list[Tok] = []
    nums: list[int] = []
    for tok, num in parts:
        if tok[0] == "t":
            if not tok[2]:
                continue
            if toks and toks[-1][0] == "t" and toks[-1][1] == tok[1]:
                toks[-1] = ("t", tok[1], toks[-1][2] + tok[2])
                continue
        toks.append(tok)
        nums.append(num)
    return tuple(toks), tuple(nums)


def word_tokens(para: PIR) -> tuple[list[WTok], list[WTok], list[int]]:
    """A paragraph's tokens cut into words: the words, the words as compared (a word at
    the end of a text as if a space followed it) and the note numbers."""
    toks: list[WTok] = []
    keys: list[WTok] = []
    nums: list[int] = []
    for tok, num in zip(para.toks, para.nums, strict=True):
        if tok[0] != "t":
            toks.append(tok)
            keys.append(tok)
            nums.append(num)
            continue
        rpr = tok[1]
        found: list[str] = _WORD_RE.findall(tok[2])
        words: list[WTok] = list(found) if not rpr else [("t", rpr, w) for w in found]
        toks += words
        nums += [0] * len(words)
        last = found[-1] if found else " "
        if last[-1].isspace():
            keys += words
        else:
            keys += words[:-1]
            keys.append(last + " " if not rpr else ("t", rpr, last + " "))
    return toks, keys, nums


def tok_text(tok: WTok) -> str:
    return tok if isinstance(tok, str) else tok[2]


def deleted_text(xml: str) -> str:
    """A run's text elements as deleted text (``w_t`` escapes the text: no markup in it)."""
    return (
        xml.replace("<w:t>", "<w:delText>")
        .replace("<w:t ", "<w:delText ")
        .replace("</w:t>", "</w:delText>")
    )


def match_pairs(
    old: Sequence[object], new: Sequence[object]
) -> list[tuple[str, int | None, int | None]]:
    """Old and new items matched in order: ("keep", i, j), ("del", i, None), ("ins", None,
    j); of a replaced stretch the deleted items come first."""
    out: list[tuple[str, int | None, int | None]] = []
    # the same start and end need no matching (most of a pilot's rows)
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    out += [("keep", k, k) for k in range(head)]
    mid_old, mid_new = old[head : len(old) - tail], new[head : len(new) - tail]
    if mid_old and mid_new:
        codes = SequenceMatcher(None, mid_old, mid_new, autojunk=False).get_opcodes()
    else:  # (only deleted or only inserted: nothing to match)
        codes = [("replace", 0, len(mid_old), 0, len(mid_new))] if mid_old or mid_new else []
    for tag, i1, i2, j1, j2 in codes:
        i1, i2, j1, j2 = i1 + head, i2 + head, j1 + head, j2 + head
        if tag == "equal":
            out += [("keep", i, j) for i, j in zip(range(i1, i2), range(j1, j2), strict=True)]
            continue
        out += [("del", i, None) for i in range(i1, i2)]
        out += [("ins", None, j) for j in range(j1, j2)]
    out += [("keep", len(old) - k, len(new) - k) for k in range(tail, 0, -1)]
    return out


class Block(NamedTuple):
    """A group heading or a pilot in the merged document."""

    tag: str  # "keep", "ins", "del"
    old: SnapshotPilot | str | None  # the pilot, or the group's title
    new: SnapshotPilot | str | None


def plan(before: Snapshot, after: Snapshot) -> list[Block]:
    """Group headings and pilots of both dates, matched in order."""

    def items(snap: Snapshot) -> list[tuple[tuple[str, str], SnapshotPilot | str]]:
        out: list[tuple[tuple[str, str], SnapshotPilot | str]] = []
        for group in snap.groups:
            if group.title:
                out.append((("g", group.title), group.title))
            out += [(("p", sp.id), sp) for sp in group.pilots]
        return out

    old = items(before)
    new = items(after)
    blocks = []
    for tag, i, j in match_pairs([k for k, _ in old], [k for k, _ in new]):
        blocks.append(
            Block(
                tag,
                old[i][1] if i is not None else None,
                new[j][1] if j is not None else None,
            )
        )
    return blocks


def spacers(blocks: Sequence[Block]) -> list[tuple[str, str]]:
    """Per block, the revision of the spacer after its table: (tag, the pilot whose
    change it is), ("", "") for none (and for a heading, which has no spacer).

    A table inserted or deleted whole takes its spacer with it. The document's last
    paragraph cannot be a revision, though: when the last blocks are inserted or
    deleted, each spacer from the last kept pilot's on takes the revision of the next
    table's, and the last spacer none (the spacers are all alike, so what is left
    after accepting or rejecting is the same)."""
    none = ("", "")
    out: list[tuple[str, str]] = []
    tables: list[int] = []
    for k, b in enumerate(blocks):
        item = b.old if b.old is not None else b.new
        if isinstance(item, str) or item is None:
            out.append(none)
            continue
        tables.append(k)
        out.append(none if b.tag == "keep" else (b.tag, item.id))
    if not tables or out[tables[-1]] == none:
        return out
    kept = [k for k in tables if blocks[k].tag == "keep"]
    if not kept or any(b.tag == "keep" for b in blocks[kept[-1] + 1 :]):
        return out  # (nothing at both dates just before them: the last mark stays)
    run = [kept[-1], *(k for k in tables if k > kept[-1])]
    shifted = out[:]
    for here, nxt in pairwise(run):
        shifted[here] = out[nxt]
    shifted[run[-1]] = none
    return shifted
