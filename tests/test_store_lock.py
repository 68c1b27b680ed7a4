"""The store and other writers: the writer lock, and changes made on disk by someone else."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from pilot_tui.model import Pilot, Register
from pilot_tui.store import (
    Store,
    StoreConflict,
    StoreError,
    StoreLocked,
    facade,
    list_backups,
    lock_path,
    read_register_file,
    register_from_data,
)

from .helpers.registers import full_register
from .helpers.store_files import external_edit, make, reopen

ROOT = Path(__file__).resolve().parent.parent


# -- the writer lock ----------------------------------------------------------------------


def test_second_writer_in_same_process_is_locked_out(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path):
        with pytest.raises(StoreLocked) as info:
            Store.open(path)
        message = str(info.value)
        assert message.startswith("register in gebruik")
        assert str(path) in message and "\n" not in message
        with pytest.raises(StoreError, match="bestaat al"):
            Store.create(path, Register())
        with Store.open(path, readonly=True) as reader:  # reading is fine
            assert len(reader.register.pilots) == 5
    with Store.open(path) as store:  # released on close
        store.save_meta()


CHILD_OPEN = textwrap.dedent(
    """
    import sys
    from pilot_tui.store import Store, StoreLocked
    try:
        store = Store.open(sys.argv[1], lock_timeout=float(sys.argv[2]))
    except StoreLocked as exc:
        print("LOCKED", exc, flush=True)
        sys.exit(0)
    print("OPEN", flush=True)
    sys.stdin.readline()
    store.close()
    """
)


def test_second_writer_in_another_process_is_locked_out(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path):
        result = subprocess.run(
            [sys.executable, "-c", CHILD_OPEN, str(path), "0.2"],
            capture_output=True,
            text=True,
            timeout=30,
            cwd=ROOT,
        )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("LOCKED register in gebruik"), result.stdout


def test_writer_in_another_process_locks_us_out(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD_OPEN, str(path), "0"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert child.stdout is not None and child.stdin is not None
        assert child.stdout.readline().strip() == "OPEN"
        with pytest.raises(StoreLocked, match=r"^register in gebruik"):
            Store.open(path)
        with Store.open(path, readonly=True) as reader:
            assert len(reader.register.pilots) == 5
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.wait(timeout=30) == 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    with Store.open(path, lock_timeout=5):
        pass
    assert lock_path(path).name == ".store.json.lock"


# -- changes on disk --------------------------------------------------------------------------


def test_external_change_is_not_overwritten(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path, daily_backup=False) as store:
        assert not store.changed_on_disk()
        theirs = external_edit(path, "Titel van een collega, veel langer dan de oude")
        assert store.changed_on_disk()
        pilot = store.register.pilots[0]
        pilot.doel = "mijn wijziging"
        with pytest.raises(StoreConflict) as info:
            store.save_pilot(pilot)
        assert "gewijzigd sinds het werd gelezen" in str(info.value)
        assert "\n" not in str(info.value)
        assert path.read_bytes() == theirs
        assert store.dirty and store.register.pilots[0].doel == "mijn wijziging"
        with pytest.raises(StoreConflict):
            store.flush()
        assert path.read_bytes() == theirs
        store.reload()
        assert not store.dirty and not store.changed_on_disk()
        assert store.register.title.startswith("Titel van een collega")
        assert store.register.pilots[0].doel != "mijn wijziging"
        store.register.pilots[0].doel = "opnieuw"
        store.save_pilot(store.register.pilots[0])
    loaded = reopen(path)
    assert loaded.title.startswith("Titel van een collega")
    assert loaded.pilots[0].doel == "opnieuw"


@pytest.mark.skipif(os.name != "posix", reason="st_ctime is the creation time on Windows")
def test_same_size_in_place_edit_with_same_mtime_is_not_overwritten(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path, daily_backup=False) as store:
        st = path.stat()
        time.sleep(0.05)  # past the tick of a coarse file system clock
        theirs = external_edit(path, store.register.title[::-1])  # same length
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
        assert path.stat().st_size == st.st_size and path.stat().st_ino == st.st_ino
        assert path.stat().st_mtime_ns == st.st_mtime_ns
        # Size, inode and mtime are as before; the ctime cannot be set back.
        assert store.changed_on_disk()
        store.register.intro = "mijn wijziging"
        with pytest.raises(StoreConflict):
            store.save_meta()
        assert path.read_bytes() == theirs
        store.flush(overwrite=True)  # the user chose their own version
        assert list_backups(path)[0].read_bytes() == theirs
    assert reopen(path).intro == "mijn wijziging"


def test_replaced_file_is_noticed(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path, daily_backup=False) as store:
        theirs = make(tmp_path / "other.json", full_register(2)).read_bytes()
        os.replace(tmp_path / "other.json", path)
        assert store.changed_on_disk()
        with pytest.raises(StoreConflict):
            store.save_meta()
        assert path.read_bytes() == theirs


def test_rewrite_with_identical_bytes_is_no_conflict(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path, daily_backup=False) as store:
        raw = path.read_bytes()
        copy = tmp_path / "copy.json"
        copy.write_bytes(raw)
        os.replace(copy, path)  # a sync tool writing back the same content
        os.utime(path, (1_000_000, 1_000_000))
        assert not store.changed_on_disk()
        store.register.title = "na synchronisatie"
        store.save_meta()
    assert reopen(path).title == "na synchronisatie"


def test_deleted_file_is_a_conflict(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path, daily_backup=False) as store:
        path.unlink()
        assert store.changed_on_disk()
        with pytest.raises(StoreConflict, match="verwijderd of verplaatst"):
            store.save_meta()
        assert not path.exists()


def test_overwrite_after_conflict_keeps_their_version_as_backup(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path, daily_backup=False) as store:
        theirs = external_edit(path, "hun versie")
        store.register.title = "mijn versie"
        with pytest.raises(StoreConflict):
            store.save_meta()
        store.flush(overwrite=True)
        backups = list_backups(path)
        assert backups and backups[0].read_bytes() == theirs
        assert "extern-gewijzigd" in backups[0].name
    assert reopen(path).title == "mijn versie"


def test_reload_of_a_broken_file_keeps_the_current_state(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path, daily_backup=False) as store:
        path.write_text('{"meta": {"1": {"schema_version": 1}}, "pilots": {"1": 5}}')
        with pytest.raises(StoreError, match="pilot 1"):
            store.reload()
        assert len(store.register.pilots) == 5
        with pytest.raises(StoreConflict):
            store.save_meta()


def test_file_changed_while_waiting_for_the_lock_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make(tmp_path / "store.json")
    real = facade.acquire

    def slow_acquire(p: Path, timeout: float) -> Any:
        external_edit(path, "geschreven terwijl wij wachtten")
        return real(p, timeout)

    monkeypatch.setattr(facade, "acquire", slow_acquire)
    with Store.open(path, daily_backup=False) as store:
        assert store.register.title == "geschreven terwijl wij wachtten"
        store.save_meta()  # no conflict: we have the current version


def test_register_from_data_matches_open(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    register, doc_ids = register_from_data(path, read_register_file(path))
    assert register == reopen(path)
    assert doc_ids == {p.id: i for i, p in enumerate(register.pilots, start=1)}


def test_pilot_object_identity_kept_in_register(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path, daily_backup=False) as store:
        replacement = Pilot.from_dict(store.register.pilots[1].to_dict())
        replacement.name = "vervangen"
        store.register.pilots[1] = replacement  # as EditSession does
        store.save_pilot(replacement)
        assert len(store.register.pilots) == 5
    assert reopen(path).pilots[1].name == "vervangen"
