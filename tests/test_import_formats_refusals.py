"""Import refusals and the command line: what is not an overview is refused with one line
and nothing written; the CLI imports PDF and Word; damaged copies of real documents give
a result or one line, never a traceback.
"""

from __future__ import annotations

import io
import shutil
import sys
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest

from pilot_tui.importing import OverviewError, read_overview, read_overview_bytes
from pilot_tui.store import Store

from .conftest import SEED_STORE, run_cli
from .helpers.import_formats import D1, D2, FIXTURES, SEED_PDF, differences, seed, word

# -- refusals: one line, nothing written -----------------------------------------------------


def _pdf(content: bytes, resources: str = "", extra: list[bytes] | None = None) -> bytes:
    """A one-page PDF with ``content`` as its page's content stream."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << {resources} >> "
        "/Contents 4 0 R >>".encode(),
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        *(extra or []),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _scan_pdf() -> bytes:
    pixels = zlib.compress(bytes((x * y) % 256 for y in range(100) for x in range(200)))
    image = (
        b"<< /Type /XObject /Subtype /Image /Width 200 /Height 100 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
        % len(pixels)
        + pixels
        + b"\nendstream"
    )
    return _pdf(b"q 400 0 0 200 100 500 cm /Im1 Do Q", "/XObject << /Im1 5 0 R >>", [image])


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, body in files.items():
            z.writestr(name, body)
    return buf.getvalue()


def _plain_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Boodschappen: melk, brood en kaas.")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


REFUSED: dict[str, tuple[Any, str]] = {
    "willekeurige.pdf": (lambda: (FIXTURES / "notulen.pdf").read_bytes(), "Geen pilots gevonden"),
    "scan.pdf": (_scan_pdf, "geen tekst, alleen afbeeldingen (een scan?)"),
    "leeg.pdf": (lambda: _pdf(b""), "bevat geen tekst"),
    "geheim.pdf": (lambda: (FIXTURES / "geheim.pdf").read_bytes(), "met een wachtwoord"),
    "kapot.pdf": (lambda: b"%PDF-1.4\n" + bytes(range(256)) * 4, "beschadigd PDF-bestand"),
    "geheim.docx": (lambda: (FIXTURES / "geheim.docx").read_bytes(), "met een wachtwoord"),
    "kapot.docx": (lambda: b"PK\x03\x04" + bytes(range(256)) * 4, "beschadigd zip-bestand"),
    "afgebroken.docx": (
        lambda: word(seed(), D1)[:10_000],
        "beschadigd zip-bestand",
    ),
    "geen-word.zip": (lambda: _zip({"a.txt": b"x"}), "zip-bestand zonder Word-document"),
    "rekenblad.xlsx": (lambda: _zip({"xl/workbook.xml": b"<x/>"}), "Excel-bestand"),
    "boodschappen.docx": (_plain_docx, "Geen pilots gevonden"),
    "oud.doc": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "ouder Office-bestand"),
    "foto.png": (lambda: b"\x89PNG\r\n\x1a\n" + bytes(100), "afbeelding (PNG)"),
    "latin1.txt": (lambda: "caf\xe9".encode("latin-1") * 10, "geen UTF-8-tekst"),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_not_an_overview_is_refused_with_one_line(name: str, tmp_path: Path) -> None:
    make, words = REFUSED[name]
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(OverviewError) as caught:
        read_overview(path)
    message = str(caught.value)
    assert words in message
    assert "\n" not in message and message.isprintable()


@pytest.mark.parametrize("name", ["scan.pdf", "geheim.pdf", "geheim.docx", "kapot.docx"])
def test_the_cli_refuses_with_exit_2_and_writes_nothing(name: str, tmp_path: Path) -> None:
    store = tmp_path / "register" / "store.json"
    store.parent.mkdir()
    shutil.copyfile(SEED_STORE, store)
    before = store.read_bytes()
    path = tmp_path / name
    path.write_bytes(REFUSED[name][0]())
    done = run_cli("--store", str(store), "import", str(path))
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and REFUSED[name][1] in lines[0], done.stderr
    assert "Traceback" not in done.stderr
    assert store.read_bytes() == before
    assert sorted(p.name for p in store.parent.iterdir()) == ["store.json"]


# -- the command line --------------------------------------------------------------------------


def test_cli_imports_the_pdf_into_a_new_register(tmp_path: Path) -> None:
    store = tmp_path / "store.json"
    trial = run_cli("--store", str(store), "import", str(SEED_PDF), "--dry-run")
    assert trial.returncode == 0, trial.stderr
    assert trial.stdout.startswith("(proefdraai) nieuw register")
    assert "33 nieuw" in trial.stdout
    assert not store.exists()
    done = run_cli("--store", str(store), "import", str(SEED_PDF))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # no progress: stderr is not a terminal
    with Store.open(store, readonly=True) as opened:
        register = opened.register
    assert register.annex == "Bijlage 2"
    assert differences(register, seed(), D1) == []


def test_cli_imports_the_word_file_again_and_with_update(tmp_path: Path) -> None:
    store = tmp_path / "store.json"
    shutil.copyfile(SEED_STORE, store)
    bijlage = tmp_path / "bijlage.docx"
    bijlage.write_bytes(word(seed(), D1))
    again = run_cli("--store", str(store), "import", str(bijlage), "--dry-run")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("(proefdraai, niets geschreven) 0 nieuw · 0 bijgewerkt · 33")
    later = run_cli("--store", str(store), "import", str(bijlage), "--peildatum", "1 juni 2022")
    assert later.returncode == 0, later.stderr
    assert later.stdout.startswith("0 nieuw")  # every pilot matched, the texts kept
    updated = run_cli("--store", str(store), "import", str(SEED_PDF), "--update")
    assert updated.returncode == 2  # an earlier round than the register's latest
    assert "voor de laatste ronde" in updated.stderr
    with Store.open(store, readonly=True) as opened:
        assert opened.register.peildata == [D1, D2]


def test_cli_progress_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from pilot_tui import cli

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    err = Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    code = cli.main(["--store", str(tmp_path / "store.json"), "import", str(SEED_PDF), "--dry-run"])
    assert code == 0
    assert "\r10/18 bladzijden gelezen" in err.getvalue()
    assert "\r18/18 bladzijden gelezen\n" in err.getvalue()


# -- damaged copies of real documents: a result or one line, never a traceback ---------------


def _damaged(data: bytes, seed_: int) -> bytes:
    import random

    rng = random.Random(seed_)
    out = bytearray(data)
    if seed_ % 3 == 0:
        return bytes(out[: rng.randrange(len(out) // 4, len(out))])  # cut off
    for _ in range(20):
        at = rng.randrange(len(out))
        out[at] = rng.randrange(256)
    return bytes(out)


@pytest.mark.parametrize("seed_", range(6))
@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_a_damaged_document_gives_a_result_or_one_line(kind: str, seed_: int) -> None:
    data = SEED_PDF.read_bytes() if kind == "pdf" else word(seed(), D1)
    try:
        result = read_overview_bytes(_damaged(data, seed_))
    except OverviewError as exc:
        assert "\n" not in str(exc) and str(exc).isprintable()
    else:
        assert result.register.pilots  # what could be read of it
