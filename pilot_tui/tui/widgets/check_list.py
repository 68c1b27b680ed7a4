"""A selection list whose boxes say whether they are ticked without colour."""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets.option_list import OptionDoesNotExist


class CheckList(SelectionList[str]):
    """Textual draws the same "X" in a ticked and an unticked box, told apart by colour
    alone (lost on a monochrome terminal or to a colour-blind eye). Here an unticked
    box is empty."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        inner = Checkbox.BUTTON_INNER  # (the class attribute of its public subclass)
        if len(segments) > 1 and segments[1].text == inner and option.value not in self.selected:
            segments[1] = Segment(" " * len(inner), segments[1].style)
            return Strip(segments, strip.cell_length)
        return strip
