"""The status line: register title, peildatum, window, counts, search/filter/sort state."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

from pilot_tui.attention import Attention
from pilot_tui.tui.css import stylesheet
from pilot_tui.tui.widgets.pilot_list import attention_style


@dataclass(frozen=True)
class Status:
    title: str
    peildatum: str  # "peildatum 1 december 2021"
    window: str  # "venster 3 maanden"
    counts: tuple[tuple[Attention, str], ...]  # (class, "3 eindigen binnenkort")
    extra: tuple[str, ...] = ()  # "niet bijgewerkt", filter, sort, matches
    banner: str = ""  # "alleen-lezen: …"


class StatusLine(Static):
    """The lines at the top of the main screen (a banner first when there is one); all of
    it plain text. The counts and the rest go on as many lines as they need, and a line
    breaks between them, never inside one ("12 lopend", "filter: ⚠ eindigt binnenkort")."""

    DEFAULT_CSS = stylesheet(__file__, "status_line.tcss")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text(""), id=id)
        self.status: Status | None = None

    def show(self, status: Status) -> None:
        self.status = status
        self.update(self.as_text(self._width()))

    def on_resize(self) -> None:
        if self.status is not None:
            self.update(self.as_text(self._width()))

    def _width(self) -> int:
        # before the first layout: the screen's width less the padding (it spans the screen)
        return self.content_size.width or max(self.app.size.width - 2, 1)

    def as_text(self, width: int | None = None) -> Text:
        s = self.status
        if s is None:
            return Text("")
        out = Text(end="")
        if s.banner:  # a line of its own: why the register is read-only, or not as on disk
            out.append(s.banner, "bold reverse")
            out.append("\n")
        out.append(s.title, "bold")
        out.append(" · ")
        out.append(s.peildatum, "bold")
        out.append(" · ")
        out.append(s.window)
        out.append("\n")
        items: list[Text] = []
        for attention, phrase in s.counts:
            item = Text()
            item.append(f"{attention.symbol} ", attention_style(attention))
            item.append(phrase)
            items.append(item)
        items += [Text(extra, "italic") for extra in s.extra]
        if width is not None:
            for item in items:  # an item longer than the line: cut, never wrapped in itself
                if item.cell_len > width:
                    item.truncate(width, overflow="ellipsis")
        column = 0
        for i, item in enumerate(items):
            if i:
                if width is not None and column + 3 + item.cell_len > width:
                    out.append("\n")
                    column = 0
                else:
                    out.append(" · ")
                    column += 3
            out.append_text(item)
            column += item.cell_len
        return out
