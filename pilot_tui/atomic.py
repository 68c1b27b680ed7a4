"""Writing a file so that a crash leaves the old or the new one, never half of either.

Every write goes to a temporary file beside the target (``.<name>.<random>.tmp``), is
flushed and fsynced, then replaces the target with ``os.replace`` (retried briefly where
Windows holds the file); the folder is fsynced after. A new file gets the permissions it
would have had from ``open()`` (or those of a given file: a backup those of its register),
a replaced one keeps its permissions and, where the system allows, its owner. A link is
followed: the file it points to is replaced, the link stays. A directory, device, FIFO or
socket is never replaced (:class:`NotARegularFile`), nor a file without write permission
(:class:`WriteProtected`), even where the folder would allow the rename.

Used for the register, its backups, the settings, the start cache and every output. A
failed write raises OSError and leaves the target as it was; :func:`os_reason` says why in
a short Dutch phrase. Temporary files a crash leaves are found with :func:`temp_files`
and removed with :func:`remove_stale_temps`.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import stat
import tempfile
import time
from pathlib import Path

from pilot_tui.files import clipped, kind_of, real_path

TMP_SUFFIX = ".tmp"
STALE_TMP_AGE = 60.0  # seconds; older temp files of ours are leftovers of a crash


def _read_umask() -> int:
    if os.name != "posix":
        return 0o022
    mask = os.umask(0o022)  # read once, at import: os.umask can only be read by setting it
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def atomic_write(path: Path, content: str | bytes, *, replace_retries: int = 10) -> None:
    """Write ``content`` to ``path`` so that a crash leaves the old or the new file.

    Raises OSError; the file at ``path`` is then unchanged and no temporary file is left.
    """
    atomic_write_stat(Path(path), content, replace_retries=replace_retries)


def atomic_write_stat(
    path: Path, content: str | bytes, *, replace_retries: int = 10, like: Path | None = None
) -> os.stat_result:
    """:func:`atomic_write`, returning the stat of the written file, taken from our own
    open file (not by name, so that a change by someone else right after the rename cannot
    go unnoticed). On POSIX it is taken after the rename, which changes the ctime.

    A new file gets the permissions and owner of ``like`` when given (a backup those of
    the register: a private register has private copies). Every atomic write of the
    program goes through here (the register's saves and backups call it by this module's
    name, so that a test can make the disk full for all of them at once)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    path = real_path(path)  # replace the file a link points to, not the link
    owner: tuple[int, int] | None = None
    try:
        st = os.stat(path)
    except OSError:
        mode = 0o666 & ~_UMASK  # a new file: what open() would have made
        with contextlib.suppress(OSError):
            if like is not None:
                template = os.stat(like)
                mode = stat.S_IMODE(template.st_mode)
                owner = (template.st_uid, template.st_gid)
    else:
        kind = kind_of(st.st_mode)
        if kind is not None:  # a rename would put a file in the place of a device or FIFO
            raise NotARegularFile(errno.EINVAL, f"{path} is {kind}, geen gewoon bestand")
        if write_protected(path, st):  # the folder may allow a rename: the file does not
            raise WriteProtected(errno.EACCES, WRITE_PROTECTED, str(path))
        mode = stat.S_IMODE(st.st_mode)  # keep the permissions of the file
        owner = (st.st_uid, st.st_gid)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TMP_SUFFIX, dir=path.parent)
    tmp = Path(tmp_name)
    try:
        try:
            if owner is not None:
                _keep_owner(fd, *owner)
            if hasattr(os, "fchmod"):
                os.fchmod(fd, mode)  # mkstemp makes the file private (0600)
            fh = os.fdopen(fd, "wb")
        except BaseException:
            os.close(fd)
            raise
        with fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
            if os.name == "posix":
                _replace(tmp, path, replace_retries)  # an open file can be renamed here
                written = os.fstat(fh.fileno())
            else:
                written = os.fstat(fh.fileno())
        if os.name != "posix":
            _replace(tmp, path, replace_retries)  # Windows: not while it is open
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)
    return written


WRITE_PROTECTED = "het bestand is alleen-lezen (schrijfbeveiligd)"


class WriteProtected(PermissionError):
    """A write was asked to replace a file that has no write permission."""


def write_protected(path: Path, st: os.stat_result | None = None) -> bool:
    """Whether the file at ``path`` is read-only for us: no write permission bit at all
    (which root, whom the system lets write anyway, respects too), or none for this user.
    A missing file is not."""
    try:
        st = st or os.stat(path)
    except OSError:
        return False
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return True
    return not os.access(path, os.W_OK)


def _keep_owner(fd: int, uid: int, gid: int) -> None:
    """Give the new file the owner and group of the file it replaces (a register of
    another user stays theirs). Only root may give a file away: others keep at least the
    group, when they are in it; otherwise the file is theirs, as any editor makes it."""
    if not hasattr(os, "fchown"):
        return
    st = os.fstat(fd)
    if (st.st_uid, st.st_gid) == (uid, gid):
        return
    try:
        os.fchown(fd, uid, gid)
    except OSError:
        with contextlib.suppress(OSError):  # not in that group either: the file is ours
            os.fchown(fd, -1, gid)


def _replace(tmp: Path, path: Path, retries: int) -> None:
    for attempt in range(max(1, retries)):
        try:
            os.replace(tmp, path)
            return
        except PermissionError:
            # Windows: a virus scanner or sync tool may hold the file briefly.
            if attempt >= retries - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems do not support fsync on a directory; the data is synced
    finally:
        os.close(fd)


def temp_files(path: Path) -> list[Path]:
    """Temporary files :func:`atomic_write` makes (or a crash leaves) for ``path``."""
    path = real_path(path)
    pattern = glob.escape(f".{path.name}.") + "*" + glob.escape(TMP_SUFFIX)
    return sorted(path.parent.glob(pattern))


def remove_stale_temps(path: Path, *, older_than: float | None = STALE_TMP_AGE) -> int:
    """Remove leftover temporary files of ``path``; return how many were removed.

    With ``older_than=None`` all of them go: only safe while holding the register lock
    (then nobody else is writing one).
    """
    removed = 0
    limit = None if older_than is None else time.time() - older_than
    for tmp in temp_files(path):
        try:
            if limit is not None and tmp.stat().st_mtime > limit:
                continue
            tmp.unlink()
            removed += 1
        except OSError:
            continue
    return removed


_OS_REASONS = {
    errno.ENOSPC: "de schijf is vol",
    errno.EACCES: "geen toegang: geen schrijfrechten, of het bestand is in gebruik "
    "door een ander programma",
    errno.EPERM: "geen toegang: geen schrijfrechten, of het bestand is in gebruik "
    "door een ander programma",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.EIO: "schrijf- of leesfout van de schijf",
    errno.ENOENT: "het bestand of de map bestaat niet (meer)",
    errno.ENAMETOOLONG: "het pad is te lang",
    errno.EMFILE: "te veel open bestanden",
    errno.ENFILE: "te veel open bestanden",
}
if hasattr(errno, "EDQUOT"):
    _OS_REASONS[errno.EDQUOT] = "het schijfquotum is bereikt"


class NotARegularFile(OSError):
    """A write was asked to replace a directory, device, FIFO or socket (Dutch strerror)."""


def os_reason(exc: OSError) -> str:
    """A short Dutch reason for an OSError."""
    if isinstance(exc, NotARegularFile | WriteProtected) and exc.strerror:
        return exc.strerror
    if exc.errno in _OS_REASONS:
        return _OS_REASONS[exc.errno]
    if isinstance(exc, PermissionError):
        return _OS_REASONS[errno.EACCES]
    detail = exc.strerror or str(exc) or type(exc).__name__
    return f"systeemfout: {clipped(detail)}"
