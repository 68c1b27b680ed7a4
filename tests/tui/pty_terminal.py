"""pilot-tui in a real pseudo-terminal: bytes written as a terminal sends them.

``run_test`` hands the app key events one by one; a real terminal hands it bytes, in
bursts, through Textual's driver and its parser (escape sequences, bracketed paste,
UTF-8 split over reads). :class:`Terminal` starts ``pilot-tui`` in a pty (stdlib ``pty``),
writes to it and reads what it draws. Every wait is bounded.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

# Escape sequences a terminal acts on (CSI, OSC, DCS, two-character ones): what is left
# is the text drawn.
ANSI = re.compile(
    r"\x1b\[[0-9;?<>=!]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1bP.*?\x1b\\|\x1b[()][0-9A-Za-z]|\x1b[=>78DEHM]"
)
WAIT = 30.0  # seconds at most for anything the app is asked to do

CTRL_A = "\x01"
CTRL_S = "\x13"
TAB = "\t"
SHIFT_TAB = "\x1b[Z"
ENTER = "\r"


def paste(text: str) -> str:
    """``text`` as a terminal sends a paste (bracketed paste mode)."""
    return f"\x1b[200~{text}\x1b[201~"


def typed(text: str) -> str:
    """``text`` as a terminal sends it typed: enter is a carriage return."""
    return text.replace("\n", "\r")


class Terminal:
    """One ``pilot-tui --store STORE`` in a pseudo-terminal of ``size`` (columns, rows)."""

    def __init__(self, store: Path, home: Path, size: tuple[int, int] = (120, 35)) -> None:
        self.store = store
        columns, rows = size
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLUMNS": str(columns),
            "LINES": str(rows),
            "PILOT_TUI_CONFIG_DIR": str(home / "config"),
            "PILOT_TUI_CACHE_DIR": str(home / "cache"),
            "PILOT_TUI_START_CACHE": "0",
        }
        env.pop("TEXTUAL", None)
        argv = [sys.executable, "-m", "pilot_tui.launcher", "--store", str(store)]
        pid, fd = pty.fork()
        if pid == 0:  # the child: become pilot-tui
            try:
                os.execve(sys.executable, argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        os.set_blocking(fd, False)
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.output = ""  # drawn since the last mark()
        self._read_stamp: tuple[int, int, int] | None = None
        self._pilots: list[dict[str, Any]] = []

    # -- reading -------------------------------------------------------------------------
    def read(self, wait: float = 0.02) -> bool:
        """Read what the app drew within ``wait`` seconds; False once it has gone."""
        ready, _, _ = select.select([self.fd], [], [], wait)
        if not ready:
            return True
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError as exc:
            return exc.errno == errno.EAGAIN  # EIO: the child closed the terminal
        if not data:
            return False
        self.output += self._decoder.decode(data)
        return True

    @property
    def text(self) -> str:
        return ANSI.sub("", self.output)

    def mark(self) -> None:
        self.output = ""

    def wait_until(self, found: Callable[[], T | None], what: str, timeout: float = WAIT) -> T:
        """Read until ``found()`` gives something (not None/False); fail after ``timeout``."""
        deadline = time.monotonic() + timeout
        while True:
            result = found()
            if result:
                return result
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"waited {timeout:.0f} s for {what}; screen: {self.text[-600:]!r}"
                )
            if not self.read() and not found():
                raise AssertionError(
                    f"pilot-tui stopped while waiting for {what}: {self.text[-600:]!r}"
                )

    def wait_for_text(self, pattern: str, timeout: float = WAIT) -> None:
        rx = re.compile(pattern)
        self.wait_until(lambda: rx.search(self.text), f"the screen to show {pattern!r}", timeout)

    # -- writing -------------------------------------------------------------------------
    def send(self, text: str) -> None:
        """Write ``text`` as one burst (one write where the terminal takes it all; the
        app's output is read meanwhile, so neither side waits for the other)."""
        data = text.encode("utf-8")
        deadline = time.monotonic() + WAIT
        while data:
            _, writable, _ = select.select([], [self.fd], [], 0.02)
            if writable:
                with contextlib.suppress(BlockingIOError):
                    data = data[os.write(self.fd, data) :]
            self.read(0)
            if time.monotonic() > deadline:
                raise AssertionError("the terminal took no more input")

    # -- the register, as the app left it on disk -----------------------------------------
    def pilots(self) -> list[dict[str, Any]]:
        """The pilots in the register file now (read again only when it changed)."""
        try:
            stat = self.store.stat()
            stamp = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
            if stamp != self._read_stamp:
                data = json.loads(self.store.read_text(encoding="utf-8"))
                self._pilots = list(data.get("pilots", {}).values())
                self._read_stamp = stamp
        except (OSError, ValueError):
            pass  # being replaced: as it was
        return self._pilots

    def close(self) -> None:
        """Stop it (every change is on disk already: the app saves each one at once)."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
