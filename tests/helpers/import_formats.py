"""What the tests of importing PDF and Word share: the seed, our Word file of a register, and
registers compared field by field at the peildatum."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

from pilot_tui.importing import ImportResult
from pilot_tui.model import Register
from pilot_tui.periods import parse_window
from pilot_tui.snapshot import SnapshotOptions, build_snapshot, render
from pilot_tui.snapshot.wordpkg import house_style
from pilot_tui.store import Store

from ..conftest import SEED_STORE

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
SEED_PDF = FIXTURES / "bijlage2-libreoffice.pdf"
D1 = date(2021, 12, 1)
D2 = date(2022, 6, 1)
WINDOW = parse_window("3m")


def seed() -> Register:
    with Store.open(SEED_STORE, readonly=True) as store:
        return store.register


def word(register: Register, peildatum: date, **options: Any) -> bytes:
    """Our Word Bijlage of ``register`` (the Kamer version unless asked otherwise)."""
    assert WINDOW is not None
    summary = options.pop("summary", False)
    since = options.pop("since", None)
    snapshot = build_snapshot(register, SnapshotOptions(peildatum, WINDOW, since, summary))
    return render(snapshot, "docx", **options)


# -- comparing registers ------------------------------------------------------------------

SHOWN = ("name", "former_names", "achtergrond", "doel", "looptijd", "looptijd_label")
INFERRED = ("id", "status", "programma", "gemeente", "rechtsgebied", "partners")


def fields_at(register: Register, when: date, inferred: bool = True) -> dict[str, dict[str, Any]]:
    """Per pilot (by name as at ``when``) every field a Bijlage shows, and (``inferred``)
    those the import infers from it, as they were at ``when``."""
    out = {}
    for pilot in register.pilots:
        then = pilot.as_of(when)
        if then is None:
            continue
        entry = pilot.entry_at(when)
        values: dict[str, Any] = {key: getattr(then, key) for key in SHOWN}
        values["footnotes"] = [(f.text, f.section, f.anchor) for f in then.footnotes]
        values["stand_van_zaken"] = entry.stand_van_zaken if entry is not None else ""
        values["zaken"] = entry.zaken if entry is not None else None
        if inferred:
            values.update({key: getattr(then, key) for key in INFERRED})
        out[then.name] = values
    return out


def differences(
    got: Register, want: Register, when: date, inferred: bool = True
) -> list[tuple[str, str, Any, Any]]:
    """(pilot, field, got, want) for every field that differs; [] for the same register."""
    g = fields_at(got, got.latest_peildatum() or when, inferred)
    w = fields_at(want, when, inferred)
    assert list(g) == list(w), "not the same pilots, or not in the same order"
    return [
        (name, key, g[name][key], value)
        for name, values in w.items()
        for key, value in values.items()
        if g[name][key] != value
    ]


def assert_header(result: ImportResult, want: Register, peildatum: date) -> None:
    got = result.register
    assert got.peildata == [peildatum]
    assert (got.title, got.annex, got.intro) == (want.title, want.annex, want.intro)


def _rezip(data: bytes, part: str, change: Any) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            body = src.read(info.filename)
            z.writestr(info, change(body) if info.filename == part else body)
    return out.getvalue()


def _template_with_other_styles(docx: bytes) -> bytes:
    """Our Word file with other styles, to be used as a template: Liberation Serif 11 pt,
    justified body text, hyphenation on, no space after a paragraph."""
    styles = house_style().styles.decode("utf-8")
    styles = styles.replace('"Verdana"', '"Liberation Serif"')
    styles = styles.replace('<w:sz w:val="18"/>', '<w:sz w:val="22"/>', 1)
    styles = styles.replace(
        '<w:widowControl/>\n      <w:suppressAutoHyphens/>\n      <w:spacing w:after="120"/>',
        '<w:widowControl/>\n      <w:spacing w:after="0"/>\n      <w:jc w:val="both"/>',
        1,
    )
    assert '<w:jc w:val="both"/>' in styles
    return _rezip(docx, "word/styles.xml", lambda _body: styles.encode("utf-8"))
