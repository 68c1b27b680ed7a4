"""Merging an imported overview into a register: pilots matched by name and former
names, the document's stand van zaken as their entry for the peildatum, and with
``update`` the fields the document may change (:data:`pilot_tui.fields.IMPORTABLE`), each
change audited."""

from __future__ import annotations

from datetime import date, datetime

from pilot_tui.changes import set_fields
from pilot_tui.fields import BY_NAME, IMPORTABLE
from pilot_tui.importing.build import _Ids
from pilot_tui.importing.document import MergeError, MergeReport
from pilot_tui.model import AuditEntry, HistoryEntry, Past, Pilot, Register
from pilot_tui.periods import format_date
from pilot_tui.text import normalise

# The fields `import --update` takes from the document: those the table of fields marks
# importable (whether a pilot is retired is never the document's to say), but the names,
# which are matched and kept on their own (_document_values).
_UPDATABLE = tuple(name for name in IMPORTABLE if name not in ("name", "former_names"))


class _Index:
    """The register's pilots by normalised name as at the peildatum, and by every other
    name they had (earlier or later names, former names)."""

    def __init__(self, register: Register, peildatum: date) -> None:
        self.by_name: dict[str, list[Pilot]] = {}
        self.by_former: dict[str, list[Pilot]] = {}
        for pilot in register.pilots:
            if not pilot.past:
                name, others = pilot.name, list(pilot.former_names)
            else:
                name = pilot.value_at("name", peildatum)
                others = [n for _start, n in pilot.timeline("name") if n != name]
                for _start, names in pilot.timeline("former_names"):
                    others += names
            self.by_name.setdefault(normalise(name), []).append(pilot)
            for former in dict.fromkeys(others):
                self.by_former.setdefault(normalise(former), []).append(pilot)

    def match(self, pilot: Pilot, taken: set[str]) -> Pilot | None:
        """The first untaken pilot known by the name, else by a former name, of ``pilot``."""
        keys = [normalise(pilot.name), *(normalise(n) for n in pilot.former_names)]
        for key in keys:
            for table in (self.by_name, self.by_former):
                for candidate in table.get(key, ()):
                    if candidate.id not in taken:
                        return candidate
        return None


def merge(register: Register, incoming: Register, peildatum: date, update: bool) -> MergeReport:
    """Merge an imported overview into ``register`` (in place) for ``peildatum``.

    Pilots are matched by normalised name and former names. New pilots are added with a
    fresh id. Each matched pilot gets the document's stand van zaken as its entry for the
    peildatum (an existing entry for that date is replaced only when the text differs; a
    text equal to the previous entry is recorded as carried forward). Other fields change
    only with ``update``, from the peildatum on (what earlier peildata showed stays). A
    pilot new to a register with earlier peildata exists from the peildatum on. Every
    change is added to the register's audit log.
    """
    latest = register.latest_peildatum()
    if latest is not None and peildatum < latest:
        raise MergeError(
            f"het document is van peildatum {format_date(peildatum)}, voor de laatste ronde "
            f"({format_date(latest)}): inlezen zou veranderen wat die rondes lieten zien; lees "
            "het in voor een nieuwe ronde met --peildatum"
        )
    report = MergeReport()
    now = datetime.now()
    at = peildatum.isoformat()
    audit = register.audit
    existing_ids = {p.id for p in register.pilots}
    earlier = any(p < peildatum for p in register.peildata)
    index = _Index(register, peildatum)
    ids = _Ids(register)
    matched: set[str] = set()
    for inc in incoming.pilots:
        entry = inc.entry_for(peildatum) or (inc.history[-1] if inc.history else None)
        text = entry.stand_van_zaken if entry is not None else ""
        status = entry.status if entry is not None and entry.status else inc.status
        zaken = entry.zaken if entry is not None else None
        target = index.match(inc, matched)
        if target is None:
            new = Pilot.from_dict(inc.to_dict())
            new.id = ids.new(inc.name)
            new.history = []
            new.set_entry(HistoryEntry(peildatum, text, status, zaken=zaken))
            if earlier:
                new.past = [Past(peildatum, {"removed": True})]
            register.pilots.append(new)
            audit.append(AuditEntry(now, new.id, f"pilot@{at}", None, new.name))
            matched.add(new.id)
            report.nieuw.append(new.name)
            continue
        matched.add(target.id)
        changed = False
        if not target.exists_at(peildatum):
            # retired by the analyst: the document does not bring it back unasked
            report.verwijderd.append(target.value_at("name", peildatum))
            continue
        current = target.entry_for(peildatum)
        written: HistoryEntry | None = None
        if current is None:
            previous = target.previous_entry(peildatum)
            same = previous is not None and previous.stand_van_zaken == text
            if zaken is not None and previous is not None and previous.zaken != zaken:
                same = False  # a new number of cases is news, also with the same text
            written = HistoryEntry(peildatum, text, status, zaken=zaken, unchanged=same)
            changed = not same or (previous is not None and previous.status != status)
        elif (
            current.stand_van_zaken != text
            or (update and current.status != status)
            or (zaken is not None and current.zaken != zaken)
        ):
            kept = current.zaken if zaken is None else zaken
            written = HistoryEntry(peildatum, text, status, zaken=kept)
            changed = True
        if written is not None:
            target.set_entry(written)
            old = current.to_dict() if current is not None else None
            audit.append(
                AuditEntry(now, target.id, f"stand_van_zaken@{at}", old, written.to_dict())
            )
        if update:
            values = _document_values(target, inc, peildatum)
            if values:
                audit.extend(set_fields(target, values, peildatum, now=now))
                changed = True
            latest_entry = target.history[-1] if target.history else None
            if latest_entry is not None and latest_entry.status is None and target.status != status:
                target.status = status
                changed = True
        (report.bijgewerkt if changed else report.ongewijzigd).append(target.name)
    for pilot in register.pilots:
        if pilot.id in existing_ids and pilot.id not in matched and pilot.exists_at(peildatum):
            report.niet_in_document.append(pilot.name)
    register.add_peildatum(peildatum)
    if update or not register.intro:
        register.intro = incoming.intro or register.intro
    if update or not register.annex:
        register.annex = incoming.annex or register.annex
    return report


def _document_values(target: Pilot, inc: Pilot, peildatum: date) -> dict[str, object]:
    """The fields in which the document differs from ``target`` as at the peildatum."""
    values: dict[str, object] = {}
    name = target.value_at("name", peildatum)
    former = list(target.value_at("former_names", peildatum))
    if inc.name != name:
        if name not in former:
            former.append(name)
        values["name"] = inc.name
        name = inc.name
    for other in inc.former_names:
        if other not in former and other != name:
            former.append(other)
    if former != target.value_at("former_names", peildatum):
        values["former_names"] = former
    for attr in _UPDATABLE:
        new = getattr(inc, attr)
        if not new and BY_NAME[attr].keep_when_blank:
            continue  # an inferred blank never wipes what the analyst filled in
        value = list(new) if isinstance(new, list) else new
        if value != target.value_at(attr, peildatum):
            values[attr] = value
    return values
