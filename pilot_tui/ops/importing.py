"""Importing an overview (PDF, Word or text) into a register: plan, preview, apply.

1. :func:`plan_import` reads the document (the slow part: a front end may run it in a
   worker thread) and settles the peildatum;
2. :func:`preview_import` merges it into a copy the caller throws away, for the report
   of what would change (a dry run, the app's preview);
3. :func:`apply_import` makes a backup, merges into the register and saves it (every
   change is in the audit log: the merge records it); on a failure the register in
   memory is read back from disk, so nothing is kept that is not saved.

:func:`import_new` makes a new register of a document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pilot_tui.files import FileRefused
from pilot_tui.importing import MergeReport, OverviewError, merge, read_overview
from pilot_tui.model import Register
from pilot_tui.ops import OpError, error_line
from pilot_tui.store import Store, StoreError

Progress = Callable[[int, int], None]


class NoPeildatum(OpError):
    """The document names no peildatum and none was given; each front end says how to
    give one."""


@dataclass(frozen=True)
class ImportPlan:
    """A document read, to be merged for ``peildatum``."""

    source: Path
    incoming: Register
    peildatum: date
    warnings: tuple[str, ...] = ()


def plan_import(
    source: Path,
    peildatum: date | None = None,
    *,
    progress: Progress | None = None,
    pages: Progress | None = None,
) -> ImportPlan:
    """Read ``source`` (PDF, Word or text, by its content). Raises OpError, with the
    system's or the reader's exception as its cause, or NoPeildatum."""
    try:
        result = read_overview(source, peildatum, progress=progress, pages=pages)
    except FileRefused as exc:
        raise OpError(str(exc)) from exc
    except FileNotFoundError as exc:
        raise OpError(f"{source}: bestand bestaat niet") from exc
    except IsADirectoryError as exc:
        raise OpError(f"{source}: is een map") from exc
    except OSError as exc:
        raise OpError(f"{source}: kan niet gelezen worden ({exc.strerror})") from exc
    except OverviewError as exc:
        raise OpError(f"{source}: {exc}") from exc
    incoming = result.register
    when = peildatum or incoming.latest_peildatum()
    if when is None:
        raise NoPeildatum(f"{source}: geen peildatum gevonden")
    return ImportPlan(source, incoming, when, tuple(result.warnings))


def preview_import(plan: ImportPlan, trial: Register, *, update: bool = False) -> MergeReport:
    """Merge into ``trial``, a register the caller throws away: what would change."""
    try:
        return merge(trial, plan.incoming, plan.peildatum, update=update)
    except OverviewError as exc:
        raise OpError(f"{plan.source}: {exc}") from exc


def apply_import(plan: ImportPlan, store: Store, *, update: bool = False) -> MergeReport:
    """Merge into the register of ``store`` and save it, after a backup. Raises OpError
    (the register in memory is then as on disk again)."""
    try:
        report = merge(store.register, plan.incoming, plan.peildatum, update=update)
        store.backup("import")
        store.save_all()
    except (OSError, StoreError, OverviewError) as exc:
        message = f"{plan.source}: {exc}" if isinstance(exc, OverviewError) else error_line(exc)
        try:
            store.reload()  # never keep a merge in memory that is not on disk
        except StoreError as again:
            message += f" ({error_line(again)})"
        raise OpError(message) from exc
    return report


def import_new(plan: ImportPlan, path: Path, *, dry_run: bool = False) -> MergeReport:
    """A new register at ``path`` of the document (not written with ``dry_run``)."""
    incoming = plan.incoming
    register = Register(title=incoming.title, intro=incoming.intro, annex=incoming.annex)
    report = merge(register, incoming, plan.peildatum, update=True)
    if not dry_run:
        Store.create(path, register).close()
    return report
