"""Finding a pilot by what a user typed: its id, its name, a former name, or an
unambiguous part of its name."""

from __future__ import annotations

from datetime import date

from pilot_tui.model import Pilot, Register
from pilot_tui.ops import OpError
from pilot_tui.periods import format_date
from pilot_tui.text import normalise


def find_pilot(register: Register, key: str, peildatum: date | None = None) -> Pilot:
    """The stored pilot with this id, name, former name, or unambiguous part of its name;
    names as they were at ``peildatum`` (when given), among the pilots there then."""
    for pilot in register.pilots:
        if pilot.id == key:
            return pilot
    if peildatum is None:
        pilots = [p for p in register.pilots if not p.removed]
        names = {p.id: p.name for p in pilots}
    else:
        pilots = [p for p in register.pilots if p.exists_at(peildatum)]
        names = {p.id: p.value_at("name", peildatum) for p in pilots}
    wanted = normalise(key)
    if not wanted:
        raise OpError("geef een id of (een deel van) een naam")
    for pilot in pilots:
        if names[pilot.id] == key:
            return pilot
    for pilot in pilots:
        if normalise(names[pilot.id]) == wanted or any(
            normalise(n) == wanted for n in pilot.former_names
        ):
            return pilot
    found = [p for p in pilots if wanted in normalise(names[p.id]) or key in p.id]
    if len(found) == 1:
        return found[0]
    shown = repr(" ".join(key.split()))
    if not found:
        where = f" op {format_date(peildatum)}" if peildatum is not None else ""
        raise OpError(f"geen pilot met id of naam {shown}{where}")
    listed = "; ".join(f"{' '.join(names[p.id].split())} ({p.id})" for p in found[:5])
    more = f"; en {len(found) - 5} meer" if len(found) > 5 else ""
    raise OpError(
        f"{shown} past bij {len(found)} pilots: {listed}{more}; geef meer van de naam of het id"
    )


def find_pilot_any(register: Register, key: str) -> Pilot:
    """A pilot by id, or by (an unambiguous part of) any name it ever had; retired
    pilots included."""
    for pilot in register.pilots:
        if pilot.id == key:
            return pilot
    wanted = normalise(key)

    def names(p: Pilot) -> list[str]:
        return [normalise(name) for _start, name in p.timeline("name")]

    found = [p for p in register.pilots if wanted in names(p)]
    if not found:
        found = [p for p in register.pilots if any(wanted in n for n in names(p))]
    if len(found) != 1:
        raise OpError(
            f"geen pilot met id of naam {key!r}"
            if not found
            else f"{key!r} past bij {len(found)} pilots; geef het id"
        )
    return found[0]


def pilot_at(register: Register, key: str, peildatum: date) -> Pilot:
    """The pilot as it was at ``peildatum`` (see Pilot.as_of)."""
    stored = find_pilot(register, key, peildatum)
    view = stored.as_of(peildatum)
    if view is None:
        raise OpError(
            f"„{' '.join(stored.name.split())}” bestaat niet op {format_date(peildatum)} "
            "(verwijderd, of later toegevoegd)"
        )
    return view
