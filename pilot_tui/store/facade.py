"""The Store: the register file opened for reading and (normally) writing.

What a caller uses: :meth:`Store.open` (or :meth:`Store.create`), the :class:`Register`
in ``store.register``, and one method per kind of change (:meth:`Store.save_pilot`,
:meth:`Store.delete_pilot`, :meth:`Store.save_meta`, :meth:`Store.add_audit`,
:meth:`Store.save_all`), each saved at once (or once at the end of :meth:`Store.batch`).

Safety (see also the modules beside this one):

* every write is atomic (:mod:`pilot_tui.atomic`): a crash leaves the old or the new
  file; temporary files left by a crash are removed on the next successful save;
* a failed save raises :class:`StoreError`, leaves the file on disk as it was and keeps
  the change in memory (``Store.dirty``), so that :meth:`Store.flush` can retry it;
* one writer at a time (:mod:`pilot_tui.store.lock`); a second opener gets
  :class:`StoreLocked`, or opens read-only when it asks for that;
* a file that is not a readable register of a known schema version is refused with a
  one-line :class:`StoreError` (naming the latest good backup) before any lock is taken,
  and never written (:mod:`pilot_tui.store.document`, :mod:`pilot_tui.store.records`);
* before each save the file on disk is compared with what was read or written last
  (:mod:`pilot_tui.store.stamp`); a change made by someone else (another program, a
  script with TinyDB, a sync tool) raises :class:`StoreConflict` instead of being
  overwritten;
* rolling backups beside the store (:mod:`pilot_tui.store.backups`); a file of an older
  schema is copied once before its first change writes the new version.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pilot_tui.atomic import os_reason, remove_stale_temps
from pilot_tui.memory import collector_paused
from pilot_tui.model import SCHEMA_VERSION, AuditEntry, Pilot, Register
from pilot_tui.store.backups import (
    DAILY,
    DEFAULT_BACKUPS,
    daily_backup_due,
    make_backup,
    with_backup_hint,
)
from pilot_tui.store.document import AUDIT, META, PILOTS
from pilot_tui.store.errors import StoreConflict, StoreError, StoreReadOnly
from pilot_tui.store.lock import acquire, holder_path, refuse_write_protected
from pilot_tui.store.records import Parsed, data_from_register, meta_doc, parse
from pilot_tui.store.stamp import FileStamp, read_bytes
from pilot_tui.store.storage import RegisterStorage

if TYPE_CHECKING:
    from filelock import FileLock


class Store:
    """The register file, opened for reading and (normally) writing."""

    def __init__(
        self,
        path: Path,
        storage: RegisterStorage,
        lock: FileLock | None,
        *,
        backups_keep: int = DEFAULT_BACKUPS,
        _parsed: Parsed | None = None,
    ) -> None:
        self.path = path
        self._storage = storage
        self._lock = lock
        self.backups_keep = backups_keep
        self.warnings: list[str] = []  # non-fatal problems, e.g. a daily backup that failed
        self._temps_cleaned = False
        self._adopt(_parsed or parse(path, storage.read()))
        storage.before_write = self._check_unchanged
        storage.after_write = self._after_write

    def _adopt(self, parsed: Parsed) -> None:
        self.register = parsed.register
        self._doc_ids = parsed.doc_ids
        # pilot id -> the document id it had before it was deleted: undoing the delete
        # puts it back in its place (pilots are read in document order)
        self._retired: dict[str, int] = {}
        self._meta_key = parsed.meta_key
        self._next_pilot_id = max(parsed.doc_ids.values(), default=0) + 1
        self._next_audit_id = parsed.audit_ids + 1
        self.schema = parsed.schema  # of the file; an older one is upgraded on first write
        self._upgrade_saved = False  # the copy of the file of the older schema is made

    # -- opening -------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: Path,
        *,
        readonly: bool = False,
        lock_timeout: float = 0.0,
        backups_keep: int = DEFAULT_BACKUPS,
        daily_backup: bool = True,
    ) -> Store:
        """Open an existing register. Raises StoreError (or StoreLocked) with a Dutch line.

        A writable open takes the lock and, on the first open of a day, makes a backup
        (unless the newest backup is identical). A read-only open takes no lock.
        """
        path = Path(path)
        storage = RegisterStorage(path, readonly=readonly)
        parsed = _load_checked(storage)  # refuse a bad file before taking any lock
        lock: FileLock | None = None
        if not readonly:
            refuse_write_protected(path)
            lock = acquire(path, lock_timeout)
        try:
            if lock is not None and FileStamp.of(path) != storage.stamp:
                parsed = _load_checked(storage)  # changed while we waited for the lock
            store = cls(path, storage, lock, backups_keep=backups_keep, _parsed=parsed)
            if lock is not None and store.schema < SCHEMA_VERSION:
                store._upgrade_backup()
            if lock is not None and daily_backup:
                store.daily_backup()
            return store
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    @classmethod
    def create(cls, path: Path, register: Register) -> Store:
        """Write a new register file (refuses to replace an existing file)."""
        path = Path(path)
        if path.exists():
            raise StoreError(f"{path}: bestaat al; kies een ander bestand")
        if not path.parent.is_dir():
            raise StoreError(f"{path.parent}: map bestaat niet")
        lock = acquire(path, 0.0)
        try:
            if path.exists():
                raise StoreError(f"{path}: bestaat al; kies een ander bestand")
            data = data_from_register(register)
            parsed = parse(path, data)  # what could not be read back is not written
            storage = RegisterStorage(path, initial=data)
            storage.flush(check=False)
            return cls(path, storage, lock, _parsed=parsed)
        except BaseException:
            lock.release()
            raise

    @property
    def readonly(self) -> bool:
        return self._storage.readonly

    @property
    def dirty(self) -> bool:
        """True when a change is in memory but not (yet) on disk, e.g. after a failed save."""
        return self._storage.dirty

    @property
    def stamp(self) -> FileStamp | None:
        """The stamp of the file as last read or written by this store."""
        return self._storage.stamp

    def announce_app(self) -> None:
        """Say, beside the lock, that the app holds it: a command-line writer then says so
        at once instead of waiting. Best effort: the lock itself is what protects."""
        if self._lock is None:
            return
        with contextlib.suppress(OSError):
            holder_path(self.path).write_text(f"app {os.getpid()}\n", encoding="utf-8")
            self._announced = True

    def close(self) -> None:
        if self._lock is not None:
            if getattr(self, "_announced", False):
                with contextlib.suppress(OSError):
                    holder_path(self.path).unlink()
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- changes on disk --------------------------------------------------------------
    def changed_on_disk(self) -> bool:
        """Has someone else changed (or removed) the file since it was read or saved?

        Cheap when nothing changed (one stat, see :class:`FileStamp`). When the stamp
        changed the content is compared: when that is still ours (a sync tool rewrote the
        same bytes) the new stamp is taken over.
        """
        if FileStamp.of(self.path) == self._storage.stamp:
            return False
        return self._disk_differs()

    def _disk_differs(self) -> bool:
        """Compare the content on disk with what was read or written last."""
        storage = self._storage
        try:
            raw, stamp = read_bytes(self.path)
        except StoreError:
            return True
        if storage.digest is None or not storage.digest.matches(raw):
            return True
        storage.stamp = stamp
        return False

    def _check_unchanged(self) -> None:
        """Before every save: is the file still what we read or wrote last? (A stat, and
        only when that changed the content: a save does not read the file back.)"""
        if not self.changed_on_disk():
            return
        if not self.path.exists():
            raise StoreConflict(
                f"{self.path}: het bestand is verwijderd of verplaatst sinds het werd "
                "gelezen; niet opgeslagen"
            )
        raise StoreConflict(
            f"{self.path}: het bestand is gewijzigd sinds het werd gelezen (door een ander "
            "programma of een synchronisatiedienst); niet overschreven — laad het register "
            "opnieuw"
        )

    def reload(self) -> None:
        """Read the file again; unsaved changes in memory are dropped. On StoreError the
        store keeps its current state."""
        with collector_paused():
            loaded = self._storage.read_file()
            parsed = parse(self.path, loaded.data)
        self._storage.adopt(loaded)
        self._adopt(parsed)

    # -- writing -------------------------------------------------------------------
    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group several changes into one save."""
        with self._storage.batch():
            yield

    def flush(self, *, overwrite: bool = False) -> None:
        """Write changes that are in memory but not on disk (retry after a failed save).

        ``overwrite=True`` is for after the user chose to keep their version over a
        change on disk: the other version is first copied into the backups.
        """
        if not self._storage.dirty or self._storage.in_batch:
            return
        self._writable()
        if overwrite and self.path.exists() and self._disk_differs():
            self.backup("extern-gewijzigd")
            self._storage.flush(check=False)
        else:
            self._storage.flush()

    def save_pilot(self, pilot: Pilot) -> None:
        """Insert or replace one pilot (and keep it in ``register``). A pilot deleted in
        this session comes back in its old place, in the file and in ``register``."""
        if pilot.view_of is not None:  # a view lacks the values of other peildata
            raise ValueError(f"pilot {pilot.id!r}: een weergave op een peildatum opgeslagen")
        self._changing()
        doc_id = self._doc_ids.get(pilot.id)
        if doc_id is None:
            doc_id = self._retired.pop(pilot.id, None)
            if doc_id is None or doc_id in self._doc_ids.values():
                doc_id = self._next_pilot_id
                self._next_pilot_id += 1
            self._doc_ids[pilot.id] = doc_id
        if self.register.get(pilot.id) is None:
            pilots = self.register.pilots
            after = (i for i, p in enumerate(pilots) if self._doc_ids.get(p.id, 0) > doc_id)
            pilots.insert(next(after, len(pilots)), pilot)
        self._change(PILOTS, {doc_id: pilot.to_dict()})

    def delete_pilot(self, pilot_id: str) -> None:
        self._changing()
        self.register.pilots = [p for p in self.register.pilots if p.id != pilot_id]
        doc_id = self._doc_ids.pop(pilot_id, None)
        if doc_id is not None:
            self._retired[pilot_id] = doc_id
            self._change(PILOTS, {}, remove=(doc_id,))
        else:
            self.flush()  # nothing to delete (any more): still write what is pending

    def save_meta(self) -> None:
        self._changing()
        self._storage.replace_table(META, {self._meta_key: meta_doc(self.register)})

    def add_audit(self, entries: list[AuditEntry]) -> None:
        """Append audit entries. Entries already in ``register.audit`` (the same objects,
        e.g. when a failed save is retried) are not added twice."""
        self._changing()
        present = {id(e) for e in self.register.audit}
        new = [e for e in entries if id(e) not in present]
        if not new:
            self.flush()
            return
        self.register.audit.extend(new)
        docs: dict[int, dict[str, Any]] = {}
        for entry in new:
            docs[self._next_audit_id] = entry.to_dict()
            self._next_audit_id += 1
        self._change(AUDIT, docs)

    def save_all(self) -> None:
        """Rewrite the whole register from ``self.register`` in one save (bulk operations)."""
        self._changing()
        data = data_from_register(self.register)
        self._adopt(
            Parsed(
                self.register,
                {p.id: i for i, p in enumerate(self.register.pilots, start=1)},
                "1",
                len(self.register.audit),
            )
        )
        self._storage.put(data)

    def _writable(self) -> None:
        if self.readonly:
            raise StoreReadOnly(f"{self.path}: het register is alleen-lezen geopend")

    def _changing(self) -> None:
        """Before a change of the register's content: writable, and of this schema."""
        self._writable()
        if self.schema < SCHEMA_VERSION:
            self._upgrade()

    def _upgrade_backup(self) -> None:
        """A copy of a file of an older schema as it was, once, before it is upgraded.
        A failure is a warning: the upgrade loses nothing (the records of schema 1 are
        valid records of schema 2 as they are: what is new is written only when set)."""
        if self._upgrade_saved:
            return
        try:
            make_backup(self.path, f"schema-{self.schema}", keep=self.backups_keep)
            self._upgrade_saved = True
        except OSError as exc:
            self.warnings.append(
                f"{self.path}: reservekopie vóór het bijwerken van het schema mislukt "
                f"({os_reason(exc)})"
            )

    def _upgrade(self) -> None:
        """The first change of a file of an older schema: its backup (if not made when
        it was opened), then the meta document with the new version."""
        self._upgrade_backup()
        self.schema = SCHEMA_VERSION
        self._storage.replace_table(META, {self._meta_key: meta_doc(self.register)})

    def _change(
        self, table: str, docs: dict[int, dict[str, Any]], remove: tuple[int, ...] = ()
    ) -> None:
        self._storage.replace_documents(table, docs, remove)

    def _after_write(self) -> None:
        if not self._temps_cleaned and self._lock is not None:
            self._temps_cleaned = True
            remove_stale_temps(self.path, older_than=None)

    # -- backups -------------------------------------------------------------------
    def backup(self, reason: str = "") -> Path:
        """Copy the current file into the backup folder; keep the newest ``backups_keep``."""
        self._writable()
        try:
            return make_backup(self.path, reason, keep=self.backups_keep)
        except OSError as exc:
            raise StoreError(
                f"{self.path}: reservekopie maken mislukt ({os_reason(exc)})"
            ) from None

    def daily_backup(self) -> None:
        """The backup of the first writable open of a day, when due; a failure is a
        warning (``warnings``), never a refusal to open. Store.open makes it unless told
        not to (the app makes it after its first screen)."""
        if self.readonly or not daily_backup_due(self.path):
            return
        try:
            self.backup(DAILY)
        except StoreError as exc:
            self.warnings.append(str(exc))


def _load_checked(storage: RegisterStorage) -> Parsed:
    """Load the file into ``storage``; a refusal names the latest good backup."""
    try:
        with collector_paused():
            loaded = storage.read_file()
            parsed = parse(storage.path, loaded.data)
    except StoreError as exc:
        raise StoreError(with_backup_hint(storage.path, str(exc))) from None
    storage.adopt(loaded)
    return parsed
