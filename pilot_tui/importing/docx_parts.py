"""The parts of a Word (.docx) file, for the Word reader: the package (its parts, each
of a bounded size, and their relationships), the WordprocessingML names, and what a
paragraph is made of (its text pieces and note references, list numbers, hidden runs)."""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from pilot_tui.importing.document import OverviewError
from pilot_tui.importing.sniff import WORD_MAIN

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
R_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

# A part larger than this (uncompressed, as the zip declares it) is not read: the Word
# file of 10,000 pilots has some 45 MB of document XML.
MAX_PART_BYTES = 1 << 30

_T, _R, _P, _TBL, _TR, _TC = W + "t", W + "r", W + "p", W + "tbl", W + "tr", W + "tc"
_PPR, _RPR, _PSTYLE = W + "pPr", W + "rPr", W + "pStyle"
_NUMPR, _NUMID, _ILVL = W + "numPr", W + "numId", W + "ilvl"
_VAL, _ID, _TYPE = W + "val", W + "id", W + "type"
_SKIP = frozenset(
    W + tag
    for tag in (
        "pPr",
        "rPr",
        "del",
        "moveFrom",
        "delText",
        "instrText",
        "drawing",
        "pict",
        "object",
        "footnoteRef",
        "endnoteRef",
        "commentReference",
        "softHyphen",
        "sym",
        "tblPr",
        "trPr",
        "tcPr",
        "tblGrid",
        "sectPr",
        "fldChar",
        "lastRenderedPageBreak",
    )
) | {"{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}


@dataclass(frozen=True)
class _Ref:
    """A footnote or end note reference inside a paragraph."""

    kind: str  # "footnote" | "endnote"
    id: str


@dataclass
class _Para:
    pieces: list[str | _Ref]
    style: str  # the style's name, lower case ("" for none)
    list_prefix: str = ""  # BULLET, "1. ", or ""
    heading: bool = False  # a heading or title style, or an outline level

    @property
    def text(self) -> str:
        return "".join(p for p in self.pieces if isinstance(p, str))


@dataclass
class _Style:
    name: str
    based_on: str | None
    num: tuple[str, str] | None  # (numId, ilvl)
    outline: bool


@dataclass
class _Level:
    fmt: str  # "bullet", "decimal", "lowerLetter", …
    text: str  # "%1." or the bullet glyph
    start: int


@dataclass
class _Package:
    zf: zipfile.ZipFile
    main: str
    rels: dict[str, str] = field(default_factory=dict)  # relationship type (tail) -> part

    def part(self, name: str) -> bytes | None:
        try:
            info = self.zf.getinfo(name)
        except KeyError:
            return None
        if info.file_size > MAX_PART_BYTES:
            raise OverviewError(f"het Word-bestand heeft een te groot onderdeel ({name})")
        with self.zf.open(info) as fh:
            return fh.read()


def _reason(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:120] or type(exc).__name__


def _package(zf: zipfile.ZipFile) -> _Package:
    main = WORD_MAIN
    for rel_type, target in _rels(zf, "_rels/.rels", "").items():
        if rel_type == "officeDocument":
            main = target
    if main not in zf.namelist():
        raise OverviewError(f"het Word-bestand heeft geen hoofddocument ({main})")
    folder, name = posixpath.split(main)
    pkg = _Package(zf, main)
    pkg.rels = _rels(zf, posixpath.join(folder, "_rels", name + ".rels"), folder)
    return pkg


def _rels(zf: zipfile.ZipFile, name: str, folder: str) -> dict[str, str]:
    """Relationship type (its last word) -> the part it points to, for one part."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        return {}
    if info.file_size > MAX_PART_BYTES:
        raise OverviewError(f"het Word-bestand heeft een te groot onderdeel ({name})")
    root = _xml(zf.read(info))
    out: dict[str, str] = {}
    for rel in root.iter(f"{{{R_NS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target") or ""
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        if target.startswith("/"):
            path = target.lstrip("/")
        else:
            path = posixpath.normpath(posixpath.join(folder, target))
        out.setdefault(kind, path)
    return out


def _xml(data: bytes) -> Any:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    return etree.fromstring(data, parser)


def _num_of(ppr: Any) -> tuple[str, str] | None:
    numpr = ppr.find(_NUMPR)
    if numpr is None:
        return None
    num_id = numpr.find(_NUMID)
    ilvl = numpr.find(_ILVL)
    return (
        (num_id.get(_VAL) if num_id is not None else "") or "",
        (ilvl.get(_VAL) if ilvl is not None else "0") or "0",
    )


def _walk(el: Any, out: list[str | _Ref]) -> None:
    """The text of ``el`` in document order, with its note references."""
    for child in el:
        tag = child.tag
        if tag == _T:
            if child.text:
                out.append(child.text)
        elif tag == _R:
            rpr = child.find(_RPR)
            if rpr is not None and _hidden(rpr):
                continue
            _walk(child, out)
        elif tag in _SKIP or not isinstance(tag, str):
            continue
        elif tag == W + "tab" or tag == W + "ptab":
            out.append("\t")
        elif tag == W + "br":
            if child.get(_TYPE) not in ("page", "column"):
                out.append("\n")
        elif tag == W + "cr":
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag == W + "footnoteReference":
            out.append(_Ref("footnote", child.get(_ID) or ""))
        elif tag == W + "endnoteReference":
            out.append(_Ref("endnote", child.get(_ID) or ""))
        elif tag == _P:  # a paragraph inside a paragraph's element (text box content)
            continue
        else:
            _walk(child, out)


def _hidden(rpr: Any) -> bool:
    vanish = rpr.find(W + "vanish")
    return vanish is not None and vanish.get(_VAL, "true") not in ("0", "false", "off")


def _int(text: str | None, default: int) -> int:
    try:
        return int(text or "")
    except ValueError:
        return default


def _number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        while n > 0:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, digits in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += digits
            n -= value
    return out or "0"
