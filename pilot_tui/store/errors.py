"""Why the register cannot be used or saved: each message is one Dutch line for the user."""

from __future__ import annotations


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
