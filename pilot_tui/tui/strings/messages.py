"""Notifications and the status line's banners: settings, saving, the file on disk, review."""

from __future__ import annotations

from typing import Final

# -- settings --------------------------------------------------------------------------
SETTINGS_UNREADABLE: Final = "Instellingen niet te lezen ({path}); standaardwaarden gebruikt."
SETTINGS_UNWRITABLE: Final = "Instellingen niet bewaard ({path}): {error}"

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
