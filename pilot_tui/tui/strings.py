"""Every user-visible string of the TUI, in Dutch.

One place, so an English UI can be added by swapping this module's values.
Strings with ``{…}`` placeholders are filled with ``str.format``; the values put in are
plain text and the result is always rendered as text, never as markup.
"""

from __future__ import annotations

from typing import Final

APP_TITLE: Final = "pilot-tui"

# -- bindings (descriptions shown in the footer, help and command palette) -------------
KEY_SEARCH: Final = "Zoeken"
KEY_CLEAR: Final = "Terug/wissen"
KEY_FILTER: Final = "Filter"
KEY_SORT: Final = "Sortering"
KEY_PEILDATUM: Final = "Peildatum"
KEY_PREV_PEILDATUM: Final = "Vorige peildatum"
KEY_NEXT_PEILDATUM: Final = "Volgende peildatum"
KEY_WINDOW: Final = "Venster"
KEY_DETAIL: Final = "Details"
KEY_HELP: Final = "Help"
KEY_QUIT: Final = "Stoppen"
KEY_UP: Final = "Omhoog"
KEY_DOWN: Final = "Omlaag"
KEY_PAGE_UP: Final = "Pagina omhoog"
KEY_PAGE_DOWN: Final = "Pagina omlaag"
KEY_FIRST: Final = "Eerste pilot"
KEY_LAST: Final = "Laatste pilot"
KEY_CLOSE: Final = "Sluiten"
KEY_OK: Final = "Bevestigen"
KEY_PALETTE: Final = "Opdrachten"
KEY_NEXT_FOCUS: Final = "Volgend onderdeel"
KEY_PREVIOUS_FOCUS: Final = "Vorig onderdeel"
KEY_SCROLL_UP: Final = "Tekst omhoog"
KEY_SCROLL_DOWN: Final = "Tekst omlaag"
KEY_TOP: Final = "Naar het begin"
KEY_BOTTOM: Final = "Naar het eind"

# -- main screen ------------------------------------------------------------------------
PEILDATUM_LABEL: Final = "peildatum {date}"
WINDOW_LABEL: Final = "venster {window}"
READONLY_BANNER: Final = "alleen-lezen: {reason}"
MATCHES: Final = "{shown} van {total}"
SEARCH_PLACEHOLDER: Final = "zoek in alle velden…"
SEARCH_PROMPT: Final = "Zoek: "
FILTER_ACTIVE: Final = "filter: {what}"
SORT_ACTIVE: Final = "sortering: {what}"
NO_NAME: Final = "(zonder naam)"
NO_PILOTS: Final = "Geen pilots."
NO_MATCHES: Final = "Geen pilots die passen bij de zoekterm of het filter."
NO_PREV_PEILDATUM: Final = "Er is geen eerdere peildatum in het register."
NO_NEXT_PEILDATUM: Final = "Er is geen latere peildatum in het register."
SORT_SET: Final = "Sortering: {what}"

# list column headers
COL_ATTENTION: Final = "Aandacht"
COL_NAME: Final = "Pilot"
COL_STATUS: Final = "Status"
COL_END: Final = "Einde"
COL_DAYS: Final = "Dagen"
END_OPEN: Final = "open einde"
END_UNKNOWN: Final = "onbekend"
END_NO_LATER_THAN: Final = "≤ {end}"  # short for "uiterlijk", in the list
END_CLOSED: Final = "—"
DAYS: Final = "{n}"
DAYS_LEFT: Final = "nog {n} dagen"
DAYS_AGO: Final = "einde {n} dagen geleden"

# sort orders
SORT_ATTENTION: Final = "aandacht, dan einddatum"
SORT_NAME: Final = "naam"
SORT_END: Final = "einddatum"
SORT_DAYS: Final = "dagen over"
SORT_STATUS: Final = "status"

# -- detail pane ------------------------------------------------------------------------
NO_SELECTION: Final = "Kies een pilot in de lijst."
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
FIELD_PROGRAMMA: Final = "Programma"
FIELD_GEMEENTE: Final = "Gemeente/regio"
FIELD_RECHTSGEBIED: Final = "Rechtsgebied"
FIELD_PARTNERS: Final = "Partners"
FIELD_HISTORY: Final = "Geschiedenis"
FIELD_ID: Final = "Id"
HISTORY_COUNT: Final = "{n} stand(en) van zaken"
NIET_BIJGEWERKT: Final = "niet bijgewerkt"
NIET_BIJGEWERKT_FLAG: Final = "niet bijgewerkt voor de laatste peildatum"
NONE: Final = "—"

# -- dialogs ----------------------------------------------------------------------------
PEILDATUM_TITLE: Final = "Peildatum kiezen"
PEILDATUM_HELP: Final = 'Bijvoorbeeld "1 juni 2022", "2022-06-01", "01-06-2022" of "vandaag".'
PEILDATUM_KNOWN: Final = "Peildata in het register: {dates}"
PEILDATUM_READS: Final = "Gelezen als: {date}"
PEILDATUM_BAD: Final = "Geen datum die ik kan lezen: {text!r}"
PEILDATUM_EMPTY: Final = "Typ een datum."
WINDOW_TITLE: Final = "Venster kiezen"
WINDOW_HELP: Final = 'Kies een venster of typ er een, bijvoorbeeld "90d", "6m", "1j".'
WINDOW_CURRENT: Final = "Nu: {window}"
WINDOW_BAD: Final = "Geen venster dat ik kan lezen: {text!r}"
WINDOW_READS: Final = "Gelezen als: {window}"
WINDOW_CHOICES: Final = ("1m", "3m", "6m", "12m")
FILTER_TITLE: Final = "Filteren op klasse en status"
FILTER_HELP: Final = "Spatie kiest; enter past toe; niets gekozen is alles."
FILTER_CLASSES: Final = "Klasse: {name}"
FILTER_STATUSES: Final = "Status: {name}"
FILTER_STALE: Final = "Alleen niet bijgewerkt"
FILTER_NONE: Final = "geen"
FILTER_STATUS_WORD: Final = "status {name}"
BUTTON_OK: Final = "OK"
BUTTON_CANCEL: Final = "Annuleren"
BUTTON_CLEAR: Final = "Alles tonen"

# -- help -------------------------------------------------------------------------------
HELP_TITLE: Final = "Help: toetsen"
HELP_INTRO: Final = (
    "Alle toetsen van dit scherm, zoals ze nu gelden. "
    "Met ctrl+p vindt u elke opdracht in het opdrachtenpalet."
)
HELP_KEY: Final = "Toets"
HELP_ACTION: Final = "Wat het doet"
HELP_CLOSE: Final = "escape of ? sluit deze hulp"
HELP_DISABLED: Final = " (nu niet beschikbaar)"

# -- settings ---------------------------------------------------------------------------
SETTINGS_UNREADABLE: Final = "Instellingen niet te lezen ({path}); standaardwaarden gebruikt."
SETTINGS_UNWRITABLE: Final = "Instellingen niet bewaard ({path}): {error}"
