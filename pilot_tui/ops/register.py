"""Opening a register, and the peildatum an operation works on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pilot_tui.model import Register
from pilot_tui.ops import OpError
from pilot_tui.store import Store, StoreLocked, StoreWriteProtected, app_holder

WRITER_LOCK_TIMEOUT = 5.0  # seconds another writer (not the app) is waited for


def open_readonly(path: Path) -> Store:
    """The register to read: no lock taken. Raises StoreError (one Dutch line)."""
    return Store.open(path, readonly=True)


def open_to_write(path: Path, wait: float | None = None) -> Store:
    """The register to change, with its lock. When the app has it open, say so at once
    (it may be open all day); another writer is waited for a few seconds; ``wait``
    waits as long as asked for either. Raises OpError or StoreError."""
    try:
        return Store.open(path, lock_timeout=0.0)
    except StoreLocked:
        pid = app_holder(path)
        if pid is not None and wait is None:
            raise OpError(
                f"{path} is geopend in de app pilot-tui (proces {pid}): sluit de app (q) en "
                "probeer opnieuw, of geef --wait SECONDEN om te wachten"
            ) from None
        return Store.open(path, lock_timeout=WRITER_LOCK_TIMEOUT if wait is None else wait)


LOCKED = "locked"  # another instance has the register open
WRITE_PROTECTED = "write-protected"  # the file itself is read-only


@dataclass
class AppOpened:
    """The register as the app opens it; ``readonly_because`` is None (writable),
    LOCKED or WRITE_PROTECTED."""

    store: Store
    readonly_because: str | None = None


def open_for_app(path: Path, *, daily_backup: bool = True) -> AppOpened:
    """Open the register to edit and announce the app as its holder; when another
    instance has it, or the file is read-only, open it read-only and say why. A corrupt
    or foreign file raises StoreError (one Dutch line). ``daily_backup=False``: the
    caller makes the day's backup itself, later (the app, after its first screen)."""
    try:
        store = Store.open(path, daily_backup=daily_backup)
    except StoreLocked:
        return AppOpened(Store.open(path, readonly=True), LOCKED)
    except StoreWriteProtected:
        return AppOpened(Store.open(path, readonly=True), WRITE_PROTECTED)
    store.announce_app()
    return AppOpened(store)


def reading_peildatum(register: Register, asked: date | None = None) -> date:
    """The peildatum to show: as asked, else the register's latest, else today."""
    if asked:
        return asked
    return register.latest_peildatum() or date.today()


def writing_peildatum(register: Register, asked: date | None = None) -> date:
    """The peildatum a change is for: as asked, else the register's latest."""
    if asked:
        return asked
    latest = register.latest_peildatum()
    if latest is None:
        raise OpError(
            "het register heeft nog geen peildatum; begin een ronde: pilot-tui start-round DATUM"
        )
    return latest
