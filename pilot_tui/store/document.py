"""The register's document format: the bytes of ``store.json`` and back.

A register is a TinyDB JSON document: an object of tables, each an object of documents
by document id (a decimal string). The tables are ``meta`` (one document: schema
version, annex label, title, intro, peildata), ``pilots`` (one document per pilot) and
``audit`` (one document per logged change). TinyDB itself opens it as it is
(``TinyDB(path)``), so a script can read and change a register.

It is written deterministically (sorted keys, two-space indentation, UTF-8 with
non-ASCII kept) so that a register diffs well in git: :func:`dumps` defines the bytes.

:func:`parse_register_bytes` reads them back strictly and refuses, with one Dutch line
naming the file, whatever is not a register of a known schema version: an empty or
binary file, another format, broken JSON (where it breaks), a number or text that could
not be saved again, missing tables, a schema newer than this program. The records
themselves are checked by :mod:`pilot_tui.store.records`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import orjson

from pilot_tui.files import clipped
from pilot_tui.model import SCHEMA_VERSION
from pilot_tui.store.errors import StoreError

META = "meta"
PILOTS = "pilots"
AUDIT = "audit"

_ORJSON_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS


def dumps(data: Any) -> str:
    """The one way a register is serialised: stable, readable, diffable.

    Sorted keys, two-space indentation, UTF-8 with non-ASCII kept. orjson does the
    encoding: the standard library's encoder falls back to pure Python as soon as it
    indents, which made every save of a large register cost a second or more. Saves
    assemble the same text from pieces kept per document (see :func:`canonical` and
    :meth:`RegisterStorage.payload`), byte for byte.
    """
    return _serialise(data) + "\n"


def canonical(value: Any, nl: str = "\n") -> str:
    """``value`` as :func:`dumps` writes it nested at the indentation ``nl`` (a newline
    and the spaces of the current level), without the file's final newline."""
    return _serialise(value, nl)


def _serialise(value: Any, nl: str = "\n") -> str:
    """``value`` as :func:`dumps` writes it nested at the indentation ``nl`` (a newline
    and the spaces of the current level), without the file's final newline:
    ``canonical(data) + "\n" == dumps(data)``. JSON strings hold no raw newline, so every
    newline in the text is indentation and can be shifted to the level."""
    try:
        text = orjson.dumps(value, option=_ORJSON_OPTIONS).decode("utf-8")
    except orjson.JSONEncodeError as exc:
        raise TypeError(f"niet als JSON te schrijven: {exc}") from None
    return text if nl == "\n" else text.replace("\n", nl)


DOCS_BATCH = 256  # documents per orjson call: few calls, a small text at a time
DOC_SEP = b',\n    "'  # between two documents: only they are indented by four spaces
_DOCS_HEAD = b'{\n  "": {\n    '  # a table in the file, up to its first document
_DOCS_TAIL = b"\n  }\n}"


def documents_text(docs: list[tuple[str, Any]]) -> bytes:
    """The text in the file of some documents of a table (``docs``: key and document, in
    sorted key order, keys unique), from the first one's key to the last one's end, in
    UTF-8: the documents serialised by one orjson call, as a small table."""
    try:
        text = orjson.dumps({"": dict(docs)}, option=_ORJSON_OPTIONS)
    except orjson.JSONEncodeError as exc:
        raise TypeError(f"niet als JSON te schrijven: {exc}") from None
    return text[len(_DOCS_HEAD) : -len(_DOCS_TAIL)]


def canonical_documents(docs: list[tuple[str, Any]]) -> list[bytes]:
    """The text in the file of each document of a table (``docs``: key and document, in
    sorted key order, keys unique): ``"key": value`` as :func:`dumps` writes it nested in
    a table, in UTF-8, in the order given. The same text as ``encode_str(key) + ": " +
    canonical(value, "\n    ")``, but a batch of documents is serialised by one orjson
    call (:func:`documents_text`) and cut at the documents' boundaries: a first save
    serialises many documents, and one call each cost more in Python than the encoding.
    JSON strings hold no raw newline, so :data:`DOC_SEP` occurs only between two
    documents (deeper lines are indented further)."""
    pieces: list[bytes] = []
    for start in range(0, len(docs), DOCS_BATCH):
        batch = docs[start : start + DOCS_BATCH]
        cut = documents_text(batch).split(DOC_SEP)
        if len(cut) != len(batch):  # not expected; then one document at a time
            return [_document(key, doc) for key, doc in docs]
        pieces.append(cut[0])
        pieces += [b'"' + piece for piece in cut[1:]]
    return pieces


def _document(key: str, doc: Any) -> bytes:
    return (encode_str(key) + ": " + canonical(doc, "\n    ")).encode("utf-8")


def encode_str(text: str) -> str:
    """A JSON string as :func:`dumps` writes it."""
    return orjson.dumps(text).decode("utf-8")


def short(value: Any) -> str:
    """A value from the file, quoted briefly in a message."""
    return clipped(repr(value), 60)


_MAGIC = (
    (b"PK\x03\x04", "een zip-bestand (bijvoorbeeld Word of Excel)"),
    (b"%PDF", "een PDF-bestand"),
    (b"\x89PNG", "een afbeelding (PNG)"),
    (b"\xff\xd8\xff", "een afbeelding (JPEG)"),
    (b"GIF8", "een afbeelding (GIF)"),
    (b"\xd0\xcf\x11\xe0", "een Office-bestand (oud formaat)"),
    (b"SQLite format 3", "een SQLite-database"),
)

_JSON_MESSAGES = {
    "Expecting value": "waarde verwacht",
    "Extra data": "extra tekst na het einde",
    "Expecting ',' delimiter": "komma verwacht",
    "Expecting ':' delimiter": "dubbele punt verwacht",
    "Expecting property name enclosed in double quotes": "veldnaam tussen dubbele "
    "aanhalingstekens verwacht",
    "Unterminated string starting at": "tekst zonder afsluitend aanhalingsteken",
    "Invalid control character at": "ongeldig stuurteken in tekst",
    "Invalid \\escape": "ongeldige escape (\\) in tekst",
    "Invalid \\uXXXX escape": "ongeldige \\u-escape in tekst",
    "Illegal trailing comma before end of object": "komma voor het einde van een object",
    "Illegal trailing comma before end of array": "komma voor het einde van een lijst",
}


_NON_SPACE = re.compile(r"\S")  # \s is what str.isspace() and str.strip() call white space


def parse_register_bytes(path: Path, raw: bytes) -> dict[str, Any]:
    """Check and parse the raw bytes of a register file; ``path`` is for messages."""
    if not raw:
        raise StoreError(f"{path}: bestand is leeg (0 bytes), geen register")
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            raise StoreError(f"{path}: is {kind}, geen register (JSON verwacht)")
    if b"\x00" in raw:
        raise StoreError(f"{path}: binair bestand (bevat nul-bytes), geen register")
    try:
        # The fast path: orjson parses (and checks) the UTF-8 bytes directly.
        data = orjson.loads(raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw)
    except orjson.JSONDecodeError:
        data = _parse_text(path, raw)  # says precisely what is wrong
    if not isinstance(data, dict | list):
        data = _parse_text(path, raw)  # a bare number or string: "geen JSON"
    return _check_shape(path, data)


def _parse_text(path: Path, raw: bytes) -> Any:
    try:
        text = raw.decode("utf-8-sig")  # accept the BOM an editor like Notepad adds
    except UnicodeDecodeError as exc:
        raise StoreError(
            f"{path}: geen geldige UTF-8-tekst (byte {exc.start}); geen register, of beschadigd"
        ) from None
    first = _NON_SPACE.search(text)  # not text.strip(): that copies the whole text
    if first is None:
        raise StoreError(f"{path}: bestand bevat alleen witruimte, geen register")
    if first[0] == "<":
        raise StoreError(f"{path}: is een HTML- of XML-bestand, geen register (JSON verwacht)")
    if first[0] not in "{[":
        stripped = text.strip()
        raise StoreError(
            f"{path}: geen JSON, dus geen register (begint met {short(stripped[:20])})"
        )
    return _loads(path, text)


def _check_shape(path: Path, data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise StoreError(
            f"{path}: JSON, maar geen pilot-register (verwacht een object met de tabellen "
            "'meta' en 'pilots')"
        )
    if META not in data:
        raise StoreError(f"{path}: JSON, maar geen pilot-register (tabel 'meta' ontbreekt)")
    if not isinstance(data[META], dict):
        raise StoreError(f"{path}: beschadigd register (tabel 'meta' is geen object)")
    metas = list(data[META].values())
    if len(metas) != 1:
        raise StoreError(
            f"{path}: beschadigd register (tabel 'meta' heeft {len(metas)} documenten, "
            "verwacht precies 1)"
        )
    if not isinstance(metas[0], dict):
        raise StoreError(f"{path}: beschadigd register (het meta-document is geen object)")
    if "schema_version" not in metas[0]:
        raise StoreError(f"{path}: register zonder schemaversie (schema_version ontbreekt)")
    version = metas[0]["schema_version"]
    if not isinstance(version, int) or isinstance(version, bool):
        raise StoreError(f"{path}: register met ongeldige schemaversie {short(version)}")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: schemaversie {short(version)} is nieuwer dan deze versie van pilot-tui "
            f"kent ({SCHEMA_VERSION}); werk pilot-tui bij"
        )
    if version < 1:
        raise StoreError(f"{path}: onbekende schemaversie {version}")
    for table in (PILOTS, AUDIT):
        if table in data and not isinstance(data[table], dict):
            raise StoreError(f"{path}: beschadigd register (tabel '{table}' is geen object)")
    return data


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is geen geldige JSON-waarde")


def _loads(path: Path, text: str) -> Any:
    """Parse strictly with orjson (fast; refuses NaN, lone surrogates and integers beyond
    64 bits, which could not be saved again); on failure let the standard library say
    where the text is broken, in its more precise words."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        fast_error = str(exc)
    try:
        json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        where = f"regel {exc.lineno}, kolom {exc.colno}"
        # An unterminated string runs to the end of the text (a newline in a string is
        # reported as an invalid control character instead).
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            raise StoreError(
                f"{path}: beschadigd register: het bestand houdt halverwege op ({where}); "
                "onvolledig gekopieerd?"
            ) from None
        if exc.msg == "Extra data":
            raise StoreError(
                f"{path}: beschadigd register: onverwachte tekst na het einde ({where})"
            ) from None
        reason = _JSON_MESSAGES.get(exc.msg, clipped(exc.msg, 80))
        raise StoreError(
            f"{path}: beschadigd register: ongeldige JSON op {where} ({reason})"
        ) from None
    except RecursionError:
        raise StoreError(f"{path}: beschadigd register: te diep geneste JSON") from None
    except ValueError as exc:  # e.g. an integer longer than Python converts
        raise StoreError(
            f"{path}: beschadigd register: ongeldige JSON ({clipped(str(exc), 80)})"
        ) from None
    raise StoreError(
        f"{path}: beschadigd register: tekst of getal dat niet opgeslagen kan worden "
        f"({clipped(fast_error, 80)})"
    )
