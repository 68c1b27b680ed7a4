"""What the tests of pilot_tui.periods share."""

from __future__ import annotations

from datetime import date

TODAY = date(2022, 1, 1)
