"""The importer on the same document laid out differently: widths, line ends, names split
over lines."""

from __future__ import annotations

import random
import textwrap
from datetime import date
from typing import Any

import pytest

from pilot_tui.importer import ImportResult, parse_overview
from pilot_tui.model import BULLET, Register, Status
from pilot_tui.periods import MONTHS

from .helpers.importer import D1, D2, assert_same_pilots

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
