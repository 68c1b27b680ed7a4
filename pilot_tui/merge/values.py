"""Values as a merge compares them: as JSON, three ways, and the tally of a merge."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import orjson

from pilot_tui import fields
from pilot_tui.fields import Kind
from pilot_tui.merge.conflicts import (
    ABSENT,
    Conflict,
)
from pilot_tui.model import (
    Footnote,
    Register,
    Status,
)

# -- values ------------------------------------------------------------------------------------


def value_json(name: str, value: Any) -> Any:
    """A field value as JSON (as the file has it)."""
    if value is ABSENT:
        return ABSENT
    if _kind(name) is Kind.FOOTNOTES:
        return [f.to_dict() for f in value]
    if isinstance(value, Status):
        return value.value
    if isinstance(value, list):
        return list(value)
    return value


def value_from_json(name: str, value: Any) -> Any:
    """A versioned field's value from JSON (checked as when a register is read); the
    register's title and intro are texts."""
    kind = _kind(name)
    if kind is Kind.FOOTNOTES:
        if not isinstance(value, list):
            raise ValueError(f"'{name}' moet een lijst zijn")
        return [Footnote.from_dict(f) for f in value]
    if kind is Kind.LIST:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"'{name}' moet een lijst met tekst zijn")
        return list(value)
    if kind is Kind.FLAG:
        if not isinstance(value, bool):
            raise ValueError(f"'{name}' moet true of false zijn")
        return value
    if not isinstance(value, str):
        raise ValueError(f"'{name}' moet tekst zijn")
    return value


def _kind(name: str) -> Kind | None:
    spec = fields.BY_NAME.get(name)
    return spec.kind if spec is not None else None


def same(a: Any, b: Any) -> bool:
    return a is b or (a is not ABSENT and b is not ABSENT and a == b)


def three_way(base: Any, ours: Any, theirs: Any, known_base: bool) -> tuple[Any, bool]:
    """(the merged value, whether it is a conflict); on a conflict the value is ours."""
    if same(ours, theirs):
        return ours, False
    if known_base:
        if same(base, ours):
            return theirs, False
        if same(base, theirs):
            return ours, False
    return ours, True


def canonical(value: Any) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


# -- the result --------------------------------------------------------------------------------


@dataclass
class MergeStats:
    taken: int = 0  # values taken from theirs
    added: int = 0  # pilots only they had, added
    renamed: dict[str, str] = field(default_factory=dict)  # their pilot id -> the new id
    audit_added: int = 0  # audit entries only they had


@dataclass
class MergedRegister:
    register: Register
    conflicts: list[Conflict]  # of this merge (the register lists carried ones too)
    stats: MergeStats
