"""An overview document -> a new register: one pilot per pilot of the document, with its
entry at the peildatum; former names split off the name, status, programma and gemeente
inferred (:mod:`~pilot_tui.importing.infer`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from pilot_tui.importing.document import (
    NO_PILOTS,
    ImportResult,
    OverviewDocument,
    OverviewError,
    OverviewPilot,
)
from pilot_tui.importing.infer import (
    _DIVOSA_RE,
    _SUBSIDIE_RE,
    DIVOSA,
    SUBSIDIEREGELING,
    _annex_of,
    _gemeente,
    _status,
    _title_and_peildatum,
)
from pilot_tui.model import HistoryEntry, Pilot, Register, slugify
from pilot_tui.periods import MAX_YEAR, MIN_YEAR
from pilot_tui.snapshot.model import NO_ENTRY, ZAKEN
from pilot_tui.text import normalise, one_line

_FORMER_RE = re.compile(
    r"(.*?)\s*\(\s*(?:voorheen|eerder|vroeger|oude naam)\s*:?\s*(.+?)\s*\)\s*", re.I
)


def build_register(
    document: OverviewDocument,
    peildatum: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """A new register from what the document says, at ``peildatum`` (default: the one in
    its title): one history entry per pilot; status, programma and gemeente inferred from
    the texts. Raises :class:`OverviewError` as :func:`parse_overview` does."""
    warnings = list(document.warnings)
    if not document.pilots:
        raise OverviewError(NO_PILOTS)
    title, found_date = _title_and_peildatum(document.title)
    if peildatum is None:
        peildatum = found_date
    if peildatum is None:
        raise OverviewError("Geen peildatum in het document gevonden; geef de peildatum op.")
    if not MIN_YEAR <= peildatum.year <= MAX_YEAR:
        raise OverviewError(
            f"De peildatum van het document ({peildatum.isoformat()}) ligt buiten "
            f"{MIN_YEAR}–{MAX_YEAR}; geef de peildatum op."
        )
    register = Register(
        title=title,
        intro=document.intro,
        peildata=[peildatum],
        annex=_annex_of(document.title),
    )
    seen: set[str] = set()
    twice: dict[str, str] = {}  # normalised name -> the name, of pilots named again
    ids = _Ids(register)
    total = len(document.pilots)
    for i, raw in enumerate(document.pilots):
        pilot = _build_pilot(ids, raw, peildatum, warnings)
        key = normalise(pilot.name)
        if key in seen:
            twice.setdefault(key, pilot.name)
        seen.add(key)
        register.pilots.append(pilot)
        if progress is not None:
            progress(i + 1, total)
    if twice:
        raise OverviewError(_twice_message(list(twice.values())))
    return ImportResult(register=register, warnings=warnings)


SHOWN_NAMES = 3  # names a message quotes; the rest are counted


def _twice_message(names: list[str]) -> str:
    """One line: which pilots the document has more than once (an overview pasted twice
    would add every pilot twice, so nothing is imported)."""
    quoted = [f"„{one_line(name)}”" for name in names[:SHOWN_NAMES]]
    rest = len(names) - len(quoted)
    listed = ", ".join(quoted) + (f" en {rest} andere" if rest else "")
    word = "pilot staat" if len(names) == 1 else "pilots staan"
    return (
        f"{len(names)} {word} meer dan eens in het document ({listed}); niets ingelezen — "
        "staat het overzicht er twee keer in?"
    )


_ZAKEN_RE = re.compile("^" + re.escape(ZAKEN).replace(re.escape("{n}"), r"(\d{1,9})") + "$", re.M)


def _entry_text(text: str) -> tuple[str, int | None]:
    """A stand van zaken as a document shows it -> the text and the number of cases: a
    snapshot adds "Aantal behandelde zaken: N." as a last paragraph, and shows a pilot
    without a text as "(nog geen stand van zaken)"."""
    zaken = None
    paras = text.split("\n")
    if paras:
        m = _ZAKEN_RE.fullmatch(paras[-1].strip())
        if m is not None:
            zaken = int(m.group(1))
            paras.pop()
    text = "\n".join(paras)
    if text.strip() == NO_ENTRY:
        text = ""
    return text, zaken


def _build_pilot(
    ids: _Ids,
    raw: OverviewPilot,
    peildatum: date,
    warnings: list[str],
) -> Pilot:
    sec = dict(raw.texts)
    for key in ("achtergrond", "doel", "stand_van_zaken", "looptijd"):
        sec.setdefault(key, "")
    where = raw.where or "het document"
    name = raw.name
    former: list[str] = []
    m = _FORMER_RE.fullmatch(name)
    if m is not None and m.group(1):
        name = m.group(1)
        former = _former_names(m.group(2))
    if not name:
        name = f"Pilot zonder naam ({where})"
        warnings.append(f"{where[:1].upper()}{where[1:]}: pilot zonder naam.")
    svz, zaken = _entry_text(sec["stand_van_zaken"])
    for key, word in (("doel", "Doel"), ("stand_van_zaken", "Stand van zaken")):
        if not sec[key]:
            warnings.append(f"Pilot '{name}': geen {word}.")
    if not sec["looptijd"]:
        warnings.append(f"Pilot '{name}': geen looptijd.")
    body = " ".join(sec[k] for k in ("achtergrond", "doel", "stand_van_zaken"))
    status = _status(sec["looptijd"], svz, peildatum)
    programma = ""
    # The patterns only where their literal text occurs: a regular expression that
    # ignores case or starts with an alternation tries every position of the text.
    if _DIVOSA_RE.search(name) or ("Divosa" in body and _DIVOSA_RE.search(body)):
        programma = DIVOSA
    elif "€" in body and _SUBSIDIE_RE.search(body):
        programma = SUBSIDIEREGELING
    pilot = Pilot(
        id=ids.new(name),
        name=name,
        former_names=former,
        achtergrond=sec["achtergrond"],
        doel=sec["doel"],
        looptijd=sec["looptijd"],
        looptijd_label=raw.looptijd_label,
        status=status,
        programma=programma,
        gemeente=_gemeente(name, body),
        footnotes=list(raw.footnotes),
    )
    pilot.set_entry(HistoryEntry(peildatum, svz, status, zaken=zaken))
    return pilot


def _former_names(text: str) -> list[str]:
    """ "A; B" or, as a snapshot writes them, "A, B"."""
    sep = ";" if ";" in text else ","
    return [f.strip() for f in text.split(sep) if f.strip()]


class _Ids:
    """Fresh ids exactly as :meth:`Register.new_id` gives them, without rebuilding the set
    of taken ids for every pilot (an import of thousands of pilots stays linear)."""

    def __init__(self, register: Register) -> None:
        self.taken = {p.id for p in register.pilots}

    def new(self, name: str) -> str:
        base = slugify(name) or "pilot"
        candidate, n = base, 2
        while candidate in self.taken:
            candidate = f"{base}-{n}"
            n += 1
        self.taken.add(candidate)
        return candidate
