"""Data safety of the store when reading: refused registers, what is not a file, and the
CLI refusing them."""

from __future__ import annotations

import json
import os
import resource
import stat
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from pilot_tui.files import MAX_FILE_BYTES
from pilot_tui.store import Store, StoreError, backup_dir, list_backups, read_register_file
from pilot_tui.store import backups as backups_mod

from .conftest import run_cli
from .helpers.safety import make, snapshot, valid_bytes, valid_data


def edited(change: Callable[[dict[str, Any]], None]) -> Callable[[], bytes]:
    def build() -> bytes:
        data = valid_data()
        change(data)
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")

    return build


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _del(path: tuple[Any, ...]) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


def _two_metas(data: dict[str, Any]) -> None:
    data["meta"]["2"] = dict(data["meta"]["1"])


DIRECTORY = object()

# name -> (content, a fragment the message must contain)
CORRUPT: dict[str, tuple[Any, str]] = {
    "truncated": (lambda: valid_bytes()[: len(valid_bytes()) // 2], "houdt halverwege op"),
    "truncated-to-one-brace": (lambda: b"{", "houdt halverwege op"),
    "empty": (lambda: b"", "leeg"),
    "whitespace-only": (lambda: b" \n\t\r\n   \n", "witruimte"),
    "nul-bytes": (lambda: b"\x00" * 4096, "nul-bytes"),
    "nul-byte-inside": (lambda: valid_bytes().replace(b'"title"', b'"ti\x00tle"'), "nul-bytes"),
    "trailing-garbage": (lambda: valid_bytes() + b"}\ngarbage", "na het einde"),
    "invalid-utf8": (lambda: valid_bytes().replace("café".encode(), b"caf\xe9"), "UTF-8"),
    "json-list": (lambda: b'[{"meta": {}}]\n', "geen pilot-register"),
    "json-number": (lambda: b"42\n", "geen JSON"),
    "json-without-meta": (lambda: b'{"pilots": {}, "audit": {}}', "'meta' ontbreekt"),
    "meta-not-object": (edited(_set(("meta",), [1])), "'meta' is geen object"),
    "meta-two-docs": (edited(_two_metas), "2 documenten"),
    "meta-doc-not-object": (edited(_set(("meta", "1"), "x")), "meta-document is geen object"),
    "name-is-number": (edited(_set(("pilots", "2", "name"), 12)), "'name' moet tekst zijn"),
    "history-not-list": (edited(_set(("pilots", "1", "history"), {"a": 1})), "lijsten"),
    "bad-history-date": (
        edited(_set(("pilots", "1", "history", 0, "peildatum"), "2021-13-45")),
        "geen geldige datum",
    ),
    "bad-peildatum": (edited(_set(("meta", "1", "peildata"), ["1 juni"])), "peildatum"),
    # dates the command line would not take: they loaded, and crashed a later step
    "peildatum-year-9999": (
        edited(_set(("meta", "1", "peildata"), ["2021-12-01", "9999-12-31"])),
        "buiten 1900–2199",
    ),
    "history-date-year-9999": (
        edited(_set(("pilots", "1", "history", 0, "peildatum"), "9999-12-31")),
        "buiten 1900–2199",
    ),
    "history-date-year-1": (
        edited(_set(("pilots", "2", "history", 0, "peildatum"), "0001-01-01")),
        "buiten 1900–2199",
    ),
    "audit-time-year-9999": (
        edited(_set(("audit", "1", "when"), "9999-12-31T23:59:59+14:00")),
        "buiten 1900–2199",
    ),
    "bad-status": (edited(_set(("pilots", "3", "status"), "bezig")), "ongeldige status"),
    "bad-audit-time": (edited(_set(("audit", "1", "when"), "gisteren")), "logregel 1"),
    "pilots-is-list": (edited(_set(("pilots",), [])), "'pilots' is geen object"),
    "bad-doc-id": (edited(lambda d: d["pilots"].update({"x": d["pilots"]["1"]})), "document-id"),
    "duplicate-pilot-id": (
        edited(lambda d: d["pilots"].update({"9": d["pilots"]["1"]})),
        "komt twee keer voor",
    ),
    "unknown-past-field": (
        edited(_set(("pilots", "1", "past"), [{"until": "2022-06-01", "values": {"kleur": "x"}}])),
        "onbekend veld",
    ),
    "newer-schema": (edited(_set(("meta", "1", "schema_version"), 3)), "nieuwer"),
    "schema-missing": (edited(_del(("meta", "1", "schema_version"))), "zonder schemaversie"),
    "schema-not-int": (edited(_set(("meta", "1", "schema_version"), "1")), "ongeldige schema"),
    "schema-zero": (edited(_set(("meta", "1", "schema_version"), 0)), "onbekende schemaversie"),
    "directory": (DIRECTORY, "is een map"),
    "png": (lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "PNG"),
    "docx": (lambda: b"PK\x03\x04\x14\x00\x06\x00" + b"word/document.xml", "zip-bestand"),
    "html": (
        lambda: b"<!DOCTYPE html>\n<html><body><h1>Pilots</h1></body></html>\n",
        "HTML",
    ),
    "deep-nesting": (lambda: b"[" * 100_000 + b"]" * 100_000, "te diep geneste JSON"),
    "huge-number": (lambda: b'{"meta": {"1": {"schema_version": ' + b"9" * 5000 + b"}}}", "JSON"),
}


# The cases the CLI is run on as a subprocess (each costs two process starts).
CLI_CASES = [
    "truncated",
    "empty",
    "whitespace-only",
    "nul-bytes",
    "trailing-garbage",
    "invalid-utf8",
    "json-list",
    "json-without-meta",
    "meta-two-docs",
    "name-is-number",
    "history-not-list",
    "bad-history-date",
    "peildatum-year-9999",
    "history-date-year-9999",
    "bad-status",
    "newer-schema",
    "schema-missing",
    "directory",
    "png",
    "html",
]


def place(folder: Path, case: str, name: str = "store.json") -> Path:
    path = folder / name
    content, _ = CORRUPT[case]
    if content is DIRECTORY:
        path.mkdir()
        (path / "inhoud.txt").write_text("x")
    else:
        path.write_bytes(content())
    return path


@pytest.mark.parametrize("readonly", [False, True], ids=["writable", "readonly"])
@pytest.mark.parametrize("case", sorted(CORRUPT))
def test_corrupt_register_is_refused_and_untouched(
    tmp_path: Path, case: str, readonly: bool
) -> None:
    path = place(tmp_path, case)
    before = snapshot(tmp_path)
    with pytest.raises(StoreError) as info:
        Store.open(path, readonly=readonly)
    assert type(info.value) is StoreError
    message = str(info.value)
    assert "\n" not in message and "\r" not in message
    assert path.name in message
    assert CORRUPT[case][1] in message
    assert "reservekopie" not in message  # there is none
    assert len(message) < 400
    assert snapshot(tmp_path) == before  # byte-identical, and nothing new beside it
    # The reader alone says the same.
    with pytest.raises(StoreError) as again:
        read_register_file(path)
    assert CORRUPT[case][1] in str(again.value)


@pytest.mark.parametrize("case", sorted(CORRUPT))
def test_refusal_names_the_latest_good_backup(tmp_path: Path, case: str) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path):  # the first open of the day makes a backup
        pass
    backups = list_backups(path)
    assert len(backups) == 1
    good = backups[0]
    # A newer but broken backup (e.g. the "voor-herstel" copy of a broken file) is skipped.
    stamp = datetime.now().strftime(backups_mod.BACKUP_STAMP)  # made after `good`
    broken = backup_dir(path) / f"store-{stamp}-voor-herstel.json"
    broken.write_bytes(b"{")
    assert list_backups(path)[0] == broken
    path.unlink()
    place(tmp_path, case)
    before = snapshot(tmp_path)
    with pytest.raises(StoreError) as info:
        Store.open(path)
    message = str(info.value)
    assert message.endswith(f"; laatste reservekopie: {good}")
    assert "\n" not in message and CORRUPT[case][1] in message
    assert snapshot(tmp_path) == before


def test_missing_file_message(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="bestand bestaat niet"):
        Store.open(tmp_path / "store.json")
    assert list(tmp_path.iterdir()) == []


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "store.json"
    path.write_bytes(b"\xef\xbb\xbf" + valid_bytes())
    with Store.open(path, daily_backup=False) as store:
        assert len(store.register.pilots) == 4
        store.save_meta()
    assert path.read_bytes() == valid_bytes()


@pytest.fixture(scope="module")
def cli_results(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Any]:
    """`list` and `check` on every corrupt register, run in parallel (they are slow-ish)."""
    jobs: list[tuple[str, str, Path, bytes | None]] = []
    for case in CLI_CASES:
        folder = tmp_path_factory.mktemp(case)
        path = place(folder, case, name=f"register-{case}.json")
        for command in ("list", "check"):
            jobs.append((case, command, path, path.read_bytes() if path.is_file() else None))

    def run(job: tuple[str, str, Path, bytes | None]) -> Any:
        case, command, path, before = job
        result = run_cli(command, "--store", str(path))
        after = path.read_bytes() if path.is_file() else None
        return (case, command), (result, before == after)

    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 1)) as pool:
        return dict(pool.map(run, jobs))


@pytest.mark.parametrize("command", ["list", "check"])
@pytest.mark.parametrize("case", CLI_CASES)
def test_cli_refuses_corrupt_register(
    cli_results: dict[tuple[str, str], Any], case: str, command: str
) -> None:
    result, unchanged = cli_results[(case, command)]
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("pilot-tui: ")
    assert f"register-{case}.json" in lines[0]
    assert result.stdout == ""
    assert unchanged


# -- what is not a file to read: a device, a FIFO, a file far too large --------------------------

MEMORY_LIMIT = 1536 * 1024 * 1024  # bytes of address space for a CLI run that might read forever


def run_cli_limited(*args: str) -> subprocess.CompletedProcess[str]:
    """`pilot-tui` in a process that cannot take the machine's memory with it: a read of
    the zero device ends in a MemoryError there, a FIFO in the timeout."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    return subprocess.run(
        [sys.executable, "-m", "pilot_tui.launcher", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=30,
        preexec_fn=limit,
    )


def not_a_file(folder: Path, kind: str) -> Path:
    """A path of ``kind``: the zero device, a FIFO, or a (sparse) file past the size limit."""
    if kind == "device":
        return Path("/dev/zero")
    path = folder / f"{kind}.json"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        with open(path, "wb") as fh:
            fh.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk space used
    return path


NOT_A_FILE = ["device", "fifo", "huge"]
EXPECTED = {"device": "is een apparaat", "fifo": "is een FIFO", "huge": "te groot"}


def _one_refusal(result: subprocess.CompletedProcess[str], fragment: str) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert fragment in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize("kind", NOT_A_FILE)
def test_store_that_is_not_a_file_is_refused(tmp_path: Path, kind: str) -> None:
    path = not_a_file(tmp_path, kind)
    _one_refusal(run_cli_limited("list", "--store", str(path)), EXPECTED[kind])
    with pytest.raises(StoreError, match=EXPECTED[kind]):
        Store.open(path, readonly=True)


@pytest.mark.parametrize("kind", NOT_A_FILE)
def test_restore_from_what_is_not_a_file_is_refused(tmp_path: Path, kind: str) -> None:
    (tmp_path / "register").mkdir()
    path = make(tmp_path / "register" / "store.json")
    before = snapshot(tmp_path / "register")
    source = not_a_file(tmp_path, kind)
    result = run_cli_limited("restore", "--store", str(path), str(source))
    line = _one_refusal(result, EXPECTED[kind])
    assert "niet teruggezet" in line
    assert snapshot(tmp_path / "register") == before


def test_restore_over_a_fifo_is_refused(tmp_path: Path) -> None:
    good = make(tmp_path / "goed.json")
    path = tmp_path / "store.json"
    os.mkfifo(path)
    _one_refusal(run_cli_limited("restore", "--store", str(path), str(good)), "is een FIFO")
    assert stat.S_ISFIFO(os.stat(path).st_mode)


@pytest.mark.parametrize("kind", NOT_A_FILE)
def test_import_of_what_is_not_a_file_is_refused(tmp_path: Path, kind: str) -> None:
    (tmp_path / "register").mkdir()
    path = make(tmp_path / "register" / "store.json")
    before = snapshot(tmp_path / "register")
    source = not_a_file(tmp_path, kind)
    _one_refusal(run_cli_limited("import", "--store", str(path), str(source)), EXPECTED[kind])
    assert snapshot(tmp_path / "register") == before
