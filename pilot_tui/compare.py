"""What changed for each pilot between two peildata (pure; no I/O, no Textual).

The same engine as "Wijzigingen sinds" in the snapshot
(:func:`pilot_tui.snapshot.changes.changes_between`), arranged per pilot for a screen that
shows one pilot at a time.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from pilot_tui.fields import label
from pilot_tui.model import Register
from pilot_tui.periods import format_date
from pilot_tui.snapshot.changes import changes_between
from pilot_tui.snapshot.model import Changes
from pilot_tui.worddiff import DiffOp

# the labels of the changes that are a field's, as the field table has them
_NAME, _STATUS, _LOOPTIJD, _ENTRY = map(label, ("name", "status", "looptijd", "stand_van_zaken"))


@dataclass(frozen=True)
class PilotChange:
    label: str  # Dutch: "Naam", "Status", "Looptijd", "Stand van zaken", "Doel", …
    text: str = ""  # a one-line summary ("lopend → afgerond"); "" when ``lines`` say it
    lines: tuple[tuple[DiffOp, ...], ...] = ()  # a word diff, one tuple per line


@dataclass(frozen=True)
class Comparison:
    since: date
    peildatum: date
    per_pilot: dict[str, tuple[PilotChange, ...]]
    removed: tuple[str, ...]  # names of pilots there at ``since`` and retired since

    @property
    def count(self) -> int:
        """Pilots changed, added or removed."""
        return len(self.per_pilot) + len(self.removed)


def compare(register: Register, peildatum: date, since: date) -> Comparison:
    return arrange(changes_between(register, peildatum, since), peildatum)


def arrange(c: Changes, peildatum: date) -> Comparison:
    found: dict[str, list[PilotChange]] = defaultdict(list)
    for r in c.new:
        found[r.id].append(PilotChange("Nieuw", f"nieuw sinds {format_date(c.since)}"))
    for x in c.renamed:
        found[x.pilot.id].append(PilotChange(_NAME, x.text))
    for sc in (*c.closed, *c.status):
        found[sc.pilot.id].append(PilotChange(_STATUS, sc.text))
    for lc in c.looptijd:
        shift = f" (einde {lc.shift_text})" if lc.shift_text else ""
        found[lc.pilot.id].append(PilotChange(_LOOPTIJD, f"{lc.old} → {lc.new}{shift}"))
    for tc in c.texts:
        found[tc.pilot.id].append(PilotChange(_ENTRY, "", tc.lines))
    for r in c.kept:
        found[r.id].append(PilotChange(_ENTRY, "ongewijzigd gelaten"))
    for fc in c.fields:
        found[fc.pilot.id].append(PilotChange(fc.label, "", fc.lines))
    return Comparison(
        since=c.since,
        peildatum=peildatum,
        per_pilot={pid: tuple(items) for pid, items in found.items()},
        removed=tuple(r.name for r in c.removed),
    )
