"""The TinyDB storage of a register: in memory, saved atomically, a piece at a time.

See :class:`RegisterStorage`. The Store (:mod:`pilot_tui.store.facade`) changes the
register through it; what it writes is the document :mod:`pilot_tui.store.document`
defines.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from pilot_tui import atomic
from pilot_tui.atomic import os_reason
from pilot_tui.store.document import (
    canonical,
    canonical_documents,
    dumps,
    encode_str,
    parse_register_bytes,
)
from pilot_tui.store.errors import StoreError, StoreReadOnly
from pilot_tui.store.pieces import Piece, file_pieces, split_piece
from pilot_tui.store.stamp import Digest, FileStamp, read_bytes


def save_failed(path: Path, exc: OSError) -> str:
    """The message of a save that failed: the file on disk is as it was."""
    return (
        f"{path}: opslaan mislukt ({os_reason(exc)}); het register op schijf is "
        "ongewijzigd en de wijziging is nog niet bewaard — los het op en sla opnieuw op"
    )


@dataclass
class Loaded:
    """A file read and checked, not yet taken over by the storage."""

    data: dict[str, Any]
    stamp: FileStamp
    digest: Digest
    raw: bytes  # the file's bytes, as read


class RegisterStorage(Storage):
    """A TinyDB storage that keeps the register in memory and writes it atomically and
    deterministically, as one save per change.

    The parsed data is kept in memory, so TinyDB operations do not re-read the file.
    Inside :meth:`batch` writes are collected and the file is written once at the end.
    A failed write keeps the data in memory and ``dirty`` set; :meth:`flush` retries.

    Saving does not serialise the whole register each time: the text of every document
    (a record of a table) is kept, with the document object it was made from, and the
    file is put together from those pieces (:meth:`payload`); only a document that is a
    new object since the last save is serialised again. Before the first save the
    pieces are those of the file read, where it is canonical (a writable storage keeps
    the bytes read until then, see :mod:`pilot_tui.store.pieces`). The result is byte for byte
    :func:`dumps` of the data. That holds because a change replaces documents: the store
    changes the data through :meth:`replace_documents` and :meth:`replace_table` (or
    :meth:`put`) and never changes a document in place.

    TinyDB's own ``Table`` (``insert``, ``update``, ``remove``) goes through
    :meth:`write`, which TinyDB calls after changing documents in place and rebuilding
    the table's mapping: so :meth:`write` forgets every piece and the next save
    serialises the whole register again, every document of it. That is why the
    store does not edit through ``Table``: one edit would cost a full serialisation.
    A script can still open the register with this storage
    (``TinyDB(path, storage=RegisterStorage)``) or, as usual, with TinyDB's own JSON
    storage (``TinyDB(path)``); the store notices such a change on disk (see
    :mod:`pilot_tui.store.stamp`) and checks every record before it uses it.
    """

    def __init__(self, path: Path, *, readonly: bool = False, initial: Any = None) -> None:
        self.path = path
        self.readonly = readonly
        self._data: Any = initial
        self._batch_depth = 0
        self.dirty = False
        self.stamp: FileStamp | None = None
        self.digest: Digest | None = None
        self.before_write: Callable[[], None] | None = None
        self.after_write: Callable[[], None] | None = None
        self._pieces: dict[str, dict[str, Piece]] = {}  # table -> document id -> piece
        # the bytes read and the tables as read, for the pieces of the first save
        self._file: tuple[bytes, dict[str, Any]] | None = None

    def read_file(self) -> Loaded:
        """Read and check the file without changing this storage."""
        raw, stamp = read_bytes(self.path)
        digest = Digest(raw)  # hashed on another core while the JSON is parsed
        return Loaded(parse_register_bytes(self.path, raw), stamp, digest, raw)

    def adopt(self, loaded: Loaded) -> None:
        self._data = loaded.data
        self.stamp = loaded.stamp
        self.digest = loaded.digest
        self.dirty = False
        self._pieces = {}
        self._file = None
        data = loaded.data
        if not self.readonly and type(data) is dict:
            # which document each table held as read (the tables themselves may change)
            tables = {name: dict(t) if type(t) is dict else t for name, t in data.items()}
            self._file = (loaded.raw, tables)

    def load(self) -> Any:
        self.adopt(self.read_file())
        return self._data

    def read(self) -> Any:
        """The data in memory. Opened by TinyDB (a script's ``TinyDB(path,
        storage=RegisterStorage)``) nothing is loaded yet: the file is read and checked
        now, so that TinyDB never takes a register for an empty database."""
        if self._data is None and self.stamp is None:
            self.load()
        return self._data

    def write(self, data: Any) -> None:
        """TinyDB's write: documents may have been changed in place, so every piece of
        text is made again at the next save."""
        self._pieces = {}
        self._file = None
        self.put(data)

    def put(self, data: Any) -> None:
        """Write ``data``, in which changed documents are new objects (none was changed in
        place): the text of the others is reused."""
        if self.readonly:
            raise StoreReadOnly(f"{self.path}: het register is alleen-lezen geopend")
        self._data = data
        self.dirty = True
        if not self._batch_depth:
            self.flush()

    def replace_documents(
        self, table: str, docs: dict[int, dict[str, Any]], remove: tuple[int, ...] = ()
    ) -> None:
        """Put ``docs`` (document id -> document, each a new object) into ``table`` in
        place of what had those ids, remove the documents ``remove``, and write."""
        data = self._data
        current = data.get(table)
        if not isinstance(current, dict):
            current = data[table] = {}
        for doc_id, doc in docs.items():
            current[str(doc_id)] = doc
        for doc_id in remove:
            current.pop(str(doc_id), None)
        self.put(data)  # documents are replaced, never changed in place

    def replace_table(self, table: str, docs: dict[str, dict[str, Any]]) -> None:
        """Make ``docs`` (new objects) the whole of ``table``, and write."""
        data = self._data
        data[table] = docs
        self.put(data)

    @property
    def in_batch(self) -> bool:
        return self._batch_depth > 0

    def payload(self) -> bytes:
        """The file's content for the data in memory: ``dumps(data)`` in UTF-8, put
        together from the pieces of text kept per document (one join: the file is large,
        every copy of it counts)."""
        data = self._data
        if type(data) is not dict or not all(type(k) is str for k in data):
            return dumps(data).encode("utf-8")
        if not data:
            return b"{}\n"
        if self._file is not None:  # the first save: the documents' text from the file
            raw, tables = self._file
            self._file = None
            self._pieces = file_pieces(raw, tables)
        pieces: dict[str, dict[str, Piece]] = {}
        chunks: list[bytes | memoryview] = []
        sep = b"{\n  "
        for name in sorted(data):
            table = data[name]
            chunks += (sep, (encode_str(name) + ": ").encode("utf-8"))
            sep = b",\n  "
            if type(table) is not dict or not all(type(k) is str for k in table):
                chunks.append(canonical(table, "\n  ").encode("utf-8"))
            elif not table:
                chunks.append(b"{}")
            else:
                pieces[name] = fresh = self._table_pieces(name, table)
                item_sep = b"{\n    "
                for _run, _docs, text in fresh.values():
                    chunks += (item_sep, text)
                    item_sep = b",\n    "
                chunks.append(b"\n  }")
        chunks.append(b"\n}\n")
        self._pieces = pieces
        return b"".join(chunks)

    def _table_pieces(self, name: str, table: dict[str, Any]) -> dict[str, Piece]:
        """The pieces of ``table``, by the key of their first document, in key order: the
        kept ones whose documents are all the same objects, with the same neighbours (a
        run of documents from the file in which that no longer holds is cut into a piece
        per document first), and a piece made now (in one batch) for every other
        document."""
        kept = self._pieces.get(name, {})
        keys = sorted(table)
        pieces: dict[str, Piece | None] = {}
        missing: list[tuple[str, Any]] = []
        i, n = 0, len(keys)
        while i < n:
            key = keys[i]
            piece = kept.get(key)
            if piece is not None:
                run, docs, _text = piece
                size = len(run)
                if tuple(keys[i : i + size]) == run and all(
                    table[k] is doc for k, doc in zip(run, docs, strict=True)
                ):
                    pieces[key] = piece
                    i += size
                    continue
                parts = split_piece(piece) if size > 1 else None
                if parts is not None:  # look again, at a piece per document
                    kept = {**kept, **parts}
                    continue
            pieces[key] = None  # made below
            missing.append((key, table[key]))
            i += 1
        texts = canonical_documents(missing)
        made = {
            key: ((key,), (doc,), text) for (key, doc), text in zip(missing, texts, strict=True)
        }
        return {key: made[key] if piece is None else piece for key, piece in pieces.items()}

    def flush(self, *, check: bool = True) -> None:
        """Write the data now. Raises StoreError (StoreConflict, StoreReadOnly)."""
        if self.readonly:
            raise StoreReadOnly(f"{self.path}: het register is alleen-lezen geopend")
        if check and self.before_write is not None:
            self.before_write()
        payload = self.payload()
        try:
            written = atomic.atomic_write_stat(self.path, payload)
        except OSError as exc:
            raise StoreError(save_failed(self.path, exc)) from None
        self.stamp = FileStamp.from_stat(written)
        self.digest = Digest(payload)
        self.dirty = False
        if self.after_write is not None:
            self.after_write()

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
        if self._batch_depth == 0 and self.dirty:
            self.flush()

    def close(self) -> None:
        pass
