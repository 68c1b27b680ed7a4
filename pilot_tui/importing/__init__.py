"""Overview documents (text, PDF, Word) -> pilots, and merging them into a register.

:mod:`pilot_tui.importing.overview` reads the text of a "Stand van zaken pilots" overview and
merges the result into a register. No I/O in it, and nothing here imports textual or rich.
"""

from __future__ import annotations

from pilot_tui.importing.overview import (
    ImportResult,
    MergeError,
    MergeReport,
    OverviewError,
    merge,
    parse_overview,
)

__all__ = [
    "ImportResult",
    "MergeError",
    "MergeReport",
    "OverviewError",
    "merge",
    "parse_overview",
]
