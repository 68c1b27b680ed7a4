"""Words broken over lines joined again: the Dutch hyphen rule (decided by the document's
own words first), paragraphs and list items from a section's lines, footnote texts with
broken URLs, and the names of the narrow name column."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from pilot_tui.importing.lines import (
    _BLANK,
    _LEADING_PUNCT,
    _NUM_ITEM_RE,
    _SUPERSCRIPTS,
    _TEXT,
    _bullet,
    _Line,
    _starts_lower,
    _terminal,
)
from pilot_tui.model import BULLET

_LETTERS = rf"[^\W\d_{_SUPERSCRIPTS}]+"  # a word: letters (a superscript is a reference)
_LAST_WORD_RE = re.compile(rf"({_LETTERS})-?$")
_FIRST_WORD_RE = re.compile(_LETTERS)


def _last_word(text: str) -> str:
    m = _LAST_WORD_RE.search(text)
    return m.group(1) if m else ""


def _first_word(text: str) -> str:
    m = _FIRST_WORD_RE.match(text)
    return m.group(0) if m else ""


@dataclass
class _Vocab:
    """Words of the document, to decide how a word broken at a line end is rejoined."""

    words: set[str] = field(default_factory=set)
    hyphenated: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, texts: Iterable[str]) -> _Vocab:
        vocab = cls()
        # Each distinct word once (a document repeats most of them). No word spans white
        # space, so the words are those of the distinct runs of non-space characters (far
        # fewer than the text's), lower-cased after (white space also ends the context
        # of a final sigma).
        chunks = set("\n".join(texts).split())
        for token in set(_TOKEN_RE.findall("\n".join(chunks).lower())):
            if "-" in token:
                vocab.hyphenated.add(token)
                vocab.words.update(token.split("-"))
            else:
                vocab.words.add(token)
        return vocab


_TOKEN_RE = re.compile(rf"{_LETTERS}(?:-{_LETTERS})*")
_NO_VOCAB = _Vocab()
_VOWELS = set("aeiouyáéíóúàèëïöüâêîôû")
_KEEP_SPACE_AFTER_HYPHEN = {"en", "of", "tot", "noch", "dan", "als", "dan wel", "en/of"}


def _join_hyphen(left: str, right: str, vocab: _Vocab = _NO_VOCAB) -> str:
    """Join ``left`` (ending in a hyphen) and ``right`` by the Dutch rules.

    The hyphen stays before a capital or a digit ("Rotterdam-Zuid"), after an acronym or
    a short capitalised word ("OM-strafbeschikking", "ZSM-proces", "Wrb-rechtzoekende"),
    and between two vowels that would clash ("informatie-uitwisseling"); before "en"/"of"
    it is an elision and keeps a space ("gewelds- en zedenmisdrijven"). Otherwise the
    word was a compound broken at the line end: the hyphen goes ("geschil-oplossing" ->
    "geschiloplossing"). The document itself decides first: a word it writes with a
    hyphen elsewhere ("sociaal-juridische") keeps it, one it writes joined loses it.
    """
    left = left.rstrip()
    right = right.lstrip()
    prefix = left[:-1]
    word = _last_word(prefix)
    first = right.split(" ", 1)[0].lower().rstrip(",.;:")
    nxt = right.lstrip(_LEADING_PUNCT)
    if first in _KEEP_SPACE_AFTER_HYPHEN:
        return f"{left} {right}"
    if not nxt or not word:
        return left + right
    tail = _first_word(nxt).lower()
    if tail:
        joined, hyphenated = (word + tail).lower(), f"{word}-{tail}".lower()
        if joined in vocab.words and hyphenated not in vocab.hyphenated:
            return prefix + right
        if hyphenated in vocab.hyphenated and joined not in vocab.words:
            return left + right
    keep = (
        not nxt[0].isalpha()
        or nxt[0].isupper()
        or sum(c.isupper() for c in word) >= 2
        or (word[0].isupper() and len(word) <= 4)
        or prefix[-1:].isdigit()
        or (word[-1].lower() in _VOWELS and nxt[0].lower() in _VOWELS)
    )
    return left + right if keep else prefix + right


def _join_lines(parts: Iterable[str], vocab: _Vocab = _NO_VOCAB) -> str:
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if not out:
            out = part
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha():
            out = _join_hyphen(out, part, vocab)
        elif part.startswith("-") and len(part) > 1 and part[1].isalpha() and out[-1].isalpha():
            out = _join_hyphen(out + "-", part[1:], vocab)
        else:
            out = f"{out} {part}"
    return " ".join(out.split())


_URL_TAIL_RE = re.compile(r"(?:https?://|www\.)\S*$")


def _join_footnote(parts: list[str]) -> str:
    """Footnote lines: a URL broken over lines is joined without a space."""
    out = ""
    for part in parts:
        if out and _URL_TAIL_RE.search(out) and " " not in part:
            out += part
        else:
            out = _join_lines([out, part])
    return out


# -- paragraphs ------------------------------------------------------------------------

# A line ending a sentence, followed (without a blank line) by a capital, ends its
# paragraph only when the next word would clearly have fitted on it: the line is shorter
# than the widest line of its section by more than this many characters.
_SLACK = 5


def _paragraphs(lines: list[_Line], vocab: _Vocab = _NO_VOCAB, per_line: bool = False) -> list[str]:
    """Lines of one section -> paragraphs and list items (``BULLET`` + text).

    ``per_line``: the lines are paragraphs already (the PDF reader joins a paragraph's
    lines itself, knowing where it ends on the page).
    """
    texts = [ln.text for ln in lines if ln.kind == _TEXT]
    if not texts:
        return []
    if per_line:
        out = []
        for text in texts:
            item = _bullet(text)
            out.append(text if item is None else BULLET + item)
        return out
    width = max(len(t) for t in texts)
    paras: list[tuple[str, list[str]]] = []
    blank = False
    for ln in lines:
        if ln.kind == _BLANK:
            blank = True
            continue
        if ln.kind != _TEXT:
            continue
        text = ln.text
        item = _bullet(text)
        if item is not None:
            paras.append(("li", [item]))
        elif not paras:
            paras.append(("p", [text]))
        else:
            kind, cur = paras[-1]
            prev = cur[-1]
            if _NUM_ITEM_RE.match(text) and (prev.rstrip().endswith(":") or kind == "num"):
                paras.append(("num", [text]))
            elif _continues(prev, text, blank, width):
                cur.append(text)
            else:
                paras.append(("p", [text]))
        blank = False
    out = []
    for kind, parts in paras:
        joined = _join_lines(parts, vocab)
        if not joined and kind != "li":
            continue
        out.append(BULLET + joined if kind == "li" else joined)
    return out


def _continues(prev: str, nxt: str, blank: bool, width: int) -> bool:
    p = prev.rstrip()
    if p.endswith("-") and len(p) > 1 and p[-2].isalpha():
        return True  # a word broken at the line end, even over a blank line
    lower = _starts_lower(nxt)
    term = _terminal(p)
    if blank:
        # A blank line inside a sentence (pdftotext does this in list items).
        return lower and not term
    if not term or lower:
        return True
    first = nxt.split(" ", 1)[0]
    return len(p) + 1 + len(first) >= width - _SLACK


def _join_name(lines: list[str], vocab: _Vocab = _NO_VOCAB) -> str:
    """Join the lines of the narrow name column.

    Besides the hyphen rule, the column breaks words without a hyphen: a line starting
    with a single lower-case letter continues the word before it ("Samenwerke" / "n in de
    eerste"), and so does a fragment that only forms a word of the document together with
    the end of the previous line ("Wijkrecht" / "bank").
    """
    out = ""
    for raw in lines:
        part = " ".join(raw.split())
        if not part:
            continue
        if not out:
            out = part
            continue
        if (out.endswith("-") and len(out) > 1 and out[-2].isalpha()) or (
            part.startswith("-") and len(part) > 1
        ):
            out = _join_lines([out, part], vocab)
            continue
        a = _last_word(out) if out[-1].isalpha() else ""
        b = _first_word(part)
        single = re.match(r"[a-zà-ÿ](?=\W|$)", part) is not None and part[0] not in "ua"
        if single and out[-1].isalpha():
            out += part
            continue
        if a and b and part[0].isalpha():
            whole = (a + b).lower()
            known = vocab.words
            if whole in known and (a.lower() not in known or b.lower() not in known):
                out += part
                continue
        out = f"{out} {part}"
    return " ".join(out.split())
