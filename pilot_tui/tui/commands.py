"""The command palette's pilots: type part of a name, enter goes to that pilot.

A name is register text: it is shown as text (a :class:`Content` made from the plain
string, the matched letters styled), never through ``Matcher.highlight``, which reads its
candidate as markup.

When neither a pilot's name nor a command matches, the palette offers to search the text
in every field of the pilots (the list's search). That also keeps Textual's own English
"No matches found" away: it shows only when no provider has a hit.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import Hit, Hits, Provider
from textual.content import Content

from pilot_tui.text import one_line
from pilot_tui.tui import strings as S

if TYPE_CHECKING:
    from pilot_tui.tui.host import PaletteHost

MAX_HITS = 50  # the palette shows a handful; a large register need not all be sorted


class PilotCommands(Provider):
    """Every pilot by name (its former names too)."""

    async def search(self, query: str) -> Hits:
        app = cast("PaletteHost", self.app)
        if not query.strip():
            return
        matcher = self.matcher(query)
        found: list[tuple[float, str, str, Sequence[int]]] = []
        for stored in app.store.register.pilots:
            pilot = stored.as_of(app.peildatum)
            if pilot is None:
                continue  # not in the register at the peildatum shown
            name = one_line(pilot.name) or S.NO_NAME
            score, offsets = matcher.fuzzy_search.match(matcher.query, name)
            if score > 0:
                found.append((score, name, pilot.id, offsets))
        found.sort(key=lambda hit: -hit[0])
        if not found and not any(
            matcher.match(command.title) > 0 for command in app.get_system_commands(self.screen)
        ):
            text = " ".join(query.split())
            yield Hit(
                1.0,
                Content(S.PALETTE_SEARCH_ALL.format(text=text)),
                partial(app.search_for, text),
                text=text,
                help=S.PALETTE_SEARCH_ALL_HELP,
            )
            return
        for score, name, pilot_id, offsets in found[:MAX_HITS]:
            display = Content(name)
            for offset in offsets:
                display = display.stylize(matcher.match_style, offset, offset + 1)
            yield Hit(
                score,
                display,
                partial(app.go_to_pilot, pilot_id),
                text=name,
                help=S.PALETTE_PILOT_HELP,
            )


def palette_title(action: str, description: str) -> str:
    """A key's action as the palette lists it: its footer word, or a longer title where
    that word is too short to be found by; the formats named as the registry has them."""
    title = S.PALETTE_ACTION_TITLE.get(action, description)
    if "{formats}" in title:
        from pilot_tui.snapshot import FORMATS

        title = title.format(formats=", ".join(f.label for f in FORMATS.values()))
    return title
