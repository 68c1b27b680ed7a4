"""Writing a snapshot to a file, safely.

Never over the register itself, its lock or its backups, nor over a device or a folder
(:func:`pilot_tui.store.output_problem`, asked before the work and again just before the
write: making a Word file can take minutes); the file is written atomically (a reader
never sees half a document, a failure leaves the old file).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pilot_tui.atomic import atomic_write, os_reason
from pilot_tui.model import Register
from pilot_tui.ops import OpError
from pilot_tui.outputs import output_problem

if TYPE_CHECKING:
    from pilot_tui.snapshot import SnapshotOptions

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SnapshotWritten:
    path: Path
    pilots: int  # the pilots in the document: those that exist at the peildatum
    peildatum: date


def check_target(target: Path, register_path: Path | None, *, force: bool = False) -> None:
    """Refuse a target before any work: a folder, the register's own files, a device, an
    existing file (unless ``force``), a folder that does not exist. Raises OpError."""
    if target.is_dir():
        raise OpError(f"{target}: is een map; geef een bestandsnaam met -o")
    problem = output_problem(target, register_path)
    if problem:
        raise OpError(problem)
    if target.exists() and not force:
        raise OpError(f"{target} bestaat al; gebruik --force om te overschrijven")
    if not target.parent.is_dir():
        raise OpError(f"{target.parent}: map bestaat niet")


def write_snapshot(
    register: Register,
    options: SnapshotOptions,
    fmt: str,
    target: Path,
    register_path: Path | None,
    *,
    template: Path | None = None,
    toc: bool = False,
    build_progress: Progress | None = None,
    render_progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SnapshotWritten | None:
    """Make the snapshot of ``register`` in ``fmt`` and write it to ``target``. None when
    ``cancelled`` says so once it is made (nothing written). Raises OpError; the system's error, if
    any, is its cause."""
    from pilot_tui.snapshot import make
    from pilot_tui.snapshot.wordpkg import TemplateError

    try:
        data = make(
            register,
            options,
            fmt,
            build_progress=build_progress,
            render_progress=render_progress,
            template=template,
            toc=toc,
        )
    except TemplateError as exc:
        raise OpError(str(exc)) from exc
    if cancelled is not None and cancelled():
        return None
    problem = output_problem(target, register_path)  # again: the work took a while
    if problem:
        raise OpError(problem)
    try:
        atomic_write(target, data)
    except OSError as exc:
        raise OpError(f"{target}: kan niet schrijven ({os_reason(exc)})") from exc
    peildatum = options.peildatum
    pilots = sum(1 for p in register.pilots if p.exists_at(peildatum))
    return SnapshotWritten(target, pilots, peildatum)
