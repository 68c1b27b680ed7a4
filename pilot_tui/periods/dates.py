"""What a user types: a single day ("1 juni 2022", "01-06-2022", "vandaag") and a
window ("90d", "3m", "6 maanden"). Nothing here raises on text."""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from pilot_tui.periods.calendar import _normalize, _quote, _ReadError
from pilot_tui.periods.points import _read_point
from pilot_tui.periods.types import Window
from pilot_tui.periods.words import RELATIVE_DAYS, WINDOW_UNITS


def parse_date(text: str, today: date | None = None) -> date | None:
    """A single day: ISO, "01-06-2022", "1 juni 2022", "vandaag". None when unreadable."""
    try:
        s = _normalize(text).rstrip(".").strip()
        if s in RELATIVE_DAYS:
            return (today or date.today()) + timedelta(days=RELATIVE_DAYS[s])
        pt = _read_point(s, 0)
        if pt is None:
            return None
        spec, end = pt
        if end != len(s) or spec.kind != "day" or spec.year is None:
            return None
        return spec.resolve().earliest
    except Exception:  # noqa: BLE001 - the contract is: never raise on text
        return None


def date_problem(text: str) -> str:
    """Why :func:`parse_date` cannot read ``text``, in Dutch: the specific reason when
    the text is clearly meant as a date ("„31 juni 2022” is geen bestaande datum"), else
    "geen datum die ik kan lezen: „…”"."""
    unreadable = f"geen datum die ik kan lezen: {_quote(text)}"
    try:
        _read_point(_normalize(text).rstrip(".").strip(), 0)
    except _ReadError as exc:
        return str(exc)
    except Exception:  # noqa: BLE001 - never raise on text: anything else is unreadable
        return unreadable
    return unreadable


_WINDOW_RE = re.compile(r"(?P<n>\d{1,6}) ?(?P<u>[a-z.]+)?")


def parse_window(text: str) -> Window | None:
    """ "90d", "3m", "1y", "6 maanden", "3" (months). None when unreadable."""
    try:
        m = _WINDOW_RE.fullmatch(_normalize(text))
        if m is None:
            return None
        n = int(m["n"])
        unit = WINDOW_UNITS.get(m["u"] or "m")
        if unit is None or n <= 0:
            return None
        kw, one, many, maximum = unit
        if n > maximum:
            return None
        delta = {
            "days": relativedelta(days=n),
            "weeks": relativedelta(weeks=n),
            "months": relativedelta(months=n),
            "years": relativedelta(years=n),
        }[kw]
        return Window(delta, f"{n} {one if n == 1 else many}")
    except Exception:  # noqa: BLE001 - the contract is: never raise on text
        return None
