"""The merge of three register files (git's merge driver): read, merged with our document
ids and records kept where the merge keeps them, written atomically."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pilot_tui.atomic import atomic_write, os_reason
from pilot_tui.merge.conflicts import (
    ABSENT,
    TABLE_PREFIX,
    Conflict,
    conflicts_of,
    set_conflicts,
)
from pilot_tui.merge.registers import merge_registers
from pilot_tui.merge.values import (
    MergedRegister,
    three_way,
)
from pilot_tui.model import (
    Register,
)
from pilot_tui.store import (
    AUDIT,
    META,
    PILOTS,
    StoreError,
    dumps,
    meta_doc,
    parse_register_bytes,
    register_from_data,
)

# -- the file ----------------------------------------------------------------------------------


def _tables(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in (META, PILOTS, AUDIT)}


def merge_data(
    base: dict[str, Any] | None,
    ours: dict[str, Any],
    theirs: dict[str, Any],
    paths: tuple[Path | None, Path, Path],
) -> tuple[dict[str, Any], MergedRegister]:
    """Merge three register files as read (see :func:`read_register_data`); return the
    data to write and the merge. Our document ids stay, and our records are written as we
    had them where the merge keeps them, so that the file diffs small; pilots only they had
    follow ours. Raises StoreError for a file that is not a register."""
    ours_register, our_ids = register_from_data(paths[1], ours)
    theirs_register = _read_beside(paths[2], theirs, ours, ours_register, our_ids)
    base_register = None
    if base is not None:
        base_register = _read_beside(paths[0] or Path("-"), base, ours, ours_register, our_ids)
    merged = merge_registers(base_register, ours_register, theirs_register)
    register = merged.register
    our_pilot_docs = ours.get(PILOTS, {})
    as_we_had = {id(p): our_pilot_docs[str(our_ids[p.id])] for p in ours_register.pilots}
    next_id = max(our_ids.values(), default=0) + 1
    pilots: dict[str, Any] = {}
    for pilot in register.pilots:
        doc_id = our_ids.get(pilot.id)
        if doc_id is None:
            doc_id, next_id = next_id, next_id + 1
        doc = as_we_had.get(id(pilot))
        pilots[str(doc_id)] = doc if doc is not None else pilot.to_dict()
    our_audit_docs = ours.get(AUDIT, {})
    audit_as_we_had = {
        id(a): our_audit_docs[k]
        for a, k in zip(ours_register.audit, sorted(our_audit_docs, key=int), strict=True)
    }
    data: dict[str, Any] = {
        PILOTS: pilots,
        AUDIT: {
            str(i): audit_as_we_had.get(id(a)) or a.to_dict()
            for i, a in enumerate(register.audit, start=1)
        },
    }
    _merge_tables(base, ours, theirs, data, merged)
    data[META] = {next(iter(ours[META])): meta_doc(register)}
    return data, merged


def _read_beside(
    path: Path,
    data: dict[str, Any],
    ours: dict[str, Any],
    ours_register: Register,
    our_ids: dict[str, int],
) -> Register:
    """The register of another side, read beside ours: a record the same as ours under the
    same document id is our (checked) object; only the others are read and checked here.
    At 10,000 pilots of which a few changed, that is most of the reading saved."""
    reduced = dict(data)
    tables: dict[str, dict[str, Any]] = {}
    for table in (PILOTS, AUDIT):
        docs = data.get(table, {})
        if not isinstance(docs, dict):
            return register_from_data(path, data)[0]  # refused there, in its words
        mine = ours.get(table, {})
        tables[table] = docs
        reduced[table] = {k: v for k, v in docs.items() if mine.get(k) != v}
    register, ids = register_from_data(path, reduced)
    ours_by_doc = {str(our_ids[p.id]): p for p in ours_register.pilots}
    read_by_doc = {str(ids[p.id]): p for p in register.pilots}
    pilots = [read_by_doc.get(k) or ours_by_doc[k] for k in sorted(tables[PILOTS], key=_doc_number)]
    seen: set[str] = set()
    for pilot in pilots:
        if pilot.id in seen:
            raise StoreError(
                f"{path}: beschadigd register: pilot-id {pilot.id!r} komt twee keer voor"
            )
        seen.add(pilot.id)
    register.pilots = pilots
    our_audit = dict(zip(sorted(ours.get(AUDIT, {}), key=int), ours_register.audit, strict=True))
    read_audit = dict(zip(sorted(reduced[AUDIT], key=int), register.audit, strict=True))
    register.audit = [
        read_audit.get(k) or our_audit[k] for k in sorted(tables[AUDIT], key=_doc_number)
    ]
    return register


def _doc_number(key: str) -> int:
    """A document id as a number (checked already: by the store, or equal to one of ours)."""
    return int(key)


def _merge_tables(
    base: dict[str, Any] | None,
    ours: dict[str, Any],
    theirs: dict[str, Any],
    data: dict[str, Any],
    merged: MergedRegister,
) -> None:
    """Tables this version does not know (a scripter's): merged per document."""
    known = base is not None
    b, o, t = _tables(base or {}), _tables(ours), _tables(theirs)
    added: list[Conflict] = []
    for name in sorted(b.keys() | o.keys() | t.keys()):
        bt, ot, tt = b.get(name, ABSENT), o.get(name, ABSENT), t.get(name, ABSENT)
        if not all(isinstance(x, dict) or x is ABSENT for x in (bt, ot, tt)):
            value, conflicting = three_way(bt, ot, tt, known)
            if conflicting:
                added.append(Conflict("", "", f"{TABLE_PREFIX}{name}", None, bt, ot, tt))
            if value is not ABSENT:
                data[name] = copy.deepcopy(value)
            continue
        bd = bt if isinstance(bt, dict) else {}
        od = ot if isinstance(ot, dict) else {}
        td = tt if isinstance(tt, dict) else {}
        table: dict[str, Any] = {}
        for key in sorted(bd.keys() | od.keys() | td.keys()):
            value, conflicting = three_way(
                bd.get(key, ABSENT), od.get(key, ABSENT), td.get(key, ABSENT), known
            )
            if conflicting:
                added.append(
                    Conflict(
                        "",
                        "",
                        f"{TABLE_PREFIX}{name}.{key}",
                        None,
                        bd.get(key, ABSENT) if known else ABSENT,
                        od.get(key, ABSENT),
                        td.get(key, ABSENT),
                    )
                )
            if value is not ABSENT:
                table[key] = copy.deepcopy(value)
        if ot is not ABSENT or tt is not ABSENT:
            data[name] = table
    if added:
        merged.conflicts.extend(added)
        keys = {c.key() for c in added}
        set_conflicts(
            merged.register,
            [*(c for c in conflicts_of(merged.register) if c.key() not in keys), *added],
        )


@dataclass
class FileMerge:
    merged: MergedRegister
    written: bool  # False: the result is ours as it was (nothing to write)


def read_register_data(path: Path) -> dict[str, Any]:
    """A register file as data: read, parsed and its shape checked; its records are
    checked when they are read into a register (:func:`merge_data`). Raises StoreError."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise StoreError(f"{path}: bestand bestaat niet") from None
    except IsADirectoryError:
        raise StoreError(f"{path}: is een map, geen registerbestand") from None
    except OSError as exc:
        raise StoreError(f"{path}: kan niet gelezen worden ({os_reason(exc)})") from None
    return parse_register_bytes(path, raw)


def _unchanged(data: dict[str, Any], ours: dict[str, Any]) -> bool:
    """Whether ``data`` is ``ours`` (the schema version aside: nothing came from theirs)."""
    if data.keys() != ours.keys() or list(data[META]) != list(ours[META]):
        return False
    if any(data[table] != ours[table] for table in data if table != META):
        return False
    mine = next(iter(ours[META].values()))
    merged = next(iter(data[META].values()))
    return {**merged, "schema_version": mine.get("schema_version")} == mine


def merge_files(
    base: Path | None,
    ours: Path,
    theirs: Path,
    *,
    before_write: Callable[[], None] | None = None,
) -> FileMerge:
    """Merge ``theirs`` into the file ``ours`` (three-way with ``base``; None: without a
    common ancestor; git gives an empty file when both sides added the register apart),
    writing ``ours`` atomically as the store writes a register. Raises StoreError (one
    Dutch line) for a file that cannot be read; ``ours`` is then untouched."""
    if base is not None and base.is_file() and base.stat().st_size == 0:
        base = None
    base_data = read_register_data(base) if base is not None else None
    ours_data = read_register_data(ours)
    theirs_data = read_register_data(theirs)
    data, merged = merge_data(base_data, ours_data, theirs_data, (base, ours, theirs))
    if _unchanged(data, ours_data):  # nothing came from theirs: ours stays, byte for byte
        return FileMerge(merged, written=False)
    if before_write is not None:
        before_write()
    try:
        atomic_write(ours, dumps(data))
    except OSError as exc:
        raise StoreError(f"{ours}: schrijven mislukt ({os_reason(exc)}); ongewijzigd") from None
    return FileMerge(merged, written=True)
