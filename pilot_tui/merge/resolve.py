"""Resolving a recorded conflict through the edit session (ours, theirs or a typed value),
and the open conflicts as problems for ``pilot-tui check``."""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any, Final

from pilot_tui import fields
from pilot_tui.changes import (
    ChangeError,
    Operation,
    name_problem,
    snapshot_pilot,
    split_list,
)
from pilot_tui.fields import Kind
from pilot_tui.merge.conflicts import (
    ABSENT,
    CONFLICTS,
    ENTRY,
    EXTRA_PREFIX,
    META_PREFIX,
    REGISTER_FIELDS,
    STATUS,
    WHOLE_PILOT,
    Conflict,
    conflicts_of,
    set_conflicts,
)
from pilot_tui.merge.values import (
    value_from_json,
)
from pilot_tui.merge.words import describe, describe_value, field_label, value_text
from pilot_tui.model import (
    VERSIONED,
    AuditEntry,
    HistoryEntry,
    Pilot,
    Register,
    Status,
)

# -- resolving ---------------------------------------------------------------------------------

OURS: Final = "ours"  # keep the value the register holds
THEIRS: Final = "theirs"  # take the other side's value
EDIT: Final = "edit"  # a value typed by the user

# The fields a value can be typed for: texts and lists of names.
_TEXT_FIELDS = tuple(f.name for f in fields.PILOT_FIELDS if f.kind in (Kind.TEXT, Kind.LONG))
_LIST_FIELDS = tuple(f.name for f in fields.PILOT_FIELDS if f.kind is Kind.LIST)


def editable(conflict: Conflict) -> bool:
    """Whether a value can be typed for this conflict (texts, lists of names, the text of a
    stand van zaken); other values are chosen from the two sides."""
    if conflict.field == ENTRY:
        return isinstance(conflict.ours, dict) or isinstance(conflict.theirs, dict)
    return conflict.field in (*_TEXT_FIELDS, *_LIST_FIELDS, *REGISTER_FIELDS)


def edit_text(conflict: Conflict) -> str:
    """The text an edit of this conflict starts from: our value."""
    value = conflict.ours if conflict.ours is not ABSENT else conflict.theirs
    if conflict.field == ENTRY:
        return str(value.get("stand_van_zaken", "")) if isinstance(value, dict) else ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return value if isinstance(value, str) else ""


def edited_value(conflict: Conflict, text: str) -> Any:
    """The value (as JSON) an edit with ``text`` gives; ChangeError when it cannot be one."""

    if not editable(conflict):
        raise ChangeError(f"{field_label(conflict.field)} kan niet bewerkt worden; kies een kant")
    if conflict.field == ENTRY:
        if not text.strip():
            raise ChangeError("de stand van zaken mag niet leeg zijn")
        side = conflict.ours if isinstance(conflict.ours, dict) else conflict.theirs
        assert isinstance(side, dict)
        return {**side, "stand_van_zaken": text.strip(), "unchanged": False}
    if conflict.field in _LIST_FIELDS:
        return split_list(text)
    if conflict.field == "name":
        name = " ".join(text.split())
        if not name:
            raise ChangeError("de naam mag niet leeg zijn")
        return name
    return text.strip()


def _apply_to_pilot(
    register: Register, pilot: Pilot | None, conflict: Conflict, value: Any
) -> Pilot | None:
    """The pilot with ``value`` for the conflict's field (a copy); None: no pilot."""

    name = conflict.field
    if name == WHOLE_PILOT:
        if value is ABSENT:
            return None
        restored = Pilot.from_dict(value)
        if restored.id != conflict.pilot_id:
            raise ValueError("de pilot heeft een ander id dan het conflict")
        return restored
    if pilot is None:
        raise ChangeError(f"„{conflict.name}” staat niet (meer) in het register")
    working = snapshot_pilot(pilot)
    if name in VERSIONED:
        model_value = value_from_json(name, value)
        when = conflict.peildatum
        if name == "name":
            problem = name_problem(register, model_value, pilot.id, when)
            if problem:
                raise ChangeError(problem)
        if when is None:
            timeline = working.timeline(name)
            timeline[0] = (None, model_value)
            working._store_timeline(name, timeline)
        else:
            working.set_at(name, model_value, when)
    elif name == ENTRY:
        when = conflict.peildatum
        if when is None:
            raise ValueError("een stand van zaken zonder peildatum")
        if value is ABSENT:
            working.history = [e for e in working.history if e.peildatum != when]
            last = working.history[-1] if working.history else None
            if last is not None and last.status is not None:
                working.status = last.status
        else:
            working.set_entry(HistoryEntry.from_dict(value))
    elif name == STATUS:
        working.status = Status(value)
    elif name.startswith(EXTRA_PREFIX):
        key = name.removeprefix(EXTRA_PREFIX)
        if value is ABSENT:
            working.extra.pop(key, None)
        else:
            working.extra[key] = copy.deepcopy(value)
    else:
        raise ValueError(f"onbekend soort conflict {name!r}")
    return working


def _apply_to_register(
    meta: tuple[str, str, dict[str, Any]], conflict: Conflict, value: Any
) -> tuple[str, str, dict[str, Any]]:

    title, intro, extra = meta
    name = conflict.field
    if name == "title":
        title = value_from_json("title", value)
    elif name == "intro":
        intro = value_from_json("intro", value)
    elif name.startswith(META_PREFIX) and name != META_PREFIX + CONFLICTS:
        key = name.removeprefix(META_PREFIX)
        if value is ABSENT:
            extra.pop(key, None)
        else:
            extra[key] = copy.deepcopy(value)
    else:
        raise ChangeError(
            f"{field_label(name)}: deze kant kiezen kan alleen in het bestand zelf; "
            "houd hier het register zoals het is"
        )
    return title, intro, extra


HOW: Final = {OURS: "mijn versie gehouden", THEIRS: "hun versie genomen", EDIT: "bewerkt"}


def resolve_conflict(session: Any, index: int, choice: str, text: str | None = None) -> Any:
    """Resolve the register's conflict number ``index`` (from 0) through the edit
    session (saved at once, audited, undoable): ``OURS`` keeps what the register holds,
    ``THEIRS`` takes the other side's value, ``EDIT`` the value ``text`` gives. Returns the
    session's Operation; raises ChangeError (one Dutch line) when it cannot be done."""

    register: Register = session.register
    try:
        conflicts = conflicts_of(register)
    except ValueError as exc:
        raise ChangeError(f"de lijst met conflicten is onleesbaar: {exc}") from None
    if not 0 <= index < len(conflicts):
        raise ChangeError("dat conflict bestaat niet (meer)")
    conflict = conflicts[index]
    if choice == OURS:
        value = conflict.ours
    elif choice == THEIRS:
        value = conflict.theirs
    elif choice == EDIT:
        value = edited_value(conflict, text or "")
    else:
        raise ValueError(f"unknown choice {choice!r}")
    meta_before = (register.title, register.intro, copy.deepcopy(register.extra))
    title, intro, extra = register.title, register.intro, copy.deepcopy(register.extra)
    before: Pilot | None = None
    after: Pilot | None = None
    try:
        if conflict.pilot_id:
            current = register.get(conflict.pilot_id)
            before = snapshot_pilot(current) if current is not None else None
            after = (
                before if choice == OURS else _apply_to_pilot(register, current, conflict, value)
            )
        elif choice != OURS:
            title, intro, extra = _apply_to_register((title, intro, extra), conflict, value)
    except (ValueError, TypeError) as exc:
        if isinstance(exc, ChangeError):
            raise
        raise ChangeError(f"{describe(conflict)}: {exc}") from None
    remaining = [*conflicts[:index], *conflicts[index + 1 :]]
    holder = Register(extra=extra)
    set_conflicts(holder, remaining)
    peildata = list(register.peildata)
    label = describe(conflict)
    audit = [
        AuditEntry(
            datetime.now(),
            conflict.pilot_id,
            f"conflict {conflict.field}"
            + (f"@{conflict.peildatum.isoformat()}" if conflict.peildatum else ""),
            None if conflict.ours is ABSENT else conflict.ours,
            None if value is ABSENT else value,
        )
    ]
    op = Operation(
        f"conflict opgelost ({HOW[choice]}): {label}",
        conflict.pilot_id,
        before,
        after,
        peildata,
        peildata,
        f"het oplossen van het conflict {label}",
        meta_before=meta_before,
        meta_after=(title, intro, holder.extra),
    )
    return session.commit(op, audit)


def conflict_problems(register: Register) -> list[dict[str, str]]:
    """The open conflicts as problems for ``pilot-tui check`` (each names the pilot)."""
    try:
        conflicts = conflicts_of(register)
    except ValueError as exc:
        return [
            {
                "id": "",
                "name": register.title,
                "problem": f"onleesbare lijst met conflicten van het samenvoegen: {exc}",
            }
        ]
    return [
        {
            "id": c.pilot_id,
            "name": c.name or register.title,
            "problem": f"onopgelost conflict van het samenvoegen: {describe_value(c)}"
            f" (mijn „{value_text(c.field, c.ours, 40)}”, hun „{value_text(c.field, c.theirs, 40)}”;"
            " kies in de app of met pilot-tui resolve)",
        }
        for c in conflicts
    ]
