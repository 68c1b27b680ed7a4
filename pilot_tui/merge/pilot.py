"""The merge of one pilot both sides have: each versioned field per change point of its
timeline, the stand van zaken per peildatum, unknown keys per key."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from pilot_tui.merge.conflicts import (
    ABSENT,
    ENTRY,
    EXTRA_PREFIX,
    STATUS,
    Conflict,
)
from pilot_tui.merge.values import (
    MergeStats,
    same,
    three_way,
    value_json,
)
from pilot_tui.model import (
    VERSIONED,
    HistoryEntry,
    Pilot,
    Status,
)

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


class PilotMerge:
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
        if not same(base, ours):
            self.ours_changes.add(key)
        if not same(base, theirs):
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
            ours_touched = not self.known_base or not same(be, oe)
            theirs_touched = not self.known_base or not same(be, te)
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
            value, conflicting = three_way(bv, ov, tv, self.known_base)
            if conflicting and self.known_base and isinstance(ov, dict) and isinstance(tv, dict):
                value, conflicting = _merge_keys(bv if isinstance(bv, dict) else {}, ov, tv)
            if conflicting:
                value = ov
                self.conflict(ENTRY, when, bv if self.known_base else ABSENT, ov, tv)
            elif not same(value, ov):
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
        value, conflicting = three_way(bv, ov, tv, self.known_base)
        if conflicting:
            self.conflict(STATUS, None, bv if self.known_base else ABSENT, ov, tv)
        self.result.status = Status(value)

    def extra(self) -> None:
        b = self.base.extra if self.base is not None else {}
        o, t = self.ours.extra, self.theirs.extra
        merged: dict[str, Any] = {}
        for key in sorted(b.keys() | o.keys() | t.keys()):
            bv, ov, tv = b.get(key, ABSENT), o.get(key, ABSENT), t.get(key, ABSENT)
            value, conflicting = three_way(bv, ov, tv, self.known_base)
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
        value, conflicting = three_way(
            base.get(key, ABSENT), ours.get(key, ABSENT), theirs.get(key, ABSENT), True
        )
        if conflicting:
            return ours, True
        if value is not ABSENT:
            merged[key] = value
    return merged, False
