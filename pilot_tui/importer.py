"""The overview importer, kept importable under its old name: see :mod:`pilot_tui.importing`."""

from __future__ import annotations

from pilot_tui.importing.document import ImportResult, MergeError, MergeReport, OverviewError
from pilot_tui.importing.merging import merge
from pilot_tui.importing.overview import parse_overview

__all__ = [
    "ImportResult",
    "MergeError",
    "MergeReport",
    "OverviewError",
    "merge",
    "parse_overview",
]
