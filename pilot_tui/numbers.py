"""Whole numbers as a Dutch user writes them ("1.240", "1 240", "1240"): pure, no I/O.

The one place that reads a count typed by a person (the number of cases handled), for
the command line and the app alike. Anything else is refused with one Dutch line that
says what to write instead; nothing here raises anything but :class:`NumberError`.
"""

from __future__ import annotations

import re

# The largest count taken: far more cases than a pilot handles, and a number every JSON
# reader keeps exactly (a 30-digit number would not fit a 64-bit integer).
MAX_COUNT = 999_999_999

# Digits in groups of three after the first, separated by a dot or a space (also the
# non-breaking spaces a word processor puts there), or digits without separators. Only
# the ASCII digits: "²", "١٢" or "１２" are no number a Dutch user types.
_GROUPED = re.compile(r"[0-9]{1,3}(?:([. \u00a0\u202f])[0-9]{3})?(?:\1[0-9]{3})*")
_PLAIN = re.compile(r"[0-9]+")
_SHOWN = 20  # characters of the text quoted in a message


class NumberError(ValueError):
    """The text is not a count; the message is one Dutch line."""


def _quoted(text: str) -> str:
    """``text`` as a short, printable, one-line quote for a message."""
    shown = "".join(c if c.isprintable() else "·" for c in text)
    if len(shown) > _SHOWN:
        shown = shown[: _SHOWN - 1] + "…"
    return f"„{shown}”"


def read_count(text: str, what: str = "aantal zaken") -> int | None:
    """The whole number in ``text``, or None when it is empty.

    "1240", "1.240", "1 240" (thousands separated by a dot or a space, in groups of
    three) all give 1240. Refused, with a message naming ``what``: a negative number, a
    fraction ("1,5"), other characters ("12a", "²"), more than :data:`MAX_COUNT`."""
    value = text.strip()
    if not value:
        return None
    digits = value
    if not _PLAIN.fullmatch(value):
        if _GROUPED.fullmatch(value) is None:
            raise NumberError(_problem(value, what))
        digits = re.sub(r"[^0-9]", "", value)
    # Counted before converting: int() of thousands of digits is slow, or refused.
    digits = digits.lstrip("0") or "0"
    if len(digits) > len(str(MAX_COUNT)) or int(digits) > MAX_COUNT:
        raise NumberError(f"{what} is te groot: hoogstens {MAX_COUNT:,}".replace(",", "."))
    return int(digits)


def _problem(value: str, what: str) -> str:
    """Why ``value`` is no count, in words that say what to write instead."""
    example = "schrijf het als 1240, 1.240 of 1 240"
    if value[0] in "-−" and _PLAIN.fullmatch(re.sub(r"[. ]", "", value[1:])):
        return f"{what} kan niet negatief zijn"
    if re.fullmatch(r"[0-9. ]*,[0-9]+", value):
        return f"{what} is een geheel getal, zonder komma: {example}"
    return f"{what}: {_quoted(value)} is geen geheel getal; {example}"
