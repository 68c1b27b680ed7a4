"""Conflicts of a merge: the record kept in the register's meta document, read and
written (see the package docstring)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from pilot_tui.model import (
    Register,
)

CONFLICTS: Final = "conflicts"  # the key of the meta document that lists open conflicts

# Fields of a conflict that are not a versioned field of the pilot.
ENTRY: Final = "stand_van_zaken"  # the entry of one peildatum (as a whole)
STATUS: Final = "status"  # a pilot's current status, when no entry says it
WHOLE_PILOT: Final = "pilot"  # the pilot itself: deleted on one side, changed on the other
EXTRA_PREFIX: Final = "extra."  # an unknown key of a pilot
META_PREFIX: Final = "meta."  # an unknown key of the meta document
TABLE_PREFIX: Final = "table."  # a document of an unknown table: "table.NAME.ID"
REGISTER_FIELDS: Final = ("title", "intro")


class _Absent:
    """No value on this side (the pilot, entry or key is not there)."""

    _instance: _Absent | None = None

    def __new__(cls) -> _Absent:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ABSENT"

    def __deepcopy__(self, memo: dict[int, Any]) -> _Absent:
        return self


ABSENT: Final = _Absent()


@dataclass
class Conflict:
    """Both sides changed one value differently; the register holds ours.

    ``pilot_id`` is "" for the register itself (title, intro, meta keys, tables).
    ``peildatum`` is the change point the value holds from (None: from the start; also for
    values that are not kept per peildatum). ``base``, ``ours`` and ``theirs`` are the
    values as JSON, each as it was at that peildatum on that side, or ABSENT.
    """

    pilot_id: str
    name: str  # of the pilot (ours, else theirs), for messages
    field: str
    peildatum: date | None
    base: Any = ABSENT
    ours: Any = ABSENT
    theirs: Any = ABSENT
    extra: dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)  # unknown keys

    def key(self) -> tuple[str, str, str]:
        return (self.pilot_id, self.field, self.peildatum.isoformat() if self.peildatum else "")

    def to_dict(self) -> dict[str, Any]:
        """The record in the meta document: a side without a value has no key."""
        data: dict[str, Any] = {
            **self.extra,
            "pilot_id": self.pilot_id,
            "name": self.name,
            "field": self.field,
            "peildatum": self.peildatum.isoformat() if self.peildatum else None,
        }
        for side in ("base", "ours", "theirs"):
            value = getattr(self, side)
            if value is not ABSENT:
                data[side] = value
        return data

    @classmethod
    def from_dict(cls, d: Any) -> Conflict:
        if not isinstance(d, dict):
            raise ValueError("een conflict moet een object zijn")
        pilot_id, name, fld = d.get("pilot_id", ""), d.get("name", ""), d.get("field")
        if not isinstance(pilot_id, str) or not isinstance(name, str):
            raise ValueError("'pilot_id' en 'name' van een conflict moeten tekst zijn")
        if not isinstance(fld, str) or not fld:
            raise ValueError("een conflict zonder veld")
        when = d.get("peildatum")
        if when is not None and not isinstance(when, str):
            raise ValueError("'peildatum' van een conflict moet een datum zijn")
        return cls(
            pilot_id=pilot_id,
            name=name,
            field=fld,
            peildatum=date.fromisoformat(when) if when else None,
            base=d.get("base", ABSENT),
            ours=d.get("ours", ABSENT),
            theirs=d.get("theirs", ABSENT),
            extra={k: v for k, v in d.items() if k not in _CONFLICT_KEYS},
        )


_CONFLICT_KEYS = frozenset({"pilot_id", "name", "field", "peildatum", "base", "ours", "theirs"})


def conflicts_of(register: Register) -> list[Conflict]:
    """The open conflicts recorded in the register. Raises ValueError for a list that
    cannot be read (``pilot-tui check`` reports it; the app shows none)."""
    raw = register.extra.get(CONFLICTS)
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise ValueError("'conflicts' moet een lijst zijn")
    return [Conflict.from_dict(d) for d in raw]


def set_conflicts(register: Register, conflicts: Iterable[Conflict]) -> None:
    """Record ``conflicts`` in the register's meta document (no key when there are none)."""
    records = [c.to_dict() for c in conflicts]
    if records:
        register.extra[CONFLICTS] = records
    else:
        register.extra.pop(CONFLICTS, None)
