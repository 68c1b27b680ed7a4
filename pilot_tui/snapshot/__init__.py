"""The snapshot: the register as of one peildatum, as a document.

One model (:mod:`pilot_tui.snapshot.model`), one renderer per format (``md``, ``html``,
``docx``, ``csv``, ``json``); the renderers share nothing but the model. Usage::

    snapshot = build_snapshot(register, SnapshotOptions(peildatum, window))
    data = render(snapshot, "docx")
    Path(default_filename(peildatum, "docx")).write_bytes(data)

or both steps at once, as the command line and the app do: ``make(register, options,
"docx")``.

What a document holds by default depends on what it is for (:func:`default_summary`):
the Word file is the Bijlage as it goes to the Kamer (title, intro, pilots, footnotes;
nothing internal), the others are for reading and scripts and show the Aandachtspunten.
"Wijzigingen sinds" is never there unless asked for; in Word it can come as revisions in
the document instead (``SnapshotOptions(track_changes=True)``, Word only).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date
from pathlib import Path

from pilot_tui.memory import collector_paused
from pilot_tui.model import Register
from pilot_tui.snapshot.build import build_snapshot
from pilot_tui.snapshot.model import Snapshot, SnapshotOptions, SnapshotPilot

FORMATS = ("docx", "md", "html", "csv", "json")
NO_SINCE_WORDS = ("geen", "-")  # typed for "since": no "changes since" section
KAMER_FORMATS = ("docx",)  # documents for the Kamer: nothing internal by default

__all__ = [
    "FORMATS",
    "KAMER_FORMATS",
    "NO_SINCE_WORDS",
    "Snapshot",
    "SnapshotOptions",
    "SnapshotPilot",
    "build_snapshot",
    "default_filename",
    "default_summary",
    "format_of",
    "make",
    "render",
]


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"onbekend formaat {fmt!r}; kies uit: {', '.join(FORMATS)}")


def default_summary(fmt: str) -> bool:
    """Whether a document in ``fmt`` shows the Aandachtspunten unless told otherwise:
    not the Word file (the Bijlage for the Kamer), the others do."""
    return fmt not in KAMER_FORMATS


def render(
    snapshot: Snapshot,
    fmt: str,
    progress: Callable[[int, int], None] | None = None,
    *,
    template: Path | None = None,
    toc: bool = False,
) -> bytes:
    """The snapshot as a file in ``fmt`` (one of FORMATS).

    ``progress(done, total)``, when given, is called with (0, total) first and with
    (total, total) when the file is ready. ``total`` is the number of pilots; for Word
    it also counts the rows of the changes table, and Word reports every 100 of them in
    between. ``template`` (a .docx/.dotx whose styles are used) and ``toc`` (a table of
    contents) are for Word only; a bad template raises
    :class:`pilot_tui.snapshot.wordpkg.TemplateError` (a ValueError).
    """
    _check(fmt)
    if fmt != "docx" and (template is not None or toc):
        raise ValueError("een sjabloon en een inhoudsopgave zijn er alleen voor Word (docx)")
    if fmt != "docx" and snapshot.before is not None:
        raise ValueError("wijzigingen als revisies zijn er alleen voor Word (docx)")
    # Imported on demand: each format's code is loaded when it is asked for.
    module = importlib.import_module(f"pilot_tui.snapshot.{fmt}")
    if fmt == "docx":
        # the collector stays paused here too: the body is millions of short strings
        with collector_paused():
            docx_data: bytes = module.render(snapshot, progress, template=template, toc=toc)
        return docx_data
    total = sum(len(g.pilots) for g in snapshot.groups)
    if progress is not None:
        progress(0, total)
    # A text format makes millions of short-lived strings while the register and the
    # snapshot (some 10^6 objects at 10,000 pilots) stay: no collections in between
    # (see pilot_tui.memory).
    with collector_paused():
        data: bytes = module.render(snapshot)
    if progress is not None:
        progress(total, total)
    return data


def format_of(path: Path) -> str | None:
    """The format a file name says by its extension ("stand.MD" -> "md"), or None."""
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None


def default_filename(peildatum: date, fmt: str) -> str:
    """ "stand-van-zaken-pilots-2021-12-01.docx" """
    _check(fmt)
    return f"stand-van-zaken-pilots-{peildatum.isoformat()}.{fmt}"


def make(
    register: Register,
    options: SnapshotOptions,
    fmt: str,
    *,
    build_progress: Callable[[int, int], None] | None = None,
    render_progress: Callable[[int, int], None] | None = None,
    template: Path | None = None,
    toc: bool = False,
) -> bytes:
    """The snapshot of ``register`` as a file in ``fmt``: :func:`build_snapshot`, then
    :func:`render` (with their progress callbacks, and for Word ``template`` and
    ``toc``).

    The collector stays paused from the first pilot to the last byte, and the model is
    dropped before it resumes: reference counting frees the model's objects (they hold
    no cycles), so no collection walks them between the two steps or after them (a
    tenth of the time at 10,000 pilots)."""
    _check(fmt)
    with collector_paused():
        snapshot = build_snapshot(register, options, build_progress)
        data = render(snapshot, fmt, render_progress, template=template, toc=toc)
        del snapshot
    return data
