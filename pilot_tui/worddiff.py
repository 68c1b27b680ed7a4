"""Word-by-word differences between two texts (difflib), as runs per line.

Used by the snapshot's "changes since" section and by the history in the app's detail
pane; kept apart from the snapshot model so that the app need not load that to show a
pilot.
"""

from __future__ import annotations

import difflib
import re
from itertools import groupby
from typing import NamedTuple


class DiffOp(NamedTuple):
    op: str  # "equal" | "delete" | "insert"
    text: str  # never contains a newline


# a word with the spaces after it, a newline, or leading spaces
_TOKEN_RE = re.compile(r"[^\s]+[^\S\n]*|\n|[^\S\n]+")


def _move_trailing_spaces(ops: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pending = ""
    for op, text in ops:
        if op == "equal":
            if pending and not text[:1].isspace():
                text = pending + text
            pending = ""
            out.append((op, text))
            continue
        stripped = text.rstrip(" \t")
        if len(stripped) < len(text):
            pending = text[len(stripped) :]
        if stripped:
            out.append((op, stripped))
    return out


def word_diff(old: str, new: str) -> tuple[tuple[DiffOp, ...], ...]:
    """Word-by-word changes from ``old`` to ``new`` (difflib), split into lines."""
    a = _TOKEN_RE.findall(old)
    b = _TOKEN_RE.findall(new)
    # the common head and tail need no matching (an update often keeps most of the text)
    head = 0
    limit = min(len(a), len(b))
    while head < limit and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < limit - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    ops: list[tuple[str, str]] = []
    if head:
        ops.append(("equal", "".join(a[:head])))
    mid_a, mid_b = a[head : len(a) - tail], b[head : len(b) - tail]
    matcher = difflib.SequenceMatcher(
        None, mid_a, mid_b, autojunk=len(mid_a) * len(mid_b) > 250_000
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(("equal", "".join(mid_a[i1:i2])))
        else:
            if i2 > i1:
                ops.append(("delete", "".join(mid_a[i1:i2])))
            if j2 > j1:
                ops.append(("insert", "".join(mid_b[j1:j2])))
    if tail:
        ops.append(("equal", "".join(a[len(a) - tail :])))
    # spaces after a changed word belong to the text around it: "~~oud~~ ~~woord~~ tekst"
    ops = _move_trailing_spaces(ops)
    lines: list[list[DiffOp]] = [[]]
    for op, text in ops:
        parts = text.split("\n")
        for k, part in enumerate(parts):
            if k:
                lines.append([])
            if part:
                lines[-1].append(DiffOp(op, part))
    # merge neighbours with the same op (difflib may split them)
    merged: list[tuple[DiffOp, ...]] = []
    for line in lines:
        out: list[DiffOp] = []
        for key, same in groupby(line, key=lambda d: d.op):
            out.append(DiffOp(key, "".join(d.text for d in same)))
        merged.append(tuple(out))
    while merged and not merged[-1]:
        merged.pop()
    return tuple(merged)
