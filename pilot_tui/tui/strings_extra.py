"""Dutch UI strings of the timeline, the overview and the import screens.

Kept apart from :mod:`pilot_tui.tui.strings` while those parts are built; to be merged into
it (same names, same conventions: ``{…}`` placeholders filled with ``str.format``, the
result always rendered as text, never as markup).
"""

from __future__ import annotations

from typing import Final

# -- timeline ---------------------------------------------------------------------------
KEY_MONTH_BACK: Final = "Maand terug"
KEY_MONTH_FORWARD: Final = "Maand verder"
KEY_YEAR_BACK: Final = "Jaar terug"
KEY_YEAR_FORWARD: Final = "Jaar verder"
KEY_TO_PEILDATUM: Final = "Naar de peildatum"
KEY_TIMELINE: Final = "Tijdlijn"
KEY_UP: Final = "Omhoog"
KEY_DOWN: Final = "Omlaag"
KEY_PAGE_UP: Final = "Pagina omhoog"
KEY_PAGE_DOWN: Final = "Pagina omlaag"
KEY_FIRST: Final = "Eerste pilot"
KEY_LAST: Final = "Laatste pilot"
KEY_DETAIL: Final = "Details"
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
KEY_CLOSE: Final = "Sluiten"
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
BUTTON_CANCEL: Final = "Annuleren"
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
