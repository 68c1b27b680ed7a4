"""What changed since an earlier peildatum ("Wijzigingen sinds"), and when.

* :func:`changes_between`: the changes from the register as it was at one peildatum to as
  it is at a later one, each with its word diff: the model's :class:`Changes`.
* :class:`RevisionDates`: when each of those changes was made, for the dates of the Word
  revisions (``track_changes``).

The other fields that are reported (under "Overige wijzigingen") and their labels there
come from the one table of fields (:data:`pilot_tui.fields.DOC_LABELS`).
"""

from __future__ import annotations

import calendar
from datetime import date, datetime

from dateutil.relativedelta import relativedelta

from pilot_tui.attention import read_period
from pilot_tui.fields import DOC_LABELS
from pilot_tui.model import CLOSED_STATUSES, Pilot, Register
from pilot_tui.periods import format_date
from pilot_tui.snapshot.model import (
    Changes,
    FieldChange,
    LooptijdChange,
    PilotRef,
    RenameChange,
    StatusChange,
    TextChange,
    days_text,
)
from pilot_tui.text import for_document
from pilot_tui.worddiff import word_diff

# -- when a change was made -------------------------------------------------------------


# The audit log's names for what a document shows, by the field it comes from: a change
# made for peildatum P is logged as "<field>@P" (a pilot added or retired as "pilot@P").
_AUDIT_FIELD = {"removed": "pilot", "former_names": "name"}


class RevisionDates:
    """When each change between two peildata was made, for the date of a Word revision:
    the time of the change in the register's audit log when it is there, else the
    peildatum from which the new value holds (at midnight).

    ``of(pilot_id, field)``: ``field`` is a versioned pilot field (``name``, ``doel``,
    ``looptijd``, ``footnotes``, ``removed`` for a pilot added or retired, …) or
    ``stand_van_zaken``; ``document()`` is for what belongs to the peildatum itself (the
    title)."""

    def __init__(self, register: Register, since: date, peildatum: date) -> None:
        self.since = since
        self.peildatum = peildatum
        self._pilots = {p.id: p for p in register.pilots}
        self._audit = register.audit
        self._logged: dict[tuple[str, str], datetime] | None = None

    def _log(self) -> dict[tuple[str, str], datetime]:
        """(pilot id, audit field) -> the last time it was logged (made once, on demand)."""
        if self._logged is None:
            logged: dict[tuple[str, str], datetime] = {}
            for entry in self._audit:
                key = (entry.pilot_id, entry.field)
                if key not in logged or entry.when > logged[key]:
                    logged[key] = entry.when
            self._logged = logged
        return self._logged

    def _changed_at(self, pilot: Pilot | None, field: str) -> date:
        """The peildatum after ``since`` from which the value at the peildatum holds (the
        last change in between); the peildatum when none is found."""
        found: date | None = None
        if pilot is None:
            return self.peildatum
        if field == "stand_van_zaken":
            for entry in pilot.history:
                if self.since < entry.peildatum <= self.peildatum:
                    found = entry.peildatum
        else:
            # a name shows its former names too ("Nieuw (voorheen: Oud)")
            fields = ("name", "former_names") if field == "name" else (field,)
            for past in pilot.past:
                if self.since < past.until <= self.peildatum and any(
                    f in past.values for f in fields
                ):
                    found = past.until
        return found or self.peildatum

    def of(self, pilot_id: str, field: str) -> datetime:
        when = self._changed_at(self._pilots.get(pilot_id), field)
        logged = self._log().get((pilot_id, f"{_AUDIT_FIELD.get(field, field)}@{when.isoformat()}"))
        return logged or datetime(when.year, when.month, when.day)

    def document(self) -> datetime:
        """For the document as a whole: when the peildatum was started (the audit's
        "peildatum" entry), else the peildatum."""
        p = self.peildatum
        started = [
            e.when
            for e in self._audit
            if e.field == "peildatum" and not e.pilot_id and e.new == p.isoformat()
        ]
        return max(started) if started else datetime(p.year, p.month, p.day)


# -- the changes ------------------------------------------------------------------------


def _months(n: int) -> str:
    return f"{n} maand" if n == 1 else f"{n} maanden"


def _is_month_end(d: date) -> bool:
    return d.day == calendar.monthrange(d.year, d.month)[1]


def shift_text(old_end: date, new_end: date) -> str:
    """How far an end moved, in Dutch: "3 maanden later (92 dagen)", "12 dagen eerder"."""
    days = (new_end - old_end).days
    if days == 0:
        return "einde ongewijzigd"
    direction = "later" if days > 0 else "eerder"
    lo, hi = sorted((old_end, new_end))
    rd = relativedelta(hi, lo)
    months = rd.years * 12 + rd.months
    whole = rd.days == 0 or (_is_month_end(lo) and _is_month_end(hi))
    if _is_month_end(lo) and _is_month_end(hi):
        # 30 april -> 31 juli is three whole months
        months = (hi.year - lo.year) * 12 + hi.month - lo.month
    if months and whole:
        return f"{_months(months)} {direction} ({days_text(abs(days))})"
    if months:
        return f"ruim {_months(months)} {direction} ({days_text(abs(days))})"
    return f"{days_text(abs(days))} {direction}"


def _ref(p: Pilot) -> PilotRef:
    return PilotRef(p.id, for_document(p.name))


def _field_text(field: str, value: object) -> str:
    if field == "footnotes":
        assert isinstance(value, list)
        return "\n".join(
            f"[{i}] {for_document(n.text).strip()}" for i, n in enumerate(value, start=1)
        )
    if isinstance(value, list):
        return "; ".join(for_document(str(v)).strip() for v in value)
    return for_document(str(value)).strip()


def changes_between(register: Register, peildatum: date, since: date) -> Changes:
    """What changed from the register as it was at ``since`` to as it is at the
    peildatum: both views come from the per-peildatum values (see Pilot.as_of), so a
    retired pilot is reported as removed and a renamed one as renamed."""
    new: list[PilotRef] = []
    removed: list[PilotRef] = []
    renamed: list[RenameChange] = []
    closed: list[StatusChange] = []
    status: list[StatusChange] = []
    looptijd: list[LooptijdChange] = []
    texts: list[TextChange] = []
    fields: list[FieldChange] = []
    kept: list[PilotRef] = []
    for stored in register.pilots:
        before = stored.as_of(since)
        pilot = stored.as_of(peildatum)
        if pilot is None:
            if before is not None:
                removed.append(_ref(before))
            continue
        ref = _ref(pilot)
        then = before.entry_at(since) if before is not None else None
        now = pilot.entry_at(peildatum)
        if before is None or then is None:
            # new: added since, or a stand van zaken now but none then
            if before is None or now is not None:
                new.append(ref)
            continue
        if for_document(before.name).strip() != ref.name:
            renamed.append(RenameChange(ref, for_document(before.name).strip()))
        s0 = before.status_at(since)
        s1 = pilot.status_at(peildatum)
        if s0 != s1:
            if s0 not in CLOSED_STATUSES and s1 in CLOSED_STATUSES:
                closed.append(StatusChange(ref, s0, s1))
            else:
                status.append(StatusChange(ref, s0, s1))
        if now is not None and now is not then:
            old_text = for_document(then.stand_van_zaken).strip()
            new_text = for_document(now.stand_van_zaken).strip()
            if old_text != new_text:
                texts.append(
                    TextChange(
                        ref,
                        then.peildatum,
                        now.peildatum,
                        old_text,
                        new_text,
                        word_diff(old_text, new_text),
                    )
                )
            elif now.unchanged:
                kept.append(ref)
        if now is not None and now is not then and now.zaken != then.zaken:
            a = "" if then.zaken is None else str(then.zaken)
            b = "" if now.zaken is None else str(now.zaken)
            fields.append(
                FieldChange(ref, "zaken", "Aantal behandelde zaken", a, b, word_diff(a, b))
            )
        old = for_document(before.looptijd).strip()
        cur = for_document(pilot.looptijd).strip()
        if old != cur:
            p0 = read_period(old)
            p1 = read_period(cur)
            e0 = p0.end.latest if p0.end else None
            e1 = p1.end.latest if p1.end else None
            days = (e1 - e0).days if e0 and e1 else None
            text = shift_text(e0, e1) if e0 and e1 else ""
            looptijd.append(LooptijdChange(ref, old, cur, e0, e1, days, text))
        if not stored.past or stored.past[-1].until <= since:
            continue  # no field changed after ``since``
        for field, label in DOC_LABELS.items():
            a = _field_text(field, getattr(before, field))
            b = _field_text(field, getattr(pilot, field))
            if a != b:
                fields.append(FieldChange(ref, field, label, a, b, word_diff(a, b)))
    return Changes(
        since=since,
        title=f"Wijzigingen sinds peildatum {format_date(since)}",
        new=tuple(new),
        closed=tuple(closed),
        status=tuple(status),
        looptijd=tuple(looptijd),
        texts=tuple(texts),
        removed=tuple(removed),
        renamed=tuple(renamed),
        fields=tuple(fields),
        kept=tuple(kept),
    )
