"""The text of the documents as it is in the file just read, for the first save.

A save puts the file together from pieces of text kept per run of documents (see
:meth:`pilot_tui.store.storage.RegisterStorage.payload`) and serialises only documents
that changed. Right after an open nothing was serialised yet, so the first save would
serialise every document of the register. But a register that pilot-tui wrote already
holds that text: :func:`file_pieces` takes it from the bytes read, a run of
:data:`~pilot_tui.store.document.DOCS_BATCH` documents at a time (a view, not a copy),
after checking that those bytes are exactly what :func:`pilot_tui.store.document.dumps`
writes for those documents as they are now. A file that is not written that way (edited
by hand, written by a TinyDB script or another program) gives no pieces, and the save
serialises as it always did: the bytes written are the same either way.

The check serialises each run by one orjson call and compares the text with the file's
bytes: far cheaper than a piece per document (no copies, no small objects, no search for
the documents' boundaries), and bounded in memory (one run's text at a time). A run in
which a document changed is cut into a piece per document (:func:`split_piece`) at the
save, so that only the changed document is serialised.
"""

from __future__ import annotations

from typing import Any

from pilot_tui.store.document import DOC_SEP, DOCS_BATCH, documents_text, encode_str

# A run of documents of a table, consecutive in key order: their keys, the documents and
# their text in the file (UTF-8, from the first one's key to the last one's end)
Piece = tuple[tuple[str, ...], tuple[Any, ...], "bytes | memoryview"]

_FILE_OPEN = b"{\n  "  # the file, up to the first table's name
_FILE_CLOSE = b"\n}\n"
_TABLE_OPEN = b"{\n    "  # a table's value, up to its first document
_TABLE_CLOSE = b"\n  }"
_TABLE_SEP = b",\n  "  # between two tables
_EMPTY = b"{}"


def file_pieces(raw: bytes, tables: dict[str, Any]) -> dict[str, dict[str, Piece]]:
    """The pieces of the documents of ``tables`` (the register's data, table name ->
    document id -> document) from ``raw``, the file it was read from: table -> key of a
    run's first document -> the run (see :data:`Piece`), in key order. Empty when ``raw``
    is not byte for byte what :func:`pilot_tui.store.document.dumps` makes of
    ``tables``."""
    if not raw.startswith(_FILE_OPEN) or not raw.endswith(_FILE_CLOSE):
        return {}
    view = memoryview(raw)
    pieces: dict[str, dict[str, Piece]] = {}
    pos = len(_FILE_OPEN)
    names = sorted(tables)
    if not all(type(name) is str for name in names):
        return {}
    for number, name in enumerate(names):
        table = tables[name]
        if type(table) is not dict or not all(type(key) is str for key in table):
            return {}
        head = (encode_str(name) + ": ").encode("utf-8")
        if not raw.startswith(head, pos):
            return {}
        pos += len(head)
        if not table:
            if not raw.startswith(_EMPTY, pos):
                return {}
            pos += len(_EMPTY)
            pieces[name] = {}
        else:
            found = _table_pieces(raw, view, pos, table)
            if found is None:
                return {}
            pieces[name], pos = found
        sep = _TABLE_SEP if number < len(names) - 1 else b""
        if not raw.startswith(sep, pos):
            return {}
        pos += len(sep)
    if pos + len(_FILE_CLOSE) != len(raw):
        return {}
    return pieces


def _table_pieces(
    raw: bytes, view: memoryview, pos: int, table: dict[str, Any]
) -> tuple[dict[str, Piece], int] | None:
    """The runs of the documents of ``table``, whose value starts at ``pos`` in ``raw``,
    and the position after that value; None when the text is not canonical."""
    if not raw.startswith(_TABLE_OPEN, pos):
        return None
    pos += len(_TABLE_OPEN)
    keys = sorted(table)
    pieces: dict[str, Piece] = {}
    for start in range(0, len(keys), DOCS_BATCH):
        if start:
            if not raw.startswith(DOC_SEP, pos):
                return None
            pos += len(DOC_SEP) - 1  # the next document starts at its key's quote
        run = tuple(keys[start : start + DOCS_BATCH])
        docs = tuple(table[key] for key in run)
        text = documents_text(list(zip(run, docs, strict=True)))
        if not raw.startswith(text, pos):
            return None
        end = pos + len(text)
        pieces[run[0]] = (run, docs, view[pos:end])
        pos = end
    if not raw.startswith(_TABLE_CLOSE, pos):
        return None
    return pieces, pos + len(_TABLE_CLOSE)


def split_piece(piece: Piece) -> dict[str, Piece] | None:
    """A run of documents as a piece per document, by key (None if it cannot be cut,
    which is not expected: its text is canonical)."""
    run, docs, text = piece
    cut = bytes(text).split(DOC_SEP)
    if len(cut) != len(run):
        return None
    texts = [cut[0], *(b'"' + part for part in cut[1:])]
    return {key: ((key,), (doc,), part) for key, doc, part in zip(run, docs, texts, strict=True)}
