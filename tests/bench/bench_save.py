"""Benchmark 3: one edit saved at 10,000 pilots, against ``json.load`` + ``json.dump`` of
the same file (measured in the same run).

* ``save_pilot``: Store.open on the 10,000-pilot register, change one pilot, time
  ``store.save_pilot(pilot)`` (the whole file is rewritten atomically: temp file, fsync,
  replace);
* ``EditSession.edit_fields``: the same edit as the app and ``pilot-tui set`` make it
  (pilot, meta and audit entry in one save);
* for reference (no target): ``Store.open`` against ``json.load``.

Target: save ≤ 1.5× load+dump. Below the table the save is split into its parts
(serialise, encode, write with and without fsync) to show where the time goes.

    python -m tests.bench.bench_save [--runs N] [--quick]

From a clean checkout: ``pip install -e '.[test]'`` (nothing else needed).
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

from tests.bench.common import (
    BIG,
    Result,
    fmt_seconds,
    fresh_copy,
    json_load,
    log,
    measure,
    parse_args,
    print_report,
    register_file,
    workdir,
)

TARGET = 1.5


def load_dump(path: Path, out: Path) -> None:
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(data, fh)


def run(runs: int = 5) -> list[Result]:
    from pilot_tui.changes import EditSession
    from pilot_tui.store import Store, dumps

    source = register_file(BIG)
    out = workdir() / "load-dump.json"
    log(f"json.load + json.dump of the {BIG:,}-pilot register")
    baseline = measure(lambda _: load_dump(source, out), runs=runs)
    load_only = measure(lambda _: json_load(source), runs=runs)

    path = fresh_copy(BIG, "save")
    log("Store.open")
    opened = measure(
        lambda _: Store.open(path, readonly=True, daily_backup=False).close(), runs=runs
    )
    store = Store.open(path, daily_backup=False)
    try:
        pilot = store.register.pilots[BIG // 2]
        counter = iter(range(1_000_000))

        def change(_: object) -> None:
            pilot.doel = f"Nieuw doel {next(counter)}."
            store.save_pilot(pilot)

        log("save_pilot")
        save = measure(change, runs=runs)
        session = EditSession(store)
        peildatum = store.register.latest_peildatum() or date(2021, 12, 1)

        def edit(_: object) -> None:
            session.edit_fields(pilot.id, [("doel", f"Ander doel {next(counter)}.")], peildatum)

        log("EditSession.edit_fields")
        edited = measure(edit, runs=runs)
        parts = _parts(store, dumps, runs)
    finally:
        store.close()

    base_name = "json.load+dump"
    results = [
        Result(
            f"save one pilot, {BIG:,} (save_pilot)",
            save.median,
            baseline.median,
            base_name,
            TARGET,
            note=f"best {fmt_seconds(save.best)} vs {fmt_seconds(baseline.best)}",
        ),
        Result(
            f"one edit via EditSession, {BIG:,}",
            edited.median,
            baseline.median,
            base_name,
            TARGET,
            note=f"best {fmt_seconds(edited.best)}",
        ),
        Result(
            f"Store.open, {BIG:,} (reference)", opened.median, load_only.median, "json.load", None
        ),
    ]
    results[0].details += parts
    return results


def _parts(store: object, dumps: object, runs: int) -> list[str]:
    """Where a save's time goes: serialising (as the store does it, and as plain
    ``json.dumps`` would), encoding, writing with and without fsync."""
    data = store._storage.read()  # type: ignore[attr-defined]
    serialise = measure(lambda _: dumps(data), runs=runs)  # type: ignore[operator]
    plain = measure(lambda _: json.dumps(data, ensure_ascii=False), runs=runs)
    text = dumps(data)  # type: ignore[operator]
    encode = measure(lambda _: text.encode("utf-8"), runs=runs)
    payload = text.encode("utf-8")
    target = workdir() / "write-test.json"

    def write(sync: bool) -> None:
        with open(target, "wb") as fh:
            fh.write(payload)
            fh.flush()
            if sync:
                os.fsync(fh.fileno())

    written = measure(lambda _: write(False), runs=runs)
    synced = measure(lambda _: write(True), runs=runs)
    return [
        f"serialise as the store does (indent=1, sort_keys): {fmt_seconds(serialise.median)}; "
        f"plain json.dumps (C encoder): {fmt_seconds(plain.median)}",
        f"encode UTF-8: {fmt_seconds(encode.median)}; write {len(payload) / 1e6:.0f} MB: "
        f"{fmt_seconds(written.median)}, with fsync: {fmt_seconds(synced.median)}",
    ]


if __name__ == "__main__":
    args = parse_args(__doc__ or "")
    print_report(run(args.runs), "Benchmark 3: save")
