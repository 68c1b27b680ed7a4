"""The records a pilot is made of: footnotes, stand-van-zaken entries, earlier values
(``Past``), and the audit entries of the register (see the package docstring)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Final

from pilot_tui.fields import PILOT_FIELDS, Kind
from pilot_tui.model.values import (
    Status,
    read_date,
    read_status,
    read_str,
    read_str_list,
    unknown_keys,
)


@dataclass
class Footnote:
    text: str
    section: str = "stand_van_zaken"
    anchor: str = ""
    extra: dict[str, Any] = field(default_factory=dict, repr=False)  # unknown keys, kept

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.extra,
            "text": self.text,
            "section": self.section,
            "anchor": self.anchor,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Footnote:
        if not isinstance(d, dict):
            raise ValueError("een voetnoot moet een object zijn")
        return cls(
            text=read_str(d, "text"),
            section=read_str(d, "section", "stand_van_zaken"),
            anchor=read_str(d, "anchor"),
            extra=unknown_keys(d, _FOOTNOTE_KEYS),
        )


_FOOTNOTE_KEYS = frozenset({"text", "section", "anchor"})


@dataclass
class HistoryEntry:
    """The stand van zaken of one pilot at one peildatum."""

    peildatum: date
    stand_van_zaken: str
    status: Status | None = None
    zaken: int | None = None  # number of cases handled, when known
    unchanged: bool = False  # explicitly carried forward from the previous entry
    extra: dict[str, Any] = field(default_factory=dict, repr=False)  # unknown keys, kept

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.extra,
            "peildatum": self.peildatum.isoformat(),
            "stand_van_zaken": self.stand_van_zaken,
            "status": self.status.value if self.status else None,
            "zaken": self.zaken,
            "unchanged": self.unchanged,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> HistoryEntry:
        if not isinstance(d, dict):
            raise ValueError("een stand van zaken moet een object zijn")
        status = d.get("status")
        zaken = d.get("zaken")
        if zaken is not None and (not isinstance(zaken, int) or isinstance(zaken, bool)):
            raise ValueError("'zaken' moet een geheel getal zijn")
        unchanged = d.get("unchanged", False)
        if not isinstance(unchanged, bool):
            raise ValueError("'unchanged' moet true of false zijn")
        return cls(
            peildatum=read_date(d, "peildatum"),
            stand_van_zaken=read_str(d, "stand_van_zaken"),
            status=read_status(status) if status is not None else None,
            zaken=zaken,
            unchanged=unchanged,
            extra=unknown_keys(d, _ENTRY_KEYS),
        )


_ENTRY_KEYS = frozenset({"peildatum", "stand_van_zaken", "status", "zaken", "unchanged"})


@dataclass
class Past:
    """The values fields had before the change point ``until`` (see the module docstring)."""

    until: date
    values: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "until": self.until.isoformat(),
            "values": {k: value_to_json(k, v) for k, v in self.values.items()},
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Past:
        if not isinstance(d, dict):
            raise ValueError("een eerdere waarde moet een object zijn")
        unknown = d.keys() - {"until", "values"}
        if unknown:
            raise ValueError(f"onbekende velden in 'past': {', '.join(sorted(unknown))}")
        values = d.get("values")
        if not isinstance(values, dict) or not values:
            raise ValueError("'past' zonder waarden")
        return cls(
            until=read_date(d, "until"),
            values={k: value_from_json(k, v) for k, v in values.items()},
        )


def value_to_json(name: str, value: Any) -> Any:
    """A versioned field's value as the file has it."""
    if _VERSIONED_KINDS.get(name) is Kind.FOOTNOTES:
        return [f.to_dict() for f in value]
    if isinstance(value, list):
        return list(value)
    return value


def value_from_json(name: str, value: Any) -> Any:
    """A versioned field's value from the file, checked as its kind asks."""
    kind = _VERSIONED_KINDS.get(name)
    if kind is None:
        raise ValueError(f"onbekend veld {name!r} in 'past'")
    if kind is Kind.FOOTNOTES:
        if not isinstance(value, list):
            raise ValueError(f"'{name}' moet een lijst zijn")
        return [Footnote.from_dict(f) for f in value]
    if kind is Kind.LIST:
        return read_str_list({name: value}, name)
    if kind is Kind.FLAG:
        if not isinstance(value, bool):
            raise ValueError(f"'{name}' moet true of false zijn")
        return value
    return read_str({name: value}, name)


_VERSIONED_KINDS: Final[dict[str, Kind]] = {f.name: f.kind for f in PILOT_FIELDS if f.versioned}


def copy_value(value: Any) -> Any:
    """A copy of a field value that shares nothing mutable with the original."""
    if isinstance(value, list):
        return [
            Footnote(v.text, v.section, v.anchor, dict(v.extra)) if isinstance(v, Footnote) else v
            for v in value
        ]
    return value


@dataclass
class AuditEntry:
    """One recorded change: when, which pilot, which field, old and new value."""

    when: datetime
    pilot_id: str
    field: str
    old: Any
    new: Any
    extra: dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)  # unknown keys

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.extra,
            "when": self.when.isoformat(timespec="seconds"),
            "pilot_id": self.pilot_id,
            "field": self.field,
            "old": self.old,
            "new": self.new,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> AuditEntry:
        return cls(
            when=datetime.fromisoformat(read_str(d, "when")),
            pilot_id=read_str(d, "pilot_id"),
            field=read_str(d, "field"),
            old=d.get("old"),
            new=d.get("new"),
            extra=unknown_keys(d, _AUDIT_KEYS),
        )


_AUDIT_KEYS = frozenset({"when", "pilot_id", "field", "old", "new"})
