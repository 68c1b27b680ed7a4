"""The app's two flows that read or write files besides the register: import and snapshot.

Both run their heavy part (parsing an overview, building and rendering a snapshot) in a
thread worker and come back to the UI thread with ``call_from_thread``. Every error ends
as one Dutch notification line, shown as text (``markup=False``), never a traceback.
"""

from __future__ import annotations

import copy
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from pilot_tui.importing import MergeReport
from pilot_tui.model import Register
from pilot_tui.ops import OpError, error_line
from pilot_tui.ops.importing import (
    ImportPlan,
    NoPeildatum,
    apply_import,
    plan_import,
    preview_import,
)
from pilot_tui.snapshot import FORMATS
from pilot_tui.tui import strings as S
from pilot_tui.tui.dialogs.import_preview import ImportFileScreen, ImportPreviewScreen
from pilot_tui.tui.dialogs.snapshot import SnapshotDialog, SnapshotRequest

if TYPE_CHECKING:
    from pilot_tui.tui.host import FileHost

PROGRESS_EVERY = 2.0  # seconds between progress notifications of a long parse or build
PROGRESS_TIMEOUT = 3.0


def _error_text(exc: BaseException) -> str:
    """A failure as one line: an operation's refusal as the system or the reader said it
    (the command line words these for its own options)."""
    if isinstance(exc, OpError) and exc.__cause__ is not None:
        return error_line(exc.__cause__)
    return error_line(exc)


class Cancelled(Exception):
    """The app is stopping: the long work in the worker thread ends without a result."""


def _progress(
    app: FileHost, template: str, cancel: threading.Event | None = None, **fields: str
) -> Callable[[int, int], None]:
    """A progress callback for a worker thread: a notification at most every few seconds;
    raises Cancelled once ``cancel`` is set."""
    last = time.monotonic()

    def report(done: int, total: int) -> None:
        nonlocal last
        if cancel is not None and cancel.is_set():
            raise Cancelled
        now = time.monotonic()
        if now - last < PROGRESS_EVERY or not total:
            return
        last = now
        message = template.format(done=done, total=total, **fields)
        app.call_from_thread(app.notify, message, markup=False, timeout=PROGRESS_TIMEOUT)

    return report


# -- import -------------------------------------------------------------------------------


def start_import(app: FileHost) -> None:
    if app.store.readonly:
        reason = app.notice or str(app.store.path)
        app.notify(S.IMPORT_READONLY.format(reason=reason), severity="warning", markup=False)
        return
    app.push_screen(ImportFileScreen(), partial(_file_chosen, app))


def _file_chosen(app: FileHost, path: Path | None) -> None:
    if path is None:
        return
    app.notify(S.IMPORT_READING.format(file=path.name), markup=False, timeout=PROGRESS_TIMEOUT)
    # The trial merge works on a copy taken now, in the UI thread: edits made while the
    # document is parsed cannot change the register under the copy.
    trial = copy.deepcopy(app.store.register)
    work = partial(_parse, app, path, trial)
    app.run_worker(work, thread=True, group="import", exclusive=True, exit_on_error=False)


def _parse(app: FileHost, path: Path, trial: Register) -> None:
    """In a worker thread: read (PDF, Word or text), parse and merge into the trial copy;
    then show the preview."""
    try:
        plan = plan_import(
            path,
            progress=_progress(app, S.IMPORT_PROGRESS),
            pages=_progress(app, S.IMPORT_PAGES_PROGRESS),
        )
        report = preview_import(plan, trial)
    except NoPeildatum:
        message = S.IMPORT_FAILED.format(error=S.IMPORT_NO_PEILDATUM)
        app.call_from_thread(app.notify, message, severity="error", markup=False)
        return
    except OpError as exc:
        message = S.IMPORT_FAILED.format(error=_error_text(exc))
        app.call_from_thread(app.notify, message, severity="error", markup=False)
        return
    except Exception as exc:  # noqa: BLE001 - a failure in a worker is said, never silent
        message = S.IMPORT_FAILED.format(error=f"{type(exc).__name__}: {_error_text(exc)}")
        app.call_from_thread(app.notify, message, severity="error", markup=False)
        return
    app.call_from_thread(_preview, app, plan, report)


def _preview(app: FileHost, plan: ImportPlan, report: MergeReport) -> None:
    screen = ImportPreviewScreen(report, plan.source.name, plan.peildatum, list(plan.warnings))
    app.push_screen(screen, partial(_confirmed, app, plan))


def _confirmed(app: FileHost, plan: ImportPlan, go: bool | None) -> None:
    if not go:
        return
    try:
        report = apply_import(plan, app.store)  # backup, merge, save: as `pilot-tui import`
    except OpError as exc:
        app.register_changed()
        app.notify(S.IMPORT_FAILED.format(error=str(exc)), severity="error", markup=False)
        return
    app.register_changed(peildatum=plan.peildatum)  # as of the imported document
    app.notify(report.summary(), markup=False)


# -- snapshot -----------------------------------------------------------------------------


def start_snapshot(app: FileHost) -> None:
    register = app.store.register
    previous = register.previous_peildatum(app.peildatum)
    dialog = SnapshotDialog(
        app.peildatum,
        previous,
        fmt=app.snapshot_format,
        today=app.today,
        register=app.store.path,
    )
    app.push_screen(dialog, partial(_snapshot_chosen, app))


@dataclass
class SnapshotWriting:
    """A snapshot being made in a worker thread; quitting asks first, then cancels it."""

    label: str  # the format, as the dialog names it ("Word")
    cancel: threading.Event = field(default_factory=threading.Event)
    done: bool = False  # set by the worker when it ends, however


def _snapshot_chosen(app: FileHost, request: SnapshotRequest | None) -> None:
    if request is None:
        return
    app.snapshot_format = request.fmt
    label = FORMATS[request.fmt].label
    app.notify(S.SNAPSHOT_BUSY.format(fmt=label), markup=False, timeout=PROGRESS_TIMEOUT)
    writing = SnapshotWriting(label)
    app.snapshot_writing = writing
    work = partial(_write_snapshot, app, request, app.peildatum, writing)
    app.run_worker(work, thread=True, group="snapshot", exit_on_error=False)


def _write_snapshot(
    app: FileHost, request: SnapshotRequest, peildatum: date, writing: SnapshotWriting
) -> None:
    """In a worker thread: build, render and write the snapshot; say how it went. Word
    takes minutes for thousands of pilots: its progress is shown too."""
    try:
        _make_and_write(app, request, peildatum, writing)
    finally:
        writing.done = True


def _make_and_write(
    app: FileHost, request: SnapshotRequest, peildatum: date, writing: SnapshotWriting
) -> None:
    from pilot_tui.ops.snapshot import write_snapshot
    from pilot_tui.snapshot import SnapshotOptions

    options = SnapshotOptions(
        peildatum,
        app.window,
        request.since,
        request.summary,
        None,
        track_changes=request.track_changes,
    )
    cancel = writing.cancel
    try:
        written = write_snapshot(
            app.store.register,
            options,
            request.fmt,
            request.path,
            app.store.path,  # asked minutes ago: the operation asks again before writing
            build_progress=_progress(app, S.SNAPSHOT_PROGRESS, cancel),
            render_progress=_progress(app, S.SNAPSHOT_RENDER_PROGRESS, cancel, fmt=writing.label),
            cancelled=cancel.is_set,
        )
    except Cancelled:
        return  # the app is stopping: no file, no message
    except OpError as exc:
        message = S.SNAPSHOT_FAILED.format(error=_error_text(exc))
        app.call_from_thread(app.notify, message, severity="error", markup=False)
        return
    except Exception as exc:  # noqa: BLE001 - a failure in a worker is said, never silent
        message = S.SNAPSHOT_FAILED.format(error=f"{type(exc).__name__}: {_error_text(exc)}")
        app.call_from_thread(app.notify, message, severity="error", markup=False)
        return
    if written is None:
        return  # the app is stopping: no file, no message
    message = S.SNAPSHOT_WRITTEN.format(path=request.path)
    app.call_from_thread(app.notify, message, markup=False)
