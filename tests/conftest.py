"""Shared fixtures: a small register built in code, and a copy of the real store.json."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pilot_tui.model import Footnote, HistoryEntry, Pilot, Register, Status

if TYPE_CHECKING:
    from pilot_tui.importer import ImportResult

ROOT = Path(__file__).resolve().parent.parent
SEED_STORE = ROOT / "store.json"
# The real overview (text extracted from its PDF), kept with the tests so that a clone
# runs them anywhere; it is the Bijlage as extracted from its PDF, byte for byte.
SEED_TEXT = ROOT / "tests" / "fixtures" / "bijlage2-stand-van-zaken-pilots-2021-12-01.txt"

# The files whose tests take longest (a real terminal, LibreOffice, whole-app runs, a
# process killed while saving), run first: so that no long test starts last, when the
# other workers have nothing left to do. Measured with --durations; order by time.
SLOW_FIRST = (
    "tests/tui/test_input_pty.py",
    "tests/test_docx_track_render.py",
    "tests/tui/test_hostile.py",
    "tests/test_crash.py",
    "tests/test_docx_render.py",
    "tests/tui/test_wiring.py",
    "tests/tui/test_import_documents.py",
    "tests/test_import_formats_layouts.py",
    "tests/test_import_formats_refusals.py",
    "tests/test_import_formats.py",
    "tests/test_import_formats_foreign.py",
    "tests/tui/test_history_app.py",
    "tests/tui/test_input_fuzz.py",
)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto``: two workers per core (at most four more than there are cores).
    About half of the suite's time is waiting, not computing: for a child process (the
    command line, a terminal, LibreOffice) or for the app to be idle (Textual's test
    pilot sleeps between keys), so a second worker per core overlaps the waits with
    work. PYTEST_XDIST_AUTO_NUM_WORKERS still decides where it is set."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # pytest-xdist reads it
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cores = cores or 1
    return cores + min(cores, 4)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slowest files first (see SLOW_FIRST), the rest in their own order."""
    rank = {name: n for n, name in enumerate(SLOW_FIRST)}

    def key(item: pytest.Item) -> int:
        return rank.get(Path(item.path).relative_to(ROOT).as_posix(), len(SLOW_FIRST))

    items.sort(key=key)


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


@pytest.fixture(scope="module")
def seed_text() -> str:
    """The real overview as text (the importer tests read it)."""
    return SEED_TEXT.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed(seed_text: str) -> ImportResult:
    """The real overview imported, once per test module."""
    from pilot_tui.importer import parse_overview

    return parse_overview(seed_text)
