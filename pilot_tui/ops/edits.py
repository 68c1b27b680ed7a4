"""What an edit says afterwards, and changing a pilot's footnotes.

The edit itself is :class:`pilot_tui.changes.EditSession` (validated, saved, audited);
both front ends call it directly. What they say after a change comes from here: the
footnotes it cut loose from their words, and a looptijd that was saved but cannot be
read.
"""

from __future__ import annotations

from datetime import date

from pilot_tui.model import Footnote, Pilot
from pilot_tui.ops import OpError
from pilot_tui.periods import parse_looptijd

DEFAULT_SECTION = "stand_van_zaken"  # where a footnote's reference is, unless told


def detached(pilot: Pilot | None, peildatum: date) -> list[tuple[int, Footnote]]:
    """The footnotes of ``pilot`` at ``peildatum`` whose words are gone (number, note)."""
    from pilot_tui.checks import detached_footnotes

    view = pilot.as_of(peildatum) if pilot is not None else None
    return detached_footnotes(view, peildatum) if view is not None else []


def newly_detached(
    pilot: Pilot | None, peildatum: date, before: list[tuple[int, Footnote]]
) -> list[tuple[int, Footnote]]:
    """The footnotes a change cut loose: detached now, not before it (``before`` is
    :func:`detached` taken before the change)."""
    was = {(note.text, note.anchor) for _n, note in before}
    return [
        (n, note) for n, note in detached(pilot, peildatum) if (note.text, note.anchor) not in was
    ]


def looptijd_problem(pilot: Pilot, peildatum: date) -> str | None:
    """Why the looptijd at ``peildatum`` cannot be read (None: it can, or it is empty)."""
    looptijd = pilot.value_at("looptijd", peildatum)
    period = parse_looptijd(looptijd)
    if looptijd.strip() and not period.ok:
        return period.error
    return None


def changed_footnotes(
    notes: list[Footnote],
    action: str,
    number: int | None = None,
    *,
    text: str | None = None,
    section: str | None = None,
    anchor: str | None = None,
) -> list[Footnote]:
    """A pilot's footnotes after ``action`` ("add", "change" or "remove"); ``number``
    counts from 1 (change, remove). The notes given are not changed. Raises OpError."""
    notes = [Footnote(n.text, n.section, n.anchor, dict(n.extra)) for n in notes]
    if action == "add":
        if number is not None:
            raise OpError("footnote add neemt geen nummer; de voetnoot komt achteraan")
        if not (text or "").strip():
            raise OpError("geef de tekst van de voetnoot met --text")
        assert text is not None
        notes.append(Footnote(text.strip(), section or DEFAULT_SECTION, anchor or ""))
        return notes
    if number is None or not 1 <= number <= len(notes):
        raise OpError(
            f"geef het nummer van een voetnoot (1 tot en met {len(notes)})"
            if notes
            else "deze pilot heeft geen voetnoten"
        )
    i = number - 1
    if action == "remove":
        del notes[i]
        return notes
    if text is not None:
        if not text.strip():
            raise OpError("de tekst van een voetnoot mag niet leeg zijn")
        notes[i].text = text.strip()
    if section is not None:
        notes[i].section = section
    if anchor is not None:
        notes[i].anchor = anchor
    return notes
