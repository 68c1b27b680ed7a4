"""Benchmark 1: time to the first screen of ``pilot-tui`` at 33 and 10,000 pilots.

Baselines, measured in the same run and in the same pseudo-terminal (120x35, timed by
../shared/tools/ttfs.py): a minimal Textual app showing the same first rows in a DataTable
(tests/bench/minimal_app.py) and VisiData (``vd``) on the same pilots as a JSON file.
"First screen" is: the first and the 20th row of the list (the last row when there are
fewer) are both visible — for all three programs the same pilots in the same order.

Targets: at 10,000 pilots ≤ 0.8× VisiData; at 33 pilots ≤ 1.2× the minimal Textual app.

    python -m tests.bench.bench_startup [--runs N] [--quick]

From a clean checkout: ``pip install -e '.[test]'`` and ``pip install pyte visidata``.
The app is opened writable on a copy in a temp dir, so the first run also makes the
daily backup (a copy of the file); the per-run times are printed below the table.
"""

from __future__ import annotations

import json
import sys

from tests.bench.common import (
    BIG,
    SMALL,
    Result,
    app_command,
    app_rows,
    first_screen_pattern,
    fresh_copy,
    log,
    missing_tools,
    parse_args,
    print_report,
    records_json,
    register_file,
    skipped,
    ttfs,
    vd_command,
    workdir,
)

MINIMAL_APP = __file__.replace("bench_startup.py", "minimal_app.py")
VISIBLE_ROWS = 30


def _tui_available() -> bool:
    try:
        import pilot_tui.tui.app  # noqa: F401
    except ImportError:
        return False
    return True


def first_screens(n: int, runs: int) -> dict[str, object]:
    """Timings of the first screen of the app, the minimal app and vd at ``n`` pilots."""
    rows = app_rows(register_file(n))
    wait = first_screen_pattern([r.name for r in rows])
    table = [
        [f"{r.attention.symbol} {r.attention.value}", r.name, r.status, r.end, r.days]
        for r in rows[:VISIBLE_ROWS]
    ]
    rows_file = workdir() / f"minimal-rows-{n}.json"
    rows_file.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
    found: dict[str, object] = {}
    log(f"first screen of pilot-tui at {n:,} pilots")
    found["app"] = ttfs(app_command(fresh_copy(n, "startup")), wait, runs=runs)[0]
    log(f"first screen of the minimal Textual app ({n:,} pilots' first rows)")
    found["minimal"] = ttfs([sys.executable, MINIMAL_APP, str(rows_file)], wait, runs=runs)[0]
    if missing_tools(vd=True) is None:
        log(f"first screen of VisiData on {n:,} records")
        found["vd"] = ttfs(vd_command(records_json(n)), wait, runs=runs)[0]
    return found


def _runs(timing: object) -> str:
    return " ".join(f"{t:.2f}" for t in timing.runs)  # type: ignore[attr-defined]


def run(runs: int = 5) -> list[Result]:
    why = missing_tools()
    if why is None and not _tui_available():
        why = "the app (pilot_tui.tui) is not there yet"
    names = (
        f"first screen, {BIG:,} pilots",
        f"first screen, {SMALL} pilots",
    )
    if why:
        return [skipped(name, why) for name in names]
    results: list[Result] = []
    big = first_screens(BIG, runs)
    small = first_screens(SMALL, runs)
    for n, found in ((BIG, big), (SMALL, small)):
        app = found["app"]
        for base_key, base_name in (("vd", "VisiData"), ("minimal", "minimal Textual")):
            if n == BIG and base_key == "vd":
                target = 0.8
            elif n == SMALL and base_key == "minimal":
                target = 1.2
            else:
                target = None
            name = f"first screen, {n:,} pilots vs {base_name}"
            base = found.get(base_key)
            if base is None and base_key == "vd":
                results.append(skipped(name, missing_tools(vd=True) or "vd timed out"))
                continue
            if app is None or base is None:
                results.append(skipped(name, "timed out (no matching screen in 60 s)"))
                continue
            result = Result(
                name,
                app.median,  # type: ignore[attr-defined]
                base.median,  # type: ignore[attr-defined]
                base_name,
                target,
                note=f"medians; app runs {_runs(app)}, {base_name} runs {_runs(base)}",
            )
            results.append(result)
    return results


if __name__ == "__main__":
    args = parse_args(__doc__ or "")
    print_report(run(args.runs), "Benchmark 1: time to first screen")
