"""Three-way merge of two registers that share an ancestor (pure; the files are read and
written by :func:`merge_files`, nothing else does I/O here).

Used as git's merge driver (``pilot-tui merge %O %A %B``) and to merge a colleague's copy
outside git. The unit of a merge is one value, never a line of JSON:

* a pilot's versioned field is merged per change point of its *timeline* (see
  ``Pilot.timeline``): a value set for one peildatum on one side and for another peildatum
  on the other side both stay, each from its own peildatum;
* the stand van zaken is merged per peildatum (and within an entry per key: one side's
  text and the other side's number of cases merge);
* unknown keys (of the meta document, a pilot, an entry) are merged per key; unknown
  tables per document;
* peildata are the union of both sides; the audit logs are merged without loss or
  duplication, ordered by time (an entry both sides have is the same change: kept once);
* pilots only one side added are kept; a pilot the other side added under the same id is
  the same pilot when one of its names matches, otherwise it gets a fresh id.

For each value: the side that changed it wins; both changed it the same way, that value;
both changed it differently, a :class:`Conflict`: the register holds our value and the
conflict is recorded in the meta document under ``conflicts`` (see :meth:`Conflict.to_dict`)
so that the file stays a valid register (never conflict markers) and the app can offer
the choice. A pilot retired on one side and changed on the other from the retirement on
is a conflict too (the change would be invisible). Without a base (``base=None``) every
difference is a conflict.

The package, by job: :mod:`.conflicts` (the conflict record in the register),
:mod:`.values` (values as JSON, three ways), :mod:`.pilot` (one pilot), :mod:`.registers`
(two registers), :mod:`.files` (three files, git's merge driver), :mod:`.words` (a
conflict in Dutch) and :mod:`.resolve` (the user's choice). Everything is imported from
``pilot_tui.merge``.
"""

from __future__ import annotations

from pilot_tui.merge.conflicts import (
    ABSENT,
    CONFLICTS,
    ENTRY,
    EXTRA_PREFIX,
    META_PREFIX,
    REGISTER_FIELDS,
    STATUS,
    TABLE_PREFIX,
    WHOLE_PILOT,
    Conflict,
    conflicts_of,
    set_conflicts,
)
from pilot_tui.merge.files import FileMerge, merge_data, merge_files, read_register_data
from pilot_tui.merge.registers import fresh_id, merge_registers, same_pilot
from pilot_tui.merge.resolve import (
    EDIT,
    HOW,
    OURS,
    THEIRS,
    conflict_problems,
    edit_text,
    editable,
    edited_value,
    resolve_conflict,
)
from pilot_tui.merge.values import MergedRegister, MergeStats, value_from_json, value_json
from pilot_tui.merge.words import FIELD_LABELS, describe, describe_value, field_label, value_text

__all__ = [
    "ABSENT",
    "CONFLICTS",
    "EDIT",
    "ENTRY",
    "EXTRA_PREFIX",
    "FIELD_LABELS",
    "HOW",
    "META_PREFIX",
    "OURS",
    "REGISTER_FIELDS",
    "STATUS",
    "TABLE_PREFIX",
    "THEIRS",
    "WHOLE_PILOT",
    "Conflict",
    "FileMerge",
    "MergeStats",
    "MergedRegister",
    "conflict_problems",
    "conflicts_of",
    "describe",
    "describe_value",
    "edit_text",
    "editable",
    "edited_value",
    "field_label",
    "fresh_id",
    "merge_data",
    "merge_files",
    "merge_registers",
    "read_register_data",
    "resolve_conflict",
    "same_pilot",
    "set_conflicts",
    "value_from_json",
    "value_json",
    "value_text",
]
