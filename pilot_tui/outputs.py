"""Where an output may be written: never the register, its lock or its backups, never a
device.

A snapshot or an export is written with :func:`pilot_tui.atomic.atomic_write`, which
replaces whatever file has the name it is given. :func:`output_problem` is asked first,
by the command line and the app alike, and says in one Dutch line why a name may not be
used.
"""

from __future__ import annotations

import os
from pathlib import Path

from pilot_tui.atomic import os_reason
from pilot_tui.files import clipped, kind_of, real_path
from pilot_tui.store.backups import backup_dir
from pilot_tui.store.lock import lock_path


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def _same_place(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` name the same file or folder, however written: when both
    exist, by device and inode (a link, "..", another case on a case-insensitive file
    system, a hard link); when neither does, by their resolved names, case folded (a
    name the other would take, were it made there)."""
    ia, ib = _identity(a), _identity(b)
    if ia is not None or ib is not None:
        return ia == ib
    fold = [os.path.normcase(os.path.realpath(p)).casefold() for p in (a, b)]
    return fold[0] == fold[1]


def output_problem(target: Path, register: Path | None = None) -> str | None:
    """Why ``target`` may not be written as an output (a snapshot, an export): one Dutch
    line, or None when it may.

    Refused: the register at ``register``, its lock file, its backups folder and what is
    in it, whichever way the path is written; and anything that is not a regular file or
    a new name (a directory, a device, a FIFO): replacing ``/dev/null`` with a file is
    what an atomic write would do to it.
    """
    target = Path(target)
    try:
        st = os.stat(target)  # through a link: what a write would replace
    except (FileNotFoundError, NotADirectoryError):
        st = None
    except (OSError, ValueError) as exc:
        reason = os_reason(exc) if isinstance(exc, OSError) else clipped(str(exc))
        return f"{target}: niet te gebruiken ({reason})"
    if register is not None:
        register = real_path(Path(register))
        folder = backup_dir(register)
        if _same_place(target, register):
            return f"{target}: dat is het register zelf; kies een andere naam"
        if _same_place(target, lock_path(register)):
            return f"{target}: dat is het slotbestand van het register; kies een andere naam"
        resolved = Path(os.path.realpath(target))
        if _same_place(resolved, folder):
            return f"{target}: dat is de map met reservekopieën van het register"
        if any(_same_place(place, folder) for place in resolved.parents):
            return (
                f"{target}: ligt in de map met reservekopieën van het register; kies een "
                "andere plek"
            )
    if st is not None:
        kind = kind_of(st.st_mode)
        if kind is not None:
            return f"{target}: is {kind}, geen gewoon bestand; kies een bestandsnaam"
    return None
