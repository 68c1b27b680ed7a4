"""Reading a file the user pointed at: a regular file only, and only up to a size.

A register, a backup or an overview text is read whole into memory. Pointed at the zero
device that read never ends, and a FIFO blocks until someone writes to it; so anything but
a regular file is refused before it is opened for reading, and a file larger than
:data:`MAX_FILE_BYTES` is refused with its size. No I/O beyond the one file; no textual.

Also here, for every module that names a file in a message: what kind a file is when it
is not a regular one (:func:`kind_of`), the file a link points to (:func:`real_path`) and
a piece of a file's content or a system message as one short line (:func:`clipped`).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# A register of 10,000 pilots with years of history is some 45 MB, an overview text of
# as many pilots less: ten times that and more is not one of ours.
MAX_FILE_BYTES = 512 * 1024 * 1024

_KINDS = (
    (stat.S_ISDIR, "een map"),
    (stat.S_ISFIFO, "een FIFO (named pipe)"),
    (stat.S_ISCHR, "een apparaat"),
    (stat.S_ISBLK, "een apparaat"),
    (stat.S_ISSOCK, "een socket"),
)


MAX_MESSAGE = 240  # characters of file content quoted in a message


class FileRefused(ValueError):
    """The file is not one to read: the message is one Dutch line naming the file."""


def kind_of(mode: int) -> str | None:
    """What a file of this mode is when it is not a regular file (Dutch), else None."""
    if stat.S_ISREG(mode):
        return None
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "geen gewoon bestand"


def real_path(path: Path) -> Path:
    """``path``, or the file it points to when it is a symbolic link: the lock, temporary
    files and backups belong to the real file, whichever name it is opened by."""
    path = Path(path)
    try:
        return Path(os.path.realpath(path)) if path.is_symlink() else path
    except OSError:
        return path


def clipped(text: str, limit: int = MAX_MESSAGE) -> str:
    """``text`` as one line (every run of white space one space) of at most ``limit``
    characters, for a message that quotes a file or the system."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def check_readable(path: Path, st: os.stat_result, limit: int) -> None:
    """Raise FileRefused when ``st`` is not a regular file of at most ``limit`` bytes."""
    kind = kind_of(st.st_mode)
    if kind is not None:
        raise FileRefused(f"{path}: is {kind}, geen gewoon bestand; niet gelezen")
    if st.st_size > limit:
        raise FileRefused(
            f"{path}: te groot om in te lezen ({megabytes(st.st_size)}; de grens is "
            f"{megabytes(limit)})"
        )


def _open_nonblocking(name: str, flags: int) -> int:
    # Should the file become a FIFO between the look and the open, the open does not wait.
    return os.open(name, flags | getattr(os, "O_NONBLOCK", 0))


def read_regular(path: Path, limit: int = MAX_FILE_BYTES) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file ``path`` and its stat (of the open file).

    Raises FileRefused (a directory, device, FIFO or socket; larger than ``limit``) or
    OSError (missing, no access). A file that grows past ``limit`` while it is read is
    refused as well.
    """
    path = Path(path)
    check_readable(path, os.stat(path), limit)  # look before opening: a device may act
    with open(path, "rb", opener=_open_nonblocking) as fh:
        st = os.fstat(fh.fileno())
        check_readable(path, st, limit)
        data = fh.read(limit + 1)
    if len(data) > limit:  # it grew while it was read
        raise FileRefused(
            f"{path}: te groot om in te lezen (meer dan de grens van {megabytes(limit)})"
        )
    return data, st
