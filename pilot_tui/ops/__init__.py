"""The operations both front ends perform: the use-case layer.

The command line (:mod:`pilot_tui.cli`) and the app (:mod:`pilot_tui.tui`) are glue: they
read arguments or show a dialog, call an operation here, and report its result. An
operation takes typed input, works on the core (model, store, importing, snapshot,
checks, changes) and gives back a result object, or raises :class:`OpError` with one
Dutch line. It never prints, never parses arguments and never imports Textual.

- :mod:`~pilot_tui.ops.register`: opening a register (to read, to write, waiting for the
  lock, for the app) and the peildatum a command works on;
- :mod:`~pilot_tui.ops.pilots`: finding a pilot by what a user typed;
- :mod:`~pilot_tui.ops.edits`: what an edit says afterwards (footnotes cut loose, a
  looptijd that cannot be read) and changing a pilot's footnotes;
- :mod:`~pilot_tui.ops.importing`: importing an overview: plan, preview, apply;
- :mod:`~pilot_tui.ops.snapshot`: writing a snapshot to a file, safely;
- :mod:`~pilot_tui.ops.checking`: the problems of a register;
- :mod:`~pilot_tui.ops.backups`: the backups of a register, and restoring one.

Editing itself is :class:`pilot_tui.changes.EditSession`, called directly by both.
This package imports only what its callers ask for: the command line starts fast.
"""

from __future__ import annotations


class OpError(Exception):
    """An operation refused or failed; the message is one Dutch line. When the cause was
    an exception of the core or the system, it is chained (``__cause__``)."""


def error_line(exc: BaseException) -> str:
    """An exception as one Dutch line: a system error as its file and its reason."""
    if isinstance(exc, OSError) and exc.strerror:
        from pilot_tui.atomic import os_reason

        where = f"{exc.filename}: " if exc.filename else ""
        return " ".join(f"{where}{os_reason(exc)}".split())
    return " ".join(str(exc).split()) or type(exc).__name__
