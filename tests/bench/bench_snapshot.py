"""Benchmark: the snapshot of a 10,000-pilot register, per format.

Run on demand (not collected by pytest)::

    python tests/bench/bench_snapshot.py [--pilots N] [--no-docx]

It writes a generated register (seed-like text lengths, three history entries per pilot,
footnotes, bullets) to a temporary store file and prints, as ratios to a plain
``json.load`` of that store file measured in the same run:

* the whole snapshot as ``pilot-tui snapshot`` and the app make it from the register in
  memory (``snapshot.make``: the model, then the file), per format, without and with
  the "changes since" section and its word diffs; Word as it goes to the Kamer (its
  default: no Aandachtspunten), the text formats with them (theirs);
* its parts: building the model, and rendering each format from a built model;
* Word with the changes as revisions (``--since --track-changes``): the model at both
  peildata and the document with its word diffs (no target; said how much slower).

With ``$PILOT_BENCH_ROUNDS`` set (``run_all --depths``), the register is the one of
tests/bench/generate.py at that history depth instead (peildatum its latest, "since" the
round before).

The verdicts are the targets: the whole md snapshot without "changes since" at most 3x,
the whole Word file at most 8x. ``--no-docx`` leaves Word out.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import shutil
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
from pilot_tui.snapshot import SnapshotOptions, build_snapshot, make, render
from pilot_tui.store import data_from_register, dumps, read_register_file, register_from_data
from tests.bench.bench_process import previous_peildatum
from tests.bench.common import depth, register_file

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
    """Seconds of ``fn()``, garbage collected before and not during (as ``timeit`` and
    common.measure do): with the register in memory, a collection during the baseline's
    ``json.load`` walks every object of the register (about 5x its time at 10,000 pilots),
    which made every ratio look that much better than it is."""
    gc.collect()
    gc.disable()
    try:
        t0 = time.perf_counter()
        fn()
        return time.perf_counter() - t0
    finally:
        gc.enable()


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--pilots", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=5, help="best of this many rounds")
    ap.add_argument("--no-docx", action="store_true")
    args = ap.parse_args()

    t0 = time.perf_counter()
    tmp = tempfile.TemporaryDirectory()
    path = Path(tmp.name) / "store.json"
    rounds = depth()
    if rounds is None:
        register = generate(args.pilots)
        path.write_text(dumps(data_from_register(register)), encoding="utf-8")
        entries = "3 entries each"
    else:  # the register of tests/bench/generate.py at that history depth
        shutil.copyfile(register_file(args.pilots, rounds), path)
        entries = f"history depth {rounds} round(s)"
    size = path.stat().st_size / 1e6
    gen = time.perf_counter() - t0
    print(f"register: {args.pilots} pilots, {entries}, {size:.1f} MB ({gen:.1f} s to generate)")
    register, _ = register_from_data(path, read_register_file(path))
    latest = register.latest_peildatum() or PEILDATA[-1]
    since = previous_peildatum(path)

    def load() -> object:
        with path.open(encoding="utf-8") as fh:
            return json.load(fh)

    window = parse_window("3m")
    assert window is not None
    options = SnapshotOptions(latest, window, since=since)
    plain = SnapshotOptions(latest, window)  # without "changes since"
    kamer = SnapshotOptions(latest, window, summary=False)  # Word's default
    tracked = SnapshotOptions(  # the Kamer version as revisions against the last round
        latest, window, since=since, summary=False, track_changes=True
    )
    snapshot = build_snapshot(register, options)
    plain_snapshot = build_snapshot(register, plain)
    kamer_snapshot = build_snapshot(register, kamer)
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
        for fmt in formats:
            steps += [
                (f"make {fmt}", lambda fmt=fmt: make(register, plain, fmt)),  # type: ignore[misc]
                (f"render {fmt}", lambda fmt=fmt: render(plain_snapshot, fmt)),  # type: ignore[misc]
            ]
        steps += [
            ("make md --since", lambda: make(register, options, "md")),
            ("render md --since", lambda: render(snapshot, "md")),
        ]
        if not args.no_docx:
            steps += [
                ("make docx", lambda: make(register, kamer, "docx")),
                ("render docx", lambda: render(kamer_snapshot, "docx")),
                ("make docx --since", lambda: make(register, options, "docx")),
                ("make docx --track-changes", lambda: make(register, tracked, "docx")),
            ]
        for name, fn in steps:
            best[name] = min(best.get(name, float("inf")), timed(fn))
    base = best["json.load"]

    def line(label: str, key: str, note: str = "") -> None:
        print(f"{label:<36} {best[key] * 1000:6.0f} ms  {best[key] / base:4.1f}x  {note}")

    line("json.load of the store file", "json.load")
    print("the whole snapshot (snapshot.make: model + file):")
    for fmt in formats:
        size = len(make(register, plain, fmt)) / 1e6
        line(f"  {fmt}", f"make {fmt}", f"({size:.1f} MB)")
    line("  md --since", "make md --since", '(with the word diffs of "changes since")')
    if not args.no_docx:
        size = len(make(register, kamer, "docx")) / 1e6
        line("  docx (the Kamer version)", "make docx", f"({size:.1f} MB)")
        line("  docx --summary --since", "make docx --since")
        size = len(make(register, tracked, "docx")) / 1e6
        line("  docx --since --track-changes", "make docx --track-changes", f"({size:.1f} MB)")
    print("its parts:")
    line("  build the model", "build plain")
    line("  build the model --since", "build")
    for fmt in formats:
        line(f"  render {fmt}", f"render {fmt}")
    line("  render md --since", "render md --since")
    if not args.no_docx:
        line("  render docx", "render docx")
    ok = True
    targets = [("md", "make md", 3.0)]
    if not args.no_docx:
        targets.append(("Word", "make docx", 8.0))
    for label, key, target in targets:
        ratio = best[key] / base
        verdict = "OK" if ratio <= target else "TOO SLOW"
        ok = ok and ratio <= target
        print(f"whole {label} snapshot: {ratio:.1f}x json.load (target <= {target:g}x): {verdict}")
    if not args.no_docx:
        slower = best["make docx --track-changes"] / best["make docx"]
        print(f"Word with revisions: {slower:.1f}x the Kamer version (no target)")
    tmp.cleanup()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
