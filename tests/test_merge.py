"""The three-way merge of two registers (pilot_tui.merge): per pilot, per field timeline,
per stand van zaken, per unknown key; pilots added on either side; and conflicts recorded
in a valid register.
"""

from __future__ import annotations

import copy
from datetime import datetime

import pytest

from pilot_tui.changes import set_fields
from pilot_tui.checks import find_problems
from pilot_tui.merge import ABSENT, CONFLICTS, WHOLE_PILOT, Conflict, conflicts_of, merge_registers
from pilot_tui.model import AuditEntry, HistoryEntry, Register, Status

from .conftest import D1, D2, small_register
from .helpers.merging import D0, D3, new_pilot, pilot, sides


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
