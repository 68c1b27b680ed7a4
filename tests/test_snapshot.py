"""The snapshot: model, renderers, golden files, read-back of Word and CSV, safety.

Golden files live in tests/golden/; regenerate them with ``UPDATE_GOLDEN=1 pytest
tests/test_snapshot.py`` and review the diff before committing.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import zipfile
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from pilot_tui.attention import Attention
from pilot_tui.model import Status
from pilot_tui.periods import parse_window
from pilot_tui.snapshot import (
    FORMATS,
    Snapshot,
    SnapshotOptions,
    build_snapshot,
    default_filename,
    render,
)
from pilot_tui.snapshot import json as json_renderer
from pilot_tui.snapshot.csv import COLUMNS
from pilot_tui.snapshot.md import esc
from pilot_tui.snapshot.model import NO_ENTRY, shift_text, word_diff
from pilot_tui.store import Store
from tests.conftest import SEED_STORE
from tests.fixtures.snapshot_register import (
    CHANGED,
    D0,
    HOSTILE_NAME,
    D,
    snapshot_register,
)
from tests.helpers import wordxml

GOLDEN = Path(__file__).resolve().parent / "golden"
WINDOW = parse_window("3m")
CONTROL_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]"
)


def _snapshot(**kw: Any) -> Snapshot:
    assert WINDOW is not None
    options = SnapshotOptions(peildatum=kw.pop("peildatum", D), window=WINDOW, **kw)
    return build_snapshot(snapshot_register(), options)


@pytest.fixture(scope="module")
def snap() -> Snapshot:
    return _snapshot(since=D0)


@pytest.fixture(scope="module")
def outputs(snap: Snapshot) -> dict[str, bytes]:
    return {fmt: render(snap, fmt) for fmt in FORMATS}


# -- golden files ---------------------------------------------------------------------


def docx_text(data: bytes) -> str:
    """Word body in order: paragraphs as '[Style] text', tables as rows of cells."""
    return wordxml.body_text(data)


def _style(paragraph: Any) -> str:
    return str(paragraph.style.name) if paragraph.style is not None else ""


def _check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"{path} ontbreekt; maak hem met UPDATE_GOLDEN=1"
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, (
        f"{name} wijkt af van de golden file (UPDATE_GOLDEN=1 om bij te werken)"
    )


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_golden(outputs: dict[str, bytes], fmt: str) -> None:
    # newline="" semantics: compare the exact bytes (CRLF and BOM in CSV included)
    text = outputs[fmt].decode("utf-8")
    path = GOLDEN / f"snapshot.{fmt}"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(outputs[fmt])
    assert path.exists(), f"{path} ontbreekt; maak hem met UPDATE_GOLDEN=1"
    assert text == path.read_bytes().decode("utf-8")


def test_golden_docx_text(outputs: dict[str, bytes]) -> None:
    _check_golden("snapshot.docx.txt", docx_text(outputs["docx"]))


def test_golden_grouped_md() -> None:
    snap = _snapshot(summary=False, group_by="programma")
    _check_golden("snapshot-programma.md", render(snap, "md").decode("utf-8"))


# -- API --------------------------------------------------------------------------------


def test_api_names() -> None:
    assert FORMATS == ("docx", "md", "html", "csv", "json")
    assert default_filename(date(2021, 12, 1), "docx") == "stand-van-zaken-pilots-2021-12-01.docx"
    assert default_filename(date(2022, 6, 1), "csv") == "stand-van-zaken-pilots-2022-06-01.csv"
    with pytest.raises(ValueError):
        default_filename(D, "pdf")
    with pytest.raises(ValueError):
        render(_snapshot(), "pdf")
    with pytest.raises(ValueError):
        _snapshot(group_by="gemeente")


def test_progress_is_reported() -> None:
    calls: list[tuple[int, int]] = []
    assert WINDOW is not None
    build_snapshot(
        snapshot_register(), SnapshotOptions(D, WINDOW), progress=lambda *a: calls.append(a)
    )
    assert calls[0] == (0, 8)
    assert calls[-1] == (8, 8)


@pytest.mark.parametrize("fmt", FORMATS)
def test_render_reports_progress(snap: Snapshot, outputs: dict[str, bytes], fmt: str) -> None:
    calls: list[tuple[int, int]] = []
    data = render(snap, fmt, progress=lambda *a: calls.append(a))
    # Word counts the 10 rows of the changes table too (2 new, 1 closed, 1 status,
    # 1 looptijd, 3 texts, 1 kept unchanged, 1 number of cases)
    total = 8 + 10 if fmt == "docx" else 8
    assert calls[0] == (0, total) and calls[-1] == (total, total)
    assert all(0 <= done <= t == total for done, t in calls)
    assert data == outputs[fmt]  # the same snapshot, the same bytes (Word too)


# -- model ------------------------------------------------------------------------------


def test_title_and_entries(snap: Snapshot) -> None:
    assert snap.title == "Stand van zaken pilots – peildatum 1 december 2021"
    pilots = {p.id: p for p in snap.pilots}
    assert len(pilots) == 8
    assert pilots["rotterdam"].stand_van_zaken.startswith("De evaluatie is afgerond")
    assert pilots["rotterdam"].entry_peildatum == D
    assert pilots["verlopen"].entry_peildatum == D0  # latest entry on or before D
    assert pilots["keuzehulp"].status == Status.AFGEROND
    assert pilots["nieuw"].looptijd_label == "Doorlooptijd"
    leeg = pilots["leeg"]
    svz = next(s for s in leeg.sections if s.key == "stand_van_zaken")
    assert svz.empty and svz.paras[0].runs[0].text == NO_ENTRY


def test_the_annex_label_is_the_registers_unless_the_document_says_otherwise() -> None:
    register = snapshot_register()
    register.annex = "Bijlage 2"
    assert WINDOW is not None
    title = "Stand van zaken pilots – peildatum 1 december 2021"

    def snap(annex: str | None) -> Snapshot:
        return build_snapshot(register, SnapshotOptions(D, WINDOW, annex=annex))

    assert snap(None).title == f"Bijlage 2 – {title}"
    assert snap("Bijlage 4").title == f"Bijlage 4 – {title}"
    assert snap("Bijlage 4").annex == "Bijlage 4"
    assert snap("").title == title and snap("").annex == ""
    assert snap("  Bijlage\n 5 ").title == f"Bijlage 5 – {title}"  # one line, always


def test_snapshot_at_earlier_peildatum() -> None:
    snap = _snapshot(peildatum=D0)
    pilots = {p.id: p for p in snap.pilots}
    assert snap.title.endswith("peildatum 1 juni 2021")
    assert pilots["rotterdam"].stand_van_zaken == "De pilot loopt in zes wijkteams."
    assert pilots["keuzehulp"].status == Status.LOPEND
    assert pilots["nieuw"].entry_peildatum is None  # not yet existing: placeholder
    assert NO_ENTRY in render(snap, "md").decode()


def test_footnotes_numbered_through_document_and_placed_after_anchor(snap: Snapshot) -> None:
    assert [n.number for n in snap.notes] == list(range(1, 7))
    pilots = {p.id: p for p in snap.pilots}
    # numbered by position in the text, not by list order
    notes = pilots["verlopen"].notes
    assert [n.text for n in notes] == [
        "Kamerstukken II 2018/2019, 35000 VI, nr. 47",
        "Kamerstukken II 2018/2019 31753/33552, 157",
    ]
    assert all(n.anchored for n in notes)
    achtergrond = pilots["verlopen"].sections[0].paras[0]
    assert [r.note for r in achtergrond.runs] == [None, 5, None, 6]
    assert achtergrond.runs[0].text.endswith("helpen.")
    # the name footnote sits after the name; the unanchored one ends its section
    assert pilots["nieuw"].name_notes == (3,)
    leeg = pilots["leeg"].notes[0]
    assert not leeg.anchored
    md = render(snap, "md").decode()
    assert "afgerond in september 2021.<sup>1</sup> Op basis" in md
    assert "### Digitaal bezwaarplatform<sup>3</sup>" in md


def test_summary(snap: Snapshot) -> None:
    s = snap.summary
    assert s is not None
    counts = {c.attention: c.count for c in s.counts}
    assert list(counts) == list(Attention)
    assert counts[Attention.VERLOPEN] == 1
    assert counts[Attention.EINDIGT_BINNENKORT] == 1
    assert counts[Attention.START_BINNENKORT] == 2
    assert sum(counts.values()) == 8
    lists = {lst.key: lst for lst in s.lists}
    assert [i.pilot_id for i in lists["eindigt_binnenkort"].items] == ["huizen"]
    assert "februari 2022" in lists["eindigt_binnenkort"].items[0].detail
    assert [i.pilot_id for i in lists["verlopen"].items] == ["verlopen"]
    assert {i.pilot_id for i in lists["niet_bijgewerkt"].items} == {"leeg", "verlopen"}
    assert [i.pilot_id for i in lists["start_binnenkort"].items] == ["nieuw", "leeg"]
    assert "Aandachtspunten" not in render(_snapshot(summary=False), "md").decode()


def test_since_names_exactly_the_changed_pilots(snap: Snapshot) -> None:
    c = snap.changes
    assert c is not None
    assert c.title == "Wijzigingen sinds peildatum 1 juni 2021"
    assert c.pilot_ids == CHANGED
    assert [r.id for r in c.new] == ["nieuw", "leeg"]
    assert [(x.pilot.id, x.old, x.new) for x in c.closed] == [
        ("keuzehulp", Status.LOPEND, Status.AFGEROND)
    ]
    assert [(x.pilot.id, x.old, x.new) for x in c.status] == [
        ("hostile", Status.GEPLAND, Status.LOPEND)
    ]
    (lc,) = c.looptijd
    assert (lc.pilot.id, lc.old, lc.new) == (
        "huizen",
        "Januari 2020 – december 2021",
        "Januari 2020 – februari 2022",
    )
    assert lc.shift_days == 59 and lc.shift_text == "2 maanden later (59 dagen)"
    assert [t.pilot.id for t in c.texts] == ["rotterdam", "keuzehulp", "hostile"]
    # the rendered section names those pilots and no others
    md = render(snap, "md").decode()
    section = md.split("## Wijzigingen sinds peildatum 1 juni 2021")[1].split("## Pilots")[0]
    for p in snap.pilots:
        named = esc(p.name, start=False) in section
        assert named == (p.id in CHANGED), p.id
    # nothing changed between a peildatum and itself
    same = _snapshot(since=D).changes
    assert same is not None and same.pilot_ids == set()


def test_shift_text() -> None:
    assert shift_text(date(2021, 12, 31), date(2022, 2, 28)) == "2 maanden later (59 dagen)"
    assert shift_text(date(2022, 4, 30), date(2022, 7, 31)) == "3 maanden later (92 dagen)"
    assert shift_text(date(2022, 7, 31), date(2022, 6, 30)) == "1 maand eerder (31 dagen)"
    assert shift_text(date(2022, 1, 1), date(2022, 1, 13)) == "12 dagen later"
    assert shift_text(date(2022, 1, 1), date(2022, 2, 13)) == "ruim 1 maand later (43 dagen)"
    assert shift_text(date(2022, 1, 1), date(2022, 1, 1)) == "einde ongewijzigd"


def test_word_diff_marks_words() -> None:
    (line,) = word_diff("De pilot loopt.", "De pilot is afgerond.")
    assert [(o.op, o.text) for o in line] == [
        ("equal", "De pilot "),
        ("delete", "loopt."),
        ("insert", "is afgerond."),
    ]
    lines = word_diff("a\nb c", "a\nb d\ne")
    assert [[(o.op, o.text) for o in ln] for ln in lines] == [
        [("equal", "a")],
        [("equal", "b "), ("delete", "c"), ("insert", "d")],
        [("insert", "e")],
    ]


def test_grouping() -> None:
    by_status = _snapshot(group_by="status")
    assert [g.title for g in by_status.groups] == [
        "Status: gepland",
        "Status: lopend",
        "Status: afgerond",
    ]
    by_prog = _snapshot(group_by="programma")
    titles = [g.title for g in by_prog.groups]
    assert titles[0] == "Programma: Raad voor Rechtsbijstand"
    assert titles[-1] == "Zonder programma"
    # footnotes are numbered in the order shown
    shown = [n.number for p in by_prog.pilots for n in p.notes]
    assert shown == sorted(shown) == list(range(1, 7))


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


# -- Word -----------------------------------------------------------------------------


def test_docx_reads_back(snap: Snapshot, outputs: dict[str, bytes]) -> None:
    doc = Document(io.BytesIO(outputs["docx"]))
    props = doc.core_properties
    assert props.title == snap.title
    assert props.language == "nl-NL"
    section = doc.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert abs(section.page_width.mm - 210) < 1 and abs(section.page_height.mm - 297) < 1
    assert _style(doc.paragraphs[0]) == "Title"
    assert doc.paragraphs[0].text == snap.title
    pilot_tables = [
        t for t in doc.tables if t.rows[0].cells[0].text == "Pilot" and len(t.columns) == 2
    ]
    assert len(pilot_tables) == 8
    names = [t.rows[1].cells[0].text for t in pilot_tables]
    assert names[0] == "Pilot Rotterdam-Zuid (Hillesluis)"
    assert HOSTILE_NAME + " (voorheen: # kop)" in names
    assert "Digitaal bezwaarplatform" in names  # its footnote reference is no text
    # the text column, a row per paragraph
    first = [p for row in pilot_tables[0].rows[1:] for p in row.cells[1].paragraphs]
    labels = [p.text for p in first if _style(p) == "Tussenkop"]
    assert labels == ["Achtergrond", "Doel", "Stand van zaken", "Looptijd"]
    bullets = [p.text for p in first if _style(p) == "List Bullet"]
    assert bullets == [
        "responsiever maken van de toegang sociaal domein",
        "meer en eerder oplossingsgerichte samenwerking zoeken",
    ]
    # the notes are Word footnotes, not a list at the end
    assert "Noten" not in [p.text for p in doc.paragraphs]
    notes = wordxml.footnotes(outputs["docx"])
    assert list(notes) == [n.number for n in snap.notes]
    assert notes[2] == snap.notes[1].text  # as in the model ...
    assert notes[1] == (  # ... with its web address a link
        "Zie voor evaluatie: [www.example.nl/evaluatie-rotterdam]"
        "(https://www.example.nl/evaluatie-rotterdam)"
    )
    # changes as a table
    changes = next(t for t in doc.tables if t.rows[0].cells[1].text == "Wijziging")
    assert {r.cells[0].text for r in changes.rows[1:]} == {
        p.name for p in snap.pilots if p.id in CHANGED
    }
    # language set in the defaults
    with zipfile.ZipFile(io.BytesIO(outputs["docx"])) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
        body = z.read("word/document.xml").decode("utf-8")
    assert 'w:val="nl-NL"' in styles
    # every table's header row repeats on each page (python-docx reads no w:tblHeader)
    assert body.count("<w:tblHeader/>") == len(doc.tables) == 10
    assert all(c.text for t in doc.tables for c in t.rows[0].cells)


# -- the real register ---------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> Snapshot:
    assert SEED_STORE.exists(), f"{SEED_STORE} ontbreekt: het register hoort in de repository"
    with Store.open(SEED_STORE, readonly=True) as store:
        register = store.register
    assert WINDOW is not None
    return build_snapshot(register, SnapshotOptions(date(2021, 12, 1), WINDOW))


def test_seed_snapshot(seed: Snapshot) -> None:
    assert seed.title == "Bijlage 2 – Stand van zaken pilots – peildatum 1 december 2021"
    assert seed.annex == "Bijlage 2"
    assert len(seed.pilots) == 33
    assert seed.intro.startswith("Nb. In dit overzicht")
    md = render(seed, "md").decode("utf-8")
    assert md.startswith("# Bijlage 2 – Stand van zaken pilots – peildatum 1 december 2021\n")
    for p in seed.pilots:
        keys = [s.key for s in p.sections]
        assert keys == ["achtergrond", "doel", "stand_van_zaken", "looptijd"], p.id
        assert f"### {esc(p.display_name)}" in md
    assert md.count("**Stand van zaken**") == 33
    assert md.count("**Achtergrond**") == 33
    assert md.count("**Doel**") == 33
    assert md.count("**Looptijd**") + md.count("**Doorlooptijd**") == 33
    assert NO_ENTRY not in md
    assert len(seed.notes) >= 4
    doc = Document(io.BytesIO(render(seed, "docx")))
    pilot_tables = [t for t in doc.tables if t.rows[0].cells[0].text == "Pilot"]
    assert len(pilot_tables) == 33
    rows = list(
        csv.reader(io.StringIO(render(seed, "csv").decode("utf-8-sig"), newline=""), delimiter=";")
    )
    assert len(rows) == 34
    assert len(json.loads(render(seed, "json"))["pilots"]) == 33
    html = render(seed, "html").decode("utf-8")
    assert html.count('<table class="pilot"') == 33


def test_an_older_stand_van_zaken_says_its_date() -> None:
    """A pilot not updated for the peildatum shows its last text with that text's date,
    never as if it were current (a first-time user read a December text in June)."""
    from pilot_tui.model import HistoryEntry, Pilot, Register

    june, december = date(2022, 6, 1), date(2021, 12, 1)
    reg = Register(title="Stand van zaken pilots", peildata=[december, june])
    for pid, when in (("oud", december), ("nieuw", june)):
        pilot = Pilot(id=pid, name=pid.capitalize(), looptijd="januari 2021 – december 2023")
        pilot.set_entry(HistoryEntry(when, f"Tekst van {when}.", Status.LOPEND))
        reg.pilots.append(pilot)
    window = parse_window("3m")
    assert window is not None
    snap = build_snapshot(reg, SnapshotOptions(june, window))
    labels = {
        p.id: [s.label for s in p.sections if s.key == "stand_van_zaken"] for p in snap.pilots
    }
    assert labels == {
        "oud": ["Stand van zaken (per 1 december 2021)"],
        "nieuw": ["Stand van zaken"],
    }
    md = render(snap, "md").decode("utf-8")
    assert "**Stand van zaken (per 1 december 2021)**" in md


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("stand.md", "md"),
        ("stand.MD", "md"),
        ("a.b.docx", "docx"),
        ("stand.txt", None),
        ("stand", None),
    ],
)
def test_format_of_a_file_name(name: str, fmt: str | None) -> None:
    from pilot_tui.snapshot import format_of

    assert format_of(Path(name)) == fmt
