"""What a change may be: the fields `pilot-tui set` takes, the peildatum a change is for,
the values typed for them, a pilot's name; refused in one Dutch line (:class:`ChangeError`)."""

from __future__ import annotations

import functools
from datetime import date

from pilot_tui import fields
from pilot_tui.fields import Kind
from pilot_tui.model import Register, Status
from pilot_tui.periods import format_date
from pilot_tui.text import normalise

# Fields as they appear in `show --json`, with a Dutch description for help texts: the
# editable fields typed as one VELD=WAARDE (footnotes are edited in the app), then the
# parts of a stand van zaken.
PILOT_FIELDS: dict[str, str] = {
    f.name: f.help for f in fields.PILOT_FIELDS if f.editable and f.kind is not Kind.FOOTNOTES
}
ENTRY_FIELDS: dict[str, str] = {f.name: f.help for f in fields.ENTRY_FIELDS if f.editable}
LIST_FIELDS = fields.LISTS
ALL_FIELDS = {**PILOT_FIELDS, **ENTRY_FIELDS}


class ChangeError(ValueError):
    """Refused input; the message is one Dutch line."""


class RoundError(ChangeError):
    """A change for a date that is no peildatum of the register (start a round first)."""


class CorrectionError(ChangeError):
    """A change for an earlier peildatum than the latest, not asked for as a correction."""


def check_peildatum(register: Register, when: date, *, correction: bool = False) -> None:
    """Refuse a change for ``when`` unless it is the register's latest peildatum, or an
    earlier one and the change is explicitly a correction of what that round showed."""
    if when not in register.peildata:
        latest = register.latest_peildatum()
        if latest is not None and when < latest:
            raise RoundError(
                f"{format_date(when)} is geen peildatum van het register "
                f"(peildata: {', '.join(format_date(p) for p in register.peildata)})"
            )
        raise RoundError(
            f"{format_date(when)} is geen peildatum van het register; begin eerst een nieuwe "
            f"ronde: pilot-tui start-round {format_date(when)}"
        )
    if not correction and when < max(register.peildata):
        raise CorrectionError(
            f"{format_date(when)} is een eerdere peildatum (de laatste is "
            f"{format_date(max(register.peildata))}); een wijziging verandert wat die ronde "
            "liet zien (latere rondes blijven zoals ze waren): geef --correct om dat bewust "
            "te doen"
        )


def parse_assignment(text: str) -> tuple[str, str]:
    field, sep, value = text.partition("=")
    field = field.strip()
    if not sep or not field:
        raise ChangeError(f"verwacht VELD=WAARDE, kreeg {text!r}")
    if field not in ALL_FIELDS:
        raise ChangeError(f"onbekend veld {field!r}; kies uit: {', '.join(sorted(ALL_FIELDS))}")
    return field, value


def parse_status(value: str) -> Status:
    try:
        return Status(value.strip().lower())
    except ValueError:
        raise ChangeError(
            f"ongeldige status {value!r}; kies uit: {', '.join(s.value for s in Status)}"
        ) from None


def parse_zaken(value: str) -> int | None:
    """The number of cases as a Dutch user writes it ("1.240"), see numbers.read_count."""
    from pilot_tui.numbers import NumberError, read_count

    try:
        return read_count(value)
    except NumberError as exc:
        raise ChangeError(str(exc)) from None


@functools.lru_cache(maxsize=1 << 16)
def _name_key(name: str) -> str:
    """normalise(name), remembered: name_problem compares a name with every pilot's, at
    10,000 pilots on each key typed in the form's name field."""
    return normalise(name)


def name_problem(
    register: Register, name: str, pilot_id: str | None, when: date | None = None
) -> str | None:
    """Why ``name`` cannot be used for the pilot ``pilot_id`` (None: it can): another
    pilot that exists (at ``when``, or now) has that name."""
    if not name.strip():
        return "de naam mag niet leeg zijn"
    wanted = normalise(name)
    for other in register.pilots:
        if other.id == pilot_id:
            continue
        if when is None or not other.past:
            if other.removed:
                continue
            other_name = other.name
        else:
            if not other.exists_at(when):
                continue
            other_name = other.value_at("name", when)
        if _name_key(other_name) == wanted:
            return f"er is al een pilot met de naam „{' '.join(other_name.split())}”"
    return None


def split_list(value: str) -> list[str]:
    return [part.strip() for part in value.replace("\n", ";").split(";") if part.strip()]
