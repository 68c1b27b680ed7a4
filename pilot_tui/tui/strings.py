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
KEY_SEARCH_DONE: Final = "Naar de lijst"
KEY_SEARCH_CLEAR: Final = "Zoekopdracht wissen"
KEY_CLEAR: Final = "Terug/wissen"
KEY_FILTER: Final = "Filter"
KEY_SORT: Final = "Sortering"
KEY_SORT_REVERSE: Final = "Sortering omkeren"
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
END_OPEN: Final = "open einde"
END_UNKNOWN: Final = "onbekend"
END_NO_LATER_THAN: Final = "≤ {end}"  # short for "uiterlijk", in the list
END_CLOSED: Final = "—"
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
FIELD_PROGRAMMA: Final = "Programma"
FIELD_GEMEENTE: Final = "Gemeente/regio"
FIELD_RECHTSGEBIED: Final = "Rechtsgebied"
FIELD_PARTNERS: Final = "Partners"
FIELD_ID: Final = "Id"
NIET_BIJGEWERKT: Final = "niet bijgewerkt"
STALE_MARK: Final = "*"  # after a name in the list: niet bijgewerkt (as in `pilot-tui list`)
# a peildatum after the register's last: "niet bijgewerkt" counts from the first update
PEILDATUM_NOT_STARTED: Final = "ronde nog niet begonnen (de eerste wijziging vraagt het)"
NIET_BIJGEWERKT_FLAG: Final = "niet bijgewerkt voor de laatste peildatum"
NONE: Final = "—"

# -- dialogs ---------------------------------------------------------------------------
PEILDATUM_TITLE: Final = "Peildatum kiezen"
PEILDATUM_HELP: Final = (
    'Bijvoorbeeld "1 juni 2022", "2022-06-01", "01-06-2022" of "vandaag". '
    "Enter kiest, escape sluit."
)
PEILDATUM_KNOWN: Final = "Peildata in het register: {dates}"
PEILDATUM_READS: Final = "Gelezen als: {date}"
PEILDATUM_BAD: Final = "{problem}."  # periods.date_problem, with a capital
PEILDATUM_EMPTY: Final = "Typ een datum."
WINDOW_TITLE: Final = "Venster kiezen"
WINDOW_HELP: Final = (
    'Kies een venster of typ er een, bijvoorbeeld "90d", "6m", "1j". Enter kiest, escape sluit.'
)
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

# -- help ------------------------------------------------------------------------------
HELP_TITLE: Final = "Help: toetsen"
HELP_INTRO: Final = (
    "Alle toetsen van dit scherm, zoals ze nu gelden. "
    "Met ctrl+p vindt u elke opdracht in het opdrachtenpalet."
)
HELP_KEY: Final = "Toets"
HELP_ACTION: Final = "Wat het doet"
HELP_CLOSE: Final = "escape of ? sluit deze hulp"
HELP_DISABLED: Final = " (nu niet beschikbaar)"

# -- settings --------------------------------------------------------------------------
SETTINGS_UNREADABLE: Final = "Instellingen niet te lezen ({path}); standaardwaarden gebruikt."
SETTINGS_UNWRITABLE: Final = "Instellingen niet bewaard ({path}): {error}"

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

PALETTE_PILOT_HELP: Final = "Naar deze pilot in de lijst"
PALETTE_PLACEHOLDER: Final = "Zoek een opdracht of pilot…"
THEME_PLACEHOLDER: Final = "Zoek een kleurenthema…"
PALETTE_SEARCH_ALL: Final = "Zoek „{text}” in alle velden"
PALETTE_SEARCH_ALL_HELP: Final = (
    "Geen opdracht of pilotnaam gevonden; enter zoekt de tekst in de lijst (alle velden)"
)
PALETTE_THEME: Final = "Thema kiezen"
PALETTE_THEME_HELP: Final = "De kleuren van het programma wijzigen (wordt onthouden)"
PALETTE_HELP: Final = "Toetsen tonen (help)"
PALETTE_HELP_HELP: Final = "Alle toetsen met wat ze doen"
PALETTE_QUIT: Final = "Stoppen"
PALETTE_QUIT_HELP: Final = (
    "Het programma afsluiten (vraagt eerst bij een niet-opgeslagen wijziging)"
)
# What a key does, as the help line under its command in the palette (by action name).
# Palette titles where the footer's word is too short to be found by ("document", "word")
PALETTE_ACTION_TITLE: Final = {
    "snapshot": "Stand van zaken exporteren als document (Word, Markdown, HTML, CSV, JSON)",
}
PALETTE_ACTION_HELP: Final = {
    "search": "Pilots zoeken op naam, gemeente of tekst",
    "back": "Zoekopdracht of filter wissen en terug naar de lijst",
    "retry_save": "Opnieuw proberen de wijziging op te slaan",
    "reload_register": "Het register opnieuw van schijf lezen",
    "filter": "Alleen pilots met bepaalde aandacht of status tonen",
    "peildatum": "De datum kiezen waarop de stand van zaken geldt",
    "step_peildatum(-1)": "Naar de vorige peildatum in het register",
    "step_peildatum(1)": "Naar de volgende peildatum in het register",
    "update": "De stand van zaken van deze pilot bijwerken",
    "keep_unchanged": "De vorige stand van zaken bewust houden voor deze peildatum",
    "toggle_mark": "Deze pilot markeren voor een actie op meer pilots tegelijk",
    "mark_all": "Alle getoonde pilots markeren, of de markering wissen",
    "review": "Pilots één voor één nalopen die aandacht vragen",
    "edit": "De gegevens van deze pilot wijzigen",
    "new": "Een nieuwe pilot toevoegen",
    "delete": "Deze pilot verwijderen vanaf de peildatum (eerdere peildata houden hem)",
    "cycle_sort": "De volgorde van de lijst wisselen",
    "compare": "Per pilot zien wat er veranderde sinds een eerdere peildatum",
    "cycle_column": "Een kolom programma of gemeente tonen in de lijst (en weer niet)",
    "reverse_sort": "De volgorde van de lijst omkeren (van achter naar voren)",
    "window": "Kiezen hoe ver vooruit 'binnenkort' kijkt",
    "toggle_timeline": "Wisselen tussen details en een tijdlijn van alle pilots",
    "overview": "Aantallen per aandacht, programma, gemeente en kwartaal",
    "snapshot": "Een momentopname van het register bewaren of bekijken",
    "undo": "De laatste wijziging ongedaan maken",
    "redo": "Een ongedaan gemaakte wijziging opnieuw doen",
    "detail": "Naar de details van deze pilot",
    "focus_next": "Naar het volgende deel van het scherm",
    "focus_previous": "Naar het vorige deel van het scherm",
    "cursor_up": "Een pilot omhoog in de lijst",
    "cursor_down": "Een pilot omlaag in de lijst",
    "page_up": "Een scherm omhoog",
    "page_down": "Een scherm omlaag",
    "first": "Naar de eerste pilot",
    "last": "Naar de laatste pilot",
}

# -- import ----------------------------------------------------------------------------
PALETTE_IMPORT: Final = "Overzicht importeren…"
PALETTE_IMPORT_HELP: Final = (
    "Een 'Stand van zaken pilots' (PDF, Word of tekst) in het register lezen"
)
IMPORT_FILE_TITLE: Final = "Overzicht importeren"
IMPORT_FILE_HELP: Final = (
    "Pad naar de PDF, het Word-bestand of een tekstversie van het overzicht, bijvoorbeeld "
    "C:\\Users\\u\\Documents\\stand-van-zaken.pdf"
)
IMPORT_FILE_PLACEHOLDER: Final = "pad naar het .pdf-, .docx- of .txt-bestand"
IMPORT_FILE_EMPTY: Final = "Typ het pad naar het overzicht (PDF, Word of tekst)."
IMPORT_FILE_MISSING: Final = "Bestaat niet: {path}"
IMPORT_FILE_NOT_A_FILE: Final = "Dit is een map, geen bestand: {path}"
IMPORT_FILE_UNREADABLE: Final = "Niet te lezen: {error}"
IMPORT_FILE_NOT_UTF8: Final = "Geen UTF-8-tekst (byte {position}); sla het op als UTF-8."
IMPORT_FILE_TOO_BIG: Final = "Te groot voor een overzicht ({size} MB)."
IMPORT_FILE_OK: Final = "Leesbaar: {lines} regels tekst."
IMPORT_FILE_OK_DOCUMENT: Final = "Een {kind} ({size}); wordt gelezen bij Verder."
IMPORT_FILE_REFUSED: Final = "Niet te importeren: {error}"
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
IMPORT_PAGES_PROGRESS: Final = "{done} van {total} bladzijden gelezen…"
IMPORT_FAILED: Final = "Import mislukt: {error}"
IMPORT_NO_PEILDATUM: Final = "geen peildatum gevonden in het document"

# -- snapshot --------------------------------------------------------------------------
KEY_SNAPSHOT: Final = "Stand van zaken"
KEY_WRITE: Final = "Schrijven"
SNAPSHOT_TITLE: Final = "Stand van zaken per {peildatum}"
SNAPSHOT_HELP: Final = "← → formaat · tab volgend veld · enter schrijven · esc annuleren"
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
SNAPSHOT_PATH_UNUSABLE: Final = "Deze bestandsnaam kan niet: {reason}."
SNAPSHOT_PATH_NO_HOME: Final = "na ~ staat geen gebruiker van deze computer"
SNAPSHOT_PATH_BAD_CHARACTER: Final = "er staat een teken in dat niet in een bestandsnaam mag"
SNAPSHOT_PATH_TOO_LONG: Final = "de naam is te lang"
SNAPSHOT_PATH_EXISTS: Final = "{path} bestaat al; wordt na een vraag overschreven."
SNAPSHOT_PATH_WHERE: Final = "Wordt {path}."
SNAPSHOT_PATH_OTHER: Final = "Let op: het wordt {fmt}, al zegt de naam {suffix}."
SNAPSHOT_SINCE: Final = "Wijzigingen sinds"
SNAPSHOT_SINCE_PLACEHOLDER: Final = "leeg: sinds {date}"
SNAPSHOT_SINCE_PLACEHOLDER_NONE: Final = "leeg: geen wijzigingen"
SNAPSHOT_SINCE_PLACEHOLDER_KAMER: Final = "leeg: geen wijzigingen (Kamerversie)"
SNAPSHOT_SINCE_PLACEHOLDER_KAMER_PREVIOUS: Final = "leeg: geen (Kamerversie); of bijv. {date}"
SNAPSHOT_SINCE_KAMER: Final = "Zonder wijzigingen: de versie voor de Kamer."
SNAPSHOT_SINCE_DEFAULT: Final = 'Wijzigingen sinds {date} (vorige peildatum); "geen" laat ze weg.'
SNAPSHOT_SINCE_NO_DEFAULT: Final = "Geen eerdere peildatum: zonder wijzigingen."
SNAPSHOT_SINCE_OFF: Final = "Zonder wijzigingen."
SNAPSHOT_SINCE_READS: Final = "Wijzigingen sinds {date}."
SNAPSHOT_SINCE_BAD: Final = "{problem}."  # periods.date_problem, with a capital
SNAPSHOT_SINCE_LATE: Final = "Moet vóór de peildatum ({date}) liggen."
SNAPSHOT_SUMMARY: Final = "Aandachtspunten opnemen (intern)"
SNAPSHOT_TRACK: Final = "Wijzigingen als revisies (bijhouden in Word), niet als hoofdstuk"
BUTTON_WRITE: Final = "Schrijven"
OVERWRITE_TITLE: Final = "Bestand bestaat al"
OVERWRITE_QUESTION: Final = "{path} bestaat al. Overschrijven?"
OVERWRITE_KEYS: Final = "j: overschrijven · enter, n of escape: niet"
BUTTON_OVERWRITE: Final = "Overschrijven"
BUTTON_NO: Final = "Nee"
KEY_YES: Final = "Ja"
KEY_NO: Final = "Nee"
SNAPSHOT_BUSY: Final = "Stand van zaken maken ({fmt})…"
SNAPSHOT_WRITTEN: Final = "Stand van zaken geschreven: {path}"
SNAPSHOT_FAILED: Final = "Stand van zaken niet geschreven: {error}"
SNAPSHOT_PROGRESS: Final = "{done} van {total} pilots verwerkt…"
SNAPSHOT_RENDER_PROGRESS: Final = "{fmt}: {done} van {total} onderdelen geschreven…"

# -- editing: bindings -----------------------------------------------------------------
KEY_EDIT: Final = "Bewerken"
KEY_NEW: Final = "Nieuw"
KEY_UPDATE: Final = "Bijwerken"
KEY_MARK: Final = "Markeren (voor ongewijzigd laten van meer pilots)"
KEY_MARK_ALL: Final = "Alle getoonde pilots markeren (of de markering wissen)"
BULK_NOTHING: Final = "De gemarkeerde pilots hebben al een stand van zaken voor deze peildatum."
MARKED_COUNT: Final = "✓ {n} gemarkeerd (= laat ze ongewijzigd)"
KEY_KEEP_UNCHANGED: Final = "Ongewijzigd laten (de vorige tekst)"
KEY_DELETE: Final = "Verwijderen"
KEY_REVIEW: Final = "Doorlopen"
KEY_UNDO: Final = "Ongedaan maken"
KEY_REDO: Final = "Opnieuw"
KEY_RETRY_SAVE: Final = "Opnieuw opslaan"
KEY_RELOAD: Final = "Opnieuw laden"
KEY_SAVE: Final = "Opslaan"
KEY_KEEP: Final = "Ongewijzigd"
KEY_SKIP: Final = "Overslaan"
KEY_PREVIOUS: Final = "Vorige"
KEY_STOP_REVIEW: Final = "Stoppen"
KEY_NEXT_FIELD: Final = "Volgend veld"
KEY_PREVIOUS_FIELD: Final = "Vorig veld"
KEY_SELECT_ALL: Final = "Alles selecteren"

# -- pilot form ------------------------------------------------------------------------
FORM_NEW_TITLE: Final = "Nieuwe pilot"
FORM_EDIT_TITLE: Final = "Bewerken: {name}"
FORM_HINT: Final = "ctrl+s bewaart · tab volgend veld · ctrl+a selecteert alles · esc annuleert"
FORM_NAME: Final = "Naam"
FORM_FORMER_NAMES: Final = "Voormalige namen (gescheiden door ;)"
FORM_ACHTERGROND: Final = "Achtergrond"
FORM_DOEL: Final = "Doel"
FORM_LOOPTIJD: Final = "Looptijd"
FORM_LOOPTIJD_LABEL: Final = "Kop boven de looptijd"
FORM_STATUS: Final = "Status"
FORM_PROGRAMMA: Final = "Programma"
FORM_GEMEENTE: Final = "Gemeente/regio"
FORM_RECHTSGEBIED: Final = "Rechtsgebied"
FORM_PARTNERS: Final = "Partners (gescheiden door ;)"
FORM_FOOTNOTES: Final = "Voetnoten (één per regel)"
FORM_LOOPTIJD_READ: Final = "Gelezen als: {reading}"
FORM_LOOPTIJD_BAD: Final = "Niet te lezen: {error} (opslaan mag, met een waarschuwing)"
FORM_LOOPTIJD_EMPTY: Final = "Nog geen looptijd (opslaan mag)."
FORM_SAVED_WITH_WARNING: Final = "Opgeslagen, maar de looptijd is niet te lezen: {error}"

# -- stand van zaken form --------------------------------------------------------------
ENTRY_TITLE: Final = "Stand van zaken per {peildatum}: {name}"
ENTRY_PREFILLED: Final = "Vooraf ingevuld met de stand van zaken per {date}."
ENTRY_EXISTING: Final = "Er is al een stand van zaken per deze peildatum; u past die aan."
ENTRY_FIRST: Final = "Nog geen eerdere stand van zaken."
ENTRY_TEXT: Final = "Stand van zaken"
ENTRY_TEXT_EMPTY: Final = (
    "De stand van zaken mag niet leeg zijn. Laat de vorige tekst staan om hem ongewijzigd te "
    "houden (of escape, en = in de lijst)."
)
ENTRY_STATUS: Final = "Status op de peildatum"
ENTRY_ZAKEN: Final = "Aantal behandelde zaken (mag leeg)"
ENTRY_NEW_PEILDATUM: Final = "Peildatum {peildatum} is nieuw: die komt in het register."

# -- confirmations ---------------------------------------------------------------------
CONFIRM_DELETE_TITLE: Final = "Pilot verwijderen?"
CONFIRM_DELETE_TEXT: Final = (
    "„{name}” verwijderen vanaf peildatum {peildatum}? In eerdere peildata blijft de pilot "
    "staan, en „Wijzigingen sinds” noemt hem verwijderd. Er wordt eerst een reservekopie "
    "gemaakt; ctrl+z maakt het ongedaan."
)
FOOTNOTE_DETACHED: Final = (
    "Voetnoot {n} hoort bij „{anchor}”, maar die woorden staan niet meer in de tekst: in het "
    "document komt hij aan het eind. Pas de tekst of de voetnoot aan (e); `pilot-tui check` "
    "noemt hem tot dan."
)
CONFIRM_ROUND_TITLE: Final = "Nieuwe ronde beginnen?"
CONFIRM_ROUND_TEXT: Final = (
    "Peildatum {peildatum} is nieuw. Een nieuwe ronde beginnen met deze peildatum? Wijzigingen "
    "gelden dan vanaf {peildatum}; wat eerdere peildata lieten zien blijft zoals het was."
)
CONFIRM_ROUND_YES: Final = "Ronde beginnen"
CONFIRM_ROUND_KEY: Final = "b"
ROUND_STARTED: Final = "Nieuwe ronde begonnen: peildatum {peildatum}."
ROUND_NOT_A_PEILDATUM: Final = (
    "{peildatum} is geen peildatum van het register en ligt voor de laatste ({latest}); "
    "kies een peildatum met [ of ]"
)
CONFIRM_CORRECTION_TITLE: Final = "Eerdere peildatum corrigeren?"
CONFIRM_CORRECTION_TEXT: Final = (
    "Peildatum {peildatum} is niet de laatste ({latest}). Een wijziging nu verandert wat de "
    "stand van zaken van {peildatum} liet zien; latere peildata blijven zoals ze waren. "
    "Alleen doen om een fout in die ronde te herstellen."
)
CONFIRM_CORRECTION_YES: Final = "Corrigeren"
CONFIRM_CORRECTION_KEY: Final = "c"
CONFIRM_DELETE_YES: Final = "Verwijderen"
CONFIRM_DELETE_KEY: Final = "v"
CONFIRM_DISCARD_TITLE: Final = "Wijzigingen weggooien?"
CONFIRM_DISCARD_TEXT: Final = "U hebt dit formulier gewijzigd. Sluiten zonder op te slaan?"
CONFIRM_DISCARD_YES: Final = "Weggooien"
CONFIRM_DISCARD_KEY: Final = "w"
CONFIRM_DISCARD_NO: Final = "Verder bewerken"
CONFIRM_NO: Final = "Annuleren"
CONFIRM_QUIT_TITLE: Final = "Stoppen zonder op te slaan?"
CONFIRM_QUIT_TEXT: Final = (
    "Een wijziging is nog niet opgeslagen ({why}). Stoppen gooit die weg; "
    "met ctrl+s bewaart u haar eerst."
)
CONFIRM_QUIT_UNSAVED: Final = "het opslaan mislukte"
CONFIRM_QUIT_FORM: Final = "het formulier is nog open"
CONFIRM_QUIT_WRITING_TITLE: Final = "Stoppen tijdens het schrijven?"
CONFIRM_QUIT_WRITING_TEXT: Final = (
    "De stand van zaken ({fmt}) wordt nog geschreven. Stoppen breekt dat af: het bestand "
    "wordt dan niet geschreven."
)
CONFIRM_QUIT_WRITING_YES: Final = "Stoppen"
HELP_QUIT: Final = "Stoppen: ctrl+q (of q in de lijst)."
CONFIRM_QUIT_CONFLICT: Final = "u koos nog niet welke versie blijft"
CONFIRM_QUIT_YES: Final = "Stoppen, wijziging weg"
CONFIRM_QUIT_NO: Final = "Niet stoppen"
CONFIRM_QUIT_KEY: Final = "s"
CONFIRM_KEYS: Final = "{key}: {yes} · enter of escape: {no}"
# A button whose answer has a key of its own: "Verwijderen (v)".
BUTTON_WITH_KEY: Final = "{label} ({key})"

# -- notifications ---------------------------------------------------------------------
READONLY_REFUSED: Final = "Alleen-lezen: bewerken kan niet ({reason})."
NO_PILOT_SELECTED: Final = "Kies eerst een pilot in de lijst."
NOTHING_CHANGED: Final = "Niets gewijzigd."
DONE: Final = "Opgeslagen: {what}."
UNDONE: Final = "Ongedaan gemaakt: {what}."
REDONE: Final = "Opnieuw gedaan: {what}."
NOTHING_TO_UNDO: Final = "Er is niets om ongedaan te maken."
NOTHING_TO_REDO: Final = "Er is niets om opnieuw te doen."
SAVE_FAILED: Final = (
    "Niet opgeslagen (de wijziging staat nog in het geheugen; ctrl+s probeert opnieuw): {error}"
)
SAVE_CONFLICT: Final = (
    "Niet opgeslagen: het bestand is buiten dit programma gewijzigd. "
    "ctrl+r laadt het opnieuw (uw niet-opgeslagen wijziging vervalt)."
)
SAVE_RETRIED: Final = "Opgeslagen."
RELOADED: Final = "Register opnieuw geladen van schijf."
RELOAD_FAILED: Final = "Opnieuw laden mislukt: {error}"
NOT_DIRTY: Final = "Alles is al opgeslagen."
REFUSED: Final = "Niet gelukt: {error}"
MERGED: Final = (
    "Het bestand was intussen door een ander gewijzigd (andere pilots); "
    "uw wijziging is daarbovenop opgeslagen."
)

# -- conflict: the same pilot changed on disk by someone else --------------------------
CONFLICT_TITLE: Final = "Ook door een ander gewijzigd"
CONFLICT_TEXT: Final = (
    "„{name}” is intussen ook door een ander gewijzigd; het register toont nu die versie. "
    "Wat gebeurt er met uw versie?"
)
CONFLICT_DIFFERS: Final = "Verschilt:"
CONFLICT_FIELD: Final = "{field}: mijn {mine} · hun {theirs}"
CONFLICT_ABSENT: Final = "(verwijderd)"
CONFLICT_EMPTY: Final = "(leeg)"
CONFLICT_SAME: Final = "Geen verschil in de velden (alleen in de volgorde of de opmaak)."
CONFLICT_FIELD_HISTORY: Final = "Stand van zaken per {date}"
CONFLICT_FIELD_LABELS: Final = {
    "name": "Naam",
    "former_names": "Voormalige namen",
    "achtergrond": "Achtergrond",
    "doel": "Doel",
    "looptijd": "Looptijd",
    "looptijd_label": "Kop boven de looptijd",
    "status": "Status",
    "programma": "Programma",
    "gemeente": "Gemeente/regio",
    "rechtsgebied": "Rechtsgebied",
    "partners": "Partners",
    "footnotes": "Voetnoten",
}
CONFLICT_MINE: Final = "Mijn versie houden"
CONFLICT_THEIRS: Final = "Hun versie nemen"
CONFLICT_COPY: Final = "Mijn versie als kopie opslaan"
CONFLICT_KEYS: Final = "k of enter: als kopie · m: houden · h: nemen · escape: later (ctrl+s)"
KEY_CONFLICT_MINE: Final = "Mijn versie houden"
KEY_CONFLICT_THEIRS: Final = "Hun versie nemen"
KEY_CONFLICT_COPY: Final = "Als kopie opslaan"
KEY_CONFLICT_LATER: Final = "Later kiezen"
CONFLICT_KEPT_MINE: Final = (
    "Uw versie van „{name}” is opgeslagen; die van de ander staat in de reservekopie {backup}"
)
CONFLICT_KEPT_THEIRS: Final = "De versie van de ander van „{name}” blijft staan."
CONFLICT_COPIED: Final = (
    "Uw versie van „{name}” is als kopie opgeslagen: {path} (het register houdt de versie "
    "van de ander)"
)
CONFLICT_COPY_FAILED: Final = "Kopie niet opgeslagen: {error}"
CONFLICT_LATER: Final = "Nog niet gekozen wat er met uw versie van „{name}” gebeurt: ctrl+s kiest."
CONFLICT_DROPPED: Final = "Uw niet-bewaarde versie van {names} vervalt (opnieuw geladen)."

# -- the file changed on disk while the app was open -----------------------------------
DISK_RELOADED: Final = "Register opnieuw geladen: het bestand is buiten pilot-tui gewijzigd"
DISK_CHANGED_DIRTY: Final = (
    "Het bestand is buiten pilot-tui gewijzigd en u hebt een niet-opgeslagen wijziging: "
    "ctrl+s slaat die op (bij dezelfde pilot kiest u welke versie blijft), "
    "ctrl+r laadt het bestand opnieuw (uw wijziging vervalt)."
)
DISK_CHANGED_BANNER: Final = "buiten pilot-tui gewijzigd: ctrl+s opslaan · ctrl+r opnieuw laden"
DISK_MISSING: Final = (
    "Het registerbestand is verwijderd of verplaatst: {path}. "
    "Het programma toont de laatst gelezen versie; opslaan kan pas weer als het terug is."
)
DISK_MISSING_BANNER: Final = "bestand weg: {path}"
DISK_UNREADABLE: Final = (
    "Het registerbestand is buiten pilot-tui gewijzigd en nu niet te lezen; het programma "
    "toont de laatst gelezen versie en schrijft er niet overheen. ({error})"
)
DISK_UNREADABLE_BANNER: Final = "bestand op schijf niet te lezen"
DISK_BACK: Final = "Het registerbestand is weer zoals het was."
DISK_RESOLVE_FIRST: Final = (
    "Het bestand is buiten pilot-tui gewijzigd en u hebt een niet-opgeslagen wijziging: "
    "eerst ctrl+s (opslaan, met keuze per pilot) of ctrl+r (opnieuw laden)."
)

# -- review mode -----------------------------------------------------------------------
REVIEW_TITLE: Final = "Doorlopen"
REVIEW_PROGRESS: Final = "bijgewerkt {done}/{total} voor peildatum {peildatum}"
REVIEW_POSITION: Final = "pilot {n} van {total}"
REVIEW_GROUP_VERLOPEN: Final = "verlopen"
REVIEW_GROUP_BINNENKORT: Final = "eindigt binnenkort"
REVIEW_GROUP_STALE: Final = "niet bijgewerkt"
REVIEW_GROUP_REST: Final = "overige lopende pilots"
REVIEW_DONE_HERE: Final = "✓ bijgewerkt voor deze peildatum"
REVIEW_UNCHANGED_HERE: Final = "✓ ongewijzigd gelaten voor deze peildatum"
REVIEW_TODO_HERE: Final = "nog niet bijgewerkt voor deze peildatum"
REVIEW_EMPTY: Final = "Er zijn geen lopende pilots om door te lopen."
REVIEW_ALL_DONE: Final = "Alle {total} pilots zijn bijgewerkt voor peildatum {peildatum}."
REVIEW_RESUMED: Final = "Verder waar u was: {name} ({n} van {total})."
REVIEW_WRAPPED: Final = "Terug naar de eerste pilot die nog niet is bijgewerkt."
REVIEW_FIRST: Final = "Dit is de eerste pilot."

# -- detail pane: history --------------------------------------------------------------
SECTION_HISTORY: Final = "Geschiedenis"
HISTORY_LINE: Final = "{date}"
HISTORY_UNCHANGED: Final = "ongewijzigd"
HISTORY_STATUS: Final = "status {status}"
HISTORY_ZAKEN: Final = "{n} zaken"
DIFF_TITLE: Final = "Gewijzigd t.o.v. {date}"
DIFF_NONE: Final = "Geen verschil met {date}."

# -- conflicts left by merging two registers (pilot-tui merge, git) ---------------------
MERGE_TITLE: Final = "Conflicten van het samenvoegen"
MERGE_TEXT: Final = (
    "Beide versies wijzigden dezelfde waarde. Het register houdt nu mijn versie; "
    "kies per conflict. Daarna maakt git add (en git commit) het samenvoegen af."
)
MERGE_COUNT: Final = "{n} open"
MERGE_MINE: Final = "Mijn versie"
MERGE_THEIRS: Final = "Hun versie"
MERGE_BASE: Final = "Gemeenschappelijke versie"
MERGE_KEEP_MINE: Final = "Mijn versie houden"
MERGE_TAKE_THEIRS: Final = "Hun versie nemen"
MERGE_EDIT: Final = "Bewerken"
MERGE_KEYS: Final = "m houden · h nemen · b bewerken · escape: later (ctrl+p: conflicten)"
MERGE_KEYS_NO_EDIT: Final = "m houden · h nemen · escape: later (ctrl+p: conflicten)"
KEY_MERGE_MINE: Final = "Mijn versie"
KEY_MERGE_THEIRS: Final = "Hun versie"
KEY_MERGE_EDIT: Final = "Bewerken"
KEY_MERGE_LATER: Final = "Later"
MERGE_EDIT_TITLE: Final = "Zelf een waarde geven"
MERGE_EDIT_HELP: Final = "ctrl+s bewaart · escape annuleert"
MERGE_EDIT_LIST_HELP: Final = "Namen gescheiden door ; · ctrl+s bewaart · escape annuleert"
MERGE_LATER: Final = (
    "Nog {n} conflict(en) van het samenvoegen; ctrl+p → „Conflicten van het samenvoegen” "
    "toont ze weer. `pilot-tui check` noemt ze ook."
)
MERGE_ALL_DONE: Final = (
    "Alle conflicten van het samenvoegen zijn opgelost. Nu git add en git commit om het "
    "samenvoegen af te maken."
)
MERGE_UNREADABLE: Final = "De lijst met conflicten van het samenvoegen is onleesbaar: {error}"
PALETTE_MERGE: Final = "Conflicten van het samenvoegen"
PALETTE_MERGE_HELP: Final = "Per conflict kiezen: mijn versie, hun versie of zelf bewerken"
