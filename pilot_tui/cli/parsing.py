"""Argument parsing in Dutch: the parser class, its help layout, the argument types and
the options many commands share. The commands themselves are registered in
:mod:`pilot_tui.cli.commands`."""

from __future__ import annotations

import argparse
import copy
import os
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, cast

from pilot_tui.cli.output import UsageError
from pilot_tui.periods import Window, date_problem, parse_date, parse_window

# argparse's own words, in Dutch (its messages come from gettext without a catalogue).
_ARGPARSE_DUTCH = [
    (re.compile(r"^the following arguments are required: (.*)$"), r"ontbreekt: \1"),
    (re.compile(r"^unrecognized arguments: (.*)$"), r"onbekende argumenten: \1"),
    (
        re.compile(r"^argument (\S+): invalid choice: (.*) \(choose from (.*)\)$"),
        r"\1: ongeldige keuze \2 (kies uit \3)",
    ),
    (re.compile(r"^argument (\S+): expected one argument$"), r"\1: verwacht een waarde"),
    (
        re.compile(r"^argument (\S+): expected at least one argument$"),
        r"\1: verwacht minstens één waarde",
    ),
    (re.compile(r"^argument (\S+): ambiguous option: (.*)$"), r"\1: dubbelzinnige optie: \2"),
    (re.compile(r"^ambiguous option: (.*)$"), r"dubbelzinnige optie: \1"),
    (re.compile(r"^argument (\S+): (.*)$"), r"\1: \2"),
]


def dutch_argparse_message(message: str) -> str:
    for pattern, replacement in _ARGPARSE_DUTCH:
        if pattern.match(message):
            return pattern.sub(replacement, message)
    return message


def later(text: Callable[[], str]) -> str:
    """A help text made only when the help is shown (from a module the command line
    does not import at start-up); :class:`DutchHelpFormatter` calls it."""
    return cast(str, text)


class DutchHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix if prefix is not None else "gebruik: ")

    def _format_action(self, action: argparse.Action) -> str:
        text: Any = action.help
        if callable(text):  # see later(): made now, on a copy (the parser keeps the maker)
            action = copy.copy(action)
            action.help = text()
        return super()._format_action(action)


class DutchRawHelpFormatter(argparse.RawDescriptionHelpFormatter, DutchHelpFormatter):
    """Keeps the epilog's lines (the table of fields of `set --help`)."""


class DutchParser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", DutchHelpFormatter)
        add_help = kwargs.pop("add_help", True)
        kwargs["add_help"] = False  # our own -h, with a Dutch description
        super().__init__(*args, **kwargs)
        if add_help:
            # Not on a parent parser (add_help=False): argparse merges a parent's groups by
            # title into argparse's own English ones, renamed only here; renaming a parent's
            # too made a second "opties" heading.
            self._positionals.title = "argumenten"
            self._optionals.title = "opties"
            self.add_argument("-h", "--help", action="help", help="deze hulp tonen en stoppen")

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{dutch_argparse_message(message)} (zie `{self.prog} --help`)")


# -- argument types ------------------------------------------------------------------


def date_arg(text: str) -> date:
    value = parse_date(text)
    if value is None:
        raise argparse.ArgumentTypeError(
            f"{date_problem(text)} (gebruik bv. 2022-06-01 of „1 juni 2022”)"
        )
    return value


def since_arg(text: str) -> date | None:
    """A date, or "geen" (no changes section), as the app's snapshot dialog reads it."""
    from pilot_tui.snapshot import NO_SINCE_WORDS

    if text.strip().casefold() in NO_SINCE_WORDS:
        return None
    return date_arg(text)


def window_arg(text: str) -> Window:
    value = parse_window(text)
    if value is None:
        raise argparse.ArgumentTypeError(f"onleesbaar venster {text!r} (gebruik bv. 90d, 3m of 1j)")
    return value


def format_arg(text: str) -> str:
    """One of the snapshot formats (:data:`pilot_tui.snapshot.FORMATS`), checked when
    given: the snapshot modules are not loaded for other commands."""
    from pilot_tui.snapshot import FORMATS

    if text not in FORMATS:
        choices = ", ".join(map(repr, FORMATS))
        raise argparse.ArgumentTypeError(f"invalid choice: {text!r} (choose from {choices})")
    return text


def seconds_arg(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen aantal seconden: {text!r}") from None
    if not 0 <= value <= 86400:
        raise argparse.ArgumentTypeError("tussen 0 en 86400 seconden")
    return value


def default_store() -> Path:
    return Path(os.environ.get("PILOT_TUI_STORE") or "store.json")


# -- shared options ------------------------------------------------------------------


def shared_options(default: Any) -> tuple[DutchParser, DutchParser, DutchParser]:
    """The options many commands share: (--store and --wait), --peildatum, --window.
    On subcommands their default is SUPPRESS, so that an option given before the
    subcommand (`pilot-tui --store x list`) is not reset by the subparser."""
    common = DutchParser(add_help=False)
    common.add_argument(
        "--store",
        type=Path,
        default=default,
        metavar="PAD",
        help="het register (standaard $PILOT_TUI_STORE, anders ./store.json)",
    )
    common.add_argument(
        "--wait",
        type=seconds_arg,
        default=default,
        metavar="SECONDEN",
        help="wachten tot het register vrij is (als de app of een ander het open heeft)",
    )
    dated = DutchParser(add_help=False)
    dated.add_argument(
        "--peildatum",
        type=date_arg,
        default=default,
        metavar="DATUM",
        help="peildatum, ISO of Nederlands (standaard de laatste peildatum van het register)",
    )
    windowed = DutchParser(add_help=False)
    windowed.add_argument(
        "--window",
        type=window_arg,
        default=default,
        metavar="VENSTER",
        help="venster voor 'binnenkort': 90d, 3m, 1j (standaard 3m)",
    )
    return common, dated, windowed
