"""The status line: register title, peildatum, window, counts, search/filter/sort state."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

from pilot_tui.attention import Attention
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
    it plain text."""

    DEFAULT_CSS = """
    StatusLine {
        height: auto;
        padding: 0 1;
        background: $panel;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text(""), id=id)
        self.status: Status | None = None

    def show(self, status: Status) -> None:
        self.status = status
        self.update(self.as_text())

    def as_text(self) -> Text:
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
        for i, (attention, phrase) in enumerate(s.counts):
            if i:
                out.append(" · ")
            out.append(f"{attention.symbol} ", attention_style(attention))
            out.append(phrase)
        for item in s.extra:
            out.append(" · ")
            out.append(item, "italic")
        return out
