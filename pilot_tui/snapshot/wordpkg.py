"""The Word package around the Bijlage's body: the style parts, and writing the zip.

A .docx is a zip of XML parts tied together by relationships (OPC). The body is written
by :mod:`pilot_tui.snapshot.docx`; this module supplies the rest:

* the styles, from our house style (``huisstijl/*.xml``, shipped with the package) or
  from a user's own .docx/.dotx (:func:`load_template`). A user's template is read with
  python-docx's package reader (parts and relationships); its styles are used as they
  are, and only the styles the Bijlage needs and the template lacks are added, from the
  house style. Styles are found by their name, as Word names them ("heading 1" is
  "Kop 1" in a Dutch Word, with the style id "Kop1"), so every template works.
* :class:`Rels`: the relationships of one part, numbered in the order they are added.
* :class:`Zip`: the zip itself, written part by part (the body streamed as it is made),
  deterministic: every entry dated 1 January 1980, so the same snapshot gives the same
  bytes.

No textual here; python-docx and lxml are imported only when a user's template is read.
"""

from __future__ import annotations

import functools
import zipfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import IO, Any

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W = f"{{{W_NS}}}"

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_STYLES = _REL + "styles"
RT_NUMBERING = _REL + "numbering"
RT_SETTINGS = _REL + "settings"
RT_FONT_TABLE = _REL + "fontTable"
RT_THEME = _REL + "theme"
RT_FOOTNOTES = _REL + "footnotes"
RT_FOOTER = _REL + "footer"
RT_HYPERLINK = _REL + "hyperlink"
RT_DOCUMENT = _REL + "officeDocument"
RT_APP = _REL + "extended-properties"
RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"

_CT = "application/vnd.openxmlformats-officedocument."
CT_DOCUMENT = _CT + "wordprocessingml.document.main+xml"
CT_STYLES = _CT + "wordprocessingml.styles+xml"
CT_NUMBERING = _CT + "wordprocessingml.numbering+xml"
CT_SETTINGS = _CT + "wordprocessingml.settings+xml"
CT_FONT_TABLE = _CT + "wordprocessingml.fontTable+xml"
CT_FOOTNOTES = _CT + "wordprocessingml.footnotes+xml"
CT_FOOTER = _CT + "wordprocessingml.footer+xml"
CT_THEME = _CT + "theme+xml"
CT_APP = _CT + "extended-properties+xml"
CT_CORE = "application/vnd.openxmlformats-package.core-properties+xml"


def quoteattr(value: str) -> str:
    """``value`` escaped and quoted as an XML attribute, as xml.sax.saxutils.quoteattr
    does it (byte for byte): here rather than imported, as that module pulls in urllib,
    http, email and ssl (tens of milliseconds on every snapshot)."""
    value = value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    value = value.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace('"', "&quot;") + '"'


# The styles the Bijlage uses, by key, with their names as Word knows them.
STYLE_NAMES: dict[str, str] = {
    "normal": "Normal",
    "title": "Title",
    "h1": "heading 1",
    "h2": "heading 2",
    "h3": "heading 3",
    "name": "Pilotnaam",
    "label": "Tussenkop",
    "th": "Tabelkop",
    "bullet": "List Bullet",
    "note": "footnote text",
    "noteref": "footnote reference",
    "link": "Hyperlink",
    "footer": "footer",
    "toc_heading": "TOC Heading",
    "toc1": "toc 1",
    "toc2": "toc 2",
    "toc3": "toc 3",
    "table": "Pilottabel",
    "grid": "Table Grid",
}

# Zip compression, measured on the whole Word file of 10,000 pilots (42 MB of XML; one
# run on a busy machine, the proportions are what counts): level 1 in 1.0 s at 8.6 MB,
# the default 6 in 3.0 s at 6.6 MB, 9 in 3.5 s at 6.5 MB; no compression 0.45 s at
# 42 MB. Level 1: nearly all of the gain for a third of the time of 6.
COMPRESSLEVEL = 1


class TemplateError(ValueError):
    """A template that cannot be used; the message is one Dutch line."""


@dataclass(frozen=True)
class Template:
    """The style parts of the document, and the style ids to use, by key."""

    styles: bytes
    numbering: bytes | None
    font_table: bytes | None
    theme: bytes | None
    ids: dict[str, str]
    settings: bytes


def _house(name: str) -> bytes:
    return resources.files("pilot_tui.snapshot").joinpath("huisstijl", name).read_bytes()


@functools.cache
def house_style() -> Template:
    """Our own template: the house style."""
    return Template(
        styles=_house("styles.xml"),
        numbering=_house("numbering.xml"),
        font_table=_house("fontTable.xml"),
        theme=None,
        ids={
            "normal": "Normal",
            "title": "Title",
            "h1": "Heading1",
            "h2": "Heading2",
            "h3": "Heading3",
            "name": "Pilotnaam",
            "label": "Tussenkop",
            "th": "Tabelkop",
            "bullet": "ListBullet",
            "note": "FootnoteText",
            "noteref": "FootnoteReference",
            "link": "Hyperlink",
            "footer": "Footer",
            "toc_heading": "TOCHeading",
            "toc1": "TOC1",
            "toc2": "TOC2",
            "toc3": "TOC3",
            "table": "Pilottabel",
            "grid": "TableGrid",
        },
        settings=_house("settings.xml"),
    )


def load_template(path: Path | None) -> Template:
    """The house style (``None``) or the styles of the Word file at ``path``.

    Raises :class:`TemplateError` when the file cannot be read as a Word document or
    template (.docx, .dotx, .docm, .dotm)."""
    if path is None:
        return house_style()
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    where = f"sjabloon {path}"
    if not Path(path).is_file():
        raise TemplateError(f"{where}: bestand niet gevonden")
    try:
        return _read_template(path)
    except TemplateError:
        raise
    except PackageNotFoundError:
        raise TemplateError(f"{where}: geen Word-bestand (.docx of .dotx)") from None
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, ValueError) as exc:
        raise TemplateError(
            f"{where}: geen bruikbaar Word-bestand ({type(exc).__name__}: {exc})"
        ) from None
    except OSError as exc:
        raise TemplateError(f"{where}: kan niet gelezen worden ({exc.strerror})") from None


def _read_template(path: Path) -> Template:
    from docx.package import Package

    package = Package.open(str(path))
    main = package.main_document_part  # a document or a template: both have styles
    parts: dict[str, bytes] = {}
    for rel in main.rels.values():
        if not rel.is_external and rel.reltype in (
            RT_STYLES,
            RT_NUMBERING,
            RT_FONT_TABLE,
            RT_THEME,
        ):
            parts[rel.reltype] = rel.target_part.blob
    if RT_STYLES not in parts:
        raise TemplateError(f"sjabloon {path}: bevat geen stijlen")
    styles, numbering, ids = merge_styles(parts[RT_STYLES], parts.get(RT_NUMBERING))
    return Template(
        styles=styles,
        numbering=numbering,
        font_table=parts.get(RT_FONT_TABLE),
        theme=parts.get(RT_THEME),
        ids=ids,
        settings=house_style().settings,
    )


def merge_styles(
    their_styles: bytes, their_numbering: bytes | None
) -> tuple[bytes, bytes | None, dict[str, str]]:
    """A template's styles with the house styles it lacks added; its numbering with the
    bullet of an added "List Bullet"; the style id per key of :data:`STYLE_NAMES`."""
    from lxml import etree

    ours = etree.fromstring(house_style().styles)
    theirs = etree.fromstring(their_styles)
    if theirs.tag != f"{_W}styles":
        raise TemplateError("het stijlendeel is geen lijst met Word-stijlen")

    def name_of(style: Any) -> str:
        name = style.find(f"{_W}name")
        return (name.get(f"{_W}val") or "").casefold() if name is not None else ""

    existing: dict[tuple[str | None, str], str | None] = {}
    for style in theirs.iterfind(f"{_W}style"):
        existing.setdefault((style.get(f"{_W}type"), name_of(style)), style.get(f"{_W}styleId"))
    taken = {style.get(f"{_W}styleId") for style in theirs.iterfind(f"{_W}style")}
    default_para = next(
        (
            s.get(f"{_W}styleId")
            for s in theirs.iterfind(f"{_W}style")
            if s.get(f"{_W}type") == "paragraph" and s.get(f"{_W}default") in ("1", "true")
        ),
        None,
    )
    # our style id -> the id in the merged styles; the styles to add
    renamed: dict[str, str] = {}
    added: list[Any] = []
    for style in ours.iterfind(f"{_W}style"):
        our_id = style.get(f"{_W}styleId")
        kind = style.get(f"{_W}type")
        found = existing.get((kind, name_of(style)))
        if found is None and our_id == "Normal" and default_para is not None:
            found = default_para
        if found is not None:
            renamed[our_id] = found
            continue
        if style.get(f"{_W}default") in ("1", "true"):
            continue  # theirs has a default of this type (or Word's own applies)
        new_id = our_id
        n = 2
        while new_id in taken:
            new_id = f"{our_id}{n}"
            n += 1
        taken.add(new_id)
        renamed[our_id] = new_id
        added.append(style)
    numbering = their_numbering
    for style in added:
        for ref in ("basedOn", "next", "link"):
            el = style.find(f"{_W}{ref}")
            if el is not None:
                target = renamed.get(el.get(f"{_W}val"))
                if target is None:
                    style.remove(el)
                else:
                    el.set(f"{_W}val", target)
        style.set(f"{_W}styleId", renamed[style.get(f"{_W}styleId")])
        num_id = style.find(f"{_W}pPr/{_W}numPr/{_W}numId")
        if num_id is not None:
            numbering, new_num = _add_bullet(numbering)
            num_id.set(f"{_W}val", new_num)
        theirs.append(style)
    _dutch_defaults(theirs)
    ids = {}
    for key, name in STYLE_NAMES.items():
        kind = (
            "table"
            if key in ("table", "grid")
            else "character"
            if key in ("noteref", "link")
            else "paragraph"
        )
        found = existing.get((kind, name.casefold()))
        ids[key] = found if found is not None else renamed[_house_id(key)]
    return (
        etree.tostring(theirs, xml_declaration=True, encoding="UTF-8", standalone=True),
        numbering,
        ids,
    )


def _house_id(key: str) -> str:
    return house_style().ids[key]


def _add_bullet(numbering: bytes | None) -> tuple[bytes, str]:
    """``numbering`` with the house bullet list added under free ids; the new num id."""
    from lxml import etree

    ours = etree.fromstring(house_style().numbering or b"")
    if numbering is None:
        return etree.tostring(ours, xml_declaration=True, encoding="UTF-8", standalone=True), "1"
    root = etree.fromstring(numbering)
    abstracts = root.findall(f"{_W}abstractNum")
    nums = root.findall(f"{_W}num")
    abstract_id = 1 + max((int(a.get(f"{_W}abstractNumId") or 0) for a in abstracts), default=-1)
    num_id = 1 + max((int(n.get(f"{_W}numId") or 0) for n in nums), default=0)
    abstract = ours.find(f"{_W}abstractNum")
    num = ours.find(f"{_W}num")
    assert abstract is not None and num is not None
    abstract.set(f"{_W}abstractNumId", str(abstract_id))
    num.set(f"{_W}numId", str(num_id))
    ref = num.find(f"{_W}abstractNumId")
    assert ref is not None
    ref.set(f"{_W}val", str(abstract_id))
    # the schema's order: every abstractNum before the first num
    if abstracts:
        abstracts[-1].addnext(abstract)
    else:
        root.insert(0, abstract)
    if nums:
        nums[-1].addnext(num)
    else:
        abstract.addnext(num)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), str(
        num_id
    )


def _dutch_defaults(styles: Any) -> None:
    """The document's language is Dutch, whatever the template's (spelling, hyphens)."""
    from lxml import etree

    defaults = styles.find(f"{_W}docDefaults")
    if defaults is None:
        defaults = etree.Element(f"{_W}docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(f"{_W}rPrDefault")
    if rpr_default is None:
        rpr_default = etree.Element(f"{_W}rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(f"{_W}rPr")
    if rpr is None:
        rpr = etree.SubElement(rpr_default, f"{_W}rPr")
    lang = rpr.find(f"{_W}lang")
    if lang is None:
        lang = etree.SubElement(rpr, f"{_W}lang")  # lang comes late in rPr: last is right
    lang.set(f"{_W}val", "nl-NL")
    lang.set(f"{_W}eastAsia", "nl-NL")


# -- relationships and the zip --------------------------------------------------------


class Rels:
    """The relationships of one part: ``rId1``, ``rId2``, … in the order added; an
    external target (a web address) is related once, however often it is used."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str, bool]] = []  # (type, target, external)
        self._external: dict[str, str] = {}

    def add(self, reltype: str, target: str, external: bool = False) -> str:
        if external:
            found = self._external.get(target)
            if found is not None:
                return found
        self.items.append((reltype, target, external))
        rid = f"rId{len(self.items)}"
        if external:
            self._external[target] = rid
        return rid

    def xml(self) -> bytes:
        out = [
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        ]
        for i, (reltype, target, external) in enumerate(self.items, start=1):
            mode = ' TargetMode="External"' if external else ""
            out.append(
                f'<Relationship Id="rId{i}" Type="{reltype}" Target={quoteattr(target)}{mode}/>'
            )
        out.append("</Relationships>")
        return "".join(out).encode("utf-8")


def content_types(parts: dict[str, str]) -> bytes:
    """``[Content_Types].xml`` for the parts (part name -> content type)."""
    out = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
    ]
    for name, ctype in parts.items():
        out.append(f'<Override PartName="/{name}" ContentType="{ctype}"/>')
    out.append("</Types>")
    return "".join(out).encode("utf-8")


class Zip:
    """The .docx zip, written into ``target`` entry by entry, every entry deflated at
    :data:`COMPRESSLEVEL` and dated 1 January 1980 (``ZipFile.open`` for writing gives
    an entry that date), so that the same document is the same bytes."""

    def __init__(self, target: IO[bytes]) -> None:
        self.zip = zipfile.ZipFile(
            target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=COMPRESSLEVEL
        )

    def put(self, name: str, data: bytes) -> None:
        with self.zip.open(name, "w") as out:
            out.write(data)

    def stream(self, name: str) -> IO[bytes]:
        return self.zip.open(name, "w")

    def close(self) -> None:
        self.zip.close()
