"""Accepting or rejecting every revision of a Word file, as Word does, on its XML.

Accept all: deleted runs (``w:del``) go, inserted ones (``w:ins``) stay as plain runs;
rows marked deleted (``w:trPr/w:del``) go, and a table without rows goes; a paragraph
whose mark is deleted (``w:pPr/w:rPr/w:del``) joins the next paragraph (an empty one
simply goes, with its bookmarks); property changes (``w:trPrChange``, ``w:pPrChange``, ``w:rPrChange``) are
dropped. Reject all is the opposite: inserted content, rows and marks go, deleted text
comes back as text (``w:delText`` -> ``w:t``), and a property change restores the old
properties. Footnotes no longer referenced go from the footnotes part.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from tests.helpers.wordxml import NS, body_text, footnotes, w


def _drop(el: etree._Element) -> None:
    el.getparent().remove(el)


def _unwrap(el: etree._Element) -> None:
    parent = el.getparent()
    at = parent.index(el)
    for k, child in enumerate(list(el)):
        parent.insert(at + k, child)
    parent.remove(el)


def resolve_body(root: etree._Element, accept: bool) -> None:
    gone, stays = ("del", "ins") if accept else ("ins", "del")
    # rows
    for tr in list(root.iter(w("tr"))):
        if tr.find(f"w:trPr/w:{gone}", NS) is not None:
            _drop(tr)
            continue
        for marker in tr.findall(f"w:trPr/w:{stays}", NS):
            _drop(marker)
    for change in list(root.iter(w("trPrChange"), w("pPrChange"), w("rPrChange"))):
        props = change.getparent()
        if not accept:  # the old properties come back
            old = change[0]
            for child in list(props):
                if child.tag not in (w("ins"), w("del"), w("rPr")) and child is not change:
                    props.remove(child)
            for k, child in enumerate(list(old)):
                props.insert(k, child)
        _drop(change)
    for table in list(root.iter(w("tbl"))):
        if table.find("w:tr", NS) is None:
            _drop(table)
    # runs
    for el in list(root.iter(w(gone))):
        if el.getparent() is not None and el.getparent().tag != w("rPr"):
            _drop(el)
    for el in list(root.iter(w(stays))):
        if el.getparent().tag != w("rPr"):
            _unwrap(el)
    if not accept:
        for el in root.iter(w("delText")):
            el.tag = w("t")
    for link in list(root.iter(w("hyperlink"))):
        if link.find("w:r", NS) is None:
            _drop(link)
    # paragraph marks
    for p in list(root.iter(w("p"))):
        rpr = p.find("w:pPr/w:rPr", NS)
        if rpr is None:
            continue
        if rpr.find(f"w:{gone}", NS) is not None:
            # (a bookmark goes with its paragraph: it holds no text)
            content = [
                c for c in p if c.tag not in (w("pPr"), w("bookmarkStart"), w("bookmarkEnd"))
            ]
            if content:
                nxt = p.getnext()
                assert nxt is not None and nxt.tag == w("p"), "a joined paragraph needs a next"
                ppr = nxt.find("w:pPr", NS)
                at = 0 if ppr is None else 1
                for k, child in enumerate(content):
                    nxt.insert(at + k, child)
            _drop(p)
            continue
        for marker in rpr.findall(f"w:{stays}", NS):
            rpr.remove(marker)
        if len(rpr) == 0:
            ppr = rpr.getparent()
            ppr.remove(rpr)
            if len(ppr) == 0:
                p.remove(ppr)


def resolve(data: bytes, accept: bool) -> bytes:
    """The Word file with every revision accepted (or rejected)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    body = etree.fromstring(parts["word/document.xml"])
    resolve_body(body, accept)
    parts["word/document.xml"] = etree.tostring(body, xml_declaration=True, encoding="UTF-8")
    used = {r.get(w("id")) for r in body.iter(w("footnoteReference"))}
    notes = etree.fromstring(parts["word/footnotes.xml"])
    for note in list(notes):
        if note.get(w("type")) is None and note.get(w("id")) not in used:
            notes.remove(note)
    parts["word/footnotes.xml"] = etree.tostring(notes, xml_declaration=True, encoding="UTF-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, raw in parts.items():
            z.writestr(name, raw)
    return buf.getvalue()


def readable(data: bytes, anchors: bool = True) -> tuple[str, list[str]]:
    """The body as text and the footnotes in the order of their references, with the
    references numbered in that order (as Word shows them, whatever their ids);
    ``anchors=False``: links within the document without their bookmark's name."""
    text = body_text(data)
    notes = footnotes(data)
    order: dict[str, int] = {}
    for ref in re.findall(r"\^(\d+)", text):
        order.setdefault(ref, len(order) + 1)
    text = re.sub(r"\^(\d+)", lambda m: f"^{order[m[1]]}", text)
    if not anchors:
        text = re.sub(r"\(#_Toc\w+\)", "(#)", text)
    return text, [notes[int(ref)] for ref in order]


def revisions(data: bytes) -> list[etree._Element]:
    """Every revision element of the body (w:ins and w:del, runs, rows and marks)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    return [el for el in body.iter(w("ins"), w("del"), w("trPrChange"))]
