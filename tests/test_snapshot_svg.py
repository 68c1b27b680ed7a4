"""The HTML snapshot carries the timeline as one inline SVG: no scripts, text escaped."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date

from pilot_tui.periods import parse_window
from pilot_tui.snapshot import SnapshotOptions, build_snapshot, render
from pilot_tui.snapshot.svg import MAX_ROWS, render_svg, timeline_pilots

from .conftest import D1, make_pilot, small_register

SVG_NS = "{http://www.w3.org/2000/svg}"


def _snapshot(register=None, peildatum: date = D1):  # type: ignore[no-untyped-def]
    window = parse_window("3m")
    assert window is not None
    return build_snapshot(register or small_register(), SnapshotOptions(peildatum, window))


def test_html_has_one_inline_svg_with_a_row_per_pilot() -> None:
    html = render(_snapshot(), "html").decode("utf-8")
    assert html.count("<svg") == 1
    svg = html[html.index("<svg") : html.index("</svg>") + 6]
    root = ET.fromstring(svg)  # well-formed XML
    rows = [g for g in root.iter(f"{SVG_NS}g")]
    assert len(rows) == len(small_register().pilots)
    # every row names its class in words, not only in colour
    titles = [g.find(f"{SVG_NS}title").text or "" for g in rows]  # type: ignore[union-attr]
    assert any(t.endswith(": eindigt binnenkort") for t in titles)
    # the peildatum and the window end are marked
    assert "peildatum 1 december 2021" in svg and "einde venster 1 maart 2022" in svg
    assert "<script" not in html.lower() and 'href="http' not in svg


def test_hostile_names_are_escaped_in_the_svg() -> None:
    svg = render_svg(_snapshot())
    assert "[@click=app.quit]x[/] &lt;script&gt;" in svg
    assert "<script>" not in svg
    ET.fromstring(svg)


def test_bars_follow_the_geometry() -> None:
    reg = small_register()
    reg.pilots.append(make_pilot("medio", "Wijkrechtbank", "Oktober 2021 – medio 2022"))
    svg = render_svg(_snapshot(reg))
    # "Vanaf 1 februari 2022" is an open end: drawn to the edge with an arrow
    assert svg.count("<polygon") == 1
    # "medio 2022" is june–july: two lighter months at the end of the bar
    row = svg[svg.index("<title>Wijkrechtbank") :]
    row = row[: row.index("</g>")]
    assert row.count('fill-opacity="0.35"') == 2
    assert row.count('fill-opacity="1"') == 8  # oktober 2021 – mei 2022


def test_large_registers_draw_only_the_urgent_pilots() -> None:
    reg = small_register()
    reg.pilots = [
        make_pilot(
            f"p{i}",
            f"Pilot {i}",
            "januari 2020 – december 2021" if i % 50 == 0 else "januari 2020 – december 2025",
        )
        for i in range(MAX_ROWS + 100)
    ]
    pilots, cut = timeline_pilots(_snapshot(reg))
    assert cut
    assert len(pilots) == len([i for i in range(MAX_ROWS + 100) if i % 50 == 0])
    assert re.search("Alleen de pilots", render_svg(_snapshot(reg)))
