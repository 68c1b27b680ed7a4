"""Word revisions: the marks (``w:ins``, ``w:del``, dated, by the author "pilot-tui"),
runs and paragraphs inserted or deleted whole, and a paragraph at two dates diffed word
by word (with its footnote references as tokens). :class:`RevisionWriter` is the clean
writer with these pieces; :mod:`pilot_tui.snapshot.docx_track` lays the whole document
out with them.
"""

from __future__ import annotations

from collections.abc import Sequence

from pilot_tui.snapshot import wordpkg as pkg
from pilot_tui.snapshot.changes import RevisionDates
from pilot_tui.snapshot.docx_body import Writer
from pilot_tui.snapshot.docx_match import (
    PIR,
    WTok,
    deleted_text,
    match_pairs,
    tok_text,
    word_tokens,
)
from pilot_tui.snapshot.docx_xml import Progress, w_t
from pilot_tui.snapshot.links import has_link, pieces
from pilot_tui.snapshot.model import Snapshot
from pilot_tui.worddiff import opcodes

AUTHOR = "pilot-tui"


class When:
    """A revision's date, looked up when a revision first needs it (most rows have none)."""

    __slots__ = ("field", "pid", "text", "writer")

    def __init__(self, writer: RevisionWriter, pid: str, field: str) -> None:
        self.writer = writer
        self.pid = pid
        self.field = field
        self.text: str | None = None

    def __str__(self) -> str:
        if self.text is None:
            self.text = self.writer.when(self.pid, self.field)
        return self.text


RevDate = str | When


class RevisionWriter(Writer):
    """The clean writer's pieces, and the same as revisions against ``snapshot.before``."""

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
        fix = deleted_text if tag == "del" else str
        if not links or not has_link(text):
            return f"{self._open(tag, when)}<w:r>{rpr}{fix(w_t(text))}</w:r>{close}"
        out = []
        for piece in pieces(text):
            inner = fix(w_t(piece.text))
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
        a, a_keys, a_nums = word_tokens(old)
        b, b_keys, b_nums = word_tokens(new)
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
            shorter = a if len(tok_text(a)) < len(tok_text(b)) else b
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

        for tag, i, j in match_pairs(ok, nk):
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
