"""Word-by-word differences between two texts (difflib), as runs per line.

Used by the snapshot's "changes since" section and by the history in the app's detail
pane; kept apart from the snapshot model so that the app need not load that to show a
pilot.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Hashable, Sequence
from itertools import pairwise
from typing import Any, NamedTuple


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


def _common_head(a: list[Any], b: list[Any]) -> int:
    """The number of equal leading tokens: a binary search with list comparisons (each in
    C), not a Python loop over the tokens."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_tail(a: list[Any], b: list[Any], limit: int) -> int:
    """The number of equal trailing tokens, at most ``limit``."""
    lo, hi = 0, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid :] == b[len(b) - mid :]:
            lo = mid
        else:
            hi = mid - 1
    return lo


# Texts that share fewer word pairs than this (of the shorter text's pairs) are rewritten,
# not edited: a word diff of them would keep scattered "de" and "van" between long
# deletions and insertions, which nobody can read (and it is difflib's slowest case).
REWRITTEN = 0.25
MIN_WORDS = 8  # shorter changes are always diffed word by word


def _rewritten(a: list[Any], b: list[Any]) -> bool:
    if len(a) < MIN_WORDS or len(b) < MIN_WORDS:
        return False
    pairs_a = set(pairwise(a))
    pairs_b = set(pairwise(b))
    return len(pairs_a & pairs_b) < REWRITTEN * min(len(pairs_a), len(pairs_b))


def opcodes(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple[str, int, int, int, int]]:
    """How to turn token list ``a`` into ``b``: ("equal" | "delete" | "insert", i1, i2, j1,
    j2) in order, as difflib's opcodes but with a replacement as a delete followed by an
    insert. The policy of :func:`word_diff`: the common head and tail first, and a middle
    that was rewritten rather than edited (see REWRITTEN) goes as a whole. Tokens are any
    hashable values (words, or words with their formatting)."""
    a = a if isinstance(a, list) else list(a)
    b = b if isinstance(b, list) else list(b)
    # the common head and tail need no matching (an update often keeps most of the text)
    head = _common_head(a, b)
    tail = _common_tail(a, b, min(len(a), len(b)) - head)
    out: list[tuple[str, int, int, int, int]] = []
    if head:
        out.append(("equal", 0, head, 0, head))
    end_a, end_b = len(a) - tail, len(b) - tail
    mid_a, mid_b = a[head:end_a], b[head:end_b]
    if _rewritten(mid_a, mid_b):
        if mid_a:
            out.append(("delete", head, end_a, head, head))
        if mid_b:
            out.append(("insert", end_a, end_a, head, end_b))
    else:
        matcher = difflib.SequenceMatcher(
            None, mid_a, mid_b, autojunk=len(mid_a) * len(mid_b) > 250_000
        )
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            i1, i2, j1, j2 = i1 + head, i2 + head, j1 + head, j2 + head
            if tag == "equal":
                out.append(("equal", i1, i2, j1, j2))
                continue
            if i2 > i1:
                out.append(("delete", i1, i2, j1, j1))
            if j2 > j1:
                out.append(("insert", i2, i2, j1, j2))
    if tail:
        out.append(("equal", end_a, len(a), end_b, len(b)))
    return out


def word_diff(old: str, new: str) -> tuple[tuple[DiffOp, ...], ...]:
    """Word-by-word changes from ``old`` to ``new`` (difflib), split into lines.

    A text that was rewritten rather than edited (see REWRITTEN) shows as the old text
    deleted and the new one inserted, around the words they start and end with in common.
    """
    a = _TOKEN_RE.findall(old)
    b = _TOKEN_RE.findall(new)
    ops: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in opcodes(a, b):
        ops.append((tag, "".join(b[j1:j2] if tag == "insert" else a[i1:i2])))
    # spaces after a changed word belong to the text around it: "~~oud~~ ~~woord~~ tekst"
    ops = _move_trailing_spaces(ops)
    lines: list[list[DiffOp]] = [[]]
    for op, text in ops:
        parts = text.split("\n")
        for k, part in enumerate(parts):
            if k:
                lines.append([])
            if part:  # (difflib separates changes by equal runs: neighbours differ)
                lines[-1].append(DiffOp(op, part))
    while lines and not lines[-1]:
        lines.pop()
    return tuple(tuple(line) for line in lines)
