"""Input in one burst, as a terminal delivers it: every event posted before any is handled.

``Pilot.press`` waits after each key until the app is idle, so it never shows what a fast
typist, a paste or a text expander does. ``burst`` posts all events to the app at once,
as Textual's driver does with what it read from the terminal in one go, and then waits
(bounded) until the app has handled them and is quiet.
"""

from __future__ import annotations

import asyncio
import unicodedata
from typing import Any

from textual import events
from textual.app import App
from textual.keys import KEY_NAME_REPLACEMENTS

from pilot_tui.tui.input_order import InputInOrderApp

HANG = 60.0  # seconds after which a burst that was not handled fails the test
ENTER = events.Key("enter", "\r")
TAB = events.Key("tab", "\t")
SHIFT_TAB = events.Key("shift+tab", None)
ESCAPE = events.Key("escape", "\x1b")
BACKSPACE = events.Key("backspace", "\x7f")
DOWN = events.Key("down", None)
CTRL_A = events.Key("ctrl+a", "\x01")
CTRL_S = events.Key("ctrl+s", "\x13")
CTRL_Z = events.Key("ctrl+z", "\x1a")


def key_name(character: str) -> str:
    """The key Textual's terminal parser names for a typed character ("a", "é", "space",
    "slash"): letters and digits are their own name, other characters their Unicode name
    in Textual's spelling."""
    if character.isalnum():
        return character
    name = unicodedata.name(character, "").lower().replace("-", "_").replace(" ", "_")
    return KEY_NAME_REPLACEMENTS.get(name, name) if name else character


def typed(text: str) -> list[events.Event]:
    """The key events of typing ``text`` (a newline is enter)."""
    out: list[events.Event] = []
    for character in text:
        if character == "\n":
            out.append(events.Key("enter", "\r"))
        else:
            out.append(events.Key(key_name(character), character))
    return out


def paste(text: str) -> events.Paste:
    return events.Paste(text)


def flatten(parts: tuple[Any, ...]) -> list[events.Event]:
    out: list[events.Event] = []
    for part in parts:
        if isinstance(part, str):
            out += typed(part)
        elif isinstance(part, events.Event):
            # a fresh copy: an event object is used once
            if isinstance(part, events.Key):
                out.append(events.Key(part.key, part.character))
            elif isinstance(part, events.Paste):
                out.append(events.Paste(part.text))
            else:
                out.append(part)
        else:
            out += flatten(tuple(part))
    return out


async def settle(app: App[Any], pilot: Any) -> None:
    """Wait (bounded) until the app has handled all input given so far, and what it
    caused; a plain Textual app: until it is idle."""
    if isinstance(app, InputInOrderApp):
        try:
            await asyncio.wait_for(app.wait_for_input(), timeout=HANG)
        except TimeoutError:
            state = {
                "held": list(app.held_input)[:5],
                "following": app._following,
                "handed_on": app._handed_on,
                "release_due": app._release_due,
                "queued": app.queued_pumps(),
                "screen": app.screen,
                "focused": app.focused,
            }
            raise AssertionError(f"the input was not handled: {state}") from None
    else:
        for _ in range(5):
            await pilot.pause()


async def burst(app: App[Any], pilot: Any, *parts: Any) -> None:
    """Post every event of ``parts`` (text, key events, pastes) at once, then settle."""
    for event in flatten(parts):
        app.post_message(event)
    await settle(app, pilot)
