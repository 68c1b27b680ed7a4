"""Review mode (``r``): walk through the pilots for one peildatum, most urgent first.

The screen is a view with a cursor over a fixed list of
:class:`~pilot_tui.review.ReviewItem` (computed when review mode starts). What it does to
the register goes through a :class:`ReviewHost` (the app's editing flow): update (the
stand-van-zaken form), keep unchanged (carry the previous text forward, explicitly), and
remembering the position so that leaving and coming back (even after a crash) resumes.
Progress is derived from the register: a pilot is done when it has an entry for the
peildatum.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import ClassVar, Protocol

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static

from pilot_tui.periods import format_date
from pilot_tui.review import ReviewGroup, ReviewItem
from pilot_tui.tui import strings as S
from pilot_tui.tui.view import Detail
from pilot_tui.tui.widgets.detail import DetailPane
from pilot_tui.tui.widgets.pilot_list import attention_style

GROUP_NAMES = {
    ReviewGroup.VERLOPEN: S.REVIEW_GROUP_VERLOPEN,
    ReviewGroup.EINDIGT_BINNENKORT: S.REVIEW_GROUP_BINNENKORT,
    ReviewGroup.NIET_BIJGEWERKT: S.REVIEW_GROUP_STALE,
    ReviewGroup.REST: S.REVIEW_GROUP_REST,
}
BAR_WIDTH = 12


class ReviewHost(Protocol):
    """What review mode needs from the app."""

    def review_detail(self, pilot_id: str) -> Detail | None: ...

    def review_state(self, pilot_id: str) -> str:
        """ "" (not yet), "updated" or "unchanged" for the review's peildatum."""
        ...

    def review_update(self, pilot_id: str, then: Callable[[bool], None]) -> None:
        """Open the stand-van-zaken form; call ``then(saved)`` afterwards."""
        ...

    def review_keep(self, pilot_id: str) -> bool: ...

    def review_moved(self, pilot_id: str) -> None:
        """Remember the position (in the settings file)."""
        ...


def progress_bar(done: int, total: int, width: int = BAR_WIDTH) -> str:
    filled = round(width * done / total) if total else 0
    return "█" * filled + "░" * (width - filled)


class ReviewScreen(Screen[None], inherit_bindings=False):
    CSS_PATH = "review.tcss"
    AUTO_FOCUS = "#review-detail"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("u", "update", S.KEY_UPDATE),
        Binding("g", "keep", S.KEY_KEEP),
        Binding("s,right", "skip", S.KEY_SKIP),
        Binding("v,left", "previous", S.KEY_PREVIOUS),
        Binding("escape,q", "stop", S.KEY_STOP_REVIEW),
        Binding("ctrl+z", "app.undo", S.KEY_UNDO, show=False),
        Binding("ctrl+y", "app.redo", S.KEY_REDO, show=False),
    ]

    def __init__(
        self,
        host: ReviewHost,
        items: Sequence[ReviewItem],
        peildatum: date,
        start: int = 0,
    ) -> None:
        super().__init__()
        self.host = host
        self.items = tuple(items)
        self.peildatum = peildatum
        self.index = max(0, min(start, len(self.items) - 1))
        self._ready = False

    def compose(self) -> ComposeResult:
        yield Static(Text(""), id="review-title")
        yield Static(Text(""), id="review-progress")
        yield Static(Text(""), id="review-state")
        yield DetailPane(stand_first=True, id="review-detail")
        yield Footer()

    def on_mount(self) -> None:
        self._ready = True
        self.refresh_view()
        if self.items:
            self.host.review_moved(self.current)

    # -- state -----------------------------------------------------------------------------
    @property
    def current(self) -> str:
        return self.items[self.index].pilot_id

    def done_count(self) -> int:
        return sum(1 for item in self.items if self.host.review_state(item.pilot_id))

    def progress_text(self) -> str:
        return S.REVIEW_PROGRESS.format(
            done=self.done_count(),
            total=len(self.items),
            peildatum=format_date(self.peildatum),
        )

    def refresh_view(self) -> None:
        """Show progress, position and the current pilot (after any change)."""
        if not self._ready:
            return
        total = len(self.items)
        done = self.done_count()
        bar = Text(progress_bar(done, total) + " ")
        bar.append(self.progress_text(), style="bold")
        self.query_one("#review-progress", Static).update(bar)
        detail_pane = self.query_one("#review-detail", DetailPane)
        state_line = self.query_one("#review-state", Static)
        title = self.query_one("#review-title", Static)
        heading = S.REVIEW_TITLE
        if not self.items:
            title.update(Text(heading))
            state_line.update(Text(S.REVIEW_EMPTY))
            detail_pane.show(None)
            return
        item = self.items[self.index]
        where = Text(heading)
        where.append(" · " + S.REVIEW_POSITION.format(n=self.index + 1, total=total) + " · ")
        where.append(GROUP_NAMES[item.group], attention_style(item.attention))
        title.update(where)
        state = self.host.review_state(item.pilot_id)
        if state == "unchanged":
            line = Text(S.REVIEW_UNCHANGED_HERE)
        elif state:
            line = Text(S.REVIEW_DONE_HERE)
        else:
            line = Text(S.REVIEW_TODO_HERE)
        state_line.set_class(bool(state), "-done")
        if done == total:
            line.append("  ")
            line.append(
                S.REVIEW_ALL_DONE.format(total=total, peildatum=format_date(self.peildatum))
            )
        state_line.update(line)
        detail_pane.show(self.host.review_detail(item.pilot_id))

    def go(self, index: int) -> None:
        if not self.items:
            return
        self.index = max(0, min(index, len(self.items) - 1))
        self.host.review_moved(self.current)
        self.refresh_view()

    def advance(self) -> None:
        """To the next pilot; past the last one, back to the first one not yet done."""
        if not self.items:
            return
        if self.index + 1 < len(self.items):
            self.go(self.index + 1)
            return
        for i, item in enumerate(self.items):
            if not self.host.review_state(item.pilot_id):
                self.notify(S.REVIEW_WRAPPED, markup=False)
                self.go(i)
                return
        self.refresh_view()
        total = len(self.items)
        self.notify(
            S.REVIEW_ALL_DONE.format(total=total, peildatum=format_date(self.peildatum)),
            markup=False,
        )

    # -- actions ---------------------------------------------------------------------------
    def action_update(self) -> None:
        if not self.items:
            return
        pilot_id = self.current

        def then(saved: bool) -> None:
            if saved and self.items and self.current == pilot_id:
                self.advance()
            else:
                self.refresh_view()

        self.host.review_update(pilot_id, then)

    def action_keep(self) -> None:
        if self.items and self.host.review_keep(self.current):
            self.advance()
        else:
            self.refresh_view()

    def action_skip(self) -> None:
        self.advance()

    def action_previous(self) -> None:
        if self.index == 0:
            self.notify(S.REVIEW_FIRST, markup=False, timeout=2)
            return
        self.go(self.index - 1)

    def action_stop(self) -> None:
        self.dismiss(None)
