"""The importer reading the text: the Dutch date tables, programma and gemeente, footnotes,
joined texts and hyphens."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from pilot_tui.importer import ImportResult, parse_overview
from pilot_tui.importing.infer import _earliest_start, _parse_dutch_date
from pilot_tui.model import BULLET
from pilot_tui.periods import MONTH_WORDS, parse_looptijd
from pilot_tui.periods.words import PART_WORDS, SEASONS, YEAR_PARTS

from .helpers.importer import TRICKY_NAMES, by_name

# Every word of the Dutch date tables the importer reads, with its first day as the
# looptijd reader reads it (DESIGN.md, "Periods: what a Dutch looptijd means").
ONE_TABLE = [
    ("voorjaar 2022", date(2022, 3, 1)),
    ("Lente 2022", date(2022, 3, 1)),
    ("zomer 2022", date(2022, 6, 1)),
    ("najaar 2021", date(2021, 9, 1)),
    ("herfst 2021", date(2021, 9, 1)),
    ("winter 2024/2025", date(2024, 12, 1)),
    ("winter 2023/24", date(2023, 12, 1)),
    ("winter 2025", date(2024, 12, 1)),  # the winter that ends in 2025
    ("begin 2022", date(2022, 1, 1)),
    ("medio 2022", date(2022, 6, 1)),
    ("half 2022", date(2022, 6, 1)),
    ("halverwege 2022", date(2022, 6, 1)),
    ("midden 2022", date(2022, 6, 1)),
    ("eind 2022", date(2022, 10, 1)),
    ("einde 2022", date(2022, 10, 1)),
    ("ultimo 2022", date(2022, 12, 31)),
    ("eerste kwartaal 2022", date(2022, 1, 1)),
    ("1ste kwartaal 2022", date(2022, 1, 1)),
    ("2e kwartaal 2022", date(2022, 4, 1)),
    ("derde kwartaal 2022", date(2022, 7, 1)),
    ("laatste kwartaal 2022", date(2022, 10, 1)),
    ("Q3 2022", date(2022, 7, 1)),
    *((f"{word} 2022", date(2022, month, 1)) for word, month in MONTH_WORDS.items()),
    ("sept. 2022", date(2022, 9, 1)),
    ("15 mei 2022", date(2022, 5, 15)),
    ("2022", date(2022, 1, 1)),
]


@pytest.mark.parametrize(("text", "first"), ONE_TABLE, ids=[t for t, _ in ONE_TABLE])
def test_importer_reads_the_periods_tables(text: str, first: date) -> None:
    """The importer's reading of a start (for "gepland") takes its months, quarters,
    seasons and parts of a year from pilot_tui.periods, and agrees with its reader."""
    assert _earliest_start(text) == first
    period = parse_looptijd(text)
    assert period.start is not None and period.start.earliest == first


def test_one_table_of_seasons_and_parts_of_a_year() -> None:
    assert SEASONS == {
        "voorjaar": 3,
        "lente": 3,
        "zomer": 6,
        "najaar": 9,
        "herfst": 9,
        "winter": 12,
    }
    assert YEAR_PARTS == {
        "begin": (1, 3),
        "medio": (6, 2),
        "half": (6, 2),
        "halverwege": (6, 2),
        "midden": (6, 2),
        "eind": (10, 3),
    }
    assert set(PART_WORDS.values()) == {*YEAR_PARTS, "ultimo"}
    assert set(MONTH_WORDS.values()) == set(range(1, 13))


def test_month_words_of_the_title() -> None:
    assert _parse_dutch_date("peildatum 1 okt. 2021") == date(2021, 10, 1)
    assert _parse_dutch_date("peildatum 1 oct 2021") == date(2021, 10, 1)


@pytest.mark.parametrize(
    "text", ["ſept 2022", "1 ſept 2022", "herfſt 2022", "laatſte kwartaal 2022"]
)
def test_letters_ignorecase_matches_but_lower_keeps(text: str) -> None:
    """A long s matches "s" case-insensitively but stays itself in lower(): no crash."""
    assert _earliest_start(text) is None
    assert _parse_dutch_date(text) is None


def test_programma_and_gemeente(seed: ImportResult) -> None:
    reg = seed.register
    sub = "Subsidieregeling € 10 miljoen (Raad voor Rechtsbijstand)"
    assert by_name(reg, "Gezinsadvocaat").programma == sub
    assert by_name(reg, "Berekenjescheiding.nl").programma == sub
    assert by_name(reg, "Pakketafhankelijke eigen bijdrage").programma == ""
    assert sum(p.programma == sub for p in reg.pilots) == 11
    divosa = [p for p in reg.pilots if p.programma == "Divosa"]
    assert [p.gemeente for p in divosa] == [
        "Almere",
        "Den Bosch",
        "Hollands Kroon",
        "Tilburg",
        "Deurne",
        "Nijmegen",
        "Oude IJsselstreek",
        "Utrecht",
        "Wijk bij Duurstede",
    ]
    assert by_name(reg, "Pilot Rotterdam-Zuid (Hillesluis)").gemeente == "Rotterdam"
    assert by_name(reg, "Huizen van het Recht (Heerlen)").gemeente == "Heerlen"
    assert by_name(reg, "Wijkrechtbank Eindhoven").gemeente == "Eindhoven"
    assert by_name(reg, "Regie op geschiloplossing in het huurdomein").gemeente == ""


def test_footnotes(seed: ImportResult) -> None:
    reg = seed.register
    notes = {p.name: [f.to_dict() for f in p.footnotes] for p in reg.pilots if p.footnotes}
    assert notes == {
        "Samenwerken in de eerste lijn": [
            {
                "text": "Zie voor evaluatie: www.advocatenorde.nl/pilot-samenwerken-in-de-eerstelijn",
                "section": "stand_van_zaken",
                "anchor": "afgerond is de zomer van 2021.",
            }
        ],
        TRICKY_NAMES[7]: [
            {
                "text": "Kamerstukken II 2018/2019, 35000 VI, nr. 47",
                "section": "achtergrond",
                "anchor": "gewelds- en zedendelicten.",
            },
            {
                "text": "Kamerstukken II 2018/2019 31753/33552, 157",
                "section": "achtergrond",
                "anchor": "van de slachtofferadvocatuur.",
            },
        ],
        "Wijkrechtbank Eindhoven": [
            {
                "text": "Zie voor evaluatie: https://www.rechtspraak.nl/Organisatie-en-contact/"
                "Organisatie/Rechtbanken/Rechtbank-Oost-Brabant/Nieuws/Documents/"
                "Rapport%20UvA%20Wijkrechtbank%20EIndhoven.pdf",
                "section": "stand_van_zaken",
                "anchor": "is inmiddels geëvalueerd.",
            }
        ],
    }
    samen = by_name(reg, "Samenwerken in de eerste lijn").history[0].stand_van_zaken
    assert "zomer van 2021. Op basis" in samen


def test_numbers_are_not_footnotes(seed: ImportResult) -> None:
    everything = "\n".join(
        "\n".join([p.achtergrond, p.doel, p.history[0].stand_van_zaken, p.looptijd])
        for p in seed.register.pilots
    )
    for phrase in (
        "alle 10 regio’s",
        "ruim 80 zaken",
        "COVID-19",
        "€ 10 miljoen",
        "De eerste 2 maanden",
        "28 cases",
        "in 6 gemeenten (op 9 verschillende locaties)",
        "2e-lijns",
        "per 1 april 2021",
        "Justice42",
    ):
        assert phrase in everything, phrase


def test_texts_joined_and_hyphens(seed: ImportResult) -> None:
    reg = seed.register
    zsm = by_name(reg, TRICKY_NAMES[6])
    assert zsm.doel.split("\n") == [
        BULLET + "Komen tot adequate rechtsbijstand voor rechtzoekende verdachten in het "
        "ZSM-proces en bij de oplegging van een OM-strafbeschikking. Het doen van onderzoek "
        "naar een vergoedingensystematiek die aansluit bij deze bijstand.",
        BULLET + "Onderzoeken hoe de huidige werkwijze in het ZSM-traject in lijn kan worden "
        "gebracht met de doelen van de stelselvernieuwing rechtsbijstand ten aanzien van "
        "adequate vergoedingen, kwaliteit voor de rechtzoekende en toekomstbestendigheid.",
    ]
    assert len(zsm.history[0].stand_van_zaken.split("\n")) == 3
    tilburg = by_name(reg, "Divosa / Gemeente Tilburg")
    assert "multiprobleemhuishoudens" in tilburg.achtergrond
    kroon = by_name(reg, "Divosa / Gemeente Hollands Kroon")
    assert kroon.doel.split("\n") == [
        "In een lerende uitvoeringspraktijk:",
        BULLET + "een meer integrale en oplossingsgerichte toegang tot het recht in geval van "
        "echtscheidingen waar kinderen bij betrokken zijn, onder andere ter voorkoming "
        "uithuisplaatsing en ondertoezichtstelling.",
        BULLET + "meer en eerder oplossingsgerichte samenwerking zoeken met de toegang tot "
        "rechtshulp, met name toegespitst op (v)echtscheidingen.",
    ]
    bereken = by_name(reg, "Berekenjescheiding.nl")
    assert "Voor de Wrb-rechtzoekende is het gebruik gratis." in bereken.doel
    huur = by_name(reg, "Regie op geschiloplossing in het huurdomein")
    assert huur.history[0].stand_van_zaken.endswith(
        "aan huurders.\nMomenteel wordt bezien welk vervolg wordt gegeven aan dit project."
    )
    # A page header in the middle of a paragraph is dropped, the paragraph rejoined.
    bezwaar = by_name(reg, "Digitaal bezwaarplatform")
    assert "is vormgegeven vanuit overheidsperspectief. Hierdoor" in bezwaar.achtergrond
    assert "\n" not in bezwaar.achtergrond
    samen = by_name(reg, "Samen Recht Vinden")
    assert len(samen.achtergrond.split("\n")) == 3
    zelf = by_name(reg, "Zelf-regieroute scheiden")
    assert zelf.doel.split("\n")[2:4] == [
        "1. Doorontwikkelen van de zelf-regie-route: intake en signalering",
        "2. Vereenvoudigen klantreis: gericht op minder zelfredzamen die met hulp van een "
        "derde (bijvoorbeeld maatschappelijk werker) het intakeproces doorlopen",
    ]
    for p in reg.pilots:
        for text in (p.name, p.achtergrond, p.doel, p.history[0].stand_van_zaken, p.looptijd):
            assert "  " not in text and "\xa0" not in text and "\uf0b7" not in text
            assert "Pilot Toelichting" not in text
            assert text == text.strip()


def test_progress(seed_text: str) -> None:
    calls: list[tuple[int, int]] = []
    parse_overview(seed_text, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(i, 33) for i in range(1, 34)]


def test_importer_does_not_import_ui() -> None:
    code = (
        "import sys, pilot_tui.importer\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
