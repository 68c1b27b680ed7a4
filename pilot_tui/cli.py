"""The `pilot-tui` command: argument parsing over the core; no logic of its own.

Exit codes are an API: 0 success, 1 problems found, 2 bad usage or unreadable input.
Errors are one Dutch line on stderr, never a traceback. Headless subcommands never
import textual.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from pilot_tui import __version__
from pilot_tui.attention import Assessment, Attention, assess_all, sort_key_attention
from pilot_tui.changes import (
    ALL_FIELDS,
    ChangeError,
    EditSession,
    EntryChange,
    parse_assignment,
)
from pilot_tui.files import FileRefused
from pilot_tui.memory import Pause
from pilot_tui.model import CLOSED_STATUSES, Pilot, Register, Status
from pilot_tui.periods import (
    Window,
    date_problem,
    format_date,
    format_interval,
    parse_date,
    parse_looptijd,
    parse_window,
    period_json,
)
from pilot_tui.store import (
    Store,
    StoreError,
    atomic_write,
    list_backups,
    os_reason,
    output_problem,
)
from pilot_tui.text import normalise, strip_controls

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
DEFAULT_WINDOW = "3m"
WRITER_LOCK_TIMEOUT = 5.0


class UsageError(Exception):
    """Bad usage or unreadable input: exit 2 with this one line."""


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


class DutchHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix if prefix is not None else "gebruik: ")


class DutchRawHelpFormatter(argparse.RawDescriptionHelpFormatter, DutchHelpFormatter):
    """Keeps the epilog's lines (the table of fields of `set --help`)."""


def fields_epilog() -> str:
    width = max(map(len, ALL_FIELDS))
    lines = ["velden:"]
    lines += [f"  {name.ljust(width)}  {meaning}" for name, meaning in ALL_FIELDS.items()]
    return "\n".join(lines)


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


def _seconds(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen aantal seconden: {text!r}") from None
    if not 0 <= value <= 86400:
        raise argparse.ArgumentTypeError("tussen 0 en 86400 seconden")
    return value


def default_store() -> Path:
    return Path(os.environ.get("PILOT_TUI_STORE") or "store.json")


# -- parser --------------------------------------------------------------------------


def _parents(default: Any) -> tuple[DutchParser, ...]:
    """Shared options. On subcommands their default is SUPPRESS, so that an option given
    before the subcommand (`pilot-tui --store x list`) is not reset by the subparser."""
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
        type=_seconds,
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


def build_parser() -> DutchParser:
    root_common, root_dated, root_windowed = _parents(None)
    common, dated, windowed = _parents(argparse.SUPPRESS)
    as_json = DutchParser(add_help=False)
    as_json.add_argument("--json", action="store_true", help="uitvoer als JSON")

    parser = DutchParser(
        prog="pilot-tui",
        description="Register van pilots bijhouden en de stand van zaken maken.",
        parents=[root_common, root_dated, root_windowed],
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"pilot-tui {__version__}",
        help="versie tonen en stoppen",
    )
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT", parser_class=DutchParser)

    p = sub.add_parser(
        "list",
        parents=[common, dated, windowed, as_json],
        help="pilots met status, aandacht en einde",
    )
    p.add_argument(
        "--status",
        nargs="+",
        action="extend",
        default=None,
        metavar="STATUS",
        help="alleen deze status(sen): " + ", ".join(s.value for s in Status),
    )
    p.add_argument(
        "--attention",
        nargs="+",
        action="extend",
        default=None,
        metavar="KLASSE",
        help="alleen deze aandachtsklasse(n), bv. verlopen 'eindigt binnenkort'",
    )
    p.set_defaults(func=cmd_list)

    p = sub.add_parser(
        "show",
        parents=[common, dated, windowed, as_json],
        help="één pilot volledig (op id of naam)",
    )
    p.add_argument("pilot", metavar="PILOT")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("period", parents=[dated, as_json], help="hoe een looptijd gelezen wordt")
    p.add_argument("text", metavar="TEKST")
    p.set_defaults(func=cmd_period)

    p = sub.add_parser(
        "check",
        parents=[common, dated, as_json],
        help="problemen in het register zoeken (schrijft niets)",
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help="ook pilots die nog niet zijn bijgewerkt voor de laatste ronde als probleem tellen",
    )
    p.set_defaults(func=cmd_check)

    correct = DutchParser(add_help=False)
    correct.add_argument(
        "--correct",
        action="store_true",
        help="een eerdere peildatum dan de laatste bewust corrigeren",
    )
    p = sub.add_parser(
        "set",
        parents=[common, dated, correct],
        help="velden van een pilot wijzigen: VELD=WAARDE … (voor de peildatum)",
        description="Velden van een pilot wijzigen voor de peildatum (standaard de laatste); "
        "de wijziging geldt vanaf die peildatum, eerdere peildata blijven zoals ze waren.",
        epilog=fields_epilog(),
        formatter_class=DutchRawHelpFormatter,
    )
    p.add_argument("pilot", metavar="PILOT", help="id, naam of een eenduidig deel van de naam")
    p.add_argument("assignments", nargs="*", metavar="VELD=WAARDE")
    p.add_argument(
        "--unchanged",
        action="store_true",
        help="de stand van zaken voor de peildatum ongewijzigd laten (de vorige tekst)",
    )
    p.set_defaults(func=cmd_set)

    p = sub.add_parser(
        "add",
        parents=[common, dated],
        help="een nieuwe pilot toevoegen (vanaf de peildatum); drukt het id af",
        epilog=fields_epilog(),
        formatter_class=DutchRawHelpFormatter,
    )
    p.add_argument("name", metavar="NAAM")
    p.add_argument("assignments", nargs="*", metavar="VELD=WAARDE")
    p.set_defaults(func=cmd_add)

    p = sub.add_parser(
        "delete",
        parents=[common, dated, correct],
        help="een pilot verwijderen vanaf de peildatum (eerdere peildata houden hem)",
    )
    p.add_argument("pilot", metavar="PILOT")
    p.set_defaults(func=cmd_delete)

    p = sub.add_parser(
        "undelete",
        parents=[common, dated],
        help="een verwijderde pilot terugzetten vanaf de peildatum",
    )
    p.add_argument("pilot", metavar="PILOT")
    p.set_defaults(func=cmd_undelete)

    p = sub.add_parser(
        "start-round",
        parents=[common],
        help="een nieuwe ronde beginnen: DATUM wordt de laatste peildatum",
    )
    p.add_argument("date", type=date_arg, metavar="DATUM")
    p.set_defaults(func=cmd_start_round)

    p = sub.add_parser(
        "footnote",
        parents=[common, dated, correct],
        help="voetnoten van een pilot: toevoegen, wijzigen, verwijderen",
    )
    p.add_argument(
        "action", choices=("add", "change", "remove"), metavar="ACTIE", help="add, change of remove"
    )
    p.add_argument("pilot", metavar="PILOT")
    p.add_argument(
        "number",
        nargs="?",
        type=int,
        default=None,
        metavar="NR",
        help="het nummer van de voetnoot bij de pilot (change, remove)",
    )
    p.add_argument("--text", default=None, metavar="TEKST", help="de tekst van de voetnoot")
    p.add_argument(
        "--section",
        default=None,
        choices=("name", "achtergrond", "doel", "stand_van_zaken", "looptijd"),
        help="het veld waarin de verwijzing staat (standaard stand_van_zaken)",
    )
    p.add_argument(
        "--anchor",
        default=None,
        metavar="TEKST",
        help="de woorden vlak voor de verwijzing (standaard het einde van het veld)",
    )
    p.set_defaults(func=cmd_footnote)

    p = sub.add_parser(
        "history",
        parents=[common, dated, as_json],
        help="de stand van zaken van een pilot per peildatum",
    )
    p.add_argument("pilot", metavar="PILOT")
    p.set_defaults(func=cmd_history)

    p = sub.add_parser(
        "snapshot",
        parents=[common, dated, windowed],
        help="de stand van zaken als document (docx, md, html, csv, json)",
    )
    p.add_argument(
        "--format",
        default=None,
        metavar="FORMAAT",
        choices=("docx", "md", "html", "csv", "json"),
        help="docx (standaard), md, html, csv of json; zonder --format volgt het de "
        "extensie van -o",
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        metavar="PAD",
        help="uitvoerbestand (standaard stand-van-zaken-pilots-JJJJ-MM-DD.<ext>)",
    )
    p.add_argument(
        "--since",
        type=since_arg,
        default=None,
        metavar="DATUM",
        help="voeg 'Wijzigingen sinds peildatum DATUM' toe (intern; \"geen\": zonder, de "
        "standaard)",
    )
    p.add_argument(
        "--summary",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="met of zonder de aandachtspunten (intern; standaard zonder in Word, de versie "
        "voor de Kamer, en met in de andere formaten)",
    )
    p.add_argument(
        "--annex",
        default=None,
        metavar="TEKST",
        help='bijlagenummer voor de titel, bijv. "Bijlage 3" (standaard dat van het register; '
        '"" laat het weg)',
    )
    p.add_argument(
        "--template",
        type=Path,
        default=None,
        metavar="PAD",
        help="Word: de stijlen van dit .docx- of .dotx-bestand gebruiken (standaard de "
        "huisstijl van pilot-tui)",
    )
    p.add_argument("--toc", action="store_true", help="Word: met een inhoudsopgave na de inleiding")
    p.add_argument(
        "--track-changes",
        action="store_true",
        help="Word, met --since: de wijzigingen als revisies (wijzigingen bijhouden) in "
        "plaats van een hoofdstuk 'Wijzigingen sinds'",
    )
    p.add_argument(
        "--group-by",
        choices=("programma", "status"),
        default=None,
        help="pilots groeperen per programma of per status",
    )
    p.add_argument(
        "-f", "--force", action="store_true", help="een bestaand uitvoerbestand overschrijven"
    )
    p.set_defaults(func=cmd_snapshot)

    p = sub.add_parser(
        "import",
        parents=[common, dated],
        help="een overzicht (PDF, Word-bestand of tekst) inlezen in het register",
    )
    p.add_argument("file", type=Path, metavar="BESTAND")
    p.add_argument(
        "--update", action="store_true", help="ook andere velden dan de stand van zaken bijwerken"
    )
    p.add_argument("--dry-run", action="store_true", help="alleen laten zien, niets schrijven")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("backups", parents=[common], help="reservekopieën van het register")
    p.set_defaults(func=cmd_backups)

    p = sub.add_parser(
        "restore",
        parents=[common],
        help="een reservekopie terugzetten (maakt eerst zelf een kopie)",
    )
    p.add_argument("backup", type=Path, metavar="KOPIE")
    p.set_defaults(func=cmd_restore)

    from pilot_tui.cli_git import add_commands

    add_commands(sub, common)  # merge, diff, git-setup, resolve
    return parser


# -- helpers ---------------------------------------------------------------------------


def store_path(args: argparse.Namespace) -> Path:
    return args.store if getattr(args, "store", None) else default_store()


def open_readonly(args: argparse.Namespace) -> Store:
    return Store.open(store_path(args), readonly=True)


def open_writable(args: argparse.Namespace) -> Store:
    store = _open_locked(store_path(args), args)
    warn_store(store)
    return store


def _open_locked(path: Path, args: argparse.Namespace, *, readonly: bool = False) -> Store:
    """Open to write. When the app has the register open, say so at once (it may be open
    all day); another command-line writer is waited for a few seconds; ``--wait`` waits
    as long as asked for either."""
    from pilot_tui.store import StoreLocked, app_holder

    wait = getattr(args, "wait", None)
    if readonly:
        return Store.open(path, readonly=True)
    try:
        return Store.open(path, lock_timeout=0.0)
    except StoreLocked:
        pid = app_holder(path)
        if pid is not None and wait is None:
            raise UsageError(
                f"{path} is geopend in de app pilot-tui (proces {pid}): sluit de app (q) en "
                "probeer opnieuw, of geef --wait SECONDEN om te wachten"
            ) from None
        return Store.open(path, lock_timeout=WRITER_LOCK_TIMEOUT if wait is None else wait)


def warn_store(store: Store) -> None:
    """Non-fatal problems of opening (e.g. the daily backup failed) on stderr."""
    for warning in store.warnings:
        err(f"waarschuwing: {warning}")


def resolve_peildatum(args: argparse.Namespace, register: Register) -> date:
    if getattr(args, "peildatum", None):
        return args.peildatum
    latest = register.latest_peildatum()
    return latest or date.today()


def resolve_window(args: argparse.Namespace) -> Window:
    window = getattr(args, "window", None)
    if window is not None:
        return window
    parsed = parse_window(DEFAULT_WINDOW)
    assert parsed is not None
    return parsed


def find_pilot(register: Register, key: str, peildatum: date | None = None) -> Pilot:
    """The stored pilot with this id, name, former name, or unambiguous part of its name;
    names as they were at ``peildatum`` (when given), among the pilots there then."""
    for pilot in register.pilots:
        if pilot.id == key:
            return pilot
    if peildatum is None:
        pilots = [p for p in register.pilots if not p.removed]
        names = {p.id: p.name for p in pilots}
    else:
        pilots = [p for p in register.pilots if p.exists_at(peildatum)]
        names = {p.id: p.value_at("name", peildatum) for p in pilots}
    wanted = normalise(key)
    if not wanted:
        raise UsageError("geef een id of (een deel van) een naam")
    for pilot in pilots:
        if names[pilot.id] == key:
            return pilot
    for pilot in pilots:
        if normalise(names[pilot.id]) == wanted or any(
            normalise(n) == wanted for n in pilot.former_names
        ):
            return pilot
    found = [p for p in pilots if wanted in normalise(names[p.id]) or key in p.id]
    if len(found) == 1:
        return found[0]
    shown = repr(" ".join(key.split()))
    if not found:
        where = f" op {format_date(peildatum)}" if peildatum is not None else ""
        raise UsageError(f"geen pilot met id of naam {shown}{where}")
    listed = "; ".join(f"{' '.join(names[p.id].split())} ({p.id})" for p in found[:5])
    more = f"; en {len(found) - 5} meer" if len(found) > 5 else ""
    raise UsageError(
        f"{shown} past bij {len(found)} pilots: {listed}{more}; geef meer van de naam of het id"
    )


def pilot_at(register: Register, key: str, peildatum: date) -> Pilot:
    """The pilot as it was at ``peildatum`` (see Pilot.as_of)."""
    stored = find_pilot(register, key, peildatum)
    view = stored.as_of(peildatum)
    if view is None:
        raise UsageError(
            f"„{' '.join(stored.name.split())}” bestaat niet op {format_date(peildatum)} "
            "(verwijderd, of later toegevoegd)"
        )
    return view


def clean(text: str) -> str:
    return strip_controls(text)


def one_line(text: str) -> str:
    """A message as one printable line: controls out, every run of white space (a newline
    in a quoted name) one space."""
    return " ".join(strip_controls(text).split())


def out(text: str = "") -> None:
    """Print a line of output. Everything printed may quote the register or a file name,
    so nothing a terminal acts on gets through (escape sequences, controls, bidi
    overrides, a carriage return that would overwrite the line)."""
    text = strip_controls(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    sys.stdout.write(text + "\n")


def err(text: str) -> None:
    """One line on stderr, made printable as :func:`out` does."""
    sys.stderr.write(f"pilot-tui: {one_line(text)}\n")


# Anything but printable ASCII and the newlines of the indentation: looked at one by one.
_NOT_PLAIN = re.compile("[^\n -~]")


def _printable_json(match: re.Match[str]) -> str:
    char = match[0]
    return char if char.isprintable() else json.dumps(char)[1:-1]  # "\\u202e"


def out_json(value: Any) -> None:
    """Print ``value`` as JSON. A character a terminal would act on (a control, a bidi
    override) is written as its \\u escape: inside a JSON string that is the same
    character, so a script reads the data exactly and a terminal shows text."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    if not text.replace("\n", " ").isprintable():
        text = _NOT_PLAIN.sub(_printable_json, text)
    sys.stdout.write(text + "\n")


def end_label(a: Assessment) -> str:
    if a.period.end is not None:
        return format_interval(a.period.end)
    if a.period.open_end:
        return "open einde"
    return "—" if a.status in CLOSED_STATUSES else "onbekend"


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def assessment_json(a: Assessment) -> dict[str, Any]:
    p = a.pilot
    return {
        "id": p.id,
        "name": p.name,
        "status": a.status.value,
        "attention": a.attention.value,
        "start": _iso(a.start),
        "end": _iso(a.end),
        "end_label": end_label(a),
        "days_left": a.days_left,
        "looptijd": p.looptijd,
        "niet_bijgewerkt": a.niet_bijgewerkt,
        "programma": p.programma,
        "gemeente": p.gemeente,
    }


def _matches_attention(wanted: list[str]) -> set[Attention]:
    result: set[Attention] = set()
    by_norm = {normalise(a.value): a for a in Attention}
    for word in wanted:
        key = normalise(word.replace("-", " ").replace("_", " "))
        if key not in by_norm:
            raise UsageError(
                f"onbekende aandachtsklasse {word!r}; kies uit: "
                + ", ".join(a.value for a in Attention)
            )
        result.add(by_norm[key])
    return result


def _table(rows: list[list[str]], headers: list[str]) -> list[str]:
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    return lines


# -- commands ----------------------------------------------------------------------------


def cmd_list(args: argparse.Namespace) -> int:
    with open_readonly(args) as store:
        register = store.register
        peildatum = resolve_peildatum(args, register)
        window = resolve_window(args)
        items = sorted(assess_all(register, peildatum, window), key=sort_key_attention)
    if args.status:
        statuses = set()
        for s in args.status:
            try:
                statuses.add(Status(s.lower()))
            except ValueError:
                raise UsageError(
                    f"onbekende status {s!r}; kies uit: " + ", ".join(x.value for x in Status)
                ) from None
        items = [a for a in items if a.status in statuses]
    if args.attention:
        classes = _matches_attention(args.attention)
        items = [a for a in items if a.attention in classes]
    if args.json:
        out_json([assessment_json(a) for a in items])
        return EXIT_OK
    out(
        f"{clean(register.title)} – peildatum {format_date(peildatum)} "
        f"(venster {window.label}): {len(items)} pilots"
    )
    rows = [
        [
            _shortened(" ".join(clean(a.pilot.name).split()), NAME_WIDTH),
            a.status.value,
            f"{a.attention.symbol} {a.attention.value}" + (" *" if a.niet_bijgewerkt else ""),
            end_label(a),
            "" if a.days_left is None or a.status in CLOSED_STATUSES else str(a.days_left),
        ]
        for a in items
    ]
    for line in _table(rows, ["Naam", "Status", "Aandacht", "Einde", "Dagen"]):
        out(line)
    if any(a.niet_bijgewerkt for a in items):
        out("* niet bijgewerkt voor de laatste peildatum")
    return EXIT_OK


NAME_WIDTH = 60  # characters of a name in `list`'s table; longer names end in "…"


def _shortened(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def pilot_json(pilot: Pilot, a: Assessment, peildatum: date) -> dict[str, Any]:
    entry = pilot.entry_at(peildatum)
    data = pilot.to_dict()
    # the pilot as it is at the peildatum: not what it was or will be at other dates
    data.pop("past", None)
    data.pop("removed", None)
    data.update(
        {
            "peildatum": peildatum.isoformat(),
            "stand_van_zaken": entry.stand_van_zaken if entry else None,
            "stand_van_zaken_peildatum": entry.peildatum.isoformat() if entry else None,
            "status": a.status.value,
            "current_status": pilot.status.value,  # as of the peildatum, like every field
            "attention": a.attention.value,
            "start": _iso(a.start),
            "end": _iso(a.end),
            "days_left": a.days_left,
            "niet_bijgewerkt": a.niet_bijgewerkt,
            "period": period_json(a.period),
        }
    )
    return data


def cmd_show(args: argparse.Namespace) -> int:
    with open_readonly(args) as store:
        register = store.register
        peildatum = resolve_peildatum(args, register)
        pilot = pilot_at(register, args.pilot, peildatum)
        window = resolve_window(args)
        from pilot_tui.attention import assess

        a = assess(pilot, peildatum, window.end(peildatum), register.latest_peildatum(peildatum))
    if args.json:
        out_json(pilot_json(pilot, a, peildatum))
        return EXIT_OK
    entry = pilot.entry_at(peildatum)
    out(clean(pilot.name))
    if pilot.former_names:
        out("voorheen: " + "; ".join(clean(n) for n in pilot.former_names))
    out(
        f"id: {clean(pilot.id)} · status: {a.status.value} · "
        f"{a.attention.symbol} {a.attention.value}"
    )
    for label, value in (
        ("Programma", pilot.programma),
        ("Gemeente", pilot.gemeente),
        ("Rechtsgebied", pilot.rechtsgebied),
        ("Partners", "; ".join(pilot.partners)),
    ):
        if value:
            out(f"{label}: {clean(value)}")
    for label, text in (("Achtergrond", pilot.achtergrond), ("Doel", pilot.doel)):
        out()
        out(label)
        out(clean(text))
    out()
    if entry:
        written = pilot.text_date(entry)
        kept = f", ongewijzigd sinds {format_date(written)}" if written != entry.peildatum else ""
        out(f"Stand van zaken (peildatum {format_date(entry.peildatum)}{kept})")
        out(clean(entry.stand_van_zaken))
        if entry.zaken is not None:
            out(f"Aantal zaken: {entry.zaken}")
    else:
        out("Stand van zaken: nog geen stand van zaken op of voor deze peildatum")
    out()
    out(pilot.looptijd_label)
    out(clean(pilot.looptijd))
    out(f"gelezen als: {a.period.describe()}")
    for i, note in enumerate(pilot.footnotes, start=1):
        out(f"[{i}] {clean(note.text)}")
    n = len(pilot.history)
    out(f"{n} {'peildatum' if n == 1 else 'peildata'} in de geschiedenis")
    return EXIT_OK


def cmd_period(args: argparse.Namespace) -> int:
    period = parse_looptijd(args.text)
    if args.json:
        out_json(period_json(period))
    elif period.ok:
        out(period.describe())
    if not period.ok:
        err(period.error or "onleesbaar")
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from pilot_tui.checks import find_problems

    with open_readonly(args) as store:
        register = store.register
        peildatum = resolve_peildatum(args, register)
        problems = find_problems(register, peildatum)
    counted = [pr for pr in problems if args.strict or not pr.get("notice")]
    noticed = [pr for pr in problems if pr not in counted]
    if args.json:
        out_json(problems)
    else:
        for pr in counted:
            out(one_line(f"{pr['name']} ({pr['id']}): {pr['problem']}"))
        for pr in noticed:
            out(one_line(f"let op: {pr['name']} ({pr['id']}): {pr['problem']}"))
        n = len(register.as_of(peildatum).pilots)
        out(
            f"{len(counted)} problemen in {n} pilots (peildatum {format_date(peildatum)})"
            if counted
            else f"geen problemen in {n} pilots (peildatum {format_date(peildatum)})"
        )
    return EXIT_PROBLEMS if counted else EXIT_OK


def _write_peildatum(args: argparse.Namespace, register: Register) -> date:
    """The peildatum a change is for: as given, else the register's latest."""
    if getattr(args, "peildatum", None):
        return args.peildatum
    latest = register.latest_peildatum()
    if latest is None:
        raise UsageError(
            "het register heeft nog geen peildatum; begin een ronde: pilot-tui start-round DATUM"
        )
    return latest


def _warn_looptijd(pilot: Pilot, peildatum: date) -> None:
    looptijd = pilot.value_at("looptijd", peildatum)
    period = parse_looptijd(looptijd)
    if looptijd.strip() and not period.ok:
        err(f"waarschuwing: opgeslagen, maar de looptijd is niet te lezen ({period.error})")


def _detached(pilot: Pilot | None, peildatum: date) -> list[tuple[int, Any]]:
    from pilot_tui.checks import detached_footnotes

    view = pilot.as_of(peildatum) if pilot is not None else None
    return detached_footnotes(view, peildatum) if view is not None else []


def _warn_detached(pilot: Pilot, peildatum: date, before: list[tuple[int, Any]]) -> None:
    """Say which footnotes the change detached from their words (not those that were
    detached already: `check` lists all)."""
    was = {(note.text, note.anchor) for _n, note in before}
    for number, note in _detached(pilot, peildatum):
        if (note.text, note.anchor) in was:
            continue
        err(
            f"waarschuwing: voetnoot {number} hoort bij „{note.anchor}”, maar die woorden "
            f"staan niet meer in {note.section}; pas de voetnoot aan met pilot-tui footnote "
            "change of remove"
        )


def cmd_set(args: argparse.Namespace) -> int:
    assignments = [parse_assignment(a) for a in args.assignments]
    if not assignments and not args.unchanged:
        raise UsageError("geef VELD=WAARDE of --unchanged (zie `pilot-tui set --help`)")
    if args.unchanged and any(f == "stand_van_zaken" for f, _v in assignments):
        raise UsageError("--unchanged en stand_van_zaken=… gaan niet samen")
    with open_writable(args) as store:
        peildatum = _write_peildatum(args, store.register)
        pilot = find_pilot(store.register, args.pilot, peildatum)
        name = clean(" ".join(pilot.value_at("name", peildatum).split()))
        detached = _detached(pilot, peildatum)
        session = EditSession(store)
        op = None
        if assignments:
            op = session.edit_fields(pilot.id, assignments, peildatum, correction=args.correct)
        if args.unchanged:
            op = session.update_entry(
                pilot.id, peildatum, EntryChange(), unchanged=True, correction=args.correct
            )
        stored = store.register.get(pilot.id)
        if op is None:
            out(f"{name}: niets gewijzigd")
            return EXIT_OK
        what = [field for field, _value in assignments]
        if args.unchanged:
            what.append("stand van zaken ongewijzigd")
        out(f"{name}: {', '.join(what)} opgeslagen (peildatum {format_date(peildatum)})")
        if stored is not None:
            if any(f == "looptijd" for f, _v in assignments):
                _warn_looptijd(stored, peildatum)
            _warn_detached(stored, peildatum, detached)
    return EXIT_OK


def cmd_add(args: argparse.Namespace) -> int:
    from pilot_tui.changes import apply_changes
    from pilot_tui.model import Pilot as NewPilot

    assignments = [parse_assignment(a) for a in args.assignments]
    if any(f == "name" for f, _v in assignments):
        raise UsageError("de naam staat al vooraan: pilot-tui add NAAM VELD=WAARDE …")
    with open_writable(args) as store:
        register = store.register
        peildatum = _write_peildatum(args, register)
        pilot = NewPilot(id="", name=" ".join(args.name.split()))
        if not pilot.name:
            raise UsageError("de naam mag niet leeg zijn")
        pilot.id = register.new_id(pilot.name)
        scratch = Register(peildata=list(register.peildata))
        apply_changes(scratch, pilot, assignments, peildatum)
        op = EditSession(store).add_pilot(pilot, peildatum)
        out(op.pilot_id)
        err(f"„{pilot.name}” toegevoegd vanaf peildatum {format_date(peildatum)}")
        stored = store.register.get(op.pilot_id)
        if stored is not None and any(f == "looptijd" for f, _v in assignments):
            _warn_looptijd(stored, peildatum)
    return EXIT_OK


def cmd_delete(args: argparse.Namespace) -> int:
    with open_writable(args) as store:
        peildatum = _write_peildatum(args, store.register)
        pilot = find_pilot(store.register, args.pilot, peildatum)
        op = EditSession(store).delete_pilot(pilot.id, peildatum, correction=args.correct)
        out(f"{clean(op.description)} vanaf peildatum {format_date(peildatum)}")
    return EXIT_OK


def cmd_undelete(args: argparse.Namespace) -> int:
    with open_writable(args) as store:
        peildatum = _write_peildatum(args, store.register)
        pilot = find_pilot_any(store.register, args.pilot)
        op = EditSession(store).undelete(pilot.id, peildatum)
        out(f"{clean(op.description)} vanaf peildatum {format_date(peildatum)}")
    return EXIT_OK


def find_pilot_any(register: Register, key: str) -> Pilot:
    """A pilot by id, or by (an unambiguous part of) any name it ever had; retired
    pilots included."""
    for pilot in register.pilots:
        if pilot.id == key:
            return pilot
    wanted = normalise(key)

    def names(p: Pilot) -> list[str]:
        return [normalise(name) for _start, name in p.timeline("name")]

    found = [p for p in register.pilots if wanted in names(p)]
    if not found:
        found = [p for p in register.pilots if any(wanted in n for n in names(p))]
    if len(found) != 1:
        raise UsageError(
            f"geen pilot met id of naam {key!r}"
            if not found
            else f"{key!r} past bij {len(found)} pilots; geef het id"
        )
    return found[0]


def cmd_start_round(args: argparse.Namespace) -> int:
    with open_writable(args) as store:
        EditSession(store).start_round(args.date)
        n = sum(1 for p in store.register.pilots if p.exists_at(args.date))
        out(
            f"nieuwe ronde: peildatum {format_date(args.date)} ({n} pilots; nog geen enkele "
            "bijgewerkt)"
        )
    return EXIT_OK


def cmd_footnote(args: argparse.Namespace) -> int:
    from pilot_tui.model import Footnote

    with open_writable(args) as store:
        peildatum = _write_peildatum(args, store.register)
        stored = find_pilot(store.register, args.pilot, peildatum)
        detached = _detached(stored, peildatum)
        notes = [
            Footnote(n.text, n.section, n.anchor, dict(n.extra))
            for n in stored.value_at("footnotes", peildatum)
        ]
        if args.action == "add":
            if args.number is not None:
                raise UsageError("footnote add neemt geen nummer; de voetnoot komt achteraan")
            if not (args.text or "").strip():
                raise UsageError("geef de tekst van de voetnoot met --text")
            notes.append(
                Footnote(args.text.strip(), args.section or "stand_van_zaken", args.anchor or "")
            )
        else:
            if args.number is None or not 1 <= args.number <= len(notes):
                raise UsageError(
                    f"geef het nummer van een voetnoot (1 tot en met {len(notes)})"
                    if notes
                    else "deze pilot heeft geen voetnoten"
                )
            i = args.number - 1
            if args.action == "remove":
                del notes[i]
            else:
                if args.text is not None:
                    if not args.text.strip():
                        raise UsageError("de tekst van een voetnoot mag niet leeg zijn")
                    notes[i].text = args.text.strip()
                if args.section is not None:
                    notes[i].section = args.section
                if args.anchor is not None:
                    notes[i].anchor = args.anchor
        op = EditSession(store).set_values(
            stored.id, {"footnotes": notes}, peildatum, correction=args.correct
        )
        name = clean(" ".join(stored.value_at("name", peildatum).split()))
        if op is None:
            out(f"{name}: niets gewijzigd")
        else:
            out(f"{name}: voetnoten opgeslagen (peildatum {format_date(peildatum)})")
            after = store.register.get(stored.id)
            if after is not None:
                _warn_detached(after, peildatum, detached)
    return EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    with open_readonly(args) as store:
        peildatum = resolve_peildatum(args, store.register)
        pilot = pilot_at(store.register, args.pilot, peildatum)
    entries = [
        {
            "peildatum": e.peildatum.isoformat(),
            "stand_van_zaken": e.stand_van_zaken,
            "status": e.status.value if e.status else None,
            "zaken": e.zaken,
            "unchanged": e.unchanged,
        }
        for e in pilot.history
    ]
    if args.json:
        out_json(entries)
        return EXIT_OK
    out(clean(pilot.name))
    for e in pilot.history:
        status = e.status.value if e.status else "?"
        extra = " (ongewijzigd)" if e.unchanged else ""
        zaken = f" · {e.zaken} zaken" if e.zaken is not None else ""
        out()
        out(f"{format_date(e.peildatum)} · {status}{zaken}{extra}")
        out(clean(e.stand_van_zaken))
    if not pilot.history:
        out("nog geen stand van zaken")
    return EXIT_OK


def snapshot_format(asked: str | None, output: Path | None) -> str:
    """The format: as asked, else as the output file's extension says, else Word. A file
    named for another format than asked is refused (a ".md" file holding Word), and so is
    an extension that names no format when none was asked (".txt")."""
    from pilot_tui.snapshot import FORMATS, format_of

    said = format_of(output) if output is not None else None
    if asked is None:
        if output is not None and output.suffix and said is None:
            raise UsageError(
                f"{output}: welk formaat? {output.suffix} is geen van {', '.join(FORMATS)}; "
                f"geef --format of een naam op .docx, .md, …"
            )
        return said or "docx"
    if said is not None and said != asked:
        raise UsageError(
            f"{output}: de extensie .{said} past niet bij --format {asked}; "
            f"kies een andere naam of laat --format weg"
        )
    return asked


def cmd_snapshot(args: argparse.Namespace) -> int:
    from pilot_tui.snapshot import SnapshotOptions, default_filename, default_summary, make
    from pilot_tui.snapshot.wordpkg import TemplateError, load_template

    args.format = snapshot_format(args.format, args.output)
    if args.format != "docx" and (args.template is not None or args.toc):
        option = "--template" if args.template is not None else "--toc"
        raise UsageError(f"{option} is er alleen voor Word (--format docx)")
    if args.track_changes and args.format != "docx":
        raise UsageError("--track-changes is er alleen voor Word (--format docx)")
    if args.track_changes and args.since is None:
        raise UsageError("--track-changes vraagt --since DATUM: de peildatum om mee te vergelijken")
    if args.template is not None:
        try:
            load_template(args.template)  # a bad template: said before any work
        except TemplateError as exc:
            raise UsageError(str(exc)) from None

    with open_readonly(args) as store:
        register = store.register
    peildatum = resolve_peildatum(args, register)
    if args.since is not None and args.since >= peildatum:
        raise UsageError(
            f"--since ({format_date(args.since)}) moet voor de peildatum "
            f"({format_date(peildatum)}) liggen"
        )
    target: Path = args.output or Path(default_filename(peildatum, args.format))
    if target.is_dir():
        raise UsageError(f"{target}: is een map; geef een bestandsnaam met -o")
    problem = output_problem(target, store_path(args))
    if problem:
        raise UsageError(problem)
    if target.exists() and not args.force:
        raise UsageError(f"{target} bestaat al; gebruik --force om te overschrijven")
    if not target.parent.is_dir():
        raise UsageError(f"{target.parent}: map bestaat niet")
    options = SnapshotOptions(
        peildatum=peildatum,
        window=resolve_window(args),
        since=args.since,
        summary=default_summary(args.format) if args.summary is None else args.summary,
        group_by=args.group_by,
        annex=args.annex,
        track_changes=args.track_changes,
    )
    try:
        data = make(
            register,
            options,
            args.format,
            build_progress=_progress("pilots gelezen"),
            render_progress=_progress(f"onderdelen van {args.format} geschreven"),
            template=args.template,
            toc=args.toc,
        )
    except TemplateError as exc:
        raise UsageError(str(exc)) from None
    problem = output_problem(target, store_path(args))  # again: Word took a while
    if problem:
        raise UsageError(problem)
    try:
        atomic_write(target, data)
    except OSError as exc:
        raise UsageError(f"{target}: kan niet schrijven ({os_reason(exc)})") from None
    n = sum(1 for p in register.pilots if p.exists_at(peildatum))
    out(f"{target} geschreven ({n} pilots, peildatum {format_date(peildatum)})")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from pilot_tui.importing import OverviewError, merge, read_overview

    source: Path = args.file
    try:  # PDF, Word or text, by its content
        result = read_overview(
            source,
            args.peildatum,
            progress=_progress("pilots gelezen"),
            pages=_progress("bladzijden gelezen", minimum=10, every=10),
        )
    except FileRefused as exc:
        raise UsageError(str(exc)) from None
    except FileNotFoundError:
        raise UsageError(f"{source}: bestand bestaat niet") from None
    except IsADirectoryError:
        raise UsageError(f"{source}: is een map") from None
    except OSError as exc:
        raise UsageError(f"{source}: kan niet gelezen worden ({exc.strerror})") from None
    except OverviewError as exc:
        raise UsageError(f"{source}: {exc}") from None
    incoming = result.register
    peildatum = args.peildatum or incoming.latest_peildatum()
    if peildatum is None:
        raise UsageError(f"{source}: geen peildatum gevonden; geef --peildatum")
    path = store_path(args)
    for warning in result.warnings:
        err(f"waarschuwing: {warning}")
    if not path.exists():
        register = Register(title=incoming.title, intro=incoming.intro, annex=incoming.annex)
        report = merge(register, incoming, peildatum, update=True)  # a new register
        if not args.dry_run:
            Store.create(path, register).close()
        out(
            ("(proefdraai) " if args.dry_run else "")
            + f"nieuw register {path}: "
            + report.summary()
        )
        return EXIT_OK
    store = _open_locked(path, args, readonly=args.dry_run)
    warn_store(store)
    with store:
        try:
            report = merge(store.register, incoming, peildatum, update=args.update)
        except OverviewError as exc:
            raise UsageError(f"{source}: {exc}") from None
        if not args.dry_run:
            store.backup("import")
            store.save_all()
    out(("(proefdraai, niets geschreven) " if args.dry_run else "") + report.summary())
    return EXIT_OK


def cmd_backups(args: argparse.Namespace) -> int:
    path = store_path(args)
    backups = list_backups(path)
    if not backups:
        out(f"geen reservekopieën van {path}")
    for b in backups:
        out(str(b))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from pilot_tui.store import restore_backup

    path = store_path(args)
    saved = restore_backup(path, args.backup, lock_timeout=WRITER_LOCK_TIMEOUT)
    if saved is not None:
        out(f"huidige versie bewaard als {saved}")
    out(f"{args.backup} teruggezet als {path}")
    return EXIT_OK


def _progress(
    label: str, minimum: int = 500, every: int = 100
) -> Callable[[int, int], None] | None:
    """Progress on stderr, on a terminal only, for work of at least ``minimum`` steps."""
    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int) -> None:
        if total >= minimum and (done == total or done % every == 0):
            sys.stderr.write(f"\r{done}/{total} {label}")
            if done == total:
                sys.stderr.write("\n")
            sys.stderr.flush()

    return report


def run_tui(args: argparse.Namespace, starting: Pause | None = None) -> int:
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
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        func = getattr(args, "func", None)
        if func is None:
            return run_tui(args, starting)
        if starting is not None:
            starting.end()
        return func(args)
    except UsageError as exc:
        return fail(str(exc))
    except ChangeError as exc:
        return fail(str(exc))
    except StoreError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail("afgebroken")
    except BrokenPipeError:
        # `pilot-tui list | head`: the reader went away; that is not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def fail(message: str) -> int:
    err(message)
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
