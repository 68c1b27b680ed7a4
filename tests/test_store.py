"""The store on real files: round trip, deterministic bytes, each save, batch and read-only."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from tinydb import TinyDB

from pilot_tui import atomic
from pilot_tui.model import SCHEMA_VERSION, AuditEntry, HistoryEntry, Register, Status
from pilot_tui.store import Store, StoreError, StoreReadOnly, dumps, read_register_file

from .helpers.registers import D2, full_pilot, full_register
from .helpers.store_files import make, reopen

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
