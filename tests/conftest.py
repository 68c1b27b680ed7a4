"""Shared fixtures: a small register built in code, and a copy of the real store.json."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from pilot_tui.model import Footnote, HistoryEntry, Pilot, Register, Status

ROOT = Path(__file__).resolve().parent.parent
SEED_STORE = ROOT / "store.json"
# The real overview (text extracted from its PDF), kept with the tests so that a clone
# runs them anywhere; it is the document in ../shared/data, byte for byte.
SEED_TEXT = ROOT / "tests" / "fixtures" / "bijlage2-stand-van-zaken-pilots-2021-12-01.txt"

D1 = date(2021, 12, 1)
D2 = date(2022, 6, 1)


def make_pilot(
    pid: str,
    name: str,
    looptijd: str,
    status: Status = Status.LOPEND,
    entries: tuple[date, ...] = (D1,),
    **fields: object,
) -> Pilot:
    pilot = Pilot(id=pid, name=name, looptijd=looptijd, status=status, **fields)  # type: ignore[arg-type]
    for d in entries:
        pilot.set_entry(HistoryEntry(d, f"Stand van {name} op {d.isoformat()}.", status))
    return pilot


def small_register() -> Register:
    """Five pilots at two peildata, with bullets, footnotes and a hostile name."""
    reg = Register(
        title="Stand van zaken pilots",
        intro="Nb. In dit overzicht zijn opgenomen lopende pilots.",
        peildata=[D1, D2],
    )
    reg.pilots = [
        make_pilot(
            "huur",
            "Regie op geschiloplossing in het huurdomein",
            "Najaar 2019 – december 2021",
            entries=(D1, D2),
            achtergrond="Huurders sneller helpen.",
            doel="Doelen:\n• sneller\n• beter",
            programma="Raad voor Rechtsbijstand",
            footnotes=[Footnote("Zie voor evaluatie: www.example.nl", "stand_van_zaken", "")],
        ),
        make_pilot(
            "almere",
            "Divosa / Gemeente Almere",
            "November 2021 – december 2022",
            programma="Divosa",
            gemeente="Almere",
        ),
        make_pilot("klaar", "Online keuzehulp bij scheiden", "Afgerond.", Status.AFGEROND),
        make_pilot("later", "Toekomstige pilot", "Vanaf 1 februari 2022", Status.GEPLAND),
        make_pilot(
            "hostile",
            "[@click=app.quit]x[/] <script>",
            "2021 – 2023",
            achtergrond="=1+1 [/] \x1b]0;x\x07",
        ),
    ]
    return reg


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the user's start cache (pilot_tui/tui/startup.py)."""
    monkeypatch.setenv("PILOT_TUI_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def seed_store(tmp_path: Path) -> Path:
    """A private copy of the real register."""
    target = tmp_path / "store.json"
    shutil.copy(SEED_STORE, target)
    return target


@pytest.fixture
def small_store(tmp_path: Path) -> Path:
    from pilot_tui.store import Store

    path = tmp_path / "small.json"
    Store.create(path, small_register()).close()
    return path


def run_cli(
    *args: str,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    input_text: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run `pilot-tui` as a user would: a separate process."""
    return subprocess.run(
        [sys.executable, "-m", "pilot_tui.launcher", *args],  # what `pilot-tui` runs
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        input=input_text,
        timeout=60,
    )
