"""Rolling backups of the register, in a folder beside it (``<name>.backups``).

A backup is a copy of the file as it is, written atomically, named
``<stem>-<YYYYmmdd-HHMMSS-ffffff>[-<reason>]<suffix>``: one on the first writable open of
a day (:data:`DAILY`), and before risky operations (an import, a restore, a schema
upgrade, saving over someone else's change). The newest ``keep`` stay, and so do today's
daily one and the latest from before an import. A backup is judged by its name's date:
a file named for the future or with no real date is never counted or removed, so it
cannot push real backups out.

:func:`restore_backup` puts a backup back, after checking it is a readable register and
copying the current file (even a corrupt one) into the folder first. A refused register
names its latest good backup (:func:`with_backup_hint`).
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import re
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from pilot_tui import atomic
from pilot_tui.atomic import STALE_TMP_AGE, TMP_SUFFIX, os_reason, remove_stale_temps
from pilot_tui.files import FileRefused, kind_of, read_regular, real_path
from pilot_tui.store.document import parse_register_bytes
from pilot_tui.store.errors import StoreError
from pilot_tui.store.lock import acquire, refuse_write_protected
from pilot_tui.store.records import parse, read_register_file
from pilot_tui.store.stamp import read_bytes

DEFAULT_BACKUPS = 10
BACKUP_STAMP = "%Y%m%d-%H%M%S-%f"


def _now() -> datetime:
    """The clock used for backup names (a function so that tests can move the day)."""
    return datetime.now()


def backup_dir(path: Path) -> Path:
    """The folder of the backups of the register at ``path`` (of the real file)."""
    path = real_path(path)
    return path.with_name(f"{path.name}.backups")


def _backup_re(path: Path) -> re.Pattern[str]:
    return re.compile(
        re.escape(path.stem) + r"-(\d{8}-\d{6}-\d{6})(?:-([a-z0-9-]+))?" + re.escape(path.suffix)
    )


def _slug(reason: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")[:40].strip("-")


DAILY = "dagelijks"  # the reason of the first writable open's backup of a day
BEFORE_IMPORT = "import"  # the copy made before an import
FUTURE_SLACK = timedelta(days=1)  # a clock set back (summer time, another time zone)


@dataclass(frozen=True)
class _Backup:
    path: Path
    when: datetime | None  # the time in the name; None when it is no date
    reason: str
    # Judged a backup of ours: named by our scheme with a date that has been. A name
    # dated in the future (a wrong clock, a copy from elsewhere) or with no real date is
    # neither counted nor removed by the rotation.
    ours: bool


def _scan_backups(path: Path) -> tuple[list[_Backup], list[_Backup]]:
    """(ours newest first, the other files named like backups), of the register at
    ``path``. Only regular files count (not a link, a folder or a FIFO so named)."""
    path = real_path(path)
    folder = backup_dir(path)
    pattern = _backup_re(path)
    latest = _now() + FUTURE_SLACK
    found: list[_Backup] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                m = pattern.fullmatch(entry.name)
                if m is None or not entry.is_file(follow_symlinks=False):
                    continue
                try:
                    when: datetime | None = datetime.strptime(m[1], BACKUP_STAMP)
                except ValueError:
                    when = None
                judged = when is not None and when <= latest
                found.append(_Backup(Path(entry.path), when, m[2] or "", judged))
    except OSError:  # no folder (yet), or not readable: no backups to show or rotate
        return [], []
    ours = sorted((b for b in found if b.ours), key=lambda b: (b.when, b.path.name), reverse=True)
    others = sorted((b for b in found if not b.ours), key=lambda b: b.path.name, reverse=True)
    return ours, others


def list_backups(path: Path) -> list[Path]:
    """Backups of the register at ``path``, newest first; files named like backups with
    a date in the future or no real date come last (see :class:`_Backup`)."""
    ours, others = _scan_backups(path)
    return [b.path for b in ours] + [b.path for b in others]


def backup_day(backup: Path, path: Path) -> str:
    m = _backup_re(real_path(path)).fullmatch(backup.name)
    return m[1][:8] if m else ""


def _rotate(path: Path, keep: int, new: Path) -> None:
    """Remove our oldest backups beyond the newest ``keep``. Never removed: the backup
    just made, today's daily backup, the latest copy from before an import, and any file
    that is not judged ours."""
    ours, _others = _scan_backups(path)
    today = _now().date()
    kept = {new}
    daily = next((b for b in ours if b.reason == DAILY), None)
    if daily is not None and daily.when is not None and daily.when.date() == today:
        kept.add(daily.path)
    before_import = next((b for b in ours if b.reason == BEFORE_IMPORT), None)
    if before_import is not None:
        kept.add(before_import.path)
    for old in ours[max(1, keep) :]:
        if old.path not in kept:
            with contextlib.suppress(OSError):  # gone already, or not ours to remove
                old.path.unlink()


def make_backup(path: Path, reason: str = "", *, keep: int | None = DEFAULT_BACKUPS) -> Path:
    """Copy the register file into its backup folder (atomically); keep the newest
    ``keep`` (all when None). Raises OSError. The caller should hold the lock."""
    path = real_path(path)
    folder = backup_dir(path)
    folder.mkdir(exist_ok=True)
    try:
        data, _st = read_regular(path)
    except FileRefused as exc:  # not a register (a FIFO put in its place): no copy
        raise OSError(errno.EINVAL, str(exc)) from None
    slug = _slug(reason)
    when = _now()
    while True:
        name = f"{path.stem}-{when.strftime(BACKUP_STAMP)}{'-' + slug if slug else ''}{path.suffix}"
        target = folder / name
        if not target.exists():
            break
        when = when.replace(microsecond=(when.microsecond + 1) % 1_000_000)
    atomic.atomic_write_stat(target, data, like=path)
    if keep is not None:
        _rotate(path, keep, target)
    for tmp in folder.glob(".*" + glob.escape(TMP_SUFFIX)):
        with contextlib.suppress(OSError):
            if tmp.stat().st_mtime < time.time() - STALE_TMP_AGE:
                tmp.unlink()
    return target


def daily_backup_due(path: Path) -> bool:
    """Whether the first writable open of today should make a backup: none was made
    today, and the file differs from the newest backup (else the older ones are kept)."""
    today = _now().strftime("%Y%m%d")
    backups = list_backups(path)
    if any(backup_day(b, path) == today for b in backups):
        return False
    with contextlib.suppress(OSError, FileRefused):
        if backups and read_regular(backups[0])[0] == read_regular(path)[0]:
            return False  # nothing changed since the newest backup: keep the older ones
    return True


def latest_good_backup(path: Path, *, limit: int = 20) -> Path | None:
    """The newest backup that is itself a readable register (None when there is none)."""
    for candidate in list_backups(path)[:limit]:
        try:
            read_register_file(candidate)
        except StoreError:
            continue
        return candidate
    return None


def with_backup_hint(path: Path, message: str) -> str:
    """``message`` (a refusal of the register), naming its latest good backup."""
    try:
        good = latest_good_backup(path)
    except OSError:
        good = None
    if good is None:
        return message
    return f"{message}; laatste reservekopie: {good}"


def _check_regular_or_new(path: Path) -> None:
    """Refuse to replace a device, FIFO or socket: only a regular file is a register."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"{path}: kan niet gelezen worden ({os_reason(exc)})") from None
    kind = kind_of(st.st_mode)
    if kind is not None:
        raise StoreError(f"{path}: is {kind}, geen registerbestand; niets gewijzigd")


def restore_backup(path: Path, backup: Path, *, lock_timeout: float = 0.0) -> Path | None:
    """Put ``backup`` back as the register at ``path``.

    The backup must itself be a readable register (otherwise StoreError, and nothing is
    changed). The current file, even a corrupt one, is first copied into the backup
    folder; that copy's path is returned (None when there was no current file).
    """
    path, backup = Path(path), Path(backup)
    if not backup.exists() and (backup_dir(path) / backup.name).exists():
        backup = backup_dir(path) / backup.name
    try:
        raw, _stamp = read_bytes(backup)
        parse(backup, parse_register_bytes(backup, raw))
    except StoreError as exc:
        raise StoreError(f"{exc}; niet teruggezet, {path} is ongewijzigd") from None
    if path.is_dir():
        raise StoreError(f"{path}: is een map, geen registerbestand")
    if not path.parent.is_dir():
        raise StoreError(f"{path.parent}: map bestaat niet")
    _check_regular_or_new(path)
    refuse_write_protected(path, "niet teruggezet")
    lock = acquire(path, lock_timeout)
    try:
        saved: Path | None = None
        if path.exists():
            try:
                saved = make_backup(path, "voor-herstel", keep=None)
            except OSError as exc:
                raise StoreError(
                    f"{path}: kan de huidige versie niet bewaren ({os_reason(exc)}); "
                    "niet teruggezet"
                ) from None
        try:
            atomic.atomic_write(path, raw)
        except OSError as exc:
            raise StoreError(f"{path}: terugzetten mislukt ({os_reason(exc)})") from None
        remove_stale_temps(path, older_than=None)
        return saved
    finally:
        lock.release()
