"""The commands of ``pilot-tui``: the one place where a command is registered.

Adding a command is: a function ``cmd_NAME(args) -> int`` in the module of its group
(:mod:`~pilot_tui.cli.reading`, :mod:`~pilot_tui.cli.editing`,
:mod:`~pilot_tui.cli.documents`, :mod:`~pilot_tui.cli.git`) that reads its arguments,
calls an operation (:mod:`pilot_tui.ops`) and reports; and its parser here, with
``set_defaults(func=...)``. Help texts are Dutch; the options many commands share are
:func:`~pilot_tui.cli.parsing.shared_options`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pilot_tui import __version__
from pilot_tui.cli import documents, editing, git, reading
from pilot_tui.cli.parsing import (
    DutchParser,
    DutchRawHelpFormatter,
    date_arg,
    format_arg,
    later,
    shared_options,
    since_arg,
)
from pilot_tui.model import SECTIONS, Status


def _formats_listed() -> str:
    from pilot_tui.snapshot import FORMATS

    return ", ".join(FORMATS)


def build_parser() -> DutchParser:
    root_common, root_dated, root_windowed = shared_options(None)
    common, dated, windowed = shared_options(argparse.SUPPRESS)
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
    p.set_defaults(func=reading.cmd_list)

    p = sub.add_parser(
        "show",
        parents=[common, dated, windowed, as_json],
        help="één pilot volledig (op id of naam)",
    )
    p.add_argument("pilot", metavar="PILOT")
    p.set_defaults(func=reading.cmd_show)

    p = sub.add_parser("period", parents=[dated, as_json], help="hoe een looptijd gelezen wordt")
    p.add_argument("text", metavar="TEKST")
    p.set_defaults(func=reading.cmd_period)

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
    p.set_defaults(func=reading.cmd_check)

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
        epilog=editing.fields_epilog(),
        formatter_class=DutchRawHelpFormatter,
    )
    p.add_argument("pilot", metavar="PILOT", help="id, naam of een eenduidig deel van de naam")
    p.add_argument("assignments", nargs="*", metavar="VELD=WAARDE")
    p.add_argument(
        "--unchanged",
        action="store_true",
        help="de stand van zaken voor de peildatum ongewijzigd laten (de vorige tekst)",
    )
    p.set_defaults(func=editing.cmd_set)

    p = sub.add_parser(
        "add",
        parents=[common, dated],
        help="een nieuwe pilot toevoegen (vanaf de peildatum); drukt het id af",
        epilog=editing.fields_epilog(),
        formatter_class=DutchRawHelpFormatter,
    )
    p.add_argument("name", metavar="NAAM")
    p.add_argument("assignments", nargs="*", metavar="VELD=WAARDE")
    p.set_defaults(func=editing.cmd_add)

    p = sub.add_parser(
        "delete",
        parents=[common, dated, correct],
        help="een pilot verwijderen vanaf de peildatum (eerdere peildata houden hem)",
    )
    p.add_argument("pilot", metavar="PILOT")
    p.set_defaults(func=editing.cmd_delete)

    p = sub.add_parser(
        "undelete",
        parents=[common, dated],
        help="een verwijderde pilot terugzetten vanaf de peildatum",
    )
    p.add_argument("pilot", metavar="PILOT")
    p.set_defaults(func=editing.cmd_undelete)

    p = sub.add_parser(
        "start-round",
        parents=[common],
        help="een nieuwe ronde beginnen: DATUM wordt de laatste peildatum",
    )
    p.add_argument("date", type=date_arg, metavar="DATUM")
    p.set_defaults(func=editing.cmd_start_round)

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
        choices=SECTIONS,
        help="het veld waarin de verwijzing staat (standaard stand_van_zaken)",
    )
    p.add_argument(
        "--anchor",
        default=None,
        metavar="TEKST",
        help="de woorden vlak voor de verwijzing (standaard het einde van het veld)",
    )
    p.set_defaults(func=editing.cmd_footnote)

    p = sub.add_parser(
        "history",
        parents=[common, dated, as_json],
        help="de stand van zaken van een pilot per peildatum",
    )
    p.add_argument("pilot", metavar="PILOT")
    p.set_defaults(func=reading.cmd_history)

    p = sub.add_parser(
        "snapshot",
        parents=[common, dated, windowed],
        help=later(lambda: f"de stand van zaken als document ({_formats_listed()})"),
    )
    p.add_argument(
        "--format",
        default=None,
        metavar="FORMAAT",
        type=format_arg,  # one of pilot_tui.snapshot.FORMATS
        help=later(
            lambda: f"{documents.formats_help()}; zonder --format volgt het de extensie van -o"
        ),
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
    p.set_defaults(func=documents.cmd_snapshot)

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
    p.set_defaults(func=documents.cmd_import)

    p = sub.add_parser("backups", parents=[common], help="reservekopieën van het register")
    p.set_defaults(func=documents.cmd_backups)

    p = sub.add_parser(
        "restore",
        parents=[common],
        help="een reservekopie terugzetten (maakt eerst zelf een kopie)",
    )
    p.add_argument("backup", type=Path, metavar="KOPIE")
    p.set_defaults(func=documents.cmd_restore)

    p = sub.add_parser(
        "merge",
        help="twee versies van het register samenvoegen (ook als merge-driver van git)",
        description="Voegt THEIRS samen in OURS, per pilot en per veld, met BASE als "
        "gemeenschappelijke voorouder (git: %%O %%A %%B). Conflicten komen in het register "
        "zelf; de app laat kiezen. Uitgangscode 1 bij conflicten.",
    )
    p.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="BESTAND",
        help="BASE OURS THEIRS, of met --no-base: OURS THEIRS",
    )
    p.add_argument(
        "--no-base",
        action="store_true",
        help="zonder gemeenschappelijke voorouder: elk veld dat verschilt is een conflict",
    )
    p.add_argument(
        "--path",
        default=None,
        metavar="NAAM",
        help="de naam van het register in meldingen (git: %%P)",
    )
    p.set_defaults(func=git.cmd_merge)

    p = sub.add_parser(
        "diff",
        help="de verschillen tussen twee registers, per pilot en veld",
        description="Drukt de verschillen tussen OUD en NIEUW af, per pilot en per veld, "
        "woord voor woord in teksten ([-weg-]{+erbij+}). Met --textconv: één register als "
        "leesbare tekst, voor git diff en git log -p.",
    )
    p.add_argument("files", nargs="+", type=Path, metavar="BESTAND", help="OUD NIEUW")
    p.add_argument(
        "--textconv",
        action="store_true",
        help="één register als tekst (voor git: diff.pilot-tui.textconv)",
    )
    p.set_defaults(func=git.cmd_diff)

    p = sub.add_parser(
        "git-setup",
        parents=[common],
        help="git instellen voor het register: samenvoegen per veld en leesbare diffs",
    )
    p.set_defaults(func=git.cmd_git_setup)

    p = sub.add_parser(
        "resolve",
        parents=[common],
        help="een conflict van het samenvoegen oplossen (zonder nummer: de lijst)",
    )
    p.add_argument("number", nargs="?", type=int, default=None, metavar="NR")
    side = p.add_mutually_exclusive_group()
    side.add_argument("--ours", action="store_true", help="mijn versie houden (zoals nu)")
    side.add_argument("--theirs", action="store_true", help="hun versie nemen")
    side.add_argument("--value", default=None, metavar="TEKST", help="zelf een waarde geven")
    p.set_defaults(func=git.cmd_resolve)
    return parser
