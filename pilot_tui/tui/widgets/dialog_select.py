"""A dropdown (Select) whose list stays inside the border of the dialog it is in.

Textual draws a Select's list over the screen just below the field, kept inside the
screen only: in a form near the bottom of the dialog (the status of a stand van zaken,
at 80×24 and at 120×35) it covered the dialog's border and buttons. :class:`DialogSelect`
opens the list downwards when it fits below the field within the dialog, else upwards,
else on the larger side, as high as fits there (it scrolls).

The dialog is the nearest container with a border. The list is found by its CSS type,
``SelectOverlay`` (an OptionList; Textual keeps the class itself private).
"""

from __future__ import annotations

from typing import Any

from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import OptionList, Select

# Rows a Select's list takes besides its options: the "tall" border above and below.
LIST_FRAME = 2
LIST_MAX = 12  # Textual's max-height of the list


def frame_of(widget: Widget) -> Region | None:
    """The region inside the border of the nearest bordered container of ``widget``."""
    for ancestor in widget.ancestors:
        if isinstance(ancestor, Widget) and ancestor.styles.border_top[0] not in (
            "",
            "none",
            "hidden",
        ):
            return ancestor.region.shrink(ancestor.styles.border.spacing)
    return None


def list_place(field: Region, frame: Region, wanted: int) -> tuple[int, int]:
    """(offset from the usual place, height) for a list of ``wanted`` rows under a field
    at ``field``, kept inside ``frame``: below the field if it fits, else above it, else
    on the side with more room, as high as fits there."""
    below = frame.bottom - field.bottom  # rows from under the field to the frame's edge
    above = field.y - frame.y
    if wanted <= below or below >= above:
        return 0, max(1, min(wanted, below))
    height = min(wanted, above)
    return -(height + field.height), max(1, height)


class DialogSelect(Select[Any]):
    """A Select for forms and dialogs: its list never crosses the dialog's border."""

    def watch_expanded(self, expanded: bool) -> None:
        if not expanded:
            return
        frame = frame_of(self)
        # (should Textual rename its list, the list opens as Textual places it, and
        # tests/tui/test_dialog_select.py fails)
        overlay = next(iter(self.query("SelectOverlay")), None)
        if frame is None or not isinstance(overlay, OptionList):
            return
        wanted = min(overlay.option_count + LIST_FRAME, LIST_MAX)
        # the field itself: the Select's first row (the list is drawn over the screen)
        field = Region(self.region.x, self.region.y, self.region.width, 1)
        offset, height = list_place(field, frame, wanted)
        overlay.styles.offset = (0, offset)
        overlay.styles.max_height = height
