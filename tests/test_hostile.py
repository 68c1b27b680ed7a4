"""Hostile text stays text: through the CLI and every snapshot format (DESIGN.md, safety).

The app's part of the matrix lives in tests/tui/test_hostile.py.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from pilot_tui.model import Footnote, HistoryEntry, Pilot, Register, Status
from pilot_tui.periods import parse_window
from pilot_tui.snapshot import SnapshotOptions, build_snapshot, render
from pilot_tui.store import Store, list_backups
from pilot_tui.text import strip_controls

from .conftest import run_cli

P = date(2021, 12, 1)

# (name, the text that must survive literally, or None when it is all control characters)
HOSTILE = [
    ("[/]", "[/]"),
    ("[/bold]", "[/bold]"),
    ("[b unclosed", "[b unclosed"),
    ("[link=https://example.org]x[/link]", "[link=https://example.org]x[/link]"),
    ("[@click=app.quit]x[/]", "[@click=app.quit]x[/]"),
    ("trailing backslash \\", "trailing backslash \\"),
    ("title\x1b]0;pwned\x07", "title"),
    ("clear\x1b[2J", "clear"),
    ("clip\x1b]52;c;ZXZpbA==\x07", "clip"),
    ("csi\x9b31m", "csi"),
    ("bidi \u202eevil", "bidi evil"),
    ("<script>alert(1)</script>", "<script>alert(1)</script>"),
    ("=1+1", "=1+1"),
    ("+cmd", "+cmd"),
    ("-2+3", "-2+3"),
    ("@SUM(A1)", "@SUM(A1)"),
]
CONTROLS = ("\x1b", "\x07", "\x9b", "\u202e")


def hostile_register() -> Register:
    reg = Register(title="Stand van zaken pilots", intro="[bold]intro[/bold]", peildata=[P])
    for i, (name, _literal) in enumerate(HOSTILE):
        pilot = Pilot(
            id=f"h{i}",
            name=f"{name} #{i}",
            looptijd="januari 2021 – december 2022",
            achtergrond=f"Achtergrond {name}",
            doel=f"• {name}",
        )
        pilot.set_entry(HistoryEntry(P, f"Stand {name}", Status.LOPEND))
        reg.pilots.append(pilot)
    return reg


@pytest.fixture(scope="module")
def outputs() -> dict[str, bytes]:
    window = parse_window("3m")
    assert window is not None
    snap = build_snapshot(hostile_register(), SnapshotOptions(P, window))
    return {fmt: render(snap, fmt) for fmt in ("md", "html", "csv", "json", "docx")}


def _docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml").decode("utf-8")


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json", "docx"])
def test_no_control_characters_in_any_format(outputs: dict[str, bytes], fmt: str) -> None:
    text = _docx_text(outputs[fmt]) if fmt == "docx" else outputs[fmt].decode("utf-8-sig")
    for ch in CONTROLS:
        assert ch not in text, (fmt, repr(ch))


def test_html_escapes_everything(outputs: dict[str, bytes]) -> None:
    html = outputs["html"].decode("utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[@click=app.quit]x[/]" in html


def test_json_keeps_text_literally(outputs: dict[str, bytes]) -> None:
    data = json.loads(outputs["json"])
    dumped = json.dumps(data, ensure_ascii=False)
    for _name, literal in HOSTILE:
        assert json.dumps(literal, ensure_ascii=False)[1:-1] in dumped


def test_csv_neutralises_formulas(outputs: dict[str, bytes]) -> None:
    rows = list(csv.reader(io.StringIO(outputs["csv"].decode("utf-8-sig")), delimiter=";"))
    cells = [cell for row in rows[1:] for cell in row]
    assert cells
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert any(cell.startswith("'=1+1") for cell in cells)


def test_docx_shows_text_literally(outputs: dict[str, bytes]) -> None:
    from docx import Document

    doc = Document(io.BytesIO(outputs["docx"]))
    text = "\n".join(cell.text for table in doc.tables for row in table.rows for cell in row.cells)
    assert "[@click=app.quit]x[/]" in text
    assert "<script>alert(1)</script>" in text


@pytest.mark.parametrize(("name", "literal"), HOSTILE, ids=[repr(h[0]) for h in HOSTILE])
def test_cli_show_prints_text_not_controls(tmp_path: Path, name: str, literal: str) -> None:
    path = tmp_path / "h.json"
    Store.create(path, hostile_register()).close()
    index = [h[0] for h in HOSTILE].index(name)
    result = run_cli("show", "--store", str(path), f"h{index}")
    assert result.returncode == 0, result.stderr
    for ch in CONTROLS:
        assert ch not in result.stdout
    assert literal in result.stdout


# Every text field a snapshot shows, and how to put a text in it.
FIELD_SETTERS = {
    "name": lambda p, t: setattr(p, "name", t),
    "former_names": lambda p, t: setattr(p, "former_names", [t]),
    "achtergrond": lambda p, t: setattr(p, "achtergrond", t),
    "doel": lambda p, t: setattr(p, "doel", t),
    "looptijd": lambda p, t: setattr(p, "looptijd", t),
    "looptijd_label": lambda p, t: setattr(p, "looptijd_label", t),
    "programma": lambda p, t: setattr(p, "programma", t),
    "gemeente": lambda p, t: setattr(p, "gemeente", t),
    "rechtsgebied": lambda p, t: setattr(p, "rechtsgebied", t),
    "partners": lambda p, t: setattr(p, "partners", ["Juridisch Loket", t]),
    "footnote_text": lambda p, t: setattr(p, "footnotes", [Footnote(t, "doel", "")]),
    "footnote_anchor": lambda p, t: setattr(p, "footnotes", [Footnote("Noot", "doel", t)]),
    "stand_van_zaken": lambda p, t: p.set_entry(HistoryEntry(P, t, Status.LOPEND)),
}


def _strings(value: object) -> list[str]:
    """Every string in a snapshot model (dataclasses, tuples, named tuples)."""
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value):
        return [s for f in dataclasses.fields(value) for s in _strings(getattr(value, f.name))]
    if isinstance(value, tuple):
        return [s for item in value for s in _strings(item)]
    return []


@pytest.mark.parametrize("field", FIELD_SETTERS)
def test_snapshot_model_cleans_every_field(field: str) -> None:
    """A control character in any one field of a pilot whose other texts are clean (the
    snapshot checks a pilot's texts together and cleans them only when needed)."""
    reg = Register(title="Stand van zaken pilots", peildata=[P])
    pilot = Pilot(id="p", name="Naam – “netjes”", doel="typografie", looptijd="januari 2021 – 2022")
    pilot.set_entry(HistoryEntry(P, "Stand", Status.LOPEND))
    FIELD_SETTERS[field](pilot, "typografie\x1b[2J en\x0c form\u202efeed")
    reg.pilots.append(pilot)
    window = parse_window("3m")
    assert window is not None
    snap = build_snapshot(reg, SnapshotOptions(P, window))
    strings = _strings(snap)
    assert any("typografie en formfeed" in s for s in strings), field
    for s in strings:
        assert strip_controls(s) == s, (field, s)


# Characters XML 1.0 forbids (python-docx refuses them); `check` calls the text fine.
XML_FORBIDDEN = ("\uffff", "\ufffe", "\x01", "\x1f", "\ud800", "\udfff")


def _xml_hostile_register(field: str, forbidden: str = "".join(XML_FORBIDDEN)) -> Register:
    reg = Register(title="Stand van zaken pilots", peildata=[P])
    pilot = Pilot(id="p", name="Naam", doel="Doel", looptijd="januari 2021 – 2022")
    pilot.set_entry(HistoryEntry(P, "Stand", Status.LOPEND))
    FIELD_SETTERS[field](pilot, f"ver{forbidden}boden")
    reg.pilots.append(pilot)
    return reg


def _rendered_text(reg: Register, fmt: str) -> str:
    window = parse_window("3m")
    assert window is not None
    data = render(build_snapshot(reg, SnapshotOptions(P, window)), fmt)
    return _docx_text(data) if fmt == "docx" else data.decode("utf-8-sig")


@pytest.mark.parametrize("fmt", ["docx", "md", "html", "csv", "json"])
@pytest.mark.parametrize("field", FIELD_SETTERS)
def test_characters_xml_forbids_are_left_out_of_every_format(field: str, fmt: str) -> None:
    text = _rendered_text(_xml_hostile_register(field), fmt)
    for ch in XML_FORBIDDEN:
        assert ch not in text, (field, fmt, repr(ch))
    # the rest of the text stays, where the format shows the field at all
    if "verboden" in _rendered_text(_xml_hostile_register(field, ""), fmt):
        assert "verboden" in text, (field, fmt)


def test_check_reports_characters_a_document_cannot_hold(tmp_path: Path) -> None:
    reg = _xml_hostile_register("doel")
    pilot = reg.pilots[0]
    pilot.doel = pilot.achtergrond = "Tekst"
    clean_path = tmp_path / "schoon.json"
    Store.create(clean_path, reg).close()
    assert run_cli("check", "--store", str(clean_path)).returncode == 0
    # what a register file can hold (a lone surrogate cannot be saved)
    pilot.achtergrond = "Achtergrond\uffff\ufffe\x01"
    pilot.set_entry(HistoryEntry(P, "Stand\uffff", Status.LOPEND))
    path = tmp_path / "x.json"
    Store.create(path, reg).close()
    result = run_cli("check", "--store", str(path))
    assert result.returncode == 1, result.stderr
    problems = [line for line in result.stdout.splitlines() if "(p)" in line]
    assert len(problems) == 1, result.stdout
    assert "achtergrond" in problems[0] and "stand van zaken" in problems[0], problems
    assert "\uffff" not in result.stdout


# -- what the command line prints from data or from a file name -------------------------------

ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202e\r"
TERMINAL_CONTROLS = ("\x1b", "\x07", "\x9b", "\u202e", "\r")
# unreadable as a looptijd, and quoted in the reason (the digits in ESCAPES read as a day)
UNREADABLE = "onzin \x1b[31mrood\x9b1m\u202e"


def _json_strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *_json_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _json_strings(v)]
    return []


def _printable(stream: str) -> bool:
    return not any(ch in stream for ch in TERMINAL_CONTROLS)


@pytest.fixture(scope="module")
def escape_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A register whose file name, pilot id, name and looptijd hold terminal escapes,
    with a backup."""
    folder = tmp_path_factory.mktemp("escapes")
    path = folder / f"reg{ESCAPES}.json"
    reg = Register(title=f"Titel{ESCAPES}", peildata=[P])
    pilot = Pilot(
        id=f"id{ESCAPES}",
        name=f"Naam{ESCAPES}",
        looptijd=UNREADABLE,
        achtergrond="Tekst",
        doel="Tekst",
    )
    pilot.set_entry(HistoryEntry(P, f"Stand{ESCAPES}", Status.LOPEND))
    reg.pilots.append(pilot)
    Store.create(path, reg).close()
    with Store.open(path, daily_backup=False) as store:
        store.backup(f"kopie{ESCAPES}")
    return path


CLI_OUTPUTS = {
    "show": lambda s: ["show", "--store", str(s), f"id{ESCAPES}"],
    "show --json": lambda s: ["show", "--json", "--store", str(s), f"id{ESCAPES}"],
    "check": lambda s: ["check", "--store", str(s)],
    "check --json": lambda s: ["check", "--json", "--store", str(s)],
    "list": lambda s: ["list", "--store", str(s)],
    "list --json": lambda s: ["list", "--json", "--store", str(s)],
    "history": lambda s: ["history", "--store", str(s), f"id{ESCAPES}"],
    "period": lambda s: ["period", UNREADABLE],
    "period --json": lambda s: ["period", "--json", UNREADABLE],
    "backups": lambda s: ["backups", "--store", str(s)],
    "restore": lambda s: ["restore", "--store", str(s), str(list_backups(s)[-1])],
    "restore missing": lambda s: ["restore", "--store", str(s), f"weg{ESCAPES}.json"],
    "snapshot": lambda s: [
        "snapshot",
        "--store",
        str(s),
        "--format",
        "md",
        "--force",
        "-o",
        str(s.parent / f"uit{ESCAPES}.md"),
    ],
    "show missing": lambda s: ["show", "--store", str(s), f"geen{ESCAPES}"],
}


@pytest.mark.parametrize("command", CLI_OUTPUTS)
def test_cli_prints_no_terminal_controls(escape_store: Path, command: str) -> None:
    result = run_cli(*CLI_OUTPUTS[command](escape_store))
    assert result.returncode in (0, 1, 2), result.stderr
    assert "Traceback" not in result.stderr
    assert _printable(result.stdout), (command, result.stdout)
    assert _printable(result.stderr), (command, result.stderr)
    assert result.stdout.strip() or result.stderr.strip()
    if command.endswith("--json"):
        data = json.loads(result.stdout)  # the data itself is exact, escaped as JSON
        texts = _json_strings(data)
        assert any(ESCAPES in t or UNREADABLE in t for t in texts), (command, texts)


def test_cli_error_quoting_a_name_with_a_newline_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    reg = Register(title="Stand van zaken pilots", peildata=[P])
    for pid, name in (("a", "Twee\nregels"), ("b", "Anders")):
        pilot = Pilot(id=pid, name=name, looptijd="2021 – 2022")
        pilot.set_entry(HistoryEntry(P, "Stand", Status.LOPEND))
        reg.pilots.append(pilot)
    Store.create(path, reg).close()
    result = run_cli("set", "--store", str(path), "b", "name=twee regels")
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n"), result.stderr
    assert "Twee regels" in result.stderr
    assert result.stdout == ""
