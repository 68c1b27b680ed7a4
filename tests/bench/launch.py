"""Run one command, print its wall time, peak resident memory and exit code as JSON.

    python tests/bench/launch.py [--stderr FILE] -- COMMAND...

What the whole-process benchmarks start for every timed run. A launcher of its own so
that the peak RSS is the command's: Linux counts in a child's ``ru_maxrss`` the memory of
the process it was forked from (up to its exec), and the benchmark that starts the runs
holds registers in memory; this launcher is a bare interpreter, smaller than any command
it starts. The time is from just before the fork to the end of the command (as a shell
sees it), the same for the command and its baseline.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def main(argv: list[str]) -> int:
    stderr_path = None
    if argv[:1] == ["--stderr"]:
        stderr_path, argv = argv[1], argv[2:]
    if argv[:1] == ["--"]:
        argv = argv[1:]
    with open(stderr_path or os.devnull, "wb") as stderr:
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr
        )
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    peak_kb = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    found = {"seconds": seconds, "peak_mb": peak_kb / 1024, "rc": proc.returncode}
    print(json.dumps(found))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
