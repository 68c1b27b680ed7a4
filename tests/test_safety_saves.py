"""Data safety of saving: failed saves keep the file and the change, retries, and the
permissions, owner and links of the register kept."""

from __future__ import annotations

import errno
import os
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

import pilot_tui.store as store_mod
from pilot_tui.atomic import atomic_write, temp_files
from pilot_tui.model import AuditEntry
from pilot_tui.store import Store, StoreConflict, StoreError, StoreLocked, backup_dir, list_backups

from .conftest import run_cli
from .helpers.registers import full_pilot, full_register
from .helpers.safety import make, snapshot

# -- failed saves ------------------------------------------------------------------------------


class FaultyFile:
    """A file object whose ``write`` or ``flush`` fails, after writing half (a full disk)."""

    def __init__(self, fh: Any, step: str, error: OSError) -> None:
        self._fh, self._step, self._error = fh, step, error

    def write(self, data: bytes) -> int:
        if self._step == "write":
            self._fh.write(data[: len(data) // 2])
            raise self._error
        return int(self._fh.write(data))

    def flush(self) -> None:
        if self._step == "flush":
            raise self._error
        self._fh.flush()

    def fileno(self) -> int:
        return int(self._fh.fileno())

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> FaultyFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._fh.close()


def inject(m: pytest.MonkeyPatch, step: str, error: OSError) -> None:
    """Make one step of atomic_write fail."""
    if step == "mkstemp":

        def mkstemp(*a: Any, **kw: Any) -> Any:
            raise error

        m.setattr(tempfile, "mkstemp", mkstemp)
    elif step in ("write", "flush"):
        real_fdopen = os.fdopen

        def fdopen(fd: int, *a: Any, **kw: Any) -> Any:
            return FaultyFile(real_fdopen(fd, *a, **kw), step, error)

        m.setattr(os, "fdopen", fdopen)
    elif step == "fsync":
        calls = []

        def fsync(fd: int) -> None:
            calls.append(fd)
            if len(calls) == 1:
                raise error

        m.setattr(os, "fsync", fsync)
    elif step == "replace":

        def replace(*a: Any, **kw: Any) -> None:
            raise error

        m.setattr(os, "replace", replace)
        m.setattr(time, "sleep", lambda s: None)
    else:  # pragma: no cover
        raise AssertionError(step)


ERRORS = {
    "ENOSPC": (OSError(errno.ENOSPC, "No space left on device"), "de schijf is vol"),
    "EACCES": (PermissionError(errno.EACCES, "Permission denied"), "geen toegang"),
    "EIO": (OSError(errno.EIO, "Input/output error"), "schrijf- of leesfout"),
    "EROFS": (OSError(errno.EROFS, "Read-only file system"), "alleen-lezen"),
    "other": (OSError(errno.EBADMSG, "Bad message"), "systeemfout: Bad message"),
}
STEPS = ["mkstemp", "write", "flush", "fsync", "replace"]


def check_failed_save(path: Path, before: bytes, info: pytest.ExceptionInfo[StoreError]) -> str:
    assert type(info.value) is StoreError
    message = str(info.value)
    assert message.startswith(f"{path}: opslaan mislukt (")
    assert "het register op schijf is ongewijzigd" in message
    assert "\n" not in message
    assert path.read_bytes() == before
    assert temp_files(path) == []
    return message


@pytest.mark.parametrize("error", sorted(ERRORS))
@pytest.mark.parametrize("step", STEPS)
def test_failed_save_leaves_file_and_keeps_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str, error: str
) -> None:
    path = make(tmp_path / "store.json")
    before = path.read_bytes()
    exc, reason = ERRORS[error]
    with Store.open(path, daily_backup=False) as store:
        pilot = store.register.pilots[1]
        pilot.doel = "niet verloren"
        with monkeypatch.context() as m:
            inject(m, step, exc)
            with pytest.raises(StoreError) as info:
                store.save_pilot(pilot)
        assert reason in check_failed_save(path, before, info)
        assert store.dirty
        assert store.register.pilots[1].doel == "niet verloren"
        store.flush()  # the problem is solved: retry
        assert not store.dirty
        assert temp_files(path) == []
    assert Store.open(path, readonly=True).register.pilots[1].doel == "niet verloren"


SAVES: dict[str, Callable[[Store], None]] = {
    "save_pilot-new": lambda s: s.save_pilot(NEW_PILOT),
    "delete_pilot": lambda s: s.delete_pilot("pilot-00002"),
    "save_meta": lambda s: (setattr(s.register, "title", "Nieuw"), s.save_meta())[1],
    "add_audit": lambda s: s.add_audit(AUDIT),
    "save_all": lambda s: (s.register.pilots.pop(0), s.save_all())[1],
    "batch": lambda s: _batch(s),
}
NEW_PILOT = full_pilot(70)
AUDIT = [AuditEntry(datetime(2023, 3, 1, 8, 0), "pilot-00001", "doel", "a", "b")]


def _batch(store: Store) -> None:
    with store.batch():
        store.save_pilot(NEW_PILOT)
        store.delete_pilot("pilot-00002")
        store.register.title = "Nieuw"
        store.save_meta()
        store.add_audit(AUDIT)


@pytest.mark.parametrize("how", ["flush", "repeat"])
@pytest.mark.parametrize("save", sorted(SAVES))
def test_every_save_can_be_retried_after_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, save: str, how: str
) -> None:
    path = make(tmp_path / "store.json")
    before = path.read_bytes()
    expected = make(tmp_path / "expected.json")
    with Store.open(expected, daily_backup=False) as store:
        SAVES[save](store)
    with Store.open(path, daily_backup=False) as store:
        with monkeypatch.context() as m:
            inject(m, "replace", OSError(errno.ENOSPC, "No space left on device"))
            with pytest.raises(StoreError) as info:
                SAVES[save](store)
        check_failed_save(path, before, info)
        assert store.dirty
        if how == "flush":
            store.flush()
        elif save == "save_all":
            store.save_all()
        else:
            SAVES[save](store)  # the app simply does the same again
        assert not store.dirty
    assert path.read_bytes() == expected.read_bytes()


def test_replace_retried_while_windows_holds_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make(tmp_path / "store.json")
    real_replace = os.replace
    attempts: list[int] = []
    sleeps: list[float] = []

    def flaky(src: Any, dst: Any) -> None:
        attempts.append(1)
        if len(attempts) <= 3:
            raise PermissionError(errno.EACCES, "The process cannot access the file")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", flaky)
    monkeypatch.setattr(time, "sleep", sleeps.append)
    with Store.open(path, daily_backup=False) as store:
        store.register.title = "na drie pogingen"
        store.save_meta()
        assert not store.dirty
    assert len(attempts) == 4 and len(sleeps) == 3
    assert temp_files(path) == []
    monkeypatch.undo()
    assert Store.open(path, readonly=True).register.title == "na drie pogingen"


def test_replace_retries_exhausted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make(tmp_path / "store.json")
    before = path.read_bytes()
    attempts: list[int] = []

    def locked(src: Any, dst: Any) -> None:
        attempts.append(1)
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    with Store.open(path, daily_backup=False) as store:
        with monkeypatch.context() as m:
            m.setattr(os, "replace", locked)
            m.setattr(time, "sleep", lambda s: None)
            store.register.title = "nog niet"
            with pytest.raises(StoreError) as info:
                store.save_meta()
        assert "geen toegang" in check_failed_save(path, before, info)
        assert len(attempts) == 10
        store.flush()
    assert Store.open(path, readonly=True).register.title == "nog niet"


def test_interrupt_during_write_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.txt"
    path.write_text("oud")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(path, "nieuw")
    assert path.read_text() == "oud"
    assert temp_files(path) == []


def test_failed_create_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inject(monkeypatch, "fsync", OSError(errno.ENOSPC, "No space left on device"))
    with pytest.raises(StoreError, match="de schijf is vol"):
        Store.create(tmp_path / "store.json", full_register(2))
    assert sorted(p.name for p in tmp_path.iterdir()) == [".store.json.lock"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_save_keeps_file_permissions(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    umask = os.umask(0o022)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's private 0600
    path.chmod(0o640)
    with Store.open(path, daily_backup=False) as store:
        store.save_meta()
    assert path.stat().st_mode & 0o777 == 0o640


# Another user's ids. Only root may give a file away, so only a run as root (as in the
# project's test environment) can put a register of another user on disk; otherwise the
# register is the tester's own, and what is checked is that a save keeps that.
OTHER_USER = (4321, 4321) if os.geteuid() == 0 else (os.getuid(), os.getgid())


def test_save_keeps_owner_and_group(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    os.chown(path, *OTHER_USER)
    with Store.open(path) as store:  # the daily backup is made too
        store.register.title = "door root opgeslagen"
        store.save_meta()
        backup = store.backup("handmatig")
    st = path.stat()
    assert (st.st_uid, st.st_gid) == OTHER_USER  # still theirs, not the writer's
    assert (backup.stat().st_uid, backup.stat().st_gid) == OTHER_USER
    assert Store.open(path, readonly=True).register.title == "door root opgeslagen"


def test_backup_of_a_private_register_is_private(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    path.chmod(0o600)
    with Store.open(path) as store:
        backup = store.backup("handmatig")
    assert backup.stat().st_mode & 0o777 == 0o600
    assert all(b.stat().st_mode & 0o777 == 0o600 for b in list_backups(path))


def test_read_only_register_is_refused_for_writing(tmp_path: Path) -> None:
    """A read-only file in a writable folder: a rename could replace it, so the save
    did (and as root the write permission is not even checked). Refused, one line."""
    path = make(tmp_path / "store.json")
    good = make(tmp_path / "goed.json", 2)
    path.chmod(0o444)
    before = snapshot(tmp_path)
    result = run_cli("set", "--store", str(path), "pilot-00001", "doel=overschreven")
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "alleen-lezen (schrijfbeveiligd)" in lines[0], result.stderr
    result = run_cli("restore", "--store", str(path), str(good))
    assert result.returncode == 2 and "niet teruggezet" in result.stderr, result.stderr
    with pytest.raises(store_mod.StoreWriteProtected):
        Store.open(path)
    assert snapshot(tmp_path) == before
    assert path.stat().st_mode & 0o777 == 0o444
    assert run_cli("list", "--store", str(path)).returncode == 0  # reading is fine


def test_register_made_read_only_while_open_is_not_saved(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path, daily_backup=False) as store:
        path.chmod(0o444)
        before = path.read_bytes()
        store.register.title = "na chmod"
        with pytest.raises(StoreError, match="alleen-lezen") as info:
            store.save_meta()
        assert "\n" not in str(info.value)
        assert store.dirty  # kept in memory, to save once it may
        assert path.read_bytes() == before and temp_files(path) == []
        path.chmod(0o644)
        store.flush()
    assert Store.open(path, readonly=True).register.title == "na chmod"


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_save_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    target = make(tmp_path / "echt.json")
    link = tmp_path / "store.json"
    link.symlink_to(target)
    with Store.open(link, daily_backup=False) as store:
        store.register.title = "via de link"
        store.save_meta()
        with pytest.raises(StoreLocked):  # one lock, whichever name is used
            Store.open(target)
        backup = store.backup()
    assert link.is_symlink()
    assert Store.open(target, readonly=True).register.title == "via de link"
    assert backup.parent == backup_dir(target) and list_backups(link) == [backup]
    assert temp_files(link) == temp_files(target) == []


def test_conflict_is_a_store_error() -> None:
    assert issubclass(StoreConflict, StoreError) and issubclass(StoreLocked, StoreError)
