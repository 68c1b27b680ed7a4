"""Keys: what each binding does (footer, help, command palette), and the palette's own texts."""

from __future__ import annotations

from typing import Final

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

# -- command palette -----------------------------------------------------------------
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
    "snapshot": "Stand van zaken exporteren als document ({formats})",  # the registry's labels
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
