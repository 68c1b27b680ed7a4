"""Realistic registers of N pilots for benchmarks (seed-like text lengths and history).

python -m tests.bench.generate 10000 /tmp/register-10000.json
"""

from __future__ import annotations

import random
import sys
from datetime import date
from pathlib import Path

from pilot_tui.model import Footnote, HistoryEntry, Pilot, Register, Status
from pilot_tui.periods import MONTHS

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


def make_register(n: int, seed: int = 1) -> Register:
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


def write_register(n: int, path: Path, seed: int = 1) -> Path:
    from pilot_tui.store import Store

    if path.exists():
        path.unlink()
    Store.create(path, make_register(n, seed)).close()
    return path


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(f"/tmp/register-{count}.json")
    write_register(count, target)
    print(f"{target}: {count} pilots, {target.stat().st_size / 1e6:.1f} MB")
