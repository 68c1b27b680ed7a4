"""The importer: the seed overview text -> the 33 pilots of store.json, and merging."""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pilot_tui import fields
from pilot_tui.importer import ImportResult, OverviewError, merge, parse_overview
from pilot_tui.importing.infer import _earliest_start, _parse_dutch_date
from pilot_tui.importing.merging import _UPDATABLE
from pilot_tui.model import BULLET, HistoryEntry, Pilot, Register, Status
from pilot_tui.periods import MONTH_WORDS, MONTHS, parse_looptijd
from pilot_tui.periods.words import PART_WORDS, SEASONS, YEAR_PARTS
from tests.conftest import SEED_STORE, SEED_TEXT

D1 = date(2021, 12, 1)
D2 = date(2022, 6, 1)


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED_TEXT.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed(seed_text: str) -> ImportResult:
    return parse_overview(seed_text)


def fresh(seed_text: str) -> Register:
    return parse_overview(seed_text).register


def comparable(register: Register) -> list[dict[str, Any]]:
    """Everything the importer reads, per pilot, in document order."""
    out = []
    for p in register.pilots:
        out.append(
            {
                "id": p.id,
                "name": p.name,
                "former_names": p.former_names,
                "achtergrond": p.achtergrond,
                "doel": p.doel,
                "stand_van_zaken": [(h.peildatum, h.stand_van_zaken, h.status) for h in p.history],
                "looptijd": p.looptijd,
                "looptijd_label": p.looptijd_label,
                "status": p.status,
                "programma": p.programma,
                "gemeente": p.gemeente,
                "footnotes": [f.to_dict() for f in p.footnotes],
            }
        )
    return out


def assert_same_pilots(got: Register, want: Register) -> None:
    g, w = comparable(got), comparable(want)
    assert [p["name"] for p in g] == [p["name"] for p in w]
    for a, b in zip(g, w, strict=True):
        for key in b:
            assert a[key] == b[key], f"{b['name']}: {key}"


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


TRICKY_NAMES = [
    "Pilot Rotterdam-Zuid (Hillesluis)",
    "Online keuzehulp bij scheiden",
    "Samenwerken in de eerste lijn",
    "Huizen van het Recht (Heerlen)",
    "Regie op geschiloplossing in het huurdomein",
    "LegalGuard (Consumentenrecht)",
    "Pilot ZSM (intensivering rechtsbijstand en ontwikkeling bijpassende financieringssystematiek)",
    "Rechtsbijstand slachtoffers van ernstige gewelds- en zedenmisdrijven "
    "(pilot slachtofferadvocatuur)",
    "Wijkrechtbank Eindhoven",
    "Pakketafhankelijke eigen bijdrage",
    "ADR cliëntenondersteuningstool",
    "Digitaal bezwaarplatform",
    "Versterking samenwerking hJL en UWV",
    "Samen Recht Vinden",
    "Gezinsadvocaat",
    "Rechtsbijstandsportaal/ online doorverwijssysteem",
    "Zelf-regieroute scheiden",
    "Dynamisch zaaksysteem",
    "MIJN ZAAK",
    "SJD in lokale context",
    "Beslisboom",
    "Berekenjescheiding.nl",
    "Buurtbemiddeling Extra",
    "Digitaal kennissysteem eerste lijn hulpverleners",
    "Divosa / Gemeente Almere",
    "Divosa / Gemeente Den Bosch",
    "Divosa / Gemeente Hollands Kroon",
    "Divosa / Gemeente Tilburg",
    "Divosa / Gemeente Deurne",
    "Divosa / Gemeente Nijmegen",
    "Divosa / Gemeente Oude IJsselstreek",
    "Divosa / Gemeente Utrecht",
    "Divosa / Gemeente Wijk bij Duurstede",
]


def test_names(seed: ImportResult) -> None:
    assert [p.name for p in seed.register.pilots] == TRICKY_NAMES
    ids = [p.id for p in seed.register.pilots]
    assert len(set(ids)) == 33
    assert "samenwerken-in-de-eerste-lijn" in ids


def by_name(register: Register, name: str) -> Pilot:
    found = register.find(name)
    assert found is not None, name
    return found


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


# -- robustness: the same document laid out differently ----------------------------------


def dutch(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]


def render(
    register: Register,
    *,
    width: int,
    seed: int,
    headers: int = 0,
    formfeeds: int = 0,
    glue: bool = False,
    notes_at_marker: bool = False,
) -> str:
    """Write a register back as pdftotext might give it, laid out differently."""
    rng = random.Random(seed)
    out: list[tuple[str, bool]] = []  # (line, a page break may come before it)

    def add(line: str, breakable: bool = False) -> None:
        out.append((line, breakable))

    add("")
    add(f"Bijlage 2 - Stand van zaken pilots – peildatum {dutch(register.peildata[-1])}")
    add("")
    for line in wrap(register.intro, width):
        add(line)
    add("")
    add("Pilot Toelichting")
    number = 0
    for p in register.pilots:
        texts = {
            "achtergrond": p.achtergrond,
            "doel": p.doel,
            "stand_van_zaken": p.history[-1].stand_van_zaken,
        }
        notes: list[tuple[int, str, str]] = []
        for f in p.footnotes:
            number += 1
            t = texts[f.section]
            i = t.index(f.anchor) + len(f.anchor)
            texts[f.section] = t[:i] + str(number) + t[i:]
            notes.append((number, f.text, f.anchor.split()[-1] + str(number)))
        note_lines = {
            n: textwrap.wrap(f"{n} {text}", width, break_on_hyphens=False) for n, text, _ in notes
        }

        name = p.name + (f" (voorheen: {'; '.join(p.former_names)})" if p.former_names else "")
        words = name.split(" ")
        cuts = sorted(rng.sample(range(1, len(words)), min(len(words) - 1, rng.randint(0, 3))))
        chunks = [
            " ".join(words[a:b]) for a, b in zip([0, *cuts], [*cuts, len(words)], strict=True)
        ]
        if glue and all(len(c) <= 40 for c in chunks):
            add(chunks[0] + " Achtergrond", True)
            for c in chunks[1:]:
                add(c, True)
            add("")
        else:
            for c in chunks:
                add(c, True)
            add("")
            add("Achtergrond")
        for key, label in (
            ("achtergrond", ""),
            ("doel", rng.choice(["Doel", "Doel:"])),
            ("stand_van_zaken", rng.choice(["Stand van zaken", "Stand van zaken:"])),
        ):
            if label:
                add(label)
            for para in texts[key].split("\n"):
                if para.startswith(BULLET):
                    lines = wrap(para[len(BULLET) :], width - 2)
                    lines[0] = rng.choice(["● ", "\uf0b7 ", "• "]) + lines[0]
                else:
                    lines = wrap(para, width)
                for line in lines:
                    add(line, True)
                    if notes_at_marker:
                        for n, _, marker in notes:
                            if marker in line.split():
                                for note_line in note_lines[n]:
                                    add(note_line)
                                add("\fPilot Toelichting")
                add("")
        add(p.looptijd_label)
        for line in wrap(p.looptijd, width):
            add(line)
        add("")
        if not notes_at_marker:
            for n, _, _ in notes:
                for note_line in note_lines[n]:
                    add(note_line)
        add("Pilot Toelichting")

    lines = [line for line, _ in out]
    breakable = [i for i, (_, ok) in enumerate(out) if ok]
    for i in rng.sample(breakable, formfeeds):
        lines[i] = "\f" + lines[i]
    for i in sorted(rng.sample(breakable, headers), reverse=True):
        lines.insert(
            i, rng.choice(["Pilot Toelichting", " Pilot Toelichting", "\fPilot Toelichting"])
        )
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("width", "options"),
    [
        (130, {}),
        (70, {}),
        (200, {}),
        (70, {"headers": 40, "formfeeds": 10}),
        (110, {"glue": True, "headers": 25}),
        (90, {"notes_at_marker": True, "headers": 15}),
        (200, {"glue": True, "notes_at_marker": True, "headers": 30, "formfeeds": 20}),
        (60, {"glue": True, "headers": 60, "formfeeds": 30}),
    ],
)
@pytest.mark.parametrize("seed_no", [1, 2])
def test_relaid_document_gives_same_pilots(
    seed: ImportResult, width: int, options: dict[str, Any], seed_no: int
) -> None:
    text = render(seed.register, width=width, seed=seed_no * 1000 + width, **options)
    got = parse_overview(text)
    assert_same_pilots(got.register, seed.register)
    assert got.register.intro == seed.register.intro
    assert got.register.peildata == [D1]
    assert got.warnings == []


def test_crlf_and_nbsp(seed_text: str, seed: ImportResult) -> None:
    text = seed_text.replace("\n", "\r\n").replace("Stand van zaken\r\n", "Stand van zaken \r\n")
    assert_same_pilots(parse_overview(text).register, seed.register)


def small_overview(name_lines: list[str], achtergrond: list[str]) -> str:
    return "\n".join(
        [
            "Stand van zaken pilots – peildatum 1 juni 2022",
            "",
            "Pilot Toelichting",
            *name_lines,
            "",
            "Achtergrond",
            *achtergrond,
            "",
            "Doel",
            "Iets beters.",
            "",
            "Stand van zaken",
            "Loopt.",
            "",
            "Looptijd",
            "Vanaf 1 september 2022",
        ]
    )


@pytest.mark.parametrize(
    ("name_lines", "want"),
    [
        (["Rotterdam-", "Zuid"], "Rotterdam-Zuid"),
        (["Regie op geschil-", "oplossing"], "Regie op geschiloplossing"),
        (["Huizen van", "het Recht"], "Huizen van het Recht"),
        (["Wijkrecht", "bank Eindhoven"], "Wijkrechtbank Eindhoven"),
        (["Sociaal-", "juridische hulp"], "Sociaal-juridische hulp"),
        (["Informatie-", "uitwisseling"], "Informatie-uitwisseling"),
        (["Gewelds-", "en zedenzaken"], "Gewelds- en zedenzaken"),
        (["ZSM-", "traject"], "ZSM-traject"),
    ],
)
def test_name_joining(name_lines: list[str], want: str) -> None:
    text = small_overview(
        name_lines,
        [
            "De wijkrechtbank helpt bij sociaal-juridische vragen in het ZSM-traject en bij",
            "geschiloplossing.",
        ],
    )
    result = parse_overview(text)
    (pilot,) = result.register.pilots
    assert pilot.name == want
    assert pilot.status == Status.GEPLAND
    assert result.register.peildata == [D2]


# -- merging --------------------------------------------------------------------------------


def test_first_merge_adds_all(seed_text: str) -> None:
    register = Register()
    report = merge(register, fresh(seed_text), D1, update=True)
    assert report.summary() == "33 nieuw · 0 bijgewerkt · 0 ongewijzigd · 0 niet in het document"
    assert len(register.pilots) == 33
    assert register.peildata == [D1]
    assert register.annex == "Bijlage 2"  # kept from the document
    assert_same_pilots(register, fresh(seed_text))


def test_an_import_keeps_an_annex_label_unless_updating(seed_text: str) -> None:
    register = Register(annex="Bijlage 5")
    merge(register, fresh(seed_text), D1, update=False)
    assert register.annex == "Bijlage 5"
    merge(register, fresh(seed_text), D1, update=True)
    assert register.annex == "Bijlage 2"
    unlabelled = seed_text.replace("Bijlage 2 - ", "", 1)
    assert fresh(unlabelled).annex == ""
    merge(register, fresh(unlabelled), D1, update=True)
    assert register.annex == "Bijlage 2"  # a document without a label wipes nothing


def test_second_import_changes_nothing(seed_text: str) -> None:
    register = fresh(seed_text)
    before = comparable(register)
    report = merge(register, fresh(seed_text), D1, update=True)
    assert report.summary() == "0 nieuw · 0 bijgewerkt · 33 ongewijzigd · 0 niet in het document"
    assert comparable(register) == before


def test_new_peildatum_with_changed_stand(seed_text: str) -> None:
    register = fresh(seed_text)
    incoming = parse_overview(seed_text, peildatum=D2).register
    target = by_name(incoming, "Gezinsadvocaat")
    target.history[0].stand_van_zaken = "Er zijn nu 40 zaken aangemeld."
    incoming.pilots[1].achtergrond = "Nieuwe achtergrond."
    report = merge(register, incoming, D2, update=False)
    assert report.bijgewerkt == ["Gezinsadvocaat"]
    assert len(report.ongewijzigd) == 32
    assert register.peildata == [D1, D2]
    pilot = by_name(register, "Gezinsadvocaat")
    assert [h.peildatum for h in pilot.history] == [D1, D2]
    assert pilot.history[1].stand_van_zaken == "Er zijn nu 40 zaken aangemeld."
    assert pilot.history[0].stand_van_zaken.startswith("Vanaf 1 mei 2021")
    # update=False: the other fields stay as they were
    assert register.pilots[1].achtergrond.startswith("Wanneer een rechtzoekende")
    # unchanged pilots are carried forward explicitly
    other = by_name(register, "Beslisboom")
    assert [h.unchanged for h in other.history] == [False, True]


def test_update_true_changes_fields(seed_text: str) -> None:
    register = fresh(seed_text)
    incoming = fresh(seed_text)
    incoming.pilots[1].achtergrond = "Nieuwe achtergrond."
    report = merge(register, incoming, D1, update=True)
    assert report.bijgewerkt == [register.pilots[1].name]
    assert register.pilots[1].achtergrond == "Nieuwe achtergrond."


def test_update_takes_the_importable_fields_and_keeps_what_a_blank_would_wipe(
    seed_text: str,
) -> None:
    """import --update reads pilot_tui.fields: every importable field but the names is
    taken from the document, except that a blank never wipes a keep_when_blank field."""
    assert tuple(n for n in fields.IMPORTABLE if n not in ("name", "former_names")) == _UPDATABLE
    keep = {f.name for f in fields.PILOT_FIELDS if f.keep_when_blank}
    assert keep == {"programma", "gemeente", "rechtsgebied", "partners"}
    register = fresh(seed_text)
    target = register.pilots[2]
    target.programma, target.gemeente = "Programma X", "Utrecht"
    target.rechtsgebied, target.partners = "Familierecht", ["Raad"]
    incoming = fresh(seed_text)
    source = incoming.pilots[2]
    source.programma = source.gemeente = source.rechtsgebied = ""
    source.partners = []
    source.doel = ""  # not kept when blank: the document's blank is taken
    merge(register, incoming, D1, update=True)
    assert (target.programma, target.gemeente) == ("Programma X", "Utrecht")
    assert (target.rechtsgebied, target.partners) == ("Familierecht", ["Raad"])
    assert target.doel == ""


def test_same_peildatum_text_replaced_only_when_different(seed_text: str) -> None:
    register = fresh(seed_text)
    register.pilots[0].history[0].zaken = 12
    incoming = fresh(seed_text)
    incoming.pilots[0].history[0].stand_van_zaken = "Anders."
    report = merge(register, incoming, D1, update=False)
    assert report.bijgewerkt == [register.pilots[0].name]
    assert len(register.pilots[0].history) == 1
    assert register.pilots[0].history[0].stand_van_zaken == "Anders."
    assert register.pilots[0].history[0].zaken == 12


def test_missing_and_new_pilots(seed_text: str) -> None:
    register = fresh(seed_text)
    register.pilots.append(Pilot(id="eigen", name="Een eigen pilot"))
    incoming = fresh(seed_text)
    dropped = incoming.pilots.pop(3)
    incoming.pilots.append(
        Pilot(
            id="whatever",
            name="Gezinsadvocaat",  # a second pilot of that name: a new one
            history=[HistoryEntry(D1, "Nieuw.", Status.LOPEND)],
        )
    )
    report = merge(register, incoming, D1, update=False)
    assert report.niet_in_document == [dropped.name, "Een eigen pilot"]
    assert report.nieuw == ["Gezinsadvocaat"]
    assert len({p.id for p in register.pilots}) == len(register.pilots) == 35
    assert register.pilots[-1].id == "gezinsadvocaat-2"


def test_match_by_former_name(seed_text: str) -> None:
    register = fresh(seed_text)
    incoming = fresh(seed_text)
    p = by_name(incoming, "Berekenjescheiding.nl")
    p.name, p.former_names = "Onlinetool financiën bij Scheiden", []
    report = merge(register, incoming, D1, update=False)
    assert report.nieuw == [] and len(report.ongewijzigd) == 33
    report = merge(register, incoming, D1, update=True)
    renamed = by_name(register, "Onlinetool financiën bij Scheiden")
    assert renamed.id == "berekenjescheiding-nl"
    assert "Berekenjescheiding.nl" in renamed.former_names


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
