"""The records of a register: checked one by one, built into a :class:`Register`, and
written back as documents.

:func:`parse` checks every record of a parsed document (the meta document, each pilot,
each audit line) and builds the Register in one pass; a refusal is one Dutch line naming
the record (``pilot 12 ('pilot-00012')``). Fields this version does not know are kept
(the model keeps them in ``extra``) and written back. A file of an older schema reads as
it is: the records of schema 1 are valid records of schema 2 (what is new is written only
when set); the store writes the new version on the first change, after a backup.

:func:`meta_doc` and :func:`data_from_register` are the way back: a Register as the
TinyDB document :func:`~pilot_tui.store.document.dumps` writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pilot_tui.files import clipped
from pilot_tui.model import SCHEMA_VERSION, AuditEntry, Pilot, Register, Status
from pilot_tui.periods import MAX_YEAR, MIN_YEAR
from pilot_tui.store.document import AUDIT, META, PILOTS, parse_register_bytes, short
from pilot_tui.store.errors import StoreError
from pilot_tui.store.stamp import read_bytes

_STATUS_RE = re.compile(r"^(.*) is not a valid Status$", re.S)
_ISOFORMAT_RE = re.compile(r"^Invalid isoformat string: (.*)$", re.S)


def _dutch(exc: BaseException) -> str:
    """Model errors are Dutch already; translate the few that come from the stdlib."""
    text = str(exc)
    m = _STATUS_RE.match(text)
    if m:
        return f"ongeldige status {m[1]} (kies uit: {', '.join(s.value for s in Status)})"
    m = _ISOFORMAT_RE.match(text)
    if m:
        return f"ongeldige datum of tijd {m[1]}"
    if isinstance(exc, RecursionError):
        return "te diep genest"
    return text or type(exc).__name__


@dataclass
class Parsed:
    """A register read from its document, with what the store needs to save it again."""

    register: Register
    doc_ids: dict[str, int]  # pilot id -> document id in the pilots table
    meta_key: str
    audit_ids: int  # the highest audit document id in use
    schema: int = SCHEMA_VERSION  # the schema version of the file as read


def _doc_key(key: Any) -> int:
    if not isinstance(key, str) or not key.isascii() or not key.isdigit() or len(key) > 18:
        raise ValueError(f"ongeldige document-id {short(key)}")
    value = int(key)
    if str(value) != key or value < 1:
        raise ValueError(f"ongeldige document-id {short(key)}")
    return value


def _where(table: str, key: int, doc: Any) -> str:
    """Where a record is, for a message: ``pilot 12 ('pilot-00012')``."""
    if table == PILOTS:
        where = f"pilot {key}"
        if isinstance(doc, dict) and isinstance(doc.get("id"), str):
            where += f" ({short(doc['id'])})"
        return where
    return f"logregel {key}"


def parse(path: Path, data: dict[str, Any]) -> Parsed:
    """Check every record and build the Register (one pass; the message of a refusal
    names the record, but is only put together when there is one)."""
    meta_key, meta = next(iter(data[META].items()))
    table, key, doc = META, 0, None
    try:
        peildata_raw = meta.get("peildata", [])
        if not isinstance(peildata_raw, list):
            raise ValueError("'peildata' moet een lijst zijn")
        peildata: set[date] = set()
        for p in peildata_raw:
            if not isinstance(p, str):
                raise ValueError(f"peildatum {short(p)} is geen datum (JJJJ-MM-DD)")
            try:
                peildatum = date.fromisoformat(p)
            except ValueError:
                raise ValueError(f"ongeldige peildatum {short(p)}") from None
            peildata.add(_in_range(peildatum, "peildatum"))
        register = Register(
            title=_meta_str(meta, "title"),
            intro=_meta_str(meta, "intro"),
            peildata=sorted(peildata),
            annex=_meta_str(meta, "annex"),
            extra={k: v for k, v in meta.items() if k not in _META_KEYS},
        )
        schema = meta["schema_version"]
        doc_ids: dict[str, int] = {}
        table = PILOTS
        pilots = sorted((_doc_key(k), v) for k, v in data.get(PILOTS, {}).items())
        append = register.pilots.append
        from_dict = Pilot.from_dict
        for key, doc in pilots:
            pilot = from_dict(doc)
            _check_dates(pilot)
            if pilot.id in doc_ids:
                raise ValueError(f"pilot-id {pilot.id!r} komt twee keer voor")
            doc_ids[pilot.id] = key
            append(pilot)
        audit_ids = 0
        table, key, doc = AUDIT, 0, None
        entries = sorted((_doc_key(k), v) for k, v in data.get(AUDIT, {}).items())
        for key, doc in entries:
            if not isinstance(doc, dict):
                raise ValueError("een logregel moet een object zijn")
            register.audit.append(_local_time(AuditEntry.from_dict(doc)))
            audit_ids = key
    except (ValueError, TypeError, AttributeError, KeyError, RecursionError) as exc:
        # key 0: the document ids of the table were being read
        where = "meta" if table == META else _where(table, key, doc) if key else f"tabel '{table}'"
        raise StoreError(f"{path}: beschadigd register: {where}: {clipped(_dutch(exc))}") from None
    return Parsed(register, doc_ids, meta_key, audit_ids, schema)


# The days the command line and the app accept (pilot_tui.periods): a date outside them in
# the file loaded, then crashed a later step (a window past year 9999).
_FIRST_DAY = date(MIN_YEAR, 1, 1)
_LAST_DAY = date(MAX_YEAR, 12, 31)


def _in_range(day: date, what: str) -> date:
    if not _FIRST_DAY <= day <= _LAST_DAY:
        raise ValueError(f"{what} {day.isoformat()} ligt buiten {MIN_YEAR}–{MAX_YEAR}")
    return day


def _check_dates(pilot: Pilot) -> None:
    for entry in pilot.history:
        if not _FIRST_DAY <= entry.peildatum <= _LAST_DAY:
            _in_range(entry.peildatum, "peildatum van een stand van zaken")


def _local_time(entry: AuditEntry) -> AuditEntry:
    """Audit times are naive local times (as the app writes them); one written with an
    offset (by a script, another tool) is turned into one, so that all compare."""
    when = entry.when
    _in_range(when.date(), "tijd")
    if when.tzinfo is not None:
        entry.when = when.astimezone().replace(tzinfo=None)
    return entry


def register_from_data(path: Path, data: dict[str, Any]) -> tuple[Register, dict[str, int]]:
    """Build the Register from raw TinyDB data; also return pilot id -> TinyDB doc id."""
    parsed = parse(path, data)
    return parsed.register, parsed.doc_ids


def _meta_str(meta: dict[str, Any], key: str) -> str:
    value = meta.get(key, "")
    if not isinstance(value, str):
        raise ValueError(f"'{key}' moet tekst zijn")
    return value


_META_KEYS = frozenset({"schema_version", "annex", "title", "intro", "peildata"})


def meta_doc(register: Register) -> dict[str, Any]:
    return {
        **register.extra,
        "schema_version": SCHEMA_VERSION,
        "annex": register.annex,
        "title": register.title,
        "intro": register.intro,
        "peildata": [p.isoformat() for p in register.peildata],
    }


def data_from_register(register: Register) -> dict[str, Any]:
    return {
        META: {"1": meta_doc(register)},
        PILOTS: {str(i): p.to_dict() for i, p in enumerate(register.pilots, start=1)},
        AUDIT: {str(i): a.to_dict() for i, a in enumerate(register.audit, start=1)},
    }


def read_register_file(path: Path) -> dict[str, Any]:
    """Read and check the register file, every record included; return the raw TinyDB
    data. Raises StoreError with one Dutch line."""
    path = Path(path)
    raw, _stamp = read_bytes(path)
    data = parse_register_bytes(path, raw)
    parse(path, data)
    return data
