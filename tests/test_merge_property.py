"""The property of the three-way merge: for random edits on two sides, the merge keeps every
change that does not conflict, on both sides.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pilot_tui.merge import conflicts_of, merge_data, merge_registers
from pilot_tui.model import VERSIONED, Footnote, HistoryEntry, Pilot, Register, Status
from pilot_tui.store import data_from_register, dumps, register_from_data

from .conftest import D1, D2, small_register
from .helpers.merging import D0, D3, new_pilot, pilot, sides

# -- the property: nothing that does not conflict is lost ----------------------------------------

PEILDATA = [D0, D1, D2, D3]
PROBES = [date.min, *PEILDATA, date(2030, 1, 1)]
FIELDS = ["achtergrond", "doel", "looptijd", "gemeente", "partners", "footnotes", "removed"]
WORDS = st.sampled_from(["a", "b", "c"])


def base_register() -> Register:
    register = small_register()
    register.peildata = list(PEILDATA)
    pilot(register, "huur").set_at("gemeente", "Den Haag", D1)
    pilot(register, "almere").set_at("removed", True, D3)
    return register


def value_for(field: str, word: str) -> Any:
    if field == "partners":
        return [word] if word != "c" else []
    if field == "footnotes":
        return [Footnote(f"Noot {word}")]
    if field == "removed":
        return word == "a"
    return f"Tekst {word}"


edit = st.one_of(
    st.tuples(
        st.just("set"),
        st.integers(0, 4),
        st.sampled_from(FIELDS),
        WORDS,
        st.sampled_from(PEILDATA),
    ),
    st.tuples(
        st.just("entry"),
        st.integers(0, 4),
        st.sampled_from(["text", "zaken", "status"]),
        WORDS,
        st.sampled_from(PEILDATA),
    ),
    st.tuples(st.just("add"), st.just(0), st.just(""), WORDS, st.just(D2)),
    st.tuples(st.just("meta"), st.just(0), st.sampled_from(["title", "team"]), WORDS, st.just(D2)),
)


def apply(register: Register, edits: list[tuple[str, int, str, str, date]], side: str) -> None:
    for kind, index, field, word, when in edits:
        target = register.pilots[index % len(register.pilots)]
        if kind == "set":
            target.set_at(field, value_for(field, word), when)
        elif kind == "entry":
            entry = target.entry_for(when) or HistoryEntry(when, "Nieuw.", Status.LOPEND)
            entry = HistoryEntry(
                when, entry.stand_van_zaken, entry.status, entry.zaken, entry.unchanged
            )
            if field == "text":
                entry.stand_van_zaken = f"Stand {word}."
            elif field == "zaken":
                entry.zaken = ord(word)
            else:
                entry.status = Status.AFGEROND if word == "a" else Status.LOPEND
            target.set_entry(entry)
        elif kind == "add":  # "a", "b": the same pilot on both sides; "c": another one
            name = f"Nieuw {word}" if word != "c" else f"Nieuw {side} {word}"
            if register.get(f"nieuw-{word}") is None:
                register.pilots.append(new_pilot(f"nieuw-{word}", name))
        elif field == "title":
            register.title = f"Titel {word}"
        else:
            register.extra["team"] = word


def entries(p: Pilot | None) -> dict[date, dict[str, Any]]:
    return {e.peildatum: e.to_dict() for e in p.history} if p is not None else {}


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
@given(st.lists(edit, max_size=8), st.lists(edit, max_size=8))
def test_merge_keeps_every_change_that_does_not_conflict(
    ours_edits: list[Any], theirs_edits: list[Any]
) -> None:
    base = base_register()
    ours, theirs = sides(base)
    apply(ours, ours_edits, "o")
    apply(theirs, theirs_edits, "t")
    merged = merge_registers(base, ours, theirs)
    register = merged.register
    conflicted = {(c.pilot_id, c.field) for c in conflicts_of(register)}
    # pilots added on either side are all there, under ids that never collide
    assert len({p.id for p in register.pilots}) == len(register.pilots)
    for side in (ours, theirs):
        for added in side.pilots:
            if base.get(added.id) is None:
                assert any(p.name == added.name for p in register.pilots), added.name
    for b in base.pilots:
        o, t, m = pilot(ours, b.id), pilot(theirs, b.id), pilot(register, b.id)
        for field in VERSIONED:
            if (b.id, field) in conflicted:
                continue
            for i, probe in enumerate(PROBES):
                before = PROBES[: i + 1]
                # a side that changed nothing up to the probe: the other side's value holds
                if all(o.value_at(field, d) == b.value_at(field, d) for d in before):
                    assert m.value_at(field, probe) == t.value_at(field, probe), (field, probe)
                if all(t.value_at(field, d) == b.value_at(field, d) for d in before):
                    assert m.value_at(field, probe) == o.value_at(field, probe), (field, probe)
        eb, eo, et, em = entries(b), entries(o), entries(t), entries(m)
        for when in eb.keys() | eo.keys() | et.keys():
            if (b.id, "stand_van_zaken") in conflicted:
                continue
            base_entry, mine, their = eb.get(when), eo.get(when), et.get(when)
            if mine == their:
                assert em.get(when) == mine
            elif mine == base_entry:
                assert em.get(when) == their
            elif their == base_entry:
                assert em.get(when) == mine
            else:  # both changed it: per key
                assert mine is not None and their is not None and base_entry is not None
                for key in mine.keys() | their.keys():
                    wanted = (
                        their.get(key) if mine.get(key) == base_entry.get(key) else mine.get(key)
                    )
                    assert em[when].get(key) == wanted
    if ("", "title") not in conflicted:
        expected_title = theirs.title if ours.title == base.title else ours.title
        assert register.title == expected_title
    assert register.peildata == sorted(set(ours.peildata) | set(theirs.peildata))
    # the file's merge is this merge (it reads the other sides beside ours, and writes
    # our records as we had them)
    data, _merged = merge_data(
        data_from_register(base),
        data_from_register(ours),
        data_from_register(theirs),
        (Path("base.json"), Path("ours.json"), Path("theirs.json")),
    )
    from_file = register_from_data(Path("merged.json"), data)[0]
    assert [p.to_dict() for p in from_file.pilots] == [p.to_dict() for p in register.pilots]
    assert from_file.audit == register.audit and from_file.extra == register.extra
    # the result is a register the store can write and read back, conflicts and all
    again, _ids = register_from_data(
        Path("merged.json"), json.loads(dumps(data_from_register(register)))
    )
    assert len(conflicts_of(again)) == len(conflicts_of(register))
