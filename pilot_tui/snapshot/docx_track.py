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

from collections.abc import Sequence

from pilot_tui.snapshot import wordpkg as pkg
from pilot_tui.snapshot.docx_match import PIR, coarse_tokens, match_pairs, plain_pir, plan, spacers
from pilot_tui.snapshot.docx_revisions import AUTHOR, RevDate
from pilot_tui.snapshot.docx_track_pilots import PilotRevisions
from pilot_tui.snapshot.docx_xml import (
    BOLD,
    DOC_START,
    ITALIC_GREY,
    SPACER,
    BodyStream,
    Progress,
    mm,
)
from pilot_tui.snapshot.model import Para, Snapshot, SnapshotPilot, Summary

SUMMARY_WIDTHS = (mm(60), mm(25))
RIGHT = '<w:jc w:val="right"/>'


class TrackWriter(PilotRevisions):
    """The clean writer's document at P, with revisions against ``snapshot.before``."""

    def __init__(
        self,
        snapshot: Snapshot,
        template: pkg.Template,
        progress: Progress | None,
        toc: bool,
    ) -> None:
        super().__init__(snapshot, template, progress, toc)
        self.blocks = plan(self.before, self.snapshot)
        self.total = sum(1 for b in self.blocks if not isinstance(b.old or b.new, str))

    # -- the document ------------------------------------------------------------------------
    def heading_pair(self, style: str, old: str, new: str, when: RevDate) -> str:
        start, end = self.bookmark()
        ppr = f'<w:pStyle w:val="{self.ids[style]}"/>'
        inner = self.tok_diff(plain_pir(ppr, old, ""), plain_pir(ppr, new, ""), when)
        return self.p(ppr, f"{start}{inner}{end}")

    def heading_whole(self, style: str, text: str, tag: str, when: RevDate) -> str:
        start, end = self.old_bookmark() if tag == "del" else self.bookmark()
        ppr = f'<w:pStyle w:val="{self.ids[style]}"/>'
        return self.whole(plain_pir(ppr, text, ""), tag, when, when, (start, end))

    def tracked_summary(self, old: Summary, new: Summary, when: RevDate) -> str:
        out = [self.heading_pair("h1", old.title, new.title, when)]
        out.append(
            self.p(
                "", self.tok_diff(plain_pir("", old.intro, ""), plain_pir("", new.intro, ""), when)
            )
        )

        def counts(s: Summary) -> list[tuple[str, str]]:
            rows = [(c.label, str(c.count)) for c in s.counts]
            return [*rows, ("niet bijgewerkt", str(s.niet_bijgewerkt))]

        rows0, rows1 = counts(old), counts(new)
        out.append(self._table_start(SUMMARY_WIDTHS, ("Klasse", "Aantal"), "grid"))
        for tag, i, j in match_pairs([r[0] for r in rows0], [r[0] for r in rows1]):
            cells: list[str] = []
            mark = ""
            if tag == "keep":
                assert i is not None and j is not None
                (l0, n0), (l1, n1) = rows0[i], rows1[j]
                cells.append(
                    self.p("", self.tok_diff(plain_pir("", l0, ""), plain_pir("", l1, ""), when))
                )
                cells.append(
                    self.p(
                        RIGHT,
                        self.tok_diff(plain_pir(RIGHT, n0, ""), plain_pir(RIGHT, n1, ""), when),
                    )
                )
            else:
                label, n = rows0[i] if i is not None else rows1[j]  # type: ignore[index]
                mark = self.mark(tag, when)
                cells.append(self.whole(plain_pir("", label, ""), tag, when, when))
                cells.append(self.whole(plain_pir(RIGHT, n, ""), tag, when, when))
            tr = f"<w:tr><w:trPr>{mark}</w:trPr>" if mark else "<w:tr>"
            out.append(tr)
            for w, cell in zip(SUMMARY_WIDTHS, cells, strict=True):
                out.append(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{cell}</w:tc>')
            out.append("</w:tr>")
        out.append("</w:tbl>")
        out.append(SPACER)
        for lst0, lst1 in zip(old.lists, new.lists, strict=True):
            out.append(self.heading_pair("h2", lst0.title, lst1.title, when))

            def listed(s: Summary, items: tuple[object, ...]) -> tuple[list[PIR], list[object]]:
                if not items:
                    return [plain_pir("", s.empty_text, "")], [("empty",)]
                ps: list[PIR] = []
                keys: list[object] = []
                for item in items:
                    toks, nums = coarse_tokens(
                        [(("t", BOLD, item.name), 0), (("t", "", f" – {item.detail}"), 0)]  # type: ignore[attr-defined]
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
                    plain_pir(ppr, old, "", links=False), plain_pir(ppr, new, "", links=False), when
                )
                out.append(self.p(ppr, f"{first}{link}{inner}</w:hyperlink>"))
            else:
                tag = "ins" if new is not None else "del"
                para = plain_pir(ppr, new if new is not None else old or "", "", links=False)
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

    def body(self, out: BodyStream) -> None:
        s, b = self.snapshot, self.before
        add = out.add
        doc_when = self.when("", "")
        add(DOC_START)
        title_ppr = f'<w:pStyle w:val="{self.ids["title"]}"/>'
        add(
            self.p(
                title_ppr,
                self.tok_diff(
                    plain_pir(title_ppr, b.title, ""), plain_pir(title_ppr, s.title, ""), doc_when
                ),
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
        for block, spacer in zip(self.blocks, spacers(self.blocks), strict=True):
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
            toks, nums = coarse_tokens(
                (("t", ITALIC_GREY if run.italic else "", run.text), 0) for run in p.runs
            )
            out.append(PIR(self.ppr_bullet if p.kind == "li" else "", toks, nums, True, ""))
        return out


__all__ = ["AUTHOR", "TrackWriter"]
