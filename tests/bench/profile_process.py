"""Where a whole ``pilot-tui`` command spends its time: imports (``python -X importtime``)
and the rest (cProfile), on a generated register of 10,000 pilots at the history depth of
``$PILOT_BENCH_ROUNDS``.

    python -m tests.bench.profile_process set|md|html|csv|json|since|import|tui [--top 25]

Prints: the wall time of the command and of a bare interpreter; the import time, in all
and per package (self time summed), and the slowest imports of the program's own modules
(cumulative); then cProfile's top functions by cumulative and by own time. ``tui`` gives
the imports of the app (its first screen: tests/bench/profile_startup.py). Not a benchmark
(no ratio): the tool for when bench_process is over its targets.
"""

from __future__ import annotations

import argparse
import io
import pstats
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from tests.bench.bench_process import NEXT_ROUND, PILOT, previous_peildatum
from tests.bench.common import BIG, compile_app, quiet_env, register_file, workdir

MAIN = "import sys; from pilot_tui.launcher import main; sys.exit(main())"
LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)$")


def command(what: str, source: Path) -> tuple[list[str], Path]:
    """The arguments of ``pilot-tui`` for ``what`` and the register file they use (a copy
    for the commands that write)."""
    folder = workdir() / f"profile-{what}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    if what == "set":
        store = folder / "store.json"
        shutil.copyfile(source, store)
        return ["set", "--store", str(store), PILOT, "doel=Een nieuw doel."], store
    if what in ("md", "html", "csv", "json", "since"):
        fmt = "md" if what == "since" else what
        args = ["snapshot", "--store", str(source), "--format", fmt, "--force"]
        args += ["-o", str(folder / f"out.{fmt}")]
        if what == "since":
            args += ["--since", previous_peildatum(source).isoformat()]
        return args, source
    if what == "import":
        from pilot_tui.store import Store
        from tests.bench.overview_text import make_overview_text

        text = folder / "overview.txt"
        with Store.open(source, readonly=True) as opened:
            text.write_text(make_overview_text(opened.register), encoding="utf-8")
        return ["import", "--store", str(folder / "store.json"), str(text)], source
    if what == "update":
        from pilot_tui.store import Store
        from tests.bench.overview_text import make_overview_text

        text = folder / "overview.txt"
        with Store.open(source, readonly=True) as opened:
            text.write_text(make_overview_text(opened.register), encoding="utf-8")
        store_copy = folder / "store.json"
        shutil.copyfile(source, store_copy)
        args = ["import", "--store", str(store_copy), "--update", "--peildatum", NEXT_ROUND]
        return [*args, str(text)], store_copy
    raise SystemExit(f"unknown command {what!r}")


def wall(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=quiet_env(), cwd=workdir(), capture_output=True, check=True)
    return time.perf_counter() - start


def import_times(argv: list[str], top: int) -> list[str]:
    proc = subprocess.run(
        argv, env=quiet_env(), cwd=workdir(), capture_output=True, text=True, check=False
    )
    rows = [m.groups() for m in map(LINE.match, proc.stderr.splitlines()) if m]
    total = sum(int(own) for own, _cum, _ind, _name in rows)
    per_package: Counter[str] = Counter()
    for own, _cum, _indent, name in rows:
        per_package[name.split(".")[0]] += int(own)
    out = [f"imports: {total / 1000:.0f} ms in all, {len(rows)} modules; by package (self):"]
    out += [f"  {us / 1000:7.1f} ms  {pkg}" for pkg, us in per_package.most_common(top)]
    own = sorted(
        ((int(cum), len(ind), name) for _o, cum, ind, name in rows if name.startswith("pilot_tui")),
        reverse=True,
    )
    out.append("the program's own modules (cumulative, with what they import):")
    out += [f"  {cum / 1000:7.1f} ms  {name}" for cum, _depth, name in own[:top]]
    return out


def profile(argv: list[str], top: int) -> list[str]:
    out_file = workdir() / "profile.out"
    subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(out_file), *argv],
        env=quiet_env(),
        cwd=workdir(),
        capture_output=True,
        check=False,
    )
    lines = []
    for key in ("cumulative", "tottime"):
        buffer = io.StringIO()
        stats = pstats.Stats(str(out_file), stream=buffer).strip_dirs().sort_stats(key)
        stats.print_stats(top)
        lines.append(f"-- cProfile, by {key}")
        lines += [line for line in buffer.getvalue().splitlines() if line.strip()][3:]
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("what", choices=("set", "md", "html", "csv", "json", "since", "import",
                                     "update", "tui"))  # fmt: skip
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--no-profile", action="store_true", help="imports only")
    args = ap.parse_args()
    compile_app()
    source = register_file(BIG)
    bare = min(wall([sys.executable, "-c", "pass"]) for _ in range(3))
    print(f"register {source.name}: {source.stat().st_size / 1e6:.0f} MB")
    print(f"bare interpreter (python -c pass): {bare * 1000:.0f} ms")
    if args.what == "tui":
        code = "import pilot_tui.tui.app"
        print("\n".join(import_times([sys.executable, "-X", "importtime", "-c", code], args.top)))
        return
    argv, _store = command(args.what, source)
    run = [sys.executable, "-c", MAIN, *argv]
    took = wall(run)
    print(f"pilot-tui {' '.join(argv[:1])} ({args.what}): {took:.2f} s wall")
    argv, _store = command(args.what, source)  # a fresh copy: set writes
    print(
        "\n".join(import_times([sys.executable, "-X", "importtime", "-c", MAIN, *argv], args.top))
    )
    if not args.no_profile:
        argv, _store = command(args.what, source)
        print("\n".join(profile(["-m", "pilot_tui.launcher", *argv], args.top)))


if __name__ == "__main__":
    main()
