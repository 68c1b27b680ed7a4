"""The register on disk: a TinyDB JSON document behind a small store class.

One job per module:

* :mod:`~pilot_tui.store.document`: the bytes of the file: serialise (:func:`dumps`)
  and read back strictly (:func:`parse_register_bytes`);
* :mod:`~pilot_tui.store.records`: every record checked and built into a Register, and
  a Register as a document again; the schema version;
* :mod:`~pilot_tui.store.stamp`: noticing a change on disk made by someone else;
* :mod:`~pilot_tui.store.lock`: one writer at a time;
* :mod:`~pilot_tui.store.backups`: make, rotate, list and restore backups;
* :mod:`~pilot_tui.store.storage`: :class:`RegisterStorage`, the TinyDB storage that
  keeps the register in memory and saves it atomically, a document at a time;
* :mod:`~pilot_tui.store.facade`: :class:`Store`, what the rest of the program uses.

Writing a file atomically is not the store's alone: :mod:`pilot_tui.atomic`. Where an
output may go: :mod:`pilot_tui.outputs`.

The names below are the ones the rest of the program uses, for ``from pilot_tui.store
import ...``.
"""

from __future__ import annotations

from pilot_tui.store.backups import (
    BEFORE_IMPORT,
    DAILY,
    DEFAULT_BACKUPS,
    backup_dir,
    latest_good_backup,
    list_backups,
    make_backup,
    restore_backup,
)
from pilot_tui.store.document import AUDIT, META, PILOTS, canonical, dumps, parse_register_bytes
from pilot_tui.store.errors import (
    StoreConflict,
    StoreError,
    StoreLocked,
    StoreReadOnly,
    StoreWriteProtected,
)
from pilot_tui.store.facade import Store
from pilot_tui.store.lock import app_holder, holder_path, lock_path
from pilot_tui.store.records import (
    data_from_register,
    meta_doc,
    read_register_file,
    register_from_data,
)
from pilot_tui.store.stamp import FileStamp
from pilot_tui.store.storage import RegisterStorage

__all__ = [
    "AUDIT",
    "BEFORE_IMPORT",
    "DAILY",
    "DEFAULT_BACKUPS",
    "META",
    "PILOTS",
    "FileStamp",
    "RegisterStorage",
    "Store",
    "StoreConflict",
    "StoreError",
    "StoreLocked",
    "StoreReadOnly",
    "StoreWriteProtected",
    "app_holder",
    "backup_dir",
    "canonical",
    "data_from_register",
    "dumps",
    "holder_path",
    "latest_good_backup",
    "list_backups",
    "lock_path",
    "make_backup",
    "meta_doc",
    "parse_register_bytes",
    "read_register_file",
    "register_from_data",
    "restore_backup",
]
