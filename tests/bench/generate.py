"""Realistic registers of N pilots for benchmarks (seed-like text lengths and history).

    python -m tests.bench.generate 10000 /tmp/register-10000.json [ROUNDS]

Two kinds of register:

* ``make_register(n)`` (no ``rounds``): three peildata, a stand van zaken at each, no
  earlier values of other fields: the register the in-process figures were first
  measured on;
* ``make_register(n, rounds=R)``: history depth R. The pilots as they are now (every
  field, the latest stand van zaken and status) are the same for every R: drawn from one
  random stream that history never touches. R > 1 adds R - 1 earlier half-yearly rounds
  (ending 1 December 2021) as the app and ``import`` leave them: a stand van zaken per
  round (a new text, an edited one, or kept "ongewijzigd"), statuses that move from
  gepland to lopend to afgerond, pilots that joined in a later round, and every other
  field changed in some rounds (renames with a former name, looptijd moved, achtergrond,
  doel, footnotes, partners, programma, gemeente, ...), each change with the audit entry
  the edit or import writes. So 1 against 10 rounds measures what history alone costs.
"""

from __future__ import annotations

import random
import sys
from datetime import date
from pathlib import Path

from pilot_tui.model import AuditEntry, Footnote, HistoryEntry, Pilot, Register, Status
from pilot_tui.periods import MONTHS
from tests.bench.history import PARTNERS, RECHTSGEBIEDEN, ROUND_DATES, add_history, when

WORDS = [
    "de",
    "het",
    "een",
    "pilot",
    "rechtzoekende",
    "juridisch",
    "loket",
    "gemeente",
    "samenwerking",
    "evaluatie",
    "rechtsbijstand",
    "advocaat",
    "sociaal",
    "domein",
    "wijkteam",
    "problemen",
    "oplossing",
    "project",
    "raad",
    "subsidieregeling",
    "doel",
    "resultaat",
    "werkwijze",
    "partners",
    "huurders",
    "scheiding",
    "bezwaar",
    "uitvoering",
    "ketenpartners",
    "dienstverlening",
    "onderzoek",
    "toegang",
    "hulpverlener",
    "cliënt",
    "geïntensiveerd",
    "overleg",
    "financiën",
    "regie",
    "procedure",
    "zitting",
    "rechter",
    "begeleiding",
]
PEILDATA = [date(2020, 12, 1), date(2021, 6, 1), date(2021, 12, 1)]
GEMEENTEN = (
    "Almere",
    "Den Bosch",
    "Tilburg",
    "Deurne",
    "Nijmegen",
    "Utrecht",
    "Heerlen",
    "Rotterdam",
    "Eindhoven",
    "Zwolle",
)


def _text(rng: random.Random, chars: int) -> str:
    out: list[str] = []
    length = 0
    while length < chars:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 18)))
        sentence = sentence[0].upper() + sentence[1:] + "."
        out.append(sentence)
        length += len(sentence) + 1
    return " ".join(out)


def _looptijd(rng: random.Random) -> str:
    y = rng.randint(2019, 2022)
    start = f"{MONTHS[rng.randrange(12)].capitalize()} {y}"
    end = rng.choice(
        [
            f"{MONTHS[rng.randrange(12)]} {y + rng.randint(1, 3)}",
            f"medio {y + 2}",
            f"voorjaar {y + 1}",
            f"tweede kwartaal {y + 2}",
            f"uiterlijk december {y + 1}",
        ]
    )
    return f"{start} – {end}"


def make_register(n: int, seed: int = 1, rounds: int | None = None) -> Register:
    """``n`` pilots; ``rounds``: history depth (see the module docstring), None for the
    three-peildata register."""
    if rounds is not None:
        return _deep_register(n, seed, rounds)
    rng = random.Random(seed)
    register = Register(
        title="Stand van zaken pilots",
        intro="Nb. In dit overzicht zijn opgenomen lopende pilots, afgeronde pilots en pilots "
        "die op korte termijn starten en waarvoor formeel akkoord is gegeven.",
        peildata=list(PEILDATA),
    )
    for i in range(n):
        name = f"Pilot {i:05d} {rng.choice(WORDS)} {rng.choice(GEMEENTEN)}"
        status = rng.choices(list(Status), weights=(1, 8, 2, 1))[0]
        pilot = Pilot(
            id=f"p{i:05d}",
            name=name,
            achtergrond=_text(rng, 900),
            doel=_text(rng, 300) + "\n• " + _text(rng, 90) + "\n• " + _text(rng, 90),
            looptijd=_looptijd(rng),
            status=status,
            programma=rng.choice(["", "Divosa", "Subsidieregeling € 10 miljoen"]),
            gemeente=rng.choice(GEMEENTEN),
            footnotes=[Footnote("Zie voor evaluatie: www.example.nl/rapport", "stand_van_zaken")]
            if i % 7 == 0
            else [],
        )
        for peildatum in PEILDATA:
            pilot.set_entry(HistoryEntry(peildatum, _text(rng, 600), status))
        register.pilots.append(pilot)
    return register


def _current_pilot(rng: random.Random, i: int) -> Pilot:
    """Pilot ``i`` as it is now (at the latest round): the same at every history depth."""
    name = f"Pilot {i:05d} {rng.choice(WORDS)} {rng.choice(GEMEENTEN)}"
    renamed = rng.random() < 0.05
    former = f"Pilot {i:05d} {rng.choice(WORDS)} {rng.choice(GEMEENTEN)} (oud)"
    status = rng.choices(list(Status), weights=(1, 8, 2, 1))[0]
    pilot = Pilot(
        id=f"p{i:05d}",
        name=name,
        former_names=[former] if renamed else [],
        achtergrond=_text(rng, 900),
        doel=_text(rng, 300) + "\n• " + _text(rng, 90) + "\n• " + _text(rng, 90),
        looptijd=_looptijd(rng),
        looptijd_label="Doorlooptijd" if rng.random() < 0.2 else "Looptijd",
        status=status,
        programma=rng.choice(["", "Divosa", "Subsidieregeling € 10 miljoen"]),
        gemeente=rng.choice(GEMEENTEN),
        rechtsgebied=rng.choice(RECHTSGEBIEDEN),
        partners=rng.sample(PARTNERS, rng.randint(0, 2)),
        footnotes=[Footnote("Zie voor evaluatie: www.example.nl/rapport", "stand_van_zaken")]
        if i % 7 == 0
        else [],
    )
    pilot.set_entry(HistoryEntry(ROUND_DATES[-1], _text(rng, 600), status))
    return pilot


def _deep_register(n: int, seed: int, rounds: int) -> Register:
    if not 1 <= rounds <= len(ROUND_DATES):
        raise ValueError(f"rounds: 1 to {len(ROUND_DATES)}")
    peildata = list(ROUND_DATES[-rounds:])
    register = Register(
        title="Stand van zaken pilots",
        intro="Nb. In dit overzicht zijn opgenomen lopende pilots, afgeronde pilots en pilots "
        "die op korte termijn starten en waarvoor formeel akkoord is gegeven.",
        peildata=peildata,
    )
    rng = random.Random(seed)  # the pilots as they are now: never used for history
    for i in range(n):
        pilot = _current_pilot(rng, i)
        history = random.Random(f"{seed}-{i}")  # per pilot, so depth R never shifts R+1
        start = add_history(pilot, peildata, history, _text, _looptijd, register.audit)
        if start == peildata[0]:
            # the first round came in by import: the pilot's "added" entry
            register.audit.append(
                AuditEntry(when(start), pilot.id, f"pilot@{start.isoformat()}", None, pilot.name)
            )
        register.pilots.append(pilot)
    register.audit.sort(key=lambda a: a.when)
    return register


def write_register(n: int, path: Path, seed: int = 1, rounds: int | None = None) -> Path:
    from pilot_tui.store import Store

    if path.exists():
        path.unlink()
    Store.create(path, make_register(n, seed, rounds)).close()
    return path


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(f"/tmp/register-{count}.json")
    depth = int(sys.argv[3]) if len(sys.argv) > 3 else None
    write_register(count, target, rounds=depth)
    print(f"{target}: {count} pilots, {target.stat().st_size / 1e6:.1f} MB")
