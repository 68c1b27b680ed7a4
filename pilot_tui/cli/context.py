"""What a command reads from its arguments before it calls an operation: the register's
path, the register opened, the peildatum and the window."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from pilot_tui.cli.output import err
from pilot_tui.cli.parsing import default_store
from pilot_tui.model import Register
from pilot_tui.ops import register as opening
from pilot_tui.periods import Window, parse_window
from pilot_tui.store import Store

DEFAULT_WINDOW = "3m"


def store_path(args: argparse.Namespace) -> Path:
    return args.store if getattr(args, "store", None) else default_store()


def open_readonly(args: argparse.Namespace) -> Store:
    return opening.open_readonly(store_path(args))


def open_writable(args: argparse.Namespace) -> Store:
    """The register to change: see :func:`pilot_tui.ops.register.open_to_write`."""
    store = opening.open_to_write(store_path(args), getattr(args, "wait", None))
    warn_store(store)
    return store


def warn_store(store: Store) -> None:
    """Non-fatal problems of opening (e.g. the daily backup failed) on stderr."""
    for warning in store.warnings:
        err(f"waarschuwing: {warning}")


def resolve_peildatum(args: argparse.Namespace, register: Register) -> date:
    """The peildatum to show: as given, else the register's latest, else today."""
    return opening.reading_peildatum(register, getattr(args, "peildatum", None))


def write_peildatum(args: argparse.Namespace, register: Register) -> date:
    """The peildatum a change is for: as given, else the register's latest."""
    return opening.writing_peildatum(register, getattr(args, "peildatum", None))


def resolve_window(args: argparse.Namespace) -> Window:
    window = getattr(args, "window", None)
    if window is not None:
        return window
    parsed = parse_window(DEFAULT_WINDOW)
    assert parsed is not None
    return parsed
