"""Reading a Word file back at the level of its XML parts, for the Word tests.

python-docx reads what it models (paragraphs, runs, tables); footnotes, hyperlinks and
fields it does not, so these helpers read the parts with lxml.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
NS = {"w": W, "r": R, "pr": PR}


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def parts(data: bytes) -> dict[str, bytes]:
    """Every entry of the package, by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def xml(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(parts(data)[name])


def rels(data: bytes, name: str) -> dict[str, tuple[str, str, str]]:
    """The relationships of a part: rId -> (type's last word, target, target mode)."""
    folder, _, file = name.rpartition("/")
    found = parts(data).get(f"{folder}/_rels/{file}.rels")
    if found is None:
        return {}
    root = etree.fromstring(found)
    return {
        r.get("Id"): (r.get("Type").rsplit("/", 1)[-1], r.get("Target"), r.get("TargetMode", ""))
        for r in root.iterfind("pr:Relationship", NS)
    }


def style_names(data: bytes) -> dict[str, str]:
    """Style id -> style name."""
    root = xml(data, "word/styles.xml")
    return {
        s.get(w("styleId")): s.find("w:name", NS).get(w("val"))
        for s in root.iterfind("w:style", NS)
    }


def pretty(raw: bytes) -> str:
    root = etree.fromstring(raw)
    etree.indent(root, space=" ")
    return etree.tostring(root, encoding="unicode")


def _run_text(run: etree._Element) -> str:
    out = []
    for child in run:
        if child.tag == w("t"):
            out.append(child.text or "")
        elif child.tag == w("tab"):
            out.append("\t")
        elif child.tag == w("br"):
            out.append("\n")
        elif child.tag == w("footnoteReference"):
            out.append(f"^{child.get(w('id'))}")
        elif child.tag == w("footnoteRef"):  # the number in the note itself
            out.append("^")
    text = "".join(out)
    rpr = run.find("w:rPr", NS)
    if rpr is not None and rpr.find("w:strike", NS) is not None:
        return f"~~{text}~~"
    if rpr is not None and rpr.find("w:u", NS) is not None and rpr.find("w:rStyle", NS) is None:
        return f"__{text}__"
    return text


def paragraph_text(p: etree._Element, links: dict[str, tuple[str, str, str]]) -> str:
    """Text with footnote references as ^n, hyperlinks as [text](target), struck text
    as ~~x~~ and underlined as __x__."""
    out = []
    for child in p:
        if child.tag == w("r"):
            out.append(_run_text(child))
        elif child.tag == w("hyperlink"):
            text = "".join(_run_text(r) for r in child.iterfind("w:r", NS))
            rid = child.get(f"{{{R}}}id")
            target = links[rid][1] if rid else "#" + (child.get(w("anchor")) or "")
            out.append(f"[{text}]({target})")
    return "".join(out)


def _style_of(p: etree._Element, names: dict[str, str]) -> str:
    style = p.find("w:pPr/w:pStyle", NS)
    return names.get(style.get(w("val")), "?") if style is not None else "Normal"


def body_text(data: bytes) -> str:
    """The body in order: paragraphs as '[Style] text', tables as rows of cells (a
    header row marked 'h', a row no page break may cut 'k'); a paragraph with an
    outline level of its own says it ('[Pilotnaam @2]')."""
    names = style_names(data)
    links = rels(data, "word/document.xml")
    body = xml(data, "word/document.xml").find("w:body", NS)
    out: list[str] = []

    def label(p: etree._Element) -> str:
        level = p.find("w:pPr/w:outlineLvl", NS)
        extra = f" @{int(level.get(w('val'))) + 1}" if level is not None else ""
        return f"{_style_of(p, names)}{extra}"

    for block in body:
        if block.tag == w("tbl"):
            out.append("<table>")
            for row in block.iterfind("w:tr", NS):
                header = row.find("w:trPr/w:tblHeader", NS) is not None
                whole = row.find("w:trPr/w:cantSplit", NS) is not None
                cells = []
                for cell in row.iterfind("w:tc", NS):
                    lines = []
                    for p in cell.iterfind("w:p", NS):
                        style = label(p)
                        mark = "• " if style == "List Bullet" else ""
                        shown = "" if style in ("Normal", "List Bullet") else f"[{style}] "
                        lines.append(f"{shown}{mark}{paragraph_text(p, links)}")
                    cells.append("\n  ".join(lines))
                mark = "h " if header else "k " if whole else ""
                out.append(mark + "| " + "\n| ".join(cells))
                out.append("-")
            out.append("</table>")
        elif block.tag == w("p"):
            out.append(f"[{label(block)}] {paragraph_text(block, links)}")
    return "\n".join(out) + "\n"


def footnotes(data: bytes) -> dict[int, str]:
    """Footnote id -> its text (hyperlinks as [text](target)), separators left out."""
    root = xml(data, "word/footnotes.xml")
    links = rels(data, "word/footnotes.xml")
    out = {}
    for note in root.iterfind("w:footnote", NS):
        if note.get(w("type")) in ("separator", "continuationSeparator"):
            continue
        text = "".join(paragraph_text(p, links) for p in note.iterfind("w:p", NS))
        out[int(note.get(w("id")))] = text.removeprefix("^\t")
    return out
