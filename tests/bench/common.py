"""Shared helpers of the benchmarks: timing, registers in a temp dir, ratio reports.

Benchmarks never assert on time. Each one measures the code under test and a baseline in
the same run, on the same machine, and prints the ratio next to the target of the scale
issue::

    name                               value    baseline   ratio  target  verdict
    save one pilot (10,000)          812.0 ms   301.2 ms   2.70x  ≤1.5x   OVER

Needs, from a clean checkout: ``pip install -e '.[test]'`` and ``pip install pyte visidata``
(pyte for the terminal timings, visidata for its baselines). Registers are generated in a
temp dir (removed at exit; ``PILOT_BENCH_KEEP=1`` keeps it and prints where it is).
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import functools
import gc
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
TTFS_ENV = "PILOT_TTFS"  # path of ttfs.py, the terminal timer (see terminal.py)
SCREEN = (120, 35)  # terminal size for every terminal timing
BIG = 10_000
SMALL = 33


# -- timing ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Timing:
    """Seconds of each run; ``best`` and ``median`` of them."""

    runs: tuple[float, ...]

    @property
    def best(self) -> float:
        return min(self.runs)

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    def __str__(self) -> str:
        return f"best {fmt_seconds(self.best)}, median {fmt_seconds(self.median)} ({len(self.runs)} runs)"


def measure(
    fn: Callable[[Any], object],
    *,
    runs: int = 5,
    setup: Callable[[], Any] | None = None,
    warmup: int = 0,
) -> Timing:
    """Time ``fn(setup())`` ``runs`` times (``setup`` is not timed; garbage collection is
    done before, not during, each run, as ``timeit`` does)."""
    times: list[float] = []
    for i in range(warmup + runs):
        arg = setup() if setup is not None else None
        gc.collect()
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            start = time.perf_counter()
            fn(arg)
            elapsed = time.perf_counter() - start
        finally:
            if was_enabled:
                gc.enable()
        if i >= warmup:
            times.append(elapsed)
    return Timing(tuple(times))


def paired_range(value: Sequence[float], baseline: Sequence[float]) -> tuple[float, float]:
    """Min and max of ``value[i] / baseline[i]``: the ratios of interleaved rounds."""
    ratios = [v / b for v, b in zip(value, baseline, strict=False) if b]
    return (min(ratios), max(ratios)) if ratios else (0.0, 0.0)


def fmt_seconds(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


# -- results and the report ----------------------------------------------------------------


@dataclass
class Result:
    """One line of the report: a measured value against a baseline of the same run."""

    name: str
    value: float | None  # seconds (unit "s") or megabytes (unit "MB"); None: not measured
    baseline: float | None = None
    baseline_name: str = ""
    target: float | None = None  # the ratio the issue asks for (value / baseline ≤ target)
    unit: str = "s"
    note: str = ""
    details: list[str] = field(default_factory=list)
    # min and max of the per-round ratios (value and baseline of the same round)
    ratio_range: tuple[float, float] | None = None

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.baseline:
            return None
        return self.value / self.baseline

    @property
    def verdict(self) -> str:
        if self.value is None:
            return "SKIP"
        ratio = self.ratio
        if self.target is None or ratio is None:
            return "-"
        return "OK" if ratio <= self.target else "OVER"

    def fmt(self, value: float | None) -> str:
        if value is None:
            return "-"
        if self.unit == "s":
            return fmt_seconds(value)
        return f"{value:.1f} {self.unit}"


def skipped(name: str, reason: str) -> Result:
    return Result(name, None, note=reason)


def report(results: Sequence[Result], title: str = "") -> str:
    """The table ``name  value  baseline  ratio  target  OK/OVER`` (and notes below it)."""
    head = ("benchmark", "value", "baseline", "ratio", "min–max", "target", "verdict")
    rows = [head]
    for r in results:
        ratio = r.ratio
        low_high = "-" if r.ratio_range is None else "{:.2f}–{:.2f}x".format(*r.ratio_range)
        rows.append(
            (
                r.name,
                r.fmt(r.value),
                r.fmt(r.baseline) + (f" ({r.baseline_name})" if r.baseline_name else ""),
                "-" if ratio is None else f"{ratio:.2f}x",
                low_high,
                "-" if r.target is None else f"≤{r.target:g}x",
                r.verdict,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = []
    if title:
        lines += [title, "=" * len(title)]
    for n, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(w) for cell, w in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    notes = [(r.name, text) for r in results for text in ([r.note] if r.note else []) + r.details]
    if notes:
        lines.append("")
        lines += [f"  {name}: {text}" for name, text in notes]
    return "\n".join(lines)


def print_report(results: Sequence[Result], title: str = "") -> None:
    print(report(results, title), flush=True)


def parse_args(description: str, argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (default 5)")
    parser.add_argument(
        "--quick", action="store_true", help="fewer runs (3), for a first look; noisier"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.runs = min(args.runs, 3)
    return args


def log(text: str) -> None:
    print(f"  … {text}", file=sys.stderr, flush=True)


# -- registers in a temp dir ----------------------------------------------------------------

_WORKDIR: Path | None = None


def workdir() -> Path:
    """One temp dir per process for generated registers and outputs."""
    global _WORKDIR
    if _WORKDIR is None:
        _WORKDIR = Path(tempfile.mkdtemp(prefix="pilot-bench-"))
        if os.environ.get("PILOT_BENCH_KEEP"):
            print(f"(bench files kept in {_WORKDIR})", file=sys.stderr)
        else:
            atexit.register(shutil.rmtree, _WORKDIR, ignore_errors=True)
    return _WORKDIR


DEPTH_ENV = "PILOT_BENCH_ROUNDS"  # history depth of the generated registers (see depth())
KEEP_REGISTERS_ENV = "PILOT_BENCH_REGISTERS"  # a folder to keep generated registers in


def depth() -> int | None:
    """The history depth the benchmarks run at: ``$PILOT_BENCH_ROUNDS`` rounds (set by
    ``run_all --depths``), or None for the three-peildata register of
    :func:`tests.bench.generate.make_register`."""
    value = os.environ.get(DEPTH_ENV, "").strip()
    return int(value) if value else None


def depth_label(rounds: int | None = None) -> str:
    rounds = depth() if rounds is None else rounds
    return "3 peildata (no earlier field values)" if rounds is None else f"{rounds} round(s)"


def register_file(n: int, rounds: int | None = None) -> Path:
    """A generated register of ``n`` pilots at history depth ``rounds`` (default:
    :func:`depth`), made once per process; treat as read-only: use :func:`fresh_copy`
    for anything that opens it for writing. With ``$PILOT_BENCH_REGISTERS`` set, kept in
    that folder between runs (the generator's source is part of the name)."""
    rounds = depth() if rounds is None else rounds
    suffix = "" if rounds is None else f"-r{rounds}"
    keep = os.environ.get(KEEP_REGISTERS_ENV)
    folder = Path(keep) / _generator_version() if keep else workdir() / "registers"
    path = folder / f"register-{n}{suffix}.json"
    if not path.exists():
        from tests.bench.generate import write_register

        folder.mkdir(parents=True, exist_ok=True)
        log(f"generating a register of {n:,} pilots, {depth_label(rounds)}")
        partial = path.with_name(f".{path.name}.tmp-{os.getpid()}")
        write_register(n, partial, rounds=rounds)
        os.replace(partial, path)
    return path


@functools.cache
def _generator_version() -> str:
    """A short hash of the generator's sources: registers kept between runs are made again
    when the generator changed."""
    import hashlib

    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in ("generate.py", "history.py"):
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:12]


_copies = 0


def fresh_copy(n: int, label: str = "copy") -> Path:
    """A copy of the ``n``-pilot register in a folder of its own (a writable open puts a
    lock file and a backup folder beside it)."""
    global _copies
    _copies += 1
    folder = workdir() / f"{label}-{n}-{_copies}"
    folder.mkdir()
    target = folder / "store.json"
    shutil.copyfile(register_file(n), target)  # at the current depth()
    return target


def cache_home() -> Path:
    """The ``XDG_CACHE_HOME`` of the programs under test (in the temp dir): where the app
    keeps its start cache during a benchmark."""
    path = workdir() / "home" / "cache"
    path.mkdir(parents=True, exist_ok=True)
    return path


def quiet_env(**extra: str) -> dict[str, str]:
    """Environment for the programs under test: settings, cache and home in the temp dir,
    so a run neither reads nor writes the user's configuration or cache. ``extra`` is added
    on top (e.g. ``PILOT_TUI_START_CACHE="0"``)."""
    home = workdir() / "home"
    (home / "config").mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    # The user's own cache settings must not leak into a run: the cache dir then comes
    # from XDG_CACHE_HOME below, and the start cache is on unless a benchmark says not.
    for name in ("PILOT_TUI_CACHE_DIR", "PILOT_TUI_START_CACHE"):
        env.pop(name, None)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(cache_home()),
        PILOT_TUI_CONFIG_DIR=str(home / "config" / "pilot-tui"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    )
    env.update(extra)
    return env


def cache_files() -> dict[Path, int]:
    """The files under :func:`cache_home` and their ``mtime_ns``: compare two of these to
    see whether a run wrote its start cache."""
    found: dict[Path, int] = {}
    for path in cache_home().rglob("*"):
        with contextlib.suppress(OSError):
            if path.is_file():
                found[path] = path.stat().st_mtime_ns
    return found


# -- what the app shows ----------------------------------------------------------------------


@functools.cache
def app_rows(path: Path) -> list[Any]:
    """The rows of the app's first screen, in its order (attention sort, latest peildatum,
    default window, no filter): :class:`pilot_tui.tui.view.Row` objects."""
    from pilot_tui.attention import assess_all
    from pilot_tui.store import Store
    from pilot_tui.tui.settings import default_window
    from pilot_tui.tui.view import Filter, SortOrder, make_row, select

    with Store.open(path, readonly=True) as store:
        register = store.register
    peildatum = register.latest_peildatum() or date.today()  # as the app does
    assessed = assess_all(register, peildatum, default_window())
    shown = select(assessed, {}, (), Filter(), SortOrder.ATTENTION)
    return [make_row(a) for a in shown]


def pilot_number(name: str) -> str:
    """The "Pilot 01234" prefix of a generated name: short enough to survive truncation."""
    m = re.match(r"Pilot \d{5}", name)
    return m[0] if m else name[:11]


def first_screen_pattern(names: Sequence[str], last: int = 20) -> str:
    """A regex for "the first screen is painted": the first and the ``last``-th row (or
    the last row, when there are fewer) are both visible, in that order."""
    first = re.escape(pilot_number(names[0]))
    end = re.escape(pilot_number(names[min(last, len(names)) - 1]))
    return f"(?s){first}.*{end}" if first != end else first


# -- the programs compared ---------------------------------------------------------------------


def _script(name: str) -> str | None:
    """The console script ``name`` of this interpreter: the one beside ``sys.executable``,
    else the first on PATH.

    Beside ``sys.executable`` comes first because what PATH finds may be a wrapper rather
    than the program: with pyenv, ``shutil.which("pilot-tui")`` is a bash shim in
    ~/.pyenv/shims that starts bash and pyenv before Python (~70 ms here), time that is no
    part of the program's start-up, while the minimal Textual baseline is run with
    ``sys.executable`` directly. The script beside the interpreter is the one pip wrote,
    with that interpreter in its ``#!`` line."""
    beside = Path(sys.executable).parent / name
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which(name)


def app_command(store: Path) -> list[str]:
    """``pilot-tui --store PATH``: the installed script (see :func:`_script`), else
    ``python -m pilot_tui.cli``. Call :func:`compile_app` once before timing it."""
    script = _script("pilot-tui")
    if script:
        return [script, "--store", str(store)]
    return [sys.executable, "-m", "pilot_tui.cli", "--store", str(store)]


def pilot_cli(*args: str) -> list[str]:
    """``pilot-tui ARGS…``: the installed script (see :func:`_script`), else ``python -m
    pilot_tui.cli``. Call :func:`compile_app` once before timing it."""
    script = _script("pilot-tui")
    return [script, *args] if script else [sys.executable, "-m", "pilot_tui.cli", *args]


def vd_command(path: Path) -> list[str]:
    """VisiData on a file, without the user's .visidatarc or plugins: the installed ``vd``
    script (see :func:`_script`), else ``python -m visidata``."""
    script = _script("vd")
    argv = [script] if script else [sys.executable, "-m", "visidata"]
    return [*argv, "-N", str(path)]


@functools.cache
def compile_app() -> None:
    """Compile the app's modules to bytecode (``pilot_tui/**/__pycache__``, ignored by
    git), once per process, before the app is timed.

    An installed app has ``.pyc`` files after its first run, and textual and visidata in
    site-packages have them from pip. The app here is an editable install of this
    checkout, and with ``PYTHONDONTWRITEBYTECODE=1`` (set on some machines) its modules
    would be compiled from source on every start (~100 ms), which no user sees.
    ``compileall`` writes the ``.pyc`` files even so; the app then reads them (that
    variable only stops writing). Not ``PYTHONPYCACHEPREFIX``: that hides the ``.pyc``
    files of site-packages too and makes every program slower. Once per process because
    the sources may be edited between benchmark runs (a stale ``.pyc`` is recompiled in
    memory, i.e. timed as slow again)."""
    proc = subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(REPO / "pilot_tui")],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode:
        log(f"compileall pilot_tui failed: {(proc.stdout + proc.stderr).strip()[-300:]}")


def records_json(n: int) -> Path:
    """The ``n`` pilots as a JSON list of records (the register's own pilot documents),
    in the app's first-screen order, with id, name, status and looptijd as the first
    columns: what VisiData is given. Made once per process."""
    import json

    from pilot_tui.store import Store

    source = register_file(n)
    path = workdir() / "registers" / f"records-{source.stem}.json"
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    order = {row.pilot_id: i for i, row in enumerate(app_rows(source))}
    with Store.open(source, readonly=True) as store:
        pilots = sorted(store.register.pilots, key=lambda p: order[p.id])
    records = []
    for pilot in pilots:
        doc = pilot.to_dict()
        first = {k: doc.pop(k) for k in ("id", "name", "status", "looptijd")}
        records.append(first | doc)
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


def json_load(path: Path) -> Any:
    """The baseline of most benchmarks: ``json.load`` of a file."""
    import json

    with open(path, encoding="utf-8") as fh:
        return json.load(fh)
