"""The importer: the seed overview text -> the 33 pilots of store.json, and bad input."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pilot_tui.importer import ImportResult, OverviewError, parse_overview
from pilot_tui.model import HistoryEntry, Status
from tests.conftest import SEED_STORE, SEED_TEXT

from .helpers.importer import D1, D2, TRICKY_NAMES, assert_same_pilots, by_name

# -- the seed ---------------------------------------------------------------------------


def test_seed_equals_store_json(seed: ImportResult) -> None:
    from pilot_tui.store import Store

    store = Store.open(SEED_STORE, readonly=True)
    try:
        stored = store.register
    finally:
        store.close()
    assert len(seed.register.pilots) == 33
    assert_same_pilots(seed.register, stored)
    assert stored.title == seed.register.title == "Stand van zaken pilots"
    assert stored.annex == seed.register.annex == "Bijlage 2"
    assert stored.peildata == [D1]
    assert stored.intro == seed.register.intro
    assert seed.warnings == []


def test_register_header(seed: ImportResult) -> None:
    reg = seed.register
    assert reg.title == "Stand van zaken pilots"
    assert reg.annex == "Bijlage 2"  # "Bijlage 2 - Stand van zaken pilots – peildatum …"
    assert reg.peildata == [D1]
    assert reg.intro == (
        "Nb. In dit overzicht zijn opgenomen lopende pilots, afgeronde pilots en pilots die "
        "op korte termijn starten en waarvoor formeel akkoord is gegeven."
    )


def test_peildatum_argument_wins(seed_text: str) -> None:
    reg = parse_overview(seed_text, peildatum=D2).register
    assert reg.peildata == [D2]
    assert all(p.history[0].peildatum == D2 for p in reg.pilots)


def test_names(seed: ImportResult) -> None:
    assert [p.name for p in seed.register.pilots] == TRICKY_NAMES
    ids = [p.id for p in seed.register.pilots]
    assert len(set(ids)) == 33
    assert "samenwerken-in-de-eerste-lijn" in ids


def test_former_name(seed: ImportResult) -> None:
    p = by_name(seed.register, "Berekenjescheiding.nl")
    assert p.former_names == ["Onlinetool financiën bij Scheiden"]
    assert seed.register.find("onlinetool financien bij scheiden") is p


def test_looptijd_as_written(seed: ImportResult) -> None:
    reg = seed.register
    assert by_name(reg, "Pakketafhankelijke eigen bijdrage").looptijd == (
        "De subsidieregeling loopt van 1 oktober 2019 tot 1 januari 2022. Momenteel wordt "
        "over de voorwaarden voor verlenging gesproken."
    )
    rotterdam = by_name(reg, "Pilot Rotterdam-Zuid (Hillesluis)")
    assert (
        rotterdam.looptijd == "Deel 1: december 2019 – december 2021; deel 2: vanaf 1 januari 2022"
    )
    adr = by_name(reg, "ADR cliëntenondersteuningstool")
    assert (adr.looptijd, adr.looptijd_label) == (
        "Juni 2021 – november 2021 (stopgezet)",
        "Doorlooptijd",
    )
    assert by_name(reg, "Wijkrechtbank Eindhoven").looptijd_label == "Looptijd"


def test_status(seed: ImportResult) -> None:
    status = {p.name: p.status for p in seed.register.pilots}
    closed = {n: s for n, s in status.items() if s != Status.LOPEND}
    assert closed == {
        "Online keuzehulp bij scheiden": Status.AFGEROND,
        "Samenwerken in de eerste lijn": Status.AFGEROND,
        "LegalGuard (Consumentenrecht)": Status.AFGEROND,
        TRICKY_NAMES[7]: Status.AFGEROND,  # "De pilot is eind juni 2021 afgerond"
        "ADR cliëntenondersteuningstool": Status.STOPGEZET,
    }
    for p in seed.register.pilots:
        assert p.history == [HistoryEntry(D1, p.history[0].stand_van_zaken, p.status)]


def test_status_gepland_when_start_after_peildatum(seed_text: str) -> None:
    reg = parse_overview(seed_text, peildatum=date(2021, 10, 1)).register
    assert by_name(reg, "Divosa / Gemeente Almere").status == Status.GEPLAND
    assert by_name(reg, "Gezinsadvocaat").status == Status.LOPEND


# -- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n\t\n",
        bytes(range(256)).decode("latin-1") * 20,
        "\x00PK\x03\x04 binary",
        "Dit is gewoon een brief.\n\nMet vriendelijke groet,\nDe minister",
        "Lorem ipsum dolor sit amet. " * 200,
        "Pilot Toelichting\nPilot Toelichting\n",
    ],
)
def test_not_an_overview(text: str) -> None:
    with pytest.raises(OverviewError) as info:
        parse_overview(text)
    message = str(info.value)
    assert message and "\n" not in message


def test_no_peildatum(seed_text: str) -> None:
    text = seed_text.replace("peildatum 1 december 2021", "")
    with pytest.raises(OverviewError, match="peildatum"):
        parse_overview(text)
    assert len(parse_overview(text, peildatum=D1).register.pilots) == 33


def test_seed_fragments_give_warnings_not_crashes(seed_text: str) -> None:
    lines = seed_text.splitlines()
    result = parse_overview("\n".join(lines[:150] + lines[400:430]))
    assert "Regel 168: pilot zonder kopje Achtergrond (begint met Doel)." in result.warnings
    legal = result.register.pilots[-1]
    assert legal.name == "LegalGuard"
    assert legal.achtergrond.startswith("De afgelopen jaren zijn diverse voorzieningen")
    assert legal.doel.startswith("De basisgedachte van het project")
    assert legal.history[0].stand_van_zaken.startswith("Het project is vlak voor de zomer")


SEED_LINES = SEED_TEXT.read_text(encoding="utf-8").splitlines()
PIECES = [
    *SEED_LINES,
    "Achtergrond",
    "Doel",
    "Stand van zaken:",
    "Looptijd",
    "Doorlooptijd",
    "Pilot Toelichting",
    "",
    "\f",
    "1 Zie www.x.nl/a",
    "Bijlage 2 - Stand van zaken pilots – peildatum 1 juni 2022",
    "● ",
    "Naam-",
    "x Achtergrond",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), st.lists(st.sampled_from(PIECES), max_size=80).map("\n".join)))
def test_arbitrary_text_raises_only_overview_error(text: str) -> None:
    try:
        result = parse_overview(text)
    except OverviewError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert result.register.pilots
        assert len(result.register.peildata) == 1


def test_footnotes_numbered_past_99_are_recognised() -> None:
    """Regression: footnote numbers of three digits were read as text of the next pilot."""
    from tests.bench.generate import make_register
    from tests.bench.overview_text import make_overview_text

    source = make_register(720)
    result = parse_overview(make_overview_text(source))
    assert [p.name for p in result.register.pilots] == [p.name for p in source.pilots]
    notes_in = sum(len(p.footnotes) for p in source.pilots)
    assert notes_in > 100
    assert sum(len(p.footnotes) for p in result.register.pilots) == notes_in
