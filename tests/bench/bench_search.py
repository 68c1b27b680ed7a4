"""Benchmark 2: search at 10,000 pilots — the last keystroke to the repainted, filtered
screen — against VisiData's ``/`` jump (regex search in a column) on the same records.

Both look for the same pilot, the last one of the app's list (the worst case for a
top-down jump), by its id:

* pilot-tui: ``/`` and all but the last character of the id are typed and the screen is
  waited for (10 matches), then the last character; timed from that key to the screen
  showing "1 van 10000" and the pilot;
* VisiData: ``/`` and the id are typed into its prompt (cursor on the id column); timed
  from the enter key to the screen showing the pilot's row.

Target: ≤ 1× VisiData's jump. Timed by ttfs.py (the terminal timer, see terminal.py) in a 120x35 pseudo-terminal.

    python -m tests.bench.bench_search [--runs N] [--quick]

From a clean checkout: ``pip install -e '.[test]'`` and ``pip install pyte visidata``.
"""

from __future__ import annotations

import re

from tests.bench.common import (
    BIG,
    Result,
    app_command,
    app_rows,
    compile_app,
    first_screen_pattern,
    fresh_copy,
    log,
    parse_args,
    pilot_number,
    print_report,
    records_json,
    register_file,
    skipped,
    vd_command,
)
from tests.bench.terminal import missing_tools, ttfs

NAME = f"search, last key to filtered screen, {BIG:,} pilots"


def expected_matches(query: str) -> int:
    """How many pilots the app shows for ``query``, by the app's own matching (only the
    pilots whose text contains the query at all are run through it: the query is an id,
    plain ASCII, so folding accents cannot add matches)."""
    from pilot_tui.store import Store
    from pilot_tui.text import strip_controls
    from pilot_tui.tui.view import matches, pilot_search_text, query_words

    words = query_words(query)
    with Store.open(register_file(BIG), readonly=True) as store:
        pilots = store.register.pilots
    count = 0
    for pilot in pilots:
        raw = strip_controls(" ".join(map(str, vars(pilot).values()))).casefold()
        if all(w in raw for w in words) and matches(pilot_search_text(pilot), words):
            count += 1
    return count


def run(runs: int = 5) -> list[Result]:
    why = missing_tools(vd=True)
    if why is None:
        try:
            import pilot_tui.tui.app  # noqa: F401
        except ImportError:
            why = "the app (pilot_tui.tui) is not there yet"
    if why:
        return [skipped(NAME, why)]
    rows = app_rows(register_file(BIG))
    target = rows[-1]
    query = target.pilot_id
    partial = expected_matches(query[:-1])
    final = expected_matches(query)
    number = re.escape(pilot_number(target.name))

    compile_app()  # .pyc as an installed app has them (see common.compile_app)
    log(f"pilot-tui: search {query!r} at {BIG:,} pilots")
    app = ttfs(
        app_command(fresh_copy(BIG, "search")),
        first_screen_pattern([r.name for r in rows]),
        [
            ("/" + query[:-1], rf"\b{partial} van {BIG}\b"),
            (query[-1], rf"(?s)\b{final} van {BIG}\b.*{number}"),
        ],
        runs=runs,
    )
    log(f"VisiData: / {query!r} on {BIG:,} records")
    vd = ttfs(
        vd_command(records_json(BIG)),
        rf"\b{BIG} rows",  # loaded
        [("/" + query, re.escape(query)), ("\r", rf"{re.escape(query)} │ {number}")],
        runs=runs,
    )
    app_step, vd_step = app[-1], vd[-1]
    if app_step is None or vd_step is None:
        who = "pilot-tui" if app_step is None else "VisiData"
        return [skipped(NAME, f"{who} timed out (no matching screen in 60 s)")]
    result = Result(NAME, app_step.median, vd_step.median, "VisiData / jump", 1.0)
    result.note = (
        f"medians; query {query!r} ({partial} then {final} matches); app runs "
        + " ".join(f"{t:.3f}" for t in app_step.runs)
        + "; vd runs "
        + " ".join(f"{t:.3f}" for t in vd_step.runs)
    )
    if app[1] is not None:
        result.details.append(
            f"app: '/' + {len(query) - 1} keys typed at once to the {partial}-match screen: "
            f"median {app[1].median:.3f} s"
        )
    return [result]


if __name__ == "__main__":
    args = parse_args(__doc__ or "")
    print_report(run(args.runs), "Benchmark 2: search")
