"""What a looptijd is read as: :class:`Interval` (a fuzzy point in time), :class:`Phase`,
:class:`Period`; and :class:`Window`, how far ahead the attention classes look."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dateutil.relativedelta import relativedelta

from pilot_tui.model import Status
from pilot_tui.periods.formatting import format_date


@dataclass(frozen=True)
class Interval:
    """A fuzzy point in time: somewhere in [earliest, latest]."""

    earliest: date
    latest: date
    label: str = ""  # Dutch, as it reads: "medio 2022", "december 2021", "1 december 2021"

    @property
    def exact(self) -> bool:
        return self.earliest == self.latest


@dataclass(frozen=True)
class Phase:
    label: str  # "deel 1"
    start: Interval | None
    end: Interval | None
    open_end: bool = False


@dataclass(frozen=True)
class Period:
    text: str
    start: Interval | None = None
    end: Interval | None = None
    open_end: bool = False  # "vanaf A", or a last phase without end
    no_later_than: bool = False  # "uiterlijk B"
    phases: tuple[Phase, ...] = ()
    status_hint: Status | None = None  # "Afgerond." / "(stopgezet)"
    extended_to: Interval | None = None  # "verlengd tot B" (already applied to end)
    error: str | None = None  # Dutch: what could not be read; None when fully read
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return self.error is None

    def describe(self) -> str:
        """How the text is read, in Dutch: "1 mei 2020 – uiterlijk 31 mei 2022".

        Exact format:

        - an error: ``"niet te lezen: <error>"``;
        - a span with start and end: ``"<start.earliest> – <end.latest>"`` (en dash, days as
          ``format_date``); the end gets ``"uiterlijk "`` in front when it is fuzzy (not a
          single day) or ``no_later_than`` is set; a single day read as both start and end
          gives just that day;
        - an open end: ``"vanaf <start.earliest>"``;
        - only an end: ``"tot en met <end.latest>"``, or ``"uiterlijk <end.latest>"`` when
          fuzzy or ``no_later_than``;
        - phases: ``"<label>: <span>"`` per phase, joined with ``"; "``;
        - then ``" (verlengd)"`` when ``extended_to`` is set and ``" (<status>)"`` for a
          status hint; a status hint without dates gives just ``"<status>"`` ("afgerond").
        """
        if self.error is not None:
            return f"niet te lezen: {self.error}"
        if self.phases:
            body = "; ".join(
                f"{ph.label}: {_span(ph.start, ph.end, ph.open_end, False)}".rstrip(": ")
                for ph in self.phases
            )
        else:
            body = _span(self.start, self.end, self.open_end, self.no_later_than)
        if self.extended_to is not None:
            body = f"{body} (verlengd)" if body else "verlengd"
        if self.status_hint is not None:
            body = f"{body} ({self.status_hint.value})" if body else self.status_hint.value
        return body


def _span(start: Interval | None, end: Interval | None, open_end: bool, no_later: bool) -> str:
    if start is not None and end is not None and not open_end:
        if start == end and start.exact and not no_later:
            return format_date(start.earliest)
        until = "uiterlijk " if (no_later or not end.exact) else ""
        return f"{format_date(start.earliest)} – {until}{format_date(end.latest)}"
    if start is not None:
        return f"vanaf {format_date(start.earliest)}"
    if end is not None:
        word = "uiterlijk" if (no_later or not end.exact) else "tot en met"
        return f"{word} {format_date(end.latest)}"
    return ""


@dataclass(frozen=True)
class Window:
    delta: relativedelta
    label: str  # Dutch: "3 maanden", "90 dagen", "1 jaar"

    def end(self, peildatum: date) -> date:
        return peildatum + self.delta
