"""The snapshot: the register as of one peildatum, as a document.

One model (:mod:`pilot_tui.snapshot.model`), one renderer per format (``md``, ``html``,
``docx``, ``csv``, ``json``); the renderers share nothing but the model. Usage::

    snapshot = build_snapshot(register, SnapshotOptions(peildatum, window))
    data = render(snapshot, "docx")
    Path(default_filename(peildatum, "docx")).write_bytes(data)
"""

from __future__ import annotations

import importlib
from datetime import date

from pilot_tui.snapshot.model import (
    Snapshot,
    SnapshotOptions,
    SnapshotPilot,
    build_snapshot,
    no_gc,
)

FORMATS = ("docx", "md", "html", "csv", "json")

__all__ = [
    "FORMATS",
    "Snapshot",
    "SnapshotOptions",
    "SnapshotPilot",
    "build_snapshot",
    "default_filename",
    "render",
]


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"onbekend formaat {fmt!r}; kies uit: {', '.join(FORMATS)}")


def render(snapshot: Snapshot, fmt: str) -> bytes:
    """The snapshot as a file in ``fmt`` (one of FORMATS)."""
    _check(fmt)
    # Imported on demand: python-docx is only loaded when Word output is asked for.
    module = importlib.import_module(f"pilot_tui.snapshot.{fmt}")
    with no_gc():
        data: bytes = module.render(snapshot)
    return data


def default_filename(peildatum: date, fmt: str) -> str:
    """ "stand-van-zaken-pilots-2021-12-01.docx" """
    _check(fmt)
    return f"stand-van-zaken-pilots-{peildatum.isoformat()}.{fmt}"
