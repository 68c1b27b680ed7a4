"""Records of the register: plain dataclasses, no I/O.

Text conventions (shared by the importer, the forms and every renderer):

* Long texts (achtergrond, doel, stand van zaken) are plain strings. Paragraphs are
  separated by a newline; a paragraph that starts with ``BULLET`` ("• ") is a list item.
  :func:`blocks` splits a text into paragraphs and list items for renderers.
* Footnotes belong to a pilot. ``Footnote.anchor`` is the text right before the marker
  in the source (e.g. "zomer van 2021.") and ``Footnote.section`` the field it sits in,
  so a renderer can put the reference back where the document had it.

The register remembers every peildatum, for every field. A pilot's attributes hold its
values as they are now (from the latest change on); ``Pilot.past`` holds, per change point
``until``, the values the changed fields had before it (backward deltas, sorted by
``until``). The value of a field at date D is therefore the value recorded by the first
change point after D that mentions the field, or the current value when there is none.
:meth:`Pilot.as_of` materialises a pilot at a peildatum (None when it did not exist then:
a pilot added at P has ``removed`` true before P; deleting retires it by setting
``removed`` from the peildatum on). The stand van zaken itself is kept per peildatum in
``Pilot.history``. A change made for P holds from P until the field's next change.

Unknown keys found in a file (written by a newer tool or a colleague's script) are kept in
``extra`` at every level and written back as they were; nothing is dropped.

The package, by job: :mod:`.values` (statuses and the checked reading of JSON values),
:mod:`.records` (footnotes, entries, earlier values, audit entries), :mod:`.pilot`,
:mod:`.register` and :mod:`.blocks`. Everything is imported from ``pilot_tui.model``.
"""

from __future__ import annotations

from pilot_tui.fields import VERSIONED
from pilot_tui.model.blocks import Block, blocks
from pilot_tui.model.pilot import Pilot
from pilot_tui.model.records import AuditEntry, Footnote, HistoryEntry, Past
from pilot_tui.model.register import Register, slugify
from pilot_tui.model.values import BULLET, CLOSED_STATUSES, SCHEMA_VERSION, SECTIONS, Status

__all__ = [
    "BULLET",
    "CLOSED_STATUSES",
    "SCHEMA_VERSION",
    "SECTIONS",
    "VERSIONED",
    "AuditEntry",
    "Block",
    "Footnote",
    "HistoryEntry",
    "Past",
    "Pilot",
    "Register",
    "Status",
    "blocks",
    "slugify",
]
