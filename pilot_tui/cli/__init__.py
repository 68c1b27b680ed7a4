"""The ``pilot-tui`` command: glue between the arguments and the operations.

Each command reads its arguments, calls an operation (:mod:`pilot_tui.ops`, or the core
for what only the command line does) and reports; the commands are registered in one
place, :mod:`pilot_tui.cli.commands`, and grouped in modules: :mod:`~.reading`,
:mod:`~.editing`, :mod:`~.documents`, :mod:`~.git`. Output goes through
:mod:`~.output`; argument parsing in Dutch is :mod:`~.parsing`.

Exit codes are an API: 0 success, 1 problems found, 2 bad usage or unreadable input.
Errors are one Dutch line on stderr, never a traceback. Headless subcommands never
import textual, and the modules a command does not need are not imported at start-up.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from pilot_tui.changes import ChangeError
from pilot_tui.cli.output import EXIT_OK, UsageError, fail
from pilot_tui.memory import Pause
from pilot_tui.ops import OpError
from pilot_tui.store import StoreError


def run_tui(args: argparse.Namespace, starting: Pause | None = None) -> int:
    from pilot_tui.cli.context import store_path
    from pilot_tui.tui.run import run

    return run(
        store_path(args),
        getattr(args, "peildatum", None),
        getattr(args, "window", None),
        starting=starting,
    )


def main(argv: Sequence[str] | None = None, *, starting: Pause | None = None) -> int:
    """The command line. ``starting``: the collector's pause since the program began
    (pilot_tui.launcher), ended at the app's first screen, or before any other command."""
    from pilot_tui.cli.commands import build_parser

    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        func = getattr(args, "func", None)
        if func is None:
            return run_tui(args, starting)
        if starting is not None:
            starting.end()
        code: int = func(args)
        return code
    except (UsageError, OpError, ChangeError, StoreError) as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail("afgebroken")
    except BrokenPipeError:
        # `pilot-tui list | head`: the reader went away; that is not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


__all__ = ["main", "run_tui"]
