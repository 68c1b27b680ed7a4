"""The first save after an open takes the unchanged documents' text from the file read
(pilot_tui/store/pieces.py): the same bytes as serialising everything, and a file not
written canonically (by hand, by a TinyDB script) is serialised as before."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pilot_tui.store import Store, StoreError, document, pieces, storage
from pilot_tui.store.document import dumps
from pilot_tui.store.pieces import file_pieces

from .helpers.registers import full_pilot, full_register
from .helpers.store_files import counting_canonical, make


@pytest.fixture(params=[256, 3, 1], ids=["runs-256", "runs-3", "runs-1"])
def batch(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    """Runs of this many documents (small ones: a table of several runs)."""
    size: int = request.param
    monkeypatch.setattr(pieces, "DOCS_BATCH", size)
    monkeypatch.setattr(document, "DOCS_BATCH", size)
    return size


def canonical_bytes(path: Path) -> bytes:
    """What a full serialisation of the file's data writes."""
    return dumps(json.loads(path.read_bytes())).encode("utf-8")


def test_the_file_is_cut_into_runs_that_join_to_it(tmp_path: Path, batch: int) -> None:
    path = make(tmp_path / "store.json", full_register(8, audit=5))
    raw = path.read_bytes()
    found = file_pieces(raw, json.loads(raw))
    assert set(found) == {"audit", "meta", "pilots"}
    for name, table in json.loads(raw).items():
        runs = list(found[name].values())
        assert [k for run, _docs, _text in runs for k in run] == sorted(table)
        assert all(len(run) <= batch for run, _docs, _text in runs)
        texts = [bytes(text) for _run, _docs, text in runs]
        assert b",\n    ".join(texts) in raw


def test_unchanged_register_saves_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    path = make(tmp_path / "store.json", full_register(9, audit=4))
    before = path.read_bytes()
    calls = counting_canonical(monkeypatch)
    with Store.open(path, daily_backup=False) as store:
        store.save_pilot(store.register.pilots[3])  # a new document, the same content
        assert len(calls) == 1
    assert path.read_bytes() == before


@pytest.mark.parametrize("which", [0, 4, 8])
def test_one_changed_pilot_is_the_only_document_serialised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int, which: int
) -> None:
    path = make(tmp_path / "store.json", full_register(9, audit=4))
    calls = counting_canonical(monkeypatch)
    with Store.open(path, daily_backup=False) as store:
        pilot = store.register.pilots[which]
        pilot.doel = "gewijzigd — met één wijziging"
        store.save_pilot(pilot)
        assert [c["id"] for c in calls] == [pilot.id]
        raw = path.read_bytes()
        assert raw == dumps(store._storage.read()).encode("utf-8")
        assert raw == canonical_bytes(path)
        calls.clear()
        pilot.doel = "nog eens"  # a later save: the cut run is kept per document
        store.save_pilot(pilot)
        assert [c["id"] for c in calls] == [pilot.id]
        assert path.read_bytes() == dumps(store._storage.read()).encode("utf-8")
    with Store.open(path, readonly=True) as again:
        assert again.register.pilots[which].doel == "nog eens"


def test_new_and_deleted_documents_on_the_first_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    path = make(tmp_path / "store.json", full_register(7, audit=3))
    with Store.open(path, daily_backup=False) as store:
        with store.batch():
            store.delete_pilot(store.register.pilots[2].id)
            store.save_pilot(full_pilot(90))
            store.save_meta()
        assert path.read_bytes() == dumps(store._storage.read()).encode("utf-8")


def _rewrite(path: Path, how: str) -> None:
    data = json.loads(path.read_bytes())
    if how == "tinydb":  # TinyDB's JSONStorage: json.dump, no indentation
        path.write_text(json.dumps(data), encoding="utf-8")
    elif how == "indent-4":
        path.write_text(json.dumps(data, indent=4, ensure_ascii=False), encoding="utf-8")
    elif how == "ascii":  # sorted and indented, but non-ASCII escaped
        path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    elif how == "one-pilot-by-hand":  # one document's keys in another order
        raw = path.read_text(encoding="utf-8")
        doc = data["pilots"]["2"]
        hand = json.dumps(dict(reversed(list(doc.items()))), indent=2, ensure_ascii=False)
        canon = document.canonical(doc, "\n    ")
        assert canon in raw
        path.write_text(raw.replace(canon, hand.replace("\n", "\n    ")), encoding="utf-8")
    elif how == "no-final-newline":
        path.write_bytes(path.read_bytes().rstrip(b"\n"))
    elif how == "bom":
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    else:
        raise AssertionError(how)


@pytest.mark.parametrize(
    "how", ["tinydb", "indent-4", "ascii", "one-pilot-by-hand", "no-final-newline", "bom"]
)
def test_a_file_not_written_canonically_is_serialised_on_the_first_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int, how: str
) -> None:
    path = make(tmp_path / "store.json", full_register(6, audit=2))
    _rewrite(path, how)
    assert path.read_bytes() != canonical_bytes(path)
    assert file_pieces(path.read_bytes(), json.loads(path.read_bytes().decode("utf-8-sig"))) == {}
    calls = counting_canonical(monkeypatch)
    with Store.open(path, daily_backup=False) as store:
        pilot = store.register.pilots[1]
        pilot.doel = "na een bewerking buiten pilot-tui"
        store.save_pilot(pilot)
        assert len(calls) == 6 + 1 + 2  # every document, as before
        raw = path.read_bytes()
        assert raw == dumps(store._storage.read()).encode("utf-8")
    assert raw == canonical_bytes(path)


def test_a_document_changed_in_place_is_not_taken_from_the_file(tmp_path: Path, batch: int) -> None:
    """Documents are replaced, never changed in place; should one be, the text from the
    file is not used for it (it is checked against the documents at the save)."""
    path = make(tmp_path / "store.json", full_register(5, audit=2))
    with Store.open(path, daily_backup=False) as store:
        data: dict[str, Any] = store._storage.read()
        data["pilots"]["3"]["doel"] = "in place"
        store.save_meta()
        assert json.loads(path.read_bytes())["pilots"]["3"]["doel"] == "in place"
        assert path.read_bytes() == dumps(data).encode("utf-8")


def test_a_corrupt_record_is_refused_before_anything_is_saved(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json", full_register(5))
    data = json.loads(path.read_bytes())
    data["pilots"]["3"]["status"] = "bezig"
    path.write_bytes(dumps(data).encode("utf-8"))  # canonical, so its text would be kept
    before = path.read_bytes()
    with pytest.raises(StoreError, match="ongeldige status"):
        Store.open(path, daily_backup=False)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.tmp*"))


def test_a_readonly_store_keeps_no_copy_of_the_file(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json", full_register(3))
    with Store.open(path, readonly=True) as store:
        assert store._storage._file is None
    with Store.open(path, daily_backup=False) as store:
        assert store._storage._file is not None
        store.save_meta()
        assert store._storage._file is None


def test_tinydb_write_forgets_the_file(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json", full_register(3))
    kept = storage.RegisterStorage(path)
    kept.load()
    data = kept.read()
    data["pilots"]["1"]["doel"] = "via TinyDB"  # in place, as TinyDB's Table does
    kept.write(data)
    assert path.read_bytes() == dumps(data).encode("utf-8")
