"""A long text as paragraphs and list items (see the package docstring)."""

from __future__ import annotations

from dataclasses import dataclass

from pilot_tui.model.values import BULLET


@dataclass(frozen=True)
class Block:
    kind: str  # "p" for a paragraph, "li" for a list item
    text: str


def blocks(text: str) -> list[Block]:
    """Split a long text into paragraphs and bullet items (see module docstring)."""
    out: list[Block] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if line.startswith(BULLET.strip()):
            out.append(Block("li", line[len(BULLET.strip()) :].strip()))
        else:
            out.append(Block("p", line))
    return out
