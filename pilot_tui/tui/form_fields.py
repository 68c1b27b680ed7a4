"""The pilot's fields as the app edits and compares them, from the one table of fields
(:mod:`pilot_tui.fields`): no Textual here.

:data:`FORM_FIELDS` is the order of the pilot form and of the conflict dialog's list of
differences: the editable fields of the table in its order, the pilot's status (an entry
field in the table) right after the fields chosen from a list, with which the form shows
it on one row. A field's label in the form says how a list or footnotes are typed.
"""

from __future__ import annotations

from typing import Final

from pilot_tui.fields import BY_NAME, PILOT_FIELDS, Kind, PilotField, Widget
from pilot_tui.model import Pilot
from pilot_tui.tui import strings as S

_EDITED = tuple(f for f in PILOT_FIELDS if f.editable and f.widget is not Widget.NONE)
_LAST_SELECT = max(i for i, f in enumerate(_EDITED) if f.widget is Widget.SELECT)

FORM_FIELDS: Final[tuple[PilotField, ...]] = (
    *_EDITED[: _LAST_SELECT + 1],
    BY_NAME["status"],
    *_EDITED[_LAST_SELECT + 1 :],
)
# Chosen from a list: shown side by side on one row of the form, where the first is.
SELECTS: Final[tuple[PilotField, ...]] = tuple(f for f in FORM_FIELDS if f.widget is Widget.SELECT)


def form_label(spec: PilotField) -> str:
    """The field's label above it in the form."""
    if spec.kind is Kind.LIST:
        return S.FORM_LIST_LABEL.format(label=spec.label)
    if spec.kind is Kind.FOOTNOTES:
        return S.FORM_FOOTNOTES_LABEL.format(label=spec.label)
    return spec.label


def form_text(pilot: Pilot, spec: PilotField) -> str:
    """The field's value as the form shows it (not yet made safe for the screen)."""
    value = getattr(pilot, spec.name)
    if spec.kind is Kind.LIST:
        return "; ".join(value)
    if spec.kind is Kind.FOOTNOTES:
        return "\n".join(f.text for f in value)
    return str(getattr(value, "value", value))
