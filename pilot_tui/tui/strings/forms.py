"""The pilot form and the stand-van-zaken form."""

from __future__ import annotations

from typing import Final

# -- pilot form ------------------------------------------------------------------------
FORM_NEW_TITLE: Final = "Nieuwe pilot"
FORM_EDIT_TITLE: Final = "Bewerken: {name}"
FORM_HINT: Final = "ctrl+s bewaart · tab volgend veld · ctrl+a selecteert alles · esc annuleert"
# a field's label (pilot_tui.fields) says how a list or the footnotes are typed
FORM_LIST_LABEL: Final = "{label} (gescheiden door ;)"
FORM_FOOTNOTES_LABEL: Final = "{label} (één per regel)"
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
