"""Python's cyclic garbage collector and a large register.

A register of 10,000 pilots is some 150,000 objects that live as long as the program.
The collector cannot free any of them, but it walks them all in every full collection:
while the file is read (the objects are made faster than the collector's thresholds
allow for) and later, at moments nobody chooses, as a 0.1 s stall after a keystroke.

* :func:`collector_paused` for reading a register: no collections while its objects are
  made (about a fifth of the read at 10,000 pilots). The same for the program's start
  (a :class:`Pause` from the command to the first screen): importing Textual and the
  app makes some 60,000 objects that stay, and the collections that walk them would
  delay the first screen by some 20 ms.
* :func:`keep_out_of_collections` once a long-running program holds what it will keep
  (the app: the register and its search index), and :func:`return_to_collections` when
  it is done with them. Reference counting still frees any of those objects that is
  dropped in between (a pilot replaced by an edit, a register replaced by a reload): the
  register's records hold no reference cycles.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_pauses = 0  # pauses under way (a read in a worker thread, the start-up in the main one)
_was_enabled = True


class Pause:
    """A pause of the cyclic collector (in every thread: the collector is global), from
    when it is made until :meth:`end`. Pauses may nest and overlap; the last one to end
    restores the collector as the first found it."""

    def __init__(self) -> None:
        global _pauses, _was_enabled
        self._ended = False
        with _lock:
            if _pauses == 0:
                _was_enabled = gc.isenabled()
                gc.disable()
            _pauses += 1

    def end(self) -> None:
        """End this pause (again: nothing)."""
        global _pauses
        with _lock:
            if self._ended:
                return
            self._ended = True
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block (see :class:`Pause`)."""
    pause = Pause()
    try:
        yield
    finally:
        pause.end()


LARGE = 1_000
"""Pilots from which keeping them out pays: below it a full collection takes a few ms."""


def keep_out_of_collections(pilots: int) -> bool:
    """Leave every object that exists now out of future collections (``gc.freeze``), when
    the program holds a register of ``pilots`` pilots, at least :data:`LARGE`. For a
    program that has just made what it keeps until it ends. True when it did."""
    if pilots < LARGE:
        return False
    gc.freeze()
    return True


def return_to_collections() -> None:
    """Undo :func:`keep_out_of_collections` (``gc.unfreeze``): the program is done with
    what it kept, and whatever of it is garbage by now can be collected."""
    gc.unfreeze()
