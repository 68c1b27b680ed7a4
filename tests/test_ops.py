"""The operations both front ends call (pilot_tui.ops), on real register files."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest

from pilot_tui.model import Footnote, Register
from pilot_tui.ops import OpError, error_line
from pilot_tui.ops.backups import backups, restore
from pilot_tui.ops.checking import check_register
from pilot_tui.ops.edits import changed_footnotes, detached, looptijd_problem, newly_detached
from pilot_tui.ops.importing import (
    NoPeildatum,
    apply_import,
    import_new,
    plan_import,
    preview_import,
)
from pilot_tui.ops.pilots import find_pilot, find_pilot_any, pilot_at
from pilot_tui.ops.register import (
    LOCKED,
    WRITE_PROTECTED,
    open_for_app,
    open_readonly,
    open_to_write,
    reading_peildatum,
    writing_peildatum,
)
from pilot_tui.ops.snapshot import check_target, write_snapshot
from pilot_tui.periods import parse_window
from pilot_tui.snapshot import SnapshotOptions
from pilot_tui.store import Store, StoreError, StoreLocked, list_backups, lock_path

from .conftest import D1, D2, SEED_TEXT

TEXT_PEILDATUM = date(2021, 12, 1)


# -- opening ----------------------------------------------------------------------------


def test_open_to_write_takes_the_lock_and_readonly_does_not(small_store: Path) -> None:
    with open_to_write(small_store) as store:
        assert not store.readonly
        with open_readonly(small_store) as reader:  # a reader needs no lock
            assert reader.readonly
        with pytest.raises(StoreLocked):
            open_to_write(small_store, wait=0.05)


def test_open_to_write_says_at_once_that_the_app_has_it(small_store: Path) -> None:
    opened = open_for_app(small_store)
    try:
        assert opened.readonly_because is None
        with pytest.raises(OpError, match=r"geopend in de app pilot-tui .*--wait SECONDEN"):
            open_to_write(small_store)
        second = open_for_app(small_store)  # a second app reads only
        assert second.readonly_because == LOCKED and second.store.readonly
        second.store.close()
    finally:
        opened.store.close()


def test_open_for_app_reads_a_write_protected_file(small_store: Path) -> None:
    small_store.chmod(0o444)
    try:
        opened = open_for_app(small_store)
        if opened.readonly_because is None:  # root writes anyway
            opened.store.close()
            pytest.skip("write protection does not hold for this user")
        assert opened.readonly_because == WRITE_PROTECTED and opened.store.readonly
        opened.store.close()
    finally:
        small_store.chmod(0o644)


def test_the_peildatum_of_reading_and_of_writing(small_store: Path) -> None:
    with open_readonly(small_store) as store:
        assert reading_peildatum(store.register) == D2
        assert writing_peildatum(store.register) == D2
        assert reading_peildatum(store.register, D1) == D1
    empty = Register()
    assert reading_peildatum(empty) == date.today()
    with pytest.raises(OpError, match="start-round"):
        writing_peildatum(empty)


# -- finding pilots ---------------------------------------------------------------------


def test_find_a_pilot_by_id_name_and_part(small_store: Path) -> None:
    with open_readonly(small_store) as store:
        register = store.register
    assert find_pilot(register, "almere").id == "almere"
    assert find_pilot(register, "divosa / gemeente almere").id == "almere"
    assert find_pilot(register, "keuzehulp").id == "klaar"
    with pytest.raises(OpError, match=r"past bij 3 pilots: .*; geef meer van de naam"):
        find_pilot(register, "ge", D2)
    with pytest.raises(OpError, match="geen pilot met id of naam 'niemand'"):
        find_pilot(register, "niemand", D2)
    assert pilot_at(register, "huur", D1).name.startswith("Regie")
    assert find_pilot_any(register, "keuzehulp").id == "klaar"


# -- what an edit leaves behind ---------------------------------------------------------


def test_detached_footnotes_and_an_unreadable_looptijd(small_store: Path) -> None:
    with open_readonly(small_store) as store:
        register = store.register
    pilot = register.get("huur")
    assert pilot is not None
    notes = [Footnote("Bron.", "stand_van_zaken", "Stand van")]
    pilot.set_at("footnotes", notes, D2)
    before = detached(pilot, D2)
    assert before == []
    entry = pilot.entry_for(D2)
    assert entry is not None
    entry.stand_van_zaken = "Anders geschreven."
    assert [n for n, _note in newly_detached(pilot, D2, before)] == [1]
    assert newly_detached(pilot, D2, detached(pilot, D2)) == []
    assert looptijd_problem(pilot, D2) is None
    pilot.set_at("looptijd", "binnenkort", D2)
    assert looptijd_problem(pilot, D2)


def test_footnotes_added_changed_and_removed() -> None:
    notes = [Footnote("Een.", "doel", "x", {"kept": 1})]
    added = changed_footnotes(notes, "add", text=" Twee. ")
    assert [(n.text, n.section) for n in added] == [("Een.", "doel"), ("Twee.", "stand_van_zaken")]
    assert added[0].extra == {"kept": 1} and added[0] is not notes[0]
    changed = changed_footnotes(added, "change", 2, text="Drie.", anchor="y")
    assert (changed[1].text, changed[1].anchor) == ("Drie.", "y")
    assert added[1].text == "Twee."  # the notes given stay as they were
    assert changed_footnotes(changed, "remove", 1)[0].text == "Drie."
    with pytest.raises(OpError, match="1 tot en met 1"):
        changed_footnotes(notes, "remove", 2)
    with pytest.raises(OpError, match="geen voetnoten"):
        changed_footnotes([], "change", 1)
    with pytest.raises(OpError, match="--text"):
        changed_footnotes(notes, "add")
    with pytest.raises(OpError, match="leeg"):
        changed_footnotes(notes, "change", 1, text=" ")


# -- import -----------------------------------------------------------------------------


def test_import_plan_preview_apply(seed_store: Path) -> None:
    plan = plan_import(SEED_TEXT)
    assert plan.peildatum == TEXT_PEILDATUM and plan.incoming.pilots
    with open_to_write(seed_store) as store:
        raw = seed_store.read_bytes()
        trial = copy.deepcopy(store.register)
        preview = preview_import(plan, trial)
        assert seed_store.read_bytes() == raw  # a preview writes nothing
        before = len(list_backups(seed_store))
        report = apply_import(plan, store)
        assert report.summary() == preview.summary()
        assert len(list_backups(seed_store)) == before + 1  # a backup first
        assert any("import" in b.name for b in list_backups(seed_store))
    with open_readonly(seed_store) as again:  # saved
        assert again.register.peildata == store.register.peildata


def test_import_that_cannot_save_keeps_nothing_in_memory(
    seed_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plan_import(SEED_TEXT)
    with open_to_write(seed_store) as store:
        audit = len(store.register.audit)

        def full(reason: str = "") -> Path:
            raise StoreError("reservekopie maken mislukt (schijf vol)")

        monkeypatch.setattr(store, "backup", full)
        with pytest.raises(OpError, match="schijf vol"):
            apply_import(plan, store)
        assert len(store.register.audit) == audit  # read back from disk


def test_import_into_a_new_register(tmp_path: Path) -> None:
    plan = plan_import(SEED_TEXT)
    path = tmp_path / "nieuw.json"
    import_new(plan, path, dry_run=True)
    assert not path.exists()
    import_new(plan, path)
    with open_readonly(path) as store:
        assert len(store.register.pilots) == len(plan.incoming.pilots)
        assert store.register.peildata == [TEXT_PEILDATUM]


def test_import_refusals_are_one_line_with_their_cause(tmp_path: Path) -> None:
    with pytest.raises(OpError, match="bestand bestaat niet") as missing:
        plan_import(tmp_path / "nergens.txt")
    assert isinstance(missing.value.__cause__, FileNotFoundError)
    junk = tmp_path / "boodschappen.txt"
    junk.write_text("melk\nbrood\n", encoding="utf-8")
    with pytest.raises(OpError) as refused:
        plan_import(junk)
    assert str(refused.value).startswith(f"{junk}: ") and "\n" not in str(refused.value)
    undated = tmp_path / "zonder-datum.txt"
    text = SEED_TEXT.read_text(encoding="utf-8").replace(" – peildatum 1 december 2021", "")
    undated.write_text(text, encoding="utf-8")
    with pytest.raises(OpError, match="peildatum"):
        plan_import(undated)
    assert plan_import(undated, TEXT_PEILDATUM).peildatum == TEXT_PEILDATUM


def test_a_document_without_a_peildatum_is_said_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each front end says in its own words how to give the peildatum."""
    import pilot_tui.ops.importing as importing
    from pilot_tui.importing import ImportResult

    monkeypatch.setattr(importing, "read_overview", lambda *a, **k: ImportResult(Register(), []))
    with pytest.raises(NoPeildatum, match="geen peildatum gevonden"):
        plan_import(tmp_path / "leeg.txt")


# -- snapshot ---------------------------------------------------------------------------


def _options(peildatum: date) -> SnapshotOptions:
    window = parse_window("3m")
    assert window is not None
    return SnapshotOptions(peildatum=peildatum, window=window, summary=True)


def test_snapshot_written_atomically_and_reported(small_store: Path, tmp_path: Path) -> None:
    with open_readonly(small_store) as store:
        register = store.register
    target = tmp_path / "stand.md"
    written = write_snapshot(register, _options(D2), "md", target, small_store)
    assert written is not None and written.path == target and written.peildatum == D2
    assert written.pilots == sum(1 for p in register.pilots if p.exists_at(D2))
    assert target.read_text(encoding="utf-8").startswith("#")
    cancelled = write_snapshot(
        register,
        _options(D2),
        "md",
        tmp_path / "niet.md",
        small_store,
        cancelled=lambda: True,
    )
    assert cancelled is None and not (tmp_path / "niet.md").exists()


def test_snapshot_never_over_the_register_or_its_files(small_store: Path, tmp_path: Path) -> None:
    with open_readonly(small_store) as store:
        register = store.register
    raw = small_store.read_bytes()
    for target in (small_store, lock_path(small_store)):
        with pytest.raises(OpError):
            check_target(target, small_store, force=True)
        with pytest.raises(OpError):
            write_snapshot(register, _options(D2), "md", target, small_store)
    assert small_store.read_bytes() == raw
    with pytest.raises(OpError, match="is een map"):
        check_target(tmp_path, small_store)
    existing = tmp_path / "er-al.md"
    existing.write_text("x", encoding="utf-8")
    with pytest.raises(OpError, match="--force"):
        check_target(existing, small_store)
    check_target(existing, small_store, force=True)
    with pytest.raises(OpError, match="map bestaat niet"):
        check_target(tmp_path / "weg" / "x.md", small_store)


def test_snapshot_write_failure_has_the_reason_and_its_cause(
    small_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pilot_tui.ops.snapshot as writing

    def refuse(path: Path, data: bytes) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(writing, "atomic_write", refuse)
    with open_readonly(small_store) as store:
        target = tmp_path / "stand.md"
        with pytest.raises(OpError, match="kan niet schrijven") as failed:
            write_snapshot(store.register, _options(D2), "md", target, small_store)
    assert isinstance(failed.value.__cause__, PermissionError)
    assert error_line(failed.value.__cause__).startswith(f"{target}: geen toegang")


# -- check and backups ------------------------------------------------------------------


def test_check_counts_notices_only_when_strict(small_store: Path) -> None:
    with open_readonly(small_store) as store:
        register = store.register
    loose = check_register(register, D2)
    strict = check_register(register, D2, strict=True)
    assert loose.pilots == len(register.as_of(D2).pilots)
    assert len(strict.counted) == len(loose.counted) + len(loose.noticed)
    assert strict.noticed == [] and strict.problems == loose.problems
    assert loose.ok == (not loose.counted)


def test_restore_keeps_the_current_version(small_store: Path) -> None:
    with open_to_write(small_store) as store:
        store.backup("test")
    (backup,) = [b for b in backups(small_store) if "test" in b.name]
    original = backup.read_bytes()
    with Store.open(small_store) as store:
        store.register.title = "Anders"
        store.save_all()
    changed = small_store.read_bytes()
    restored = restore(small_store, backup)
    assert small_store.read_bytes() == original
    assert restored.saved is not None and restored.saved.read_bytes() == changed
    with pytest.raises(StoreError):
        restore(small_store, small_store.with_name("geen-kopie.json"))
