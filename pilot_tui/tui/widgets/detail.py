"""The detail pane: one pilot in full, rendered as text (never as markup)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from pilot_tui.model import Block, blocks
from pilot_tui.tui import strings as S
from pilot_tui.tui.css import stylesheet
from pilot_tui.tui.history import EntryDiff, HistoryLine
from pilot_tui.tui.view import Detail, match_spans
from pilot_tui.tui.widgets.pilot_list import attention_style


class DetailPane(VerticalScroll, can_focus=True, inherit_bindings=False):
    """Shows a :class:`~pilot_tui.tui.view.Detail`; scrolls with the usual keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "scroll_up", S.KEY_SCROLL_UP, show=False),
        Binding("down,j", "scroll_down", S.KEY_SCROLL_DOWN, show=False),
        Binding("pageup", "page_up", S.KEY_PAGE_UP, show=False),
        Binding("pagedown,space", "page_down", S.KEY_PAGE_DOWN, show=False),
        Binding("home", "scroll_home", S.KEY_TOP, show=False),
        Binding("end", "scroll_end", S.KEY_BOTTOM, show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "detail--title",
        "detail--heading",
        "detail--dim",
        "detail--match",
        "detail--warning",
        "detail--insert",
        "detail--delete",
        "detail--current",
    }

    DEFAULT_CSS = stylesheet(__file__, "detail.tcss")

    def __init__(
        self,
        *,
        stand_first: bool = False,
        placeholder: str = S.NO_SELECTION,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        # Review mode: the stand van zaken under review (and the looptijd) come before
        # achtergrond and doel, so they are visible without scrolling on small terminals;
        # whether it is updated is said by the review itself, once.
        self.stand_first = stand_first
        self.detail: Detail | None = None
        self.words: tuple[str, ...] = ()
        # Shown without a pilot; a change shows from the next show().
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        yield Static(Text(self.placeholder), id="detail-body")

    def on_mount(self) -> None:
        self._refresh_body()

    def on_theme_changed(self) -> None:  # pragma: no cover - cosmetic
        self._refresh_body()

    def show(self, detail: Detail | None, words: Sequence[str] = ()) -> None:
        same_pilot = (
            detail is not None
            and self.detail is not None
            and detail.pilot_id == self.detail.pilot_id
        )
        self.detail = detail
        self.words = tuple(words)
        self._refresh_body()
        if not same_pilot:
            self.scroll_home(animate=False, immediate=True)

    @property
    def text(self) -> Text:
        return self.render_detail()

    def _refresh_body(self) -> None:
        if not self.is_mounted:
            return
        self.query_one("#detail-body", Static).update(self.render_detail())

    # -- building the text ---------------------------------------------------------------
    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"detail--{name}")

    def _marked(self, text: str, style: Style | None = None) -> Text:
        t = Text(text, style=style or "")
        if self.words:
            match = self._style("match")
            for start, end in match_spans(text, self.words):
                t.stylize(match, start, end)
        return t

    def _long(self, out: Text, text: str) -> None:
        items = blocks(text)
        if not items:
            out.append(S.NONE + "\n", self._style("dim"))
            return
        for block in items:
            if block.kind == "li":
                out.append("  • ")
            out.append_text(self._marked(block.text))
            out.append("\n")

    def _heading(self, out: Text, title: str, extra: str = "") -> None:
        out.append("\n")
        out.append(title, self._style("heading"))
        if extra:
            out.append("  ")
            out.append(extra, self._style("dim"))
        out.append("\n")

    def _diff(self, out: Text, diff: EntryDiff) -> None:
        """What changed against the entry before: inserted words underlined, deleted ones
        struck through (Rich styles on the text, so it never depends on colour alone)."""
        out.append(diff.title + "\n", self._style("dim"))
        styles = {"insert": self._style("insert"), "delete": self._style("delete")}
        for line in diff.lines:
            for op in line:
                out.append(op.text, styles.get(op.op))
            out.append("\n")

    def _compare(self, out: Text, d: Detail) -> None:
        """What changed since the peildatum compared with (v): per field, words marked as
        in the diff of the stand van zaken."""
        self._heading(out, d.compare_title)
        if not d.compare:
            out.append(S.COMPARE_NOTHING + "\n", self._style("dim"))
            return
        styles = {"insert": self._style("insert"), "delete": self._style("delete")}
        for change in d.compare:
            out.append(change.label, "bold")
            if change.text:
                out.append(": ")
                out.append_text(self._marked(change.text))
            out.append("\n")
            for line in change.lines:
                out.append("  ")
                for op in line:
                    out.append(op.text, styles.get(op.op))
                out.append("\n")

    def _history(self, out: Text, lines: Sequence[HistoryLine]) -> None:
        self._heading(out, S.SECTION_HISTORY)
        for line in lines:
            marker = "▶ " if line.current else "  "
            out.append(
                marker + line.label + "\n", self._style("current" if line.current else "dim")
            )
            for block in blocks(line.text) or [Block("p", S.NONE)]:
                out.append("    • " if block.kind == "li" else "  ")
                out.append_text(self._marked(block.text))
                out.append("\n")

    def _background(self, out: Text, d: Detail) -> None:
        self._heading(out, S.SECTION_ACHTERGROND)
        self._long(out, d.achtergrond)
        self._heading(out, S.SECTION_DOEL)
        self._long(out, d.doel)

    def _stand(self, out: Text, d: Detail) -> None:
        """The stand van zaken (with its diff) and the looptijd."""
        self._heading(out, S.SECTION_STAND, d.stand_date if d.stand_found else "")
        if d.stand_found:
            self._long(out, d.stand)
            if d.zaken:
                out.append(d.zaken + "\n")
        else:
            out.append(d.stand_date + "\n", self._style("dim"))
        if d.diff is not None:
            out.append("\n")
            self._diff(out, d.diff)
        self._heading(out, d.looptijd_label)
        out.append_text(self._marked(d.looptijd))
        out.append("\n")
        if d.looptijd_reading:
            out.append(d.looptijd_reading + "\n", self._style("dim"))

    def render_detail(self) -> Text:
        d = self.detail
        if d is None:
            return Text(self.placeholder, style=self._style("dim"))
        out = Text(end="")
        out.append_text(self._marked(d.name, self._style("title")))
        out.append("\n")
        if d.former_names:
            out.append_text(self._marked(d.former_names, self._style("dim")))
            out.append("\n")
        out.append(f"{d.attention.symbol} {d.attention.value}", attention_style(d.attention))
        if d.status != d.attention.value:
            out.append(" · " + S.STATUS_WORD.format(name=d.status))
        if d.days_left:
            out.append(f" · {d.days_left}")
        if d.stale and not self.stand_first:
            out.append(" · ")
            out.append(S.NIET_BIJGEWERKT_FLAG, self._style("warning"))
        out.append("\n")
        if d.compare_title:  # comparing with an earlier peildatum: that first
            self._compare(out, d)

        if not self.stand_first:
            self._background(out, d)
        self._stand(out, d)
        if self.stand_first:
            self._background(out, d)
        if d.footnotes:
            self._heading(out, S.SECTION_FOOTNOTES)
            for n, note in enumerate(d.footnotes, start=1):
                out.append(f"{n}. ", self._style("dim"))
                out.append_text(self._marked(note))
                out.append("\n")
        if d.history:
            self._history(out, d.history)
        self._heading(out, S.SECTION_DETAILS)
        label_width = max(len(label) for label, _ in d.fields) + 2
        for label, value in d.fields:
            out.append(label.ljust(label_width), self._style("dim"))
            out.append_text(self._marked(value))
            out.append("\n")
        out.rstrip()
        return out
