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

The formats, with what each takes and how its files are named, are one table:
:data:`FORMATS` (:mod:`pilot_tui.snapshot.formats`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from pilot_tui.memory import collector_paused
from pilot_tui.model import Register
from pilot_tui.snapshot.build import build_snapshot
from pilot_tui.snapshot.formats import (
    DEFAULT_FORMAT,
    FORMATS,
    NO_SINCE_WORDS,
    SnapshotFormat,
    default_filename,
    default_summary,
    format_of,
    format_spec,
)
from pilot_tui.snapshot.model import Snapshot, SnapshotOptions, SnapshotPilot

__all__ = [
    "DEFAULT_FORMAT",
    "FORMATS",
    "NO_SINCE_WORDS",
    "Snapshot",
    "SnapshotFormat",
    "SnapshotOptions",
    "SnapshotPilot",
    "build_snapshot",
    "default_filename",
    "default_summary",
    "format_of",
    "format_spec",
    "make",
    "render",
]


def render(
    snapshot: Snapshot,
    fmt: str,
    progress: Callable[[int, int], None] | None = None,
    *,
    template: Path | None = None,
    toc: bool = False,
) -> bytes:
    """The snapshot as a file in ``fmt`` (one of :data:`FORMATS`).

    ``progress(done, total)``, when given, is called with (0, total) first and with
    (total, total) when the file is ready. ``total`` is the number of pilots; for Word
    it also counts the rows of the changes table, and Word reports every 100 of them in
    between. ``template`` (a .docx/.dotx whose styles are used) and ``toc`` (a table of
    contents) are for Word only; a bad template raises
    :class:`pilot_tui.snapshot.wordpkg.TemplateError` (a ValueError).
    """
    spec = format_spec(fmt)
    if (template is not None and not spec.template) or (toc and not spec.toc):
        raise ValueError("een sjabloon en een inhoudsopgave zijn er alleen voor Word (docx)")
    if snapshot.before is not None and not spec.track_changes:
        raise ValueError("wijzigingen als revisies zijn er alleen voor Word (docx)")
    # Imported on demand: each format's code is loaded when it is asked for.
    module = importlib.import_module(spec.renderer)
    if spec.progress:
        options: dict[str, object] = {}
        if spec.template:
            options["template"] = template
        if spec.toc:
            options["toc"] = toc
        # the collector stays paused here too: the body is millions of short strings
        with collector_paused():
            reported: bytes = module.render(snapshot, progress, **options)
        return reported
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
    format_spec(fmt)
    with collector_paused():
        snapshot = build_snapshot(register, options, build_progress)
        data = render(snapshot, fmt, render_progress, template=template, toc=toc)
        del snapshot
    return data
