"""A pilot's table in the Word file with revisions: its name and rows at both dates,
matched by section and text; a row at both dates with its paragraphs diffed, one only at
one date inserted or deleted whole, a pilot added or retired its whole table (see
:mod:`pilot_tui.snapshot.docx_track` for the rules)."""

from __future__ import annotations

from collections.abc import Sequence

from pilot_tui.snapshot.docx_match import PIR, Row, coarse_tokens, match_pairs, plain_pir
from pilot_tui.snapshot.docx_revisions import AUTHOR, RevisionWriter, When
from pilot_tui.snapshot.docx_xml import (
    CHARS_PER_LINE,
    ITALIC_GREY,
    KEEP_LINES,
    NAME_W,
    SPACER,
    TEXT_W,
)
from pilot_tui.snapshot.model import HEADING_FIELD, Run, SnapshotPilot

PILOT_WIDTHS = (NAME_W, TEXT_W - NAME_W)
PILOT_LABELS = ("Pilot", "Toelichting")


class PilotRevisions(RevisionWriter):
    """The pilots' tables, with revisions."""

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
                    ppr, (("t", ITALIC_GREY if run.italic else "", text),), (0,), True, field
                )
            toks, nums = coarse_tokens(
                (("n", "", notes[run.note]), run.note)
                if run.note is not None
                else (("t", ITALIC_GREY if run.italic else "", run.text), 0)
                for run in runs
            )
            return PIR(ppr, toks, nums, True, field)

        name_runs = [Run(sp.display_name), *(Run(note=n) for n in sp.name_notes)]
        name = para(self.old_ppr_name if old else self.ppr_name, name_runs, "name")
        rows: list[Row] = []
        for section in sp.sections:
            # what dates a revision: the section's field; its heading's, for the label
            field = section.key
            label_field = HEADING_FIELD.get(field, field)
            cell = [plain_pir(self.ppr_label, section.label, label_field, links=False)]
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
        when = When(self, pid, field or base.paras[-1].field)
        note_when = When(self, pid, field or "footnotes")
        tag = "" if old is not None and new is not None else "ins" if new is not None else "del"
        name_p = ""
        if name is not None:  # first: the name comes before the text (the notes' order)
            old_name, new_name = name
            name_when = When(self, pid, field or "name")
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
            xml = xml[: -len(SPACER)] + self.spacer(spacer)
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
            for _tag, i, j in match_pairs([r.slot for r in dels], [r.slot for r in inss]):
                out.append(
                    self.row(
                        pid,
                        dels[i] if i is not None else None,
                        inss[j] if j is not None else None,
                    )
                )
            dels.clear()
            inss.clear()

        for tag, i, j in match_pairs(sigs0[1:], sigs1[1:]):
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
        out.append(SPACER)
        return "".join(out)

    def whole_pilot(self, sp: SnapshotPilot, tag: str, spacer: tuple[str, str]) -> str:
        """A pilot's table inserted or deleted whole, header row included. ``spacer``:
        the revision of the empty paragraph after it (see ``spacers``)."""
        old = tag == "del"
        name, rows = self.pilot_ir(sp, old)
        when = self.when(sp.id, "removed")
        bookmark = self.old_bookmark() if old else self.bookmark()
        out = [
            self._table_open(PILOT_WIDTHS, "table"),
            self._header_row(
                PILOT_WIDTHS,
                PILOT_LABELS,
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
            return SPACER
        mark = self.mark(tag, self.when(pid, "removed"))
        return f'<w:p><w:pPr><w:spacing w:after="0"/><w:rPr>{mark}</w:rPr></w:pPr></w:p>'
