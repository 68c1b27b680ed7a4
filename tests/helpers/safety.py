"""What the data-safety tests of the store share: registers to break and how to place them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pilot_tui.store as store_mod
from pilot_tui.store import Store, dumps

from .registers import full_register


def valid_bytes(n: int = 4) -> bytes:
    return dumps(store_mod.data_from_register(full_register(n))).encode("utf-8")


def valid_data(n: int = 4) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(valid_bytes(n))
    return data


def make(path: Path, n: int = 4) -> Path:
    Store.create(path, full_register(n)).close()
    return path


def snapshot(folder: Path) -> dict[str, bytes | None]:
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"))
        if p.name != ".store.json.lock"
    }
