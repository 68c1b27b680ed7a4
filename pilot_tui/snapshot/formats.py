"""The snapshot formats: one table (:data:`FORMATS`), from which everything that lists or
names a format derives: the command line's ``--format`` choices, the formats in the app's
snapshot dialog and their labels, which options a format takes, and file names (the
default name, the format a name's extension says).

Adding a format is one :class:`SnapshotFormat` entry here and its renderer: a module
``pilot_tui.snapshot.<name>`` with ``render(snapshot) -> bytes`` (one that reports its
own progress also takes the callback, and the options it supports as keywords; see
:func:`pilot_tui.snapshot.render`), plus its tests.

No I/O here, and nothing is imported for a format until it is rendered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

NO_SINCE_WORDS = ("geen", "-")  # typed for "since": no "changes since" section


@dataclass(frozen=True)
class SnapshotFormat:
    name: str  # the --format value: "docx"
    label: str  # Dutch, as the app names it: "Word"
    suffix: str  # a file name's extension, with its dot: ".docx"
    binary: bool  # the file is bytes (a zip package), not UTF-8 text
    renderer: str  # the module whose ``render`` writes it (imported when first asked)
    # A document for the Kamer: nothing internal unless asked for (no Aandachtspunten,
    # no "Wijzigingen sinds"); the others are for reading and scripts and show them.
    kamer: bool = False
    progress: bool = False  # the renderer reports its progress itself (see render)
    template: bool = False  # takes a user's template for its styles (--template)
    toc: bool = False  # can have a table of contents (--toc)
    track_changes: bool = False  # can show the changes as revisions (--track-changes)

    @property
    def summary(self) -> bool:
        """Whether a document in this format shows the Aandachtspunten unless told
        otherwise: not one for the Kamer."""
        return not self.kamer

    def filename(self, peildatum: date) -> str:
        """ "stand-van-zaken-pilots-2021-12-01.docx" """
        return f"stand-van-zaken-pilots-{peildatum.isoformat()}{self.suffix}"


# In the order the app offers them; the first is the default.
FORMATS: Final[dict[str, SnapshotFormat]] = {
    f.name: f
    for f in (
        SnapshotFormat(
            "docx", "Word", ".docx", binary=True, renderer="pilot_tui.snapshot.docx",
            kamer=True, progress=True, template=True, toc=True, track_changes=True,
        ),
        SnapshotFormat("md", "Markdown", ".md", binary=False, renderer="pilot_tui.snapshot.md"),
        SnapshotFormat("html", "HTML", ".html", binary=False, renderer="pilot_tui.snapshot.html"),
        SnapshotFormat("csv", "CSV", ".csv", binary=False, renderer="pilot_tui.snapshot.csv"),
        SnapshotFormat("json", "JSON", ".json", binary=False, renderer="pilot_tui.snapshot.json"),
    )
}  # fmt: skip
DEFAULT_FORMAT: Final = next(iter(FORMATS))
_BY_SUFFIX: Final = {f.suffix: f.name for f in FORMATS.values()}


def format_spec(fmt: str) -> SnapshotFormat:
    """The format named ``fmt``; a ValueError (in Dutch) for a name that is none."""
    spec = FORMATS.get(fmt)
    if spec is None:
        raise ValueError(f"onbekend formaat {fmt!r}; kies uit: {', '.join(FORMATS)}")
    return spec


def default_summary(fmt: str) -> bool:
    """Whether a document in ``fmt`` shows the Aandachtspunten unless told otherwise:
    not the Word file (the Bijlage for the Kamer), the others do."""
    spec = FORMATS.get(fmt)
    return spec.summary if spec is not None else True


def format_of(path: Path) -> str | None:
    """The format a file name says by its extension ("stand.MD" -> "md"), or None."""
    return _BY_SUFFIX.get(path.suffix.lower())


def default_filename(peildatum: date, fmt: str) -> str:
    """ "stand-van-zaken-pilots-2021-12-01.docx" """
    return format_spec(fmt).filename(peildatum)
