"""Terminal timings and peak memory of the programs under test: ttfs.py (a screen in a
pseudo-terminal), the peak RSS of a program up to a screen, of ``python -c``."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from tests.bench.common import REPO, SCREEN, TTFS_ENV, Timing, quiet_env, workdir

# -- terminal timings (ttfs.py) --------------------------------------------------


def ttfs_path() -> Path | None:
    """ttfs.py: $PILOT_TTFS, or shared/tools/ttfs.py beside the repository."""
    candidates = [os.environ.get(TTFS_ENV), REPO.parent / "shared" / "tools" / "ttfs.py"]
    for c in candidates:
        if c and Path(c).is_file():
            return Path(c)
    return None


def missing_tools(*, vd: bool = False) -> str | None:
    """Why the terminal timings cannot run (None: they can)."""
    if ttfs_path() is None:
        return f"ttfs.py not found (set ${TTFS_ENV} or put it at ../shared/tools/ttfs.py)"
    if importlib.util.find_spec("pyte") is None:
        return "pyte is not installed (pip install pyte)"
    if vd and importlib.util.find_spec("visidata") is None and shutil.which("vd") is None:
        return "VisiData is not installed (pip install visidata)"
    return None


def ttfs(
    cmd: Sequence[str],
    wait: str,
    steps: Sequence[tuple[str, str]] = (),
    *,
    runs: int = 5,
    timeout: float = 60.0,
    env: dict[str, str] | None = None,
) -> list[Timing | None]:
    """Time ``cmd`` in a pseudo-terminal with ttfs.py: the first screen matching ``wait``,
    then per (keys, regex) step the time from the last key sent to the matching screen.
    Returns one Timing per step (first screen first); None for a step that timed out in
    any run."""
    tool = ttfs_path()
    if tool is None:
        raise RuntimeError(missing_tools())
    argv = [sys.executable, str(tool), "--size", f"{SCREEN[0]}x{SCREEN[1]}"]
    argv += ["--runs", str(runs), "--timeout", str(timeout), "--wait", wait]
    for keys, pattern in steps:
        argv += ["--keys", keys.encode("unicode_escape").decode("ascii"), "--then", pattern]
    argv += ["--", *cmd]
    proc = subprocess.run(
        argv, capture_output=True, text=True, env=env or quiet_env(), cwd=workdir(), check=False
    )
    per_step: list[list[float | None]] = [[] for _ in range(len(steps) + 1)]
    for line in proc.stdout.splitlines():
        if not line.startswith("run "):
            continue
        fields = line.split(":", 1)[1].split()
        for i in range(len(per_step)):
            value = fields[i] if i < len(fields) else "timeout"
            per_step[i].append(None if value == "timeout" else float(value.rstrip("s")))
    if not per_step[0]:
        raise RuntimeError(f"ttfs.py failed: {proc.stderr.strip() or proc.stdout.strip()}")
    timings: list[Timing | None] = []
    for values in per_step:
        ok = [v for v in values if v is not None]
        timings.append(Timing(tuple(ok)) if ok and len(ok) == len(values) else None)
    return timings


def pty_peak_rss(
    cmd: Sequence[str], wait: str, *, timeout: float = 60.0, settle: float = 1.0
) -> float | None:
    """Peak resident memory (MB) of ``cmd`` run in a pseudo-terminal until its screen
    matches ``wait`` (plus ``settle`` seconds). Linux only (``VmHWM``); None elsewhere or
    on a timeout."""
    import fcntl
    import pty
    import select
    import signal
    import struct
    import termios

    import pyte

    cols, rows = SCREEN
    env = quiet_env()
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        env.update(TERM="xterm-256color", COLUMNS=str(cols), LINES=str(rows))
        os.chdir(workdir())
        os.execvpe(cmd[0], list(cmd), env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    screen = pyte.Screen(cols, rows)
    stream = pyte.ByteStream(screen)
    rx = re.compile(wait, re.M)
    start = time.perf_counter()
    seen_at: float | None = None
    peak: float | None = None
    try:
        while time.perf_counter() - start < timeout:
            now = time.perf_counter()
            if seen_at is None and rx.search("\n".join(screen.display)):
                seen_at = now
            if seen_at is not None and now - seen_at >= settle:
                peak = _vm_hwm(pid)
                break
            ready, _, _ = select.select([fd], [], [], 0.01)
            if ready:
                try:
                    data = os.read(fd, 1 << 16)
                except OSError:
                    break
                if not data:
                    break
                stream.feed(data)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
    return peak


def _vm_hwm(pid: int) -> float | None:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    m = re.search(r"^VmHWM:\s+(\d+) kB", text, re.M)
    return int(m[1]) / 1024 if m else None


def python_peak_rss(code: str) -> float:
    """Peak resident memory (MB) of ``python -c code`` (a fresh interpreter). On Linux
    ``VmHWM`` (ru_maxrss would include the parent's memory from before the exec)."""
    wrapped = code + (
        "\nimport re, resource, sys\n"
        "try:\n"
        "    kb = int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())[1])\n"
        "except OSError:\n"
        "    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "    kb = kb // 1024 if sys.platform == 'darwin' else kb\n"
        "sys.stdout.write('\\nPEAK %d\\n' % kb)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", wrapped],
        capture_output=True,
        text=True,
        env=quiet_env(),
        cwd=REPO,
        check=False,
    )
    m = re.search(r"^PEAK (\d+)$", proc.stdout, re.M)
    if not m:
        raise RuntimeError(proc.stderr.strip())
    return int(m[1]) / 1024
