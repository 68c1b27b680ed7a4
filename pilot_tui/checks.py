"""What a reader of the register or of a Bijlage would trip over (pure; no I/O).

``pilot-tui check`` prints these; each problem names the pilot. A problem marked
``notice`` (a pilot not yet updated for the latest round) is reported but only counted
as a problem when the user asks for it (``check --strict``).
"""

from __future__ import annotations

from datetime import date

from pilot_tui import fields
from pilot_tui.attention import assess
from pilot_tui.model import CLOSED_STATUSES, Footnote, Pilot, Register, Status
from pilot_tui.periods import format_date, format_interval, parse_looptijd
from pilot_tui.text import has_controls, normalise

Problem = dict[str, str]


def section_text(pilot: Pilot, section: str, peildatum: date) -> str:
    """The text a footnote of ``section`` is anchored in, at the peildatum."""
    if section == "stand_van_zaken":
        entry = pilot.entry_at(peildatum)
        return entry.stand_van_zaken if entry is not None else ""
    value = getattr(pilot, section, "")
    return value if isinstance(value, str) else ""


def detached_footnotes(pilot: Pilot, peildatum: date | None = None) -> list[tuple[int, Footnote]]:
    """The footnotes (numbered from 1 per pilot) whose anchor words are no longer in the
    text of their section: a renderer would have to put them at the end of the text."""
    when = peildatum or pilot.view_of or date.max
    found = []
    for number, note in enumerate(pilot.footnotes, start=1):
        anchor = " ".join(note.anchor.split())
        if not anchor:
            continue
        text = " ".join(section_text(pilot, note.section, when).split())
        if anchor not in text:
            found.append((number, note))
    return found


def fields_with_controls(pilot: Pilot) -> list[str]:
    """The fields of ``pilot`` (Dutch words, in the table's order) holding characters
    every output leaves out: control characters, bidi overrides and what XML cannot hold
    (see strip_controls)."""
    found: list[str] = []
    for spec in fields.PILOT_FIELDS:
        word = spec.check_word or spec.word
        if word not in found and any(
            has_controls(t) for t in fields.texts(spec, getattr(pilot, spec.name))
        ):
            found.append(word)
    if any(has_controls(e.stand_van_zaken) for e in pilot.history):
        found.append(fields.BY_NAME["stand_van_zaken"].word)
    return found


def _cut(text: str, limit: int = 60) -> str:
    """Text on one line (each run of white space one space, nothing else changed), cut
    at ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def find_problems(register: Register, peildatum: date) -> list[Problem]:
    """Problems of the register as it is at ``peildatum`` (see Pilot.as_of)."""
    problems: list[Problem] = []
    latest = register.latest_peildatum(peildatum)
    if register.extra.get("conflicts"):  # left by a merge (pilot_tui.merge)
        from pilot_tui.merge import conflict_problems

        problems += conflict_problems(register)

    def add(p: Pilot, message: str, *, notice: bool = False) -> None:
        problem = {"id": p.id, "name": _cut(p.name, 200), "problem": message}
        if notice:
            problem["notice"] = "true"
        problems.append(problem)

    seen: dict[str, Pilot] = {}
    peildata = set(register.peildata)
    for stored in register.pilots:
        for past in stored.past:
            if past.until not in peildata:
                add(
                    stored,
                    f"wijziging per {format_date(past.until)}, maar dat is geen peildatum van "
                    "het register (met de hand bewerkt?)",
                )
        p = stored.as_of(peildatum)
        if p is None:
            continue
        key = normalise(p.name)
        if not key:
            add(p, "naam ontbreekt")
        elif key in seen:
            other = seen[key]
            same = " ".join(other.name.split()) == " ".join(p.name.split())
            how = "dubbele naam" if same else "naam gelijk op hoofdletters of spaties na"
            add(p, f"{how} (ook {other.id})")
        else:
            seen[key] = p
        for field in ("achtergrond", "doel", "looptijd"):
            if not getattr(p, field).strip():
                add(p, f"{fields.BY_NAME[field].word} ontbreekt")
        if not p.history:
            add(p, "geen stand van zaken")
        unprintable = fields_with_controls(p)
        if unprintable:
            add(
                p,
                "stuurtekens of tekens die een document niet kan bevatten (bv. U+FFFF) in "
                f"{', '.join(unprintable)}; ze worden in de stand van zaken weggelaten",
            )
        for entry in p.history:
            if not entry.stand_van_zaken.strip():
                add(p, f"lege stand van zaken voor peildatum {format_date(entry.peildatum)}")
        dates = [e.peildatum for e in p.history]
        for d in sorted({d for d in dates if dates.count(d) > 1}):
            add(p, f"twee standen van zaken voor peildatum {format_date(d)}")
        for number, note in detached_footnotes(p, peildatum):
            add(
                p,
                f"voetnoot {number} hoort bij „{_cut(note.anchor)}”, maar die woorden "
                f"staan niet meer in {note.section}",
            )
        if p.looptijd.strip():
            period = parse_looptijd(p.looptijd)
            if not period.ok:
                add(p, f"looptijd onleesbaar: {_cut(period.error or '', 200)}")
            elif period.start and period.end and period.end.latest < period.start.earliest:
                add(p, "einde ligt voor het begin")
            status = p.status_at(peildatum)
            if status == Status.LOPEND and period.end is not None and period.end.latest < peildatum:
                add(p, f"einde ({format_interval(period.end)}) is voorbij maar status is lopend")
        if latest is not None and p.status not in CLOSED_STATUSES:
            a = assess(p, peildatum, peildatum, latest)
            if a.niet_bijgewerkt:
                add(
                    p,
                    f"niet bijgewerkt voor peildatum {format_date(latest)}",
                    notice=True,
                )
    return problems
