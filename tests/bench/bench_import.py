"""Benchmark 4 (import): reading the overview text of 10,000 pilots, against ``json.load``
of the same pilots' register file (measured in the same run).

The text is made from the generated register by tests/bench/overview_text.py in the
seed's layout (title, "Pilot Toelichting", names over short lines, Achtergrond, Doel,
Stand van zaken, Looptijd, footnotes). Timed:

* ``parse_overview(text)``: text → a new register;
* ``merge(register, incoming, peildatum, update=True)``: that result merged into the
  10,000-pilot register (every pilot matched by name and updated);

both against ``json.load`` of the register file. The issue sets no target for import: the
ratios are printed for the record. One more line checks that import scales linearly:
``parse_overview``'s time per pilot at 10,000 against its time per pilot at 1,000. Below the table: whether the import read the text back
as it was written (names, footnotes), since a wrong parse can be a fast one.

    python -m tests.bench.bench_import [--runs N] [--quick]

From a clean checkout: ``pip install -e '.[test]'`` (nothing else needed).
"""

from __future__ import annotations

from tests.bench.common import (
    BIG,
    Result,
    json_load,
    log,
    measure,
    parse_args,
    print_report,
    register_file,
)

LINEAR_FROM = 1_000  # the smaller register for the linearity check


def run(runs: int = 5) -> list[Result]:
    from pilot_tui.importer import merge, parse_overview
    from pilot_tui.store import Store
    from tests.bench.overview_text import make_overview_text

    path = register_file(BIG)

    def register() -> object:
        with Store.open(path, readonly=True) as store:
            return store.register

    source = register()
    text = make_overview_text(source)  # type: ignore[arg-type]
    peildatum = source.latest_peildatum()  # type: ignore[attr-defined]
    log(f"json.load of the {BIG:,}-pilot register")
    baseline = measure(lambda _: json_load(path), runs=runs)
    slow_runs = max(1, min(runs, 3))
    log(f"parse_overview of {len(text) / 1e6:.1f} MB of overview text ({slow_runs} runs)")
    parsed = measure(lambda _: parse_overview(text), runs=slow_runs)
    incoming = parse_overview(text)
    log(f"merge into the {BIG:,}-pilot register ({slow_runs} runs)")
    merged = measure(
        lambda reg: merge(reg, incoming.register, peildatum, True), runs=slow_runs, setup=register
    )

    parse_result = Result(
        f"import: parse_overview, {BIG:,}", parsed.median, baseline.median, "json.load",
        note=f"{len(text) / 1e6:.1f} MB of text; best {parsed.best:.2f} s",
    )  # fmt: skip
    parse_result.details.append(_fidelity(source, incoming))
    small_path = register_file(LINEAR_FROM)
    with Store.open(small_path, readonly=True) as store:
        small_text = make_overview_text(store.register)
    log(f"parse_overview of {LINEAR_FROM:,} pilots ({slow_runs} runs)")
    small = measure(lambda _: parse_overview(small_text), runs=slow_runs)
    return [
        parse_result,
        Result(f"import: merge --update, {BIG:,}", merged.median, baseline.median, "json.load"),
        Result(
            f"import: time per pilot, {BIG:,} vs {LINEAR_FROM:,}",
            parsed.median / BIG,
            small.median / LINEAR_FROM,
            f"per pilot at {LINEAR_FROM:,}",
            note="1x is linear",
        ),
    ]


def _fidelity(source: object, result: object) -> str:
    """How much of the text came back as written: names and footnotes."""
    src = source.pilots  # type: ignore[attr-defined]
    got = result.register.pilots  # type: ignore[attr-defined]
    names = sum(a.name == b.name for a, b in zip(src, got, strict=False))
    notes_in = sum(len(p.footnotes) for p in src)
    notes_out = sum(len(p.footnotes) for p in got)
    first_bad = next((b.name for a, b in zip(src, got, strict=False) if a.name != b.name), None)
    text = (
        f"read back: {len(got)} of {len(src)} pilots, {names} names as written, "
        f"{notes_out} of {notes_in} footnotes, {len(result.warnings)} warnings"  # type: ignore[attr-defined]
    )
    if first_bad:
        text += f"; first wrong name: {first_bad[:70]!r}"
    return text


if __name__ == "__main__":
    args = parse_args(__doc__ or "")
    print_report(run(args.runs), "Benchmark 4: import")
