"""Data safety of leftovers and backups: stale temporary files, backup rotation, the daily
backup and restore."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from pilot_tui.atomic import remove_stale_temps, temp_files
from pilot_tui.store import Store, StoreError, StoreLocked, backup_dir, list_backups, restore_backup
from pilot_tui.store import backups as backups_mod

from .conftest import run_cli
from .helpers.safety import make, snapshot, valid_bytes

# -- leftovers of a crash -----------------------------------------------------------------------


def leave_temps(path: Path) -> list[Path]:
    old = path.parent / f".{path.name}.abc123.tmp"
    old.write_bytes(valid_bytes()[:100])
    ancient = time.time() - 3600
    os.utime(old, (ancient, ancient))
    fresh = path.parent / f".{path.name}.xyz789.tmp"
    fresh.write_bytes(b"")
    return [old, fresh]


def test_stale_temps_are_ignored_on_open_and_removed_on_save(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    temps = leave_temps(path)
    other = tmp_path / ".other.json.abc.tmp"  # not ours
    other.write_text("x")
    with Store.open(path, daily_backup=False) as store:
        assert len(store.register.pilots) == 4
        assert all(t.exists() for t in temps)  # opening changes nothing
        store.save_meta()
        assert temp_files(path) == []  # we hold the lock: all of ours go
    assert other.exists()


def test_stale_temps_without_the_lock_only_old_ones(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    old, fresh = leave_temps(path)
    assert remove_stale_temps(path) == 1
    assert not old.exists() and fresh.exists()
    assert remove_stale_temps(path, older_than=None) == 1
    assert temp_files(path) == []


def test_readonly_store_leaves_temps_alone(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    temps = leave_temps(path)
    with Store.open(path, readonly=True) as store:
        assert store.register.pilots
    assert all(t.exists() for t in temps)


def test_temp_pattern_with_glob_characters(tmp_path: Path) -> None:
    path = make(tmp_path / "[reg]*.json")
    old, _ = leave_temps(path)
    decoy = tmp_path / ".r.json.abc.tmp"
    decoy.write_text("x")
    with Store.open(path, daily_backup=False) as store:
        store.save_meta()
    assert temp_files(path) == [] and decoy.exists() and not old.exists()


# -- backups --------------------------------------------------------------------------------------


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    c = Clock(datetime(2024, 3, 1, 9, 0))
    monkeypatch.setattr(backups_mod, "_now", c)
    yield c


def test_backup_rotation_keeps_ten_newest(tmp_path: Path, clock: Clock) -> None:
    path = make(tmp_path / "store.json")
    stray = backup_dir(path)
    stray.mkdir()
    (stray / "notities.txt").write_text("van de gebruiker")
    (stray / "store-kopie.json").write_text("{}")
    made = []
    with Store.open(path, daily_backup=False) as store:
        for i in range(15):
            store.register.title = f"versie {i}"
            store.save_meta()
            made.append(store.backup("import" if i % 2 else ""))
    backups = list_backups(path)
    assert backups == made[::-1][:10]  # newest first
    assert [p.name for p in backups] == sorted((p.name for p in backups), reverse=True)
    assert json.loads(backups[0].read_text())["meta"]["1"]["title"] == "versie 14"
    assert (stray / "notities.txt").exists() and (stray / "store-kopie.json").exists()
    assert "-import" in backups[1].name
    assert [p for p in backup_dir(path).iterdir() if p.name.endswith(".tmp")] == []


def test_backup_count_is_configurable(tmp_path: Path, clock: Clock) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path, daily_backup=False, backups_keep=3) as store:
        made = [store.backup(f"reden {i}/../x") for i in range(5)]
        assert store.backups_keep == 3
    assert list_backups(path) == made[::-1][:3]
    assert all(p.parent == backup_dir(path) for p in made)
    assert "reden-4-x" in made[-1].name


def test_future_and_foreign_backup_names_never_push_out_real_backups(
    tmp_path: Path, clock: Clock
) -> None:
    """Ten copies named for 2030 (a wrong clock, a synced folder) sorted ahead of every
    real backup, so each new backup deleted all the others."""
    path = make(tmp_path / "store.json")
    folder = backup_dir(path)
    folder.mkdir()
    foreign = [folder / f"store-20300101-0000{i:02d}-000000-dagelijks.json" for i in range(10)]
    foreign.append(folder / "store-20241399-000000-000000.json")  # no such date
    for f in foreign:
        f.write_bytes(path.read_bytes())
    made = []
    with Store.open(path, daily_backup=False) as store:
        for i in range(14):
            store.register.title = f"versie {i}"
            store.save_meta()
            made.append(store.backup())
    backups = list_backups(path)
    assert backups[:10] == made[::-1][:10]  # the newest real ones first, all there
    assert all(not m.exists() for m in made[:4])  # the older real ones rotated out
    assert all(f.exists() for f in foreign)  # what is not judged ours is left alone
    assert set(backups[10:]) == set(foreign)
    assert json.loads(backups[0].read_text())["meta"]["1"]["title"] == "versie 13"


def test_rotation_keeps_todays_daily_and_the_pre_import_copy(tmp_path: Path, clock: Clock) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path, backups_keep=3) as store:  # today's daily backup
        daily = list_backups(path)[0]
        assert "-dagelijks" in daily.name
        store.register.title = "voor de import"
        store.save_meta()
        before_import = store.backup("import")
        made = []
        for i in range(6):
            store.register.title = f"versie {i}"
            store.save_meta()
            made.append(store.backup("extern-gewijzigd"))
    backups = list_backups(path)
    assert daily in backups and before_import in backups
    assert backups == sorted([daily, before_import, *made[-3:]], reverse=True)


def test_daily_backup_on_first_writable_open(tmp_path: Path, clock: Clock) -> None:
    path = make(tmp_path / "store.json")
    assert list_backups(path) == []
    with Store.open(path, readonly=True):
        pass
    assert list_backups(path) == []  # a reader makes none
    with Store.open(path) as store:
        store.register.title = "dag 1"
        store.save_meta()
    first = list_backups(path)
    assert len(first) == 1 and "-dagelijks" in first[0].name and "20240301" in first[0].name
    with Store.open(path):  # same day: no second copy
        pass
    assert list_backups(path) == first
    clock.now += timedelta(days=1)
    with Store.open(path, daily_backup=False):
        pass
    assert list_backups(path) == first
    with Store.open(path):  # next day, changed since the last copy: a new one
        pass
    second = list_backups(path)
    assert len(second) == 2 and "20240302" in second[0].name
    assert json.loads(second[0].read_text())["meta"]["1"]["title"] == "dag 1"
    clock.now += timedelta(days=1)
    with Store.open(path):  # unchanged since the newest copy: keep the older ones instead
        pass
    assert list_backups(path) == second


def test_daily_backup_failure_is_a_warning_not_a_refusal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make(tmp_path / "store.json")
    backup_dir(path).write_text("een bestand waar de map hoort")
    with Store.open(path) as store:
        assert len(store.warnings) == 1 and "reservekopie maken mislukt" in store.warnings[0]
        store.save_meta()


def test_cli_shows_a_warning_of_the_store(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    backup_dir(path).write_text("een bestand waar de map hoort")
    result = run_cli("set", "--store", str(path), "pilot-00001", "doel=toch opgeslagen")
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(warnings) == 1, result.stderr
    assert warnings[0].startswith("pilot-tui: waarschuwing: ")
    assert "reservekopie maken mislukt" in warnings[0]
    assert Store.open(path, readonly=True).register.pilots[1].doel == "toch opgeslagen"


def test_restore_backup(tmp_path: Path, clock: Clock) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path, daily_backup=False) as store:
        store.register.title = "oud"
        store.save_meta()
        old = store.backup()
        store.register.title = "nieuw"
        store.save_meta()
    current = path.read_bytes()
    saved = restore_backup(path, Path(old.name))  # by name, as the CLI allows
    assert saved is not None and saved.read_bytes() == current
    assert "voor-herstel" in saved.name and list_backups(path)[0] == saved
    assert path.read_bytes() == old.read_bytes()
    assert Store.open(path, readonly=True).register.title == "oud"
    assert temp_files(path) == []


def test_restore_refuses_a_corrupt_backup(tmp_path: Path, clock: Clock) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path, daily_backup=False) as store:
        bad = store.backup()
    bad.write_bytes(valid_bytes()[:50])
    before = snapshot(tmp_path)
    with pytest.raises(StoreError) as info:
        restore_backup(path, bad)
    message = str(info.value)
    assert str(bad) in message and "niet teruggezet" in message and "\n" not in message
    assert snapshot(tmp_path) == before


def test_restore_over_a_corrupt_register_keeps_a_copy_of_it(tmp_path: Path, clock: Clock) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path) as store:
        pass
    good = list_backups(path)[0]
    path.write_bytes(b"\x00" * 100)
    saved = restore_backup(path, good)
    assert saved is not None and saved.read_bytes() == b"\x00" * 100
    with Store.open(path) as store:
        assert len(store.register.pilots) == 4
    # The broken copy is now the newest backup, but a refusal names the good one.
    path.write_bytes(b"{")
    with pytest.raises(StoreError, match=f"laatste reservekopie: {good}$"):
        Store.open(path)


def test_restore_while_in_use_is_refused(tmp_path: Path, clock: Clock) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path) as store:
        good = list_backups(path)[0]
        store.register.title = "in gebruik"
        store.save_meta()
        with pytest.raises(StoreLocked):
            restore_backup(path, good)
    assert Store.open(path, readonly=True).register.title == "in gebruik"


def test_restore_of_missing_backup(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="bestand bestaat niet"):
        restore_backup(path, tmp_path / "geen.json")
    assert path.read_bytes() == before
