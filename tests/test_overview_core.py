"""The overview counts: per class, programme, municipality and end quarter; matches()."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from pilot_tui import overview
from pilot_tui.attention import Assessment, Attention, assess, assess_all
from pilot_tui.model import Status
from pilot_tui.overview import Count, OverviewFilter, build, matches, quarter_key, quarter_label
from pilot_tui.periods import parse_window
from pilot_tui.store import Store

from .conftest import SEED_STORE, make_pilot

P = date(2021, 12, 1)
WINDOW_END = date(2022, 3, 1)


def assessed(
    pid: str,
    looptijd: str,
    status: Status = Status.LOPEND,
    programma: str = "",
    gemeente: str = "",
) -> Assessment:
    pilot = make_pilot(pid, pid, looptijd, status, programma=programma, gemeente=gemeente)
    return assess(pilot, P, WINDOW_END, P)


SAMPLE = [
    assessed("a", "januari 2021 – december 2021", programma="Divosa", gemeente="Almere"),
    assessed("b", "januari 2021 – februari 2022", programma="Divosa", gemeente="Tilburg"),
    assessed("c", "januari 2021 – juni 2022", programma=" Divosa\n", gemeente="Almere"),
    assessed("d", "januari 2020 – oktober 2021"),  # verlopen, ends Q4 2021
    assessed("e", "Afgerond.", Status.AFGEROND, programma="Raad"),
    assessed("f", "vanaf 1 januari 2021", gemeente="Almere"),  # open end: no end date
    assessed("g", "juni 2020 – maart 2021", Status.STOPGEZET),
    assessed("h", "medio 2022 – eind 2023", Status.GEPLAND),
]


def labels(counts: tuple[Count, ...]) -> list[tuple[str, int]]:
    return [(c.filter.label, c.count) for c in counts]


@pytest.mark.parametrize(
    ("day", "key", "label"),
    [
        (date(2022, 1, 1), "2022-Q1", "Q1 2022"),
        (date(2022, 3, 31), "2022-Q1", "Q1 2022"),
        (date(2022, 4, 1), "2022-Q2", "Q2 2022"),
        (date(2022, 9, 30), "2022-Q3", "Q3 2022"),
        (date(2021, 12, 31), "2021-Q4", "Q4 2021"),
        (date(999, 10, 1), "0999-Q4", "Q4 999"),
    ],
)
def test_quarters(day: date, key: str, label: str) -> None:
    assert quarter_key(day) == key
    assert quarter_label(key) == label


def test_quarter_keys_sort_in_calendar_order() -> None:
    days = [date(2023, 1, 5), date(2021, 11, 1), date(2022, 7, 1), date(2022, 2, 1)]
    assert sorted(quarter_key(d) for d in days) == [
        "2021-Q4",
        "2022-Q1",
        "2022-Q3",
        "2023-Q1",
    ]


def test_counts_per_attention_class_in_urgency_order() -> None:
    ov = build(SAMPLE)
    assert [c.filter.value for c in ov.attention] == [a.value for a in Attention]
    got = {c.filter.value: c.count for c in ov.attention}
    assert got == {
        "verlopen": 1,
        "eindigt binnenkort": 2,
        "start binnenkort": 0,
        "lopend": 2,
        "gepland": 1,
        "onbekend": 0,
        "afgerond": 1,
        "stopgezet": 1,
    }
    assert ov.attention[0].filter.label == "✗ verlopen"
    assert ov.total == len(SAMPLE)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("programma", [("geen programma", 4), ("Divosa", 3), ("Raad", 1)]),
        ("gemeente", [("geen gemeente/regio", 4), ("Almere", 3), ("Tilburg", 1)]),
        (
            "kwartaal",
            [
                ("eindigt Q4 2021", 2),
                ("eindigt Q1 2022", 1),
                ("eindigt Q2 2022", 1),
                ("eindigt Q4 2023", 1),
                ("geen einddatum", 1),
            ],
        ),
    ],
)
def test_counts_per_group(kind: overview.FilterKind, expected: list[tuple[str, int]]) -> None:
    assert labels(build(SAMPLE).section(kind)) == expected


def test_groups_sort_by_count_then_name_with_ties() -> None:
    sample = [
        assessed("x", "2022", programma="beta"),
        assessed("y", "2022", programma="Alfa"),
        assessed("z", "2022", programma=""),
    ]
    assert labels(build(sample).programma) == [
        ("Alfa", 1),
        ("beta", 1),
        ("geen programma", 1),
    ]


def test_empty_input() -> None:
    ov = build([])
    assert ov.total == 0
    assert all(c.count == 0 for c in ov.attention)
    assert ov.programma == ov.gemeente == ov.kwartaal == ()


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (OverviewFilter("attention", "verlopen", ""), {"d"}),
        (OverviewFilter("attention", "eindigt binnenkort", ""), {"a", "b"}),
        (OverviewFilter("attention", "onbekend", ""), set()),
        (OverviewFilter("programma", "Divosa", ""), {"a", "b", "c"}),
        (OverviewFilter("programma", "", ""), {"d", "f", "g", "h"}),
        (OverviewFilter("gemeente", "Almere", ""), {"a", "c", "f"}),
        (OverviewFilter("kwartaal", "2021-Q4", ""), {"a", "d"}),
        (OverviewFilter("kwartaal", "2022-Q1", ""), {"b"}),
        (OverviewFilter("kwartaal", "2021-Q1", ""), set()),  # stopgezet "g" is closed
        (OverviewFilter("kwartaal", "", ""), {"f"}),
        (OverviewFilter("programma", "divosa", ""), set()),  # exact group text
    ],
)
def test_matches(flt: OverviewFilter, expected: set[str]) -> None:
    assert {a.pilot.id for a in SAMPLE if matches(a, flt)} == expected


def test_every_count_equals_the_pilots_it_selects() -> None:
    ov = build(SAMPLE)
    for kind in overview.KINDS:
        for count in ov.section(kind):
            assert count.count == sum(matches(a, count.filter) for a in SAMPLE), count


def test_control_characters_do_not_split_groups() -> None:
    sample = [
        assessed("x", "2022", gemeente="Den\x1b[31m Bosch"),
        assessed("y", "2022", gemeente="Den  Bosch"),
    ]
    (count,) = build(sample).gemeente
    assert count.filter.value == "Den Bosch"
    assert count.count == 2
    assert all(matches(a, count.filter) for a in sample)


def test_seed_register(tmp_path: Path) -> None:
    path = tmp_path / "store.json"
    shutil.copy(SEED_STORE, path)
    store = Store.open(path, readonly=True)
    try:
        window = parse_window("3m")
        assert window is not None
        found = assess_all(store.register, P, window)
    finally:
        store.close()
    ov = build(found)
    assert ov.total == 33
    attention = {c.filter.value: c.count for c in ov.attention}
    assert attention["eindigt binnenkort"] == 3
    programma = dict(labels(ov.programma))
    assert programma["Divosa"] == 9
    kwartaal = dict(labels(ov.kwartaal))
    assert kwartaal["eindigt Q4 2022"] == 17
    for kind in overview.KINDS:
        for count in ov.section(kind):
            assert count.count == sum(matches(a, count.filter) for a in found)
