"""The three-way merge of register files: the audit log merged, the file written as the
store writes it, and conflicts resolved through the edit session.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from pilot_tui.changes import ChangeError, EditSession
from pilot_tui.merge import (
    CONFLICTS,
    EDIT,
    OURS,
    THEIRS,
    conflicts_of,
    merge_files,
    merge_registers,
    resolve_conflict,
)
from pilot_tui.model import AuditEntry, HistoryEntry, Register, Status
from pilot_tui.store import Store, data_from_register, dumps

from .conftest import D1, D2, small_register
from .helpers.merging import new_pilot, pilot, sides

# -- the audit log ------------------------------------------------------------------------------


def test_audit_logs_merge_without_loss_or_duplication_ordered_by_time() -> None:
    base = small_register()
    shared = AuditEntry(datetime(2022, 1, 1, 9), "huur", "doel@2021-12-01", "a", "b")
    base.audit = [shared]
    ours, theirs = sides(base)
    mine = [AuditEntry(datetime(2022, 6, 1, 10), "huur", "doel@2022-06-01", "b", "c")]
    their = [
        AuditEntry(datetime(2022, 6, 1, 9), "almere", "gemeente@2022-06-01", "x", "y"),
        AuditEntry(datetime(2022, 6, 1, 11), "almere", "doel@2022-06-01", "x", "y"),
    ]
    ours.audit += mine
    theirs.audit += their
    merged = merge_registers(base, ours, theirs)
    assert merged.register.audit == [shared, their[0], mine[0], their[1]]
    assert merged.stats.audit_added == 2


# -- the file -----------------------------------------------------------------------------------


def write(path: Path, register: Register) -> Path:
    path.write_text(dumps(data_from_register(register)), encoding="utf-8")
    return path


def three_files(tmp_path: Path, base: Register, ours: Register, theirs: Register) -> list[Path]:
    return [
        write(tmp_path / "base.json", base),
        write(tmp_path / "ours.json", ours),
        write(tmp_path / "theirs.json", theirs),
    ]


def test_merge_files_writes_a_valid_deterministic_register(tmp_path: Path) -> None:
    base = small_register()
    ours, theirs = sides(base)
    pilot(ours, "almere").set_at("gemeente", "Zwolle", D2)
    pilot(theirs, "almere").set_at("gemeente", "Deventer", D2)
    pilot(theirs, "huur").set_at("doel", "Hun doel.", D2)
    b, o, t = three_files(tmp_path, base, ours, theirs)
    result = merge_files(b, o, t)
    assert result.written
    first = o.read_bytes()
    assert b"<<<<<<<" not in first and b">>>>>>>" not in first
    with Store.open(o, readonly=True) as store:
        register = store.register
    assert pilot(register, "huur").value_at("doel", D2) == "Hun doel."
    assert len(conflicts_of(register)) == 1
    assert first == dumps(json.loads(first)).encode("utf-8")  # the store's own bytes
    write(o, ours)
    merge_files(b, o, t)
    assert o.read_bytes() == first  # the same inputs, the same bytes


def test_our_document_ids_stay_and_theirs_follow(tmp_path: Path) -> None:
    base = small_register()
    ours, theirs = sides(base)
    theirs.pilots.append(new_pilot("zwolle", "Pilot Zwolle"))
    b, o, t = three_files(tmp_path, base, ours, theirs)
    data = json.loads(o.read_text(encoding="utf-8"))
    data["pilots"] = {str(int(k) * 10): v for k, v in data["pilots"].items()}  # gaps
    o.write_text(dumps(data), encoding="utf-8")
    merge_files(b, o, t)
    merged = json.loads(o.read_text(encoding="utf-8"))
    assert sorted(merged["pilots"], key=int) == ["10", "20", "30", "40", "50", "51"]
    assert merged["pilots"]["51"]["id"] == "zwolle"


def test_nothing_from_theirs_leaves_ours_as_it_was(tmp_path: Path) -> None:
    base = small_register()
    ours, theirs = sides(base)
    pilot(ours, "huur").set_at("doel", "Ons doel.", D2)
    b, o, t = three_files(tmp_path, base, ours, theirs)
    data = json.loads(o.read_text(encoding="utf-8"))
    next(iter(data["meta"].values()))["schema_version"] = 1
    o.write_text(dumps(data), encoding="utf-8")
    raw = o.read_bytes()
    assert not merge_files(b, o, t).written
    assert o.read_bytes() == raw


def test_an_empty_base_is_no_base(tmp_path: Path) -> None:
    """git's base when both sides added the register apart: an empty file."""
    base = small_register()
    ours, theirs = sides(base)
    pilot(ours, "almere").set_at("gemeente", "Zwolle", D2)
    _b, o, t = three_files(tmp_path, base, ours, theirs)
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    result = merge_files(empty, o, t)
    assert [c.key() for c in result.merged.conflicts] == [("almere", "gemeente", "2022-06-01")]


def test_unknown_tables_merge_per_document(tmp_path: Path) -> None:
    base = small_register()
    b, o, t = three_files(tmp_path, base, base, base)
    for path, docs in ((o, {"1": {"x": 1}, "2": {"y": 1}}), (t, {"1": {"x": 1}, "3": {"z": 1}})):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["notities"] = docs
        path.write_text(dumps(data), encoding="utf-8")
    merge_files(b, o, t)
    merged = json.loads(o.read_text(encoding="utf-8"))
    assert merged["notities"] == {"1": {"x": 1}, "2": {"y": 1}, "3": {"z": 1}}


# -- resolving, through the edit session ---------------------------------------------------------


def conflicted_store(tmp_path: Path) -> Path:
    base = small_register()
    ours, theirs = sides(base)
    pilot(ours, "almere").set_at("gemeente", "Zwolle", D2)
    pilot(theirs, "almere").set_at("gemeente", "Deventer", D2)
    pilot(ours, "huur").set_entry(HistoryEntry(D2, "Onze tekst.", Status.LOPEND))
    pilot(theirs, "huur").set_entry(HistoryEntry(D2, "Hun tekst.", Status.AFGEROND))
    ours.title, theirs.title = "Onze titel", "Hun titel"
    b, o, t = three_files(tmp_path, base, ours, theirs)
    merge_files(b, o, t)
    return o


def test_resolving_takes_theirs_keeps_ours_or_an_edit_and_undo_brings_it_back(
    tmp_path: Path,
) -> None:
    path = conflicted_store(tmp_path)
    with Store.open(path) as store:
        session = EditSession(store)
        register = store.register
        assert [c.field for c in conflicts_of(register)] == ["stand_van_zaken", "gemeente", "title"]
        with pytest.raises(ChangeError, match="niet leeg"):
            resolve_conflict(session, 0, EDIT, "  ")
        resolve_conflict(session, 0, EDIT, "Onze en hun tekst.")
        huur = pilot(register, "huur")
        entry = huur.entry_for(D2)
        assert entry is not None and entry.stand_van_zaken == "Onze en hun tekst."
        assert not entry.unchanged
        resolve_conflict(session, 0, THEIRS)
        assert pilot(register, "almere").value_at("gemeente", D2) == "Deventer"
        assert pilot(register, "almere").value_at("gemeente", D1) == "Almere"
    with Store.open(path) as store:
        session = EditSession(store)
        resolve_conflict(session, 0, OURS)
        assert store.register.title == "Onze titel"
        assert CONFLICTS not in store.register.extra
        session.undo()
        assert [c.field for c in conflicts_of(store.register)] == ["title"]
    with Store.open(path, readonly=True) as store:
        assert [c.field for c in conflicts_of(store.register)] == ["title"]
        assert store.register.audit[-1].field == "pilot (ongedaan gemaakt)"
        assert any(a.field == "conflict gemeente@2022-06-01" for a in store.register.audit)


def test_undo_of_taking_theirs_restores_value_and_conflict(tmp_path: Path) -> None:
    path = conflicted_store(tmp_path)
    with Store.open(path) as store:
        session = EditSession(store)
        resolve_conflict(session, 1, THEIRS)  # the gemeente of almere
        session.undo()
        assert pilot(store.register, "almere").value_at("gemeente", D2) == "Zwolle"
        assert len(conflicts_of(store.register)) == 3
        session.redo()
        assert pilot(store.register, "almere").value_at("gemeente", D2) == "Deventer"
        assert len(conflicts_of(store.register)) == 2


def test_a_name_typed_for_a_conflict_must_be_free(tmp_path: Path) -> None:
    base = small_register()
    ours, theirs = sides(base)
    pilot(ours, "almere").set_at("name", "Almere (ons)", D2)
    pilot(theirs, "almere").set_at("name", "Almere (hun)", D2)
    b, o, t = three_files(tmp_path, base, ours, theirs)
    merge_files(b, o, t)
    with Store.open(o) as store:
        session = EditSession(store)
        with pytest.raises(ChangeError, match="al een pilot met de naam"):
            resolve_conflict(session, 0, EDIT, "Online keuzehulp bij scheiden")
        resolve_conflict(session, 0, EDIT, "  Almere   samen ")
        assert pilot(store.register, "almere").value_at("name", D2) == "Almere samen"
