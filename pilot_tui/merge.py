"""Three-way merge of two registers that share an ancestor (pure; the files are read and
written by :func:`merge_files`, nothing else does I/O here).

Used as git's merge driver (``pilot-tui merge %O %A %B``) and to merge a colleague's copy
outside git. The unit of a merge is one value, never a line of JSON:

* a pilot's versioned field is merged per change point of its *timeline* (see
  ``Pilot.timeline``): a value set for one peildatum on one side and for another peildatum
  on the other side both stay, each from its own peildatum;
* the stand van zaken is merged per peildatum (and within an entry per key: one side's
  text and the other side's number of cases merge);
* unknown keys (of the meta document, a pilot, an entry) are merged per key; unknown
  tables per document;
* peildata are the union of both sides; the audit logs are merged without loss or
  duplication, ordered by time (an entry both sides have is the same change: kept once);
* pilots only one side added are kept; a pilot the other side added under the same id is
  the same pilot when one of its names matches, otherwise it gets a fresh id.

For each value: the side that changed it wins; both changed it the same way, that value;
both changed it differently, a :class:`Conflict`: the register holds our value and the
conflict is recorded in the meta document under ``conflicts`` (see :meth:`Conflict.to_dict`)
so that the file stays a valid register (never conflict markers) and the app can offer
the choice. A pilot retired on one side and changed on the other from the retirement on
is a conflict too (the change would be invisible). Without a base (``base=None``) every
difference is a conflict.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final

import orjson

from pilot_tui.atomic import atomic_write, os_reason
from pilot_tui.changes import (
    ChangeError,
    Operation,
    name_problem,
    snapshot_pilot,
    split_list,
)
from pilot_tui.model import (
    VERSIONED,
    AuditEntry,
    Footnote,
    HistoryEntry,
    Pilot,
    Register,
    Status,
    slugify,
)
from pilot_tui.periods import format_date
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
from pilot_tui.text import normalise, strip_controls

CONFLICTS: Final = "conflicts"  # the key of the meta document that lists open conflicts

# Fields of a conflict that are not a versioned field of the pilot.
ENTRY: Final = "stand_van_zaken"  # the entry of one peildatum (as a whole)
STATUS: Final = "status"  # a pilot's current status, when no entry says it
WHOLE_PILOT: Final = "pilot"  # the pilot itself: deleted on one side, changed on the other
EXTRA_PREFIX: Final = "extra."  # an unknown key of a pilot
META_PREFIX: Final = "meta."  # an unknown key of the meta document
TABLE_PREFIX: Final = "table."  # a document of an unknown table: "table.NAME.ID"
REGISTER_FIELDS: Final = ("title", "intro")


class _Absent:
    """No value on this side (the pilot, entry or key is not there)."""

    _instance: _Absent | None = None

    def __new__(cls) -> _Absent:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ABSENT"

    def __deepcopy__(self, memo: dict[int, Any]) -> _Absent:
        return self


ABSENT: Final = _Absent()


@dataclass
class Conflict:
    """Both sides changed one value differently; the register holds ours.

    ``pilot_id`` is "" for the register itself (title, intro, meta keys, tables).
    ``peildatum`` is the change point the value holds from (None: from the start; also for
    values that are not kept per peildatum). ``base``, ``ours`` and ``theirs`` are the
    values as JSON, each as it was at that peildatum on that side, or ABSENT.
    """

    pilot_id: str
    name: str  # of the pilot (ours, else theirs), for messages
    field: str
    peildatum: date | None
    base: Any = ABSENT
    ours: Any = ABSENT
    theirs: Any = ABSENT
    extra: dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)  # unknown keys

    def key(self) -> tuple[str, str, str]:
        return (self.pilot_id, self.field, self.peildatum.isoformat() if self.peildatum else "")

    def to_dict(self) -> dict[str, Any]:
        """The record in the meta document: a side without a value has no key."""
        data: dict[str, Any] = {
            **self.extra,
            "pilot_id": self.pilot_id,
            "name": self.name,
            "field": self.field,
            "peildatum": self.peildatum.isoformat() if self.peildatum else None,
        }
        for side in ("base", "ours", "theirs"):
            value = getattr(self, side)
            if value is not ABSENT:
                data[side] = value
        return data

    @classmethod
    def from_dict(cls, d: Any) -> Conflict:
        if not isinstance(d, dict):
            raise ValueError("een conflict moet een object zijn")
        pilot_id, name, fld = d.get("pilot_id", ""), d.get("name", ""), d.get("field")
        if not isinstance(pilot_id, str) or not isinstance(name, str):
            raise ValueError("'pilot_id' en 'name' van een conflict moeten tekst zijn")
        if not isinstance(fld, str) or not fld:
            raise ValueError("een conflict zonder veld")
        when = d.get("peildatum")
        if when is not None and not isinstance(when, str):
            raise ValueError("'peildatum' van een conflict moet een datum zijn")
        return cls(
            pilot_id=pilot_id,
            name=name,
            field=fld,
            peildatum=date.fromisoformat(when) if when else None,
            base=d.get("base", ABSENT),
            ours=d.get("ours", ABSENT),
            theirs=d.get("theirs", ABSENT),
            extra={k: v for k, v in d.items() if k not in _CONFLICT_KEYS},
        )


_CONFLICT_KEYS = frozenset({"pilot_id", "name", "field", "peildatum", "base", "ours", "theirs"})


def conflicts_of(register: Register) -> list[Conflict]:
    """The open conflicts recorded in the register. Raises ValueError for a list that
    cannot be read (``pilot-tui check`` reports it; the app shows none)."""
    raw = register.extra.get(CONFLICTS)
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise ValueError("'conflicts' moet een lijst zijn")
    return [Conflict.from_dict(d) for d in raw]


def set_conflicts(register: Register, conflicts: Iterable[Conflict]) -> None:
    """Record ``conflicts`` in the register's meta document (no key when there are none)."""
    records = [c.to_dict() for c in conflicts]
    if records:
        register.extra[CONFLICTS] = records
    else:
        register.extra.pop(CONFLICTS, None)


# -- values ------------------------------------------------------------------------------------


def value_json(name: str, value: Any) -> Any:
    """A field value as JSON (as the file has it)."""
    if value is ABSENT:
        return ABSENT
    if name == "footnotes":
        return [f.to_dict() for f in value]
    if isinstance(value, Status):
        return value.value
    if isinstance(value, list):
        return list(value)
    return value


def value_from_json(name: str, value: Any) -> Any:
    """A versioned field's value from JSON (checked as when a register is read)."""
    if name == "footnotes":
        if not isinstance(value, list):
            raise ValueError("'footnotes' moet een lijst zijn")
        return [Footnote.from_dict(f) for f in value]
    if name in ("former_names", "partners"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"'{name}' moet een lijst met tekst zijn")
        return list(value)
    if name == "removed":
        if not isinstance(value, bool):
            raise ValueError("'removed' moet true of false zijn")
        return value
    if not isinstance(value, str):
        raise ValueError(f"'{name}' moet tekst zijn")
    return value


def _same(a: Any, b: Any) -> bool:
    return a is b or (a is not ABSENT and b is not ABSENT and a == b)


def _three_way(base: Any, ours: Any, theirs: Any, known_base: bool) -> tuple[Any, bool]:
    """(the merged value, whether it is a conflict); on a conflict the value is ours."""
    if _same(ours, theirs):
        return ours, False
    if known_base:
        if _same(base, ours):
            return theirs, False
        if _same(base, theirs):
            return ours, False
    return ours, True


def _canonical(value: Any) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


# -- the result --------------------------------------------------------------------------------


@dataclass
class MergeStats:
    taken: int = 0  # values taken from theirs
    added: int = 0  # pilots only they had, added
    renamed: dict[str, str] = field(default_factory=dict)  # their pilot id -> the new id
    audit_added: int = 0  # audit entries only they had


@dataclass
class MergedRegister:
    register: Register
    conflicts: list[Conflict]  # of this merge (the register lists carried ones too)
    stats: MergeStats


# -- timelines ---------------------------------------------------------------------------------

_Key = date | None  # a change point; None: from the start
_MIN = date.min


def _order(key: _Key) -> date:
    return _MIN if key is None else key


def _points(pilot: Pilot | None, name: str) -> dict[_Key, Any]:
    return dict(pilot.timeline(name)) if pilot is not None else {}


def _effective(points: dict[_Key, Any], key: _Key) -> Any:
    """The value a timeline has at ``key`` (ABSENT for an empty timeline)."""
    found: Any = ABSENT
    best: date | None = None
    for start, value in points.items():
        at = _order(start)
        if at <= _order(key) and (best is None or at >= best):
            best, found = at, value
    return found


class _PilotMerge:
    """The merge of one pilot both sides have (base: the common ancestor, or None)."""

    def __init__(
        self,
        base: Pilot | None,
        ours: Pilot,
        theirs: Pilot,
        known_base: bool,
        conflicts: list[Conflict],
        stats: MergeStats,
    ) -> None:
        self.base, self.ours, self.theirs = base, ours, theirs
        self.known_base = known_base and base is not None
        self.conflicts = conflicts
        self.stats = stats
        self.result = Pilot(id=ours.id, name=ours.name, status=ours.status)
        self.ours_changes: set[_Key] = set()  # change points where ours differs from base
        self.theirs_changes: set[_Key] = set()

    def conflict(self, name: str, when: date | None, base: Any, ours: Any, theirs: Any) -> Conflict:
        found = Conflict(self.ours.id, self.ours.name, name, when, base, ours, theirs)
        self.conflicts.append(found)
        return found

    def run(self) -> Pilot:
        for name in VERSIONED:
            if name != "removed":
                self.field(name)
        self.history()
        self.status()
        self.extra()
        self.field("removed")
        self.retired_and_changed()
        return self.result

    def _note(self, key: _Key, base: Any, ours: Any, theirs: Any) -> None:
        if not _same(base, ours):
            self.ours_changes.add(key)
        if not _same(base, theirs):
            self.theirs_changes.add(key)

    def field(self, name: str) -> None:
        """Merge a versioned field per change point. A side *touched* a change point when
        the value it shows from there differs from the base's (a value set, or a change
        point taken away); the merged timeline gets, at each change point, the value the side that
        touched it has there (its value then, also when it took the change point away),
        so that each side's values hold wherever only that side changed them."""
        b, o, t = (_points(p, name) for p in (self.base, self.ours, self.theirs))
        merged: list[tuple[_Key, Any]] = []
        for key in sorted(b.keys() | o.keys() | t.keys(), key=_order):
            # what each side shows from this point on: a change point added with the
            # value the base already had there changes nothing (a correction of an
            # earlier round holds the later rounds so), and is no change of that side
            be, oe, te = _effective(b, key), _effective(o, key), _effective(t, key)
            if name != "removed":
                self._note(key, be, oe, te)
            ours_touched = not self.known_base or not _same(be, oe)
            theirs_touched = not self.known_base or not _same(be, te)
            if (not ours_touched and not theirs_touched) or not theirs_touched or oe == te:
                value = oe
            elif not ours_touched:
                value = te
                self.stats.taken += 1
            else:
                value = oe  # both changed it, differently: ours, and the choice
                self.conflict(
                    name,
                    key,
                    value_json(name, _effective(b, key)) if self.known_base else ABSENT,
                    value_json(name, oe),
                    value_json(name, te),
                )
            if value is not ABSENT:
                merged.append((key, copy.deepcopy(value)))
        self._store(name, merged)

    def _store(self, name: str, timeline: list[tuple[_Key, Any]]) -> None:
        if not timeline or timeline[0][0] is not None:  # never: every timeline has a start
            raise ValueError(f"pilot {self.ours.id!r}: tijdlijn van {name!r} zonder begin")
        self.result._store_timeline(name, timeline)

    def history(self) -> None:
        b, o, t = (_entries(p) for p in (self.base, self.ours, self.theirs))
        entries: list[HistoryEntry] = []
        for key in sorted(b.keys() | o.keys() | t.keys()):
            bv, ov, tv = b.get(key, ABSENT), o.get(key, ABSENT), t.get(key, ABSENT)
            when = date.fromisoformat(key[0])
            self._note(when, bv, ov, tv)
            value, conflicting = _three_way(bv, ov, tv, self.known_base)
            if conflicting and self.known_base and isinstance(ov, dict) and isinstance(tv, dict):
                value, conflicting = _merge_keys(bv if isinstance(bv, dict) else {}, ov, tv)
            if conflicting:
                value = ov
                self.conflict(ENTRY, when, bv if self.known_base else ABSENT, ov, tv)
            elif not _same(value, ov):
                self.stats.taken += 1
            if value is not ABSENT:
                entries.append(HistoryEntry.from_dict(value))
        self.result.history = entries

    def status(self) -> None:
        last = self.result.history[-1] if self.result.history else None
        if last is not None and last.status is not None:
            self.result.status = last.status  # as Pilot.set_entry keeps it
            return
        bv = self.base.status.value if self.base is not None else ABSENT
        ov, tv = self.ours.status.value, self.theirs.status.value
        value, conflicting = _three_way(bv, ov, tv, self.known_base)
        if conflicting:
            self.conflict(STATUS, None, bv if self.known_base else ABSENT, ov, tv)
        self.result.status = Status(value)

    def extra(self) -> None:
        b = self.base.extra if self.base is not None else {}
        o, t = self.ours.extra, self.theirs.extra
        merged: dict[str, Any] = {}
        for key in sorted(b.keys() | o.keys() | t.keys()):
            bv, ov, tv = b.get(key, ABSENT), o.get(key, ABSENT), t.get(key, ABSENT)
            value, conflicting = _three_way(bv, ov, tv, self.known_base)
            if conflicting:
                self.conflict(EXTRA_PREFIX + key, None, bv if self.known_base else ABSENT, ov, tv)
            if value is not ABSENT:
                merged[key] = copy.deepcopy(value)
        self.result.extra = merged

    def retired_and_changed(self) -> None:
        """One side retired the pilot, the other changed it from then on: the change would
        not be seen at any peildatum. A conflict on ``removed`` at the retirement, holding
        our value there."""
        for side, other_changes in (
            (self.ours, self.theirs_changes),
            (self.theirs, self.ours_changes),
        ):
            other = self.theirs if side is self.ours else self.ours
            for changed in sorted(other_changes, key=_order):
                when = _order(changed)
                if not self.result.value_at("removed", when) or not other.exists_at(when):
                    continue
                if not side.value_at("removed", when):
                    continue  # the merged value came from elsewhere
                points = _points(side, "removed")
                start = max((k for k in points if _order(k) <= when), key=_order)
                if any(c.field == "removed" and c.peildatum == start for c in self.conflicts):
                    continue
                o, t = _points(self.ours, "removed"), _points(self.theirs, "removed")
                timeline = dict(self.result.timeline("removed"))
                timeline[start] = _effective(o, start)  # hold ours
                self._store("removed", sorted(timeline.items(), key=lambda kv: _order(kv[0])))
                b = _points(self.base, "removed")
                self.conflict(
                    "removed",
                    start,
                    _effective(b, start) if self.known_base else ABSENT,
                    _effective(o, start),
                    _effective(t, start),
                )


def _entries(pilot: Pilot | None) -> dict[tuple[str, int], dict[str, Any]]:
    """A pilot's entries by (peildatum, n): n counts entries of one peildatum (a file
    written by another tool may have two)."""
    out: dict[tuple[str, int], dict[str, Any]] = {}
    if pilot is None:
        return out
    for entry in pilot.history:
        when = entry.peildatum.isoformat()
        n = 0
        while (when, n) in out:
            n += 1
        out[(when, n)] = entry.to_dict()
    return out


def _merge_keys(
    base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]
) -> tuple[dict[str, Any], bool]:
    """Two changed versions of one object merged per key; (merged, any conflict)."""
    merged: dict[str, Any] = {}
    for key in sorted(base.keys() | ours.keys() | theirs.keys()):
        value, conflicting = _three_way(
            base.get(key, ABSENT), ours.get(key, ABSENT), theirs.get(key, ABSENT), True
        )
        if conflicting:
            return ours, True
        if value is not ABSENT:
            merged[key] = value
    return merged, False


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
            pilots.append(_PilotMerge(before, mine, other, known, conflicts, stats).run())
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
        value, conflicting = _three_way(bv, ov, tv, known)
        if conflicting:
            conflicts.append(Conflict("", "", name, None, bv, ov, tv))
        elif value is not ov:
            stats.taken += 1
        values[name] = value
    b = base.extra if base is not None else {}
    extra: dict[str, Any] = {}
    for key in sorted((b.keys() | ours.extra.keys() | theirs.extra.keys()) - {CONFLICTS}):
        bv, ov, tv = b.get(key, ABSENT), ours.extra.get(key, ABSENT), theirs.extra.get(key, ABSENT)
        value, conflicting = _three_way(bv, ov, tv, known)
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

    base_keys = {_canonical(r) for r in records(base)}
    our_keys = {_canonical(r) for r in records(ours)}
    their_keys = {_canonical(r) for r in records(theirs)}
    kept: list[Conflict] = []
    seen: set[bytes] = set()
    for side, records_of_side in ((our_keys, records(ours)), (their_keys, records(theirs))):
        for record in records_of_side:
            key = _canonical(record)
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
        key = _canonical(entry.to_dict())
        counts[key] = counts.get(key, 0) + 1
    merged = list(ours.audit)
    seen: dict[bytes, int] = {}
    for entry in theirs.audit:
        key = _canonical(entry.to_dict())
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= counts.get(key, 0):
            continue
        if entry.pilot_id in stats.renamed:
            entry = copy.deepcopy(entry)
            entry.pilot_id = stats.renamed[entry.pilot_id]
        merged.append(entry)
        stats.audit_added += 1
    return sorted(merged, key=_audit_time)


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
            value, conflicting = _three_way(bt, ot, tt, known)
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
            value, conflicting = _three_way(
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


# -- words -------------------------------------------------------------------------------------

FIELD_LABELS: Final = {
    "name": "naam",
    "former_names": "voormalige namen",
    "achtergrond": "achtergrond",
    "doel": "doel",
    "looptijd": "looptijd",
    "looptijd_label": "kop boven de looptijd",
    "programma": "programma",
    "gemeente": "gemeente/regio",
    "rechtsgebied": "rechtsgebied",
    "partners": "partners",
    "footnotes": "voetnoten",
    "removed": "verwijderd",
    STATUS: "status",
    ENTRY: "stand van zaken",
    WHOLE_PILOT: "de pilot zelf (verwijderd aan één kant)",
    "title": "titel van het register",
    "intro": "inleiding van het register",
}


def field_label(name: str) -> str:
    """A conflict's field in Dutch."""
    if name in FIELD_LABELS:
        return FIELD_LABELS[name]
    if name.startswith(EXTRA_PREFIX):
        return f"onbekend veld {name.removeprefix(EXTRA_PREFIX)!r}"
    if name.startswith(META_PREFIX):
        return f"onbekend veld {name.removeprefix(META_PREFIX)!r} van het register"
    if name.startswith(TABLE_PREFIX):
        return f"tabel {name.removeprefix(TABLE_PREFIX)!r}"
    return name


def describe_value(conflict: Conflict) -> str:
    """Which value ("achtergrond vanaf 1 juni 2022", "stand van zaken per 1 juni 2022")."""
    what = field_label(conflict.field)
    if conflict.peildatum is not None:
        word = "per" if conflict.field == ENTRY else "vanaf"
        what += f" {word} {format_date(conflict.peildatum)}"
    return what


def describe(conflict: Conflict) -> str:
    """One line: which value of which pilot ("„X” (x): achtergrond vanaf 1 juni 2022")."""
    if conflict.pilot_id:
        where = f"„{' '.join(conflict.name.split())}” ({conflict.pilot_id})"
    else:
        where = "het register"
    return f"{where}: {describe_value(conflict)}"


def value_text(name: str, value: Any, limit: int | None = 80) -> str:
    """A conflict's value on one side, as one line of plain text (cut at ``limit``)."""
    if value is ABSENT:
        text = "(geen)"
    elif name == "removed" and isinstance(value, bool):
        text = "verwijderd" if value else "niet verwijderd"
    elif name == ENTRY and isinstance(value, dict):
        parts = [str(value.get("stand_van_zaken", ""))]
        if value.get("status"):
            parts.append(f"status {value['status']}")
        if value.get("zaken") is not None:
            parts.append(f"{value['zaken']} zaken")
        if value.get("unchanged"):
            parts.append("ongewijzigd")
        text = " · ".join(parts)
    elif name == WHOLE_PILOT and isinstance(value, dict):
        text = f"pilot „{value.get('name', '')}”"
    elif name == "footnotes" and isinstance(value, list):
        text = " ".join(
            f"[{i}] {n.get('text', '') if isinstance(n, dict) else n}"
            for i, n in enumerate(value, start=1)
        )
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        text = "; ".join(value)
    elif isinstance(value, str):
        text = value
    else:
        text = orjson.dumps(value).decode("utf-8")
    text = " ".join(strip_controls(text).split()) or "(leeg)"
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


# -- resolving ---------------------------------------------------------------------------------

OURS: Final = "ours"  # keep the value the register holds
THEIRS: Final = "theirs"  # take the other side's value
EDIT: Final = "edit"  # a value typed by the user

_TEXT_FIELDS = ("name", "achtergrond", "doel", "looptijd", "programma", "gemeente", "rechtsgebied")
_LIST_FIELDS = ("former_names", "partners")


def editable(conflict: Conflict) -> bool:
    """Whether a value can be typed for this conflict (texts, lists of names, the text of a
    stand van zaken); other values are chosen from the two sides."""
    if conflict.field == ENTRY:
        return isinstance(conflict.ours, dict) or isinstance(conflict.theirs, dict)
    return conflict.field in (*_TEXT_FIELDS, *_LIST_FIELDS, *REGISTER_FIELDS)


def edit_text(conflict: Conflict) -> str:
    """The text an edit of this conflict starts from: our value."""
    value = conflict.ours if conflict.ours is not ABSENT else conflict.theirs
    if conflict.field == ENTRY:
        return str(value.get("stand_van_zaken", "")) if isinstance(value, dict) else ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return value if isinstance(value, str) else ""


def edited_value(conflict: Conflict, text: str) -> Any:
    """The value (as JSON) an edit with ``text`` gives; ChangeError when it cannot be one."""

    if not editable(conflict):
        raise ChangeError(f"{field_label(conflict.field)} kan niet bewerkt worden; kies een kant")
    if conflict.field == ENTRY:
        if not text.strip():
            raise ChangeError("de stand van zaken mag niet leeg zijn")
        side = conflict.ours if isinstance(conflict.ours, dict) else conflict.theirs
        assert isinstance(side, dict)
        return {**side, "stand_van_zaken": text.strip(), "unchanged": False}
    if conflict.field in _LIST_FIELDS:
        return split_list(text)
    if conflict.field == "name":
        name = " ".join(text.split())
        if not name:
            raise ChangeError("de naam mag niet leeg zijn")
        return name
    return text.strip()


def _apply_to_pilot(
    register: Register, pilot: Pilot | None, conflict: Conflict, value: Any
) -> Pilot | None:
    """The pilot with ``value`` for the conflict's field (a copy); None: no pilot."""

    name = conflict.field
    if name == WHOLE_PILOT:
        if value is ABSENT:
            return None
        restored = Pilot.from_dict(value)
        if restored.id != conflict.pilot_id:
            raise ValueError("de pilot heeft een ander id dan het conflict")
        return restored
    if pilot is None:
        raise ChangeError(f"„{conflict.name}” staat niet (meer) in het register")
    working = snapshot_pilot(pilot)
    if name in VERSIONED:
        model_value = value_from_json(name, value)
        when = conflict.peildatum
        if name == "name":
            problem = name_problem(register, model_value, pilot.id, when)
            if problem:
                raise ChangeError(problem)
        if when is None:
            timeline = working.timeline(name)
            timeline[0] = (None, model_value)
            working._store_timeline(name, timeline)
        else:
            working.set_at(name, model_value, when)
    elif name == ENTRY:
        when = conflict.peildatum
        if when is None:
            raise ValueError("een stand van zaken zonder peildatum")
        if value is ABSENT:
            working.history = [e for e in working.history if e.peildatum != when]
            last = working.history[-1] if working.history else None
            if last is not None and last.status is not None:
                working.status = last.status
        else:
            working.set_entry(HistoryEntry.from_dict(value))
    elif name == STATUS:
        working.status = Status(value)
    elif name.startswith(EXTRA_PREFIX):
        key = name.removeprefix(EXTRA_PREFIX)
        if value is ABSENT:
            working.extra.pop(key, None)
        else:
            working.extra[key] = copy.deepcopy(value)
    else:
        raise ValueError(f"onbekend soort conflict {name!r}")
    return working


def _apply_to_register(
    meta: tuple[str, str, dict[str, Any]], conflict: Conflict, value: Any
) -> tuple[str, str, dict[str, Any]]:

    title, intro, extra = meta
    name = conflict.field
    if name == "title":
        title = value_from_json("title", value)
    elif name == "intro":
        intro = value_from_json("intro", value)
    elif name.startswith(META_PREFIX) and name != META_PREFIX + CONFLICTS:
        key = name.removeprefix(META_PREFIX)
        if value is ABSENT:
            extra.pop(key, None)
        else:
            extra[key] = copy.deepcopy(value)
    else:
        raise ChangeError(
            f"{field_label(name)}: deze kant kiezen kan alleen in het bestand zelf; "
            "houd hier het register zoals het is"
        )
    return title, intro, extra


HOW: Final = {OURS: "mijn versie gehouden", THEIRS: "hun versie genomen", EDIT: "bewerkt"}


def resolve_conflict(session: Any, index: int, choice: str, text: str | None = None) -> Any:
    """Resolve the register's conflict number ``index`` (from 0) through the edit
    session (saved at once, audited, undoable): ``OURS`` keeps what the register holds,
    ``THEIRS`` takes the other side's value, ``EDIT`` the value ``text`` gives. Returns the
    session's Operation; raises ChangeError (one Dutch line) when it cannot be done."""

    register: Register = session.register
    try:
        conflicts = conflicts_of(register)
    except ValueError as exc:
        raise ChangeError(f"de lijst met conflicten is onleesbaar: {exc}") from None
    if not 0 <= index < len(conflicts):
        raise ChangeError("dat conflict bestaat niet (meer)")
    conflict = conflicts[index]
    if choice == OURS:
        value = conflict.ours
    elif choice == THEIRS:
        value = conflict.theirs
    elif choice == EDIT:
        value = edited_value(conflict, text or "")
    else:
        raise ValueError(f"unknown choice {choice!r}")
    meta_before = (register.title, register.intro, copy.deepcopy(register.extra))
    title, intro, extra = register.title, register.intro, copy.deepcopy(register.extra)
    before: Pilot | None = None
    after: Pilot | None = None
    try:
        if conflict.pilot_id:
            current = register.get(conflict.pilot_id)
            before = snapshot_pilot(current) if current is not None else None
            after = (
                before if choice == OURS else _apply_to_pilot(register, current, conflict, value)
            )
        elif choice != OURS:
            title, intro, extra = _apply_to_register((title, intro, extra), conflict, value)
    except (ValueError, TypeError) as exc:
        if isinstance(exc, ChangeError):
            raise
        raise ChangeError(f"{describe(conflict)}: {exc}") from None
    remaining = [*conflicts[:index], *conflicts[index + 1 :]]
    holder = Register(extra=extra)
    set_conflicts(holder, remaining)
    peildata = list(register.peildata)
    label = describe(conflict)
    audit = [
        AuditEntry(
            datetime.now(),
            conflict.pilot_id,
            f"conflict {conflict.field}"
            + (f"@{conflict.peildatum.isoformat()}" if conflict.peildatum else ""),
            None if conflict.ours is ABSENT else conflict.ours,
            None if value is ABSENT else value,
        )
    ]
    op = Operation(
        f"conflict opgelost ({HOW[choice]}): {label}",
        conflict.pilot_id,
        before,
        after,
        peildata,
        peildata,
        f"het oplossen van het conflict {label}",
        meta_before=meta_before,
        meta_after=(title, intro, holder.extra),
    )
    return session.commit(op, audit)


def conflict_problems(register: Register) -> list[dict[str, str]]:
    """The open conflicts as problems for ``pilot-tui check`` (each names the pilot)."""
    try:
        conflicts = conflicts_of(register)
    except ValueError as exc:
        return [
            {
                "id": "",
                "name": register.title,
                "problem": f"onleesbare lijst met conflicten van het samenvoegen: {exc}",
            }
        ]
    return [
        {
            "id": c.pilot_id,
            "name": c.name or register.title,
            "problem": f"onopgelost conflict van het samenvoegen: {describe_value(c)}"
            f" (mijn „{value_text(c.field, c.ours, 40)}”, hun „{value_text(c.field, c.theirs, 40)}”;"
            " kies in de app of met pilot-tui resolve)",
        }
        for c in conflicts
    ]
