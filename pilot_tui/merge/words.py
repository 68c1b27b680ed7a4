"""A conflict in Dutch: which value of which pilot, and the value on each side."""

from __future__ import annotations

from typing import Any, Final

import orjson

from pilot_tui import fields
from pilot_tui.fields import Kind
from pilot_tui.merge.conflicts import (
    ABSENT,
    ENTRY,
    EXTRA_PREFIX,
    META_PREFIX,
    STATUS,
    TABLE_PREFIX,
    WHOLE_PILOT,
    Conflict,
)
from pilot_tui.periods import format_date
from pilot_tui.text import one_line

# -- words -------------------------------------------------------------------------------------

FIELD_LABELS: Final = {
    **{f.name: f.word for f in fields.PILOT_FIELDS},
    STATUS: fields.BY_NAME[STATUS].word,
    ENTRY: fields.BY_NAME[ENTRY].word,
    WHOLE_PILOT: "de pilot zelf (verwijderd aan één kant)",
    "title": "titel van het register",
    "intro": "inleiding van het register",
}


def field_label(name: str) -> str:
    """A conflict's field in Dutch."""
    if name in FIELD_LABELS:
        return FIELD_LABELS[name]
    if name.startswith(EXTRA_PREFIX):
        return f"onbekend veld {name.removeprefix(EXTRA_PREFIX)!r}"
    if name.startswith(META_PREFIX):
        return f"onbekend veld {name.removeprefix(META_PREFIX)!r} van het register"
    if name.startswith(TABLE_PREFIX):
        return f"tabel {name.removeprefix(TABLE_PREFIX)!r}"
    return name


def describe_value(conflict: Conflict) -> str:
    """Which value ("achtergrond vanaf 1 juni 2022", "stand van zaken per 1 juni 2022")."""
    what = field_label(conflict.field)
    if conflict.peildatum is not None:
        word = "per" if conflict.field == ENTRY else "vanaf"
        what += f" {word} {format_date(conflict.peildatum)}"
    return what


def describe(conflict: Conflict) -> str:
    """One line: which value of which pilot ("„X” (x): achtergrond vanaf 1 juni 2022")."""
    if conflict.pilot_id:
        where = f"„{' '.join(conflict.name.split())}” ({conflict.pilot_id})"
    else:
        where = "het register"
    return f"{where}: {describe_value(conflict)}"


def value_text(name: str, value: Any, limit: int | None = 80) -> str:
    """A conflict's value on one side, as one line of plain text (cut at ``limit``)."""
    if value is ABSENT:
        text = "(geen)"
    elif name == "removed" and isinstance(value, bool):
        text = "verwijderd" if value else "niet verwijderd"
    elif name == ENTRY and isinstance(value, dict):
        parts = [str(value.get("stand_van_zaken", ""))]
        if value.get("status"):
            parts.append(f"status {value['status']}")
        if value.get("zaken") is not None:
            parts.append(f"{value['zaken']} zaken")
        if value.get("unchanged"):
            parts.append("ongewijzigd")
        text = " · ".join(parts)
    elif name == WHOLE_PILOT and isinstance(value, dict):
        text = f"pilot „{value.get('name', '')}”"
    elif _is_footnotes(name) and isinstance(value, list):
        text = " ".join(
            f"[{i}] {n.get('text', '') if isinstance(n, dict) else n}"
            for i, n in enumerate(value, start=1)
        )
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        text = "; ".join(value)
    elif isinstance(value, str):
        text = value
    else:
        text = orjson.dumps(value).decode("utf-8")
    text = one_line(text) or "(leeg)"
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def _is_footnotes(name: str) -> bool:
    spec = fields.BY_NAME.get(name)
    return spec is not None and spec.kind is Kind.FOOTNOTES
