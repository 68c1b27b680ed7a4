"""Noticing a change on disk made by someone else.

Before each save the file on disk is compared with what was read or written last: first
its :class:`FileStamp` (one stat, cheap), and only when that changed its content, by the
:class:`Digest` kept of the bytes last read or written. A sync tool that rewrote the same
bytes is no change; anything else is (the store then raises StoreConflict instead of
writing over it, and the app's idle timer reloads or asks). :func:`read_bytes` reads the
file and its stamp from one open file, so that the two belong together.
"""

from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from pilot_tui.atomic import os_reason
from pilot_tui.files import FileRefused, read_regular
from pilot_tui.store.errors import StoreError


@dataclass(frozen=True)
class FileStamp:
    """What identifies a version of the file cheaply: inode, size, modification time and
    (POSIX) inode change time. The ctime cannot be set back by a program (``touch``,
    ``os.utime`` and ``cp -p`` set it to now), so an edit in place that keeps the size and
    restores the mtime still changes the stamp. What a stamp cannot see: an edit in place
    of the same size within the same tick of the file system clock as our own read or
    write (a few milliseconds; on FAT up to two seconds)."""

    mtime_ns: int
    size: int
    ino: int = 0
    ctime_ns: int = 0

    @classmethod
    def from_stat(cls, st: os.stat_result) -> FileStamp:
        # On Windows st_ctime is the creation time, which an edit does not change.
        ctime = st.st_ctime_ns if os.name == "posix" else 0
        return cls(st.st_mtime_ns, st.st_size, st.st_ino, ctime)

    @classmethod
    def of(cls, path: Path) -> FileStamp | None:
        try:
            return cls.from_stat(path.stat())
        except OSError:
            return None


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


_DIGEST_IN_THREAD = 1 << 20  # bytes; below this a thread costs more than it saves


class Digest:
    """The digest of some bytes, computed beside the caller.

    hashlib lets go of the GIL while it hashes, so for a large file the hash runs on
    another core while the caller parses the JSON (open) or finishes the save; it is only
    waited for when it is needed: when the stat of the file has changed.
    """

    def __init__(self, data: bytes) -> None:
        self._value: bytes | None = None
        self._data: bytes | None = None
        self._thread: threading.Thread | None = None
        if len(data) < _DIGEST_IN_THREAD:
            self._value = _digest(data)
            return
        self._data = data
        self._thread = threading.Thread(target=self._run, name="pilot-tui-digest", daemon=True)
        try:
            self._thread.start()
        except RuntimeError:  # no more threads: hash when asked
            self._thread = None

    def _run(self) -> None:
        if self._data is not None:
            self._value = _digest(self._data)
            self._data = None

    def value(self) -> bytes:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._value is None:  # the thread could not start, or failed
            self._run()
        assert self._value is not None
        return self._value

    def matches(self, data: bytes) -> bool:
        return _digest(data) == self.value()


def read_bytes(path: Path) -> tuple[bytes, FileStamp]:
    """The raw file and its stamp (from the same open file, so they belong together).
    Only a regular file of at most MAX_FILE_BYTES is read (see pilot_tui.files)."""
    if path.is_dir():
        raise StoreError(f"{path}: is een map, geen registerbestand")
    try:
        raw, st = read_regular(path)
    except FileRefused as exc:
        raise StoreError(str(exc)) from None
    except FileNotFoundError:
        raise StoreError(f"{path}: bestand bestaat niet") from None
    except IsADirectoryError:
        raise StoreError(f"{path}: is een map, geen registerbestand") from None
    except OSError as exc:
        raise StoreError(f"{path}: kan niet gelezen worden ({os_reason(exc)})") from None
    return raw, FileStamp.from_stat(st)
