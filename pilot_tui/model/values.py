"""The plain values of records (statuses, the bullet of a list item) and the checked
reading of JSON values that every record's ``from_dict`` uses."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    GEPLAND = "gepland"
    LOPEND = "lopend"
    AFGEROND = "afgerond"
    STOPGEZET = "stopgezet"


CLOSED_STATUSES = frozenset({Status.AFGEROND, Status.STOPGEZET})

BULLET = "• "

# Sections a footnote can be anchored in.
SECTIONS = ("name", "achtergrond", "doel", "stand_van_zaken", "looptijd")

SCHEMA_VERSION = 2  # 2: per-peildatum values of every field (``past``, ``removed``)


_STATUSES = {s.value: s for s in Status}


def read_status(value: Any) -> Status:
    """Status by value; a plain lookup (the Enum call is slow for 10,000s of records)."""
    try:
        return _STATUSES[value]
    except (KeyError, TypeError):
        raise ValueError(f"ongeldige status {value!r} (kies uit: {', '.join(_STATUSES)})") from None


def read_str(d: dict[str, Any], key: str, default: str = "") -> str:
    value = d.get(key, default)
    if value is None:
        return default
    if not isinstance(value, str):
        raise ValueError(f"'{key}' moet tekst zijn")
    return value


def unknown_keys(d: dict[str, Any], known: frozenset[str]) -> dict[str, Any]:
    """The keys of ``d`` this version does not know, kept to be written back."""
    if d.keys() <= known:
        return {}
    return {k: v for k, v in d.items() if k not in known}


def read_str_list(d: dict[str, Any], key: str) -> list[str]:
    value = d.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"'{key}' moet een lijst met tekst zijn")
    return list(value)


def read_date(d: dict[str, Any], key: str) -> date:
    value = d.get(key)
    if not isinstance(value, str):
        raise ValueError(f"'{key}' moet een datum (JJJJ-MM-DD) zijn")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"'{key}' is geen geldige datum: {value!r}") from exc
