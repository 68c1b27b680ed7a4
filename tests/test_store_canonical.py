"""The bytes the store writes: the canonical dumps, saves put together from the text kept per
document, and times and dates as the file holds them."""

from __future__ import annotations

import errno
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tinydb import TinyDB

from pilot_tui.model import AuditEntry, Pilot, Status
from pilot_tui.store import (
    RegisterStorage,
    Store,
    StoreConflict,
    StoreError,
    canonical,
    dumps,
    facade,
    stamp,
)

from .helpers.registers import full_pilot, full_register
from .helpers.store_files import counting_canonical, external_edit, make, reopen

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
