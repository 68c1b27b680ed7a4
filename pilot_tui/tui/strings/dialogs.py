"""The dialogs: peildatum, window, filter, import, snapshot, confirmations, conflicts, merge."""

from __future__ import annotations

from typing import Final

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
