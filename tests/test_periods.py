"""Tests for pilot_tui.periods: Dutch looptijd text -> Period."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from pilot_tui.model import Status
from pilot_tui.periods import (
    MONTHS,
    Interval,
    Period,
    date_problem,
    format_date,
    format_interval,
    parse_date,
    parse_looptijd,
    parse_window,
    period_json,
)
from tests.conftest import SEED_TEXT

A = Status.AFGEROND
S = Status.STOPGEZET
N = None

# text, start earliest, start latest, end earliest, end latest, open_end, status hint
CASES: list[tuple[str, str | None, str | None, str | None, str | None, bool, Status | None]] = [
    # --- every looptijd in bijlage2-stand-van-zaken-pilots-2021-12-01 ---
    ("Deel 1: december 2019 – december 2021; deel 2: vanaf 1 januari 2022",
     "2019-12-01", "2019-12-31", N, N, True, N),
    ("Afgerond.", N, N, N, N, False, A),
    ("Januari 2020 – juli 2022", "2020-01-01", "2020-01-31", "2022-07-01", "2022-07-31", False, N),
    ("Najaar 2019 – december 2021", "2019-09-01", "2019-11-30", "2021-12-01", "2021-12-31", False, N),
    ("Afgerond. Liep van 1 maart 2019 tot 1 maart 2020.",
     "2019-03-01", "2019-03-01", "2020-02-29", "2020-02-29", False, A),
    ("Mei 2020 – voorjaar 2022", "2020-05-01", "2020-05-31", "2022-03-01", "2022-05-31", False, N),
    ("September 2020 – oktober 2021", "2020-09-01", "2020-09-30", "2021-10-01", "2021-10-31", False, N),
    ("Oktober 2019 – medio 2022", "2019-10-01", "2019-10-31", "2022-06-01", "2022-07-31", False, N),
    ("De subsidieregeling loopt van 1 oktober 2019 tot 1 januari 2022. Momenteel wordt over de "
     "voorwaarden voor verlenging gesproken.",
     "2019-10-01", "2019-10-01", "2021-12-31", "2021-12-31", False, N),
    ("Juni 2021 – november 2021 (stopgezet)",
     "2021-06-01", "2021-06-30", "2021-11-01", "2021-11-30", False, S),
    ("Mei 2021 – uiterlijk februari 2022",
     "2021-05-01", "2021-05-31", "2022-02-01", "2022-02-28", False, N),
    ("Februari 2021 – september 2022",
     "2021-02-01", "2021-02-28", "2022-09-01", "2022-09-30", False, N),
    ("Januari 2021 – december 2022", "2021-01-01", "2021-01-31", "2022-12-01", "2022-12-31", False, N),
    ("Juni 2020 – december 2022", "2020-06-01", "2020-06-30", "2022-12-01", "2022-12-31", False, N),
    ("juli 2020 – december 2022", "2020-07-01", "2020-07-31", "2022-12-01", "2022-12-31", False, N),
    ("Juli 2020 – december 2022", "2020-07-01", "2020-07-31", "2022-12-01", "2022-12-31", False, N),
    ("September 2020 – tweede kwartaal 2022",
     "2020-09-01", "2020-09-30", "2022-04-01", "2022-06-30", False, N),
    ("September 2020 – december 2022",
     "2020-09-01", "2020-09-30", "2022-12-01", "2022-12-31", False, N),
    ("Januari 2021 – juni 2022", "2021-01-01", "2021-01-31", "2022-06-01", "2022-06-30", False, N),
    ("December 2020 – december 2022",
     "2020-12-01", "2020-12-31", "2022-12-01", "2022-12-31", False, N),
    ("Tweede kwartaal 2021 – eerste kwartaal 2022",
     "2021-04-01", "2021-06-30", "2022-01-01", "2022-03-31", False, N),
    ("Juli 2021 – december 2022", "2021-07-01", "2021-07-31", "2022-12-01", "2022-12-31", False, N),
    ("November 2021 – december 2022",
     "2021-11-01", "2021-11-30", "2022-12-01", "2022-12-31", False, N),
    # --- conventions table: single points ---
    ("2024", "2024-01-01", "2024-12-31", "2024-01-01", "2024-12-31", False, N),
    ("maart 2024", "2024-03-01", "2024-03-31", "2024-03-01", "2024-03-31", False, N),
    ("mrt 2024", "2024-03-01", "2024-03-31", "2024-03-01", "2024-03-31", False, N),
    ("mrt. 2024", "2024-03-01", "2024-03-31", "2024-03-01", "2024-03-31", False, N),
    ("03-2024", "2024-03-01", "2024-03-31", "2024-03-01", "2024-03-31", False, N),
    ("3/2024", "2024-03-01", "2024-03-31", "2024-03-01", "2024-03-31", False, N),
    ("5 maart 2024", "2024-03-05", "2024-03-05", "2024-03-05", "2024-03-05", False, N),
    ("05-03-2024", "2024-03-05", "2024-03-05", "2024-03-05", "2024-03-05", False, N),
    ("2024-03-05", "2024-03-05", "2024-03-05", "2024-03-05", "2024-03-05", False, N),
    ("5-3-2024", "2024-03-05", "2024-03-05", "2024-03-05", "2024-03-05", False, N),
    ("begin 2024", "2024-01-01", "2024-03-31", "2024-01-01", "2024-03-31", False, N),
    ("medio 2024", "2024-06-01", "2024-07-31", "2024-06-01", "2024-07-31", False, N),
    ("half 2024", "2024-06-01", "2024-07-31", "2024-06-01", "2024-07-31", False, N),
    ("eind 2024", "2024-10-01", "2024-12-31", "2024-10-01", "2024-12-31", False, N),
    ("ultimo 2024", "2024-12-31", "2024-12-31", "2024-12-31", "2024-12-31", False, N),
    ("begin maart 2024", "2024-03-01", "2024-03-10", "2024-03-01", "2024-03-10", False, N),
    ("medio maart 2024", "2024-03-11", "2024-03-20", "2024-03-11", "2024-03-20", False, N),
    ("eind maart 2024", "2024-03-21", "2024-03-31", "2024-03-21", "2024-03-31", False, N),
    ("eerste kwartaal 2024", "2024-01-01", "2024-03-31", "2024-01-01", "2024-03-31", False, N),
    ("1e kwartaal 2024", "2024-01-01", "2024-03-31", "2024-01-01", "2024-03-31", False, N),
    ("Q1 2024", "2024-01-01", "2024-03-31", "2024-01-01", "2024-03-31", False, N),
    ("q2 2024", "2024-04-01", "2024-06-30", "2024-04-01", "2024-06-30", False, N),
    ("derde kwartaal 2024", "2024-07-01", "2024-09-30", "2024-07-01", "2024-09-30", False, N),
    ("Q4 2024", "2024-10-01", "2024-12-31", "2024-10-01", "2024-12-31", False, N),
    ("vierde kwartaal 2023", "2023-10-01", "2023-12-31", "2023-10-01", "2023-12-31", False, N),
    ("eerste helft 2024", "2024-01-01", "2024-06-30", "2024-01-01", "2024-06-30", False, N),
    ("eerste halfjaar 2024", "2024-01-01", "2024-06-30", "2024-01-01", "2024-06-30", False, N),
    ("1e helft 2024", "2024-01-01", "2024-06-30", "2024-01-01", "2024-06-30", False, N),
    ("H1 2024", "2024-01-01", "2024-06-30", "2024-01-01", "2024-06-30", False, N),
    ("tweede helft 2024", "2024-07-01", "2024-12-31", "2024-07-01", "2024-12-31", False, N),
    ("H2 2024", "2024-07-01", "2024-12-31", "2024-07-01", "2024-12-31", False, N),
    ("voorjaar 2022", "2022-03-01", "2022-05-31", "2022-03-01", "2022-05-31", False, N),
    ("lente 2022", "2022-03-01", "2022-05-31", "2022-03-01", "2022-05-31", False, N),
    ("zomer 2022", "2022-06-01", "2022-08-31", "2022-06-01", "2022-08-31", False, N),
    ("najaar 2022", "2022-09-01", "2022-11-30", "2022-09-01", "2022-11-30", False, N),
    ("herfst 2022", "2022-09-01", "2022-11-30", "2022-09-01", "2022-11-30", False, N),
    ("winter 2024/2025", "2024-12-01", "2025-02-28", "2024-12-01", "2025-02-28", False, N),
    ("winter 2023/24", "2023-12-01", "2024-02-29", "2023-12-01", "2024-02-29", False, N),
    # --- leap years ---
    ("februari 2024", "2024-02-01", "2024-02-29", "2024-02-01", "2024-02-29", False, N),
    ("februari 2023", "2023-02-01", "2023-02-28", "2023-02-01", "2023-02-28", False, N),
    ("eind februari 2023", "2023-02-21", "2023-02-28", "2023-02-21", "2023-02-28", False, N),
    ("eind februari 2024", "2024-02-21", "2024-02-29", "2024-02-21", "2024-02-29", False, N),
    ("ultimo februari 2024", "2024-02-29", "2024-02-29", "2024-02-29", "2024-02-29", False, N),
    ("29 februari 2024", "2024-02-29", "2024-02-29", "2024-02-29", "2024-02-29", False, N),
    ("1900", "1900-01-01", "1900-12-31", "1900-01-01", "1900-12-31", False, N),
    # --- ranges and connectors ---
    ("maart 2024 – juni 2024", "2024-03-01", "2024-03-31", "2024-06-01", "2024-06-30", False, N),
    ("maart 2024 - juni 2024", "2024-03-01", "2024-03-31", "2024-06-01", "2024-06-30", False, N),
    ("maart 2024-juni 2024", "2024-03-01", "2024-03-31", "2024-06-01", "2024-06-30", False, N),
    ("maart 2024 — juni 2024", "2024-03-01", "2024-03-31", "2024-06-01", "2024-06-30", False, N),
    ("maart 2024 tot juni 2024", "2024-03-01", "2024-03-31", "2024-06-01", "2024-06-30", False, N),
    ("van maart 2024 tot juni 2024",
     "2024-03-01", "2024-03-31", "2024-06-01", "2024-06-30", False, N),
    ("maart 2024 t/m juni 2024", "2024-03-01", "2024-03-31", "2024-06-01", "2024-06-30", False, N),
    ("maart 2024 tot en met juni 2024",
     "2024-03-01", "2024-03-31", "2024-06-01", "2024-06-30", False, N),
    ("2020-2022", "2020-01-01", "2020-12-31", "2022-01-01", "2022-12-31", False, N),
    ("2020 – 2022", "2020-01-01", "2020-12-31", "2022-01-01", "2022-12-31", False, N),
    ("05-03-2024 - 10-03-2024", "2024-03-05", "2024-03-05", "2024-03-10", "2024-03-10", False, N),
    ("03-2024 - 05-2024", "2024-03-01", "2024-03-31", "2024-05-01", "2024-05-31", False, N),
    ("2024-03-05 – 2024-04-30", "2024-03-05", "2024-03-05", "2024-04-30", "2024-04-30", False, N),
    ("medio 2021 – eind 2022", "2021-06-01", "2021-07-31", "2022-10-01", "2022-12-31", False, N),
    ("Q1 2024 - Q3 2024", "2024-01-01", "2024-03-31", "2024-07-01", "2024-09-30", False, N),
    ("zomer 2023 – winter 2024/2025",
     "2023-06-01", "2023-08-31", "2024-12-01", "2025-02-28", False, N),
    ("tussen maart en juni 2024", "2024-03-01", "2024-03-31", "2024-06-01", "2024-06-30", False, N),
    # --- a missing year (or month) in A taken from B ---
    ("maart – juni 2024", "2024-03-01", "2024-03-31", "2024-06-01", "2024-06-30", False, N),
    ("maart-mei 2024", "2024-03-01", "2024-03-31", "2024-05-01", "2024-05-31", False, N),
    ("1 – 15 maart 2024", "2024-03-01", "2024-03-01", "2024-03-15", "2024-03-15", False, N),
    ("1-15 maart 2024", "2024-03-01", "2024-03-01", "2024-03-15", "2024-03-15", False, N),
    ("1 maart – 15 april 2024", "2024-03-01", "2024-03-01", "2024-04-15", "2024-04-15", False, N),
    ("van 1 maart tot 1 juni 2024", "2024-03-01", "2024-03-01", "2024-05-31", "2024-05-31", False, N),
    ("voorjaar – najaar 2023", "2023-03-01", "2023-05-31", "2023-09-01", "2023-11-30", False, N),
    ("eerste kwartaal – derde kwartaal 2024",
     "2024-01-01", "2024-03-31", "2024-07-01", "2024-09-30", False, N),
    ("november – februari 2024", "2023-11-01", "2023-11-30", "2024-02-01", "2024-02-29", False, N),
    ("1e kwartaal – 3e kwartaal 2024",
     "2024-01-01", "2024-03-31", "2024-07-01", "2024-09-30", False, N),
    # --- "tot" with a day is exclusive; t/m and tot en met are inclusive ---
    ("tot 1 januari 2022", N, N, "2021-12-31", "2021-12-31", False, N),
    ("tot en met 1 januari 2022", N, N, "2022-01-01", "2022-01-01", False, N),
    ("t/m 31 december 2021", N, N, "2021-12-31", "2021-12-31", False, N),
    ("tot december 2022", N, N, "2022-12-01", "2022-12-31", False, N),
    ("tot eind 2022", N, N, "2022-10-01", "2022-12-31", False, N),
    ("1 maart 2019 tot 1 maart 2020", "2019-03-01", "2019-03-01", "2020-02-29", "2020-02-29", False, N),
    ("1 maart 2021 tot 1 maart 2022", "2021-03-01", "2021-03-01", "2022-02-28", "2022-02-28", False, N),
    ("Van 1 oktober 2019 tot en met 31 december 2021",
     "2019-10-01", "2019-10-01", "2021-12-31", "2021-12-31", False, N),
    # --- open ends, uiterlijk ---
    ("vanaf 1 januari 2022", "2022-01-01", "2022-01-01", N, N, True, N),
    ("Vanaf januari 2022", "2022-01-01", "2022-01-31", N, N, True, N),
    ("per 1 januari 2022", "2022-01-01", "2022-01-01", N, N, True, N),
    ("per 1-1-2022", "2022-01-01", "2022-01-01", N, N, True, N),
    ("sinds 2019", "2019-01-01", "2019-12-31", N, N, True, N),
    ("Sinds medio 2020", "2020-06-01", "2020-07-31", N, N, True, N),
    ("2020 - heden", "2020-01-01", "2020-12-31", N, N, True, N),
    ("maart 2022 tot nader order", "2022-03-01", "2022-03-31", N, N, True, N),
    ("uiterlijk maart 2023", N, N, "2023-03-01", "2023-03-31", False, N),
    ("Uiterlijk 1 juni 2023", N, N, "2023-06-01", "2023-06-01", False, N),
    ("vanaf maart 2020, uiterlijk tot december 2022",
     "2020-03-01", "2020-03-31", "2022-12-01", "2022-12-31", False, N),
    # --- phases ---
    ("Fase 1: 2020; fase 2: 2021 - 2022", "2020-01-01", "2020-12-31", "2022-01-01", "2022-12-31",
     False, N),
    ("deel 1: maart 2020 – mei 2021; deel 2: september 2021 – december 2022",
     "2020-03-01", "2020-03-31", "2022-12-01", "2022-12-31", False, N),
    ("december 2019 – december 2021; vanaf 1 januari 2022", "2019-12-01", "2019-12-31", N, N, True, N),
    # --- status hints and extensions ---
    ("mei 2020 (afgerond)", "2020-05-01", "2020-05-31", "2020-05-01", "2020-05-31", False, A),
    ("Stopgezet.", N, N, N, N, False, S),
    ("(stopgezet)", N, N, N, N, False, S),
    ("AFGEROND", N, N, N, N, False, A),
    ("De pilot is afgerond in juni 2021.",
     "2021-06-01", "2021-06-30", "2021-06-01", "2021-06-30", False, A),
    ("De pilot wordt naar verwachting afgerond in 2022.",
     "2022-01-01", "2022-12-31", "2022-01-01", "2022-12-31", False, N),
    ("Januari 2020 – juli 2022, verlengd tot december 2022",
     "2020-01-01", "2020-01-31", "2022-12-01", "2022-12-31", False, N),
    ("2021 – 2023 (verlengd tot en met 30 juni 2024)",
     "2021-01-01", "2021-12-31", "2024-06-30", "2024-06-30", False, N),
    ("2021 – 2023, verlengd tot 1 juli 2024",
     "2021-01-01", "2021-12-31", "2024-06-30", "2024-06-30", False, N),
    # --- capitalisation, dashes, spaces, abbreviations ---
    ("MEI 2020 — VOORJAAR 2022", "2020-05-01", "2020-05-31", "2022-03-01", "2022-05-31", False, N),
    ("mei\u00a02020\u00a0\u2013\u00a0voor\u00adjaar\u00a02022",
     "2020-05-01", "2020-05-31", "2022-03-01", "2022-05-31", False, N),
    ("mei 2020-voorjaar 2022", "2020-05-01", "2020-05-31", "2022-03-01", "2022-05-31", False, N),
    ("  Mei   2020  \u2012  Voorjaar 2022 ",
     "2020-05-01", "2020-05-31", "2022-03-01", "2022-05-31", False, N),
    ("jan. 2020 - mrt. 2021", "2020-01-01", "2020-01-31", "2021-03-01", "2021-03-31", False, N),
    ("jan 2020 - dec 2020", "2020-01-01", "2020-01-31", "2020-12-01", "2020-12-31", False, N),
    ("feb. 2020 – apr. 2020", "2020-02-01", "2020-02-29", "2020-04-01", "2020-04-30", False, N),
    ("jun 2020 – jul 2020", "2020-06-01", "2020-06-30", "2020-07-01", "2020-07-31", False, N),
    ("aug. 2020 – sep. 2020", "2020-08-01", "2020-08-31", "2020-09-01", "2020-09-30", False, N),
    ("sept 2020 – okt 2020", "2020-09-01", "2020-09-30", "2020-10-01", "2020-10-31", False, N),
    ("nov. 2020 – dec. 2021", "2020-11-01", "2020-11-30", "2021-12-01", "2021-12-31", False, N),
    ("1 jun. 2022 – 1 jul. 2022", "2022-06-01", "2022-06-01", "2022-07-01", "2022-07-01", False, N),
    ("mei 2020 t/m mrt. 2021", "2020-05-01", "2020-05-31", "2021-03-01", "2021-03-31", False, N),
    ("Looptijd: 1 april 2021 tot en met 31 maart 2023.",
     "2021-04-01", "2021-04-01", "2023-03-31", "2023-03-31", False, N),
    ("Het project startte in 2019 en loopt tot 1 januari 2023.",
     "2019-01-01", "2019-12-31", "2022-12-31", "2022-12-31", False, N),
]  # fmt: skip


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def test_table_is_big_enough() -> None:
    assert len(CASES) >= 80


@pytest.mark.parametrize(
    ("text", "s_lo", "s_hi", "e_lo", "e_hi", "open_end", "status"),
    CASES,
    ids=[c[0][:50] for c in CASES],
)
def test_parse_looptijd_table(
    text: str,
    s_lo: str | None,
    s_hi: str | None,
    e_lo: str | None,
    e_hi: str | None,
    open_end: bool,
    status: Status | None,
) -> None:
    p = parse_looptijd(text)
    assert p.ok, p.error
    assert p.text == text
    got = (
        _iso(p.start.earliest) if p.start else None,
        _iso(p.start.latest) if p.start else None,
        _iso(p.end.earliest) if p.end else None,
        _iso(p.end.latest) if p.end else None,
        p.open_end,
        p.status_hint,
    )
    assert got == (s_lo, s_hi, e_lo, e_hi, open_end, status)
    if p.start is not None and p.end is not None:
        assert p.start.earliest <= p.end.latest


SEED = SEED_TEXT


def _seed_looptijden(text: str) -> list[str]:
    """The text under each Looptijd/Doorlooptijd label, wrapped lines joined."""
    lines = text.splitlines()
    out: list[str] = []
    for i, line in enumerate(lines):
        if line.strip() in ("Looptijd", "Doorlooptijd") and i + 1 < len(lines):
            value = lines[i + 1].strip()
            nxt = lines[i + 2].strip() if i + 2 < len(lines) else ""
            if nxt and nxt[0].islower() and not nxt.startswith("pilot"):
                value = f"{value} {nxt}"
            out.append(value)
    return out


def test_every_seed_looptijd_is_in_the_table_and_reads() -> None:
    assert SEED.exists(), f"seed document missing: {SEED}"
    table = {c[0] for c in CASES}
    found = _seed_looptijden(SEED.read_text(encoding="utf-8"))
    assert len(found) >= 30
    for value in found:
        p = parse_looptijd(value)
        assert p.ok, (value, p.error)
        assert p.start is not None or p.status_hint is not None, value
        assert not p.warnings, (value, p.warnings)
        squashed = re.sub(r"\s+", " ", value)
        assert squashed in table, squashed


def test_seed_phases() -> None:
    p = parse_looptijd("Deel 1: december 2019 – december 2021; deel 2: vanaf 1 januari 2022")
    assert [ph.label for ph in p.phases] == ["deel 1", "deel 2"]
    one, two = p.phases
    assert one.start is not None and one.end is not None
    assert (one.start.earliest, one.end.latest) == (date(2019, 12, 1), date(2021, 12, 31))
    assert not one.open_end
    assert two.start == Interval(date(2022, 1, 1), date(2022, 1, 1), "1 januari 2022")
    assert two.end is None and two.open_end
    assert p.start == one.start and p.end is None and p.open_end


def test_uiterlijk_sets_no_later_than() -> None:
    p = parse_looptijd("Mei 2021 – uiterlijk februari 2022")
    assert p.no_later_than
    assert p.end is not None and p.end.latest == date(2022, 2, 28)
    assert not parse_looptijd("Mei 2021 – februari 2022").no_later_than


def test_extension() -> None:
    p = parse_looptijd("Januari 2020 – juli 2022, verlengd tot december 2022")
    assert p.extended_to == Interval(date(2022, 12, 1), date(2022, 12, 31), "december 2022")
    assert p.end == p.extended_to
    q = parse_looptijd("Deel 1: 2020; deel 2: vanaf 2021. Verlengd t/m 2023.")
    assert q.ok and not q.open_end
    assert q.end is not None and q.end.latest == date(2023, 12, 31)
    assert q.phases[-1].end == q.end


def test_sentence_mentioning_verlenging_is_not_an_extension() -> None:
    p = parse_looptijd(
        "De subsidieregeling loopt van 1 oktober 2019 tot 1 januari 2022. Momenteel wordt over "
        "de voorwaarden voor verlenging \ngesproken."
    )
    assert p.extended_to is None and p.status_hint is None and not p.warnings


def test_status_only_is_a_reading() -> None:
    p = parse_looptijd("Afgerond.")
    assert p.ok and p.error is None
    assert p.start is None and p.end is None
    assert p.status_hint is Status.AFGEROND
    assert p.describe() == "afgerond"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("nog onbekend", "geen datum of periode gevonden in „nog onbekend”"),
        ("asdf", "geen datum of periode gevonden in „asdf”"),
        ("", "geen looptijd opgegeven"),
        ("   \u00a0 ", "geen looptijd opgegeven"),
        ("december 2022 – januari 2020", "einde ligt voor begin"),
        ("2024 - 2020", "einde ligt voor begin"),
        ("1 maart 2024 tot 1 maart 2024", "einde ligt voor begin"),
        ("20 - 15 maart 2024", "einde ligt voor begin"),
        ("31-02-2024", "„31-02-2024” is geen bestaande datum"),
        ("30 februari 2024 – december 2024", "„30 februari 2024” is geen bestaande datum"),
        ("29 februari 2023", "„29 februari 2023” is geen bestaande datum"),
        ("13-2024", "maand 13 bestaat niet"),
        ("maart", "geen jaartal bij „maart”"),
        ("van januari tot maart", "geen jaartal in „januari - maart”"),
        ("1e kwartaal", "geen jaartal bij „1e kwartaal”"),
        ("winter 2024/2026", "„winter 2024/2026”: de jaren moeten op elkaar volgen"),
        ("Deel 1: 2020; deel 2: 31 juni 2021", "deel 2: „31 juni 2021” is geen bestaande datum"),
        ("1500 deelnemers", "geen datum of periode gevonden in „1500 deelnemers”"),
    ],
)
def test_errors(text: str, reason: str) -> None:
    p = parse_looptijd(text)
    assert p.error == reason
    assert not p.ok
    assert p.start is None and p.end is None
    assert p.describe() == f"niet te lezen: {reason}"


def test_long_error_text_is_shortened() -> None:
    p = parse_looptijd("onbekend " * 40)
    assert p.error is not None and "…" in p.error and len(p.error) < 120


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ("maart 2024 –", "na het streepje staat geen einde; gelezen als open einde"),
        ("maart 2024 - de pilot", "na het streepje staat geen datum; alleen het begin gelezen"),
        ("winter 2024", "„winter <jaar>” gelezen als de winter die in dat jaar eindigt"),
        ("maart 2020 – mei 2021, daarna 2023", "nog een datum gevonden en niet gebruikt: „2023”"),
    ],
)
def test_warnings(text: str, warning: str) -> None:
    p = parse_looptijd(text)
    assert p.ok
    assert warning in p.warnings


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ("Mei 2020 – voorjaar 2022", "1 mei 2020 – uiterlijk 31 mei 2022"),
        ("Mei 2021 – uiterlijk februari 2022", "1 mei 2021 – uiterlijk 28 februari 2022"),
        ("vanaf 1 januari 2022", "vanaf 1 januari 2022"),
        ("sinds 2019", "vanaf 1 januari 2019"),
        ("1 maart 2019 tot 1 maart 2020", "1 maart 2019 – 29 februari 2020"),
        ("5 maart 2024", "5 maart 2024"),
        ("2024", "1 januari 2024 – uiterlijk 31 december 2024"),
        ("tot 1 januari 2022", "tot en met 31 december 2021"),
        ("uiterlijk 1 juni 2023", "uiterlijk 1 juni 2023"),
        ("tot december 2022", "uiterlijk 31 december 2022"),
        (
            "Deel 1: december 2019 – december 2021; deel 2: vanaf 1 januari 2022",
            "deel 1: 1 december 2019 – uiterlijk 31 december 2021; deel 2: vanaf 1 januari 2022",
        ),
        (
            "Juni 2021 – november 2021 (stopgezet)",
            "1 juni 2021 – uiterlijk 30 november 2021 (stopgezet)",
        ),
        (
            "Afgerond. Liep van 1 maart 2019 tot 1 maart 2020.",
            "1 maart 2019 – 29 februari 2020 (afgerond)",
        ),
        (
            "Januari 2020 – juli 2022, verlengd tot december 2022",
            "1 januari 2020 – uiterlijk 31 december 2022 (verlengd)",
        ),
        ("Afgerond.", "afgerond"),
        ("nog onbekend", "niet te lezen: geen datum of periode gevonden in „nog onbekend”"),
    ],
)
def test_describe(text: str, described: str) -> None:
    assert parse_looptijd(text).describe() == described


@pytest.mark.parametrize(
    ("text", "start_label", "end_label"),
    [
        ("Oktober 2019 – medio 2022", "oktober 2019", "medio 2022"),
        ("Mei 2020 – voorjaar 2022", "mei 2020", "voorjaar 2022"),
        ("September 2020 – tweede kwartaal 2022", "september 2020", "tweede kwartaal 2022"),
        ("1 december 2021 - 2024", "1 december 2021", "2024"),
        ("begin 2024 – eind maart 2024", "begin 2024", "eind maart 2024"),
        ("Q1 2024 - H2 2024", "eerste kwartaal 2024", "tweede helft 2024"),
        ("maart – juni 2024", "maart 2024", "juni 2024"),
        ("mrt. 2024 - 03-2025", "maart 2024", "maart 2025"),
        ("van 1 oktober 2019 tot 1 januari 2022", "1 oktober 2019", "31 december 2021"),
        ("zomer 2023 – winter 2024/2025", "zomer 2023", "winter 2024/2025"),
        ("eerste halfjaar 2023 - herfst 2023", "eerste halfjaar 2023", "herfst 2023"),
    ],
)
def test_labels(text: str, start_label: str, end_label: str) -> None:
    p = parse_looptijd(text)
    assert p.start is not None and p.end is not None, p.error
    assert (p.start.label, p.end.label) == (start_label, end_label)
    assert (format_interval(p.start), format_interval(p.end)) == (start_label, end_label)


def test_format_date_and_interval() -> None:
    assert format_date(date(2021, 12, 1)) == "1 december 2021"
    assert format_date(date(2024, 2, 29)) == "29 februari 2024"
    assert [format_date(date(2022, m, 1)).split()[1] for m in range(1, 13)] == list(MONTHS)
    assert format_interval(Interval(date(2022, 2, 1), date(2022, 2, 28))) == "februari 2022"
    assert format_interval(Interval(date(2024, 1, 1), date(2024, 12, 31))) == "2024"
    assert format_interval(Interval(date(2022, 1, 3), date(2022, 1, 3))) == "3 januari 2022"
    assert (
        format_interval(Interval(date(2022, 1, 3), date(2022, 1, 5)))
        == "3 januari 2022 – 5 januari 2022"
    )
    assert format_interval(Interval(date(2022, 1, 3), date(2022, 1, 5), "x")) == "x"


def test_period_json() -> None:
    p = parse_looptijd("Deel 1: december 2019 – december 2021; deel 2: vanaf 1 januari 2022")
    j = period_json(p)
    assert list(j) == [
        "text", "start", "start_latest", "end_earliest", "end", "open_end", "no_later_than",
        "phases", "status_hint", "extended_to", "describe", "error", "warnings",
    ]  # fmt: skip
    assert j["start"] == "2019-12-01" and j["start_latest"] == "2019-12-31"
    assert j["end"] is None and j["end_earliest"] is None and j["open_end"] is True
    assert j["phases"][0] == {
        "label": "deel 1",
        "start": "2019-12-01",
        "start_latest": "2019-12-31",
        "end_earliest": "2021-12-01",
        "end": "2021-12-31",
        "open_end": False,
    }
    assert j["phases"][1]["open_end"] is True
    assert j["status_hint"] is None and j["error"] is None and j["warnings"] == []
    json.dumps(j)
    k = period_json(parse_looptijd("Juni 2021 – november 2021 (stopgezet)"))
    assert k["status_hint"] == "stopgezet" and k["phases"] == []
    e = period_json(parse_looptijd("nog onbekend"))
    assert e["error"] and e["start"] is None and e["describe"].startswith("niet te lezen: ")
    x = period_json(parse_looptijd("2021 – 2023 (verlengd tot en met 30 juni 2024)"))
    assert x["extended_to"] == "2024-06-30" and x["end"] == "2024-06-30"


TODAY = date(2022, 1, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-06-01", date(2022, 6, 1)),
        ("01-06-2022", date(2022, 6, 1)),
        ("1-6-2022", date(2022, 6, 1)),
        ("1/6/2022", date(2022, 6, 1)),
        ("1.6.2022", date(2022, 6, 1)),
        ("1 juni 2022", date(2022, 6, 1)),
        ("1 Juni 2022", date(2022, 6, 1)),
        ("1 jun. 2022", date(2022, 6, 1)),
        ("1 jun 2022", date(2022, 6, 1)),
        ("  5\u00a0mrt. 2024 ", date(2024, 3, 5)),
        ("29 februari 2024", date(2024, 2, 29)),
        ("vandaag", TODAY),
        ("Vandaag", TODAY),
        ("gisteren", date(2021, 12, 31)),
        ("morgen", date(2022, 1, 2)),
        ("juni 2022", None),
        ("2022", None),
        ("1 juni", None),
        ("31-06-2022", None),
        ("29 februari 2023", None),
        ("06-13-2022", None),
        ("2022-13-01", None),
        ("1 juni 2022 – 1 juli 2022", None),
        ("", None),
        ("nooit", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text, today=TODAY) == expected


def test_parse_date_default_today() -> None:
    assert parse_date("vandaag") == date.today()


@pytest.mark.parametrize(
    ("text", "delta", "label"),
    [
        ("90d", relativedelta(days=90), "90 dagen"),
        ("90 dagen", relativedelta(days=90), "90 dagen"),
        ("1 dag", relativedelta(days=1), "1 dag"),
        ("3m", relativedelta(months=3), "3 maanden"),
        ("3 maanden", relativedelta(months=3), "3 maanden"),
        ("6 Maanden", relativedelta(months=6), "6 maanden"),
        ("1 maand", relativedelta(months=1), "1 maand"),
        ("1y", relativedelta(years=1), "1 jaar"),
        ("1j", relativedelta(years=1), "1 jaar"),
        ("1 jaar", relativedelta(years=1), "1 jaar"),
        ("2 jaar", relativedelta(years=2), "2 jaar"),
        ("2w", relativedelta(weeks=2), "2 weken"),
        ("6 weken", relativedelta(weeks=6), "6 weken"),
        ("1 week", relativedelta(weeks=1), "1 week"),
        ("3", relativedelta(months=3), "3 maanden"),
    ],
)
def test_parse_window(text: str, delta: relativedelta, label: str) -> None:
    w = parse_window(text)
    assert w is not None
    assert w.delta == delta
    assert w.label == label


@pytest.mark.parametrize("text", ["", "0", "0d", "-3", "-3m", "abc", "3x", "m", "3.5m", "99999999"])
def test_parse_window_rejects(text: str) -> None:
    assert parse_window(text) is None


def test_window_end_uses_month_arithmetic() -> None:
    w = parse_window("1 maand")
    assert w is not None
    assert w.end(date(2024, 1, 31)) == date(2024, 2, 29)


# --- property tests ---

WORDS = [
    *MONTHS, "jan", "feb", "mrt", "mrt.", "apr", "sept", "okt", "dec.", "begin", "medio", "half",
    "eind", "ultimo", "eerste", "tweede", "1e", "kwartaal", "helft", "halfjaar", "Q1", "Q4", "H2",
    "voorjaar", "lente", "zomer", "najaar", "herfst", "winter", "van", "vanaf", "per", "sinds",
    "tot", "tot en met", "t/m", "uiterlijk", "verlengd", "deel 1:", "deel 2:", "fase", ";", "-",
    "–", "—", "(stopgezet)", "Afgerond.", "heden", "/", ".", ",", "\u00a0", "\u00ad",
]  # fmt: skip
NUMBERS = st.sampled_from(["0", "1", "15", "29", "31", "32", "03", "13", "99", "1899", "1900",
                           "2019", "2020", "2024", "2199", "2200", "9999", "0000"])  # fmt: skip
DUTCHISH = st.lists(st.one_of(st.sampled_from(WORDS), NUMBERS), max_size=12).map(
    lambda parts: " ".join(parts)
)
DUTCHISH_TIGHT = st.lists(st.one_of(st.sampled_from(WORDS), NUMBERS), max_size=8).map(
    lambda parts: "".join(parts)
)


def _check_invariants(p: Period) -> None:
    assert isinstance(p, Period)
    p.describe()
    json.dumps(period_json(p))
    if p.ok:
        assert p.start is not None or p.end is not None or p.status_hint is not None
        if p.start is not None:
            assert p.start.earliest <= p.start.latest
        if p.end is not None:
            assert p.end.earliest <= p.end.latest
        if p.start is not None and p.end is not None:
            assert p.start.earliest <= p.end.latest
        for ph in p.phases:
            if ph.start is not None and ph.end is not None:
                assert ph.start.earliest <= ph.end.latest
        if p.open_end:
            assert p.end is None
    else:
        assert p.error and "\n" not in p.error


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    _check_invariants(parse_looptijd(text))


@settings(max_examples=600, deadline=None)
@given(st.one_of(DUTCHISH, DUTCHISH_TIGHT))
def test_never_raises_on_dutch_date_words(text: str) -> None:
    _check_invariants(parse_looptijd(text))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), DUTCHISH))
def test_parse_date_and_window_never_raise(text: str) -> None:
    d = parse_date(text, today=TODAY)
    assert d is None or isinstance(d, date)
    w = parse_window(text)
    assert w is None or w.end(TODAY) > TODAY


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)))
def test_day_round_trip(d: date) -> None:
    assert parse_date(format_date(d)) == d
    assert parse_date(d.isoformat()) == d
    assert parse_date(d.strftime("%d-%m-%Y")) == d
    p = parse_looptijd(format_date(d))
    assert p.start == Interval(d, d, format_date(d))


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1901, max_value=2190),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=0, max_value=30),
)
def test_month_ranges_are_ordered(year: int, month: int, span: int) -> None:
    first = date(year, month, 1)
    last = first + relativedelta(months=span)
    text = f"{MONTHS[first.month - 1]} {first.year} – {MONTHS[last.month - 1]} {last.year}"
    p = parse_looptijd(text)
    assert p.ok and p.start is not None and p.end is not None
    assert p.start.earliest == first
    assert p.end.latest == last + relativedelta(day=31)
    reverse = f"{MONTHS[last.month - 1]} {last.year} – {MONTHS[first.month - 1]} {first.year}"
    if span > 0:
        assert parse_looptijd(reverse).error == "einde ligt voor begin"


def test_module_imports_no_ui_libraries() -> None:
    import pilot_tui.periods as periods

    modules = sorted(Path(periods.__file__).parent.glob("*.py"))
    assert len(modules) > 1  # the package's modules, not just its __init__
    for module in modules:
        source = module.read_text(encoding="utf-8")
        found = re.search(r"^\s*(from|import)\s+(textual|rich)\b", source, re.MULTILINE)
        assert not found, module.name


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("31 juni 2022", "„31 juni 2022” is geen bestaande datum"),
        ("2022-02-30", "„2022-02-30” is geen bestaande datum"),
        ("32-13-2022", "maand 13 bestaat niet"),
        ("bla bla", "geen datum die ik kan lezen: „bla bla”"),
        ("", "geen datum die ik kan lezen: „”"),
    ],
)
def test_date_problem_says_why(text: str, problem: str) -> None:
    assert parse_date(text) is None
    assert date_problem(text) == problem
