"""Edits through the core: validation, audit, per-peildatum entries, undo/redo on disk."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from pilot_tui.changes import (
    ChangeError,
    EditSession,
    EntryChange,
    apply_changes,
    parse_assignment,
)
from pilot_tui.model import Pilot, Status
from pilot_tui.store import Store

from .conftest import D1, D2, small_register

D3 = date(2022, 12, 1)


def on_disk(path: Path) -> dict[str, dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {doc["id"]: doc for doc in data["pilots"].values()}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("doel=Nieuw doel", ("doel", "Nieuw doel")),
        ("name=a=b", ("name", "a=b")),
        ("stand_van_zaken=", ("stand_van_zaken", "")),
    ],
)
def test_parse_assignment(text: str, expected: tuple[str, str]) -> None:
    assert parse_assignment(text) == expected


@pytest.mark.parametrize("text", ["doel", "=x", "kleur=rood", " = "])
def test_parse_assignment_refuses(text: str) -> None:
    with pytest.raises(ChangeError):
        parse_assignment(text)


def test_apply_is_all_or_nothing() -> None:
    reg = small_register()
    pilot = reg.get("almere")
    assert pilot is not None
    with pytest.raises(ChangeError):
        apply_changes(reg, pilot, [("doel", "nieuw"), ("status", "bezig")], D1)
    assert pilot.doel == ""


def test_entry_for_a_later_date_keeps_old_and_adds_no_peildatum() -> None:
    """A round is started deliberately (EditSession.start_round), never by an edit."""
    reg = small_register()
    pilot = reg.get("almere")
    assert pilot is not None
    apply_changes(reg, pilot, [("stand_van_zaken", "Nieuw."), ("status", "afgerond")], D3)
    assert D3 not in reg.peildata
    assert [e.peildatum for e in pilot.history] == [D1, D3]
    assert pilot.entry_at(D2) is not None and pilot.entry_at(D2).stand_van_zaken.startswith("Stand")  # type: ignore[union-attr]
    assert pilot.status == Status.AFGEROND
    assert pilot.status_at(D1) == Status.LOPEND


def test_session_edit_update_delete_undo_redo(small_store: Path) -> None:
    with Store.open(small_store) as store:
        session = EditSession(store)
        session.update_entry("almere", D2, EntryChange(stand_van_zaken="Half jaar verder."))
        assert (
            on_disk(small_store)["almere"]["history"][-1]["stand_van_zaken"] == "Half jaar verder."
        )
        session.edit_fields("almere", [("doel", "Beter helpen")], D2)
        assert on_disk(small_store)["almere"]["doel"] == "Beter helpen"
        op = session.delete_pilot("almere")
        assert "verwijderd" in op.description
        retired = on_disk(small_store)["almere"]  # retired at D2, still there at D1
        assert retired["removed"] is True
        assert store.register.get("almere").as_of(D1) is not None  # type: ignore[union-attr]
        assert store.register.get("almere").as_of(D2) is None  # type: ignore[union-attr]

        undone = session.undo()
        assert undone is op
        restored = on_disk(small_store)["almere"]
        assert restored["doel"] == "Beter helpen"
        assert len(restored["history"]) == 2

        session.undo()  # the doel edit
        assert on_disk(small_store)["almere"]["doel"] == ""
        session.undo()  # the entry
        assert len(on_disk(small_store)["almere"]["history"]) == 1
        assert session.undo() is None

        session.redo()
        session.redo()
        assert on_disk(small_store)["almere"]["doel"] == "Beter helpen"
        data = json.loads(small_store.read_text(encoding="utf-8"))
        assert len(data["audit"]) >= 6
    # A backup was made before the delete and before undoing it.
    backups = list((small_store.parent / f"{small_store.name}.backups").iterdir())
    assert len(backups) >= 2


def test_keep_unchanged_carries_text_forward(small_store: Path) -> None:
    with Store.open(small_store) as store:
        session = EditSession(store)
        session.update_entry("almere", D2, EntryChange(), unchanged=True)
        entry = store.register.get("almere").entry_for(D2)  # type: ignore[union-attr]
        assert entry is not None and entry.unchanged
        assert entry.stand_van_zaken == store.register.get("almere").history[0].stand_van_zaken  # type: ignore[union-attr]


def test_add_pilot_refuses_duplicate_and_empty_names(small_store: Path) -> None:
    with Store.open(small_store) as store:
        session = EditSession(store)
        before = small_store.read_bytes()
        for name in ("", "   ", "divosa / gemeente almere"):
            with pytest.raises(ChangeError):
                session.add_pilot(Pilot(id="", name=name))
        assert small_store.read_bytes() == before
        op = session.add_pilot(Pilot(id="", name="Nieuwe pilot"))
        assert op.pilot_id == "nieuwe-pilot"
        assert "nieuwe-pilot" in on_disk(small_store)


def test_replace_pilot_audits_each_field(small_store: Path) -> None:
    with Store.open(small_store) as store:
        session = EditSession(store)
        edited = store.register.get("almere")
        assert edited is not None
        import copy

        edited = copy.deepcopy(edited)
        edited.gemeente = "Lelystad"
        edited.partners = ["A", "B"]
        assert session.replace_pilot(edited) is not None
        fields = {a.field for a in store.register.audit}
        assert {"gemeente@2022-06-01", "partners@2022-06-01"} <= fields
        assert session.replace_pilot(edited) is None  # nothing changed


def _external_edit(path: Path, pilot_id: str, field: str, value: str) -> None:
    """What a colleague's editor or a sync tool does: rewrite the file behind our back."""
    import os
    import time

    from pilot_tui.store import dumps

    data = json.loads(path.read_text(encoding="utf-8"))
    for doc in data["pilots"].values():
        if doc["id"] == pilot_id:
            doc[field] = value
    time.sleep(0.01)
    path.write_text(dumps(data), encoding="utf-8")
    os.utime(path)


def test_change_on_disk_to_another_pilot_is_kept_and_ours_reapplied(small_store: Path) -> None:
    with Store.open(small_store) as store:
        session = EditSession(store)
        _external_edit(small_store, "huur", "doel", "Door een collega gewijzigd")
        session.edit_fields("almere", [("doel", "Mijn doel")], D2)
        assert session.reapplied == 1
        disk = on_disk(small_store)
        assert disk["huur"]["doel"] == "Door een collega gewijzigd"
        assert disk["almere"]["doel"] == "Mijn doel"
        assert store.register.get("huur").doel == "Door een collega gewijzigd"  # type: ignore[union-attr]


def test_change_on_disk_to_the_same_pilot_asks(small_store: Path) -> None:
    from pilot_tui.changes import EditConflict

    with Store.open(small_store) as store:
        session = EditSession(store)
        _external_edit(small_store, "almere", "doel", "Hun doel")
        with pytest.raises(EditConflict) as info:
            session.edit_fields("almere", [("doel", "Mijn doel")], D2)
        conflict = info.value
        # Nothing was overwritten: the file and the register hold their version.
        assert on_disk(small_store)["almere"]["doel"] == "Hun doel"
        assert store.register.get("almere").doel == "Hun doel"  # type: ignore[union-attr]
        assert conflict.ours is not None and conflict.ours.doel == "Mijn doel"
        assert session.undo_stack == []
        session.keep_mine(conflict)
        assert on_disk(small_store)["almere"]["doel"] == "Mijn doel"
    backups = [p.name for p in (small_store.parent / f"{small_store.name}.backups").iterdir()]
    assert any("extern-gewijzigd" in b for b in backups)


def test_save_mine_as_a_copy(small_store: Path) -> None:
    from pilot_tui.changes import EditConflict, copy_path, register_with

    with Store.open(small_store) as store:
        session = EditSession(store)
        _external_edit(small_store, "almere", "doel", "Hun doel")
        with pytest.raises(EditConflict) as info:
            session.edit_fields("almere", [("doel", "Mijn doel")], D2)
        target = copy_path(small_store)
        assert target.parent == small_store.parent and "mijn versie" in target.name
        Store.create(target, register_with(store.register, "almere", info.value.ours)).close()
    assert on_disk(target)["almere"]["doel"] == "Mijn doel"
    assert on_disk(target)["huur"] == on_disk(small_store)["huur"]
    assert on_disk(small_store)["almere"]["doel"] == "Hun doel"
    when = datetime(2022, 6, 1, 12, 0, 0)
    first = copy_path(small_store, when)
    first.touch()
    second = copy_path(small_store, when)
    assert second != first and second.name.endswith("-2).json")


def test_undoing_a_delete_puts_the_pilot_back_in_its_place(small_store: Path) -> None:
    """In the register and in the file: the snapshot follows the register's order (a
    first-time user saw an undone pilot move to the end of its group in the document)."""
    with Store.open(small_store) as store:
        order = [p.id for p in store.register.pilots]
        middle = order[len(order) // 2]
        session = EditSession(store)
        session.delete_pilot(middle)
        session.undo()
        assert [p.id for p in store.register.pilots] == order
        session.redo()
        session.undo()  # and again
        assert [p.id for p in store.register.pilots] == order
        added = session.add_pilot(Pilot(id="", name="Helemaal nieuw"))
        assert [p.id for p in store.register.pilots] == [*order, added.pilot_id]  # new: last
    with Store.open(small_store, readonly=True) as store:
        assert [p.id for p in store.register.pilots] == [*order, added.pilot_id]
