"""The overview screen: counts per class, programme, municipality and end quarter.

Every count can be chosen (arrow keys and enter, or a click); the screen then dismisses
with that count's :class:`~pilot_tui.overview.OverviewFilter`, escape with ``None``. The
counting is done by the core (:func:`pilot_tui.overview.build`); this screen only shows it.

Wiring (for the app owner)
--------------------------

In ``MainScreen.BINDINGS``::

    Binding("g", "app.overview", S.KEY_OVERVIEW),

 On the app::

    from pilot_tui import overview
    from pilot_tui.tui.screens.overview import OverviewScreen

    # state, in __init__:
    self.overview_filter: overview.OverviewFilter | None = None

    def action_overview(self) -> None:
        assessed, _rows = self.assessments()          # ALL pilots, not just the shown ones
        screen = OverviewScreen(overview.build(assessed), self.peildatum, self.overview_filter)
        self.push_screen(screen, self.set_overview_filter)

    def set_overview_filter(self, flt: overview.OverviewFilter | None) -> None:
        if flt is None:                                # escape: leave the filter as it was
            return
        self.overview_filter = flt
        self.refresh_view()
        self.notify(S.OVERVIEW_FILTER_SET.format(label=flt.label), markup=False, timeout=2)

and in ``refresh_view`` filter the assessments before ``select``::

    if self.overview_filter is not None:
        assessed_for_list = [a for a in assessed if overview.matches(a, self.overview_filter)]

(``matches`` selects exactly the pilots that were counted.) Show the active overview filter
in the status line next to the other filter (``S.FILTER_ACTIVE.format(what=flt.label)``)
and clear it where the other filter is cleared (the filter dialog's "Alles tonen", or
``escape`` on the main screen when no search is active). Re-open with the current filter to
have its count highlighted.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from pilot_tui.attention import Attention
from pilot_tui.overview import KINDS, Count, FilterKind, Overview, OverviewFilter
from pilot_tui.periods import format_date
from pilot_tui.tui import strings as S
from pilot_tui.tui.widgets.timeline import colour_style, one_line

SECTION_TITLES: dict[FilterKind, str] = {
    "attention": S.OVERVIEW_ATTENTION,
    "programma": S.OVERVIEW_PROGRAMMA,
    "gemeente": S.OVERVIEW_GEMEENTE,
    "kwartaal": S.OVERVIEW_KWARTAAL,
}


def count_prompt(count: Count, digits: int) -> Text:
    """ "   3  ▲ eindigt binnenkort": the count right-aligned, then the label as text."""
    prompt = Text(f"{count.count:>{digits}}  ", no_wrap=True, end="")
    flt = count.filter
    label = one_line(flt.label)
    if flt.kind == "attention":
        prompt.append(label, colour_style(Attention(flt.value), True))
    else:
        prompt.append(label, Style(italic=True) if not flt.value else Style.null())
    return prompt


class OverviewScreen(ModalScreen[OverviewFilter | None], inherit_bindings=False):
    """Four lists of counts; enter or a click on a count filters the pilot list."""

    CSS_PATH = "overview.tcss"
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (declared so on Screen)
        (0, "-narrow"),
        (70, "-wide"),
    ]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", S.KEY_CLOSE),
        Binding("right,l,tab", "app.focus_next", S.KEY_NEXT_SECTION),
        Binding("left,h,shift+tab", "app.focus_previous", S.KEY_PREVIOUS_SECTION),
        Binding("k", "cursor('up')", S.KEY_UP, show=False),
        Binding("j", "cursor('down')", S.KEY_DOWN, show=False),
    ]

    def __init__(
        self, overview: Overview, peildatum: date, current: OverviewFilter | None = None
    ) -> None:
        super().__init__()
        self.overview = overview
        self.peildatum = peildatum
        self.current = current
        self.filters: dict[str, OverviewFilter] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="overview-dialog"):
            title = S.OVERVIEW_TITLE.format(
                peildatum=format_date(self.peildatum), total=self.overview.total
            )
            yield Label(Text(title), id="overview-title")
            yield Static(Text(S.OVERVIEW_HELP), id="overview-help")
            with Grid(id="overview-grid"):
                for kind in KINDS:
                    yield self._section(kind)

    def _section(self, kind: FilterKind) -> OptionList:
        counts = self.overview.section(kind)
        digits = max([1, *(len(str(c.count)) for c in counts)])
        options: list[Option] = []
        for i, count in enumerate(counts):
            option_id = f"{kind}-{i}"
            self.filters[option_id] = count.filter
            options.append(
                Option(count_prompt(count, digits), id=option_id, disabled=count.count == 0)
            )
        if not options:
            options.append(Option(Text(S.OVERVIEW_EMPTY), disabled=True))
        section = OptionList(*options, id=f"overview-{kind}", classes="overview-section")
        section.border_title = SECTION_TITLES[kind]
        return section

    def on_mount(self) -> None:
        focus: OptionList | None = None
        for kind in KINDS:
            section = self.query_one(f"#overview-{kind}", OptionList)
            for index, option in enumerate(section.options):
                flt = self.filters.get(option.id or "")
                if flt is not None and flt == self.current and not option.disabled:
                    section.highlighted = index
                    focus = section
                    break
            if section.highlighted is None:
                section.action_first()
        (focus or self.query_one("#overview-attention", OptionList)).focus()

    def section(self, kind: FilterKind) -> OptionList:
        return self.query_one(f"#overview-{kind}", OptionList)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        flt = self.filters.get(event.option_id or "")
        if flt is not None:
            self.dismiss(flt)

    def action_cursor(self, direction: str) -> None:
        focused = self.focused
        if isinstance(focused, OptionList):
            if direction == "up":
                focused.action_cursor_up()
            else:
                focused.action_cursor_down()

    def action_cancel(self) -> None:
        self.dismiss(None)
