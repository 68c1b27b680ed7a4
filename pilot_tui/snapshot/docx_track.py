"""The Word Bijlage with the changes since an earlier peildatum as Word revisions.

With ``track_changes`` (``--since D0 --track-changes``) the document at the peildatum P is
written as P's text with revisions against the document at D0 (``snapshot.before``, built
with the same options): insertions (``w:ins``) and deletions (``w:del``, ``w:delText``) by
the author "pilot-tui", each dated when that change was made (the register's audit log,
else the peildatum from which the new value holds; see
:class:`pilot_tui.snapshot.changes.RevisionDates`). A reviewer accepts or rejects them one
by one in Word; accepting every revision gives exactly the clean document at P, rejecting
every revision the one at D0. There is no "Wijzigingen sinds" chapter: the revisions are
the changes.

How the two documents are laid over each other:

* the blocks after the intro (group headings and pilots, by id) are matched in order
  (difflib); a pilot at both dates with the same text is written as in the clean
  document; a pilot added since is its whole table inserted, one retired since its whole
  table deleted, every row marked as such (``w:trPr/w:ins``, ``w:trPr/w:del``) as Word
  does it; a pilot that moved (another group) is deleted in one place and inserted in the
  other;
* within a pilot's table the rows (a row per paragraph, see the clean writer) are
  matched by section and text: a row at both dates has its paragraphs diffed word by word
  (the policy of :func:`pilot_tui.worddiff.opcodes`: a rewritten text goes as a whole),
  a row only at one date is inserted or deleted whole; whether a page break may cut a row
  (``w:cantSplit``) follows P, with the old value as a ``w:trPrChange``;
* a footnote reference is a token like a word: a note at both dates (same text) is one
  reference; a new one is an inserted reference, one gone or changed an old reference
  deleted (its old text kept in the footnotes part). The ids follow the references,
  deleted ones included (Word numbers the notes by their place; LibreOffice gives the
  part's notes to the references in the order of their ids);
* the title, the Aandachtspunten and the table of contents are diffed the same way.

Whole paragraphs are only ever inserted or deleted with their paragraph mark and never as
the last paragraph of a table cell, so that accepting or rejecting them leaves no empty
paragraph behind; the document's last paragraph (a table's spacer) is not a revision when
a pilot at both dates comes before the last ones added or retired. (LibreOffice 7.4 cannot
take away an empty paragraph just before a table: there, the spacer of a table inserted or
deleted whole stays as an empty line.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from itertools import pairwise
from typing import NamedTuple

from pilot_tui.snapshot import wordpkg as pkg
from pilot_tui.snapshot.changes import RevisionDates
from pilot_tui.snapshot.docx import (
    _BOLD,
    _DOC_START,
    _ITALIC_GREY,
    _SPACER,
    CHARS_PER_LINE,
    KEEP_LINES,
    NAME_W,
    TEXT_W,
    Progress,
    _mm,
    _Out,
    _t,
    _Writer,
)
from pilot_tui.snapshot.links import has_link, pieces
from pilot_tui.snapshot.model import (
    Para,
    Run,
    Snapshot,
    SnapshotPilot,
    Summary,
)
from pilot_tui.worddiff import opcodes

AUTHOR = "pilot-tui"

# a word with the white space after it, or white space alone (a paragraph has no "\n")
_WORD_RE = re.compile(r"\S+\s*|\s+")

# A token of a paragraph: ("t", run properties, text) or ("n", "", the footnote's text).
# A paragraph holds its runs as tokens (adjacent texts with the same properties joined),
# and only when it differs between the dates is it cut into words ("t" tokens of a word
# with the spaces after it) to be diffed. Equal tokens are the same to a reader: a
# footnote is equal to one with the same text, whatever its number.
Tok = tuple[str, str, str]

# the field whose change dates the revisions in a section (its label: the second)
_SECTION_FIELD = {
    "achtergrond": ("achtergrond", "achtergrond"),
    "doel": ("doel", "doel"),
    "stand_van_zaken": ("stand_van_zaken", "stand_van_zaken"),
    "looptijd": ("looptijd", "looptijd_label"),
}
_PILOT_WIDTHS = (NAME_W, TEXT_W - NAME_W)
_PILOT_LABELS = ("Pilot", "Toelichting")
_SUMMARY_WIDTHS = (_mm(60), _mm(25))
_RIGHT = '<w:jc w:val="right"/>'


class _When:
    """A revision's date, looked up when a revision first needs it (most rows have none)."""

    __slots__ = ("field", "pid", "text", "writer")

    def __init__(self, writer: TrackWriter, pid: str, field: str) -> None:
        self.writer = writer
        self.pid = pid
        self.field = field
        self.text: str | None = None

    def __str__(self) -> str:
        if self.text is None:
            self.text = self.writer.when(self.pid, self.field)
        return self.text


RevDate = str | _When


class PIR(NamedTuple):
    """A paragraph as tokens, ready to be diffed and written."""

    ppr: str  # what goes inside <w:pPr> ("" for none)
    toks: tuple[Tok, ...]
    nums: tuple[int, ...]  # per token: the footnote number (in its own snapshot), else 0
    links: bool  # web addresses in the text become links (as the clean writer decides)
    field: str  # the field whose change dates its revisions


class Row(NamedTuple):
    """A row of a pilot's table, its text column: a section's label with its first
    paragraph, or a further paragraph."""

    slot: tuple[str, bool, tuple[str, ...]]  # section, first of it, the paragraphs' pPr
    paras: tuple[PIR, ...]
    keep: bool  # no page break cuts it (w:cantSplit)

    @property
    def sig(self) -> tuple[object, ...]:
        return (self.slot, tuple(p.toks for p in self.paras))


# A word token: a word with the spaces after it, as a plain string when it has no run
# properties (most words: no tuple to make), else as a "t" token.
WTok = str | Tok


def _pir(ppr: str, text: str, field: str, rpr: str = "", links: bool = True) -> PIR:
    toks: tuple[Tok, ...] = (("t", rpr, text),) if text else ()
    return PIR(ppr, toks, (0,) * len(toks), links, field)


def _coarse(parts: Iterable[tuple[Tok, int]]) -> tuple[tuple[Tok, ...], tuple[int, ...]]:
    """Tokens and note numbers with adjacent texts of the same properties joined."""
    toks: list[Tok] = []
    nums: list[int] = []
    for tok, num in parts:
        if tok[0] == "t":
            if not tok[2]:
                continue
            if toks and toks[-1][0] == "t" and toks[-1][1] == tok[1]:
                toks[-1] = ("t", tok[1], toks[-1][2] + tok[2])
                continue
        toks.append(tok)
        nums.append(num)
    return tuple(toks), tuple(nums)


def _fine(para: PIR) -> tuple[list[WTok], list[WTok], list[int]]:
    """A paragraph's tokens cut into words: the words, the words as compared (a word at
    the end of a text as if a space followed it) and the note numbers."""
    toks: list[WTok] = []
    keys: list[WTok] = []
    nums: list[int] = []
    for tok, num in zip(para.toks, para.nums, strict=True):
        if tok[0] != "t":
            toks.append(tok)
            keys.append(tok)
            nums.append(num)
            continue
        rpr = tok[1]
        found: list[str] = _WORD_RE.findall(tok[2])
        words: list[WTok] = list(found) if not rpr else [("t", rpr, w) for w in found]
        toks += words
        nums += [0] * len(words)
        last = found[-1] if found else " "
        if last[-1].isspace():
            keys += words
        else:
            keys += words[:-1]
            keys.append(last + " " if not rpr else ("t", rpr, last + " "))
    return toks, keys, nums


def _text(tok: WTok) -> str:
    return tok if isinstance(tok, str) else tok[2]


def _del_text(xml: str) -> str:
    """A run's text elements as deleted text (``_t`` escapes the text: no markup in it)."""
    return (
        xml.replace("<w:t>", "<w:delText>")
        .replace("<w:t ", "<w:delText ")
        .replace("</w:t>", "</w:delText>")
    )


def _pairs(
    old: Sequence[object], new: Sequence[object]
) -> list[tuple[str, int | None, int | None]]:
    """Old and new items matched in order: ("keep", i, j), ("del", i, None), ("ins", None,
    j); of a replaced stretch the deleted items come first."""
    out: list[tuple[str, int | None, int | None]] = []
    # the same start and end need no matching (most of a pilot's rows)
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    out += [("keep", k, k) for k in range(head)]
    mid_old, mid_new = old[head : len(old) - tail], new[head : len(new) - tail]
    if mid_old and mid_new:
        codes = SequenceMatcher(None, mid_old, mid_new, autojunk=False).get_opcodes()
    else:  # (only deleted or only inserted: nothing to match)
        codes = [("replace", 0, len(mid_old), 0, len(mid_new))] if mid_old or mid_new else []
    for tag, i1, i2, j1, j2 in codes:
        i1, i2, j1, j2 = i1 + head, i2 + head, j1 + head, j2 + head
        if tag == "equal":
            out += [("keep", i, j) for i, j in zip(range(i1, i2), range(j1, j2), strict=True)]
            continue
        out += [("del", i, None) for i in range(i1, i2)]
        out += [("ins", None, j) for j in range(j1, j2)]
    out += [("keep", len(old) - k, len(new) - k) for k in range(tail, 0, -1)]
    return out


class Block(NamedTuple):
    """A group heading or a pilot in the merged document."""

    tag: str  # "keep", "ins", "del"
    old: SnapshotPilot | str | None  # the pilot, or the group's title
    new: SnapshotPilot | str | None


class TrackWriter(_Writer):
    """The clean writer's document at P, with revisions against ``snapshot.before``."""

    def __init__(
        self,
        snapshot: Snapshot,
        template: pkg.Template,
        progress: Progress | None,
        toc: bool,
    ) -> None:
        super().__init__(snapshot, template, progress, toc)
        before = snapshot.before
        assert before is not None, "a snapshot with revisions carries the earlier one"
        self.before: Snapshot = before
        self.dates: RevisionDates | None = snapshot.revisions
        self.rev = 0  # revision ids, from 1
        self.old_bookmarks = 0  # headings only at D0 given a bookmark (for the contents)
        self.p_headings = 0  # the headings at P (their bookmarks come first; see body)
        self._when: dict[tuple[str, str], str] = {}
        self.new_notes = {n.number: n.text for n in snapshot.notes}
        self.old_notes = {n.number: n.text for n in before.notes}
        # The footnotes' ids, given in the order of their references: (date, number) ->
        # id, "p" for P's notes (kept or inserted), "d0" for a note only D0 had (deleted,
        # its old text kept). Word numbers the notes by their place whatever their ids;
        # LibreOffice gives the notes to the references in the order of their ids.
        self.note_ids: dict[tuple[str, int], int] = {}
        ids = self.ids
        level = f'<w:outlineLvl w:val="{self.pilot_level}"/>' if self.pilot_level else ""
        self.ppr_name = f'<w:pStyle w:val="{ids["name"]}"/>{level}'
        # the outline levels at D0: pilots under group headings only when there were any
        old_grouped = any(g.title for g in before.groups)
        self.old_pilot_level = int(self.chapter) + int(old_grouped)
        level = f'<w:outlineLvl w:val="{self.old_pilot_level}"/>' if self.old_pilot_level else ""
        self.old_ppr_name = f'<w:pStyle w:val="{ids["name"]}"/>{level}'
        self.ppr_label = f'<w:pStyle w:val="{ids["label"]}"/>'
        self.ppr_bullet = f'<w:pStyle w:val="{ids["bullet"]}"/>'
        self.blocks = self._plan()
        self.total = sum(1 for b in self.blocks if not isinstance(b.old or b.new, str))

    # -- revisions ------------------------------------------------------------------------
    def when(self, pilot_id: str, field: str) -> str:
        """The date of a revision as ``w:date`` takes it: the audit log's time as logged
        (local time, no conversion: the same register gives the same file on any machine),
        with the "Z" Word itself writes."""
        key = (pilot_id, field)
        found = self._when.get(key)
        if found is None:
            dates = self.dates
            if dates is None:
                moment = self.snapshot.peildatum.isoformat() + "T00:00:00"
            elif pilot_id:
                moment = dates.of(pilot_id, field).strftime("%Y-%m-%dT%H:%M:%S")
            else:
                moment = dates.document().strftime("%Y-%m-%dT%H:%M:%S")
            found = self._when[key] = moment + "Z"
        return found

    def mark(self, tag: str, when: RevDate) -> str:
        """A revision mark: ``<w:ins …/>`` or ``<w:del …/>`` (rows, paragraph marks)."""
        self.rev += 1
        return f'<w:{tag} w:id="{self.rev}" w:author="{AUTHOR}" w:date="{when}"/>'

    def _open(self, tag: str, when: RevDate) -> str:
        self.rev += 1
        return f'<w:{tag} w:id="{self.rev}" w:author="{AUTHOR}" w:date="{when}">'

    def tracked_text(self, text: str, rpr: str, links: bool, tag: str, when: RevDate) -> str:
        """``text`` as inserted (``tag`` "ins") or deleted ("del") runs; web addresses as
        hyperlinks around the revision, as the clean writer makes them."""
        if not text:
            return ""
        close = f"</w:{tag}>"
        fix = _del_text if tag == "del" else str
        if not links or not has_link(text):
            return f"{self._open(tag, when)}<w:r>{rpr}{fix(_t(text))}</w:r>{close}"
        out = []
        for piece in pieces(text):
            inner = fix(_t(piece.text))
            if piece.href is None:
                out.append(f"{self._open(tag, when)}<w:r>{rpr}{inner}</w:r>{close}")
            else:
                rid = self.doc_rels.add(pkg.RT_HYPERLINK, piece.href, external=True)
                out.append(
                    f'<w:hyperlink r:id="{rid}" w:history="1">'
                    f"{self._open(tag, when)}{self.r_link}{inner}</w:r>{close}</w:hyperlink>"
                )
        return "".join(out)

    def tok_runs(
        self,
        toks: Sequence[WTok],
        nums: Sequence[int],
        links: bool,
        tag: str = "",
        when: RevDate = "",
        note_when: RevDate = "",
    ) -> str:
        """Tokens as runs: as they are (``tag`` ""), or inserted or deleted. A deleted
        footnote reference refers to its old note (see ``old_noteref``)."""
        plain: str | None
        rpr = ""
        if len(toks) == 1 and toks[0][0] == "t" and not isinstance(toks[0], str):
            _kind, rpr, plain = toks[0]  # a paragraph's one run (a paragraph as it was)
        else:
            try:  # the usual: plain words only, joined in one go
                plain = "".join(toks)  # type: ignore[arg-type]
            except TypeError:  # a footnote or a word with run properties among them
                plain = None
        if plain is not None:
            if tag:
                return self.tracked_text(plain, rpr, links, tag, when)
            return self.text(plain, rpr, None, links)
        out: list[str] = []
        words: list[str] = []
        rpr = ""

        def flush() -> None:
            if words:
                text = "".join(words)
                if tag:
                    out.append(self.tracked_text(text, rpr, links, tag, when))
                else:
                    out.append(self.text(text, rpr, None, links))
                words.clear()

        for tok, number in zip(toks, nums, strict=True):
            if isinstance(tok, str):
                if words and rpr:
                    flush()
                rpr = ""
                words.append(tok)
                continue
            kind, r, text = tok
            if kind == "t":
                if words and r != rpr:
                    flush()
                rpr = r
                words.append(text)
                continue
            flush()
            if not tag:
                out.append(self.noteref(number))
                continue
            ref = self.old_noteref(number) if tag == "del" else self.noteref(number)
            out.append(f"{self._open(tag, note_when)}{ref}</w:{tag}>")
        flush()
        return "".join(out)

    def _note_id(self, key: tuple[str, int]) -> int:
        found = self.note_ids.get(key)
        if found is None:
            found = self.note_ids[key] = len(self.note_ids) + 1
        return found

    def noteref(self, number: int) -> str:
        """A reference to P's note ``number`` (also where the clean writer makes one)."""
        return super().noteref(self._note_id(("p", number)))

    def old_noteref(self, number: int) -> str:
        """A reference to D0's note ``number`` (deleted: its old text is kept)."""
        return super().noteref(self._note_id(("d0", number)))

    def tok_diff(self, old: PIR, new: PIR, when: RevDate, note_when: RevDate = "") -> str:
        """The runs of a paragraph at both dates: its words (and footnote references)
        kept, deleted and inserted. A word is compared with a space after it, so that the
        last word of a text is a word like the others ("zaken" and "zaken (per …)" share
        "zaken"); a space only one side has is then a revision of its own."""
        if old.toks == new.toks:
            return self.tok_runs(new.toks, new.nums, new.links)
        note_when = note_when or when
        a, a_keys, a_nums = _fine(old)
        b, b_keys, b_nums = _fine(new)
        out = []
        for tag, i1, i2, j1, j2 in opcodes(a_keys, b_keys):
            if tag == "equal":
                out.append(self._equal(a[i1:i2], b[j1:j2], b_nums[j1:j2], new.links, when))
            elif tag == "delete":
                out.append(
                    self.tok_runs(a[i1:i2], a_nums[i1:i2], old.links, "del", when, note_when)
                )
            else:
                out.append(
                    self.tok_runs(b[j1:j2], b_nums[j1:j2], new.links, "ins", when, note_when)
                )
        return "".join(out)

    def _equal(
        self,
        olds: Sequence[WTok],
        news: Sequence[WTok],
        nums: Sequence[int],
        links: bool,
        when: RevDate,
    ) -> str:
        """Tokens the same at both dates but for a space after a word on one side."""
        if olds == news:
            return self.tok_runs(news, nums, links)
        out = []
        start = 0
        for k, (a, b) in enumerate(zip(olds, news, strict=True)):
            if a == b:
                continue
            # the same word, a space after it on one side only
            shorter = a if len(_text(a)) < len(_text(b)) else b
            head = [*news[start:k], shorter]
            out.append(self.tok_runs(head, [*nums[start:k], 0], links))
            tag = "ins" if shorter is a else "del"
            rpr = "" if isinstance(b, str) else b[1]
            out.append(self.tracked_text(" ", rpr, False, tag, when))
            start = k + 1
        out.append(self.tok_runs(news[start:], nums[start:], links))
        return "".join(out)

    @staticmethod
    def p(ppr: str, inner: str, mark: str = "") -> str:
        """A paragraph; ``mark``: its paragraph mark inserted or deleted."""
        if mark:
            return f"<w:p><w:pPr>{ppr}<w:rPr>{mark}</w:rPr></w:pPr>{inner}</w:p>"
        if ppr:
            return f"<w:p><w:pPr>{ppr}</w:pPr>{inner}</w:p>"
        return f"<w:p>{inner}</w:p>"

    def whole(
        self,
        para: PIR,
        tag: str,
        when: RevDate,
        note_when: RevDate,
        around: tuple[str, str] = ("", ""),
    ) -> str:
        """A paragraph inserted or deleted whole: its runs and its paragraph mark;
        ``around``: a bookmark's start and end around its text."""
        inner = self.tok_runs(para.toks, para.nums, para.links, tag, when, note_when)
        return self.p(para.ppr, f"{around[0]}{inner}{around[1]}", self.mark(tag, when))

    def merge_paras(
        self,
        old: Sequence[PIR],
        new: Sequence[PIR],
        when: RevDate,
        old_keys: Sequence[object] | None = None,
        new_keys: Sequence[object] | None = None,
    ) -> str:
        """Body paragraphs at both dates: matched by key, the matched ones diffed, the
        others inserted or deleted whole. Without keys (matched by their properties and
        text), the paragraphs of a replaced stretch are paired in order where they have
        the same properties; with keys (a list item per pilot), another key is another
        thing and never paired. The caller makes sure a paragraph follows (an inserted or
        deleted paragraph's mark joins it)."""
        keyed = old_keys is not None and new_keys is not None
        ok = old_keys if old_keys is not None else [(p.ppr, p.toks) for p in old]
        nk = new_keys if new_keys is not None else [(p.ppr, p.toks) for p in new]
        out = []
        pending_del: list[int] = []
        pending_ins: list[int] = []

        def settle() -> None:
            # a replaced stretch: pair in order what has the same properties
            k = 0
            while not keyed and k < min(len(pending_del), len(pending_ins)):
                a, b = old[pending_del[k]], new[pending_ins[k]]
                if a.ppr != b.ppr:
                    break
                k += 1
            for i in pending_del[k:]:
                out.append(self.whole(old[i], "del", when, when))
            for a_i, b_i in zip(pending_del[:k], pending_ins[:k], strict=True):
                out.append(self.p(new[b_i].ppr, self.tok_diff(old[a_i], new[b_i], when)))
            for j in pending_ins[k:]:
                out.append(self.whole(new[j], "ins", when, when))
            pending_del.clear()
            pending_ins.clear()

        for tag, i, j in _pairs(ok, nk):
            if tag == "keep":
                settle()
                assert i is not None and j is not None
                out.append(self.p(new[j].ppr, self.tok_diff(old[i], new[j], when)))
            elif tag == "del":
                assert i is not None
                pending_del.append(i)
            else:
                assert j is not None
                pending_ins.append(j)
        settle()
        return "".join(out)

    # -- pilots -----------------------------------------------------------------------------
    def pilot_ir(self, sp: SnapshotPilot, old: bool) -> tuple[PIR, list[Row]]:
        """A pilot's name paragraph and its rows, as the clean writer lays them out;
        ``old``: the pilot at D0."""
        notes = self.old_notes if old else self.new_notes

        def para(ppr: str, runs: Sequence[Run], field: str) -> PIR:
            if len(runs) == 1 and runs[0].note is None:  # the usual paragraph
                run = runs[0]
                text = run.text
                if not text:
                    return PIR(ppr, (), (), True, field)
                return PIR(
                    ppr, (("t", _ITALIC_GREY if run.italic else "", text),), (0,), True, field
                )
            toks, nums = _coarse(
                (("n", "", notes[run.note]), run.note)
                if run.note is not None
                else (("t", _ITALIC_GREY if run.italic else "", run.text), 0)
                for run in runs
            )
            return PIR(ppr, toks, nums, True, field)

        name_runs = [Run(sp.display_name), *(Run(note=n) for n in sp.name_notes)]
        name = para(self.old_ppr_name if old else self.ppr_name, name_runs, "name")
        rows: list[Row] = []
        for section in sp.sections:
            field, label_field = _SECTION_FIELD.get(section.key, (section.key, section.key))
            cell = [_pir(self.ppr_label, section.label, label_field, links=False)]
            lines = 1
            first = True
            first_row = True
            for p in section.paras:
                n = 1 + sum(len(r.text) for r in p.runs) // CHARS_PER_LINE
                pir = para(self.ppr_bullet if p.kind == "li" else "", p.runs, field)
                if first:
                    cell.append(pir)
                    lines += n
                    first = False
                    continue
                slot = (section.key, first_row, tuple(x.ppr for x in cell))
                rows.append(Row(slot, tuple(cell), lines <= KEEP_LINES))
                first_row = False
                cell, lines = [pir], n
            slot = (section.key, first_row, tuple(x.ppr for x in cell))
            rows.append(Row(slot, tuple(cell), lines <= KEEP_LINES))
        if not rows:  # (a pilot always has a stand van zaken: defensive)
            rows.append(Row(("", True, ("",)), (PIR("", (), (), False, "name"),), True))
        return name, rows

    def row(
        self,
        pid: str,
        old: Row | None,
        new: Row | None,
        name: tuple[PIR | None, PIR | None] | None = None,
        bookmark: tuple[str, str] = ("", ""),
        field: str = "",
    ) -> str:
        """A row at both dates (its paragraphs diffed), or inserted or deleted whole.
        ``name``: the first row, with the pilot's name at both dates. ``field``: what
        dates every revision in it (a pilot added or retired); else its section's field,
        the footnotes for a reference and the name for the name."""
        base = new if new is not None else old
        assert base is not None
        when = _When(self, pid, field or base.paras[-1].field)
        note_when = _When(self, pid, field or "footnotes")
        tag = "" if old is not None and new is not None else "ins" if new is not None else "del"
        name_p = ""
        if name is not None:  # first: the name comes before the text (the notes' order)
            old_name, new_name = name
            name_when = _When(self, pid, field or "name")
            start, end = bookmark
            if old_name is not None and new_name is not None:
                inner = self.tok_diff(old_name, new_name, name_when, note_when)
                name_p = self.p(new_name.ppr, f"{start}{inner}{end}")
            else:
                one = new_name if new_name is not None else old_name
                assert one is not None
                name_p = self.whole(one, tag, name_when, note_when, bookmark)
        if old is not None and new is not None:
            tag = ""
            props = "<w:cantSplit/>" if new.keep else ""
            if old.keep != new.keep:
                was = "<w:cantSplit/>" if old.keep else ""
                self.rev += 1
                props += (
                    f'<w:trPrChange w:id="{self.rev}" w:author="{AUTHOR}" w:date="{when}">'
                    f"<w:trPr>{was}</w:trPr></w:trPrChange>"
                )
            paras = "".join(
                self.p(b.ppr, self.tok_diff(a, b, when, note_when))
                for a, b in zip(old.paras, new.paras, strict=True)
            )
        else:
            props = ("<w:cantSplit/>" if base.keep else "") + self.mark(tag, when)
            paras = "".join(self.whole(x, tag, when, note_when) for x in base.paras)
        tr = f"<w:tr><w:trPr>{props}</w:trPr>" if props else "<w:tr>"
        if name is None:
            empty = (
                f"<w:p><w:pPr><w:rPr>{self.mark(tag, when)}</w:rPr></w:pPr></w:p>"
                if tag
                else "<w:p/>"
            )
            return f"{tr}<w:tc>{empty}</w:tc><w:tc>{paras}</w:tc></w:tr>"
        name_tc, text_tc = self.first_row
        return f"{tr}{name_tc}{name_p}</w:tc>{text_tc}{paras}</w:tc></w:tr>"

    def old_bookmark(self) -> tuple[str, str]:
        """The bookmark of a heading only at D0 (the contents link to it)."""
        if not self.toc:
            return "", ""
        self.old_bookmarks += 1
        n = self.old_bookmarks
        bid = self.p_headings + n
        return (
            f'<w:bookmarkStart w:id="{bid}" w:name="_TocV{n:06d}"/>',
            f'<w:bookmarkEnd w:id="{bid}"/>',
        )

    def kept_pilot(self, old: SnapshotPilot, new: SnapshotPilot, spacer: tuple[str, str]) -> str:
        """A pilot at both dates: as in the clean document when nothing changed, else its
        table with revisions; ``spacer``: see ``spacers``."""
        xml = self._kept_pilot(old, new)
        if spacer[0]:
            xml = xml[: -len(_SPACER)] + self.spacer(spacer)
        return xml

    def _kept_pilot(self, old: SnapshotPilot, new: SnapshotPilot) -> str:
        if (
            old.display_name == new.display_name
            and old.sections == new.sections
            and old.name_notes == new.name_notes
            and old.notes == new.notes
        ):
            return self.pilot(new)
        name0, rows0 = self.pilot_ir(old, True)
        name1, rows1 = self.pilot_ir(new, False)
        sigs0 = [r.sig for r in rows0]
        sigs1 = [r.sig for r in rows1]
        if (
            name0.toks == name1.toks
            and sigs0 == sigs1
            and [r.keep for r in rows0] == [r.keep for r in rows1]
        ):
            return self.pilot(new)  # only the notes' numbers moved
        pid = new.id
        bookmark = self.bookmark()
        out = [self.pilot_head]
        first0, first1 = rows0[0], rows1[0]
        if first0.slot == first1.slot:
            out.append(self.row(pid, first0, first1, (name0, name1), bookmark))
        else:  # another first section: the first row goes, the new one comes
            out.append(self.row(pid, first0, None, (name0, None)))
            out.append(self.row(pid, None, first1, (None, name1), bookmark))
        rest0, rest1 = rows0[1:], rows1[1:]
        pending: tuple[list[Row], list[Row]] = ([], [])

        def settle() -> None:
            # a replaced stretch: rows of the same slot paired in order, the others whole
            dels, inss = pending
            if not dels and not inss:
                return
            for _tag, i, j in _pairs([r.slot for r in dels], [r.slot for r in inss]):
                out.append(
                    self.row(
                        pid,
                        dels[i] if i is not None else None,
                        inss[j] if j is not None else None,
                    )
                )
            dels.clear()
            inss.clear()

        for tag, i, j in _pairs(sigs0[1:], sigs1[1:]):
            if tag == "keep":
                settle()
                assert i is not None and j is not None
                out.append(self.row(pid, rest0[i], rest1[j]))
            elif tag == "del":
                assert i is not None
                pending[0].append(rest0[i])
            else:
                assert j is not None
                pending[1].append(rest1[j])
        settle()
        out.append("</w:tbl>")
        out.append(_SPACER)
        return "".join(out)

    def whole_pilot(self, sp: SnapshotPilot, tag: str, spacer: tuple[str, str]) -> str:
        """A pilot's table inserted or deleted whole, header row included. ``spacer``:
        the revision of the empty paragraph after it (see ``spacers``)."""
        old = tag == "del"
        name, rows = self.pilot_ir(sp, old)
        when = self.when(sp.id, "removed")
        bookmark = self.old_bookmark() if old else self.bookmark()
        out = [
            self._table_open(_PILOT_WIDTHS, "table"),
            self._header_row(
                _PILOT_WIDTHS,
                _PILOT_LABELS,
                True,
                mark=lambda: self.mark(tag, when),
                label_runs=lambda label: self.tracked_text(label, "", False, tag, when),
            ),
        ]
        for k, r in enumerate(rows):
            first = (None, name) if not old else (name, None)
            out.append(
                self.row(
                    sp.id,
                    r if old else None,
                    None if old else r,
                    first if k == 0 else None,
                    bookmark if k == 0 else ("", ""),
                    "removed",
                )
            )
        out.append("</w:tbl>")
        out.append(self.spacer(spacer))
        return "".join(out)

    def spacer(self, revision: tuple[str, str]) -> str:
        """The empty paragraph after a table; ``revision``: ("ins" or "del", the pilot whose
        table it goes with), or ("", "") for none (see ``spacers``)."""
        tag, pid = revision
        if not tag:
            return _SPACER
        mark = self.mark(tag, self.when(pid, "removed"))
        return f'<w:p><w:pPr><w:spacing w:after="0"/><w:rPr>{mark}</w:rPr></w:pPr></w:p>'

    # -- the plan ----------------------------------------------------------------------------
    def _plan(self) -> list[Block]:
        """Group headings and pilots of both dates, matched in order."""

        def items(snap: Snapshot) -> list[tuple[tuple[str, str], SnapshotPilot | str]]:
            out: list[tuple[tuple[str, str], SnapshotPilot | str]] = []
            for group in snap.groups:
                if group.title:
                    out.append((("g", group.title), group.title))
                out += [(("p", sp.id), sp) for sp in group.pilots]
            return out

        old = items(self.before)
        new = items(self.snapshot)
        blocks = []
        for tag, i, j in _pairs([k for k, _ in old], [k for k, _ in new]):
            blocks.append(
                Block(
                    tag,
                    old[i][1] if i is not None else None,
                    new[j][1] if j is not None else None,
                )
            )
        return blocks

    def spacers(self) -> list[tuple[str, str]]:
        """Per block, the revision of the spacer after its table: (tag, the pilot whose
        change it is), ("", "") for none (and for a heading, which has no spacer).

        A table inserted or deleted whole takes its spacer with it. The document's last
        paragraph cannot be a revision, though: when the last blocks are inserted or
        deleted, each spacer from the last kept pilot's on takes the revision of the next
        table's, and the last spacer none (the spacers are all alike, so what is left
        after accepting or rejecting is the same)."""
        none = ("", "")
        out: list[tuple[str, str]] = []
        tables: list[int] = []
        for k, b in enumerate(self.blocks):
            item = b.old if b.old is not None else b.new
            if isinstance(item, str) or item is None:
                out.append(none)
                continue
            tables.append(k)
            out.append(none if b.tag == "keep" else (b.tag, item.id))
        if not tables or out[tables[-1]] == none:
            return out
        kept = [k for k in tables if self.blocks[k].tag == "keep"]
        if not kept or any(b.tag == "keep" for b in self.blocks[kept[-1] + 1 :]):
            return out  # (nothing at both dates just before them: the last mark stays)
        run = [kept[-1], *(k for k in tables if k > kept[-1])]
        shifted = out[:]
        for here, nxt in pairwise(run):
            shifted[here] = out[nxt]
        shifted[run[-1]] = none
        return shifted

    # -- the other parts ----------------------------------------------------------------------
    def heading_pair(self, style: str, old: str, new: str, when: RevDate) -> str:
        start, end = self.bookmark()
        ppr = f'<w:pStyle w:val="{self.ids[style]}"/>'
        inner = self.tok_diff(_pir(ppr, old, ""), _pir(ppr, new, ""), when)
        return self.p(ppr, f"{start}{inner}{end}")

    def heading_whole(self, style: str, text: str, tag: str, when: RevDate) -> str:
        start, end = self.old_bookmark() if tag == "del" else self.bookmark()
        ppr = f'<w:pStyle w:val="{self.ids[style]}"/>'
        return self.whole(_pir(ppr, text, ""), tag, when, when, (start, end))

    def tracked_summary(self, old: Summary, new: Summary, when: RevDate) -> str:
        out = [self.heading_pair("h1", old.title, new.title, when)]
        out.append(
            self.p("", self.tok_diff(_pir("", old.intro, ""), _pir("", new.intro, ""), when))
        )

        def counts(s: Summary) -> list[tuple[str, str]]:
            rows = [(c.label, str(c.count)) for c in s.counts]
            return [*rows, ("niet bijgewerkt", str(s.niet_bijgewerkt))]

        rows0, rows1 = counts(old), counts(new)
        out.append(self._table_start(_SUMMARY_WIDTHS, ("Klasse", "Aantal"), "grid"))
        for tag, i, j in _pairs([r[0] for r in rows0], [r[0] for r in rows1]):
            cells: list[str] = []
            mark = ""
            if tag == "keep":
                assert i is not None and j is not None
                (l0, n0), (l1, n1) = rows0[i], rows1[j]
                cells.append(self.p("", self.tok_diff(_pir("", l0, ""), _pir("", l1, ""), when)))
                cells.append(
                    self.p(_RIGHT, self.tok_diff(_pir(_RIGHT, n0, ""), _pir(_RIGHT, n1, ""), when))
                )
            else:
                label, n = rows0[i] if i is not None else rows1[j]  # type: ignore[index]
                mark = self.mark(tag, when)
                cells.append(self.whole(_pir("", label, ""), tag, when, when))
                cells.append(self.whole(_pir(_RIGHT, n, ""), tag, when, when))
            tr = f"<w:tr><w:trPr>{mark}</w:trPr>" if mark else "<w:tr>"
            out.append(tr)
            for w, cell in zip(_SUMMARY_WIDTHS, cells, strict=True):
                out.append(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{cell}</w:tc>')
            out.append("</w:tr>")
        out.append("</w:tbl>")
        out.append(_SPACER)
        for lst0, lst1 in zip(old.lists, new.lists, strict=True):
            out.append(self.heading_pair("h2", lst0.title, lst1.title, when))

            def listed(s: Summary, items: tuple[object, ...]) -> tuple[list[PIR], list[object]]:
                if not items:
                    return [_pir("", s.empty_text, "")], [("empty",)]
                ps: list[PIR] = []
                keys: list[object] = []
                for item in items:
                    toks, nums = _coarse(
                        [(("t", _BOLD, item.name), 0), (("t", "", f" – {item.detail}"), 0)]  # type: ignore[attr-defined]
                    )
                    ps.append(PIR(self.ppr_bullet, toks, nums, True, ""))
                    keys.append(("item", item.pilot_id))  # type: ignore[attr-defined]
                return ps, keys

            p0, k0 = listed(old, lst0.items)
            p1, k1 = listed(new, lst1.items)
            out.append(self.merge_paras(p0, p1, when, k0, k1))
        return "".join(out)

    def outline_pairs(self) -> list[tuple[int, str | None, str | None]]:
        """The headings of both dates, merged: (level, text at D0 or None, at P or None)."""
        s, b = self.snapshot, self.before
        out: list[tuple[int, str | None, str | None]] = []
        if s.summary is not None and b.summary is not None:
            out.append((0, b.summary.title, s.summary.title))
            for l0, l1 in zip(b.summary.lists, s.summary.lists, strict=True):
                out.append((1, l0.title, l1.title))
        if self.chapter:
            out.append((0, b.pilots_title, s.pilots_title))
        for block in self.blocks:
            item = block.old if block.old is not None else block.new
            if isinstance(item, str):
                level = self.group_level
            else:
                level = self.old_pilot_level if block.tag == "del" else self.pilot_level

            def text(x: SnapshotPilot | str | None) -> str | None:
                if x is None:
                    return None
                return x if isinstance(x, str) else x.display_name

            old = text(block.old) if block.tag != "ins" else None
            new = text(block.new) if block.tag != "del" else None
            out.append((level, old, new))
        return out

    def tracked_contents(self, pairs: list[tuple[int, str | None, str | None]]) -> str:
        """The table of contents with its entries at both dates (see ``contents``)."""
        toc = ("toc1", "toc2", "toc3")
        when = self.when("", "")
        out = [self.para("toc_heading", self.text("Inhoud"))]
        field_start = (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u \\n </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        )
        n_new = n_old = 0
        for k, (level, old, new) in enumerate(pairs):
            ppr = f'<w:pStyle w:val="{self.ids[toc[min(level, 2)]]}"/>'
            first = field_start if k == 0 else ""
            if new is not None:
                n_new += 1
                anchor = f"_Toc{n_new:06d}"
            else:
                n_old += 1
                anchor = f"_TocV{n_old:06d}"
            link = f'<w:hyperlink w:anchor="{anchor}" w:history="1">'
            if old is not None and new is not None:
                inner = self.tok_diff(
                    _pir(ppr, old, "", links=False), _pir(ppr, new, "", links=False), when
                )
                out.append(self.p(ppr, f"{first}{link}{inner}</w:hyperlink>"))
            else:
                tag = "ins" if new is not None else "del"
                para = _pir(ppr, new if new is not None else old or "", "", links=False)
                runs = self.tok_runs(para.toks, para.nums, False, tag, when, when)
                out.append(self.p(ppr, f"{first}{link}{runs}</w:hyperlink>", self.mark(tag, when)))
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        if len(out) == 1:
            out.append(f"<w:p>{field_start}{end}</w:p>")
        else:
            out.append(f"<w:p>{end}</w:p>")
        return "".join(out)

    def note_texts(self) -> list[tuple[int, str]]:
        """The notes referred to, in the order of their ids (their references')."""
        texts = {"p": self.new_notes, "d0": self.old_notes}
        for number in self.new_notes:  # (every note of P has its reference: defensive)
            self._note_id(("p", number))
        return [(nid, texts[side][number]) for (side, number), nid in self.note_ids.items()]

    def body(self, out: _Out) -> None:
        s, b = self.snapshot, self.before
        add = out.add
        doc_when = self.when("", "")
        add(_DOC_START)
        title_ppr = f'<w:pStyle w:val="{self.ids["title"]}"/>'
        add(
            self.p(
                title_ppr,
                self.tok_diff(_pir(title_ppr, b.title, ""), _pir(title_ppr, s.title, ""), doc_when),
            )
        )
        if s.intro_paras == b.intro_paras:
            add(self.paras(s.intro_paras))
        else:
            add(self.merge_paras(self._intro(b.intro_paras), self._intro(s.intro_paras), doc_when))
        pairs = self.outline_pairs()
        self.p_headings = sum(1 for _, _, new in pairs if new is not None)
        if self.toc:
            add(self.tracked_contents(pairs))
        if s.summary is not None and b.summary is not None:
            add(self.tracked_summary(b.summary, s.summary, doc_when))
        elif s.summary is not None:  # (the same options at both dates: not reached)
            add(self.summary(s.summary))
        if self.chapter:
            add(self.heading("h1", s.pilots_title))
        group_style = "h1" if not self.chapter else "h2"
        tick = self.tick
        for block, spacer in zip(self.blocks, self.spacers(), strict=True):
            old, new = block.old, block.new
            if isinstance(old, str) or isinstance(new, str):
                if block.tag == "keep":
                    add(self.heading(group_style, str(new)))
                else:
                    add(self.heading_whole(group_style, str(old or new), block.tag, doc_when))
                continue
            if block.tag == "keep":
                assert old is not None and new is not None
                add(self.kept_pilot(old, new, spacer))
            else:
                one = new if new is not None else old
                assert one is not None
                add(self.whole_pilot(one, block.tag, spacer))
            tick()
        add(self.section())
        add("</w:body></w:document>")
        out.flush()

    def _intro(self, paras: Sequence[Para]) -> list[PIR]:
        out = []
        for p in paras:
            toks, nums = _coarse(
                (("t", _ITALIC_GREY if run.italic else "", run.text), 0) for run in p.runs
            )
            out.append(PIR(self.ppr_bullet if p.kind == "li" else "", toks, nums, True, ""))
        return out


__all__ = ["AUTHOR", "TrackWriter"]
