"""Tests for pilot_tui.periods: Dutch looptijd text -> Period."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from pilot_tui.model import Status
from pilot_tui.periods import Interval, parse_looptijd
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


def test_module_imports_no_ui_libraries() -> None:
    import pilot_tui.periods as periods

    modules = sorted(Path(periods.__file__).parent.glob("*.py"))
    assert len(modules) > 1  # the package's modules, not just its __init__
    for module in modules:
        source = module.read_text(encoding="utf-8")
        found = re.search(r"^\s*(from|import)\s+(textual|rich)\b", source, re.MULTILINE)
        assert not found, module.name
