"""The three-way merge of two registers (pilot_tui.merge): per pilot, per field timeline,
per stand van zaken, per unknown key; conflicts recorded in a valid register and resolved
through the edit session; the file written as the store writes it.

The property test at the end: for random edits on two sides, the merge keeps every change
that does not conflict, on both sides.
"""

from __future__ import annotations

import copy
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pilot_tui.changes import ChangeError, EditSession, set_fields
from pilot_tui.checks import find_problems
from pilot_tui.merge import (
    ABSENT,
    CONFLICTS,
    EDIT,
    OURS,
    THEIRS,
    WHOLE_PILOT,
    Conflict,
    conflicts_of,
    merge_data,
    merge_files,
    merge_registers,
    resolve_conflict,
)
from pilot_tui.model import (
    VERSIONED,
    AuditEntry,
    Footnote,
    HistoryEntry,
    Pilot,
    Register,
    Status,
)
from pilot_tui.store import Store, data_from_register, dumps, register_from_data

from .conftest import D1, D2, small_register

D0 = date(2021, 6, 1)
D3 = date(2022, 12, 1)


def sides(base: Register) -> tuple[Register, Register]:
    return copy.deepcopy(base), copy.deepcopy(base)


def pilot(register: Register, pilot_id: str) -> Pilot:
    found = register.get(pilot_id)
    assert found is not None, pilot_id
    return found


def keys(register: Register) -> list[tuple[str, str, str]]:
    return [c.key() for c in conflicts_of(register)]


# -- merging without conflicts ------------------------------------------------------------------


def test_changes_to_different_pilots_merge_silently() -> None:
    base = small_register()
    ours, theirs = sides(base)
    pilot(ours, "huur").set_at("achtergrond", "Onze achtergrond.", D2)
    pilot(theirs, "almere").set_at("gemeente", "Almere-Haven", D2)
    merged = merge_registers(base, ours, theirs)
    assert merged.conflicts == [] and CONFLICTS not in merged.register.extra
    register = merged.register
    assert pilot(register, "huur").value_at("achtergrond", D2) == "Onze achtergrond."
    assert pilot(register, "huur").value_at("achtergrond", D1) == "Huurders sneller helpen."
    assert pilot(register, "almere").value_at("gemeente", D2) == "Almere-Haven"
    assert pilot(register, "almere").value_at("gemeente", D1) == "Almere"
    assert [p.id for p in register.pilots] == [p.id for p in base.pilots]
    assert merged.stats.taken == 1


def test_different_fields_of_one_pilot_merge_silently() -> None:
    base = small_register()
    ours, theirs = sides(base)
    pilot(ours, "huur").set_at("achtergrond", "Onze achtergrond.", D2)
    pilot(theirs, "huur").set_at("looptijd", "Najaar 2019 – december 2023", D2)
    pilot(theirs, "huur").set_at("partners", ["Raad", "Gemeente"], D2)
    register = merge_registers(base, ours, theirs).register
    huur = pilot(register, "huur")
    assert huur.value_at("achtergrond", D2) == "Onze achtergrond."
    assert huur.value_at("looptijd", D2) == "Najaar 2019 – december 2023"
    assert huur.value_at("partners", D2) == ["Raad", "Gemeente"]
    assert huur.value_at("looptijd", D1) == "Najaar 2019 – december 2021"
    assert not conflicts_of(register)


def test_one_field_per_peildatum_merges_each_value_from_its_peildatum() -> None:
    """A correction for an earlier peildatum on one side, a change for the latest on the
    other: both hold, each from its own peildatum."""
    base = small_register()
    ours, theirs = sides(base)
    pilot(ours, "almere").set_at("looptijd", "November 2021 – juni 2023", D2)
    # a correction as the app and the command line make it: later rounds stay as they were
    set_fields(
        pilot(theirs, "almere"),
        {"looptijd": "Oktober 2021 – december 2022"},
        D1,
        later=theirs.peildata,
    )
    merged = merge_registers(base, ours, theirs)
    almere = pilot(merged.register, "almere")
    assert almere.value_at("looptijd", D0) == "November 2021 – december 2022"
    assert almere.value_at("looptijd", D1) == "Oktober 2021 – december 2022"
    assert almere.value_at("looptijd", D2) == "November 2021 – juni 2023"
    assert merged.conflicts == []


def test_a_change_point_taken_away_on_one_side_stays_away() -> None:
    """Setting a peildatum's value back to the one before removes the change point; the
    other side's correction of an earlier peildatum does not bring the old value back."""
    base = small_register()
    pilot(base, "almere").set_at("gemeente", "Almere-Buiten", D2)
    ours, theirs = sides(base)
    pilot(ours, "almere").set_at("gemeente", "Almere", D2)  # back to the value before
    assert len(pilot(ours, "almere").timeline("gemeente")) == 1
    pilot(theirs, "almere").set_at("gemeente", "Flevoland", D1)
    almere = pilot(merge_registers(base, ours, theirs).register, "almere")
    assert almere.value_at("gemeente", D1) == "Flevoland"
    assert almere.value_at("gemeente", D2) == "Almere"


def test_stand_van_zaken_merges_per_peildatum_and_per_key() -> None:
    base = small_register()
    ours, theirs = sides(base)
    # ours: a new text for D2; theirs: the number of cases of D2, and a new text for D1
    huur_ours, huur_theirs = pilot(ours, "huur"), pilot(theirs, "huur")
    entry = huur_ours.entry_for(D2)
    assert entry is not None
    huur_ours.set_entry(HistoryEntry(D2, "Onze nieuwe stand.", entry.status, entry.zaken))
    entry = huur_theirs.entry_for(D2)
    assert entry is not None
    huur_theirs.set_entry(HistoryEntry(D2, entry.stand_van_zaken, entry.status, 42))
    huur_theirs.set_entry(HistoryEntry(D1, "Hun correctie van 2021.", Status.LOPEND))
    # a new peildatum on their side only
    theirs.add_peildatum(D3)
    pilot(theirs, "almere").set_entry(HistoryEntry(D3, "Almere in december.", Status.LOPEND))
    merged = merge_registers(base, ours, theirs)
    huur = pilot(merged.register, "huur")
    d2 = huur.entry_for(D2)
    assert d2 is not None and (d2.stand_van_zaken, d2.zaken) == ("Onze nieuwe stand.", 42)
    d1 = huur.entry_for(D1)
    assert d1 is not None and d1.stand_van_zaken == "Hun correctie van 2021."
    assert merged.register.peildata == [D1, D2, D3]
    almere = pilot(merged.register, "almere")
    assert [e.peildatum for e in almere.history] == [D1, D3]
    assert merged.conflicts == []


def test_unknown_keys_merge_per_key_at_every_level() -> None:
    base = small_register()
    base.extra["team"] = {"naam": "Rechtsbijstand"}
    pilot(base, "huur").extra["kenmerk"] = "A-1"
    ours, theirs = sides(base)
    ours.extra["onze_sleutel"] = 1
    theirs.extra["team"] = {"naam": "Toegang tot het recht"}
    pilot(ours, "huur").extra["eigenaar"] = "Jan"
    pilot(theirs, "huur").extra["kenmerk"] = "A-2"
    entry = pilot(theirs, "huur").entry_for(D2)
    assert entry is not None
    entry.extra["bron"] = "brief"
    merged = merge_registers(base, ours, theirs)
    register = merged.register
    assert register.extra["team"] == {"naam": "Toegang tot het recht"}
    assert register.extra["onze_sleutel"] == 1
    huur = pilot(register, "huur")
    assert huur.extra == {"kenmerk": "A-2", "eigenaar": "Jan"}
    merged_entry = huur.entry_for(D2)
    assert merged_entry is not None and merged_entry.extra == {"bron": "brief"}
    assert merged.conflicts == []


# -- pilots added --------------------------------------------------------------------------------


def new_pilot(pilot_id: str, name: str, text: str = "Gestart.") -> Pilot:
    added = Pilot(id=pilot_id, name=name, looptijd="2022 – 2024", achtergrond="A", doel="D")
    added.set_entry(HistoryEntry(D2, text, Status.LOPEND))
    added.set_at("removed", True, D0)  # as EditSession.add_pilot: exists from D2 on
    added.set_at("removed", False, D2)
    return added


def test_both_adding_different_pilots_keeps_both() -> None:
    base = small_register()
    ours, theirs = sides(base)
    ours.pilots.append(new_pilot("utrecht", "Pilot Utrecht"))
    theirs.pilots.append(new_pilot("zwolle", "Pilot Zwolle"))
    merged = merge_registers(base, ours, theirs)
    ids = [p.id for p in merged.register.pilots]
    assert ids == [*(p.id for p in base.pilots), "utrecht", "zwolle"]
    assert merged.stats.added == 1 and merged.conflicts == []


def test_the_same_id_for_another_pilot_gets_a_fresh_id() -> None:
    base = small_register()
    ours, theirs = sides(base)
    ours.pilots.append(new_pilot("pilot-a", "Pilot A!"))
    theirs.pilots.append(new_pilot("pilot-a", "Pilot A?", "Hun pilot."))
    theirs.audit.append(
        AuditEntry(datetime(2022, 6, 2, 9), "pilot-a", "pilot@2022-06-01", None, "x")
    )
    merged = merge_registers(base, ours, theirs)
    register = merged.register
    assert merged.stats.renamed == {"pilot-a": "pilot-a-2"}
    assert pilot(register, "pilot-a").name == "Pilot A!"
    assert pilot(register, "pilot-a-2").name == "Pilot A?"
    assert [a.pilot_id for a in register.audit] == ["pilot-a-2"]
    assert len({p.id for p in register.pilots}) == len(register.pilots)


def test_the_same_pilot_added_on_both_sides_is_one_pilot() -> None:
    """Added apart under one name: one pilot; what the two versions say differently is a
    conflict (there is no common version to tell who changed what)."""
    base = small_register()
    ours, theirs = sides(base)
    ours.pilots.append(new_pilot("utrecht", "Pilot Utrecht", "Onze tekst."))
    theirs.pilots.append(new_pilot("utrecht", "Pilot Utrecht", "Hun tekst."))
    merged = merge_registers(base, ours, theirs)
    assert [p.id for p in merged.register.pilots].count("utrecht") == 1
    assert keys(merged.register) == [("utrecht", "stand_van_zaken", "2022-06-01")]


# -- conflicts -----------------------------------------------------------------------------------


def test_the_same_field_changed_both_ways_is_a_conflict_holding_ours() -> None:
    base = small_register()
    ours, theirs = sides(base)
    pilot(ours, "almere").set_at("gemeente", "Zwolle", D2)
    pilot(theirs, "almere").set_at("gemeente", "Deventer", D2)
    merged = merge_registers(base, ours, theirs)
    assert pilot(merged.register, "almere").value_at("gemeente", D2) == "Zwolle"
    (conflict,) = conflicts_of(merged.register)
    assert conflict.to_dict() == {
        "pilot_id": "almere",
        "name": "Divosa / Gemeente Almere",
        "field": "gemeente",
        "peildatum": "2022-06-01",
        "base": "Almere",
        "ours": "Zwolle",
        "theirs": "Deventer",
    }
    problems = find_problems(merged.register, D2)
    assert problems[0]["id"] == "almere"
    assert (
        "onopgelost conflict van het samenvoegen: gemeente/regio vanaf 1 juni 2022"
        in (problems[0]["problem"])
    )


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    base = small_register()
    ours, theirs = sides(base)
    for side in (ours, theirs):
        pilot(side, "almere").set_at("gemeente", "Zwolle", D2)
    merged = merge_registers(base, ours, theirs)
    assert merged.conflicts == []
    assert pilot(merged.register, "almere").value_at("gemeente", D2) == "Zwolle"


def test_two_texts_for_one_peildatum_are_a_conflict_of_the_entry() -> None:
    base = small_register()
    ours, theirs = sides(base)
    pilot(ours, "huur").set_entry(HistoryEntry(D2, "Onze tekst.", Status.LOPEND))
    pilot(theirs, "huur").set_entry(HistoryEntry(D2, "Hun tekst.", Status.AFGEROND))
    merged = merge_registers(base, ours, theirs)
    huur = pilot(merged.register, "huur")
    entry = huur.entry_for(D2)
    assert entry is not None and entry.stand_van_zaken == "Onze tekst."
    assert huur.status == Status.LOPEND
    (conflict,) = conflicts_of(merged.register)
    assert conflict.field == "stand_van_zaken" and conflict.peildatum == D2
    assert conflict.theirs["stand_van_zaken"] == "Hun tekst."


@pytest.mark.parametrize("retiring", ["ours", "theirs"])
def test_retiring_a_pilot_the_other_side_changed_is_a_conflict(retiring: str) -> None:
    base = small_register()
    ours, theirs = sides(base)
    retire, edit = (ours, theirs) if retiring == "ours" else (theirs, ours)
    pilot(retire, "almere").set_at("removed", True, D2)
    pilot(edit, "almere").set_at("doel", "Een nieuw doel.", D2)
    merged = merge_registers(base, ours, theirs)
    almere = pilot(merged.register, "almere")
    assert almere.value_at("doel", D2) == "Een nieuw doel."  # the edit is kept
    assert almere.exists_at(D1)
    assert almere.exists_at(D2) is (retiring == "theirs")  # ours holds
    (conflict,) = conflicts_of(merged.register)
    assert (conflict.field, conflict.peildatum) == ("removed", D2)
    assert (conflict.ours, conflict.theirs) == (
        (True, False) if retiring == "ours" else (False, True)
    )


def test_retiring_a_pilot_the_other_side_did_not_touch_merges() -> None:
    base = small_register()
    ours, theirs = sides(base)
    pilot(theirs, "almere").set_at("removed", True, D2)
    pilot(ours, "huur").set_at("doel", "Een nieuw doel.", D2)
    merged = merge_registers(base, ours, theirs)
    assert merged.conflicts == []
    assert not pilot(merged.register, "almere").exists_at(D2)


def test_a_pilot_deleted_on_one_side_and_changed_on_the_other() -> None:
    base = small_register()
    base.pilots.append(new_pilot("utrecht", "Pilot Utrecht"))
    ours, theirs = sides(base)
    ours.pilots = [p for p in ours.pilots if p.id != "utrecht"]
    pilot(theirs, "utrecht").set_at("doel", "Hun doel.", D2)
    merged = merge_registers(base, ours, theirs)
    assert merged.register.get("utrecht") is None  # ours holds: gone
    (conflict,) = conflicts_of(merged.register)
    assert conflict.field == WHOLE_PILOT and conflict.ours is ABSENT
    assert conflict.theirs["doel"] == "Hun doel."
    # deleted and not changed on the other side: simply gone
    theirs = copy.deepcopy(base)
    assert merge_registers(base, ours, theirs).register.get("utrecht") is None


def test_register_fields_conflict_without_a_pilot() -> None:
    base = small_register()
    ours, theirs = sides(base)
    ours.title, theirs.title = "Onze titel", "Hun titel"
    ours.intro = "Onze inleiding."
    merged = merge_registers(base, ours, theirs)
    assert (merged.register.title, merged.register.intro) == ("Onze titel", "Onze inleiding.")
    assert keys(merged.register) == [("", "title", "")]


def test_without_a_base_every_difference_is_a_conflict() -> None:
    base = small_register()
    ours, theirs = sides(base)
    pilot(ours, "almere").set_at("gemeente", "Zwolle", D2)
    pilot(theirs, "huur").set_at("doel", "Hun doel.", D2)
    theirs.pilots.append(new_pilot("zwolle", "Pilot Zwolle"))
    merged = merge_registers(None, ours, theirs)
    assert sorted(keys(merged.register)) == [
        ("almere", "gemeente", "2022-06-01"),
        ("huur", "doel", "2022-06-01"),
    ]
    assert pilot(merged.register, "huur").value_at("doel", D2) == "Doelen:\n• sneller\n• beter"
    assert merged.register.get("zwolle") is not None  # only one side has it: kept


def test_conflicts_left_open_are_carried_and_resolved_ones_dropped() -> None:
    base = small_register()
    open_one = Conflict("huur", "Huur", "doel", D2, "a", "b", "c")
    resolved = Conflict("almere", "Almere", "gemeente", D2, "a", "b", "c")
    base.extra[CONFLICTS] = [open_one.to_dict(), resolved.to_dict()]
    ours, theirs = sides(base)
    del ours.extra[CONFLICTS][1]  # we resolved it
    theirs.title = "Hun titel"
    merged = merge_registers(base, ours, theirs)
    assert keys(merged.register) == [open_one.key()]


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


# -- the property: nothing that does not conflict is lost ----------------------------------------

PEILDATA = [D0, D1, D2, D3]
PROBES = [date.min, *PEILDATA, date(2030, 1, 1)]
FIELDS = ["achtergrond", "doel", "looptijd", "gemeente", "partners", "footnotes", "removed"]
WORDS = st.sampled_from(["a", "b", "c"])


def base_register() -> Register:
    register = small_register()
    register.peildata = list(PEILDATA)
    pilot(register, "huur").set_at("gemeente", "Den Haag", D1)
    pilot(register, "almere").set_at("removed", True, D3)
    return register


def value_for(field: str, word: str) -> Any:
    if field == "partners":
        return [word] if word != "c" else []
    if field == "footnotes":
        return [Footnote(f"Noot {word}")]
    if field == "removed":
        return word == "a"
    return f"Tekst {word}"


edit = st.one_of(
    st.tuples(
        st.just("set"),
        st.integers(0, 4),
        st.sampled_from(FIELDS),
        WORDS,
        st.sampled_from(PEILDATA),
    ),
    st.tuples(
        st.just("entry"),
        st.integers(0, 4),
        st.sampled_from(["text", "zaken", "status"]),
        WORDS,
        st.sampled_from(PEILDATA),
    ),
    st.tuples(st.just("add"), st.just(0), st.just(""), WORDS, st.just(D2)),
    st.tuples(st.just("meta"), st.just(0), st.sampled_from(["title", "team"]), WORDS, st.just(D2)),
)


def apply(register: Register, edits: list[tuple[str, int, str, str, date]], side: str) -> None:
    for kind, index, field, word, when in edits:
        target = register.pilots[index % len(register.pilots)]
        if kind == "set":
            target.set_at(field, value_for(field, word), when)
        elif kind == "entry":
            entry = target.entry_for(when) or HistoryEntry(when, "Nieuw.", Status.LOPEND)
            entry = HistoryEntry(
                when, entry.stand_van_zaken, entry.status, entry.zaken, entry.unchanged
            )
            if field == "text":
                entry.stand_van_zaken = f"Stand {word}."
            elif field == "zaken":
                entry.zaken = ord(word)
            else:
                entry.status = Status.AFGEROND if word == "a" else Status.LOPEND
            target.set_entry(entry)
        elif kind == "add":  # "a", "b": the same pilot on both sides; "c": another one
            name = f"Nieuw {word}" if word != "c" else f"Nieuw {side} {word}"
            if register.get(f"nieuw-{word}") is None:
                register.pilots.append(new_pilot(f"nieuw-{word}", name))
        elif field == "title":
            register.title = f"Titel {word}"
        else:
            register.extra["team"] = word


def entries(p: Pilot | None) -> dict[date, dict[str, Any]]:
    return {e.peildatum: e.to_dict() for e in p.history} if p is not None else {}


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
@given(st.lists(edit, max_size=8), st.lists(edit, max_size=8))
def test_merge_keeps_every_change_that_does_not_conflict(
    ours_edits: list[Any], theirs_edits: list[Any]
) -> None:
    base = base_register()
    ours, theirs = sides(base)
    apply(ours, ours_edits, "o")
    apply(theirs, theirs_edits, "t")
    merged = merge_registers(base, ours, theirs)
    register = merged.register
    conflicted = {(c.pilot_id, c.field) for c in conflicts_of(register)}
    # pilots added on either side are all there, under ids that never collide
    assert len({p.id for p in register.pilots}) == len(register.pilots)
    for side in (ours, theirs):
        for added in side.pilots:
            if base.get(added.id) is None:
                assert any(p.name == added.name for p in register.pilots), added.name
    for b in base.pilots:
        o, t, m = pilot(ours, b.id), pilot(theirs, b.id), pilot(register, b.id)
        for field in VERSIONED:
            if (b.id, field) in conflicted:
                continue
            for i, probe in enumerate(PROBES):
                before = PROBES[: i + 1]
                # a side that changed nothing up to the probe: the other side's value holds
                if all(o.value_at(field, d) == b.value_at(field, d) for d in before):
                    assert m.value_at(field, probe) == t.value_at(field, probe), (field, probe)
                if all(t.value_at(field, d) == b.value_at(field, d) for d in before):
                    assert m.value_at(field, probe) == o.value_at(field, probe), (field, probe)
        eb, eo, et, em = entries(b), entries(o), entries(t), entries(m)
        for when in eb.keys() | eo.keys() | et.keys():
            if (b.id, "stand_van_zaken") in conflicted:
                continue
            base_entry, mine, their = eb.get(when), eo.get(when), et.get(when)
            if mine == their:
                assert em.get(when) == mine
            elif mine == base_entry:
                assert em.get(when) == their
            elif their == base_entry:
                assert em.get(when) == mine
            else:  # both changed it: per key
                assert mine is not None and their is not None and base_entry is not None
                for key in mine.keys() | their.keys():
                    wanted = (
                        their.get(key) if mine.get(key) == base_entry.get(key) else mine.get(key)
                    )
                    assert em[when].get(key) == wanted
    if ("", "title") not in conflicted:
        expected_title = theirs.title if ours.title == base.title else ours.title
        assert register.title == expected_title
    assert register.peildata == sorted(set(ours.peildata) | set(theirs.peildata))
    # the file's merge is this merge (it reads the other sides beside ours, and writes
    # our records as we had them)
    data, _merged = merge_data(
        data_from_register(base),
        data_from_register(ours),
        data_from_register(theirs),
        (Path("base.json"), Path("ours.json"), Path("theirs.json")),
    )
    from_file = register_from_data(Path("merged.json"), data)[0]
    assert [p.to_dict() for p in from_file.pilots] == [p.to_dict() for p in register.pilots]
    assert from_file.audit == register.audit and from_file.extra == register.extra
    # the result is a register the store can write and read back, conflicts and all
    again, _ids = register_from_data(
        Path("merged.json"), json.loads(dumps(data_from_register(register)))
    )
    assert len(conflicts_of(again)) == len(conflicts_of(register))
