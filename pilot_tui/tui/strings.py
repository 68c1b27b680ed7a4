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

# -- timeline ---------------------------------------------------------------------------
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
TIMELINE_LEGEND: Final = "│ peildatum {peildatum}  ┊ venster tot {window_end}"

# -- overview ---------------------------------------------------------------------------
KEY_OVERVIEW: Final = "Overzicht"
KEY_CHOOSE: Final = "Kiezen"
KEY_NEXT_SECTION: Final = "Volgend blok"
KEY_PREVIOUS_SECTION: Final = "Vorig blok"
OVERVIEW_TITLE: Final = "Overzicht per peildatum {peildatum} ({total} pilots)"
OVERVIEW_HELP: Final = "Kies een aantal om de lijst daarop te filteren; escape sluit."
OVERVIEW_ATTENTION: Final = "Aandacht"
OVERVIEW_PROGRAMMA: Final = "Programma"
OVERVIEW_GEMEENTE: Final = "Gemeente/regio"
OVERVIEW_KWARTAAL: Final = "Eindigt per kwartaal (open pilots)"
OVERVIEW_EMPTY: Final = "(geen)"
OVERVIEW_FILTER_SET: Final = "Filter: {label}"

# -- import -----------------------------------------------------------------------------
PALETTE_IMPORT: Final = "Overzicht importeren…"
PALETTE_IMPORT_HELP: Final = "Een 'Stand van zaken pilots' (tekstbestand) in het register lezen"
IMPORT_FILE_TITLE: Final = "Overzicht importeren"
IMPORT_FILE_HELP: Final = (
    "Pad naar het tekstbestand (zoals pdftotext het maakt), bijvoorbeeld "
    "C:\\Users\\u\\Documents\\stand-van-zaken.txt"
)
IMPORT_FILE_PLACEHOLDER: Final = "pad naar het .txt-bestand"
IMPORT_FILE_EMPTY: Final = "Typ het pad naar een tekstbestand."
IMPORT_FILE_MISSING: Final = "Bestaat niet: {path}"
IMPORT_FILE_NOT_A_FILE: Final = "Dit is een map, geen bestand: {path}"
IMPORT_FILE_UNREADABLE: Final = "Niet te lezen: {error}"
IMPORT_FILE_NOT_UTF8: Final = "Geen UTF-8-tekst (byte {position}); sla het op als UTF-8."
IMPORT_FILE_TOO_BIG: Final = "Te groot voor een overzicht ({size} MB)."
IMPORT_FILE_OK: Final = "Leesbaar: {lines} regels tekst."
BUTTON_NEXT: Final = "Verder"
BUTTON_IMPORT: Final = "Importeren"
KEY_IMPORT: Final = "Importeren"
KEY_CANCEL: Final = "Annuleren"
IMPORT_PREVIEW_TITLE: Final = "Importeren: {file}"
IMPORT_PREVIEW_PEILDATUM: Final = "Peildatum {peildatum}. Zo verandert het register:"
IMPORT_GROUP_NIEUW: Final = "Nieuw"
IMPORT_GROUP_BIJGEWERKT: Final = "Bijgewerkt"
IMPORT_GROUP_ONGEWIJZIGD: Final = "Ongewijzigd"
IMPORT_GROUP_NIET_IN_DOCUMENT: Final = "Niet in het document (blijven staan)"
IMPORT_GROUP_COUNT: Final = "{group}: {n}"
IMPORT_WARNINGS: Final = "Opmerkingen bij het lezen: {n}"
IMPORT_NOTHING: Final = "Er verandert niets."
IMPORT_KEYS: Final = "enter of i importeert · escape annuleert"
IMPORT_READONLY: Final = "Alleen-lezen ({reason}): importeren kan niet."
IMPORT_READING: Final = "Overzicht lezen: {file}…"
IMPORT_PROGRESS: Final = "{done} van {total} pilots gelezen…"
IMPORT_FAILED: Final = "Import mislukt: {error}"
IMPORT_NO_PEILDATUM: Final = "geen peildatum gevonden in het document"

# -- snapshot ---------------------------------------------------------------------------
KEY_SNAPSHOT: Final = "Stand van zaken"
KEY_WRITE: Final = "Schrijven"
SNAPSHOT_TITLE: Final = "Stand van zaken per {peildatum}"
SNAPSHOT_FORMAT: Final = "Formaat"
SNAPSHOT_FORMAT_LABELS: Final = {
    "docx": "Word",
    "md": "Markdown",
    "html": "HTML",
    "csv": "CSV",
    "json": "JSON",
}
SNAPSHOT_PATH: Final = "Bestand"
SNAPSHOT_PATH_EMPTY: Final = "Typ een bestandsnaam."
SNAPSHOT_PATH_IS_DIR: Final = "Dit is een map, geen bestand: {path}"
SNAPSHOT_PATH_NO_FOLDER: Final = "Map bestaat niet: {path}"
SNAPSHOT_PATH_EXISTS: Final = "Bestaat al; wordt na een vraag overschreven."
SNAPSHOT_SINCE: Final = "Wijzigingen sinds"
SNAPSHOT_SINCE_PLACEHOLDER: Final = "leeg: sinds {date}"
SNAPSHOT_SINCE_PLACEHOLDER_NONE: Final = "leeg: geen wijzigingen"
SNAPSHOT_SINCE_DEFAULT: Final = 'Wijzigingen sinds {date} (vorige peildatum); "geen" laat ze weg.'
SNAPSHOT_SINCE_NO_DEFAULT: Final = "Geen eerdere peildatum: zonder wijzigingen."
SNAPSHOT_SINCE_NONE_WORDS: Final = ("geen", "-")
SNAPSHOT_SINCE_OFF: Final = "Zonder wijzigingen."
SNAPSHOT_SINCE_READS: Final = "Wijzigingen sinds {date}."
SNAPSHOT_SINCE_BAD: Final = "Geen datum die ik kan lezen: {text!r}"
SNAPSHOT_SINCE_LATE: Final = "Moet vóór de peildatum ({date}) liggen."
SNAPSHOT_SUMMARY: Final = "Aandachtspunten opnemen"
BUTTON_WRITE: Final = "Schrijven"
OVERWRITE_TITLE: Final = "Bestand bestaat al"
OVERWRITE_QUESTION: Final = "{path} bestaat al. Overschrijven?"
BUTTON_OVERWRITE: Final = "Overschrijven"
BUTTON_NO: Final = "Nee"
KEY_YES: Final = "Ja"
KEY_NO: Final = "Nee"
SNAPSHOT_BUSY: Final = "Stand van zaken maken ({fmt})…"
SNAPSHOT_WRITTEN: Final = "Stand van zaken geschreven: {path}"
SNAPSHOT_FAILED: Final = "Stand van zaken niet geschreven: {error}"
SNAPSHOT_PROGRESS: Final = "{done} van {total} pilots verwerkt…"
