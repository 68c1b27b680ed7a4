"""The register: its pilots, peildata and audit log."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pilot_tui.model.pilot import Pilot
from pilot_tui.model.records import AuditEntry
from pilot_tui.text import normalise


@dataclass
class Register:
    title: str = "Stand van zaken pilots"
    intro: str = ""
    peildata: list[date] = field(default_factory=list)  # sorted, unique
    pilots: list[Pilot] = field(default_factory=list)
    audit: list[AuditEntry] = field(default_factory=list)
    # The annex label the document carries before its title ("Bijlage 2"); "" for none.
    annex: str = ""
    extra: dict[str, Any] = field(default_factory=dict, repr=False)  # unknown meta keys, kept

    def as_of(self, when: date) -> Register:
        """The register as it was at ``when``: the pilots that existed then, each with
        its values then (see :meth:`Pilot.as_of`). Shares title, peildata and audit."""
        pilots = []
        for pilot in self.pilots:
            view = pilot.as_of(when)
            if view is not None:
                pilots.append(view)
        return Register(
            title=self.title,
            intro=self.intro,
            peildata=self.peildata,
            pilots=pilots,
            audit=self.audit,
            annex=self.annex,
            extra=self.extra,
        )

    def current(self) -> list[Pilot]:
        """The pilots not retired (as they are now)."""
        return [p for p in self.pilots if not p.removed]

    def latest_peildatum(self, on_or_before: date | None = None) -> date | None:
        candidates = [p for p in self.peildata if on_or_before is None or p <= on_or_before]
        return max(candidates) if candidates else None

    def previous_peildatum(self, peildatum: date) -> date | None:
        earlier = [p for p in self.peildata if p < peildatum]
        return max(earlier) if earlier else None

    def next_peildatum(self, peildatum: date) -> date | None:
        later = [p for p in self.peildata if p > peildatum]
        return min(later) if later else None

    def add_peildatum(self, peildatum: date) -> None:
        if peildatum not in self.peildata:
            self.peildata.append(peildatum)
            self.peildata.sort()

    def get(self, pilot_id: str) -> Pilot | None:
        for pilot in self.pilots:
            if pilot.id == pilot_id:
                return pilot
        return None

    def find(self, key: str) -> Pilot | None:
        """A pilot by id, exact name, or (failing those) normalised name or former name."""
        for pilot in self.pilots:
            if pilot.id == key:
                return pilot
        for pilot in self.pilots:
            if pilot.name == key:
                return pilot
        wanted = normalise(key)
        for pilot in self.pilots:
            if normalise(pilot.name) == wanted or any(
                normalise(n) == wanted for n in pilot.former_names
            ):
                return pilot
        return None

    def new_id(self, name: str) -> str:
        base = slugify(name) or "pilot"
        taken = {p.id for p in self.pilots}
        candidate, n = base, 2
        while candidate in taken:
            candidate = f"{base}-{n}"
            n += 1
        return candidate


# -- text helpers (the general ones are in pilot_tui.text) ------------------------------


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-")[:60].strip("-")
