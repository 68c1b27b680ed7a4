"""Word (.docx) -> an overview document, read from the file's structure.

The Bijlage's pilots are tables "Pilot | Toelichting": a row whose left cell has text
starts a pilot (the cell holds its name), rows with an empty left cell go on with it, and
the right cells hold the sections: a label paragraph ("Achtergrond", "Doel", "Stand van
zaken", "Looptijd" or "Doorlooptijd") and the paragraphs after it. Our own Word file marks
the labels with the style "Tussenkop"; in a file without that style a paragraph that reads
as a label is one. Header rows (repeated on each page) are skipped, and so is every other
table and heading (a table of contents, "Aandachtspunten", "Wijzigingen sinds").

Read exactly, with no guessing at line breaks: paragraphs are paragraphs; a list item (a
paragraph numbered by its own properties or its style) is a bullet ("• ", model.BULLET)
or, in a numbered list, starts with its number ("1. "); real footnotes and end notes are
read from their parts, and each reference gives the note its section and its anchor (the
text before it) as the text importer does. Tabs stay tabs; text that was deleted with
tracked changes, hidden text and field codes are left out. The title paragraph (style
"Title", or the first paragraph that names a peildatum) gives the title, the annex label
and the peildatum; the paragraphs after it, up to the first table or heading, the intro.

The body is read as a stream (lxml ``iterparse``), one top-level element at a time, so a
Word file of 10,000 pilots is read in a few seconds and little memory. No textual or rich.
The file's parts and what a paragraph is made of are read by
:mod:`~pilot_tui.importing.docx_parts`.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

from lxml import etree

from pilot_tui.importing.document import OverviewDocument, OverviewError, OverviewPilot
from pilot_tui.importing.docx_parts import (
    _ID,
    _P,
    _PPR,
    _PSTYLE,
    _TBL,
    _TC,
    _TR,
    _TYPE,
    _VAL,
    MAX_PART_BYTES,
    W,
    _int,
    _Level,
    _num_of,
    _number,
    _Package,
    _package,
    _Para,
    _reason,
    _Ref,
    _Style,
    _walk,
    _xml,
)
from pilot_tui.importing.footnotes import _anchor
from pilot_tui.importing.lines import _TITLE_RE, _label
from pilot_tui.model import BULLET, Footnote

_HEADER_WORDS = ("pilot", "toelichting")
LABEL_STYLE = "tussenkop"  # our label style, by name (lower case)


def read_docx(data: bytes) -> OverviewDocument:
    """The overview a Word file holds. Raises OverviewError (one Dutch line) for a file
    that cannot be read or holds no pilots; the caller builds the register."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return _Reader(_package(zf)).read()
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise OverviewError(f"beschadigd Word-bestand ({_reason(exc)})") from None
    except RuntimeError as exc:  # an entry encrypted with a zip password
        raise OverviewError(f"het Word-bestand kan niet gelezen worden ({_reason(exc)})") from None
    except etree.XMLSyntaxError as exc:
        raise OverviewError(
            f"beschadigd Word-bestand: de XML is onleesbaar ({_reason(exc)})"
        ) from None
    except OverviewError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged file is one line, never a traceback
        raise OverviewError(
            f"het Word-bestand kan niet gelezen worden ({type(exc).__name__}: {_reason(exc)})"
        ) from None


class _Reader:
    def __init__(self, pkg: _Package) -> None:
        self.pkg = pkg
        self.styles = self._styles()
        self.levels, self.nums = self._numbering()
        self.notes = {
            "footnote": self._notes("footnotes", "footnote"),
            "endnote": self._notes("endnotes", "endnote"),
        }
        self.by_style_labels = any(s.name == LABEL_STYLE for s in self.styles.values())
        self.counters: dict[str, list[int]] = {}
        self.warnings: list[str] = []
        self.title: str | None = None
        self.intro: list[str] = []
        self.in_intro = True
        self.pilots: list[OverviewPilot] = []
        self.tables = 0

    # -- the parts around the body ------------------------------------------------------------
    def _styles(self) -> dict[str, _Style]:
        part = self.pkg.rels.get("styles")
        data = self.pkg.part(part) if part else None
        out: dict[str, _Style] = {}
        if data is None:
            return out
        for st in _xml(data).iter(W + "style"):
            if st.get(_TYPE, "paragraph") != "paragraph":
                continue
            sid = st.get(W + "styleId") or ""
            name_el = st.find(W + "name")
            based = st.find(W + "basedOn")
            ppr = st.find(_PPR)
            num = None
            outline = False
            if ppr is not None:
                num = _num_of(ppr)
                outline = ppr.find(W + "outlineLvl") is not None
            name = (name_el.get(_VAL) if name_el is not None else sid) or sid
            out[sid] = _Style(
                name.lower(), based.get(_VAL) if based is not None else None, num, outline
            )
        return out

    def _numbering(self) -> tuple[dict[tuple[str, str], _Level], dict[str, str]]:
        part = self.pkg.rels.get("numbering")
        data = self.pkg.part(part) if part else None
        levels: dict[tuple[str, str], _Level] = {}  # (abstractNumId, ilvl) -> level
        nums: dict[str, str] = {}  # numId -> abstractNumId
        if data is None:
            return levels, nums
        root = _xml(data)
        for ab in root.iter(W + "abstractNum"):
            aid = ab.get(W + "abstractNumId") or ""
            for lvl in ab.iter(W + "lvl"):
                fmt = lvl.find(W + "numFmt")
                text = lvl.find(W + "lvlText")
                start = lvl.find(W + "start")
                levels[(aid, lvl.get(W + "ilvl") or "0")] = _Level(
                    (fmt.get(_VAL) if fmt is not None else "decimal") or "decimal",
                    (text.get(_VAL) if text is not None else "") or "",
                    _int(start.get(_VAL) if start is not None else "1", 1),
                )
        for num in root.iter(W + "num"):
            ab_el = num.find(W + "abstractNumId")
            if ab_el is not None:
                nums[num.get(W + "numId") or ""] = ab_el.get(_VAL) or ""
        return levels, nums

    def _notes(self, rel: str, tag: str) -> dict[str, str]:
        part = self.pkg.rels.get(rel)
        data = self.pkg.part(part) if part else None
        out: dict[str, str] = {}
        if data is None:
            return out
        for note in _xml(data).iter(W + tag):
            if note.get(_TYPE) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            paras = []
            for p in note.iter(_P):
                pieces: list[str | _Ref] = []
                _walk(p, pieces)
                paras.append("".join(x for x in pieces if isinstance(x, str)).strip())
            out[note.get(_ID) or ""] = " ".join(x for x in paras if x)
        return out

    # -- paragraphs ---------------------------------------------------------------------------
    def _style_chain(self, sid: str) -> Iterator[_Style]:
        seen = set()
        while sid and sid not in seen and sid in self.styles:
            seen.add(sid)
            style = self.styles[sid]
            yield style
            sid = style.based_on or ""

    def para(self, p: Any) -> _Para:
        ppr = p.find(_PPR)
        sid = ""
        num = None
        outline = False
        if ppr is not None:
            ps = ppr.find(_PSTYLE)
            sid = (ps.get(_VAL) if ps is not None else "") or ""
            num = _num_of(ppr)
            outline = ppr.find(W + "outlineLvl") is not None
        style_name = ""
        for i, style in enumerate(self._style_chain(sid)):
            if i == 0:
                style_name = style.name
            if num is None and style.num is not None:
                num = style.num
            outline = outline or style.outline
        pieces: list[str | _Ref] = []
        _walk(p, pieces)
        heading = (
            outline
            or style_name.startswith(("heading", "kop ", "toc", "inhoud"))
            or style_name in ("title", "titel")
        )
        return _Para(pieces, style_name, self._list_prefix(num), heading)

    def _list_prefix(self, num: tuple[str, str] | None) -> str:
        if num is None or num[0] in ("", "0"):
            return ""
        num_id, ilvl = num
        level = self.levels.get((self.nums.get(num_id, ""), ilvl))
        if level is None or level.fmt in ("bullet", "none"):
            return BULLET if level is None or level.fmt == "bullet" else ""
        depth = _int(ilvl, 0)
        counts = self.counters.setdefault(num_id, [])
        while len(counts) <= depth:
            counts.append(0)
        del counts[depth + 1 :]  # a higher level starts its lower levels again
        counts[depth] += 1
        text = level.text or f"%{depth + 1}."
        for i, n in enumerate(counts):
            lvl = self.levels.get((self.nums.get(num_id, ""), str(i)))
            start = lvl.start if lvl is not None else 1
            text = text.replace(f"%{i + 1}", _number(start + n - 1, lvl.fmt if lvl else "decimal"))
        return text.strip() + " "

    # -- the body -----------------------------------------------------------------------------
    def read(self) -> OverviewDocument:
        with self.pkg.zf.open(self.pkg.main) as fh:
            if self.pkg.zf.getinfo(self.pkg.main).file_size > MAX_PART_BYTES:
                raise OverviewError("het Word-bestand is te groot om in te lezen")
            body = W + "body"
            context = etree.iterparse(
                fh,
                events=("end",),
                tag=(_P, _TBL, W + "sdt"),
                resolve_entities=False,
                no_network=True,
                huge_tree=True,
            )
            for _event, el in context:
                parent = el.getparent()
                if parent is None or parent.tag != body:
                    continue
                self.block(el)
                el.clear()
                while el.getprevious() is not None:
                    del parent[0]
        if not self.pilots:
            raise OverviewError(
                "Geen pilots gevonden: het Word-bestand heeft geen tabellen 'Pilot | "
                "Toelichting' met kopjes Achtergrond, Doel, Stand van zaken, Looptijd."
            )
        return OverviewDocument(self.title or "", "\n".join(self.intro), self.pilots, self.warnings)

    def block(self, el: Any) -> None:
        if el.tag == _P:
            self.body_para(self.para(el))
        elif el.tag == _TBL:
            self.in_intro = False
            self.table(el)
        elif el.tag == W + "sdt":  # a content control (Word puts its table of contents in one)
            content = el.find(W + "sdtContent")
            for child in content if content is not None else ():
                self.block(child)

    def body_para(self, para: _Para) -> None:
        text = para.text.strip()
        if self.title is None:
            if para.style in ("title", "titel") or _TITLE_RE.search(text):
                self.title = " ".join(text.split())
            return
        if para.heading:
            self.in_intro = False
        elif self.in_intro and text:
            self.intro.append(para.list_prefix + text)

    def table(self, tbl: Any) -> None:
        """A table of pilots: two columns, and a label in the right one."""
        self.tables += 1
        rows = []
        for tr in tbl.iterchildren(_TR):
            cells = list(tr.iterchildren(_TC))
            if len(cells) != 2:
                continue  # a row across the table, or another kind of table
            left_paras = [self.para(p) for p in cells[0].iter(_P)]
            right_paras = [self.para(p) for p in cells[1].iter(_P)]
            rows.append((tr, left_paras, right_paras))
        if not any(self.is_label(p) for _tr, _l, right in rows for p in right):
            return
        pilot: _Builder | None = None
        for tr, left_paras, right_paras in rows:
            left_text = " ".join(p.text.strip() for p in left_paras if p.text.strip())
            right_text = " ".join(p.text.strip() for p in right_paras if p.text.strip())
            if _is_header(tr, left_text, right_text):
                continue
            if left_text:
                if pilot is not None:
                    self.finish(pilot)
                pilot = _Builder(self, left_paras, f"tabel {self.tables}")
            if pilot is not None:
                for para in right_paras:
                    pilot.add(para)
        if pilot is not None:
            self.finish(pilot)

    def finish(self, pilot: _Builder) -> None:
        if not pilot.sections:
            self.warnings.append(
                f"Tabel {self.tables}: '{pilot.name[:60]}' heeft geen kopjes; overgeslagen."
            )
            return
        self.pilots.append(pilot.result())

    def is_label(self, para: _Para) -> tuple[str, str, str] | None:
        text = para.text.strip()
        if para.list_prefix:
            return None
        if self.by_style_labels:
            if para.style != LABEL_STYLE:
                return None
            return _label(text) or ("", text, "")
        return _label(text)


class _Builder:
    """One pilot, as its rows come: the name, then sections of paragraphs with references."""

    def __init__(self, reader: _Reader, name_paras: list[_Para], where: str) -> None:
        self.reader = reader
        self.where = where
        self.notes: list[Footnote] = []
        self.sections: dict[str, list[str]] = {}
        self.section = ""
        self.looptijd_label = "Looptijd"
        self.name = ""
        parts: list[str | _Ref] = []
        for para in name_paras:
            if para.text.strip() or any(isinstance(x, _Ref) for x in para.pieces):
                if parts:
                    parts.append(" ")
                parts.extend(para.pieces)
        self.name = " ".join(self._text(parts, "name", []).split())

    def add(self, para: _Para) -> None:
        label = self.reader.is_label(para)
        if label is not None:
            key, word, rest = label
            if not key:  # a label style with a text we do not know: its own paragraph
                self.reader.warnings.append(
                    f"{self.where[:1].upper()}{self.where[1:]}: onbekend kopje '{word[:40]}'."
                )
                return
            self.section = key
            self.sections.setdefault(key, [])
            if key == "looptijd":
                self.looptijd_label = word
            if rest:
                self.sections[key].append(rest)
            return
        if not self.section:
            if para.text.strip():
                self.reader.warnings.append(
                    f"{self.where[:1].upper()}{self.where[1:]}: tekst vóór het eerste kopje "
                    "genegeerd."
                )
            return
        paras = self.sections[self.section]
        text = self._text(para.pieces, self.section, paras, para.list_prefix)
        for line in text.split("\n"):  # a line break in a paragraph: paragraphs in the model
            if line.strip():
                paras.append(line)

    def _text(
        self, pieces: list[str | _Ref], section: str, before: list[str], prefix: str = ""
    ) -> str:
        """The paragraph's text, stripped; its references become footnotes anchored to
        the text before them (``before``: the section's paragraphs so far)."""
        text = ""
        refs: list[tuple[int, _Ref]] = []
        for piece in pieces:
            if isinstance(piece, _Ref):
                refs.append((len(text), piece))
            else:
                text += piece
        lead = len(text) - len(text.lstrip())
        stripped = prefix + text.strip()
        shift = len(prefix) - lead
        earlier = "\n".join(before)
        for at, ref in refs:
            pos = max(0, min(len(stripped), at + shift))
            note = self.reader.notes[ref.kind].get(ref.id)
            if note is None:
                self.reader.warnings.append(
                    f"{self.where[:1].upper()}{self.where[1:]}: verwijzing naar een "
                    f"onbekende voetnoot ({ref.id}) genegeerd."
                )
                continue
            context = f"{earlier}\n{stripped[:pos]}" if earlier else stripped[:pos]
            self.notes.append(Footnote(note, section, _anchor(context)))
        return stripped

    def result(self) -> OverviewPilot:
        texts = {}
        for key, paras in self.sections.items():
            texts[key] = (" " if key == "looptijd" else "\n").join(paras)
        return OverviewPilot(self.name, texts, self.notes, self.looptijd_label, self.where)


def _is_header(tr: Any, left: str, right: str) -> bool:
    trpr = tr.find(W + "trPr")
    if trpr is not None and trpr.find(W + "tblHeader") is not None:
        return True
    return left.casefold() == "pilot" and right.casefold() in ("toelichting", "stand van zaken")
