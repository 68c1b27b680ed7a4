"""Cleaning the extracted text: the text as lines (page headers, page numbers and form
feeds taken out as breaks, invisible characters gone), and the small predicates the
readers ask of a line (a section label? a sentence end? a bullet?)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pilot_tui.importing.document import OverviewError
from pilot_tui.model import SECTIONS

_TEXT, _BLANK, _BREAK = "text", "blank", "break"  # _BREAK: page header, form feed, footnote


@dataclass(slots=True)  # hundreds of thousands of them in a big document
class _Line:
    text: str
    kind: str
    no: int  # 1-based line number in the source, for warnings


_HEADER_RE = re.compile(r"pilot\s+(?:toelichting|stand\s+van\s+zaken)\s*", re.I)
_PAGE_RE = re.compile(r"(?:pagina|blz\.?)\s*\d+(?:\s*(?:van|/)\s*\d+)?", re.I)
_BULLETS = "●•\uf0b7\uf0a7▪◦○∙·‣⁃"
_BULLET_RE = re.compile(f"[{_BULLETS}]\\s*")
_TRANSLATE = str.maketrans(
    {
        "\xa0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\t": " ",
        "\xad": None,  # soft hyphen
        "ĳ": "ij",
        "Ĳ": "IJ",
        "ﬁ": "fi",
        "ﬂ": "fl",
        "ﬀ": "ff",
    }
)
_JUNK_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_INVISIBLE_RE = re.compile("[\x80-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


# White space other than a space, a line end or a form feed, after the mappings above
# (no-break spaces, tabs) and the junk (vertical tab, separators) have made most of it
# spaces: the rare wide spaces and line/paragraph separators that ``str.split`` also
# splits on.
_OTHER_SPACE_RE = re.compile(r"[^\S \n\f]+")
# Any character the cleaning below changes: most texts have none, and one search then
# spares the passes over the whole text.
_CLEAN_RE = re.compile(
    "[\r"
    + "".join(re.escape(chr(char)) for char in _TRANSLATE)
    + _INVISIBLE_RE.pattern[1:-1]
    + _JUNK_RE.pattern[1:-1]
    + "\u1680\u2000-\u200a\u2028\u2029\u205f\u3000]"
)
_BREAK_START = frozenset("pPbB")  # the first letter of every page header and page number


def _clean(text: str) -> str:
    """The text with only line ends, form feeds and spaces as white space; no invisible
    characters, no junk (as spaces), the mappings of ``_TRANSLATE`` applied."""
    if _CLEAN_RE.search(text) is None:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # str.translate with a dict is slow on large texts: only apply the few mappings
    # whose characters actually occur.
    for char, replacement in _TRANSLATE.items():
        ch = chr(char)
        if ch in text:
            text = text.replace(ch, replacement or "")
    text = _INVISIBLE_RE.sub("", text)
    if _JUNK_RE.search(text):
        text = _JUNK_RE.sub(" ", text)
    if _OTHER_SPACE_RE.search(text):
        text = _OTHER_SPACE_RE.sub(" ", text)
    return text


def _lines(text: str) -> list[_Line]:
    # The whole text is cleaned first (C speed); per line only what must be: its white
    # space collapsed and the test for a page header or number.
    text = _clean(text)
    out: list[_Line] = []
    append = out.append
    for no, raw in enumerate(text.split("\n"), start=1):
        if "\f" in raw:
            for i, part in enumerate(raw.split("\f")):
                if i:
                    append(_Line("", _BREAK, no))  # a form feed is a page break
                s = " ".join(part.split())
                if s:
                    append(_Line("", _BREAK, no) if _is_break(s) else _Line(s, _TEXT, no))
            continue
        s = raw.strip(" ")
        if not s:
            append(_Line("", _BLANK, no))
            continue
        if "  " in s:
            s = " ".join(s.split())
        if s[0] in _BREAK_START and _is_break(s):
            append(_Line("", _BREAK, no))
        else:
            append(_Line(s, _TEXT, no))
    return out


def _is_break(s: str) -> bool:
    """A page header or page number (white space collapsed)."""
    return bool(_HEADER_RE.fullmatch(s) or _PAGE_RE.fullmatch(s))


def _check_text(text: str) -> None:
    if not isinstance(text, str) or not text.strip():
        raise OverviewError("Het bestand is leeg.")
    if "\x00" in text:
        raise OverviewError("Dit is geen tekstbestand (binaire inhoud).")
    if _JUNK_RE.search(text) and len(_JUNK_RE.findall(text)) > max(3, len(text) // 50):
        raise OverviewError("Dit is geen tekstbestand (binaire inhoud).")


# -- small text predicates -------------------------------------------------------------

_SECTIONS = SECTIONS[1:]  # the blocks of a pilot, in the order the document has them
_ORDER = {name: i for i, name in enumerate(_SECTIONS)}
# A label; "Stand van zaken (per 1 december 2021)" is how a snapshot labels a text kept
# from an earlier peildatum.
_LABEL_RE = re.compile(
    r"(achtergrond|doel|stand\s+van\s+zaken|looptijd|doorlooptijd)"
    r"(?:\s*\(per\s+[^()]{1,40}\))?\s*(?::\s*(.*))?",
    re.I,
)
_GLUED_RE = re.compile(r"(.{1,50}?)\s+Achtergrond\s*:?")
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_CLOSERS = "\"”’')]"  # closing quotes and brackets
_TERMINAL_RE = re.compile(
    rf"(?:[.!?:;]|[.!?]\d{{1,4}}|[.!?:;][\"”’')\]]*[{_SUPERSCRIPTS}]{{1,4}})[\"”’')\]]*$"
)
_NUM_ITEM_RE = re.compile(r"\d{1,2}[.)]\s+[A-ZÀ-Ý]")
_LEADING_PUNCT = "([‘“\"'«"


def _label(text: str) -> tuple[str, str, str] | None:
    """(field, label as written, rest of the line) for a section label line."""
    m = _LABEL_RE.fullmatch(text)
    if m is None:
        return None
    word = " ".join(m.group(1).split())
    key = word.casefold()
    if key in ("looptijd", "doorlooptijd"):
        return "looptijd", word[0].upper() + word[1:].lower(), m.group(2) or ""
    return key.replace(" ", "_"), word, m.group(2) or ""


def _starts_lower(text: str) -> bool:
    s = text.lstrip(_LEADING_PUNCT)
    return bool(s) and s[0].islower()


def _terminal(text: str) -> bool:
    t = text.rstrip()
    # A match ends the text: a sentence end, then at most four digits, or closers and a
    # superscript reference, then closers. Searching the whole line for it tries every
    # position; only the tail can hold its start.
    u = t.rstrip(_CLOSERS)
    w = u.rstrip(_SUPERSCRIPTS).rstrip(_CLOSERS)
    return bool(_TERMINAL_RE.search(t, max(0, min(len(w) - 1, len(u) - 5))))


def _bullet(text: str) -> str | None:
    if not text or text[0] not in _BULLETS:
        return None  # the pattern's first character (a test far cheaper than a match)
    m = _BULLET_RE.match(text)
    if m is None:
        return None
    return text[m.end() :].strip()


# The title line of an overview.
_TITLE_RE = re.compile(r"peildatum|stand\s+van\s+zaken\s+pilots", re.I)
