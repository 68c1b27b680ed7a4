"""Earlier rounds for a generated pilot: the history depth of the benchmarks.

:func:`add_history` takes a pilot as it is now (its fields and its one stand van zaken at
the latest peildatum) and gives it the rounds before, as a register kept for years has
them: the stand van zaken of every round (a new text, an edited one, or kept
"ongewijzigd"), a status that moves from gepland to lopend to afgerond, a later start
for some pilots (not there before the round they joined in), and earlier values of the
other fields (``Pilot.past``), each change with the audit entry the app or ``import``
writes. The pilot as it is now does not change: only what came before it is added.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from pilot_tui.model import AuditEntry, Footnote, HistoryEntry, Pilot, Status

# Ten half-yearly rounds, the last on the peildatum of the seed document.
ROUND_DATES = tuple(date(year, month, 1) for year in range(2017, 2022) for month in (6, 12))

# The chance, per round, that a field had another value the round before.
CHANGE_CHANCE = {
    "achtergrond": 0.05,
    "doel": 0.06,
    "looptijd": 0.15,
    "looptijd_label": 0.02,
    "programma": 0.03,
    "gemeente": 0.02,
    "rechtsgebied": 0.03,
    "partners": 0.06,
    "footnotes": 0.06,
}
GEMEENTEN = ("Almere", "Den Bosch", "Tilburg", "Nijmegen", "Utrecht", "Heerlen", "Zwolle")
PROGRAMMAS = ("", "Divosa", "Subsidieregeling € 10 miljoen", "Stelselvernieuwing")
RECHTSGEBIEDEN = ("", "familierecht", "huurrecht", "schulden", "arbeidsrecht")
PARTNERS = ("Juridisch Loket", "Sociaal Raadslieden", "Raad voor Rechtsbijstand", "wijkteam")

Text = Callable[[random.Random, int], str]


def when(peildatum: date) -> datetime:
    """When a round's edits were made: two weeks after its peildatum."""
    return datetime(peildatum.year, peildatum.month, peildatum.day, 10, 0) + timedelta(days=14)


def _edited(rng: random.Random, text: str, make: Text) -> str:
    """``text`` with one sentence rewritten (and, when long, its last one not yet there)."""
    parts = text.split(". ")
    parts[rng.randrange(len(parts))] = make(rng, 80).rstrip(".")
    if len(parts) > 3:
        parts = parts[:-1]
    return ". ".join(parts).rstrip(".") + "."


def _older(name: str, now: Any, rng: random.Random, make: Text, looptijd: Callable) -> Any:
    """Another value field ``name`` had before ``now``."""
    if name in ("achtergrond", "doel"):
        return _edited(rng, now, make)
    if name == "looptijd":
        older = looptijd(rng)
        return older if older != now else older + " (verlengd)"
    if name == "looptijd_label":
        return "Looptijd" if now == "Doorlooptijd" else "Doorlooptijd"
    choices = {"programma": PROGRAMMAS, "gemeente": GEMEENTEN, "rechtsgebied": RECHTSGEBIEDEN}
    if name in choices:
        return rng.choice([c for c in choices[name] if c != now])
    if name == "partners":
        return list(now[:-1]) if now else [rng.choice(PARTNERS)]
    if name == "footnotes":
        if now and rng.random() < 0.5:
            return []  # the footnote came later
        return [
            Footnote(f"Kamerstukken II 2019/20, 29279, nr. {rng.randint(500, 599)}", "achtergrond")
        ]
    raise ValueError(name)


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [v.to_dict() if isinstance(v, Footnote) else v for v in value]
    return value


def _statuses(now: Status, start: int, k: int, rng: random.Random) -> list[Status]:
    """The status at each round from ``start`` to ``k - 1``, ending at ``now``."""
    if now is Status.GEPLAND:
        return [now] * (k - start)
    out = [Status.LOPEND] * (k - start)
    if now in (Status.AFGEROND, Status.STOPGEZET):
        closed_from = max(start + 1, k - 1 - rng.randint(0, 3)) if start < k - 1 else k - 1
        for j in range(closed_from, k):
            out[j - start] = now
    if start < k - 1 and rng.random() < 0.4 and out[0] is Status.LOPEND:
        out[0] = Status.GEPLAND
    out[-1] = now
    return out


def add_history(
    pilot: Pilot,
    peildata: list[date],
    rng: random.Random,
    make: Text,
    looptijd: Callable,
    audit: list[AuditEntry],
) -> date:
    """Give ``pilot`` (as it is now, one entry at ``peildata[-1]``) the rounds before, and
    append their audit entries to ``audit``. Returns the peildatum the pilot joined at."""
    k = len(peildata)
    if k == 1:
        return peildata[0]
    start = 0 if rng.random() < 0.8 else rng.randint(1, k - 1)
    latest = pilot.history[-1]
    # per field, its value at every round (index j: peildata[j]); the last one is now's
    values: dict[str, list[Any]] = {}
    for name, chance in CHANGE_CHANCE.items():
        seq = [getattr(pilot, name)] * k
        for j in range(k - 2, start - 1, -1):
            seq[j] = (
                _older(name, seq[j + 1], rng, make, looptijd)
                if rng.random() < chance
                else seq[j + 1]
            )
        for j in range(start):
            seq[j] = seq[start]
        values[name] = seq
    names = [pilot.name] * k
    former = [list(pilot.former_names)] * k
    if pilot.former_names and start < k - 1:
        renamed_at = rng.randint(start + 1, k - 1)
        for j in range(renamed_at):
            names[j], former[j] = pilot.former_names[0], []
    values["name"], values["former_names"] = names, former
    # the stand van zaken of every round, from the latest back
    texts = [latest.stand_van_zaken] * k
    kept = [False] * k
    for j in range(k - 2, start - 1, -1):
        r = rng.random()
        if r < 0.12 and j + 1 <= k - 2:
            kept[j + 1] = True
            texts[j] = texts[j + 1]
        elif r < 0.5:
            texts[j] = _edited(rng, texts[j + 1], make)
        else:
            texts[j] = make(rng, 600)
    statuses = _statuses(latest.status or pilot.status, start, k, rng)

    # the pilot as it was at the first round, then every round's changes in order
    for name, seq in values.items():
        setattr(pilot, name, seq[0])
    pilot.removed = start > 0
    pilot.history = []
    for j in range(1, k):
        at = peildata[j]
        for name, seq in values.items():
            if seq[j] != seq[j - 1]:
                pilot.set_at(name, seq[j], at)
                audit.append(
                    AuditEntry(
                        when(at),
                        pilot.id,
                        f"{name}@{at.isoformat()}",
                        _plain(seq[j - 1]),
                        _plain(seq[j]),
                    )
                )
        if j == start:
            pilot.set_at("removed", False, at)
            audit.append(AuditEntry(when(at), pilot.id, f"pilot@{at.isoformat()}", None, names[j]))
    for j in range(start, k):
        entry = HistoryEntry(peildata[j], texts[j], statuses[j - start], unchanged=kept[j])
        if j == k - 1:
            entry = latest
        pilot.set_entry(entry)
        if j > start:  # a new round's entry (none was there for it: ``old`` is None)
            field = f"stand_van_zaken@{peildata[j].isoformat()}"
            audit.append(AuditEntry(when(peildata[j]), pilot.id, field, None, entry.to_dict()))
    pilot.status = latest.status or pilot.status
    return peildata[start]
