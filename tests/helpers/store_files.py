"""What the tests of the store on real files share: a register made and opened again, a
change made on disk by someone else, and the documents a save serialises, counted."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pilot_tui.model import Register
from pilot_tui.store import Store, dumps, storage

from .registers import full_register


def reopen(path: Path) -> Register:
    with Store.open(path, readonly=True) as store:
        return store.register


def make(path: Path, register: Register | None = None) -> Path:
    Store.create(path, register or full_register()).close()
    return path


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


def external_edit(path: Path, title: str) -> bytes:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["meta"]["1"]["title"] = title
    raw = dumps(data).encode("utf-8")
    with open(path, "wb") as fh:  # in place, as an editor or sync tool might
        fh.write(raw)
    return raw
