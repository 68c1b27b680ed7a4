"""The register on disk: TinyDB behind a small store class.

File format: a TinyDB JSON document with the tables ``meta`` (one document: schema
version, title, intro, peildata), ``pilots`` (one document per pilot) and ``audit``.
It is written deterministically (sorted keys, indented, UTF-8 with non-ASCII kept) so
that a register diffs well in git.

Safety (see DESIGN.md, "Data safety"):

* every write goes to a temporary file beside the store, is flushed and fsynced, then
  replaces the store with ``os.replace`` (retried briefly where Windows holds the file);
* one writer at a time: a lock file beside the register (filelock); a second opener gets
  :class:`StoreLocked`, or opens read-only when it asks for that;
* a file that is not a readable register of a known schema version is refused with a
  :class:`StoreError` and never written;
* before each save the file on disk is compared with what was read; a change made by
  someone else raises :class:`StoreConflict` instead of being overwritten;
* a few rolling backups sit in a folder beside the store.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from tinydb import TinyDB
from tinydb.storages import Storage

from pilot_tui.model import SCHEMA_VERSION, AuditEntry, Pilot, Register

META = "meta"
PILOTS = "pilots"
AUDIT = "audit"
DEFAULT_BACKUPS = 10


class StoreError(Exception):
    """The register cannot be used; the message is one Dutch line for the user."""


class StoreLocked(StoreError):
    pass


class StoreConflict(StoreError):
    """The file changed on disk since it was read."""


class StoreReadOnly(StoreError):
    pass


def dumps(data: Any) -> str:
    """The one way a register is serialised: stable, readable, diffable."""
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def atomic_write(path: Path, content: str | bytes, *, replace_retries: int = 10) -> None:
    """Write ``content`` to ``path`` so that a crash leaves the old or the new file."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        for attempt in range(replace_retries):
            try:
                os.replace(tmp, path)
                break
            except PermissionError:
                # Windows: a virus scanner or sync tool may hold the file briefly.
                if attempt == replace_retries - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))
        _fsync_dir(path.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems do not support fsync on a directory; the data is synced
    finally:
        os.close(fd)


@dataclass(frozen=True)
class FileStamp:
    mtime_ns: int
    size: int

    @classmethod
    def of(cls, path: Path) -> FileStamp | None:
        try:
            st = path.stat()
        except OSError:
            return None
        return cls(st.st_mtime_ns, st.st_size)


class AtomicJSONStorage(Storage):
    """TinyDB storage: reads the file once, writes it atomically and deterministically.

    The parsed data is kept in memory, so TinyDB operations do not re-read the file.
    Inside :meth:`batch` writes are collected and the file is written once at the end.
    """

    def __init__(self, path: Path, *, readonly: bool = False, initial: Any = None) -> None:
        self.path = path
        self.readonly = readonly
        self._data: Any = initial
        self._batch_depth = 0
        self._dirty = False
        self.stamp: FileStamp | None = None
        self.before_write: Callable[[], None] | None = None

    def load(self) -> Any:
        self._data = read_register_file(self.path)
        self.stamp = FileStamp.of(self.path)
        return self._data

    def read(self) -> Any:
        return self._data

    def write(self, data: Any) -> None:
        self._data = data
        if self._batch_depth:
            self._dirty = True
            return
        self.flush()

    def flush(self) -> None:
        if self.readonly:
            raise StoreReadOnly(f"{self.path}: het register is alleen-lezen geopend")
        if self.before_write is not None:
            self.before_write()
        atomic_write(self.path, dumps(self._data))
        self.stamp = FileStamp.of(self.path)
        self._dirty = False

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
        if self._batch_depth == 0 and self._dirty:
            self.flush()

    def close(self) -> None:
        pass


def read_register_file(path: Path) -> dict[str, Any]:
    """Read and check the raw register file. Raises StoreError with one Dutch line."""
    if path.is_dir():
        raise StoreError(f"{path}: is een map, geen register")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise StoreError(f"{path}: bestand bestaat niet") from None
    except OSError as exc:
        raise StoreError(f"{path}: kan niet gelezen worden ({exc.strerror})") from None
    if not raw.strip():
        raise StoreError(f"{path}: bestand is leeg, geen register")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise StoreError(f"{path}: geen geldige UTF-8-tekst (geen register)") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise StoreError(
            f"{path}: geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}: {exc.msg})"
        ) from None
    if not isinstance(data, dict) or META not in data or not isinstance(data[META], dict):
        raise StoreError(f"{path}: JSON, maar geen pilot-register (tabel 'meta' ontbreekt)")
    metas = list(data[META].values())
    if len(metas) != 1 or not isinstance(metas[0], dict):
        raise StoreError(f"{path}: register beschadigd (tabel 'meta' moet één document hebben)")
    version = metas[0].get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise StoreError(f"{path}: register zonder geldige schemaversie")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: schemaversie {version} is nieuwer dan deze versie van pilot-tui "
            f"kent ({SCHEMA_VERSION}); werk pilot-tui bij"
        )
    if version < 1:
        raise StoreError(f"{path}: onbekende schemaversie {version}")
    for table in (PILOTS, AUDIT):
        if table in data and not isinstance(data[table], dict):
            raise StoreError(f"{path}: register beschadigd (tabel '{table}' is geen object)")
    return data


def register_from_data(path: Path, data: dict[str, Any]) -> tuple[Register, dict[str, int]]:
    """Build the Register from raw TinyDB data; also return pilot id -> TinyDB doc id."""
    meta = next(iter(data[META].values()))
    try:
        peildata_raw = meta.get("peildata", [])
        if not isinstance(peildata_raw, list):
            raise ValueError("'peildata' moet een lijst zijn")
        register = Register(
            title=_meta_str(meta, "title"),
            intro=_meta_str(meta, "intro"),
            peildata=sorted({date.fromisoformat(str(p)) for p in peildata_raw}),
        )
        doc_ids: dict[str, int] = {}
        for key, doc in sorted(data.get(PILOTS, {}).items(), key=lambda kv: _int_key(kv[0])):
            pilot = Pilot.from_dict(doc)
            if pilot.id in doc_ids:
                raise ValueError(f"pilot-id {pilot.id!r} komt twee keer voor")
            doc_ids[pilot.id] = _int_key(key)
            register.pilots.append(pilot)
        for _key, doc in sorted(data.get(AUDIT, {}).items(), key=lambda kv: _int_key(kv[0])):
            register.audit.append(AuditEntry.from_dict(doc))
    except (ValueError, TypeError, AttributeError, KeyError) as exc:
        raise StoreError(f"{path}: register beschadigd ({exc})") from None
    return register, doc_ids


def _int_key(key: str) -> int:
    try:
        return int(key)
    except ValueError:
        raise ValueError(f"ongeldige document-id {key!r}") from None


def _meta_str(meta: dict[str, Any], key: str) -> str:
    value = meta.get(key, "")
    if not isinstance(value, str):
        raise ValueError(f"'{key}' moet tekst zijn")
    return value


def meta_doc(register: Register) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "title": register.title,
        "intro": register.intro,
        "peildata": [p.isoformat() for p in register.peildata],
    }


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


def backup_dir(path: Path) -> Path:
    return path.with_name(f"{path.name}.backups")


class Store:
    """The register file, opened for reading and (normally) writing."""

    def __init__(self, path: Path, storage: AtomicJSONStorage, lock: FileLock | None) -> None:
        self.path = path
        self._storage = storage
        self._lock = lock
        self._db = TinyDB(storage=lambda: storage)
        self.register, self._doc_ids = register_from_data(path, storage.read())
        storage.before_write = self._check_unchanged
        self.backups_keep = DEFAULT_BACKUPS

    # -- opening -------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, *, readonly: bool = False, lock_timeout: float = 0.0) -> Store:
        """Open an existing register. Raises StoreError (or StoreLocked) with a Dutch line."""
        path = Path(path)
        storage = AtomicJSONStorage(path, readonly=readonly)
        storage.load()  # refuse a bad file before taking any lock
        lock: FileLock | None = None
        if not readonly:
            lock = _acquire(path, lock_timeout)
        try:
            return cls(path, storage, lock)
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
        lock = _acquire(path, 0.0)
        try:
            data = data_from_register(register)
            try:
                atomic_write(path, dumps(data))
            except OSError as exc:
                raise StoreError(f"{path}: kan niet schrijven ({exc.strerror})") from None
            storage = AtomicJSONStorage(path)
            storage.load()
            return cls(path, storage, lock)
        except BaseException:
            lock.release()
            raise

    @property
    def readonly(self) -> bool:
        return self._storage.readonly

    def close(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- changes on disk --------------------------------------------------------------
    def changed_on_disk(self) -> bool:
        return FileStamp.of(self.path) != self._storage.stamp

    def _check_unchanged(self) -> None:
        if self.changed_on_disk():
            raise StoreConflict(
                f"{self.path}: het bestand is gewijzigd sinds het werd gelezen; "
                "niet overschreven — laad het register opnieuw"
            )

    def reload(self) -> None:
        self._storage.load()
        self.register, self._doc_ids = register_from_data(self.path, self._storage.read())

    # -- writing -------------------------------------------------------------------
    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group several changes into one save."""
        with self._storage.batch():
            yield

    def save_pilot(self, pilot: Pilot) -> None:
        """Insert or replace one pilot (and keep it in ``register``)."""
        table = self._db.table(PILOTS)
        with self._guard():
            doc_id = self._doc_ids.get(pilot.id)
            if doc_id is None:
                self._doc_ids[pilot.id] = table.insert(pilot.to_dict())
            else:
                table.upsert(_document(pilot.to_dict(), doc_id))
        if self.register.get(pilot.id) is None:
            self.register.pilots.append(pilot)

    def delete_pilot(self, pilot_id: str) -> None:
        doc_id = self._doc_ids.get(pilot_id)
        if doc_id is not None:
            with self._guard():
                self._db.table(PILOTS).remove(doc_ids=[doc_id])
            del self._doc_ids[pilot_id]
        self.register.pilots = [p for p in self.register.pilots if p.id != pilot_id]

    def save_meta(self) -> None:
        with self._guard():
            self._db.table(META).upsert(_document(meta_doc(self.register), 1))

    def add_audit(self, entries: list[AuditEntry]) -> None:
        if not entries:
            return
        with self._guard():
            self._db.table(AUDIT).insert_multiple([e.to_dict() for e in entries])
        self.register.audit.extend(entries)

    def save_all(self) -> None:
        """Rewrite the whole register from ``self.register`` in one save (bulk operations)."""
        data = data_from_register(self.register)
        with self._guard():
            self._storage.write(data)
        self._doc_ids = {p.id: i for i, p in enumerate(self.register.pilots, start=1)}
        self._db.clear_cache()

    @contextlib.contextmanager
    def _guard(self) -> Iterator[None]:
        if self.readonly:
            raise StoreReadOnly(f"{self.path}: het register is alleen-lezen geopend")
        try:
            yield
        except OSError as exc:
            raise StoreError(
                f"{self.path}: opslaan mislukt ({exc.strerror or exc}); "
                "de wijziging is niet bewaard op schijf"
            ) from None

    # -- backups -------------------------------------------------------------------
    def backup(self, reason: str = "") -> Path:
        """Copy the current file into the backup folder; keep the newest few."""
        folder = backup_dir(self.path)
        folder.mkdir(exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        suffix = f"-{reason}" if reason else ""
        target = folder / f"{self.path.stem}-{stamp}{suffix}{self.path.suffix}"
        shutil.copy2(self.path, target)
        existing = sorted(folder.glob(f"{self.path.stem}-*{self.path.suffix}"))
        for old in existing[: max(0, len(existing) - self.backups_keep)]:
            with contextlib.suppress(OSError):
                old.unlink()
        return target


def list_backups(path: Path) -> list[Path]:
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{path.stem}-*{path.suffix}"), reverse=True)


def data_from_register(register: Register) -> dict[str, Any]:
    return {
        META: {"1": meta_doc(register)},
        PILOTS: {str(i): p.to_dict() for i, p in enumerate(register.pilots, start=1)},
        AUDIT: {str(i): a.to_dict() for i, a in enumerate(register.audit, start=1)},
    }


def _document(value: dict[str, Any], doc_id: int) -> Any:
    from tinydb.table import Document

    return Document(value, doc_id=doc_id)


def _acquire(path: Path, timeout: float) -> FileLock:
    lock = FileLock(lock_path(path), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise StoreLocked(
            f"register in gebruik ({path}): een ander proces heeft het open"
        ) from None
    except OSError as exc:
        raise StoreError(f"{path}: kan het slot niet zetten ({exc.strerror})") from None
    return lock


def restore_backup(path: Path, backup: Path, *, lock_timeout: float = 0.0) -> Path | None:
    """Put ``backup`` back as the register at ``path``.

    The backup must itself be a readable register. The current file, even a corrupt
    one, is first copied into the backup folder; that copy's path is returned.
    """
    path, backup = Path(path), Path(backup)
    if not backup.exists() and (backup_dir(path) / backup.name).exists():
        backup = backup_dir(path) / backup.name
    data = read_register_file(backup)
    register_from_data(backup, data)
    lock = _acquire(path, lock_timeout)
    try:
        saved: Path | None = None
        if path.exists() and path.is_file():
            folder = backup_dir(path)
            folder.mkdir(exist_ok=True)
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
            saved = folder / f"{path.stem}-{stamp}-voor-herstel{path.suffix}"
            shutil.copy2(path, saved)
        try:
            atomic_write(path, backup.read_bytes())
        except OSError as exc:
            raise StoreError(f"{path}: terugzetten mislukt ({exc.strerror})") from None
        return saved
    finally:
        lock.release()
