"""The register is a TinyDB document: what a script changes with ``TinyDB(path)`` is read by
the command line, checked record by record, and a bad record is refused without loss.

The README's example ("Met een script (TinyDB)") is run here exactly as it is written,
against a copy of store.json.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from tinydb import Query, TinyDB

from pilot_tui.store import RegisterStorage, Store

from .conftest import ROOT, run_cli

ZAAK = "mijn-zaak"  # "MIJN ZAAK" in store.json
SECTION = "## Met een script (TinyDB)"


def readme_example() -> str:
    """The Python block of the README's section on scripts."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert len(blocks) == 1, "the section shows one example"
    return blocks[0]


def run_script(code: str, cwd: Path) -> None:
    """Run ``code`` as a user's script: its own process, in the register's folder."""
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr


def test_the_readme_example_is_read_by_the_command_line(seed_store: Path) -> None:
    run_script(readme_example(), seed_store.parent)
    shown = run_cli("show", ZAAK, "--store", str(seed_store))
    assert shown.returncode == 0, shown.stderr
    assert "Zwolle" in shown.stdout
    listed = run_cli("list", "--store", str(seed_store))
    assert listed.returncode == 0, listed.stderr
    assert "Nieuwe pilot" in listed.stdout
    with Store.open(seed_store, readonly=True) as store:
        new = store.register.get("nieuwe-pilot")
        assert new is not None and new.status.value == "gepland"
        assert len(store.register.pilots) == 34


def test_a_change_after_a_script_is_audited(seed_store: Path) -> None:
    with TinyDB(seed_store) as db:
        db.table("pilots").update({"gemeente": "Zwolle"}, Query().id == ZAAK)
    done = run_cli("set", ZAAK, "gemeente=Deventer", "--store", str(seed_store))
    assert done.returncode == 0, done.stderr
    with Store.open(seed_store, readonly=True) as store:
        pilot = store.register.get(ZAAK)
        assert pilot is not None and pilot.gemeente == "Deventer"
        logged = [e for e in store.register.audit if e.pilot_id == ZAAK]
        assert [(e.field, e.old, e.new) for e in logged] == [
            ("gemeente@2021-12-01", "Zwolle", "Deventer")  # the field at the peildatum
        ]


def test_an_invalid_script_insert_is_refused_in_one_line_and_nothing_is_lost(
    seed_store: Path,
) -> None:
    with TinyDB(seed_store) as db:
        db.table("pilots").insert({"id": "pilot-fout", "name": "Fout", "status": "misschien"})
    written = seed_store.read_bytes()
    for args in (["list"], ["show", ZAAK], ["set", ZAAK, "gemeente=Deventer"]):
        done = run_cli(*args, "--store", str(seed_store))
        assert done.returncode == 2, args
        assert done.stdout == ""
        assert done.stderr.count("\n") == 1, done.stderr  # one line
        assert "beschadigd register: pilot 34 ('pilot-fout'): ongeldige status 'misschien'" in (
            done.stderr
        )
        assert "kies uit: gepland, lopend, afgerond, stopgezet" in done.stderr
        assert seed_store.read_bytes() == written  # not written over
    with TinyDB(seed_store) as db:  # the script puts it right: everything is there
        db.table("pilots").update({"status": "lopend"}, Query().id == "pilot-fout")
    listed = run_cli("list", "--store", str(seed_store))
    assert listed.returncode == 0, listed.stderr
    assert "Fout" in listed.stdout and "MIJN ZAAK" in listed.stdout


def test_a_script_with_the_register_storage_writes_the_bytes_of_a_save(
    seed_store: Path,
) -> None:
    """A script may open the register with pilot-tui's own storage: its save is then
    deterministic (sorted, indented) as the program's own, and it reads the register
    (checked) before TinyDB changes it: no table is lost."""
    with TinyDB(seed_store, storage=RegisterStorage) as db:
        db.table("pilots").update({"gemeente": "Zwolle"}, Query().id == ZAAK)
    raw = seed_store.read_bytes()
    data = json.loads(raw)
    assert raw == (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
    assert set(data) == {"meta", "pilots", "audit"} and len(data["pilots"]) == 33
    with Store.open(seed_store, readonly=True) as store:
        pilot = store.register.get(ZAAK)
        assert pilot is not None and pilot.gemeente == "Zwolle"
