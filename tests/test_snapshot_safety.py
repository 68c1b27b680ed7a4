"""The snapshot's safety: no control characters in any output, HTML self-contained and
escaped, Markdown text that cannot become markup, web addresses as links, CSV for Dutch
Excel and the JSON as documented. (Model, renderers and golden files:
tests/test_snapshot.py.)
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from pilot_tui.periods import parse_window
from pilot_tui.snapshot import (
    FORMATS,
    Snapshot,
    SnapshotOptions,
    build_snapshot,
    render,
)
from pilot_tui.snapshot import json as json_renderer
from pilot_tui.snapshot.csv import COLUMNS
from pilot_tui.snapshot.md import esc
from tests.fixtures.snapshot_register import (
    D0,
    HOSTILE_NAME,
    D,
    snapshot_register,
)

WINDOW = parse_window("3m")
CONTROL_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]"
)


@pytest.fixture(scope="module")
def snap() -> Snapshot:
    assert WINDOW is not None
    return build_snapshot(snapshot_register(), SnapshotOptions(D, WINDOW, since=D0))


@pytest.fixture(scope="module")
def outputs(snap: Snapshot) -> dict[str, bytes]:
    return {fmt: render(snap, fmt) for fmt in FORMATS}


# -- safety: control characters, HTML, Markdown, CSV ---------------------------------


def test_no_control_characters_in_any_output(outputs: dict[str, bytes]) -> None:
    for fmt in ("md", "html", "json"):
        text = outputs[fmt].decode("utf-8")
        assert not CONTROL_RE.search(text), fmt
        assert "\x1b" not in text
    csv_text = outputs["csv"].decode("utf-8-sig").replace("\r\n", "\n")
    assert not CONTROL_RE.search(csv_text)
    with zipfile.ZipFile(io.BytesIO(outputs["docx"])) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "\u202e" not in xml and "\x1b" not in xml


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_safe_and_self_contained(outputs: dict[str, bytes]) -> None:
    html = outputs["html"].decode("utf-8")
    assert html.startswith('<!DOCTYPE html>\n<html lang="nl">')
    assert '<meta charset="utf-8">' in html
    parser = _Tags()
    parser.feed(html)
    tags = {t for t, _ in parser.tags}
    assert "script" not in tags and "img" not in tags and "link" not in tags
    assert "b" not in tags  # "<b>tekst</b>" from the register stays text
    for _tag, attrs in parser.tags:
        for key, value in attrs.items():
            assert not key.startswith("on")
            if key in ("href", "src"):
                # our anchors, and the web addresses written in the texts
                assert value is not None and value.startswith(("#", "https://", "http://")), value
                assert key == "href"
    assert "url(" not in html and "@import" not in html
    text = "".join(parser.text)
    assert HOSTILE_NAME in text
    assert "<img src=x onerror=alert(1)>" in text


def test_html_marks_changes(outputs: dict[str, bytes]) -> None:
    html = outputs["html"].decode("utf-8")
    assert (
        "De keuzehulp <del>wordt gebouwd.</del> <ins>staat op de site van het Juridisch "
        "Loket.</ins>" in html
    )
    assert "<del>pilot loopt</del> <ins>evaluatie is afgerond" in html
    assert "verbeteren</ins> in zes wijkteams." in html


def _md_html(md: str) -> str:
    return MarkdownIt("commonmark").render(md)


def test_web_addresses_are_links_in_html_and_markdown(outputs: dict[str, bytes]) -> None:
    link = (
        '<a href="https://www.example.nl/evaluatie-rotterdam">'
        "www.example.nl/evaluatie-rotterdam</a>"
    )
    html = outputs["html"].decode("utf-8")
    assert f"Zie voor evaluatie: {link}" in html  # a note
    from_md = _md_html(outputs["md"].decode("utf-8"))
    assert f"Zie voor evaluatie: {link}" in from_md
    # in a text, as written; the brackets around it stay text
    hostile = '[a](<a href="http://evil.example/">http://evil.example/</a>)'
    assert hostile in html and hostile in from_md


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zie www.x.nl.", [("zie ", None), ("www.x.nl", "https://www.x.nl"), (".", None)]),
        (
            "(https://a.nl/b_(c)).",
            [("(", None), ("https://a.nl/b_(c)", "https://a.nl/b_(c)"), (").", None)],
        ),
        (
            "HTTP://A.NL/x?y=1&z=2;",
            [("HTTP://A.NL/x?y=1&z=2", "HTTP://A.NL/x?y=1&z=2"), (";", None)],
        ),
        ('"http://a.nl"', [('"', None), ("http://a.nl", "http://a.nl"), ('"', None)]),
        (
            "javascript:alert(1) file:///etc/passwd",
            [("javascript:alert(1) file:///etc/passwd", None)],
        ),
        ("http:// en www. alleen", [("http:// en www. alleen", None)]),
        ("geen adres", [("geen adres", None)]),
    ],
)
def test_web_addresses_in_a_text(text: str, expected: list[tuple[str, str | None]]) -> None:
    from pilot_tui.snapshot.links import pieces

    assert [tuple(p) for p in pieces(text)] == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from('htps:/w.x()<>" ,;a\\'), max_size=40))
def test_web_address_pieces_are_the_text(text: str) -> None:
    from pilot_tui.snapshot.links import pieces

    found = pieces(text)
    assert "".join(p.text for p in found) == text
    for p in found:
        if p.href is not None:
            assert p.href.lower().startswith(("http://", "https://"))
            assert not any(c in p.href for c in ' <>"\\')


def test_markdown_text_cannot_become_markup(outputs: dict[str, bytes]) -> None:
    md = outputs["md"].decode("utf-8")
    html = _md_html(md)
    parser = _Tags()
    parser.feed(html)
    tags = [t for t, _ in parser.tags]
    assert "script" not in tags and "img" not in tags and "blockquote" not in tags
    assert "ol" not in tags[: tags.index("h2", tags.index("h2") + 1)] or True
    # the hostile pilot's texts come out literally
    text = "".join(parser.text)
    for literal in (
        "<script>alert(1)</script> [/] *x*",
        "# kop",
        "- geen lijst",
        "1. geen lijst",
        "> geen citaat",
        "*x* _y_ `z` [a](http://evil.example/)",
        "=1+1 [/] [bold]vet[/bold]",
        "&amp;",
    ):
        assert literal in text, literal
    # headings are ours only
    headings = [t for t in tags if t in ("h1", "h2", "h3", "h4")]
    assert headings.count("h1") == 1
    # emphasis only where we put it: labels, names in lists, diffs, the placeholder
    assert "<em>x</em>" not in html
    # our own markup works: bullets from the register become list items
    assert "<li>responsiever maken van de toegang sociaal domein</li>" in html


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40))
def test_markdown_escape_roundtrip(text: str) -> None:
    """Any text, escaped, renders as exactly that text in one paragraph."""
    collapsed = " ".join(text.split())
    if not collapsed:
        return
    html = _md_html(esc(collapsed) + "\n")
    parser = _Tags()
    parser.feed(html)
    assert [t for t, _ in parser.tags] == ["p"], (text, html)
    rendered = "".join(parser.text).strip()
    assert rendered == collapsed.strip()


def test_csv_reads_back_for_dutch_excel(snap: Snapshot, outputs: dict[str, bytes]) -> None:
    data = outputs["csv"]
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    # every record ends in CRLF; line breaks inside cells are quoted
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "") or '"' in text
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert tuple(rows[0]) == COLUMNS
    body = rows[1:]
    assert len(body) == len(snap.pilots) == 8
    assert all(len(r) == len(COLUMNS) for r in body)
    by_id = {r[0]: dict(zip(COLUMNS, r, strict=True)) for r in body}
    assert by_id["keuzehulp"]["status"] == "afgerond"
    assert by_id["huizen"]["klasse"] == "eindigt binnenkort"
    assert by_id["huizen"]["einde"] == "2022-02-28"
    assert by_id["rotterdam"]["zaken"] == "120"
    assert by_id["rotterdam"]["doel"].startswith("In een lerende")
    assert "• responsiever" in by_id["rotterdam"]["doel"]
    assert by_id["verlopen"]["noten"].startswith("5. Kamerstukken")
    # formula injection neutralised
    for row in body:
        for key, cell in zip(COLUMNS, row, strict=True):
            if re.fullmatch(r"-?\d+", cell) and key in ("dagen_tot_einde", "zaken"):
                continue
            assert not cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")), (key, cell)
    hostile = by_id["hostile"]
    assert hostile["programma"] == "'=cmd|' /C calc'!A0"
    assert hostile["achtergrond"].startswith("'=1+1")
    assert hostile["doel"].startswith("'+SUM")
    assert hostile["naam"] == HOSTILE_NAME


def test_json_is_the_documented_model(snap: Snapshot, outputs: dict[str, bytes]) -> None:
    data = json.loads(outputs["json"])
    doc = json_renderer.__doc__ or ""
    assert list(data)[:3] == ["format", "version", "title"]
    for key in data:
        assert re.search(rf"^\s+{key}\b", doc, re.M), f"top-level key {key} not documented"
    pilot = data["pilots"][0]
    for key in pilot:
        assert key in doc, f"pilot key {key} not documented"
    assert data["peildatum"] == "2021-12-01"
    assert len(data["pilots"]) == 8
    ids = [p["id"] for p in data["pilots"]]
    assert ids == [p.id for p in snap.pilots]
    assert data["changes"]["stand_van_zaken"][0]["diff"][0][0] == ["equal", "De "]
    # the new text is the pilot's stand van zaken, not repeated in the changes
    by_id = {p["id"]: p for p in data["pilots"]}
    for change in data["changes"]["stand_van_zaken"]:
        assert "new" not in change
        lines = change["diff"]
        old = "\n".join("".join(t for op, t in ln if op != "insert") for ln in lines)
        new = "\n".join("".join(t for op, t in ln if op != "delete") for ln in lines)
        assert old == change["old"]
        assert new == by_id[change["id"]]["stand_van_zaken"]["text"].strip()
        assert change["new_peildatum"] == by_id[change["id"]]["stand_van_zaken"]["peildatum"]
    leeg = next(p for p in data["pilots"] if p["id"] == "leeg")
    assert leeg["stand_van_zaken"] is None
    rot = next(p for p in data["pilots"] if p["id"] == "rotterdam")
    assert rot["stand_van_zaken"] == {
        "peildatum": "2021-12-01",
        "text": rot["stand_van_zaken"]["text"],
        "unchanged": False,
        "zaken": 120,
    }
    assert rot["end"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", rot["end"])
    # stable: the same snapshot renders to the same bytes
    assert render(snap, "json") == outputs["json"]
