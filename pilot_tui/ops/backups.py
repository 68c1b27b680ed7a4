"""The backups of a register, and putting one back."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pilot_tui.ops.register import WRITER_LOCK_TIMEOUT
from pilot_tui.store import list_backups, restore_backup


def backups(path: Path) -> list[Path]:
    """The backups of the register at ``path``, newest first."""
    return list_backups(path)


@dataclass(frozen=True)
class Restored:
    backup: Path
    path: Path
    saved: Path | None  # where the version it replaced was kept (None: there was none)


def restore(path: Path, backup: Path) -> Restored:
    """Put ``backup`` back as the register at ``path``, after keeping the current file.
    Raises StoreError (one Dutch line; nothing changed)."""
    saved = restore_backup(path, backup, lock_timeout=WRITER_LOCK_TIMEOUT)
    return Restored(backup, path, saved)
