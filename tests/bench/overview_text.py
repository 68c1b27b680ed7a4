"""An overview text in the seed's layout ("Stand van zaken pilots – peildatum …" as
``pdftotext`` gives it), made from a register: the input of the import benchmark.

    python -m tests.bench.overview_text 10000 /tmp/overview-10000.txt

Laid out as the seed document is: the title line, the "Nb." intro, then per pilot the
table header "Pilot Toelichting", the name broken over short lines (the narrow name
column), and the sections "Achtergrond", "Doel" (with "●" bullets), "Stand van zaken"
(the pilot's text at the register's latest peildatum) and "Looptijd", paragraphs
wrapped at about 130 characters with a trailing space as pdftotext leaves them.
Footnotes get a number glued after the end of a sentence ("… evaluatie.1 Op basis") and
their text ("1 Zie voor evaluatie: …") at the bottom of the pilot's page.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

from pilot_tui.model import Pilot, Register

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")  # fmt: skip
WIDTH = 130  # the text column of the seed
NAME_WIDTH = 12  # the name column of the seed
BULLET = "●"


def _dutch_date(value: object) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"  # type: ignore[attr-defined]


def _wrap(paragraph: str, width: int = WIDTH) -> list[str]:
    lines = textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False)
    return [line + " " for line in lines[:-1]] + lines[-1:]


def _section(text: str) -> list[str]:
    """A section's text: paragraphs wrapped, bullet items ("• x" in the model) as "● x"."""
    out: list[str] = []
    for paragraph in text.split("\n"):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        if paragraph[0] in "•●":
            out += _wrap(f"{BULLET} {paragraph.lstrip('•● ').strip()}")
        else:
            out += _wrap(paragraph)
    return out


LABELS = {"achtergrond", "doel", "stand van zaken", "looptijd", "doorlooptijd"}


def _name_lines(name: str) -> list[str]:
    """The name broken over short lines, as the narrow name column does (a line that
    would read as a section label, "Doel", stays on the line before it)."""
    lines: list[str] = []
    for line in textwrap.wrap(name, NAME_WIDTH, break_long_words=False, break_on_hyphens=True):
        if lines and line.casefold() in LABELS:
            lines[-1] += " " + line
        else:
            lines.append(line)
    return [line + " " for line in lines[:-1]] + lines[-1:]


def _glue_marker(text: str, number: int) -> str:
    """Glue footnote marker ``number`` after the end of the first sentence."""
    end = text.find(". ")
    if end == -1:
        return text.rstrip() + ("" if text.rstrip().endswith(".") else ".") + str(number)
    return f"{text[: end + 1]}{number}{text[end + 1 :]}"


def pilot_lines(pilot: Pilot, stand: str, first_note: int) -> tuple[list[str], list[str]]:
    """The lines of one pilot and of its footnotes (numbered from ``first_note``)."""
    notes: list[str] = []
    for offset, note in enumerate(pilot.footnotes):
        number = first_note + offset
        if note.section == "achtergrond":
            pilot.achtergrond = _glue_marker(pilot.achtergrond, number)  # a copy is passed
        elif note.section == "doel":
            pilot.doel = _glue_marker(pilot.doel, number)
        else:
            stand = _glue_marker(stand, number)
        notes.append(f"{number} {note.text}")
    lines = ["Pilot Toelichting", *_name_lines(pilot.name), ""]
    for label, text in (
        ("Achtergrond", pilot.achtergrond),
        ("Doel", pilot.doel),
        ("Stand van zaken", stand),
        (pilot.looptijd_label or "Looptijd", pilot.looptijd),
    ):
        lines += [label, *_section(text), ""]
    return lines, notes


def make_overview_text(register: Register) -> str:
    """The register as the overview text of its latest peildatum (seed layout)."""
    from copy import deepcopy

    peildatum = register.latest_peildatum()
    if peildatum is None:
        raise ValueError("the register has no peildatum")
    out = [
        "",
        f"Bijlage 2 - {register.title or 'Stand van zaken pilots'} – peildatum "
        f"{_dutch_date(peildatum)}",
        "",
        *_wrap(register.intro),
        "",
    ]
    note_number = 1
    for pilot in register.pilots:
        entry = next((h for h in pilot.history if h.peildatum == peildatum), None)
        stand = entry.stand_van_zaken if entry is not None else ""
        lines, notes = pilot_lines(deepcopy(pilot), stand, note_number)
        out += lines
        if notes:
            out += notes
        note_number += len(notes)
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    from tests.bench.generate import make_register

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(f"/tmp/overview-{count}.txt")
    target.write_text(make_overview_text(make_register(count)), encoding="utf-8")
    print(f"{target}: {count} pilots, {target.stat().st_size / 1e6:.1f} MB")
