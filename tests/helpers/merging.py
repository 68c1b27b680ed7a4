"""What the tests of the three-way merge share: base, ours and theirs, and pilots to change."""

from __future__ import annotations

import copy
from datetime import date

from pilot_tui.model import HistoryEntry, Pilot, Register, Status

from ..conftest import D2

D0 = date(2021, 6, 1)
D3 = date(2022, 12, 1)


def sides(base: Register) -> tuple[Register, Register]:
    return copy.deepcopy(base), copy.deepcopy(base)


def pilot(register: Register, pilot_id: str) -> Pilot:
    found = register.get(pilot_id)
    assert found is not None, pilot_id
    return found


def new_pilot(pilot_id: str, name: str, text: str = "Gestart.") -> Pilot:
    added = Pilot(id=pilot_id, name=name, looptijd="2022 – 2024", achtergrond="A", doel="D")
    added.set_entry(HistoryEntry(D2, text, Status.LOPEND))
    added.set_at("removed", True, D0)  # as EditSession.add_pilot: exists from D2 on
    added.set_at("removed", False, D2)
    return added
