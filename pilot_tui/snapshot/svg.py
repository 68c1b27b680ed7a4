"""The timeline of the HTML snapshot: one inline SVG, no scripts, every text escaped.

The bars use the same geometry as the app's timeline (:mod:`pilot_tui.timeline`): the
certain part of a period solid in its attention colour, a fuzzy start or end ("medio 2022")
lighter, an open end as an arrow; a line at the peildatum and a dashed one at the end of
the window. Each row starts with the attention symbol and carries the class word in a
``<title>``, so colour is never the only signal.
"""

from __future__ import annotations

from html import escape

from dateutil.relativedelta import relativedelta

from pilot_tui.attention import Attention, read_period
from pilot_tui.periods import format_date
from pilot_tui.snapshot.model import Snapshot, SnapshotPilot
from pilot_tui.timeline import Axis, Cell, bar_for, year_labels

MAX_ROWS = 400  # beyond this only the pilots that need attention are drawn
URGENT = (Attention.VERLOPEN, Attention.EINDIGT_BINNENKORT, Attention.START_BINNENKORT)
NAME_WIDTH = 300
MONTH_WIDTH = 12
ROW = 16
TOP = 28
MONTHS_BEFORE = 24
MONTHS_AFTER = 36


def _e(text: str) -> str:
    return escape(text, quote=True)


def timeline_pilots(snapshot: Snapshot) -> tuple[list[SnapshotPilot], bool]:
    """The pilots drawn, and whether the list was cut to the urgent ones."""
    pilots = snapshot.pilots
    if len(pilots) <= MAX_ROWS:
        return pilots, False
    return [p for p in pilots if p.attention in URGENT][:MAX_ROWS], True


def render_svg(snapshot: Snapshot) -> str:
    pilots, cut = timeline_pilots(snapshot)
    first = snapshot.peildatum.replace(day=1) - relativedelta(months=MONTHS_BEFORE)
    axis = Axis(first, MONTHS_BEFORE + MONTHS_AFTER)
    width = NAME_WIDTH + axis.width * MONTH_WIDTH + 8
    height = TOP + len(pilots) * ROW + 8
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="tijdlijn" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-label="Tijdlijn van {len(pilots)} pilots rond peildatum '
        f'{_e(format_date(snapshot.peildatum))}">',
        f"<title>Tijdlijn rond peildatum {_e(format_date(snapshot.peildatum))}</title>",
    ]
    for col, first_month in axis.month_starts():
        x = NAME_WIDTH + col * MONTH_WIDTH
        strong = first_month.month == 1
        out.append(
            f'<line x1="{x}" y1="{TOP - 6}" x2="{x}" y2="{height - 8}" '
            f'stroke="#{"bbb" if strong else "eee"}" stroke-width="1"/>'
        )
    for col, label in year_labels(axis):
        x = NAME_WIDTH + col * MONTH_WIDTH + 2
        out.append(f'<text x="{x}" y="{TOP - 10}" font-size="11">{_e(label)}</text>')
    for row, p in enumerate(pilots):
        y = TOP + row * ROW
        bar = bar_for(read_period(p.looptijd), axis)
        colour = p.attention.colour
        name = p.name if len(p.name) <= 44 else p.name[:43] + "…"
        out.append(f"<g><title>{_e(p.name)}: {_e(p.attention.value)}</title>")
        out.append(
            f'<text x="2" y="{y + 11}" font-size="11" fill="{colour}">'
            f"{_e(p.attention.symbol)}</text>"
            f'<text x="16" y="{y + 11}" font-size="11">{_e(name)}</text>'
        )
        for col, cell in enumerate(bar.cells):
            if cell == Cell.EMPTY:
                continue
            x = NAME_WIDTH + col * MONTH_WIDTH
            if cell == Cell.ARROW:
                out.append(
                    f'<polygon points="{x},{y + 3} {x + MONTH_WIDTH},{y + 8} {x},{y + 13}" '
                    f'fill="{colour}"/>'
                )
            elif cell in (Cell.BEFORE, Cell.AFTER):  # wholly off the axis: an outline
                tip, base = (x, x + MONTH_WIDTH) if cell == Cell.BEFORE else (x + MONTH_WIDTH, x)
                out.append(
                    f'<polygon points="{base},{y + 3} {tip},{y + 8} {base},{y + 13}" '
                    f'fill="none" stroke="{colour}"/>'
                )
            else:
                opacity = "1" if cell == Cell.SOLID else "0.35"
                out.append(
                    f'<rect x="{x}" y="{y + 3}" width="{MONTH_WIDTH}" height="10" '
                    f'fill="{colour}" fill-opacity="{opacity}"/>'
                )
        out.append("</g>")
    for day, dash, label in (
        (snapshot.peildatum, "", "peildatum"),
        (snapshot.window_end, ' stroke-dasharray="4 3"', "einde venster"),
    ):
        col = axis.column(day)
        if 0 <= col < axis.width:
            x = NAME_WIDTH + col * MONTH_WIDTH + MONTH_WIDTH // 2
            out.append(
                f'<line x1="{x}" y1="{TOP - 4}" x2="{x}" y2="{height - 8}" stroke="#000" '
                f'stroke-width="1.5"{dash}><title>{_e(label)} '
                f"{_e(format_date(day))}</title></line>"
            )
    out.append("</svg>")
    if cut:
        out.append(
            '<p class="tijdlijn-noot">Alleen de pilots die verlopen zijn of binnenkort '
            "eindigen of starten.</p>"
        )
    return "\n".join(out)
