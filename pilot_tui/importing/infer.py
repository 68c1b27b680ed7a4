"""What the document does not say outright, inferred from its texts: the peildatum and
title from the title line, a pilot's status from its looptijd and stand van zaken, its
programma and gemeente. The Dutch month, quarter and season words are those of
:mod:`pilot_tui.periods`."""

from __future__ import annotations

import re
from datetime import date

from pilot_tui.model import Status
from pilot_tui.periods import season_span, year_part_span
from pilot_tui.periods.words import MONTH_WORDS, PART_WORDS, QUARTER_WORDS, SEASONS, WINTER

SUBSIDIEREGELING = "Subsidieregeling € 10 miljoen (Raad voor Rechtsbijstand)"
DIVOSA = "Divosa"

# -- dates -----------------------------------------------------------------------------

# The Dutch words are those of the looptijd reader (pilot_tui.periods.words), and so are
# the months a part of a year or a season covers: one table, one reading.
_MONTH_ALT = "|".join(sorted(MONTH_WORDS, key=len, reverse=True))
_DAY_RE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_ALT})\.?\s+(\d{{4}})\b", re.I)


def _parse_dutch_date(text: str) -> date | None:
    m = _DAY_RE.search(text)
    if m is not None:
        try:
            return date(int(m.group(3)), MONTH_WORDS[m.group(2).lower()], int(m.group(1)))
        except (KeyError, ValueError):  # KeyError: a letter re.I matches that lower() keeps ("ſ")
            return None
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if m is not None:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return None


_YEAR_WORDS = sorted([*SEASONS, *PART_WORDS], key=len, reverse=True)  # "zomer", "medio", …
_QUARTER_ALT = "|".join(sorted(QUARTER_WORDS, key=len, reverse=True))
_START_RE = re.compile(
    rf"(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{_MONTH_ALT})\.?\s+(?P<y1>\d{{4}})"
    rf"|(?P<q>{_QUARTER_ALT})\s+kwartaal\s+(?P<y2>\d{{4}})"
    r"|q(?P<qn>[1-4])\s+(?P<y3>\d{4})"
    rf"|(?P<season>{'|'.join(_YEAR_WORDS)})\s+(?P<y4>\d{{4}})"
    r"(?:\s?[/\-–—]\s?(?P<y4b>\d{4}|\d{2})(?!\d))?"
    r"|(?P<y5>(?:19|20)\d\d)",
    re.I,
)


def _earliest_start(looptijd: str) -> date | None:
    """The earliest day the first period of a looptijd can start (a rough local reading)."""
    m = _START_RE.search(looptijd)
    if m is None:
        return None
    try:
        if m.group("y1"):
            month = MONTH_WORDS[m.group("month").lower()]
            return date(int(m.group("y1")), month, int(m.group("day") or 1))
        if m.group("y2"):
            return date(int(m.group("y2")), 3 * QUARTER_WORDS[m.group("q").lower()] - 2, 1)
        if m.group("y3"):
            return date(int(m.group("y3")), 3 * int(m.group("qn")) - 2, 1)
        if m.group("y4"):
            return _year_word_start(m.group("season").lower(), int(m.group("y4")), m.group("y4b"))
        return date(int(m.group("y5")), 1, 1)
    except (KeyError, ValueError):  # KeyError: a letter re.I matches that lower() keeps ("ſ")
        return None


def _year_word_start(word: str, year: int, second: str | None) -> date:
    """The first day of a season or a part of a year, as the looptijd reader reads it:
    "winter 2025" is the winter that ends in 2025, "winter 2024/2025" the same one."""
    part = PART_WORDS.get(word)
    if part is not None:
        return year_part_span(part, year)[0]
    if word == WINTER and second is not None:
        following = int(second) if len(second) == 4 else year // 100 * 100 + int(second)
        if following == year + 1:
            year = following
    return season_span(word, year)[0]


# -- inference -------------------------------------------------------------------------

_AFGEROND_RE = re.compile(r"\b(?:de|deze|het) (?:pilot|project) is (?:\S+ ){0,4}afgerond\b", re.I)
_SUBSIDIE_RE = re.compile(r"subsidieregeling van €\s?10 miljoen", re.I)
_DIVOSA_RE = re.compile(r"project dat wordt uitgevoerd door Divosa|^Divosa\b")
_GEMEENTE_IN_NAME_RE = re.compile(r"\bGemeente\s+(.+)$")

# Municipalities and provinces recognised in names and texts (the largest municipalities,
# the provinces, and the places of the seed overview).
_PLACE_NAMES = """
Amsterdam, Rotterdam, Den Haag, Utrecht, Eindhoven, Groningen, Tilburg, Almere, Breda,
Nijmegen, Apeldoorn, Haarlem, Arnhem, Enschede, Amersfoort, Zaanstad, Haarlemmermeer,
Den Bosch, 's-Hertogenbosch, Zwolle, Zoetermeer, Leiden, Maastricht, Dordrecht, Ede,
Alphen aan den Rijn, Westland, Alkmaar, Emmen, Delft, Venlo, Deventer, Sittard-Geleen,
Helmond, Oss, Amstelveen, Hilversum, Heerlen, Leeuwarden, Hengelo, Purmerend, Venray,
Heerenveen, Deurne, Schiedam, Lelystad, Roosendaal, Gouda, Vlaardingen, Almelo,
Spijkenisse, Capelle aan den IJssel, Veenendaal, Zeist, Nieuwegein, Lansingerland, Katwijk,
Assen, Hollands Kroon, Oude IJsselstreek, Wijk bij Duurstede,
Groningen, Friesland, Fryslân, Drenthe, Overijssel, Flevoland, Gelderland, Noord-Holland,
Zuid-Holland, Zeeland, Noord-Brabant, Limburg
"""
_PLACES = sorted({p.strip() for p in _PLACE_NAMES.split(",")}, key=len, reverse=True)
_PLACE_RE = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(p) for p in _PLACES) + r")(?![\w]|-[a-z])"
)


def _gemeente(name: str, text: str) -> str:
    m = _GEMEENTE_IN_NAME_RE.search(name)
    if m is not None:
        return m.group(1).strip(" )")
    found = _PLACE_RE.findall(name)
    if found:
        return str(found[0])
    places = set(_PLACE_RE.findall(text))
    return str(places.pop()) if len(places) == 1 else ""


def _status(looptijd: str, stand: str, peildatum: date) -> Status:
    low = looptijd.casefold()
    if "stopgezet" in low:
        return Status.STOPGEZET
    # Only where the word occurs (its letters match only their ASCII cases under re.I):
    # the pattern, ignoring case, tries every position of the text.
    if low.startswith("afgerond") or ("afgerond" in stand.lower() and _AFGEROND_RE.search(stand)):
        return Status.AFGEROND
    start = _earliest_start(looptijd)
    if start is not None and start > peildatum:
        return Status.GEPLAND
    return Status.LOPEND


def _local_or_shared_date(text: str) -> date | None:
    found = _parse_dutch_date(text)
    if found is not None:
        return found
    try:
        from pilot_tui.periods import parse_date

        return parse_date(text)
    except (NotImplementedError, ValueError, ImportError):
        return None


def _title_and_peildatum(title_line: str) -> tuple[str, date | None]:
    m = re.search(r"peildatum\s*:?\s*(.*)$", title_line, re.I)
    when = _local_or_shared_date(m.group(1)) if m else None
    title = re.sub(r"[\s–—-]*peildatum.*$", "", title_line, flags=re.I)
    title = re.sub(r"^bijlage\s*\w*\s*[–—:-]\s*", "", title, flags=re.I).strip()
    return title or "Stand van zaken pilots", when


def _annex_of(title_line: str) -> str:
    """The annex label a title starts with: "Bijlage 2 - Stand van zaken …" -> "Bijlage 2"."""
    m = re.match(r"\s*(bijlage\s*\w*)\s*[–—:-]", title_line, re.I)  # as stripped above
    if m is None:
        return ""
    label = " ".join(m.group(1).split())
    return label[:1].upper() + label[1:]
