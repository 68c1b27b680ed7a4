"""The one table of pilot fields.

Every part of pilot-tui that lists the fields of a pilot reads this table: the model
(which fields are kept per peildatum), the edits and ``set --help``, the importer (which
fields ``import --update`` takes), the pilot form, the renderers (labels in "Wijzigingen
sinds"), ``show``, search and the checks.

Adding a field to a pilot is: one :class:`PilotField` entry here, the attribute on
:class:`pilot_tui.model.Pilot` (with its default), and the tests. Readers that need
something special for a kind of field (a list is typed as "a; b", footnotes one per line)
switch on :attr:`PilotField.kind`, never on the field's name.

The stand van zaken of a peildatum (its text, status and number of cases) lives in a
pilot's history entries, not on the pilot; those fields are in :data:`ENTRY_FIELDS`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final


class Kind(StrEnum):
    TEXT = "text"  # one line of text
    LONG = "long"  # paragraphs and "• " list items (model.blocks)
    LIST = "list"  # a list of names, typed as "a; b"
    FOOTNOTES = "footnotes"  # a list of model.Footnote, typed one per line
    FLAG = "flag"  # true or false
    CHOICE = "choice"  # one of a fixed set of words (looptijd_label, status)
    NUMBER = "number"  # a whole number or none


class Widget(StrEnum):
    INPUT = "input"  # a one-line text field
    TEXTAREA = "textarea"  # a multi-line text field
    SELECT = "select"  # a choice among a few values
    NONE = "none"  # not in the pilot form


@dataclass(frozen=True)
class PilotField:
    name: str  # attribute, key in the register file, `show --json`, CSV and JSON snapshot
    label: str  # Dutch label in the app, in messages and in `show` ("Gemeente/regio")
    help: str  # Dutch description for `set --help`
    kind: Kind
    versioned: bool  # kept per peildatum (Pilot.past)
    editable: bool  # changed by the pilot form and `pilot-tui set`
    importable: bool  # taken from the document by `import --update`
    widget: Widget
    doc_label: str | None  # label under "Overige wijzigingen" of a snapshot; None: not there
    searchable: bool = True  # its words are found by search in the app
    keep_when_blank: bool = False  # an import that leaves it empty never wipes it
    choices: tuple[str, ...] = ()  # the words a CHOICE field takes (the status: model.Status)
    check_word: str | None = None  # its word in `check`'s list of fields, when not `word`
    detail_row: bool = False  # a row under "Gegevens" in the app's detail pane

    @property
    def word(self) -> str:
        """The label as a word inside a Dutch sentence ("kop boven de looptijd"): in merge
        conflicts and in what a register diff says."""
        return self.label[:1].lower() + self.label[1:]


PILOT_FIELDS: Final[tuple[PilotField, ...]] = (
    PilotField(
        "name", "Naam", "naam", Kind.TEXT,
        versioned=True, editable=True, importable=False, widget=Widget.INPUT, doc_label=None,
    ),
    PilotField(
        "former_names", "Voormalige namen", "voormalige namen (gescheiden door ;)", Kind.LIST,
        versioned=True, editable=True, importable=False, widget=Widget.INPUT,
        doc_label="Voormalige namen", check_word="voorheen",
    ),
    PilotField(
        "achtergrond", "Achtergrond", "achtergrond", Kind.LONG,
        versioned=True, editable=True, importable=True, widget=Widget.TEXTAREA,
        doc_label="Achtergrond",
    ),
    PilotField(
        "doel", "Doel", "doel", Kind.LONG,
        versioned=True, editable=True, importable=True, widget=Widget.TEXTAREA,
        doc_label="Doel",
    ),
    PilotField(
        "looptijd", "Looptijd", "looptijd zoals geschreven", Kind.TEXT,
        versioned=True, editable=True, importable=True, widget=Widget.INPUT, doc_label=None,
    ),
    PilotField(
        "looptijd_label", "Kop boven de looptijd", "Looptijd of Doorlooptijd", Kind.CHOICE,
        versioned=True, editable=True, importable=True, widget=Widget.SELECT,
        doc_label="Looptijd of doorlooptijd", searchable=False,
        choices=("Looptijd", "Doorlooptijd"), check_word="looptijd",
    ),
    PilotField(
        "programma", "Programma", "programma of koepel", Kind.TEXT,
        versioned=True, editable=True, importable=True, widget=Widget.INPUT,
        doc_label="Programma", keep_when_blank=True, detail_row=True,
    ),
    PilotField(
        "gemeente", "Gemeente/regio", "gemeente of regio", Kind.TEXT,
        versioned=True, editable=True, importable=True, widget=Widget.INPUT,
        doc_label="Gemeente", keep_when_blank=True, check_word="gemeente", detail_row=True,
    ),
    PilotField(
        "rechtsgebied", "Rechtsgebied", "rechtsgebied", Kind.TEXT,
        versioned=True, editable=True, importable=True, widget=Widget.INPUT,
        doc_label="Rechtsgebied", keep_when_blank=True, detail_row=True,
    ),
    PilotField(
        "partners", "Partners", "partners (gescheiden door ;)", Kind.LIST,
        versioned=True, editable=True, importable=True, widget=Widget.INPUT,
        doc_label="Partners", keep_when_blank=True, detail_row=True,
    ),
    PilotField(
        "footnotes", "Voetnoten", "voetnoten", Kind.FOOTNOTES,
        versioned=True, editable=True, importable=True, widget=Widget.TEXTAREA,
        doc_label="Voetnoten",
    ),
    PilotField(
        "removed", "Verwijderd", "verwijderd (pilot-tui delete en undelete)", Kind.FLAG,
        versioned=True, editable=False, importable=False, widget=Widget.NONE, doc_label=None,
        searchable=False,
    ),
)  # fmt: skip

ENTRY_FIELDS: Final[tuple[PilotField, ...]] = (
    PilotField(
        "stand_van_zaken", "Stand van zaken", "stand van zaken op de peildatum", Kind.LONG,
        versioned=False, editable=True, importable=True, widget=Widget.TEXTAREA,
        doc_label=None,
    ),
    PilotField(
        "status", "Status", "status op de peildatum (gepland, lopend, afgerond, stopgezet)",
        Kind.CHOICE, versioned=False, editable=True, importable=True, widget=Widget.SELECT,
        doc_label=None,
    ),
    PilotField(
        "zaken", "Aantal zaken", "aantal behandelde zaken op de peildatum", Kind.NUMBER,
        versioned=False, editable=True, importable=True, widget=Widget.INPUT, doc_label=None,
        searchable=False,
    ),
)  # fmt: skip

BY_NAME: Final[dict[str, PilotField]] = {f.name: f for f in (*PILOT_FIELDS, *ENTRY_FIELDS)}

# Fields whose value is kept per peildatum (besides the stand-van-zaken entries).
VERSIONED: Final[tuple[str, ...]] = tuple(f.name for f in PILOT_FIELDS if f.versioned)
EDITABLE: Final[tuple[str, ...]] = tuple(f.name for f in PILOT_FIELDS if f.editable)
IMPORTABLE: Final[tuple[str, ...]] = tuple(f.name for f in PILOT_FIELDS if f.importable)
LISTS: Final[frozenset[str]] = frozenset(f.name for f in PILOT_FIELDS if f.kind is Kind.LIST)


def in_order(first: tuple[str, ...], specs: tuple[PilotField, ...] = PILOT_FIELDS) -> list[str]:
    """The names in ``first`` (an order a document has always had), then every other field of
    ``specs`` in table order: a field added to the table is never left out of a list."""
    return [*first, *(f.name for f in specs if f.name not in first)]


# Reported under "Overige wijzigingen", with their labels there, in this order.
DOC_LABELS: Final[dict[str, str]] = {
    name: doc
    for name in in_order(
        (
            "achtergrond",
            "doel",
            "looptijd_label",
            "programma",
            "gemeente",
            "rechtsgebied",
            "partners",
            "former_names",
            "footnotes",
        )
    )
    if (doc := BY_NAME[name].doc_label) is not None
}


def label(name: str) -> str:
    """The Dutch label of field ``name`` (the name itself for a field not in the table)."""
    spec = BY_NAME.get(name)
    return spec.label if spec else name


def texts(spec: PilotField, value: Any) -> Iterator[str]:
    """The strings a field's value holds (for search, checks and cleaning): a text
    itself, every item of a list, the text and anchor of every footnote."""
    if spec.kind is Kind.FOOTNOTES:
        for note in value:
            yield note.text
            yield note.anchor
    elif spec.kind is Kind.LIST:
        yield from value
    elif isinstance(value, str):
        yield value
