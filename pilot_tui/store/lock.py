"""One writer at a time: the lock file beside the register.

A writable open takes ``.<name>.lock`` beside the real file (a link is followed, so two
names of one register share the lock) with filelock; a second writer gets
:class:`StoreLocked` at once or after a timeout, and may open read-only instead. The app
says beside the lock that it holds it (:func:`holder_path`), so that a command-line
writer can say so instead of waiting. A file without write permission is refused for
writing before any lock is taken.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from pilot_tui.atomic import WRITE_PROTECTED, os_reason, write_protected
from pilot_tui.files import real_path
from pilot_tui.store.errors import StoreError, StoreLocked, StoreWriteProtected

if TYPE_CHECKING:
    from filelock import FileLock


def lock_path(path: Path) -> Path:
    path = real_path(path)
    return path.with_name(f".{path.name}.lock")


def holder_path(path: Path) -> Path:
    """Beside the lock: who holds it, when it is the app (read only while it is held)."""
    lock = lock_path(path)
    return lock.with_name(lock.name + ".info")


def app_holder(path: Path) -> int | None:
    """The process id of a running app that announced it holds the register's lock."""
    try:
        text = holder_path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    kind, _sep, pid_text = text.strip().partition(" ")
    if kind != "app" or not pid_text.isdigit():
        return None
    pid = int(pid_text)
    try:
        os.kill(pid, 0)  # alive? (a file left by a killed app says nothing)
    except ProcessLookupError:
        return None
    except OSError:
        return pid  # alive, but not ours to signal
    return pid


def refuse_write_protected(
    path: Path, then: str = "niets gewijzigd (alleen-lezen openen kan wel)"
) -> None:
    """Refuse (StoreWriteProtected) a register file without write permission: it can
    only be opened read-only. ``then`` says what was not done."""
    if write_protected(real_path(path)):
        raise StoreWriteProtected(f"{path}: {WRITE_PROTECTED}; {then}")


def acquire(path: Path, timeout: float) -> FileLock:
    """Take the register's lock within ``timeout`` seconds, or raise StoreLocked."""
    # Imported here: a start that paints from the start cache takes the lock afterwards.
    from filelock import FileLock, Timeout

    lock = FileLock(lock_path(path), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise StoreLocked(
            f"register in gebruik: {path} is al geopend door een ander programma of venster "
            "(alleen-lezen openen kan wel)"
        ) from None
    except OSError as exc:
        raise StoreError(f"{path}: kan het slot niet zetten ({os_reason(exc)})") from None
    return lock
