"""Validated changes to pilots, each recorded as audit entries (pure; no I/O).

The CLI (`pilot-tui set`) and the app's forms both go through here, so the same input
is accepted or refused in the same words everywhere.

The package, by job: :mod:`.rules` (which fields, which peildatum, which values and names
are accepted), :mod:`.apply` (a change applied to a pilot, with its audit),
:mod:`.session` (the edit session's actions) on :mod:`.saving` (saved at once, undo and
redo, a conflict with someone else's save). Everything is imported from
``pilot_tui.changes``.
"""

from __future__ import annotations

from pilot_tui.changes.apply import (
    EntryChange,
    apply_changes,
    field_label,
    set_fields,
    snapshot_pilot,
    write_entry,
)
from pilot_tui.changes.rules import (
    ALL_FIELDS,
    ENTRY_FIELDS,
    LIST_FIELDS,
    PILOT_FIELDS,
    ChangeError,
    CorrectionError,
    RoundError,
    check_peildatum,
    name_problem,
    parse_assignment,
    parse_status,
    parse_zaken,
    split_list,
)
from pilot_tui.changes.saving import (
    EditConflict,
    Operation,
    RegisterMeta,
    SavingSession,
    copy_path,
    register_with,
)
from pilot_tui.changes.session import EditSession

__all__ = [
    "ALL_FIELDS",
    "ENTRY_FIELDS",
    "LIST_FIELDS",
    "PILOT_FIELDS",
    "ChangeError",
    "CorrectionError",
    "EditConflict",
    "EditSession",
    "EntryChange",
    "Operation",
    "RegisterMeta",
    "RoundError",
    "SavingSession",
    "apply_changes",
    "check_peildatum",
    "copy_path",
    "field_label",
    "name_problem",
    "parse_assignment",
    "parse_status",
    "parse_zaken",
    "register_with",
    "set_fields",
    "snapshot_pilot",
    "split_list",
    "write_entry",
]
