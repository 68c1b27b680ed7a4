"""The help screen: every active key with what it does, built from the bindings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from pilot_tui.tui import strings as S


@dataclass(frozen=True)
class HelpEntry:
    keys: str  # "↑ / k"
    description: str
    enabled: bool = True


def help_entries(app: App[object], bindings: Iterable[ActiveBinding]) -> list[HelpEntry]:
    """One entry per action, its keys joined, in binding order; system keys left out."""
    grouped: dict[tuple[str, str], list[str]] = {}
    enabled: dict[tuple[str, str], bool] = {}
    for active in bindings:
        binding = active.binding
        if binding.system or not binding.description:
            continue
        group = (binding.action, binding.description)
        grouped.setdefault(group, []).append(app.get_key_display(binding))
        enabled[group] = enabled.get(group, False) or active.enabled
    return [
        HelpEntry(" / ".join(keys), description, enabled[(action, description)])
        for (action, description), keys in grouped.items()
    ]


def help_text(entries: Iterable[HelpEntry]) -> Text:
    entries = list(entries)
    width = max([len(S.HELP_KEY), *(len(e.keys) for e in entries)]) + 3
    out = Text(end="")
    out.append(S.HELP_KEY.ljust(width), "bold")
    out.append(S.HELP_ACTION, "bold")
    for entry in entries:
        out.append("\n")
        out.append(entry.keys.ljust(width), "bold")
        out.append(entry.description)
        if not entry.enabled:
            out.append(S.HELP_DISABLED, "dim")
    return out


class HelpScreen(ModalScreen[None], inherit_bindings=False):
    CSS_PATH = "help.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", S.KEY_CLOSE),
        Binding("up,k", "scroll(-1)", S.KEY_SCROLL_UP, show=False),
        Binding("down,j", "scroll(1)", S.KEY_SCROLL_DOWN, show=False),
    ]

    def __init__(self, entries: list[HelpEntry]) -> None:
        super().__init__()
        self.entries = entries

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog"):
            yield Label(Text(S.HELP_TITLE), id="help-title")
            yield Static(Text(S.HELP_INTRO), id="help-intro")
            yield Static(help_text(self.entries), id="help-keys")
            yield Static(Text(S.HELP_CLOSE), id="help-close")

    def action_scroll(self, lines: int) -> None:
        scroll = self.query_one("#help-dialog", VerticalScroll)
        scroll.scroll_relative(y=lines, animate=False)
