"""Whole-process benchmarks: each ``pilot-tui`` command as a user meets it (Python start-up,
imports, reading the register, the work, writing), against a bare Python process doing
the baseline on the same file, at 10,000 pilots.

The commands and their baselines (tests/bench/baseline.py, a real script), targets as in
the scale issue:

* ``pilot-tui set PILOT doel=…`` (one field, saved) vs a json.load + json.dump process
  (≤ 1.0×); each run saves another value, after one untimed run that makes the daily
  backup (as the first command of a day does);
* ``pilot-tui snapshot --format md|html|csv|json`` vs a json.load process (md ≤ 3×, the
  others ≤ 2.5×), and md with ``--since`` the round before (≤ 3×);
* ``pilot-tui import`` of the overview text (tests/bench/overview_text.py) into a new
  register vs json.load of the register it wrote (≤ 5×);
* ``pilot-tui import --update`` of that text as the next round's document into the
  register itself (a fresh copy for every run, not timed) vs json.load of the register it
  wrote (no target: for the record, and for history depth).

Fair to each: every run is a process of its own, started by tests/bench/launch.py (wall
time from the fork to the exit, and the peak RSS of that process alone); the app's modules
are compiled to bytecode first (see common.compile_app); ``pilot-tui`` is the script pip
wrote beside this interpreter; the runs are interleaved (each round runs every program
once, in an order that rotates) so that other load on the machine weighs on all alike.
Printed: the median, and the min–max of the per-round ratios; the peak RSS of each
command against its baseline's, for the record.

    python -m tests.bench.bench_process [--runs N]
    PILOT_BENCH_ROUNDS=10 python -m tests.bench.bench_process   # at history depth 10
    python -m tests.bench.bench_process --depths 1,10 [--imports]

``--depths 1,10``: every command at both history depths, interleaved in the same rounds,
10 rounds against 1 (time ≤ 1.3×, peak RSS ≤ 1.5×): steadier than comparing two runs of
``run_all --depths``, made one after the other under whatever load the machine had.

From a clean checkout: ``pip install -e '.[test]'``.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tests.bench.common import (
    BIG,
    Result,
    compile_app,
    depth,
    log,
    paired_range,
    pilot_cli,
    print_report,
    quiet_env,
    register_file,
    workdir,
)

HERE = Path(__file__).parent
LAUNCH = HERE / "launch.py"
BASELINE = HERE / "baseline.py"
PILOT = "p05000"  # the pilot `set` changes
FORMATS = ("md", "html", "csv", "json")
TARGETS = {"md": 3.0, "html": 2.5, "csv": 2.5, "json": 2.5}
NEXT_ROUND = "2022-06-01"  # the peildatum `import --update` reads the document for


@dataclass
class Runs:
    """Seconds and peak RSS (MB) of each run of one program."""

    seconds: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)


@dataclass
class Program:
    command: Callable[[int], list[str]]  # the command of round i
    before: Callable[[], None] | None = None  # untimed, before each run


def launch(cmd: list[str], name: str) -> dict[str, float]:
    """One timed run of ``cmd`` (see tests/bench/launch.py)."""
    errors = workdir() / f"stderr-{name.replace(' ', '_').replace('/', '_')}.txt"
    proc = subprocess.run(
        [sys.executable, str(LAUNCH), "--stderr", str(errors), "--", *cmd],
        capture_output=True,
        text=True,
        env=quiet_env(),
        cwd=workdir(),
        check=False,
    )
    if proc.returncode:
        raise RuntimeError(f"launch.py failed: {proc.stderr.strip()[-300:]}")
    found: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    if found["rc"]:
        tail = errors.read_text(encoding="utf-8", errors="replace").strip()[-300:]
        raise RuntimeError(f"{name}: exit code {found['rc']:g}: {tail}")
    return found


def interleaved(programs: dict[str, Program], runs: int) -> dict[str, Runs]:
    names = list(programs)
    found = {name: Runs() for name in names}
    for round_ in range(runs):
        turn = round_ % len(names)
        for name in names[turn:] + names[:turn]:
            program = programs[name]
            if program.before is not None:
                program.before()
            one = launch(program.command(round_), name)
            found[name].seconds.append(one["seconds"])
            found[name].peaks.append(one["peak_mb"])
    return found


def baseline(what: str, *paths: Path) -> list[str]:
    return [sys.executable, str(BASELINE), what, *map(str, paths)]


def compare(
    name: str, value: Runs, base: Runs, base_name: str, target: float | None
) -> list[Result]:
    """The time line and the peak-RSS line of one command against its baseline."""
    timed = Result(
        name,
        statistics.median(value.seconds),
        statistics.median(base.seconds),
        base_name,
        target,
        note=f"runs {min(value.seconds):.2f}–{max(value.seconds):.2f} s, baseline "
        f"{min(base.seconds):.2f}–{max(base.seconds):.2f} s",
        ratio_range=paired_range(value.seconds, base.seconds),
    )
    memory = Result(
        f"{name}: peak RSS",
        statistics.median(value.peaks),
        statistics.median(base.peaks),
        base_name,
        None,
        unit="MB",
        ratio_range=paired_range(value.peaks, base.peaks),
    )
    return [timed, memory]


def previous_peildatum(path: Path) -> date:
    """The round before the register's latest (half a year before when there is none)."""
    with open(path, encoding="utf-8") as fh:
        meta = next(iter(json.load(fh)["meta"].values()))
    peildata = sorted(date.fromisoformat(d) for d in meta["peildata"])
    if len(peildata) > 1:
        return peildata[-2]
    latest = peildata[-1]
    if latest.month > 6:
        return latest.replace(month=latest.month - 6)
    return latest.replace(year=latest.year - 1, month=latest.month + 6)


def bench_set(source: Path, runs: int) -> list[Result]:
    folder = workdir() / "process-set"
    folder.mkdir(exist_ok=True)
    store = folder / "store.json"
    shutil.copyfile(source, store)
    out = folder / "load-dump.json"

    def edit(i: int) -> list[str]:
        return pilot_cli("set", "--store", str(store), PILOT, f"doel=Nieuw doel, ronde {i}.")

    log("pilot-tui set: one untimed run (the daily backup)")
    launch(edit(-1), "set")
    programs = {
        "set": Program(edit),
        "load+dump": Program(lambda _: baseline("load-dump", store, out)),
    }
    log(f"pilot-tui set vs json.load+dump, interleaved ({runs} rounds)")
    found = interleaved(programs, runs)
    return compare(
        "pilot-tui set (one field)", found["set"], found["load+dump"], "json load+dump", 1.0
    )


def bench_snapshot(source: Path, runs: int) -> list[Result]:
    folder = workdir() / "process-snapshot"
    folder.mkdir(exist_ok=True)
    since = previous_peildatum(source).isoformat()

    def snapshot(fmt: str, *extra: str) -> Program:
        out = folder / f"out{'-since' if extra else ''}.{fmt}"
        cmd = pilot_cli("snapshot", "--store", str(source), "--format", fmt, "-o", str(out))
        return Program(lambda _: [*cmd, *extra, "--force"])

    programs = {fmt: snapshot(fmt) for fmt in FORMATS}
    programs["md --since"] = snapshot("md", "--since", since)
    programs["json.load"] = Program(lambda _: baseline("load", source))
    log(f"pilot-tui snapshot {', '.join(FORMATS)}, md --since {since} vs json.load ({runs} rounds)")
    found = interleaved(programs, runs)
    results: list[Result] = []
    for fmt in FORMATS:
        results += compare(
            f"pilot-tui snapshot {fmt}", found[fmt], found["json.load"], "json.load", TARGETS[fmt]
        )
    results += compare(
        f"pilot-tui snapshot md --since {since}",
        found["md --since"],
        found["json.load"],
        "json.load",
        3.0,
    )
    return results


def bench_import(source: Path, runs: int, *, new_register: bool = True) -> list[Result]:
    from pilot_tui.store import Store
    from tests.bench.overview_text import make_overview_text

    folder = workdir() / "process-import"
    folder.mkdir(exist_ok=True)
    text = folder / f"overview-{source.stem}.txt"
    if not text.exists():
        with Store.open(source, readonly=True) as store:
            text.write_text(make_overview_text(store.register), encoding="utf-8")
    new_folder, update_folder = folder / "new", folder / "update"
    new_store, updated = new_folder / "store.json", update_folder / "store.json"

    def clean_new() -> None:
        shutil.rmtree(new_folder, ignore_errors=True)
        new_folder.mkdir()

    def fresh_update() -> None:
        shutil.rmtree(update_folder, ignore_errors=True)
        update_folder.mkdir()
        shutil.copyfile(source, updated)

    new_cmd = pilot_cli("import", "--store", str(new_store), str(text))
    update_cmd = pilot_cli(
        "import", "--store", str(updated), "--update", "--peildatum", NEXT_ROUND, str(text)
    )
    # what each wrote, for the baselines (json.load of the result)
    new_result, update_result = folder / "new-result.json", folder / "update-result.json"
    log("pilot-tui import: untimed runs for the results the baselines load")
    programs: dict[str, Program] = {}
    if new_register:
        clean_new()
        launch(new_cmd, "import")
        shutil.copyfile(new_store, new_result)
        programs["import"] = Program(lambda _: new_cmd, clean_new)
        programs["json.load (new)"] = Program(lambda _: baseline("load", new_result))
    fresh_update()
    launch(update_cmd, "import --update")
    shutil.copyfile(updated, update_result)
    programs["import --update"] = Program(lambda _: update_cmd, fresh_update)
    programs["json.load (updated)"] = Program(lambda _: baseline("load", update_result))
    log(f"pilot-tui import ({', '.join(programs)}), interleaved ({runs} rounds)")
    found = interleaved(programs, runs)
    results: list[Result] = []
    if new_register:
        results += compare(
            "pilot-tui import, overview text → new register",
            found["import"],
            found["json.load (new)"],
            "json.load of the result",
            5.0,
        )
    results += compare(
        f"pilot-tui import --update, next round ({NEXT_ROUND})",
        found["import --update"],
        found["json.load (updated)"],
        "json.load of the result",
        None,
    )
    return results


def run(runs: int = 5) -> list[Result]:
    compile_app()
    source = register_file(BIG)
    log(f"register: {source.stat().st_size / 1e6:.0f} MB")
    results = bench_set(source, runs)
    results += bench_snapshot(source, runs)
    # about 20 s a run: at most 3 rounds. The new register's import reads the same text at
    # every depth (the pilots as they are now): measured at depth 1 (and the old register)
    rounds = depth()
    results += bench_import(source, min(runs, 3), new_register=rounds is None or rounds <= 1)
    return results


def run_depths(runs: int, shallow: int, deep: int, *, imports: bool = False) -> list[Result]:
    """Each command on the register with ``deep`` rounds of history against the same
    command on the one with ``shallow`` rounds, interleaved in the same rounds (so that
    the machine's load weighs on both alike): time at most 1.3x, peak RSS at most 1.5x."""
    compile_app()
    sources = {r: register_file(BIG, r) for r in (shallow, deep)}
    programs: dict[str, Program] = {}
    for r, source in sources.items():
        folder = workdir() / f"depth-{r}"
        folder.mkdir(exist_ok=True)
        store = folder / "store.json"
        shutil.copyfile(source, store)
        edit = pilot_cli("set", "--store", str(store), PILOT)
        launch([*edit, "doel=Eerste."], "set")  # the daily backup, untimed
        programs[f"set {r}"] = Program(_numbered(edit))
        since = previous_peildatum(source).isoformat()
        for fmt, extra in [(f, ()) for f in FORMATS] + [("md", ("--since", since))]:
            out = folder / f"out{'-since' if extra else ''}.{fmt}"
            cmd = pilot_cli("snapshot", "--store", str(source), "--format", fmt, "-o", str(out))
            name = f"snapshot {fmt}{' --since' if extra else ''} {r}"
            programs[name] = Program(_fixed([*cmd, *extra, "--force"]))
        programs[f"json.load {r}"] = Program(_fixed(baseline("load", source)))
    log(f"each command at {shallow} and {deep} rounds, interleaved ({runs} rounds)")
    found = interleaved(programs, runs)
    if imports:
        found |= _import_depths(sources, runs)
    results: list[Result] = []
    labels = [k.rsplit(" ", 1)[0] for k in programs if k.endswith(f" {shallow}")]
    labels += ["import --update"] if imports else []
    for label in labels:
        a, b = found[f"{label} {deep}"], found[f"{label} {shallow}"]
        name = f"{label}: {deep} rounds vs {shallow}"
        results.append(
            Result(
                name,
                statistics.median(a.seconds),
                statistics.median(b.seconds),
                f"{shallow} round(s)",
                1.3,
                ratio_range=paired_range(a.seconds, b.seconds),
            )
        )
        results.append(
            Result(
                f"{name}: peak RSS",
                statistics.median(a.peaks),
                statistics.median(b.peaks),
                f"{shallow} round(s)",
                1.5,
                unit="MB",
                ratio_range=paired_range(a.peaks, b.peaks),
            )
        )
    return results


def _fixed(cmd: list[str]) -> Callable[[int], list[str]]:
    return lambda _round: cmd


def _numbered(edit: list[str]) -> Callable[[int], list[str]]:
    """``set`` with another value in every round (an unchanged value saves nothing)."""
    return lambda i: [*edit, f"doel=Doel {i}."]


def _import_depths(sources: dict[int, Path], runs: int) -> dict[str, Runs]:
    """``import --update`` of the next round's document at each depth, interleaved."""
    from pilot_tui.store import Store
    from tests.bench.overview_text import make_overview_text

    programs: dict[str, Program] = {}
    for r, source in sources.items():
        folder = workdir() / f"depth-import-{r}"
        folder.mkdir(exist_ok=True)
        text = folder / "overview.txt"
        with Store.open(source, readonly=True) as opened:
            text.write_text(make_overview_text(opened.register), encoding="utf-8")
        target = folder / "store" / "store.json"
        cmd = pilot_cli(
            "import", "--store", str(target), "--update", "--peildatum", NEXT_ROUND, str(text)
        )

        def fresh(target: Path = target, source: Path = source) -> None:
            shutil.rmtree(target.parent, ignore_errors=True)
            target.parent.mkdir()
            shutil.copyfile(source, target)

        programs[f"import --update {r}"] = Program(_fixed(cmd), fresh)
    log(f"import --update at each depth, interleaved ({runs} rounds)")
    return interleaved(programs, runs)


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--depths", default="", help="e.g. 1,10: each command at both, interleaved")
    ap.add_argument("--imports", action="store_true", help="with --depths: import --update too")
    args = ap.parse_args()
    if args.depths:
        shallow, deep = (int(d) for d in args.depths.split(","))
        title = f"Whole-process benchmarks: history depth {deep} against {shallow}"
        print_report(run_depths(args.runs, shallow, deep, imports=args.imports), title)
    else:
        print_report(run(args.runs), "Whole-process benchmarks")
