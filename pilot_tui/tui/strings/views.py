"""The main screen, the list, the detail pane, the timeline and the overview."""

from __future__ import annotations

from typing import Final

# -- main screen -----------------------------------------------------------------------
PEILDATUM_LABEL: Final = "peildatum {date}"
WINDOW_LABEL: Final = "venster {window}"
READONLY_BANNER: Final = "alleen-lezen: {reason}"
# why the app opened the register read-only (the command line adds "alleen-lezen kan wel")
LOCKED_NOTICE: Final = (
    "register in gebruik: {path} is al geopend door een ander programma of venster"
)
WRITE_PROTECTED_NOTICE: Final = "{path} is schrijfbeveiligd (het bestand is alleen-lezen)"
MATCHES: Final = "{shown} van {total}"
SEARCH_PLACEHOLDER: Final = "zoek in alle velden…"
SEARCH_PROMPT: Final = "Zoek: "
FILTER_ACTIVE: Final = "filter: {what}"
SORT_ACTIVE: Final = "sortering: {what}"
SORT_REVERSED: Final = ", omgekeerd"
NO_NAME: Final = "(zonder naam)"
NO_PILOTS: Final = "Geen pilots."
NO_MATCHES: Final = "Geen pilots die passen bij de zoekterm of het filter."
NO_PREV_PEILDATUM: Final = "Er is geen eerdere peildatum in het register."
NO_NEXT_PEILDATUM: Final = "Er is geen latere peildatum in het register."

# list column headers
COL_ATTENTION: Final = "Aandacht"
COL_NAME: Final = "Pilot"
COL_STATUS: Final = "Status"
COL_EXTRA: Final = {"programma": "Programma", "gemeente": "Gemeente"}  # c shows one of them
KEY_COMPARE: Final = "Vergelijken met een eerdere peildatum"
COMPARE_DIALOG_TITLE: Final = "Vergelijken met peildatum"
COMPARE_ACTIVE: Final = "vergeleken met {date}: {n} gewijzigd (v stopt)"
COMPARE_TITLE: Final = "Gewijzigd sinds {date}"
COMPARE_NOTHING: Final = "niets"
COMPARE_NOT_EARLIER: Final = "Kies een datum vóór de peildatum ({peildatum}) om mee te vergelijken."
KEY_COLUMN: Final = "Kolom programma/gemeente"
COL_END: Final = "Einde"
COL_DAYS: Final = "Dagen"
DAYS: Final = "{n}"
DAYS_LEFT: Final = "nog {n} {dagen}"
DAYS_AGO: Final = "einde {n} {dagen} geleden"

# sort orders
SORT_ATTENTION: Final = "aandacht, dan einddatum"
SORT_NAME: Final = "naam"
SORT_END: Final = "einddatum"
SORT_DAYS: Final = "dagen over"
SORT_STATUS: Final = "status"

# -- detail pane -----------------------------------------------------------------------
NO_SELECTION: Final = "Kies een pilot in de lijst."
LOADING_DETAIL: Final = "Het register wordt gelezen…"
LOADING_STATUS: Final = "register wordt gelezen…"
FORMER_NAMES: Final = "voorheen: {names}"
SECTION_ACHTERGROND: Final = "Achtergrond"
SECTION_DOEL: Final = "Doel"
SECTION_STAND: Final = "Stand van zaken"
SECTION_LOOPTIJD: Final = "Looptijd"
STATUS_WORD: Final = "status {name}"
SECTION_FOOTNOTES: Final = "Voetnoten"
SECTION_DETAILS: Final = "Gegevens"
STAND_AT: Final = "per {date}"
STAND_UNCHANGED: Final = " (ongewijzigd)"
STAND_NONE: Final = "Geen stand van zaken op of vóór {date}."
STAND_ZAKEN: Final = "Aantal zaken: {n}"
LOOPTIJD_READ: Final = "gelezen als: {reading}"
LOOPTIJD_UNREADABLE: Final = "niet te lezen: {error}"
LOOPTIJD_EMPTY: Final = "(geen looptijd)"
FIELD_ID: Final = "Id"
NIET_BIJGEWERKT: Final = "niet bijgewerkt"
STALE_MARK: Final = "*"  # after a name in the list: niet bijgewerkt (as in `pilot-tui list`)
# a peildatum after the register's last: "niet bijgewerkt" counts from the first update
PEILDATUM_NOT_STARTED: Final = "ronde nog niet begonnen (de eerste wijziging vraagt het)"
NIET_BIJGEWERKT_FLAG: Final = "niet bijgewerkt voor de laatste peildatum"
NONE: Final = "—"

# -- detail pane: history --------------------------------------------------------------
SECTION_HISTORY: Final = "Geschiedenis"
HISTORY_LINE: Final = "{date}"
HISTORY_UNCHANGED: Final = "ongewijzigd"
HISTORY_STATUS: Final = "status {status}"
HISTORY_ZAKEN: Final = "{n} zaken"
DIFF_TITLE: Final = "Gewijzigd t.o.v. {date}"
DIFF_NONE: Final = "Geen verschil met {date}."

# -- timeline --------------------------------------------------------------------------
KEY_MONTH_BACK: Final = "Maand terug"
KEY_MONTH_FORWARD: Final = "Maand verder"
KEY_YEAR_BACK: Final = "Jaar terug"
KEY_YEAR_FORWARD: Final = "Jaar verder"
KEY_TO_PEILDATUM: Final = "Naar de peildatum"
KEY_TIMELINE: Final = "Tijdlijn"
TIMELINE_COL_NAME: Final = "Pilot"
TIMELINE_EMPTY: Final = "Geen pilots."
TIMELINE_NO_NAME: Final = "(zonder naam)"
# footer: "▲ eindigt binnenkort · Digitaal bezwaarplatform · 1 mei 2021 – uiterlijk 28 …"
TIMELINE_FOOTER_CLASS: Final = "{symbol} {word}"  # styled in the class colour
TIMELINE_FOOTER_REST: Final = " · {name} · {reading}"
TIMELINE_NO_READING: Final = "looptijd niet te lezen"
TIMELINE_LEGEND: Final = "│ peildatum {peildatum}  ┊ venster tot {window_end}  ▌ einde van een fase"

# -- overview --------------------------------------------------------------------------
KEY_OVERVIEW: Final = "Overzicht"
KEY_NEXT_SECTION: Final = "Volgend blok"
KEY_PREVIOUS_SECTION: Final = "Vorig blok"
OVERVIEW_TITLE: Final = "Overzicht per peildatum {peildatum} ({total} pilots)"
OVERVIEW_HELP: Final = "Kies een aantal om de lijst daarop te filteren; escape sluit."
OVERVIEW_ATTENTION: Final = "Aandacht"
OVERVIEW_PROGRAMMA: Final = "Programma"
OVERVIEW_GEMEENTE: Final = "Gemeente/regio"
OVERVIEW_KWARTAAL: Final = "Open pilots per eindkwartaal"
OVERVIEW_EMPTY: Final = "(geen)"
OVERVIEW_FILTER_SET: Final = "Filter: {label}"
