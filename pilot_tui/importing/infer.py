"""What the document does not say outright, inferred from its texts: the peildatum and
title from the title line, a pilot's status from its looptijd and stand van zaken, its
programma and gemeente. The Dutch month, quarter and season words are those of
:mod:`pilot_tui.periods`."""

from __future__ import annotations

import re
from datetime import date

from pilot_tui.model import Status

SUBSIDIEREGELING = "Subsidieregeling € 10 miljoen (Raad voor Rechtsbijstand)"
DIVOSA = "Divosa"

# -- dates -----------------------------------------------------------------------------

_MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "febr": 2,
    "maart": 3,
    "mrt": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augustus": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_RE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_ALT})\.?\s+(\d{{4}})\b", re.I)


def _parse_dutch_date(text: str) -> date | None:
    m = _DAY_RE.search(text)
    if m is not None:
        try:
            return date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
        except ValueError:
            return None
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if m is not None:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return None


_SEASON_START = {
    "voorjaar": 3,
    "lente": 3,
    "zomer": 6,
    "najaar": 9,
    "herfst": 9,
    "winter": 12,
    "begin": 1,
    "medio": 6,
    "half": 6,
    "eind": 10,
    "ultimo": 12,
}
_QUARTER = {"eerste": 1, "1e": 1, "tweede": 2, "2e": 2, "derde": 3, "3e": 3, "vierde": 4, "4e": 4}
_START_RE = re.compile(
    rf"(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{_MONTH_ALT})\.?\s+(?P<y1>\d{{4}})"
    rf"|(?P<q>eerste|tweede|derde|vierde|[1-4]e)\s+kwartaal\s+(?P<y2>\d{{4}})"
    r"|q(?P<qn>[1-4])\s+(?P<y3>\d{4})"
    rf"|(?P<season>{'|'.join(_SEASON_START)})\s+(?P<y4>\d{{4}})"
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
            month = _MONTHS[m.group("month").lower()]
            return date(int(m.group("y1")), month, int(m.group("day") or 1))
        if m.group("y2"):
            return date(int(m.group("y2")), 3 * _QUARTER[m.group("q").lower()] - 2, 1)
        if m.group("y3"):
            return date(int(m.group("y3")), 3 * int(m.group("qn")) - 2, 1)
        if m.group("y4"):
            return date(int(m.group("y4")), _SEASON_START[m.group("season").lower()], 1)
        return date(int(m.group("y5")), 1, 1)
    except ValueError:
        return None


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
    if low.startswith("afgerond") or _AFGEROND_RE.search(stand):
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
