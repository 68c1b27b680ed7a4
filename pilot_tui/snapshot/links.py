"""Web addresses in a text, for the renderers that make them real links (docx, html, md).

An address starts with ``http://`` or ``https://`` (in any case) or ``www.`` and runs to
the next white space (or ``<``, ``>``, ``"``, a backslash); punctuation that ends the sentence is not
part of it, nor is a closing bracket without its opening one ("(zie www.x.nl)"). Only
these schemes are linked: a text can never make a ``javascript:`` or ``file:`` link.
The text itself is never changed: a renderer shows the address exactly as written and
links it to :attr:`Piece.href` (``www.x.nl`` links to ``https://www.x.nl``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

_URL_RE = re.compile(r"(?:[hH][tT][tT][pP][sS]?://|www\.)[^\s<>\"\\]+")
_TRAILING = ".,;:!?'’”»"
_CLOSING = {")": "(", "]": "[", "}": "{"}


class Piece(NamedTuple):
    text: str
    href: str | None = None  # the link target when ``text`` is an address


def has_link(text: str) -> bool:
    """Whether ``text`` may hold an address (a quick look; :func:`pieces` decides).

    Once per pilot and format, so it is kept cheap: looking for one character ("/") is a
    tenth of the cost of looking for "://", and most texts have no slash."""
    return "www." in text or ("/" in text and "://" in text)


def _trim(url: str) -> str:
    while url:
        last = url[-1]
        unopened = last in _CLOSING and url.count(_CLOSING[last]) < url.count(last)
        if last not in _TRAILING and not unopened:
            break
        url = url[:-1]
    return url


def pieces(text: str) -> list[Piece]:
    """``text`` cut into plain pieces and addresses, in order; joined they are ``text``."""
    out: list[Piece] = []
    pos = 0
    for m in _URL_RE.finditer(text):
        url = _trim(m.group())
        if "." not in url.split("//", 1)[-1].strip("."):
            continue  # "http://" or "www." alone: no address
        if m.start() > pos:
            out.append(Piece(text[pos : m.start()]))
        href = url if "://" in url[:8] else f"https://{url}"
        out.append(Piece(url, href))
        pos = m.start() + len(url)
    if pos < len(text):
        out.append(Piece(text[pos:]))
    return out
