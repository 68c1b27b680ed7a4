"""The format registry: the one table of snapshot formats, and what derives from it."""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path

import pytest

from pilot_tui.periods import parse_window
from pilot_tui.snapshot import (
    DEFAULT_FORMAT,
    FORMATS,
    SnapshotOptions,
    build_snapshot,
    default_filename,
    default_summary,
    format_of,
    format_spec,
    render,
)
from tests.fixtures.snapshot_register import D0, D, snapshot_register

WINDOW = parse_window("3m")


def test_the_formats_in_the_order_the_app_offers_them() -> None:
    assert tuple(FORMATS) == ("docx", "md", "html", "csv", "json")
    assert DEFAULT_FORMAT == "docx"
    assert [f.label for f in FORMATS.values()] == ["Word", "Markdown", "HTML", "CSV", "JSON"]
    assert all(name == spec.name for name, spec in FORMATS.items())


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_renders_as_its_entry_says(fmt: str) -> None:
    """Its renderer module exists; a binary format is a zip, a text format UTF-8 text."""
    spec = FORMATS[fmt]
    assert callable(importlib.import_module(spec.renderer).render)
    assert WINDOW is not None
    data = render(build_snapshot(snapshot_register(), SnapshotOptions(D, WINDOW)), fmt)
    if spec.binary:
        assert data.startswith(b"PK\x03\x04")
    else:
        data.decode("utf-8")


def test_file_names_follow_the_suffix() -> None:
    assert default_filename(date(2021, 12, 1), "docx") == "stand-van-zaken-pilots-2021-12-01.docx"
    assert default_filename(date(2022, 6, 1), "csv") == "stand-van-zaken-pilots-2022-06-01.csv"
    for name, spec in FORMATS.items():
        assert spec.suffix.startswith(".")
        assert spec.filename(D).endswith(spec.suffix)
        assert format_of(Path(spec.filename(D))) == name
        assert format_of(Path("stand" + spec.suffix.upper())) == name
    with pytest.raises(ValueError, match="onbekend formaat 'pdf'; kies uit: docx, md"):
        default_filename(D, "pdf")
    with pytest.raises(ValueError, match="onbekend formaat"):
        format_spec("pdf")


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
    assert format_of(Path(name)) == fmt


def test_what_a_document_holds_by_default_follows_its_entry() -> None:
    """A document for the Kamer has no Aandachtspunten unless asked; the others do."""
    for name, spec in FORMATS.items():
        assert default_summary(name) is spec.summary is (not spec.kamer)
    assert [n for n, f in FORMATS.items() if f.kamer] == ["docx"]


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_options_only_where_the_entry_offers_them(fmt: str, tmp_path: Path) -> None:
    """A template, a table of contents and revisions are refused by a format whose entry
    does not take them (the message names Word: the one that does)."""
    spec = FORMATS[fmt]
    assert WINDOW is not None
    snap = build_snapshot(snapshot_register(), SnapshotOptions(D, WINDOW))
    if not spec.toc:
        with pytest.raises(ValueError, match="alleen voor Word"):
            render(snap, fmt, toc=True)
    if not spec.template:
        with pytest.raises(ValueError, match="alleen voor Word"):
            render(snap, fmt, template=tmp_path / "sjabloon.dotx")
    tracked = build_snapshot(
        snapshot_register(), SnapshotOptions(D, WINDOW, since=D0, track_changes=True)
    )
    if spec.track_changes:
        assert render(tracked, fmt)
    else:
        with pytest.raises(ValueError, match="revisies zijn er alleen voor Word"):
            render(tracked, fmt)
