"""The three-way merge of two registers: pilots (added, deleted, the same id added
apart), the register's own values, open conflicts carried, the audit logs."""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

from pilot_tui.merge.conflicts import (
    ABSENT,
    CONFLICTS,
    META_PREFIX,
    REGISTER_FIELDS,
    WHOLE_PILOT,
    Conflict,
    set_conflicts,
)
from pilot_tui.merge.pilot import PilotMerge
from pilot_tui.merge.values import (
    MergedRegister,
    MergeStats,
    canonical,
    three_way,
)
from pilot_tui.model import (
    AuditEntry,
    Pilot,
    Register,
    slugify,
)
from pilot_tui.text import normalise, strip_controls

# -- pilots ------------------------------------------------------------------------------------


def _names(pilot: Pilot) -> set[str]:
    names = {normalise(n) for _start, n in pilot.timeline("name")}
    names |= {normalise(n) for n in pilot.former_names}
    return {n for n in names if n}


def same_pilot(a: Pilot, b: Pilot) -> bool:
    """Two pilots with one id that were added apart: the same pilot when one of the
    names (now, earlier, former) of the one is a name of the other."""
    return bool(_names(a) & _names(b))


def fresh_id(name: str, taken: set[str]) -> str:
    base = slugify(strip_controls(name)) or "pilot"
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    return candidate


def merge_registers(base: Register | None, ours: Register, theirs: Register) -> MergedRegister:
    """The three-way merge of two registers (see the module docstring). ``base=None``:
    no common ancestor is known; every value that differs is a conflict."""
    known = base is not None
    conflicts: list[Conflict] = []
    stats = MergeStats()
    b = {p.id: p for p in base.pilots} if base is not None else {}
    o = {p.id: p for p in ours.pilots}
    t = {p.id: p for p in theirs.pilots}
    taken = set(b) | set(o) | set(t)
    pilots: list[Pilot] = []
    for pilot_id, mine in o.items():
        other = t.get(pilot_id)
        before = b.get(pilot_id)
        if other is None:
            if known and before is not None:
                if mine == before:
                    continue  # they deleted it, we did not change it
                # we changed it, they deleted it: ours stays, and the choice is recorded
                conflicts.append(
                    Conflict(
                        mine.id, mine.name, WHOLE_PILOT, None, before.to_dict(), mine.to_dict()
                    )
                )
            pilots.append(mine)
            continue
        if before is None and not same_pilot(mine, other):
            pilots.append(mine)  # theirs is another pilot with the same id: below
            continue
        if mine == other or (known and other == before):
            pilots.append(mine)
        elif known and mine == before:
            pilots.append(other)
            stats.taken += 1
        else:
            pilots.append(PilotMerge(before, mine, other, known, conflicts, stats).run())
    for pilot_id, other in t.items():
        mine_or_none = o.get(pilot_id)
        before = b.get(pilot_id)
        if mine_or_none is None:
            if before is not None and known:
                if other != before:  # we deleted it, they changed it: the choice
                    conflicts.append(
                        Conflict(
                            other.id,
                            other.name,
                            WHOLE_PILOT,
                            None,
                            before.to_dict(),
                            ABSENT,
                            other.to_dict(),
                        )
                    )
                continue
            pilots.append(other)
            stats.added += 1
        elif before is None and not same_pilot(mine_or_none, other):
            new_id = fresh_id(other.name, taken)
            taken.add(new_id)
            stats.renamed[pilot_id] = new_id
            added = copy.deepcopy(other)
            added.id = new_id
            pilots.append(added)
            stats.added += 1
    title, intro, extra = _merge_meta(base, ours, theirs, conflicts, stats)
    audit = _merge_audit(base, ours, theirs, stats)
    merged = Register(
        title=title,
        intro=intro,
        peildata=sorted(set(ours.peildata) | set(theirs.peildata)),
        pilots=pilots,
        audit=audit,
        extra=extra,
    )
    carried = _carried_conflicts(base, ours, theirs, stats.renamed)
    new_keys = {c.key() for c in conflicts}
    set_conflicts(merged, [*[c for c in carried if c.key() not in new_keys], *conflicts])
    return MergedRegister(merged, conflicts, stats)


def _merge_meta(
    base: Register | None,
    ours: Register,
    theirs: Register,
    conflicts: list[Conflict],
    stats: MergeStats,
) -> tuple[str, str, dict[str, Any]]:
    known = base is not None
    values: dict[str, Any] = {}
    for name in REGISTER_FIELDS:
        bv = getattr(base, name) if base is not None else ABSENT
        ov, tv = getattr(ours, name), getattr(theirs, name)
        value, conflicting = three_way(bv, ov, tv, known)
        if conflicting:
            conflicts.append(Conflict("", "", name, None, bv, ov, tv))
        elif value is not ov:
            stats.taken += 1
        values[name] = value
    b = base.extra if base is not None else {}
    extra: dict[str, Any] = {}
    for key in sorted((b.keys() | ours.extra.keys() | theirs.extra.keys()) - {CONFLICTS}):
        bv, ov, tv = b.get(key, ABSENT), ours.extra.get(key, ABSENT), theirs.extra.get(key, ABSENT)
        value, conflicting = three_way(bv, ov, tv, known)
        if conflicting:
            conflicts.append(Conflict("", "", META_PREFIX + key, None, bv, ov, tv))
        if value is not ABSENT:
            extra[key] = copy.deepcopy(value)
    return values["title"], values["intro"], extra


def _carried_conflicts(
    base: Register | None, ours: Register, theirs: Register, renamed: dict[str, str]
) -> list[Conflict]:
    """Conflicts left open on either side (committed unresolved), minus those one side
    resolved since the base."""

    def records(register: Register | None) -> list[Any]:
        raw = register.extra.get(CONFLICTS) if register is not None else None
        return raw if isinstance(raw, list) else []

    base_keys = {canonical(r) for r in records(base)}
    our_keys = {canonical(r) for r in records(ours)}
    their_keys = {canonical(r) for r in records(theirs)}
    kept: list[Conflict] = []
    seen: set[bytes] = set()
    for side, records_of_side in ((our_keys, records(ours)), (their_keys, records(theirs))):
        for record in records_of_side:
            key = canonical(record)
            resolved = key in base_keys and (key not in our_keys or key not in their_keys)
            if key in seen or resolved:
                continue
            seen.add(key)
            try:
                conflict = Conflict.from_dict(record)
            except ValueError:
                continue  # unreadable: `check` reported it on the side that had it
            if side is their_keys and conflict.pilot_id in renamed:
                conflict.pilot_id = renamed[conflict.pilot_id]
            kept.append(conflict)
    return kept


def _audit_time(entry: AuditEntry) -> datetime:
    when = entry.when
    return when.astimezone().replace(tzinfo=None) if when.tzinfo is not None else when


def _merge_audit(
    base: Register | None, ours: Register, theirs: Register, stats: MergeStats
) -> list[AuditEntry]:
    """Every entry of both logs, each once (an entry the two sides share is one change,
    however many times it appears on the side that has it most), ordered by time."""
    counts: dict[bytes, int] = {}
    for entry in ours.audit:
        key = canonical(entry.to_dict())
        counts[key] = counts.get(key, 0) + 1
    merged = list(ours.audit)
    seen: dict[bytes, int] = {}
    for entry in theirs.audit:
        key = canonical(entry.to_dict())
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= counts.get(key, 0):
            continue
        if entry.pilot_id in stats.renamed:
            entry = copy.deepcopy(entry)
            entry.pilot_id = stats.renamed[entry.pilot_id]
        merged.append(entry)
        stats.audit_added += 1
    return sorted(merged, key=_audit_time)
