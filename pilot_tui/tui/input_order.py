"""Every key, paste and click acts after all input that came before it.

Why this is needed: Textual's app reads the terminal's input into its own message queue
and hands each key on without waiting for it to be handled. ``App.on_event`` runs the
*priority* bindings at once (ctrl+s in the forms) and otherwise posts the key to the
focused widget's queue; a key the widget does not take itself (tab, enter, backspace in an
Input, escape) then bubbles up, queue by queue, to the app, which only then runs the
binding (``App._on_key`` checks the bindings of the focus chain). Meanwhile the app has
already handed on the keys that came after it. So, in one burst from the terminal (a fast
typist, a text expander, a paste, a remote terminal):

* ``text`` + ctrl+s saved the field before the text had reached it (cut short);
* a bracketed paste + ctrl+s saved the old text: the paste was still in the field's queue;
* ``text<tab>more`` put ``more`` in the field that had the focus before the tab, because
  ``more`` was posted to that field before the tab's binding moved the focus;
* ``ab<backspace>c`` in an Input deleted the ``c``.

The fix, for every screen at once: :class:`InputInOrderApp` holds the input events that
arrive while an earlier one may still be on its way, and hands on the next one only when
the earlier ones have been handled to the end: their binding has run, and what those
posted in turn (``Input.Submitted`` moving the focus, ``Input.Changed`` updating a
dialog) has been handled too. It finds that out without a timer or polling:

1. it follows the last event up the path it bubbles along (the widget it went to, each
   parent, the screen, the app) with a callback in each queue in turn (``call_later``
   runs after what that queue holds now, so after the event itself);
2. then, while any queue of the app or of the screen on top still holds messages, it
   follows those the same way, all at once, round after round (at most
   :data:`FOLLOW_ROUNDS`: an animation never stops sending messages);
3. when all are empty, the next held event goes.

(A queue's size alone is not enough: a widget that is busy with one message may already
have taken the next one out of its queue, which is why step 1 follows the event.)

Two things keep typing fast:

* Text (a printable key or a paste) that the focused text field takes itself is handed
  on at once when that field also took everything handed on since the app was last
  quiet. The field applies its queue in order, and such text moves no focus and runs no
  binding, so nothing can come between. Without it each key would wait for the screen to
  be drawn (a 2,000-character burst: ten times slower).
* Printable keys that are held together (a burst: the app first takes in what the
  terminal delivered) go to a text field as one paste of those characters, which the
  field applies exactly as it would the keys one by one (see
  :func:`takes_typing_as_paste`), but at once: a TextArea redoes its line wrapping on
  every edit, so 2,000 single keys on one line cost seconds.

And while input is held the screen is not repainted (``App.batch_update``): a burst is
drawn once it has been handled, not in half-done frames at every wait.

Only public Textual API is used: ``App.on_event``, ``App.batch_update``,
``MessagePump.message_queue_size``,
``MessagePump.call_later``, ``Event.is_forwarded``, ``Key.is_printable``,
``Widget.check_consume_key``, ``DOMNode.ancestors_with_self`` and
``DOMNode.walk_children``.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import Sequence
from typing import Any, TypeVar

from textual import events
from textual.app import App, ScreenStackError, UnknownModeError
from textual.dom import DOMNode
from textual.message_pump import MessagePump
from textual.widget import Widget
from textual.widgets import Input

ReturnType = TypeVar("ReturnType")

# Rounds of step 2 at most: what an event causes is handled within a few (a submitted
# field moves the focus, the focused widget hears of it); a widget that is animated or
# blinks gets messages all the time, and input must not wait for it to stop.
FOLLOW_ROUNDS = 5

# What is kept in order: keys, pastes and mouse buttons (a click on "Opslaan" after a burst
# of keys acts after them too). Mouse moves and wheel scrolls pass on at once: they change
# nothing in a field, and holding them would only make the pointer lag.
IN_ORDER: tuple[type[events.Event], ...] = (
    events.Key,
    events.Paste,
    events.MouseDown,
    events.MouseUp,
)


def takes_itself(widget: Widget | None, event: events.Event) -> bool:
    """True when the focused ``widget`` takes this text itself, stops it and does nothing
    else with it: a printable key the widget says it consumes (Textual's public contract
    for widgets that handle keys and stop them, as Input and TextArea do; the bindings of
    the screen and app for such a key are then not even looked at), or a paste into a
    text field."""
    if widget is None:
        return False
    if isinstance(event, events.Key):
        return event.is_printable and widget.check_consume_key(event.key, event.character)
    if isinstance(event, events.Paste):
        return isinstance(widget, Input) or _editable_text_area(widget)
    return False


def _editable_text_area(widget: Widget | None) -> bool:
    # Imported here: the main screen has no TextArea, and the first screen does not
    # wait for its import.
    from textual.widgets import TextArea

    return isinstance(widget, TextArea) and not widget.read_only


def takes_typing_as_paste(widget: Widget | None) -> bool:
    """True when typing a run of characters into ``widget`` does exactly what pasting them
    does: a TextArea that can be edited, an Input that restricts nothing (Input checks
    ``restrict``, ``type`` and ``max_length`` on the whole value, so a rejected paste
    would keep none of the characters that typing would have kept)."""
    if isinstance(widget, Input):
        return not widget.restrict and not widget.max_length and widget.type == "text"
    return _editable_text_area(widget)


def is_printable_key(event: events.Event) -> bool:
    return isinstance(event, events.Key) and event.is_printable


class InputInOrderApp(App[ReturnType]):
    """An App whose input events act strictly one after the other (see above)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.held_input: deque[events.Event] = deque()
        # Where the last input event was handed on (the start of the path it takes), or
        # None when everything handed on has been handled to the end.
        self._handed_on: MessagePump | None = None
        self._following = False  # steps 1 and 2 are under way: they hand on what is held
        self._paths_left = 0  # paths of this round still being followed
        self._round = 0  # rounds of step 2 so far
        self._release_due = False  # a call of _release_input is queued
        # The field that took everything handed on since the app was last quiet (text it
        # takes itself): more such text for it need not wait.
        self._typing_into: Widget | None = None
        self._waiters: list[asyncio.Future[None]] = []  # see wait_for_input
        self._repaints_held: contextlib.AbstractContextManager[None] | None = None

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, IN_ORDER) and not event.is_forwarded:
            self.held_input.append(event)
            if self._repaints_held is None:
                # no frame of a half-handled burst: the screen is drawn once it is handled
                self._repaints_held = self.batch_update()
                self._repaints_held.__enter__()
            if not self._release_due:
                # after the input the app has already taken in: a burst is held together
                self._release_due = self.call_later(self._release_input)
            return
        await super().on_event(event)

    async def wait_for_input(self) -> None:
        """Return once every input event given to the app so far has been handled to the
        end, and what it caused too (for tests that send a burst and look at its effect;
        not from the app's own message handlers, which would wait for themselves)."""
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        if not self._release_due:
            self._release_due = self.call_later(self._release_input)
        await waiter

    def queued_pumps(self) -> list[MessagePump]:
        """The message pumps of the app and of its screen on top that have messages
        queued."""
        pumps: list[MessagePump] = [self]
        # no screen (starting or stopping): only the app's own queue counts
        with contextlib.suppress(ScreenStackError, UnknownModeError):
            pumps += self.screen.walk_children(with_self=True)
        return [pump for pump in pumps if pump.message_queue_size]

    async def _release_input(self, *, followed: bool = False) -> None:
        """Hand on the held input events in order, each when it cannot overtake another.
        ``followed``: steps 1 and 2 have just ended, so the next event may go at once."""
        self._release_due = False
        if self._following:
            return  # steps 1 and 2 are under way: they hand on what is held
        while self.held_input:
            event = self.held_input[0]
            focused = self.focused
            typing = takes_itself(focused, event)
            may_wait = not followed and not (typing and focused is self._typing_into)
            if may_wait and self._follow_last():
                return
            self.held_input.popleft()
            if typing and is_printable_key(event) and takes_typing_as_paste(focused):
                event = self._typed_run(event, focused)
            self._typing_into = focused if typing else None
            self._handed_on = self.screen if focused is None else focused
            followed = False
            await super().on_event(event)
        if self._repaints_held is not None:
            held, self._repaints_held = self._repaints_held, None
            held.__exit__(None, None, None)
        if self._waiters:
            if not followed and self._follow_last():
                return
            for waiter in self._waiters:
                if not waiter.done():
                    waiter.set_result(None)
            self._waiters.clear()

    def _typed_run(self, first: events.Event, field: Widget | None) -> events.Event:
        """``first`` and the printable keys held right after it for ``field``, as one
        paste (or ``first`` alone when no such key follows)."""
        characters = [first.character or ""] if isinstance(first, events.Key) else []
        while field is not None and self.held_input:
            key = self.held_input[0]
            if not (
                isinstance(key, events.Key)
                and key.is_printable
                and field.check_consume_key(key.key, key.character)
            ):
                break
            self.held_input.popleft()
            characters.append(key.character or "")
        if len(characters) == 1:
            return first
        return events.Paste("".join(characters))

    def _follow_last(self) -> bool:
        """Start step 1 from where the last event went or, when everything handed on was
        handled already, step 2 for what is queued meanwhile (a focus the app changed
        itself: the widgets hear of it by messages). False: nothing to wait for."""
        busy = [self._handed_on] if self._handed_on is not None else self.queued_pumps()
        if not busy:
            return False
        self._following = True
        self._round = 0
        self._follow_paths(busy)
        return True

    def _follow_paths(self, starts: Sequence[MessagePump]) -> None:
        """Follow each of ``starts`` up its path to the app, all at once."""
        # a path from a pump covers its ancestors: follow only the deepest ones
        starts = [
            start
            for start in starts
            if not any(
                other is not start and isinstance(other, DOMNode) and start in other.ancestors
                for other in starts
            )
        ]
        self._paths_left = len(starts)
        for start in starts:
            path: list[MessagePump] = (
                list(start.ancestors_with_self) if isinstance(start, DOMNode) else [start]
            )
            if path[-1] is not self:
                path.append(self)
            self._next_hop(path, 0)

    def _next_hop(self, path: Sequence[MessagePump], index: int) -> None:
        """Have ``path[index]`` call back once what it holds now is handled; a pump that
        takes no more messages (it is closing) holds nothing to wait for. The app is last
        on every path, and it takes messages while it runs."""
        for at in range(index, len(path)):
            pump = path[at]
            if pump is self:
                posted = self.call_later(self._path_followed)
            else:
                posted = pump.call_later(self._next_hop, path, at + 1)
            if posted:
                return

    async def _path_followed(self) -> None:
        """A path is followed to the app. When all of this round's are: step 2 again
        while queues hold messages (for at most FOLLOW_ROUNDS rounds: a widget that is
        animated gets messages all the time), else hand on the next held event."""
        self._paths_left -= 1
        if self._paths_left > 0:
            return
        busy = self.queued_pumps()
        if busy and self._round < FOLLOW_ROUNDS:
            self._round += 1
            self._follow_paths(busy)
            return
        self._following = False
        self._handed_on = None
        await self._release_input(followed=True)
