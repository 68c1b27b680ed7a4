"""Tests for pilot_tui.periods: errors and warnings of a looptijd, how a Period is described
and labelled, and a Period as JSON."""

from __future__ import annotations

import json
from datetime import date

import pytest

from pilot_tui.periods import (
    MONTHS,
    Interval,
    format_date,
    format_interval,
    parse_looptijd,
    period_json,
)


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
