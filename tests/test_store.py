"""The store on real files: round trip, deterministic bytes, each save, batch, read-only,
the writer lock and changes made on disk by someone else."""

from __future__ import annotations

import errno
import json
import os
import re
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tinydb import TinyDB

from pilot_tui import atomic
from pilot_tui.model import SCHEMA_VERSION, AuditEntry, HistoryEntry, Pilot, Register, Status
from pilot_tui.store import (
    RegisterStorage,
    Store,
    StoreConflict,
    StoreError,
    StoreLocked,
    StoreReadOnly,
    canonical,
    dumps,
    facade,
    list_backups,
    lock_path,
    read_register_file,
    register_from_data,
    stamp,
    storage,
)

from .helpers.registers import D2, full_pilot, full_register

ROOT = Path(__file__).resolve().parent.parent


def reopen(path: Path) -> Register:
    with Store.open(path, readonly=True) as store:
        return store.register


def make(path: Path, register: Register | None = None) -> Path:
    Store.create(path, register or full_register()).close()
    return path


# -- round trip and the bytes on disk ----------------------------------------------------


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    original = full_register(6, audit=4)
    path = make(tmp_path / "store.json", original)
    loaded = reopen(path)
    assert loaded == original
    for mine, theirs in zip(loaded.pilots, original.pilots, strict=True):
        assert mine.to_dict() == theirs.to_dict()
    assert [a.to_dict() for a in loaded.audit] == [a.to_dict() for a in original.audit]
    assert loaded.peildata == original.peildata


def test_same_register_gives_identical_bytes(tmp_path: Path) -> None:
    a = make(tmp_path / "a.json", full_register(8))
    b = make(tmp_path / "b.json", full_register(8))
    assert a.read_bytes() == b.read_bytes()
    before = a.read_bytes()
    with Store.open(a, daily_backup=False) as store:
        store.save_all()  # a rewrite of the same register
    assert a.read_bytes() == before
    with Store.open(a, daily_backup=False) as store:
        store.save_pilot(store.register.pilots[3])  # a save without a change
        store.save_meta()
    assert a.read_bytes() == before


def test_file_is_sorted_indented_utf8_with_non_ascii_kept(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    assert "„Ĳsselmonde”" in text and "café" in text and "€" in text
    assert "\\u" not in text  # non-ASCII is kept, not escaped
    assert text.endswith("}\n")
    lines = text.splitlines()
    assert len(lines) > 100
    assert lines[1].startswith('  "') and not lines[1].startswith("   ")  # two spaces a level

    def check_sorted(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in pairs]
        assert keys == sorted(keys)
        return dict(pairs)

    data = json.loads(text, object_pairs_hook=check_sorted)
    assert text == dumps(data)
    assert set(data) == {"meta", "pilots", "audit"}


def test_file_is_a_tinydb_document(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json", full_register(3))
    db = TinyDB(path, access_mode="r")
    try:
        assert {"meta", "pilots", "audit"} <= db.tables()
        assert len(db.table("pilots")) == 3
        assert db.table("meta").all()[0]["schema_version"] == SCHEMA_VERSION
    finally:
        db.close()


def test_create_refuses_existing_file_and_missing_folder(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="bestaat al"):
        Store.create(path, Register())
    assert path.read_bytes() == before
    with pytest.raises(StoreError, match="map bestaat niet"):
        Store.create(tmp_path / "nergens" / "store.json", Register())


# -- each kind of save persists ----------------------------------------------------------


def test_save_pilot_updates_existing(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path) as store:
        pilot = store.register.pilots[2]
        pilot.doel = "Nieuw doel – ü"
        pilot.set_entry(HistoryEntry(D2, "Nieuwe stand", Status.AFGEROND, 12))
        store.save_pilot(pilot)
        assert not store.dirty
    loaded = reopen(path)
    assert loaded.pilots[2].doel == "Nieuw doel – ü"
    assert loaded.pilots[2].entry_for(D2) == HistoryEntry(D2, "Nieuwe stand", Status.AFGEROND, 12)
    assert loaded.pilots[2].status == Status.AFGEROND
    assert len(loaded.pilots) == 5


def test_save_pilot_adds_new(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    new = full_pilot(99)
    with Store.open(path) as store:
        store.save_pilot(new)
        assert store.register.get(new.id) is new
    loaded = reopen(path)
    assert [p.id for p in loaded.pilots][-1] == new.id
    assert loaded.get(new.id) == new


def test_delete_pilot_then_add_does_not_reuse_a_live_id(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path) as store:
        last = store.register.pilots[-1].id
        store.delete_pilot(last)
        store.delete_pilot("bestaat-niet")  # harmless
        assert store.register.get(last) is None
    loaded = reopen(path)
    assert loaded.get(last) is None and len(loaded.pilots) == 4
    with Store.open(path) as store:
        store.save_pilot(full_pilot(50))
        store.save_pilot(full_pilot(51))
        store.delete_pilot(loaded.pilots[0].id)
    loaded = reopen(path)
    assert [p.id for p in loaded.pilots] == [
        "pilot-00001",
        "pilot-00002",
        "pilot-00003",
        "pilot-00050",
        "pilot-00051",
    ]


def test_save_meta(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path) as store:
        store.register.title = "Nieuwe titel ✓"
        store.register.intro = ""
        store.register.annex = "Bijlage 3"
        store.register.add_peildatum(datetime(2023, 1, 1).date())
        store.save_meta()
    loaded = reopen(path)
    assert loaded.title == "Nieuwe titel ✓"
    assert loaded.annex == "Bijlage 3"
    assert loaded.intro == ""
    assert loaded.peildata[-1].isoformat() == "2023-01-01"


def test_save_meta_keeps_a_single_meta_document_whatever_its_id(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["meta"] = {"7": data["meta"]["1"]}
    path.write_text(dumps(data), encoding="utf-8")
    with Store.open(path) as store:
        store.register.title = "Titel"
        store.save_meta()
    assert list(read_register_file(path)["meta"]) == ["7"]
    assert reopen(path).title == "Titel"


def test_add_audit(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json", full_register(3, audit=2))
    entries = [
        AuditEntry(datetime(2023, 2, 1, 9, 30), "pilot-00001", "doel", "a", "b"),
        AuditEntry(datetime(2023, 2, 1, 9, 31), "pilot-00002", "status", None, ["x", 1]),
    ]
    with Store.open(path) as store:
        store.add_audit([])  # nothing to do
        store.add_audit(entries)
        store.add_audit(entries)  # the same entries again are not duplicated
        assert len(store.register.audit) == 4
    loaded = reopen(path)
    assert loaded.audit[2:] == entries
    assert len(read_register_file(path)["audit"]) == 4


def test_save_all_then_single_saves(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path) as store:
        store.register.pilots.reverse()
        store.register.pilots.pop()
        store.save_all()
        extra = full_pilot(77)
        store.save_pilot(extra)
        store.add_audit([AuditEntry(datetime(2023, 1, 1), extra.id, "pilot", None, "x")])
    loaded = reopen(path)
    assert [p.id for p in loaded.pilots] == [
        "pilot-00004",
        "pilot-00003",
        "pilot-00002",
        "pilot-00001",
        "pilot-00077",
    ]
    assert len(loaded.audit) == 4


def test_batch_writes_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make(tmp_path / "store.json")
    calls: list[Path] = []
    real = atomic.atomic_write_stat

    def counting(target: Path, content: str | bytes, **kw: Any) -> os.stat_result:
        calls.append(target)
        return real(target, content, **kw)

    monkeypatch.setattr(atomic, "atomic_write_stat", counting)
    with Store.open(path, daily_backup=False) as store:
        with store.batch():
            for pilot in store.register.pilots:
                pilot.doel = "in één keer"
                store.save_pilot(pilot)
            store.delete_pilot(store.register.pilots[0].id)
            with store.batch():  # nested: still one write
                store.register.title = "Batch"
                store.save_meta()
            store.add_audit([AuditEntry(datetime(2023, 1, 1), "x", "doel", 1, 2)])
            assert calls == []
        assert calls == [path]
        with store.batch():
            pass  # nothing changed: no write
        assert calls == [path]
        store.save_meta()
        assert calls == [path, path]
    loaded = reopen(path)
    assert loaded.title == "Batch" and len(loaded.pilots) == 4
    assert all(p.doel == "in één keer" for p in loaded.pilots)


def test_exception_in_batch_writes_nothing(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    before = path.read_bytes()
    with Store.open(path, daily_backup=False) as store:
        with pytest.raises(RuntimeError), store.batch():
            store.register.title = "half"
            store.save_meta()
            raise RuntimeError("stop")
        assert path.read_bytes() == before
        assert store.dirty  # the change is still in memory; a later save writes it
        store.flush()
        assert not store.dirty
    assert reopen(path).title == "half"


# -- read-only -----------------------------------------------------------------------------


def test_readonly_refuses_every_write(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    before = path.read_bytes()
    with Store.open(path, readonly=True) as store:
        assert store.readonly
        pilot = store.register.pilots[0]
        attempts = [
            lambda: store.save_pilot(pilot),
            lambda: store.save_pilot(full_pilot(42)),
            lambda: store.delete_pilot(pilot.id),
            store.save_meta,
            lambda: store.add_audit([AuditEntry(datetime(2023, 1, 1), "x", "y", 1, 2)]),
            store.save_all,
            store.backup,
        ]
        for attempt in attempts:
            with pytest.raises(StoreReadOnly, match="alleen-lezen"):
                attempt()
        with pytest.raises(StoreReadOnly), store.batch():
            store.save_meta()
        assert not store.dirty
        assert len(store.register.pilots) == 5 and store.register.get("pilot-00042") is None
        store.flush()  # nothing pending: a no-op, not an error
    assert path.read_bytes() == before
    assert not (tmp_path / "store.json.backups").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".store.json.lock", "store.json"]


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


def external_edit(path: Path, title: str) -> bytes:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["meta"]["1"]["title"] = title
    raw = dumps(data).encode("utf-8")
    with open(path, "wb") as fh:  # in place, as an editor or sync tool might
        fh.write(raw)
    return raw


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


# -- saves put the file together from the text kept per document ------------------------------

# What a register holds: no floats, integers within 64 bits.
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(value=JSON_VALUES, level=st.integers(0, 4))
def test_canonical_is_dumps_byte_for_byte(value: Any, level: int) -> None:
    assert canonical(value) + "\n" == dumps(value)
    nl = "\n" + " " * level
    assert canonical(value, nl) == dumps(value)[:-1].replace("\n", nl)


@pytest.mark.parametrize(
    "value",
    [
        {"s": Status.LOPEND, "t": [True, False, None, -3]},
        {"a": {"b": [{}, [], "", {"c": {}}]}},
        {'x\u2028\x00"\\é€𝄞': "y"},
        [[[[]]]],
        {},
        [],
        "",
    ],
)
def test_canonical_nests_like_dumps(value: Any) -> None:
    assert canonical(value) + "\n" == dumps(value)
    assert canonical(value, "\n  ") == dumps(value)[:-1].replace("\n", "\n  ")


def test_canonical_refuses_what_dumps_refuses() -> None:
    for value in ({1: "a", "b": 2}, {"a": object()}, {"a": {1, 2}}, 2**70, {"y": "\ud800"}):
        with pytest.raises(TypeError):
            dumps(value)
        with pytest.raises(TypeError):
            canonical(value)


def on_disk_is_memory(path: Path, store: Store) -> None:
    """The file is what a full ``dumps`` of the data in memory gives, byte for byte."""
    raw = path.read_bytes()
    assert raw == dumps(store._storage.read()).encode("utf-8")
    assert raw == store._storage.payload()
    assert raw == dumps(json.loads(raw)).encode("utf-8")


def counting_canonical(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Record every document the store serialises for a save (not the check of the text
    read from the file, see :mod:`pilot_tui.store.pieces`)."""
    calls: list[Any] = []
    real, real_documents = storage.canonical, storage.canonical_documents

    def counting(value: Any, nl: str = "\n") -> str:
        calls.append(value)
        return real(value, nl)

    def counting_documents(docs: list[tuple[str, Any]]) -> list[bytes]:
        calls.extend(doc for _key, doc in docs)
        return real_documents(docs)

    monkeypatch.setattr(storage, "canonical", counting)
    monkeypatch.setattr(storage, "canonical_documents", counting_documents)
    return calls


def test_every_kind_of_save_gives_the_bytes_of_a_full_dumps(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json", full_register(12, audit=3))
    with Store.open(path, daily_backup=False) as store:
        pilot = store.register.pilots[4]
        steps: list[Callable[[], None]] = [
            lambda: store.save_pilot(pilot),  # unchanged
            lambda: (setattr(pilot, "doel", "gewijzigd"), store.save_pilot(pilot))[1],
            lambda: store.save_pilot(full_pilot(90)),  # new: document id 13
            lambda: store.delete_pilot(store.register.pilots[0].id),
            lambda: store.save_pilot(full_pilot(91)),  # new: document id 14, after "13"
            lambda: (setattr(store.register, "title", "Nieuwe titel"), store.save_meta())[1],
            lambda: store.add_audit([AuditEntry(datetime(2024, 1, 2), "x", "doel", [1], {})]),
            lambda: _edit_like_the_app(store, store.register.pilots[2]),
            lambda: (store.register.pilots.pop(1), store.save_all())[1],
            lambda: store.save_pilot(store.register.pilots[3]),
            lambda: [store.delete_pilot(p.id) for p in list(store.register.pilots)],
            lambda: store.save_pilot(full_pilot(92)),
        ]
        for step in steps:
            step()
            on_disk_is_memory(path, store)
        assert [p.id for p in store.register.pilots] == ["pilot-00092"]
    assert reopen(path) == store.register


def _edit_like_the_app(store: Store, pilot: Pilot) -> None:
    """What EditSession does for one edit: pilot, meta and an audit entry in one save."""
    with store.batch():
        pilot.name = "via de app"
        store.save_pilot(pilot)
        store.save_meta()
        store.add_audit([AuditEntry(datetime(2024, 1, 3), pilot.id, "name", "a", "b")])


def test_a_save_serialises_only_what_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make(tmp_path / "store.json", full_register(20, audit=3))
    calls = counting_canonical(monkeypatch)
    with Store.open(path, daily_backup=False) as store:
        pilot = store.register.pilots[7]
        pilot.doel = "een"
        store.save_pilot(pilot)  # the first save: the others' text is the file's
        assert [c["id"] for c in calls] == [pilot.id]
        calls.clear()
        pilot.doel = "twee"
        store.save_pilot(pilot)
        assert [c["id"] for c in calls] == [pilot.id]
        calls.clear()
        _edit_like_the_app(store, pilot)
        assert len(calls) == 3  # the pilot, the meta document, the new audit entry
        audit, meta, doc = calls  # in the order of the file: audit, meta, pilots
        assert audit["field"] == "name" and "schema_version" in meta and doc["id"] == pilot.id
        calls.clear()
        store.delete_pilot(store.register.pilots[0].id)
        assert calls == []
        on_disk_is_memory(path, store)
        store.reload()  # everything read again: the text kept is the file's
        store.save_meta()
        assert len(calls) == 1 and "schema_version" in calls[0]
        on_disk_is_memory(path, store)


def test_kept_text_after_a_conflict_and_a_reload(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make(tmp_path / "store.json", full_register(6))
    calls = counting_canonical(monkeypatch)
    with Store.open(path, daily_backup=False) as store:
        pilot = store.register.pilots[2]
        pilot.doel = "eerst"
        store.save_pilot(pilot)
        calls.clear()
        theirs = external_edit(path, "van een collega")
        pilot.doel = "mijn wijziging"
        with pytest.raises(StoreConflict):
            store.save_pilot(pilot)
        assert calls == []  # refused before anything was serialised
        assert path.read_bytes() == theirs
        store.reload()
        assert store.register.title == "van een collega"
        pilot = store.register.pilots[2]
        assert pilot.doel == "eerst"
        pilot.doel = "daarna"
        store.save_pilot(pilot)
        on_disk_is_memory(path, store)
    loaded = reopen(path)
    assert loaded.title == "van een collega" and loaded.pilots[2].doel == "daarna"


def test_kept_text_after_a_failed_save_and_a_retry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make(tmp_path / "store.json", full_register(6))
    before = path.read_bytes()
    calls = counting_canonical(monkeypatch)
    with Store.open(path, daily_backup=False) as store:
        store.save_meta()  # every piece made once
        calls.clear()
        before = path.read_bytes()
        pilot = store.register.pilots[1]
        pilot.doel = "na een volle schijf"

        def full_disk(*a: Any, **kw: Any) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        with monkeypatch.context() as m:
            m.setattr(os, "replace", full_disk)
            m.setattr(time, "sleep", lambda s: None)
            with pytest.raises(StoreError, match="de schijf is vol"):
                store.save_pilot(pilot)
        assert path.read_bytes() == before and store.dirty
        assert [c["id"] for c in calls] == [pilot.id]
        calls.clear()
        store.flush()  # the retry reuses the text made for the failed save
        assert calls == [] and not store.dirty
        on_disk_is_memory(path, store)
    assert reopen(path).pilots[1].doel == "na een volle schijf"


def test_tinydb_writes_in_place_and_nothing_stale_is_kept(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json", full_register(4))
    db = TinyDB(path, storage=RegisterStorage)
    try:
        storage = db.storage
        storage.load()
        storage.flush()  # pieces made for every document
        # TinyDB changes the document dicts in place, then calls write()
        db.table("pilots").update({"doel": "via TinyDB"}, doc_ids=[2])
        assert json.loads(path.read_bytes())["pilots"]["2"]["doel"] == "via TinyDB"
        assert path.read_bytes() == dumps(storage.read()).encode("utf-8")
    finally:
        db.close()
    assert reopen(path).pilots[1].doel == "via TinyDB"


def test_a_save_does_not_read_the_file_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make(tmp_path / "store.json", full_register(4))
    reads: list[Path] = []
    real = stamp.read_bytes

    def counting(p: Path) -> Any:
        reads.append(p)
        return real(p)

    with Store.open(path, daily_backup=False) as store:
        monkeypatch.setattr(facade, "read_bytes", counting)
        for i in range(3):
            store.register.title = f"titel {i}"
            store.save_meta()
            assert not store.changed_on_disk()
        assert reads == []  # only a stat before each save
        raw = path.read_bytes()
        copy = tmp_path / "copy.json"
        copy.write_bytes(raw)
        os.replace(copy, path)  # the same bytes, another inode: the content is compared
        store.save_meta()
        assert reads == [path]
        store.save_meta()  # the new stamp was taken over
        assert reads == [path]


def test_conflicts_seen_with_the_digest_in_a_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stamp, "_DIGEST_IN_THREAD", 0)
    path = make(tmp_path / "store.json")
    with Store.open(path, daily_backup=False) as store:
        store.save_meta()
        raw = path.read_bytes()
        copy = tmp_path / "copy.json"
        copy.write_bytes(raw)
        os.replace(copy, path)
        assert not store.changed_on_disk()
        theirs = external_edit(path, "van een collega")
        with pytest.raises(StoreConflict):
            store.save_meta()
        assert path.read_bytes() == theirs


@pytest.mark.parametrize(
    "fragment", ['"x\\ud800"', "123456789012345678901234567890", "NaN", "1e400"]
)
def test_values_that_could_not_be_saved_again_are_refused(tmp_path: Path, fragment: str) -> None:
    """A lone surrogate or a huge number would load and then make every save fail."""
    path = make(tmp_path / "store.json")
    text = path.read_text(encoding="utf-8")
    assert '"gemeente": ' in text
    bad = re.sub(r'"gemeente": "[^"]*"', lambda _m: f'"gemeente": {fragment}', text, count=1)
    path.write_text(bad, encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(StoreError) as info:
        Store.open(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == before


# -- times and dates as the file holds them ------------------------------------------------


def test_audit_times_with_an_offset_are_local_times_after_loading(tmp_path: Path) -> None:
    """A script (or a colleague's tool) wrote an audit time with an offset: sorting it
    among naive times crashed `snapshot --since`. Loaded, every time is naive local."""
    path = make(tmp_path / "store.json", full_register(3, audit=2))
    data = json.loads(path.read_bytes())
    data["audit"]["3"] = {
        "when": "2022-01-15T10:00:00+02:00",
        "pilot_id": "pilot-00001",
        "field": "looptijd",
        "old": "2021",
        "new": "2021 – 2022",
    }
    path.write_text(dumps(data), encoding="utf-8")
    with Store.open(path) as store:
        whens = [e.when for e in store.register.audit]
        assert all(w.tzinfo is None for w in whens)
        expected = datetime.fromisoformat("2022-01-15T10:00:00+02:00").astimezone()
        assert whens[2] == expected.replace(tzinfo=None)
        store.add_audit([AuditEntry(datetime(2023, 1, 1), "pilot-00002", "doel", "a", "b")])
    assert all(e.when.tzinfo is None for e in reopen(path).audit)
    out = tmp_path / "stand.md"
    args = ["--store", str(path), "--format", "md", "-o", str(out), "--since", "2021-12-01"]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pilot_tui.launcher",
            "snapshot",
            *args,
            "--peildatum",
            "2022-06-01",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Wijzigingen sinds" in out.read_text(encoding="utf-8")


def test_a_register_that_could_not_be_read_back_is_not_created(tmp_path: Path) -> None:
    register = full_register(2)
    register.add_peildatum(date(9999, 12, 1))
    path = tmp_path / "store.json"
    with pytest.raises(StoreError, match="buiten 1900–2199"):
        Store.create(path, register)
    assert not path.exists()


def test_import_of_an_overview_dated_beyond_the_range_writes_nothing(tmp_path: Path) -> None:
    from .conftest import SEED_TEXT, run_cli

    text = SEED_TEXT.read_text(encoding="utf-8")
    source = tmp_path / "overzicht.txt"
    source.write_text(text.replace("peildatum 1 december 2021", "peildatum 1 december 9999"))
    path = tmp_path / "nieuw.json"
    result = run_cli("import", "--store", str(path), str(source))
    assert result.returncode == 2, result.stdout
    assert "ligt buiten 1900–2199" in result.stderr and result.stderr.count("\n") == 1
    assert not path.exists()
