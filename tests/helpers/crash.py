"""Kill a saving child process at a random moment and check what is left on disk.

Shared by tests/test_crash.py and tests/bench/bench_crash.py.
"""

from __future__ import annotations

import random
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from pilot_tui.atomic import temp_files
from pilot_tui.model import Register
from pilot_tui.store import Store, read_register_file, register_from_data

from .registers import full_register

ROOT = Path(__file__).resolve().parents[2]
CHILD = ROOT / "tests" / "crash_child.py"
PREFIX = "teller "


def make_crash_store(path: Path, pilots: int) -> Path:
    register = full_register(pilots, audit=0)
    register.title = f"{PREFIX}0"
    Store.create(path, register).close()
    return path


def counter_of(register: Register) -> int:
    return int(register.title.removeprefix(PREFIX))


@dataclass
class Round:
    started_at: int  # the counter in the file when the child opened it
    printed: int  # the last counter the child reported as saved
    on_disk: int  # the counter found in the file after the kill
    save_ms: list[float] = field(default_factory=list)
    temps_left: int = 0  # temporary files the kill left behind
    delay: float = 0.0

    @property
    def interrupted_save_landed(self) -> bool:
        """Killed after the file was replaced but before the child could say so."""
        return self.on_disk == self.printed + 1


class CrashCheckError(AssertionError):
    pass


def check_register(path: Path, printed: int) -> int:
    """The file must be a whole register holding the state before or after the
    interrupted save; return its counter."""
    data = read_register_file(path)  # StoreError here is a broken file
    register, _ = register_from_data(path, data)
    counter = counter_of(register)
    if counter not in (printed, printed + 1):
        raise CrashCheckError(f"teller {counter} op schijf, laatst gemeld {printed}")
    n = len(register.pilots)
    for c in (counter, counter - 1):
        if c >= 1 and (c == counter or n > 1):
            doel = register.pilots[c % n].doel
            if doel != f"{PREFIX}{c}":
                raise CrashCheckError(f"pilot {c % n} heeft doel {doel!r}, verwacht teller {c}")
    return counter


def measure_saves(path: Path, saves: int = 3, timeout: float = 600) -> list[float]:
    """Run the child for a few saves without killing it; return the save times in ms."""
    result = subprocess.run(
        [sys.executable, str(CHILD), str(path), str(saves)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        raise CrashCheckError(f"het kindproces faalde: {result.stderr.strip()[-2000:]}")
    return [float(line.split()[1]) for line in result.stdout.splitlines()[1:]]


def crash_round(path: Path, rng: random.Random, max_delay: float, timeout: float = 60) -> Round:
    """Start the child, let it save for a random while, SIGKILL it, check the file."""
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    lines: list[str] = []
    opened = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line)
            opened.set()
        opened.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    delay = rng.uniform(0, max_delay)
    try:
        if not opened.wait(timeout):
            raise CrashCheckError("het kindproces opende het register niet op tijd")
        time.sleep(delay)
    finally:
        proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows
        proc.wait(timeout)
        reader.join(timeout)
    stderr = proc.stderr.read() if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    complete = [line.split() for line in lines if line.endswith("\n")]
    if not complete or complete[0][0] != "open":
        raise CrashCheckError(f"het kindproces faalde: {stderr.strip()[-2000:]}")
    started_at = int(complete[0][1])
    saves = complete[1:]
    printed = int(saves[-1][0]) if saves else started_at
    on_disk = check_register(path, printed)
    return Round(
        started_at=started_at,
        printed=printed,
        on_disk=on_disk,
        save_ms=[float(s[1]) for s in saves],
        temps_left=len(temp_files(path)),
        delay=delay,
    )
