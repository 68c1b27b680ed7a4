"""Dutch UI strings of editing: the forms, confirmations, review mode, undo and saving.

Kept apart from :mod:`pilot_tui.tui.strings` while the other parts are wired in; same
conventions: ``{…}`` placeholders filled with ``str.format``, the result always rendered as
text, never as markup.
"""

from __future__ import annotations

from typing import Final

# -- bindings ---------------------------------------------------------------------------
KEY_EDIT: Final = "Bewerken"
KEY_NEW: Final = "Nieuw"
KEY_UPDATE: Final = "Bijwerken"
KEY_DELETE: Final = "Verwijderen"
KEY_REVIEW: Final = "Doorlopen"
KEY_UNDO: Final = "Ongedaan maken"
KEY_REDO: Final = "Opnieuw"
KEY_RETRY_SAVE: Final = "Opnieuw opslaan"
KEY_RELOAD: Final = "Opnieuw laden"
KEY_SAVE: Final = "Opslaan"
KEY_CANCEL: Final = "Annuleren"
KEY_KEEP: Final = "Ongewijzigd"
KEY_SKIP: Final = "Overslaan"
KEY_PREVIOUS: Final = "Vorige"
KEY_STOP_REVIEW: Final = "Stoppen"
KEY_NEXT_FIELD: Final = "Volgend veld"
KEY_PREVIOUS_FIELD: Final = "Vorig veld"

# -- pilot form -------------------------------------------------------------------------
FORM_NEW_TITLE: Final = "Nieuwe pilot"
FORM_EDIT_TITLE: Final = "Bewerken: {name}"
FORM_HINT: Final = "ctrl+s bewaart · tab naar het volgende veld · escape annuleert"
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
FORM_NAME_OK: Final = ""
FORM_REFUSED: Final = "Niet opgeslagen: {problem}"
FORM_SAVED_WITH_WARNING: Final = "Opgeslagen, maar de looptijd is niet te lezen: {error}"

# -- stand van zaken form -----------------------------------------------------------------
ENTRY_TITLE: Final = "Stand van zaken per {peildatum}: {name}"
ENTRY_PREFILLED: Final = "Vooraf ingevuld met de stand van zaken per {date}."
ENTRY_EXISTING: Final = "Er is al een stand van zaken per deze peildatum; u past die aan."
ENTRY_FIRST: Final = "Nog geen eerdere stand van zaken."
ENTRY_TEXT: Final = "Stand van zaken"
ENTRY_STATUS: Final = "Status op de peildatum"
ENTRY_ZAKEN: Final = "Aantal behandelde zaken (mag leeg)"
ENTRY_NEW_PEILDATUM: Final = "Peildatum {peildatum} is nieuw: die komt in het register."

# -- confirmations ----------------------------------------------------------------------
CONFIRM_DELETE_TITLE: Final = "Pilot verwijderen?"
CONFIRM_DELETE_TEXT: Final = (
    "„{name}” met zijn hele geschiedenis verwijderen? "
    "Er wordt eerst een reservekopie gemaakt; ctrl+z maakt het ongedaan."
)
CONFIRM_DELETE_YES: Final = "Verwijderen"
CONFIRM_DISCARD_TITLE: Final = "Wijzigingen weggooien?"
CONFIRM_DISCARD_TEXT: Final = "U hebt dit formulier gewijzigd. Sluiten zonder op te slaan?"
CONFIRM_DISCARD_YES: Final = "Weggooien"
CONFIRM_DISCARD_NO: Final = "Verder bewerken"
CONFIRM_NO: Final = "Annuleren"
CONFIRM_KEYS: Final = "enter kiest de gemarkeerde knop · escape annuleert"

# -- notifications ----------------------------------------------------------------------
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
CONFLICT_TITLE: Final = "Ook door een ander gewijzigd"
CONFLICT_TEXT: Final = (
    "„{name}” is intussen ook door een ander gewijzigd; het register toont nu die versie. "
    "Welke versie blijft?"
)
CONFLICT_MINE: Final = "Mijn versie"
CONFLICT_THEIRS: Final = "Die van de ander"
CONFLICT_KEPT_THEIRS: Final = "De versie van de ander blijft staan."

# -- review mode ------------------------------------------------------------------------
REVIEW_TITLE: Final = "Doorlopen"
REVIEW_PROGRESS: Final = "bijgewerkt {done}/{total} voor peildatum {peildatum}"
REVIEW_POSITION: Final = "pilot {n} van {total}"
REVIEW_GROUP: Final = "{group}"
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
REVIEW_KEYS: Final = "u bijwerken · g ongewijzigd · s/→ overslaan · v/← vorige · esc stoppen"

# -- detail pane: history ---------------------------------------------------------------
SECTION_HISTORY: Final = "Geschiedenis"
HISTORY_LINE: Final = "{date}"
HISTORY_UNCHANGED: Final = "ongewijzigd"
HISTORY_STATUS: Final = "status {status}"
HISTORY_ZAKEN: Final = "{n} zaken"
DIFF_TITLE: Final = "Gewijzigd t.o.v. {date}"
DIFF_NONE: Final = "Geen verschil met {date}."
