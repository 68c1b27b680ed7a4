"""Benchmark 3: one edit saved at 10,000 pilots, against ``json.load`` + ``json.dump`` of
the same file (measured in the same run).

* ``save_pilot``: Store.open on the 10,000-pilot register, change one pilot, time
  ``store.save_pilot(pilot)`` (the whole file is rewritten atomically: temp file, fsync,
  replace). The store keeps the text of every document after its first save, so the
  first save after opening (what ``pilot-tui set`` does) and later saves (the app) are
  timed apart;
* ``EditSession.edit_fields``: the same edit as the app and ``pilot-tui set`` make it
  (pilot, meta and audit entry in one save), first and later;
* for reference (no target): ``Store.open`` against ``json.load``.

Target: save ≤ 1.5× load+dump. Below the table the save is split into its parts
(serialise in full, put together from kept text, write with and without fsync) to show
where the time goes.

    python -m tests.bench.bench_save [--runs N] [--quick]

From a clean checkout: ``pip install -e '.[test]'`` (nothing else needed).
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tests.bench.common import (
    BIG,
    Result,
    Timing,
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

if TYPE_CHECKING:
    from pilot_tui.model import Pilot
    from pilot_tui.store import Store

TARGET = 1.5


def load_dump(path: Path, out: Path) -> None:
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(data, fh)


def run(runs: int = 5) -> list[Result]:
    from pilot_tui.changes import EditSession
    from pilot_tui.store import Store

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
    counter = iter(range(1_000_000))

    def fresh_store() -> tuple[Store, Pilot]:
        store = Store.open(path, daily_backup=False)
        pilot = store.register.pilots[BIG // 2]
        return store, pilot

    def first_save(arg: tuple[Store, Pilot]) -> None:
        store, pilot = arg
        pilot.doel = f"Nieuw doel {next(counter)}."
        store.save_pilot(pilot)
        store.close()

    def first_edit(arg: tuple[Store, Pilot]) -> None:
        store, pilot = arg
        peildatum = store.register.latest_peildatum() or date(2021, 12, 1)
        EditSession(store).edit_fields(
            pilot.id, [("doel", f"Eerste doel {next(counter)}.")], peildatum
        )
        store.close()

    log("save_pilot, first save after opening")
    save_first = measure(first_save, runs=runs, setup=fresh_store)
    log("EditSession.edit_fields, first save after opening")
    edit_first = measure(first_edit, runs=runs, setup=fresh_store)

    store, pilot = fresh_store()
    try:

        def change(_: object) -> None:
            pilot.doel = f"Nieuw doel {next(counter)}."
            store.save_pilot(pilot)

        log("save_pilot, later saves")
        save = measure(change, runs=runs, warmup=1)
        session = EditSession(store)
        peildatum = store.register.latest_peildatum() or date(2021, 12, 1)

        def edit(_: object) -> None:
            session.edit_fields(pilot.id, [("doel", f"Ander doel {next(counter)}.")], peildatum)

        log("EditSession.edit_fields, later saves")
        edited = measure(edit, runs=runs, warmup=1)
        parts = _parts(store, runs)
    finally:
        store.close()

    base_name = "json.load+dump"

    def result(name: str, timing: Timing) -> Result:
        return Result(
            name,
            timing.median,
            baseline.median,
            base_name,
            TARGET,
            note=f"best {fmt_seconds(timing.best)} vs {fmt_seconds(baseline.best)}",
        )

    results = [
        result(f"first save after open, {BIG:,} (save_pilot)", save_first),
        result(f"first edit via EditSession, {BIG:,}", edit_first),
        result(f"later save, {BIG:,} (save_pilot)", save),
        result(f"later edit via EditSession, {BIG:,}", edited),
        Result(
            f"Store.open, {BIG:,} (reference)",
            opened.median,
            load_only.median,
            "json.load",
            None,
            note=f"best {fmt_seconds(opened.best)} vs {fmt_seconds(load_only.best)}",
        ),
    ]
    results[2].details += parts
    return results


def _parts(store: Store, runs: int) -> list[str]:
    """Where a save's time goes: serialising in full (the definition, ``dumps``; the
    store's own encoder; plain ``json.dumps``), putting the file together from the text
    kept per document (what a later save does), writing with and without fsync."""
    from pilot_tui.store import canonical, dumps

    storage = store._storage
    data = storage.read()
    full = measure(lambda _: dumps(data), runs=runs)
    fast = measure(lambda _: canonical(data), runs=runs)
    plain = measure(lambda _: json.dumps(data, ensure_ascii=False), runs=runs)
    storage.payload()  # every piece made
    assembled = measure(lambda _: storage.payload(), runs=runs)
    payload = storage.payload()
    assert payload == dumps(data).encode("utf-8"), "assembled text differs from dumps"
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
        f"serialise all: dumps (indent=1, sort_keys, pure-Python encoder) "
        f"{fmt_seconds(full.median)}; the store's encoder {fmt_seconds(fast.median)}; "
        f"plain json.dumps (C encoder, no indent) {fmt_seconds(plain.median)}",
        f"put together from kept text (UTF-8, one join): {fmt_seconds(assembled.median)}; "
        f"write {len(payload) / 1e6:.0f} MB: {fmt_seconds(written.median)}, "
        f"with fsync: {fmt_seconds(synced.median)}",
    ]


if __name__ == "__main__":
    args = parse_args(__doc__ or "")
    print_report(run(args.runs), "Benchmark 3: save")
