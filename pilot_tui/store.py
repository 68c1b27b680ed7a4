"""The register on disk: a TinyDB JSON document behind a small store class.

File format: a TinyDB JSON document with the tables ``meta`` (one document: schema
version, annex label, title, intro, peildata), ``pilots`` (one document per pilot) and
``audit``.
It is written deterministically (sorted keys, indented, UTF-8 with non-ASCII kept) so
that a register diffs well in git: :func:`dumps` defines the bytes; a save puts the same
bytes together from the text kept per document, so that one edit re-serialises one pilot.
:class:`AtomicJSONStorage` is a TinyDB storage, so the file can be opened with TinyDB too;
the store itself changes the parsed document directly (by document id), which keeps every
save idempotent and safe to retry.

Safety (see DESIGN.md, "Data safety"):

* every write goes to a temporary file beside the store, is flushed and fsynced, then
  replaces the store with ``os.replace`` (retried briefly where Windows holds the file);
  temporary files left by a crash are ignored and removed on the next successful save;
* a failed save raises :class:`StoreError`, leaves the file on disk as it was and keeps
  the change in memory (``Store.dirty``), so that :meth:`Store.flush` can retry it;
* one writer at a time: a lock file beside the register (filelock); a second opener gets
  :class:`StoreLocked`, or opens read-only when it asks for that;
* a file that is not a readable register of a known schema version is refused with a
  one-line :class:`StoreError` (naming the latest good backup) and never written;
* before each save the file on disk is compared with what was read or written last (its
  stat, and the content when the stat changed; see :class:`FileStamp`); a change made by
  someone else raises :class:`StoreConflict` instead of being overwritten;
* rolling backups sit in a folder beside the store (``<name>.backups``): one on the first
  writable open of a day, and before risky operations; the newest ``backups_keep`` stay,
  and so do today's daily one and the latest from before an import. A backup is judged
  by its name's date: a file named for the future or with no real date is never counted
  or removed, so it cannot push real backups out.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import hashlib
import json
import os
import re
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from tinydb.storages import Storage

from pilot_tui.files import FileRefused, kind_of, read_regular
from pilot_tui.memory import collector_paused
from pilot_tui.model import SCHEMA_VERSION, AuditEntry, Pilot, Register, Status
from pilot_tui.periods import MAX_YEAR, MIN_YEAR

if TYPE_CHECKING:
    from filelock import FileLock

META = "meta"
PILOTS = "pilots"
AUDIT = "audit"
DEFAULT_BACKUPS = 10
TMP_SUFFIX = ".tmp"
STALE_TMP_AGE = 60.0  # seconds; older temp files of ours are leftovers of a crash
BACKUP_STAMP = "%Y%m%d-%H%M%S-%f"
MAX_MESSAGE = 240  # characters of file content quoted in a message


class StoreError(Exception):
    """The register cannot be used; the message is one Dutch line for the user."""


class StoreLocked(StoreError):
    """Another process has the register open for writing."""


class StoreConflict(StoreError):
    """The file changed on disk since it was read."""


class StoreReadOnly(StoreError):
    """A write was attempted on a register opened read-only."""


class StoreWriteProtected(StoreError):
    """The register file itself is read-only (no write permission): it can only be read."""


_ORJSON_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS


def dumps(data: Any) -> str:
    """The one way a register is serialised: stable, readable, diffable.

    Sorted keys, two-space indentation, UTF-8 with non-ASCII kept. orjson does the
    encoding: the standard library's encoder falls back to pure Python as soon as it
    indents, which made every save of a large register cost a second or more. Saves
    assemble the same text from pieces kept per document (see :func:`canonical` and
    :meth:`AtomicJSONStorage.payload`), byte for byte.
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


def _encode_str(text: str) -> str:
    return orjson.dumps(text).decode("utf-8")


def _read_umask() -> int:
    if os.name != "posix":
        return 0o022
    mask = os.umask(0o022)  # read once, at import: os.umask can only be read by setting it
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def _now() -> datetime:
    """The clock used for backup names (a function so that tests can move the day)."""
    return datetime.now()


# -- atomic writes ---------------------------------------------------------------------


def atomic_write(path: Path, content: str | bytes, *, replace_retries: int = 10) -> None:
    """Write ``content`` to ``path`` so that a crash leaves the old or the new file.

    Raises OSError; the file at ``path`` is then unchanged and no temporary file is left.
    """
    _atomic_write(Path(path), content, replace_retries=replace_retries)


def real_path(path: Path) -> Path:
    """``path``, or the file it points to when it is a symbolic link: the lock, temporary
    files and backups belong to the real file, whichever name it is opened by."""
    path = Path(path)
    try:
        return Path(os.path.realpath(path)) if path.is_symlink() else path
    except OSError:
        return path


def _atomic_write(
    path: Path, content: str | bytes, *, replace_retries: int = 10, like: Path | None = None
) -> os.stat_result:
    """:func:`atomic_write`, returning the stat of the written file, taken from our own
    open file (not by name, so that a change by someone else right after the rename cannot
    go unnoticed). On POSIX it is taken after the rename, which changes the ctime.

    A new file gets the permissions and owner of ``like`` when given (a backup those of
    the register: a private register has private copies)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    path = real_path(path)  # replace the file a link points to, not the link
    owner: tuple[int, int] | None = None
    try:
        st = os.stat(path)
    except OSError:
        mode = 0o666 & ~_UMASK  # a new file: what open() would have made
        with contextlib.suppress(OSError):
            if like is not None:
                template = os.stat(like)
                mode = stat.S_IMODE(template.st_mode)
                owner = (template.st_uid, template.st_gid)
    else:
        kind = kind_of(st.st_mode)
        if kind is not None:  # a rename would put a file in the place of a device or FIFO
            raise NotARegularFile(errno.EINVAL, f"{path} is {kind}, geen gewoon bestand")
        if write_protected(path, st):  # the folder may allow a rename: the file does not
            raise WriteProtected(errno.EACCES, WRITE_PROTECTED, str(path))
        mode = stat.S_IMODE(st.st_mode)  # keep the permissions of the file
        owner = (st.st_uid, st.st_gid)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TMP_SUFFIX, dir=path.parent)
    tmp = Path(tmp_name)
    try:
        try:
            if owner is not None:
                _keep_owner(fd, *owner)
            if hasattr(os, "fchmod"):
                os.fchmod(fd, mode)  # mkstemp makes the file private (0600)
            fh = os.fdopen(fd, "wb")
        except BaseException:
            os.close(fd)
            raise
        with fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
            if os.name == "posix":
                _replace(tmp, path, replace_retries)  # an open file can be renamed here
                written = os.fstat(fh.fileno())
            else:
                written = os.fstat(fh.fileno())
        if os.name != "posix":
            _replace(tmp, path, replace_retries)  # Windows: not while it is open
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)
    return written


WRITE_PROTECTED = "het bestand is alleen-lezen (schrijfbeveiligd)"


class WriteProtected(PermissionError):
    """A write was asked to replace a file that has no write permission."""


def write_protected(path: Path, st: os.stat_result | None = None) -> bool:
    """Whether the file at ``path`` is read-only for us: no write permission bit at all
    (which root, whom the system lets write anyway, respects too), or none for this user.
    A missing file is not."""
    try:
        st = st or os.stat(path)
    except OSError:
        return False
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return True
    return not os.access(path, os.W_OK)


def _keep_owner(fd: int, uid: int, gid: int) -> None:
    """Give the new file the owner and group of the file it replaces (a register of
    another user stays theirs). Only root may give a file away: others keep at least the
    group, when they are in it; otherwise the file is theirs, as any editor makes it."""
    if not hasattr(os, "fchown"):
        return
    st = os.fstat(fd)
    if (st.st_uid, st.st_gid) == (uid, gid):
        return
    try:
        os.fchown(fd, uid, gid)
    except OSError:
        with contextlib.suppress(OSError):  # not in that group either: the file is ours
            os.fchown(fd, -1, gid)


def _replace(tmp: Path, path: Path, retries: int) -> None:
    for attempt in range(max(1, retries)):
        try:
            os.replace(tmp, path)
            return
        except PermissionError:
            # Windows: a virus scanner or sync tool may hold the file briefly.
            if attempt >= retries - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


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


def temp_files(path: Path) -> list[Path]:
    """Temporary files :func:`atomic_write` makes (or a crash leaves) for ``path``."""
    path = real_path(path)
    pattern = glob.escape(f".{path.name}.") + "*" + glob.escape(TMP_SUFFIX)
    return sorted(path.parent.glob(pattern))


def remove_stale_temps(path: Path, *, older_than: float | None = STALE_TMP_AGE) -> int:
    """Remove leftover temporary files of ``path``; return how many were removed.

    With ``older_than=None`` all of them go: only safe while holding the register lock
    (then nobody else is writing one).
    """
    removed = 0
    limit = None if older_than is None else time.time() - older_than
    for tmp in temp_files(path):
        try:
            if limit is not None and tmp.stat().st_mtime > limit:
                continue
            tmp.unlink()
            removed += 1
        except OSError:
            continue
    return removed


_OS_REASONS = {
    errno.ENOSPC: "de schijf is vol",
    errno.EACCES: "geen toegang: geen schrijfrechten, of het bestand is in gebruik "
    "door een ander programma",
    errno.EPERM: "geen toegang: geen schrijfrechten, of het bestand is in gebruik "
    "door een ander programma",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.EIO: "schrijf- of leesfout van de schijf",
    errno.ENOENT: "het bestand of de map bestaat niet (meer)",
    errno.ENAMETOOLONG: "het pad is te lang",
    errno.EMFILE: "te veel open bestanden",
    errno.ENFILE: "te veel open bestanden",
}
if hasattr(errno, "EDQUOT"):
    _OS_REASONS[errno.EDQUOT] = "het schijfquotum is bereikt"


class NotARegularFile(OSError):
    """A write was asked to replace a directory, device, FIFO or socket (Dutch strerror)."""


def os_reason(exc: OSError) -> str:
    """A short Dutch reason for an OSError."""
    if isinstance(exc, NotARegularFile | WriteProtected) and exc.strerror:
        return exc.strerror
    if exc.errno in _OS_REASONS:
        return _OS_REASONS[exc.errno]
    if isinstance(exc, PermissionError):
        return _OS_REASONS[errno.EACCES]
    detail = exc.strerror or str(exc) or type(exc).__name__
    return f"systeemfout: {_one_line(detail)}"


def _save_failed(path: Path, exc: OSError) -> str:
    return (
        f"{path}: opslaan mislukt ({os_reason(exc)}); het register op schijf is "
        "ongewijzigd en de wijziging is nog niet bewaard — los het op en sla opnieuw op"
    )


# -- reading and checking ----------------------------------------------------------------


@dataclass(frozen=True)
class FileStamp:
    """What identifies a version of the file cheaply: inode, size, modification time and
    (POSIX) inode change time. The ctime cannot be set back by a program (``touch``,
    ``os.utime`` and ``cp -p`` set it to now), so an edit in place that keeps the size and
    restores the mtime still changes the stamp. What a stamp cannot see: an edit in place
    of the same size within the same tick of the file system clock as our own read or
    write (a few milliseconds; on FAT up to two seconds)."""

    mtime_ns: int
    size: int
    ino: int = 0
    ctime_ns: int = 0

    @classmethod
    def from_stat(cls, st: os.stat_result) -> FileStamp:
        # On Windows st_ctime is the creation time, which an edit does not change.
        ctime = st.st_ctime_ns if os.name == "posix" else 0
        return cls(st.st_mtime_ns, st.st_size, st.st_ino, ctime)

    @classmethod
    def of(cls, path: Path) -> FileStamp | None:
        try:
            return cls.from_stat(path.stat())
        except OSError:
            return None


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


_DIGEST_IN_THREAD = 1 << 20  # bytes; below this a thread costs more than it saves


class Digest:
    """The digest of some bytes, computed beside the caller.

    hashlib lets go of the GIL while it hashes, so for a large file the hash runs on
    another core while the caller parses the JSON (open) or finishes the save; it is only
    waited for when it is needed: when the stat of the file has changed.
    """

    def __init__(self, data: bytes) -> None:
        self._value: bytes | None = None
        self._data: bytes | None = None
        self._thread: threading.Thread | None = None
        if len(data) < _DIGEST_IN_THREAD:
            self._value = _digest(data)
            return
        self._data = data
        self._thread = threading.Thread(target=self._run, name="pilot-tui-digest", daemon=True)
        try:
            self._thread.start()
        except RuntimeError:  # no more threads: hash when asked
            self._thread = None

    def _run(self) -> None:
        if self._data is not None:
            self._value = _digest(self._data)
            self._data = None

    def value(self) -> bytes:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._value is None:  # the thread could not start, or failed
            self._run()
        assert self._value is not None
        return self._value

    def matches(self, data: bytes) -> bool:
        return _digest(data) == self.value()


def _one_line(text: str, limit: int = MAX_MESSAGE) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _short(value: Any) -> str:
    return _one_line(repr(value), 60)


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


def _read_bytes(path: Path) -> tuple[bytes, FileStamp]:
    """The raw file and its stamp (from the same open file, so they belong together).
    Only a regular file of at most MAX_FILE_BYTES is read (see pilot_tui.files)."""
    if path.is_dir():
        raise StoreError(f"{path}: is een map, geen registerbestand")
    try:
        raw, st = read_regular(path)
    except FileRefused as exc:
        raise StoreError(str(exc)) from None
    except FileNotFoundError:
        raise StoreError(f"{path}: bestand bestaat niet") from None
    except IsADirectoryError:
        raise StoreError(f"{path}: is een map, geen registerbestand") from None
    except OSError as exc:
        raise StoreError(f"{path}: kan niet gelezen worden ({os_reason(exc)})") from None
    return raw, FileStamp.from_stat(st)


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
            f"{path}: geen JSON, dus geen register (begint met {_short(stripped[:20])})"
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
        raise StoreError(f"{path}: register met ongeldige schemaversie {_short(version)}")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: schemaversie {_short(version)} is nieuwer dan deze versie van pilot-tui "
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
        reason = _JSON_MESSAGES.get(exc.msg, _one_line(exc.msg, 80))
        raise StoreError(
            f"{path}: beschadigd register: ongeldige JSON op {where} ({reason})"
        ) from None
    except RecursionError:
        raise StoreError(f"{path}: beschadigd register: te diep geneste JSON") from None
    except ValueError as exc:  # e.g. an integer longer than Python converts
        raise StoreError(
            f"{path}: beschadigd register: ongeldige JSON ({_one_line(str(exc), 80)})"
        ) from None
    raise StoreError(
        f"{path}: beschadigd register: tekst of getal dat niet opgeslagen kan worden "
        f"({_one_line(fast_error, 80)})"
    )


def read_register_file(path: Path) -> dict[str, Any]:
    """Read and check the register file, every record included; return the raw TinyDB
    data. Raises StoreError with one Dutch line."""
    path = Path(path)
    raw, _stamp = _read_bytes(path)
    data = parse_register_bytes(path, raw)
    _parse(path, data)
    return data


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
class _Parsed:
    register: Register
    doc_ids: dict[str, int]  # pilot id -> document id in the pilots table
    meta_key: str
    audit_ids: int  # the highest audit document id in use
    schema: int = SCHEMA_VERSION  # the schema version of the file as read


def _doc_key(key: Any) -> int:
    if not isinstance(key, str) or not key.isascii() or not key.isdigit() or len(key) > 18:
        raise ValueError(f"ongeldige document-id {_short(key)}")
    value = int(key)
    if str(value) != key or value < 1:
        raise ValueError(f"ongeldige document-id {_short(key)}")
    return value


def _where(table: str, key: int, doc: Any) -> str:
    """Where a record is, for a message: ``pilot 12 ('pilot-00012')``."""
    if table == PILOTS:
        where = f"pilot {key}"
        if isinstance(doc, dict) and isinstance(doc.get("id"), str):
            where += f" ({_short(doc['id'])})"
        return where
    return f"logregel {key}"


def _parse(path: Path, data: dict[str, Any]) -> _Parsed:
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
                raise ValueError(f"peildatum {_short(p)} is geen datum (JJJJ-MM-DD)")
            try:
                peildatum = date.fromisoformat(p)
            except ValueError:
                raise ValueError(f"ongeldige peildatum {_short(p)}") from None
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
        raise StoreError(
            f"{path}: beschadigd register: {where}: {_one_line(_dutch(exc))}"
        ) from None
    return _Parsed(register, doc_ids, meta_key, audit_ids, schema)


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
    parsed = _parse(path, data)
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


def lock_path(path: Path) -> Path:
    path = real_path(path)
    return path.with_name(f".{path.name}.lock")


def holder_path(path: Path) -> Path:
    """Beside the lock: who holds it, when it is the app (read only while it is held)."""
    lock = lock_path(path)
    return lock.with_name(lock.name + ".info")


def app_holder(path: Path) -> int | None:
    """The process id of a running app that announced it holds the register's lock."""
    try:
        text = holder_path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    kind, _sep, pid_text = text.strip().partition(" ")
    if kind != "app" or not pid_text.isdigit():
        return None
    pid = int(pid_text)
    try:
        os.kill(pid, 0)  # alive? (a file left by a killed app says nothing)
    except ProcessLookupError:
        return None
    except OSError:
        return pid  # alive, but not ours to signal
    return pid


def backup_dir(path: Path) -> Path:
    path = real_path(path)
    return path.with_name(f"{path.name}.backups")


# -- outputs: never the register, its lock or its backups, never a device --------------------


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def _same_place(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` name the same file or folder, however written: when both
    exist, by device and inode (a link, "..", another case on a case-insensitive file
    system, a hard link); when neither does, by their resolved names, case folded (a
    name the other would take, were it made there)."""
    ia, ib = _identity(a), _identity(b)
    if ia is not None or ib is not None:
        return ia == ib
    fold = [os.path.normcase(os.path.realpath(p)).casefold() for p in (a, b)]
    return fold[0] == fold[1]


def output_problem(target: Path, register: Path | None = None) -> str | None:
    """Why ``target`` may not be written as an output (a snapshot, an export): one Dutch
    line, or None when it may.

    Refused: the register at ``register``, its lock file, its backups folder and what is
    in it, whichever way the path is written; and anything that is not a regular file or
    a new name (a directory, a device, a FIFO): replacing ``/dev/null`` with a file is
    what an atomic write would do to it.
    """
    target = Path(target)
    try:
        st = os.stat(target)  # through a link: what a write would replace
    except (FileNotFoundError, NotADirectoryError):
        st = None
    except (OSError, ValueError) as exc:
        reason = os_reason(exc) if isinstance(exc, OSError) else _one_line(str(exc))
        return f"{target}: niet te gebruiken ({reason})"
    if register is not None:
        register = real_path(Path(register))
        folder = backup_dir(register)
        if _same_place(target, register):
            return f"{target}: dat is het register zelf; kies een andere naam"
        if _same_place(target, lock_path(register)):
            return f"{target}: dat is het slotbestand van het register; kies een andere naam"
        resolved = Path(os.path.realpath(target))
        if _same_place(resolved, folder):
            return f"{target}: dat is de map met reservekopieën van het register"
        if any(_same_place(place, folder) for place in resolved.parents):
            return (
                f"{target}: ligt in de map met reservekopieën van het register; kies een "
                "andere plek"
            )
    if st is not None:
        kind = kind_of(st.st_mode)
        if kind is not None:
            return f"{target}: is {kind}, geen gewoon bestand; kies een bestandsnaam"
    return None


# -- the TinyDB storage -------------------------------------------------------------------


@dataclass
class _Loaded:
    data: dict[str, Any]
    stamp: FileStamp
    digest: Digest


_Piece = tuple[Any, bytes]  # a document and its text in the file (key and value, UTF-8)


class AtomicJSONStorage(Storage):
    """TinyDB storage: reads the file once, writes it atomically and deterministically.

    The parsed data is kept in memory, so TinyDB operations do not re-read the file.
    Inside :meth:`batch` writes are collected and the file is written once at the end.
    A failed write keeps the data in memory and ``dirty`` set; :meth:`flush` retries.

    Saving does not serialise the whole register each time: the text of every document
    (a record of a table) is kept, with the document object it was made from, and the
    file is put together from those pieces (:meth:`payload`); only a document that is a
    new object since the last save is serialised again. The result is byte for byte
    :func:`dumps` of the data. That holds because a change replaces documents: the store
    writes through :meth:`put` and never changes a document in place. :meth:`write` (what
    TinyDB calls, and it does change documents in place) forgets every piece, as does
    reading the file again.
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
        self._pieces: dict[str, dict[str, _Piece]] = {}  # table -> document id -> piece

    def read_file(self) -> _Loaded:
        """Read and check the file without changing this storage."""
        raw, stamp = _read_bytes(self.path)
        digest = Digest(raw)  # hashed on another core while the JSON is parsed
        return _Loaded(parse_register_bytes(self.path, raw), stamp, digest)

    def adopt(self, loaded: _Loaded) -> None:
        self._data = loaded.data
        self.stamp = loaded.stamp
        self.digest = loaded.digest
        self.dirty = False
        self._pieces = {}

    def load(self) -> Any:
        self.adopt(self.read_file())
        return self._data

    def read(self) -> Any:
        return self._data

    def write(self, data: Any) -> None:
        """TinyDB's write: documents may have been changed in place, so every piece of
        text is made again at the next save."""
        self._pieces = {}
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
        pieces: dict[str, dict[str, _Piece]] = {}
        chunks: list[bytes] = []
        sep = b"{\n  "
        for name in sorted(data):
            table = data[name]
            chunks += (sep, (_encode_str(name) + ": ").encode("utf-8"))
            sep = b",\n  "
            if type(table) is not dict or not all(type(k) is str for k in table):
                chunks.append(canonical(table, "\n  ").encode("utf-8"))
            elif not table:
                chunks.append(b"{}")
            else:
                kept = self._pieces.get(name, {})
                pieces[name] = fresh = {}
                item_sep = b"{\n    "
                for key in sorted(table):
                    doc = table[key]
                    piece = kept.get(key)
                    if piece is None or piece[0] is not doc:
                        text = _encode_str(key) + ": " + canonical(doc, "\n    ")
                        piece = (doc, text.encode("utf-8"))
                    fresh[key] = piece
                    chunks += (item_sep, piece[1])
                    item_sep = b",\n    "
                chunks.append(b"\n  }")
        chunks.append(b"\n}\n")
        self._pieces = pieces
        return b"".join(chunks)

    def flush(self, *, check: bool = True) -> None:
        """Write the data now. Raises StoreError (StoreConflict, StoreReadOnly)."""
        if self.readonly:
            raise StoreReadOnly(f"{self.path}: het register is alleen-lezen geopend")
        if check and self.before_write is not None:
            self.before_write()
        payload = self.payload()
        try:
            written = _atomic_write(self.path, payload)
        except OSError as exc:
            raise StoreError(_save_failed(self.path, exc)) from None
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


# -- backups ------------------------------------------------------------------------------


def _backup_re(path: Path) -> re.Pattern[str]:
    return re.compile(
        re.escape(path.stem) + r"-(\d{8}-\d{6}-\d{6})(?:-([a-z0-9-]+))?" + re.escape(path.suffix)
    )


def _slug(reason: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")[:40].strip("-")


DAILY = "dagelijks"  # the reason of the first writable open's backup of a day
BEFORE_IMPORT = "import"  # the copy made before an import
FUTURE_SLACK = timedelta(days=1)  # a clock set back (summer time, another time zone)


@dataclass(frozen=True)
class _Backup:
    path: Path
    when: datetime | None  # the time in the name; None when it is no date
    reason: str
    # Judged a backup of ours: named by our scheme with a date that has been. A name
    # dated in the future (a wrong clock, a copy from elsewhere) or with no real date is
    # neither counted nor removed by the rotation.
    ours: bool


def _scan_backups(path: Path) -> tuple[list[_Backup], list[_Backup]]:
    """(ours newest first, the other files named like backups), of the register at
    ``path``. Only regular files count (not a link, a folder or a FIFO so named)."""
    path = real_path(path)
    folder = backup_dir(path)
    pattern = _backup_re(path)
    latest = _now() + FUTURE_SLACK
    found: list[_Backup] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                m = pattern.fullmatch(entry.name)
                if m is None or not entry.is_file(follow_symlinks=False):
                    continue
                try:
                    when: datetime | None = datetime.strptime(m[1], BACKUP_STAMP)
                except ValueError:
                    when = None
                judged = when is not None and when <= latest
                found.append(_Backup(Path(entry.path), when, m[2] or "", judged))
    except OSError:  # no folder (yet), or not readable: no backups to show or rotate
        return [], []
    ours = sorted((b for b in found if b.ours), key=lambda b: (b.when, b.path.name), reverse=True)
    others = sorted((b for b in found if not b.ours), key=lambda b: b.path.name, reverse=True)
    return ours, others


def list_backups(path: Path) -> list[Path]:
    """Backups of the register at ``path``, newest first; files named like backups with
    a date in the future or no real date come last (see :class:`_Backup`)."""
    ours, others = _scan_backups(path)
    return [b.path for b in ours] + [b.path for b in others]


def _backup_day(backup: Path, path: Path) -> str:
    m = _backup_re(real_path(path)).fullmatch(backup.name)
    return m[1][:8] if m else ""


def _rotate(path: Path, keep: int, new: Path) -> None:
    """Remove our oldest backups beyond the newest ``keep``. Never removed: the backup
    just made, today's daily backup, the latest copy from before an import, and any file
    that is not judged ours."""
    ours, _others = _scan_backups(path)
    today = _now().date()
    kept = {new}
    daily = next((b for b in ours if b.reason == DAILY), None)
    if daily is not None and daily.when is not None and daily.when.date() == today:
        kept.add(daily.path)
    before_import = next((b for b in ours if b.reason == BEFORE_IMPORT), None)
    if before_import is not None:
        kept.add(before_import.path)
    for old in ours[max(1, keep) :]:
        if old.path not in kept:
            with contextlib.suppress(OSError):  # gone already, or not ours to remove
                old.path.unlink()


def make_backup(path: Path, reason: str = "", *, keep: int | None = DEFAULT_BACKUPS) -> Path:
    """Copy the register file into its backup folder (atomically); keep the newest
    ``keep`` (all when None). Raises OSError. The caller should hold the lock."""
    path = real_path(path)
    folder = backup_dir(path)
    folder.mkdir(exist_ok=True)
    try:
        data, _st = read_regular(path)
    except FileRefused as exc:  # not a register (a FIFO put in its place): no copy
        raise OSError(errno.EINVAL, str(exc)) from None
    slug = _slug(reason)
    when = _now()
    while True:
        name = f"{path.stem}-{when.strftime(BACKUP_STAMP)}{'-' + slug if slug else ''}{path.suffix}"
        target = folder / name
        if not target.exists():
            break
        when = when.replace(microsecond=(when.microsecond + 1) % 1_000_000)
    _atomic_write(target, data, like=path)
    if keep is not None:
        _rotate(path, keep, target)
    for tmp in folder.glob(".*" + glob.escape(TMP_SUFFIX)):
        with contextlib.suppress(OSError):
            if tmp.stat().st_mtime < time.time() - STALE_TMP_AGE:
                tmp.unlink()
    return target


def latest_good_backup(path: Path, *, limit: int = 20) -> Path | None:
    """The newest backup that is itself a readable register (None when there is none)."""
    for candidate in list_backups(path)[:limit]:
        try:
            read_register_file(candidate)
        except StoreError:
            continue
        return candidate
    return None


def _with_backup_hint(path: Path, message: str) -> str:
    try:
        good = latest_good_backup(path)
    except OSError:
        good = None
    if good is None:
        return message
    return f"{message}; laatste reservekopie: {good}"


# -- the store ------------------------------------------------------------------------------


class Store:
    """The register file, opened for reading and (normally) writing."""

    def __init__(
        self,
        path: Path,
        storage: AtomicJSONStorage,
        lock: FileLock | None,
        *,
        backups_keep: int = DEFAULT_BACKUPS,
        _parsed: _Parsed | None = None,
    ) -> None:
        self.path = path
        self._storage = storage
        self._lock = lock
        self.backups_keep = backups_keep
        self.warnings: list[str] = []  # non-fatal problems, e.g. a daily backup that failed
        self._temps_cleaned = False
        self._adopt(_parsed or _parse(path, storage.read()))
        storage.before_write = self._check_unchanged
        storage.after_write = self._after_write

    def _adopt(self, parsed: _Parsed) -> None:
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
        storage = AtomicJSONStorage(path, readonly=readonly)
        parsed = _load_checked(storage)  # refuse a bad file before taking any lock
        lock: FileLock | None = None
        if not readonly:
            _refuse_write_protected(path)
            lock = _acquire(path, lock_timeout)
        try:
            if lock is not None and FileStamp.of(path) != storage.stamp:
                parsed = _load_checked(storage)  # changed while we waited for the lock
            store = cls(path, storage, lock, backups_keep=backups_keep, _parsed=parsed)
            if lock is not None and store.schema < SCHEMA_VERSION:
                store._upgrade_backup()
            if lock is not None and daily_backup:
                store._daily_backup()
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
        lock = _acquire(path, 0.0)
        try:
            if path.exists():
                raise StoreError(f"{path}: bestaat al; kies een ander bestand")
            data = data_from_register(register)
            parsed = _parse(path, data)  # what could not be read back is not written
            storage = AtomicJSONStorage(path, initial=data)
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
            raw, stamp = _read_bytes(self.path)
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
            parsed = _parse(self.path, loaded.data)
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
        data = self._storage.read()
        data[META] = {self._meta_key: meta_doc(self.register)}
        self._storage.put(data)

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
            _Parsed(
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
        data = self._storage.read()
        data[META] = {self._meta_key: meta_doc(self.register)}
        self._storage.put(data)

    def _change(
        self, table: str, docs: dict[int, dict[str, Any]], remove: tuple[int, ...] = ()
    ) -> None:
        data = self._storage.read()
        current = data.get(table)
        if not isinstance(current, dict):
            current = data[table] = {}
        for doc_id, doc in docs.items():
            current[str(doc_id)] = doc
        for doc_id in remove:
            current.pop(str(doc_id), None)
        self._storage.put(data)  # documents are replaced, never changed in place

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

    def _daily_backup(self) -> None:
        today = _now().strftime("%Y%m%d")
        backups = list_backups(self.path)
        if any(_backup_day(b, self.path) == today for b in backups):
            return
        with contextlib.suppress(OSError, FileRefused):
            if backups and read_regular(backups[0])[0] == read_regular(self.path)[0]:
                return  # nothing changed since the newest backup: keep the older ones
        try:
            self.backup(DAILY)
        except StoreError as exc:
            self.warnings.append(str(exc))


def _load_checked(storage: AtomicJSONStorage) -> _Parsed:
    """Load the file into ``storage``; a refusal names the latest good backup."""
    try:
        with collector_paused():
            loaded = storage.read_file()
            parsed = _parse(storage.path, loaded.data)
    except StoreError as exc:
        raise StoreError(_with_backup_hint(storage.path, str(exc))) from None
    storage.adopt(loaded)
    return parsed


def _refuse_write_protected(
    path: Path, then: str = "niets gewijzigd (alleen-lezen openen kan wel)"
) -> None:
    if write_protected(real_path(path)):
        raise StoreWriteProtected(f"{path}: {WRITE_PROTECTED}; {then}")


def _acquire(path: Path, timeout: float) -> FileLock:
    # Imported here: a start that paints from the start cache takes the lock afterwards.
    from filelock import FileLock, Timeout

    lock = FileLock(lock_path(path), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise StoreLocked(
            f"register in gebruik: {path} is al geopend door een ander programma of venster "
            "(alleen-lezen openen kan wel)"
        ) from None
    except OSError as exc:
        raise StoreError(f"{path}: kan het slot niet zetten ({os_reason(exc)})") from None
    return lock


def _check_regular_or_new(path: Path) -> None:
    """Refuse to replace a device, FIFO or socket: only a regular file is a register."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"{path}: kan niet gelezen worden ({os_reason(exc)})") from None
    kind = kind_of(st.st_mode)
    if kind is not None:
        raise StoreError(f"{path}: is {kind}, geen registerbestand; niets gewijzigd")


def restore_backup(path: Path, backup: Path, *, lock_timeout: float = 0.0) -> Path | None:
    """Put ``backup`` back as the register at ``path``.

    The backup must itself be a readable register (otherwise StoreError, and nothing is
    changed). The current file, even a corrupt one, is first copied into the backup
    folder; that copy's path is returned (None when there was no current file).
    """
    path, backup = Path(path), Path(backup)
    if not backup.exists() and (backup_dir(path) / backup.name).exists():
        backup = backup_dir(path) / backup.name
    try:
        raw, _stamp = _read_bytes(backup)
        _parse(backup, parse_register_bytes(backup, raw))
    except StoreError as exc:
        raise StoreError(f"{exc}; niet teruggezet, {path} is ongewijzigd") from None
    if path.is_dir():
        raise StoreError(f"{path}: is een map, geen registerbestand")
    if not path.parent.is_dir():
        raise StoreError(f"{path.parent}: map bestaat niet")
    _check_regular_or_new(path)
    _refuse_write_protected(path, "niet teruggezet")
    lock = _acquire(path, lock_timeout)
    try:
        saved: Path | None = None
        if path.exists():
            try:
                saved = make_backup(path, "voor-herstel", keep=None)
            except OSError as exc:
                raise StoreError(
                    f"{path}: kan de huidige versie niet bewaren ({os_reason(exc)}); "
                    "niet teruggezet"
                ) from None
        try:
            atomic_write(path, raw)
        except OSError as exc:
            raise StoreError(f"{path}: terugzetten mislukt ({os_reason(exc)})") from None
        remove_stale_temps(path, older_than=None)
        return saved
    finally:
        lock.release()
