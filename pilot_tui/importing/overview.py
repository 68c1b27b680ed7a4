"""Overview text (as extracted from its PDF) -> pilots.

The source is the "Stand van zaken pilots – peildatum …" overview as ``pdftotext`` gives it:
a two-column table (pilot name | toelichting) flattened into lines. What this module copes
with, and how (the heuristics are documented where they live):

* table headers repeated at page breaks ("Pilot Toelichting", "Pilot Stand van zaken"),
  form feeds and page-bottom footnotes, anywhere, also in the middle of a paragraph or a
  name: they are taken out of the line stream first;
* names broken over many short lines, interleaved with the first section label
  ("Online Achtergrond" … "keuzehulp" … "bij scheiden") and broken inside words
  ("Samenwerke" / "n in de eerste" / "lijn");
* paragraphs broken mid-sentence (joined with a space), hyphenated line ends (rejoined by
  a Dutch hyphen rule), bullets of several kinds (stored as ``model.BULLET`` items), list
  items broken over blank lines;
* footnote markers glued to the text ("zomer van 2021.1 Op basis") and their texts at the
  page bottom: the marker is removed and a :class:`~pilot_tui.model.Footnote` attached.

Two steps: :func:`read_overview_text` reads the text into an :class:`OverviewDocument`
(title, intro, and per pilot its name, texts and footnotes, as the document shows them);
:func:`build_register` makes a register of it (status, programma and gemeente inferred from
the texts, the peildatum from the title). The Word reader makes an :class:`OverviewDocument`
from the file's structure; the PDF reader writes the text with each paragraph on one line
(``per_line``) and footnote references as superscript digits ("2021.¹"), which are markers
after any character.

No I/O, no textual or rich: :func:`pilot_tui.importing.read_overview` reads the file, and
:func:`merge` puts the result into the register.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from pilot_tui.changes import set_fields
from pilot_tui.model import (
    BULLET,
    VERSIONED,
    AuditEntry,
    Footnote,
    HistoryEntry,
    Past,
    Pilot,
    Register,
    Status,
    slugify,
)
from pilot_tui.periods import MAX_YEAR, MIN_YEAR, format_date
from pilot_tui.snapshot.model import NO_ENTRY, ZAKEN
from pilot_tui.text import normalise

__all__ = [
    "ImportResult",
    "MergeError",
    "MergeReport",
    "OverviewDocument",
    "OverviewError",
    "OverviewPilot",
    "build_register",
    "merge",
    "parse_overview",
    "read_overview_text",
]

SUBSIDIEREGELING = "Subsidieregeling € 10 miljoen (Raad voor Rechtsbijstand)"
DIVOSA = "Divosa"


class OverviewError(ValueError):
    """The text is not a "Stand van zaken pilots" overview (Dutch, one line)."""


class MergeError(OverviewError):
    """An import that would change what an earlier round showed; one Dutch line."""


@dataclass
class ImportResult:
    register: Register
    warnings: list[str] = field(default_factory=list)


@dataclass
class MergeReport:
    nieuw: list[str] = field(default_factory=list)
    bijgewerkt: list[str] = field(default_factory=list)
    ongewijzigd: list[str] = field(default_factory=list)
    niet_in_document: list[str] = field(default_factory=list)
    verwijderd: list[str] = field(default_factory=list)  # in the document, retired here

    def summary(self) -> str:
        text = (
            f"{len(self.nieuw)} nieuw · {len(self.bijgewerkt)} bijgewerkt · "
            f"{len(self.ongewijzigd)} ongewijzigd · "
            f"{len(self.niet_in_document)} niet in het document"
        )
        if self.verwijderd:
            text += (
                f" · {len(self.verwijderd)} verwijderd in het register en niet teruggezet "
                f"({'; '.join(self.verwijderd)})"
            )
        return text


# -- lines ---------------------------------------------------------------------------

_TEXT, _BLANK, _BREAK = "text", "blank", "break"  # _BREAK: page header, form feed, footnote


@dataclass
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


def _lines(text: str) -> list[_Line]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # str.translate with a dict is slow on large texts: only apply the few mappings
    # whose characters actually occur.
    for char, replacement in _TRANSLATE.items():
        ch = chr(char)
        if ch in text:
            text = text.replace(ch, replacement or "")
    text = _INVISIBLE_RE.sub("", text)
    out: list[_Line] = []
    for no, raw in enumerate(text.split("\n"), start=1):
        parts = raw.split("\f")
        for i, part in enumerate(parts):
            if i:
                out.append(_Line("", _BREAK, no))  # a form feed is a page break
            s = " ".join(_JUNK_RE.sub(" ", part).split())
            if not s:
                if len(parts) == 1:
                    out.append(_Line("", _BLANK, no))
            elif _HEADER_RE.fullmatch(s) or _PAGE_RE.fullmatch(s):
                out.append(_Line("", _BREAK, no))
            else:
                out.append(_Line(s, _TEXT, no))
    return out


# -- small text predicates -------------------------------------------------------------

_SECTIONS = ("achtergrond", "doel", "stand_van_zaken", "looptijd")
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
    return bool(_TERMINAL_RE.search(text.rstrip()))


def _bullet(text: str) -> str | None:
    m = _BULLET_RE.match(text)
    if m is None:
        return None
    return text[m.end() :].strip()


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
        # each distinct word once (a document repeats most of them); no word spans a line
        for token in set(_TOKEN_RE.findall("\n".join(texts).lower())):
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


# -- footnotes -------------------------------------------------------------------------

_FOOTNOTE_LINE_RE = re.compile(r"(\d{1,4})\s+(\S.*)")


# A footnote number glued after a lower-case word or a sentence end ("2021.1",
# "slachtofferadvocatuur.3", "zedendelicten.2"); never after a space, a digit, a capital
# ("Q1", "H1"), a hyphen ("COVID-19") or a slash. One pattern for every number (a pattern
# per number overflowed re's cache of compiled patterns: a tenth of a big import).
# Superscript digits ("2021.¹", "NOvA²"), as the PDF reader writes a reference (and a
# text may have them), are a marker after any character.
_MARKER_RE = re.compile(
    rf"(?<=[a-zà-ÿ.)’”'\"%])(\d{{1,4}})(?=[\s,;:)]|$)|([{_SUPERSCRIPTS}]{{1,4}})"
)
_FROM_SUPERSCRIPT = str.maketrans(_SUPERSCRIPTS, "0123456789")
_TO_SUPERSCRIPT = str.maketrans("0123456789", _SUPERSCRIPTS)


def superscript(number: int) -> str:
    """A footnote reference as the PDF reader writes it: "¹²"."""
    return str(number).translate(_TO_SUPERSCRIPT)


_SUP_MARKER_RE = re.compile(rf"()([{_SUPERSCRIPTS}]{{1,4}})")


def _find_marker(
    number: int, text: str, pos: int = 0, sup_only: bool = False
) -> re.Match[str] | None:
    """The first marker ``number`` in ``text`` from ``pos`` (a whole run of digits);
    ``sup_only``: only superscript digits are markers."""
    wanted = str(number)
    for m in (_SUP_MARKER_RE if sup_only else _MARKER_RE).finditer(text, pos):
        found = m.group(1) or m.group(2).translate(_FROM_SUPERSCRIPT)
        if found == wanted:
            return m
    return None


@dataclass
class _RawFootnote:
    number: int
    text: str
    where: str  # for messages: "regel 12", "pagina 3"


def _take_footnotes(lines: list[_Line]) -> tuple[list[_Line], list[_RawFootnote]]:
    """Take footnote texts out of the line stream.

    A footnote text is a line "N text" where N is the next footnote number and the text
    read so far has a marker N glued to a word. It runs on over following lines while
    they continue it (a lower-case start, or the rest of a broken URL) and stops at a
    blank line, a page header, a section label or the next footnote.
    """
    out: list[_Line] = []
    notes: list[_RawFootnote] = []
    expected = 1
    pending: list[str] = []  # text since the last marker found

    def has_marker(number: int) -> bool:
        joined = "\n".join(pending)
        m = _find_marker(number, joined)
        if m is None:
            return False
        rest = joined[m.end() :]
        pending[:] = [rest]
        return True

    i = 0
    while i < len(lines):
        ln = lines[i]
        m = _FOOTNOTE_LINE_RE.fullmatch(ln.text) if ln.kind == _TEXT else None
        if m and int(m.group(1)) == expected and has_marker(expected):
            parts = [m.group(2)]
            j = i + 1
            while j < len(lines) and lines[j].kind == _TEXT:
                nxt = lines[j].text
                if _label(nxt) or _FOOTNOTE_LINE_RE.fullmatch(nxt):
                    break
                prev = parts[-1]
                url_rest = bool(_URL_TAIL_RE.search(prev)) and " " not in nxt
                url_start = nxt.startswith(("http://", "https://", "www."))
                if not (url_rest or url_start or (_starts_lower(nxt) and not _terminal(prev))):
                    break
                parts.append(nxt)
                j += 1
            notes.append(_RawFootnote(expected, _join_footnote(parts), f"regel {ln.no}"))
            out.append(_Line("", _BREAK, ln.no))
            expected += 1
            i = j
            continue
        if ln.kind == _TEXT:
            pending.append(ln.text)
        out.append(ln)
        i += 1
    return out, notes


# -- segmentation into pilots ----------------------------------------------------------


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


# -- names -----------------------------------------------------------------------------

_FORMER_RE = re.compile(
    r"(.*?)\s*\(\s*(?:voorheen|eerder|vroeger|oude naam)\s*:?\s*(.+?)\s*\)\s*", re.I
)


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


# -- dates -----------------------------------------------------------------------------

_MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "febr": 2,
    "maart": 3,
    "mrt": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augustus": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_RE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_ALT})\.?\s+(\d{{4}})\b", re.I)
_TITLE_RE = re.compile(r"peildatum|stand\s+van\s+zaken\s+pilots", re.I)


def _parse_dutch_date(text: str) -> date | None:
    m = _DAY_RE.search(text)
    if m is not None:
        try:
            return date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
        except ValueError:
            return None
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if m is not None:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return None


_SEASON_START = {
    "voorjaar": 3,
    "lente": 3,
    "zomer": 6,
    "najaar": 9,
    "herfst": 9,
    "winter": 12,
    "begin": 1,
    "medio": 6,
    "half": 6,
    "eind": 10,
    "ultimo": 12,
}
_QUARTER = {"eerste": 1, "1e": 1, "tweede": 2, "2e": 2, "derde": 3, "3e": 3, "vierde": 4, "4e": 4}
_START_RE = re.compile(
    rf"(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{_MONTH_ALT})\.?\s+(?P<y1>\d{{4}})"
    rf"|(?P<q>eerste|tweede|derde|vierde|[1-4]e)\s+kwartaal\s+(?P<y2>\d{{4}})"
    r"|q(?P<qn>[1-4])\s+(?P<y3>\d{4})"
    rf"|(?P<season>{'|'.join(_SEASON_START)})\s+(?P<y4>\d{{4}})"
    r"|(?P<y5>(?:19|20)\d\d)",
    re.I,
)


def _earliest_start(looptijd: str) -> date | None:
    """The earliest day the first period of a looptijd can start (a rough local reading)."""
    m = _START_RE.search(looptijd)
    if m is None:
        return None
    try:
        if m.group("y1"):
            month = _MONTHS[m.group("month").lower()]
            return date(int(m.group("y1")), month, int(m.group("day") or 1))
        if m.group("y2"):
            return date(int(m.group("y2")), 3 * _QUARTER[m.group("q").lower()] - 2, 1)
        if m.group("y3"):
            return date(int(m.group("y3")), 3 * int(m.group("qn")) - 2, 1)
        if m.group("y4"):
            return date(int(m.group("y4")), _SEASON_START[m.group("season").lower()], 1)
        return date(int(m.group("y5")), 1, 1)
    except ValueError:
        return None


# -- inference -------------------------------------------------------------------------

_AFGEROND_RE = re.compile(r"\b(?:de|deze|het) (?:pilot|project) is (?:\S+ ){0,4}afgerond\b", re.I)
_SUBSIDIE_RE = re.compile(r"subsidieregeling van €\s?10 miljoen", re.I)
_DIVOSA_RE = re.compile(r"project dat wordt uitgevoerd door Divosa|^Divosa\b")
_GEMEENTE_IN_NAME_RE = re.compile(r"\bGemeente\s+(.+)$")

# Municipalities and provinces recognised in names and texts (the largest municipalities,
# the provinces, and the places of the seed overview).
_PLACE_NAMES = """
Amsterdam, Rotterdam, Den Haag, Utrecht, Eindhoven, Groningen, Tilburg, Almere, Breda,
Nijmegen, Apeldoorn, Haarlem, Arnhem, Enschede, Amersfoort, Zaanstad, Haarlemmermeer,
Den Bosch, 's-Hertogenbosch, Zwolle, Zoetermeer, Leiden, Maastricht, Dordrecht, Ede,
Alphen aan den Rijn, Westland, Alkmaar, Emmen, Delft, Venlo, Deventer, Sittard-Geleen,
Helmond, Oss, Amstelveen, Hilversum, Heerlen, Leeuwarden, Hengelo, Purmerend, Venray,
Heerenveen, Deurne, Schiedam, Lelystad, Roosendaal, Gouda, Vlaardingen, Almelo,
Spijkenisse, Capelle aan den IJssel, Veenendaal, Zeist, Nieuwegein, Lansingerland, Katwijk,
Assen, Hollands Kroon, Oude IJsselstreek, Wijk bij Duurstede,
Groningen, Friesland, Fryslân, Drenthe, Overijssel, Flevoland, Gelderland, Noord-Holland,
Zuid-Holland, Zeeland, Noord-Brabant, Limburg
"""
_PLACES = sorted({p.strip() for p in _PLACE_NAMES.split(",")}, key=len, reverse=True)
_PLACE_RE = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(p) for p in _PLACES) + r")(?![\w]|-[a-z])"
)


def _gemeente(name: str, text: str) -> str:
    m = _GEMEENTE_IN_NAME_RE.search(name)
    if m is not None:
        return m.group(1).strip(" )")
    found = _PLACE_RE.findall(name)
    if found:
        return str(found[0])
    places = set(_PLACE_RE.findall(text))
    return str(places.pop()) if len(places) == 1 else ""


def _status(looptijd: str, stand: str, peildatum: date) -> Status:
    low = looptijd.casefold()
    if "stopgezet" in low:
        return Status.STOPGEZET
    if low.startswith("afgerond") or _AFGEROND_RE.search(stand):
        return Status.AFGEROND
    start = _earliest_start(looptijd)
    if start is not None and start > peildatum:
        return Status.GEPLAND
    return Status.LOPEND


# -- the parser ------------------------------------------------------------------------


def _check_text(text: str) -> None:
    if not isinstance(text, str) or not text.strip():
        raise OverviewError("Het bestand is leeg.")
    if "\x00" in text:
        raise OverviewError("Dit is geen tekstbestand (binaire inhoud).")
    junk = len(_JUNK_RE.findall(text))
    if junk > max(3, len(text) // 50):
        raise OverviewError("Dit is geen tekstbestand (binaire inhoud).")


def _local_or_shared_date(text: str) -> date | None:
    found = _parse_dutch_date(text)
    if found is not None:
        return found
    try:
        from pilot_tui.periods import parse_date

        return parse_date(text)
    except (NotImplementedError, ValueError, ImportError):
        return None


def _title_and_peildatum(title_line: str) -> tuple[str, date | None]:
    m = re.search(r"peildatum\s*:?\s*(.*)$", title_line, re.I)
    when = _local_or_shared_date(m.group(1)) if m else None
    title = re.sub(r"[\s–—-]*peildatum.*$", "", title_line, flags=re.I)
    title = re.sub(r"^bijlage\s*\w*\s*[–—:-]\s*", "", title, flags=re.I).strip()
    return title or "Stand van zaken pilots", when


def _annex_of(title_line: str) -> str:
    """The annex label a title starts with: "Bijlage 2 - Stand van zaken …" -> "Bijlage 2"."""
    m = re.match(r"\s*(bijlage\s*\w*)\s*[–—:-]", title_line, re.I)  # as stripped above
    if m is None:
        return ""
    label = " ".join(m.group(1).split())
    return label[:1].upper() + label[1:]


@dataclass
class OverviewPilot:
    """One pilot as the document shows it, before anything is inferred from it."""

    name: str  # as shown: "Nieuw (voorheen: Oud)" still whole
    texts: dict[str, str]  # achtergrond, doel, stand_van_zaken, looptijd; "\n" between paragraphs
    footnotes: list[Footnote] = field(default_factory=list)
    looptijd_label: str = "Looptijd"
    where: str = ""  # where it starts, for messages: "regel 12", "tabel 3"


@dataclass
class OverviewDocument:
    """What an overview says, in its order: read from text, PDF or Word, built into a
    register by :func:`build_register`."""

    title: str  # the title line as written: "Bijlage 2 – Stand van zaken pilots – peildatum …"
    intro: str
    pilots: list[OverviewPilot]
    warnings: list[str] = field(default_factory=list)


NO_PILOTS = (
    "Geen pilots gevonden: dit lijkt geen overzicht 'Stand van zaken pilots' "
    "(geen kopjes Achtergrond, Doel, Stand van zaken, Looptijd)."
)


def parse_overview(
    text: str,
    peildatum: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    *,
    per_line: bool = False,
) -> ImportResult:
    """Read an overview text into a new register (one history entry per pilot).

    Raises :class:`OverviewError` (a Dutch one-line message) when the text is not such an
    overview. Problems that do not stop the import end up in ``ImportResult.warnings``.
    ``per_line``: every line is a whole paragraph (as the PDF reader writes the text).
    """
    return build_register(read_overview_text(text, per_line=per_line), peildatum, progress)


def read_overview_text(
    text: str, *, per_line: bool = False, notes: list[tuple[int, str, str]] | None = None
) -> OverviewDocument:
    """The overview text as a document: its title, intro and pilots, markers removed.

    ``notes``: the footnotes, (number, text, where it is), when the caller found them
    itself (the PDF reader, from the page bottoms); their references in the text are then
    superscript digits only, and the text holds no footnote texts.
    """
    _check_text(text)
    warnings: list[str] = []
    if notes is None:
        lines, raw_notes = _take_footnotes(_lines(text))
    else:
        lines = _lines(text)
        raw_notes = [_RawFootnote(n, note, where) for n, note, where in notes]
    preamble, raws = _segment(lines, warnings, per_line)

    kept: list[_RawPilot] = []
    for raw in raws:
        if len(raw.sections) >= 2:
            kept.append(raw)
        else:
            warnings.append(
                f"Regel {raw.no}: geen volledige pilot (te weinig kopjes); overgeslagen."
            )
    if not kept:
        raise OverviewError(NO_PILOTS)

    vocab = _Vocab.of(
        ln.text
        for raw in kept
        for section in raw.sections.values()
        for ln in section
        if ln.kind == _TEXT
    )
    # Texts per pilot, markers still in.
    texts: list[dict[str, str]] = []
    for raw in kept:
        sec: dict[str, str] = {}
        for key in ("achtergrond", "doel", "stand_van_zaken"):
            sec[key] = "\n".join(_paragraphs(raw.sections.get(key, []), vocab, per_line))
        sec["looptijd"] = " ".join(_paragraphs(raw.sections.get("looptijd", []), vocab, per_line))
        texts.append(sec)
    for raw, sec in zip(kept, texts, strict=True):
        sec["name"] = _join_name(raw.name_lines, vocab)

    attached = _attach_footnotes(texts, raw_notes, warnings, sup_only=notes is not None)
    pilots = []
    for raw, sec, footnotes in zip(kept, texts, attached, strict=True):
        name = sec.pop("name")
        pilots.append(OverviewPilot(name, sec, footnotes, raw.looptijd_label, f"regel {raw.no}"))
    return OverviewDocument(preamble.title, preamble.intro, pilots, warnings)


def build_register(
    document: OverviewDocument,
    peildatum: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """A new register from what the document says, at ``peildatum`` (default: the one in
    its title): one history entry per pilot; status, programma and gemeente inferred from
    the texts. Raises :class:`OverviewError` as :func:`parse_overview` does."""
    warnings = list(document.warnings)
    if not document.pilots:
        raise OverviewError(NO_PILOTS)
    title, found_date = _title_and_peildatum(document.title)
    if peildatum is None:
        peildatum = found_date
    if peildatum is None:
        raise OverviewError("Geen peildatum in het document gevonden; geef de peildatum op.")
    if not MIN_YEAR <= peildatum.year <= MAX_YEAR:
        raise OverviewError(
            f"De peildatum van het document ({peildatum.isoformat()}) ligt buiten "
            f"{MIN_YEAR}–{MAX_YEAR}; geef de peildatum op."
        )
    register = Register(
        title=title,
        intro=document.intro,
        peildata=[peildatum],
        annex=_annex_of(document.title),
    )
    seen: set[str] = set()
    twice: dict[str, str] = {}  # normalised name -> the name, of pilots named again
    ids = _Ids(register)
    total = len(document.pilots)
    for i, raw in enumerate(document.pilots):
        pilot = _build_pilot(ids, raw, peildatum, warnings)
        key = normalise(pilot.name)
        if key in seen:
            twice.setdefault(key, pilot.name)
        seen.add(key)
        register.pilots.append(pilot)
        if progress is not None:
            progress(i + 1, total)
    if twice:
        raise OverviewError(_twice_message(list(twice.values())))
    return ImportResult(register=register, warnings=warnings)


SHOWN_NAMES = 3  # names a message quotes; the rest are counted


def _twice_message(names: list[str]) -> str:
    """One line: which pilots the document has more than once (an overview pasted twice
    would add every pilot twice, so nothing is imported)."""
    quoted = [f"„{' '.join(name.split())}”" for name in names[:SHOWN_NAMES]]
    rest = len(names) - len(quoted)
    listed = ", ".join(quoted) + (f" en {rest} andere" if rest else "")
    word = "pilot staat" if len(names) == 1 else "pilots staan"
    return (
        f"{len(names)} {word} meer dan eens in het document ({listed}); niets ingelezen — "
        "staat het overzicht er twee keer in?"
    )


def _attach_footnotes(
    texts: list[dict[str, str]],
    raw_notes: list[_RawFootnote],
    warnings: list[str],
    sup_only: bool = False,
) -> list[list[Footnote]]:
    """Remove the markers from the texts, in document order; return footnotes per pilot."""
    notes: list[list[Footnote]] = [[] for _ in texts]
    queue = list(raw_notes)
    order = ("name", "achtergrond", "doel", "stand_van_zaken", "looptijd")
    for i, sec in enumerate(texts):
        for key in order:
            pos = 0
            while queue:
                note = queue[0]
                m = _find_marker(note.number, sec[key], pos, sup_only)
                if m is None:
                    break
                text = sec[key]
                sec[key] = text[: m.start()] + text[m.end() :]
                notes[i].append(Footnote(note.text, key, _anchor(sec[key][: m.start()])))
                pos = m.start()
                queue.pop(0)
    for note in queue:
        warnings.append(f"Voetnoot {note.number} ({note.where}) hoort bij geen tekst.")
    return notes


def _anchor(before: str, size: int = 30) -> str:
    line = before.rsplit("\n", 1)[-1]
    if line.startswith(BULLET):
        line = line[len(BULLET) :]
    if len(line) <= size:
        return line.strip()
    cut = line[-size:]
    if line[-size - 1] != " " and " " in cut:
        cut = cut.split(" ", 1)[1]
    return cut.strip()


_ZAKEN_RE = re.compile("^" + re.escape(ZAKEN).replace(re.escape("{n}"), r"(\d{1,9})") + "$", re.M)


def _entry_text(text: str) -> tuple[str, int | None]:
    """A stand van zaken as a document shows it -> the text and the number of cases: a
    snapshot adds "Aantal behandelde zaken: N." as a last paragraph, and shows a pilot
    without a text as "(nog geen stand van zaken)"."""
    zaken = None
    paras = text.split("\n")
    if paras:
        m = _ZAKEN_RE.fullmatch(paras[-1].strip())
        if m is not None:
            zaken = int(m.group(1))
            paras.pop()
    text = "\n".join(paras)
    if text.strip() == NO_ENTRY:
        text = ""
    return text, zaken


def _build_pilot(
    ids: _Ids,
    raw: OverviewPilot,
    peildatum: date,
    warnings: list[str],
) -> Pilot:
    sec = dict(raw.texts)
    for key in ("achtergrond", "doel", "stand_van_zaken", "looptijd"):
        sec.setdefault(key, "")
    where = raw.where or "het document"
    name = raw.name
    former: list[str] = []
    m = _FORMER_RE.fullmatch(name)
    if m is not None and m.group(1):
        name = m.group(1)
        former = _former_names(m.group(2))
    if not name:
        name = f"Pilot zonder naam ({where})"
        warnings.append(f"{where[:1].upper()}{where[1:]}: pilot zonder naam.")
    svz, zaken = _entry_text(sec["stand_van_zaken"])
    for key, word in (("doel", "Doel"), ("stand_van_zaken", "Stand van zaken")):
        if not sec[key]:
            warnings.append(f"Pilot '{name}': geen {word}.")
    if not sec["looptijd"]:
        warnings.append(f"Pilot '{name}': geen looptijd.")
    body = " ".join(sec[k] for k in ("achtergrond", "doel", "stand_van_zaken"))
    status = _status(sec["looptijd"], svz, peildatum)
    programma = ""
    if _DIVOSA_RE.search(name) or _DIVOSA_RE.search(body):
        programma = DIVOSA
    elif _SUBSIDIE_RE.search(body):
        programma = SUBSIDIEREGELING
    pilot = Pilot(
        id=ids.new(name),
        name=name,
        former_names=former,
        achtergrond=sec["achtergrond"],
        doel=sec["doel"],
        looptijd=sec["looptijd"],
        looptijd_label=raw.looptijd_label,
        status=status,
        programma=programma,
        gemeente=_gemeente(name, body),
        footnotes=list(raw.footnotes),
    )
    pilot.set_entry(HistoryEntry(peildatum, svz, status, zaken=zaken))
    return pilot


def _former_names(text: str) -> list[str]:
    """ "A; B" or, as a snapshot writes them, "A, B"."""
    sep = ";" if ";" in text else ","
    return [f.strip() for f in text.split(sep) if f.strip()]


# -- merging into a register -----------------------------------------------------------

# The fields `import --update` takes from the document (names are handled on their own;
# whether a pilot is retired is never the document's to say).
_UPDATABLE = tuple(f for f in VERSIONED if f not in ("name", "former_names", "removed"))


class _Ids:
    """Fresh ids exactly as :meth:`Register.new_id` gives them, without rebuilding the set
    of taken ids for every pilot (an import of thousands of pilots stays linear)."""

    def __init__(self, register: Register) -> None:
        self.taken = {p.id for p in register.pilots}

    def new(self, name: str) -> str:
        base = slugify(name) or "pilot"
        candidate, n = base, 2
        while candidate in self.taken:
            candidate = f"{base}-{n}"
            n += 1
        self.taken.add(candidate)
        return candidate


class _Index:
    """The register's pilots by normalised name as at the peildatum, and by every other
    name they had (earlier or later names, former names)."""

    def __init__(self, register: Register, peildatum: date) -> None:
        self.by_name: dict[str, list[Pilot]] = {}
        self.by_former: dict[str, list[Pilot]] = {}
        for pilot in register.pilots:
            if not pilot.past:
                name, others = pilot.name, list(pilot.former_names)
            else:
                name = pilot.value_at("name", peildatum)
                others = [n for _start, n in pilot.timeline("name") if n != name]
                for _start, names in pilot.timeline("former_names"):
                    others += names
            self.by_name.setdefault(normalise(name), []).append(pilot)
            for former in dict.fromkeys(others):
                self.by_former.setdefault(normalise(former), []).append(pilot)

    def match(self, pilot: Pilot, taken: set[str]) -> Pilot | None:
        """The first untaken pilot known by the name, else by a former name, of ``pilot``."""
        keys = [normalise(pilot.name), *(normalise(n) for n in pilot.former_names)]
        for key in keys:
            for table in (self.by_name, self.by_former):
                for candidate in table.get(key, ()):
                    if candidate.id not in taken:
                        return candidate
        return None


def merge(register: Register, incoming: Register, peildatum: date, update: bool) -> MergeReport:
    """Merge an imported overview into ``register`` (in place) for ``peildatum``.

    Pilots are matched by normalised name and former names. New pilots are added with a
    fresh id. Each matched pilot gets the document's stand van zaken as its entry for the
    peildatum (an existing entry for that date is replaced only when the text differs; a
    text equal to the previous entry is recorded as carried forward). Other fields change
    only with ``update``, from the peildatum on (what earlier peildata showed stays). A
    pilot new to a register with earlier peildata exists from the peildatum on. Every
    change is added to the register's audit log.
    """
    latest = register.latest_peildatum()
    if latest is not None and peildatum < latest:
        raise MergeError(
            f"het document is van peildatum {format_date(peildatum)}, voor de laatste ronde "
            f"({format_date(latest)}): inlezen zou veranderen wat die rondes lieten zien; lees "
            "het in voor een nieuwe ronde met --peildatum"
        )
    report = MergeReport()
    now = datetime.now()
    at = peildatum.isoformat()
    audit = register.audit
    existing_ids = {p.id for p in register.pilots}
    earlier = any(p < peildatum for p in register.peildata)
    index = _Index(register, peildatum)
    ids = _Ids(register)
    matched: set[str] = set()
    for inc in incoming.pilots:
        entry = inc.entry_for(peildatum) or (inc.history[-1] if inc.history else None)
        text = entry.stand_van_zaken if entry is not None else ""
        status = entry.status if entry is not None and entry.status else inc.status
        zaken = entry.zaken if entry is not None else None
        target = index.match(inc, matched)
        if target is None:
            new = Pilot.from_dict(inc.to_dict())
            new.id = ids.new(inc.name)
            new.history = []
            new.set_entry(HistoryEntry(peildatum, text, status, zaken=zaken))
            if earlier:
                new.past = [Past(peildatum, {"removed": True})]
            register.pilots.append(new)
            audit.append(AuditEntry(now, new.id, f"pilot@{at}", None, new.name))
            matched.add(new.id)
            report.nieuw.append(new.name)
            continue
        matched.add(target.id)
        changed = False
        if not target.exists_at(peildatum):
            # retired by the analyst: the document does not bring it back unasked
            report.verwijderd.append(target.value_at("name", peildatum))
            continue
        current = target.entry_for(peildatum)
        written: HistoryEntry | None = None
        if current is None:
            previous = target.previous_entry(peildatum)
            same = previous is not None and previous.stand_van_zaken == text
            if zaken is not None and previous is not None and previous.zaken != zaken:
                same = False  # a new number of cases is news, also with the same text
            written = HistoryEntry(peildatum, text, status, zaken=zaken, unchanged=same)
            changed = not same or (previous is not None and previous.status != status)
        elif (
            current.stand_van_zaken != text
            or (update and current.status != status)
            or (zaken is not None and current.zaken != zaken)
        ):
            kept = current.zaken if zaken is None else zaken
            written = HistoryEntry(peildatum, text, status, zaken=kept)
            changed = True
        if written is not None:
            target.set_entry(written)
            old = current.to_dict() if current is not None else None
            audit.append(
                AuditEntry(now, target.id, f"stand_van_zaken@{at}", old, written.to_dict())
            )
        if update:
            values = _document_values(target, inc, peildatum)
            if values:
                audit.extend(set_fields(target, values, peildatum, now=now))
                changed = True
            latest_entry = target.history[-1] if target.history else None
            if latest_entry is not None and latest_entry.status is None and target.status != status:
                target.status = status
                changed = True
        (report.bijgewerkt if changed else report.ongewijzigd).append(target.name)
    for pilot in register.pilots:
        if pilot.id in existing_ids and pilot.id not in matched and pilot.exists_at(peildatum):
            report.niet_in_document.append(pilot.name)
    register.add_peildatum(peildatum)
    if update or not register.intro:
        register.intro = incoming.intro or register.intro
    if update or not register.annex:
        register.annex = incoming.annex or register.annex
    return report


def _document_values(target: Pilot, inc: Pilot, peildatum: date) -> dict[str, object]:
    """The fields in which the document differs from ``target`` as at the peildatum."""
    values: dict[str, object] = {}
    name = target.value_at("name", peildatum)
    former = list(target.value_at("former_names", peildatum))
    if inc.name != name:
        if name not in former:
            former.append(name)
        values["name"] = inc.name
        name = inc.name
    for other in inc.former_names:
        if other not in former and other != name:
            former.append(other)
    if former != target.value_at("former_names", peildatum):
        values["former_names"] = former
    for attr in _UPDATABLE:
        new = getattr(inc, attr)
        if attr in ("gemeente", "programma", "rechtsgebied") and not new:
            continue  # an inferred blank never wipes what the analyst filled in
        if attr == "partners" and not new:
            continue
        value = list(new) if isinstance(new, list) else new
        if value != target.value_at(attr, peildatum):
            values[attr] = value
    return values
