"""Benchmark 4 (import): reading the overview text of 10,000 pilots, against ``json.load``
of the same pilots' register file (measured in the same run).

The text is made from the generated register by tests/bench/overview_text.py in the
seed's layout (title, "Pilot Toelichting", names over short lines, Achtergrond, Doel,
Stand van zaken, Looptijd, footnotes). Timed:

* ``parse_overview(text)``: text → a new register;
* ``merge(register, incoming, peildatum, update=True)``: that result merged into the
  10,000-pilot register (every pilot matched by name and updated);

both against ``json.load`` of the register file. The issue sets no target for import: the
ratios are printed for the record.

And the Bijlage as it arrives: the 10,000 pilots' Word file (the Kamer version, at the
register's latest peildatum), printed to PDF by LibreOffice (``soffice``; made once per run,
some minutes, not timed), imported with ``read_overview``: against ``json.load`` of the
register that import makes (saved as the app saves it). Also the Word file itself. Skipped,
with the reason, where ``soffice`` is missing. One more line checks that import scales linearly:
``parse_overview``'s time per pilot at 10,000 against its time per pilot at 1,000. Below the table: whether the import read the text back
as it was written (names, footnotes), since a wrong parse can be a fast one.

    python -m tests.bench.bench_import [--runs N] [--quick]
    python -m tests.bench.bench_import --pdf-only   # only the PDF and Word imports

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


def run_documents(runs: int = 1) -> list[Result]:
    """Import of the 10,000 pilots' Word file and its PDF, against ``json.load`` of the
    register the import makes."""
    import shutil
    import subprocess

    from pilot_tui.importing import read_overview
    from pilot_tui.periods import parse_window
    from pilot_tui.snapshot import SnapshotOptions, make
    from pilot_tui.store import Store
    from tests.bench.common import skipped, workdir

    name = f"import: PDF of the Bijlage, {BIG:,} pilots"
    if shutil.which("soffice") is None:
        return [skipped(name, "soffice not found (apt-get install libreoffice-writer)")]
    with Store.open(register_file(BIG), readonly=True) as store:
        source = store.register
    peildatum = source.latest_peildatum()
    window = parse_window("3m")
    assert peildatum is not None and window is not None
    folder = workdir() / "documents"
    folder.mkdir(exist_ok=True)
    docx = folder / "bijlage.docx"
    options = SnapshotOptions(peildatum, window, summary=False)
    docx.write_bytes(make(source, options, "docx"))
    log(f"LibreOffice: {BIG:,} pilots' Word file to PDF (minutes; not timed)")
    profile = (folder / "profile").as_uri()
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), str(docx)],
        capture_output=True, text=True, timeout=7200, check=False,
    )  # fmt: skip
    pdf = folder / "bijlage.pdf"
    if done.returncode != 0 or not pdf.exists():
        return [skipped(name, f"soffice failed: {done.stderr.strip()[:80]}")]
    pages: list[int] = []
    results = []
    for label, path in (("PDF", pdf), ("Word file", docx)):
        log(f"read_overview of the {label} ({path.stat().st_size / 1e6:.1f} MB, {runs} runs)")
        timing = measure(
            lambda _, path=path: read_overview(path, pages=lambda n, _t: pages.append(n)),
            runs=runs,
        )
        result = read_overview(path)
        saved = folder / f"imported-{label.split()[0].lower()}.json"
        saved.unlink(missing_ok=True)
        Store.create(saved, result.register).close()
        baseline = measure(lambda _, saved=saved: json_load(saved), runs=5)
        note = f"{path.stat().st_size / 1e6:.1f} MB; best {timing.best:.1f} s"
        if label == "PDF":
            note += f"; {max(pages, default=0):,} pages, {timing.median / max(pages[-1:] or [1]) * 1000:.0f} ms a page"
        line = Result(
            f"import: {label} of the Bijlage, {BIG:,} pilots", timing.median, baseline.median,
            "json.load of the result", note=note,
        )  # fmt: skip
        line.details.append(_fidelity_at(source, result, peildatum))
        results.append(line)
    return results


def _fidelity_at(source: object, result: object, peildatum: object) -> str:
    """How much of the document came back as the register has it at the peildatum."""
    src = [p.as_of(peildatum) for p in source.pilots]  # type: ignore[attr-defined]
    src = [p for p in src if p is not None]
    got = result.register.pilots  # type: ignore[attr-defined]
    same = {"name": 0, "achtergrond": 0, "doel": 0, "looptijd": 0, "footnotes": 0}
    for a, b in zip(src, got, strict=False):
        for key in same:
            same[key] += getattr(a, key) == getattr(b, key)
    texts = sum(
        (a.entry_at(peildatum).stand_van_zaken if a.entry_at(peildatum) else "")
        == (b.history[-1].stand_van_zaken if b.history else "")
        for a, b in zip(src, got, strict=False)
    )
    counts = ", ".join(f"{n} {key}" for key, n in same.items())
    return (
        f"read back: {len(got)} of {len(src)} pilots; the same {counts}, {texts} stand van "
        f"zaken; {len(result.warnings)} warnings"  # type: ignore[attr-defined]
    )


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
    import sys

    only_documents = "--pdf-only" in sys.argv
    args = parse_args(__doc__ or "", [a for a in sys.argv[1:] if a != "--pdf-only"])
    results = [] if only_documents else run(args.runs)
    print_report(results + run_documents(1 if args.runs <= 3 else 2), "Benchmark 4: import")
