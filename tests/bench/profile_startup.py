"""Where the start-up time goes: pilot-tui on a generated register, headless, stopped right
after its first screen is painted, under cProfile; prints the phases and the top functions.

    python -m tests.bench.profile_startup [N] [--top 30] [--sort cumulative|tottime]

Not a benchmark (no ratio): the tool for when bench_startup is over its target. cProfile
sees the main thread only; time spent waiting for a worker thread shows up as select/poll.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import time
from pathlib import Path, PurePath

from tests.bench.common import BIG, fresh_copy, quiet_env


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=BIG)
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--no-profile", action="store_true", help="phase times only")
    ap.add_argument("--sort", default="cumulative", choices=("cumulative", "tottime"))
    args = ap.parse_args()
    os.environ.update(quiet_env())
    path = fresh_copy(args.n, "profile")

    t0 = time.perf_counter()
    from pilot_tui.store import Store
    from pilot_tui.tui import app as app_module
    from pilot_tui.tui.app import PilotApp

    # Textual looks for a relative CSS_PATH beside the subclass's module: the app's own
    # files, as paths (CSS_PATH is one path or a list of them)
    here = Path(app_module.__file__).parent
    css = PilotApp.CSS_PATH
    own_css: list[str | PurePath] = [
        here / p for p in ([] if css is None else [css] if isinstance(css, str | PurePath) else css)
    ]

    class FirstScreenOnly(PilotApp):
        CSS_PATH = own_css

        painted_at = 0.0

        def fill_main_screen(self) -> None:
            super().fill_main_screen()
            self.call_after_refresh(self._painted)

        def _painted(self) -> None:
            FirstScreenOnly.painted_at = time.perf_counter()
            self.exit()

    phases: list[tuple[str, float]] = [("import the app", time.perf_counter() - t0)]
    profile = cProfile.Profile()
    if not args.no_profile:
        profile.enable()
    t = time.perf_counter()
    store = Store.open(path)
    phases.append(("Store.open (incl. the daily backup)", time.perf_counter() - t))
    t = time.perf_counter()
    app = FirstScreenOnly(store)
    phases.append(("PilotApp.__init__ (search index)", time.perf_counter() - t))
    t = time.perf_counter()
    app.run(headless=True, size=(120, 35))
    phases.append(("run to the first screen (headless)", FirstScreenOnly.painted_at - t))
    phases.append(
        ("exit (waits for worker threads)", time.perf_counter() - FirstScreenOnly.painted_at)
    )
    profile.disable()
    store.close()
    for name, seconds in phases:
        print(f"{seconds:8.3f} s  {name}")
    if args.no_profile:
        return
    print()
    pstats.Stats(profile).strip_dirs().sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
