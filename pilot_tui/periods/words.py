"""The Dutch words a looptijd is written in: months, parts of a year, quarters, halves,
seasons, number words, status words and the units of a window.

The one place for these tables: the looptijd reader, the date formatting and the
importer's reading of an overview all take their words from here.
"""

from __future__ import annotations

from pilot_tui.model import Status

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip

# Spellings of months we accept (lower case, without the optional trailing dot).
MONTH_WORDS: dict[str, int] = {
    **{name: i for i, name in enumerate(MONTHS, start=1)},
    "jan": 1,
    "feb": 2,
    "febr": 2,
    "mrt": 3,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

ORDINALS = ("eerste", "tweede", "derde", "vierde")

# The spellings of each month, for dateutil's parserinfo (a tuple per month).
DATEUTIL_MONTHS: list[tuple[str, ...]] = [
    tuple(word for word, number in MONTH_WORDS.items() if number == month) for month in range(1, 13)
]

# "begin", "medio", "eind" … of a year or a month; the value is the word as it is read
# ("einde" is "eind").
PART_WORDS = {
    "begin": "begin",
    "medio": "medio",
    "half": "half",
    "halverwege": "halverwege",
    "midden": "midden",
    "eind": "eind",
    "einde": "eind",
    "ultimo": "ultimo",
}

# Quarters and halves of a year, by the word or number before "kwartaal", "helft".
QUARTER_WORDS = {
    "eerste": 1, "1e": 1, "1ste": 1,
    "tweede": 2, "2e": 2, "2de": 2,
    "derde": 3, "3e": 3, "3de": 3,
    "vierde": 4, "4e": 4, "4de": 4, "laatste": 4,
}  # fmt: skip
HALF_WORDS = {
    "eerste": 1, "1e": 1, "1ste": 1,
    "tweede": 2, "2e": 2, "2de": 2, "laatste": 2,
}  # fmt: skip

# A part of a year: its first month and how many months it spans ("medio 2024": june
# and july). "ultimo" is the year's last day (see calendar.year_part_span).
YEAR_PARTS: dict[str, tuple[int, int]] = {
    "begin": (1, 3),
    "medio": (6, 2),
    "half": (6, 2),
    "halverwege": (6, 2),
    "midden": (6, 2),
    "eind": (10, 3),
}
ULTIMO = "ultimo"

# Meteorological seasons: the month each begins in; each lasts three months. A winter is
# named by the year it ends in ("winter 2025" begins in december 2024), or by both years
# ("winter 2024/2025"): see calendar.season_span.
SEASONS: dict[str, int] = {
    "voorjaar": 3,
    "lente": 3,
    "zomer": 6,
    "najaar": 9,
    "herfst": 9,
    "winter": 12,
}
WINTER = "winter"

# Words in a looptijd that say a pilot has ended ("Afgerond.", "(stopgezet)").
STATUS_WORDS = {
    "afgerond": Status.AFGEROND,
    "afgesloten": Status.AFGEROND,
    "voltooid": Status.AFGEROND,
    "stopgezet": Status.STOPGEZET,
    "gestopt": Status.STOPGEZET,
    "gestaakt": Status.STOPGEZET,
}

# The number of a phase: "deel 2", "fase II", "tweede deel".
PHASE_NUMBERS = {
    "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5,
    "een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5,
    "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5,
    "1e": 1, "2e": 2, "3e": 3, "4e": 4, "5e": 5,
}  # fmt: skip

# Days a user may type relative to today.
RELATIVE_DAYS = {"vandaag": 0, "gisteren": -1, "morgen": 1, "eergisteren": -2, "overmorgen": 2}

# The units of a window ("90d", "3 maanden"):
# unit -> (relativedelta keyword, singular, plural, maximum)
WINDOW_UNITS: dict[str, tuple[str, str, str, int]] = {}
for _keys, _unit in (
    (("d", "dag", "dagen"), ("days", "dag", "dagen", 36_600)),
    (("w", "wk", "wkn", "week", "weken"), ("weeks", "week", "weken", 5_220)),
    (("m", "mnd", "mnd.", "maand", "maanden"), ("months", "maand", "maanden", 1_200)),
    (("y", "j", "jr", "jr.", "jaar", "jaren"), ("years", "jaar", "jaar", 100)),
):
    for _k in _keys:
        WINDOW_UNITS[_k] = _unit
