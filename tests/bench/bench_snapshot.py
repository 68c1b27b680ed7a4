"""Benchmark: the snapshot of a 10,000-pilot register, per format.

Run on demand (not collected by pytest)::

    python tests/bench/bench_snapshot.py [--pilots N] [--no-docx]

It writes a generated register (seed-like text lengths, three history entries per pilot,
footnotes, bullets) to a temporary store file and prints, for md, csv and json, the render
time as a ratio to a plain ``json.load`` of that store file measured in the same run
(the verdict: at most 3x), the time to build the snapshot model (with and without the
"changes since" section and its word diffs), the whole md snapshot (build + render: the
issue's "md snapshot <= 3x json.load" read strictly; printed, not judged), and the time
to write Word (python-docx's public API, about 5 s for 1,000 pilots and 2 minutes for
10,000).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from pilot_tui.model import (
    AuditEntry,
    Footnote,
    HistoryEntry,
    Pilot,
    Register,
    Status,
)
from pilot_tui.periods import parse_window
from pilot_tui.snapshot import SnapshotOptions, build_snapshot, render
from pilot_tui.store import data_from_register, dumps, read_register_file, register_from_data

SEED_TEXT = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / "bijlage2-stand-van-zaken-pilots-2021-12-01.txt"
)
FALLBACK_WORDS = [
    "de",
    "het",
    "een",
    "van",
    "en",
    "in",
    "is",
    "dat",
    "op",
    "te",
    "met",
    "voor",
    "zijn",
    "niet",
    "aan",
    "er",
    "door",
    "wordt",
    "pilot",
    "rechtzoekenden",
    "juridisch",
    "loket",
    "raad",
    "rechtsbijstand",
    "gemeente",
    "samenwerking",
    "evaluatie",
    "advocaat",
    "sociaal",
    "domein",
    "problemen",
    "oplossing",
    "werkwijze",
    "project",
    "partners",
    "toegang",
    "resultaten",
    "inzicht",
    "doelstelling",
    "stelselvernieuwing",
    "wijkteam",
    "rechtbank",
    "zaken",
    "subsidieregeling",
    "geschiloplossing",
    "huurdomein",
    "scheiden",
    "slachtoffers",
]


def _words() -> list[str]:
    """Words with the frequencies of the seed document (fallback: a fixed list)."""
    try:
        words = SEED_TEXT.read_text(encoding="utf-8").split()
    except OSError:
        return FALLBACK_WORDS
    words = [w.strip(".,;:()“”‘’") for w in words]
    return [w.lower() for w in words if w.isalpha()] or FALLBACK_WORDS


WORDS = _words()
LOOPTIJDEN = (
    "Januari 2020 – juli 2022",
    "Najaar 2019 – december 2021",
    "Oktober 2019 – medio 2022",
    "Deel 1: december 2019 – december 2021; deel 2: vanaf 1 januari 2022",
    "November 2021 – december 2022",
    "Afgerond.",
    "Juni 2021 – november 2021 (stopgezet)",
    "De subsidieregeling loopt van 1 oktober 2019 tot 1 januari 2022.",
    "Vanaf 1 februari 2022",
    "Voorjaar 2022",
)
PEILDATA = [date(2021, 6, 1), date(2021, 12, 1), date(2022, 6, 1)]


def _text(rng: random.Random, words: int) -> str:
    sentences = []
    left = words
    while left > 0:
        n = min(left, rng.randint(8, 22))
        s = " ".join(rng.choice(WORDS) for _ in range(n))
        sentences.append(s[0].upper() + s[1:] + ".")
        left -= n
    return " ".join(sentences)


def generate(n: int, seed: int = 1) -> Register:
    rng = random.Random(seed)
    reg = Register(
        title="Stand van zaken pilots",
        intro="Nb. In dit overzicht zijn opgenomen lopende pilots, afgeronde pilots en "
        "pilots die op korte termijn starten en waarvoor formeel akkoord is gegeven.",
        peildata=list(PEILDATA),
    )
    for i in range(n):
        doel = _text(rng, rng.randint(20, 90))
        if i % 5 == 0:
            doel = "In een lerende uitvoeringspraktijk:\n" + "\n".join(
                "• " + _text(rng, 12) for _ in range(3)
            )
        achtergrond = "\n".join(_text(rng, rng.randint(40, 110)) for _ in range(rng.randint(1, 2)))
        pilot = Pilot(
            id=f"pilot-{i:05d}",
            name=f"Pilot {i} " + " ".join(rng.choice(WORDS) for _ in range(3)),
            achtergrond=achtergrond,
            doel=doel,
            looptijd=rng.choice(LOOPTIJDEN),
            looptijd_label="Doorlooptijd" if i % 3 == 0 else "Looptijd",
            programma=rng.choice(("", "Raad voor Rechtsbijstand", "Divosa")),
            gemeente=rng.choice(("", "Rotterdam", "Almere", "Heerlen")),
            partners=["Juridisch Loket", "Sociaal Raadslieden"],
        )
        if i % 7 == 0:
            pilot.footnotes = [
                Footnote("Kamerstukken II 2018/2019, 35000 VI, nr. 47", "achtergrond", ""),
                Footnote("Zie voor evaluatie: www.example.nl/evaluatie", "stand_van_zaken", ""),
            ]
        svz = _text(rng, rng.randint(30, 120))
        for k, d in enumerate(PEILDATA):
            if k:
                # an update: a sentence rewritten and one added, or a whole new text
                r = rng.random()
                if r < 0.4:
                    parts = svz.split(". ")
                    parts[rng.randrange(len(parts))] = _text(rng, 12).rstrip(".")
                    svz = ". ".join(parts) + " " + _text(rng, rng.randint(10, 30))
                elif r < 0.6:
                    svz = _text(rng, rng.randint(30, 120))
            status = rng.choice((Status.LOPEND, Status.LOPEND, Status.AFGEROND))
            pilot.set_entry(HistoryEntry(d, svz, status))
        reg.pilots.append(pilot)
        if i % 10 == 0:
            reg.audit.append(
                AuditEntry(
                    datetime(2022, 3, 1),
                    pilot.id,
                    "looptijd",
                    "Januari 2020 – december 2021",
                    pilot.looptijd,
                )
            )
    return reg


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--pilots", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=5, help="best of this many rounds")
    ap.add_argument("--no-docx", action="store_true")
    args = ap.parse_args()

    t0 = time.perf_counter()
    register = generate(args.pilots)
    tmp = tempfile.TemporaryDirectory()
    path = Path(tmp.name) / "store.json"
    path.write_text(dumps(data_from_register(register)), encoding="utf-8")
    size = path.stat().st_size / 1e6
    gen = time.perf_counter() - t0
    print(
        f"register: {args.pilots} pilots, 3 entries each, {size:.1f} MB ({gen:.1f} s to generate)"
    )
    register, _ = register_from_data(path, read_register_file(path))

    def load() -> object:
        with path.open(encoding="utf-8") as fh:
            return json.load(fh)

    window = parse_window("3m")
    assert window is not None
    options = SnapshotOptions(date(2022, 6, 1), window, since=date(2021, 12, 1))
    plain = SnapshotOptions(date(2022, 6, 1), window)  # without "changes since"
    snapshot = build_snapshot(register, options)
    plain_snapshot = build_snapshot(register, plain)
    formats = ("md", "csv", "json", "html")
    # Rounds interleave the baseline and every step, so that a busy machine slows
    # them alike; each is the best of its rounds.
    best: dict[str, float] = {}
    for _ in range(args.rounds):
        steps: list[tuple[str, Callable[[], object]]] = [
            ("json.load", load),
            ("build", lambda: build_snapshot(register, options)),
            ("build plain", lambda: build_snapshot(register, plain)),
        ]
        steps += [(fmt, lambda fmt=fmt: render(snapshot, fmt)) for fmt in formats]  # type: ignore[misc]
        steps.append(("md plain", lambda: render(plain_snapshot, "md")))
        for name, fn in steps:
            best[name] = min(best.get(name, float("inf")), timed(fn))
    base = best["json.load"]
    print(f"json.load of the store file   {base * 1000:7.0f} ms   1.0x")
    print(
        f"build_snapshot (summary, --since) {best['build'] * 1000:5.0f} ms  {best['build'] / base:4.1f}x"
    )
    print(
        f"build_snapshot (summary)         {best['build plain'] * 1000:5.0f} ms  "
        f"{best['build plain'] / base:4.1f}x"
    )
    worst = 0.0
    for fmt in formats:
        ratio = best[fmt] / base
        if fmt != "html":
            worst = max(worst, ratio)
        out = len(render(snapshot, fmt)) / 1e6
        print(f"render {fmt:<5} {best[fmt] * 1000:18.0f} ms  {ratio:4.1f}x  ({out:.1f} MB)")
    # The whole snapshot as `pilot-tui snapshot` makes it from the register in memory:
    # the model, then the format.
    for label, build, md in (("", "build plain", "md plain"), (" --since", "build", "md")):
        total = best[build] + best[md]
        print(
            f"snapshot md{label:<9} {total * 1000:15.0f} ms  {total / base:4.1f}x  (build + render)"
        )
    if not args.no_docx:
        # once: Word takes minutes for 10,000 pilots (no target; python-docx's own cost)
        t0 = time.perf_counter()
        out = len(render(snapshot, "docx")) / 1e6
        t = time.perf_counter() - t0
        print(f"render docx  {t * 1000:18.0f} ms  {t / base:4.1f}x  ({out:.1f} MB)")
    verdict = "OK" if worst <= 3 else "TOO SLOW"
    print(f"worst of md/csv/json: {worst:.1f}x (target <= 3x): {verdict}")
    tmp.cleanup()
    return 0 if worst <= 3 else 1


if __name__ == "__main__":
    sys.exit(main())
