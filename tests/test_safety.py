"""Data safety of the store: refused registers, failed saves, leftovers of a crash,
backups and restore, and fuzzing of the reader."""

from __future__ import annotations

import errno
import json
import os
import resource
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import pilot_tui.store as store_mod
from pilot_tui.atomic import atomic_write, remove_stale_temps, temp_files
from pilot_tui.files import MAX_FILE_BYTES
from pilot_tui.model import AuditEntry
from pilot_tui.outputs import output_problem
from pilot_tui.store import (
    Store,
    StoreConflict,
    StoreError,
    StoreLocked,
    backup_dir,
    dumps,
    list_backups,
    parse_register_bytes,
    read_register_file,
    restore_backup,
)
from pilot_tui.store import backups as backups_mod

from .conftest import run_cli
from .helpers.files import folder_state
from .helpers.registers import full_pilot, full_register


def valid_bytes(n: int = 4) -> bytes:
    return dumps(store_mod.data_from_register(full_register(n))).encode("utf-8")


def valid_data(n: int = 4) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(valid_bytes(n))
    return data


def make(path: Path, n: int = 4) -> Path:
    Store.create(path, full_register(n)).close()
    return path


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


def snapshot(folder: Path) -> dict[str, bytes | None]:
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"))
        if p.name != ".store.json.lock"
    }


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


# -- outputs: never the register, its lock or its backups, never a device or FIFO ------------


def _output_target(folder: Path, path: Path, case: str) -> tuple[Path, Path]:
    """(the register as --store names it, the output path) for ``case``."""
    if case == "register":
        return path, path
    if case == "dotdot":
        (folder / "sub").mkdir()
        return path, folder / "sub" / ".." / path.name
    if case == "symlink-to-register":
        (folder / "link.json").symlink_to(path)
        return path, folder / "link.json"
    if case == "store-by-symlink":
        (folder / "link.json").symlink_to(path)
        return folder / "link.json", path
    if case == "hard-link":
        os.link(path, folder / "hard.json")
        return path, folder / "hard.json"
    if case == "lock":
        return path, store_mod.lock_path(path)
    if case == "backups-folder":
        return path, backup_dir(path)
    if case == "backup":
        return path, list_backups(path)[0]
    if case == "new-in-backups-folder":
        return path, backup_dir(path) / "stand.json"
    if case == "fifo":
        os.mkfifo(folder / "fifo.json")
        return path, folder / "fifo.json"
    if case == "directory":
        (folder / "map.json").mkdir()
        return path, folder / "map.json"
    raise AssertionError(case)


OUTPUT_CASES = [
    "register",
    "dotdot",
    "symlink-to-register",
    "store-by-symlink",
    "hard-link",
    "lock",
    "backups-folder",
    "backup",
    "new-in-backups-folder",
    "fifo",
    "directory",
]


@pytest.mark.parametrize("case", OUTPUT_CASES)
def test_snapshot_never_replaces_the_register_its_lock_backups_or_a_fifo(
    tmp_path: Path, case: str
) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path):  # the lock file and today's backup exist
        pass
    store, target = _output_target(tmp_path, path, case)
    before = folder_state(tmp_path)
    result = run_cli(
        "snapshot", "--store", str(store), "--format", "json", "-o", str(target), "--force"
    )
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("pilot-tui: "), result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert folder_state(tmp_path) == before
    Store.open(path, readonly=True).close()  # still the register


@pytest.mark.parametrize("target", ["/dev/null", "link-to-null"])
def test_snapshot_never_replaces_a_device(
    tmp_path: Path, target: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """In the test process, with the write itself replaced: run as root, a failing test
    must not replace the machine's null device."""
    import pilot_tui.cli as cli
    import pilot_tui.ops.snapshot as writing

    written: list[Path] = []
    monkeypatch.setattr(writing, "atomic_write", lambda p, data: written.append(Path(p)))
    path = make(tmp_path / "store.json")
    output = Path(target)
    if target == "link-to-null":
        output = tmp_path / "uit.md"
        output.symlink_to("/dev/null")
    args = ["snapshot", "--store", str(path), "--format", "md", "-o", str(output), "--force"]
    assert cli.main(args) == 2
    assert written == []
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is een apparaat" in err, err


def test_output_problem_by_the_folded_name_of_what_does_not_exist_yet(tmp_path: Path) -> None:
    """On a case-insensitive file system ".STORE.JSON.LOCK" would be the lock: a name
    the lock or the backups folder would take is refused before they exist."""
    path = make(tmp_path / "store.json")
    store_mod.lock_path(path).unlink()  # as on a machine where no writer ran yet
    assert not backup_dir(path).exists()
    assert output_problem(tmp_path / ".STORE.json.LOCK", path) is not None
    assert output_problem(tmp_path / "STORE.JSON.backups", path) is not None
    assert output_problem(tmp_path / "stand.json", path) is None
    assert output_problem(tmp_path / "Store.json.backups" / "x", path) is not None


def test_atomic_write_never_replaces_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="FIFO"):
        atomic_write(fifo, b"data")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert temp_files(fifo) == []


# -- an import that would add every pilot twice -----------------------------------------------


@pytest.mark.parametrize("existing", [False, True], ids=["new-register", "existing-register"])
def test_overview_holding_the_overview_twice_imports_nothing(
    tmp_path: Path, existing: bool
) -> None:
    """The overview pasted twice imported 33 duplicates (66 pilots)."""
    from .conftest import SEED_TEXT

    source = tmp_path / "twee-keer.txt"
    source.write_text(SEED_TEXT.read_text(encoding="utf-8") * 2, encoding="utf-8")
    folder = tmp_path / "register"
    folder.mkdir()
    path = folder / "store.json"
    if existing:
        make(path)
    before = snapshot(folder)
    result = run_cli("import", "--store", str(path), str(source))
    assert result.returncode == 2, result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "meer dan eens in het document" in lines[0] and "niets ingelezen" in lines[0]
    assert "„Online keuzehulp bij scheiden”" in lines[0]  # reported by name
    assert snapshot(folder) == before  # nothing written, no backup made


# -- failed saves ------------------------------------------------------------------------------


class FaultyFile:
    """A file object whose ``write`` or ``flush`` fails, after writing half (a full disk)."""

    def __init__(self, fh: Any, step: str, error: OSError) -> None:
        self._fh, self._step, self._error = fh, step, error

    def write(self, data: bytes) -> int:
        if self._step == "write":
            self._fh.write(data[: len(data) // 2])
            raise self._error
        return int(self._fh.write(data))

    def flush(self) -> None:
        if self._step == "flush":
            raise self._error
        self._fh.flush()

    def fileno(self) -> int:
        return int(self._fh.fileno())

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> FaultyFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._fh.close()


def inject(m: pytest.MonkeyPatch, step: str, error: OSError) -> None:
    """Make one step of atomic_write fail."""
    if step == "mkstemp":

        def mkstemp(*a: Any, **kw: Any) -> Any:
            raise error

        m.setattr(tempfile, "mkstemp", mkstemp)
    elif step in ("write", "flush"):
        real_fdopen = os.fdopen

        def fdopen(fd: int, *a: Any, **kw: Any) -> Any:
            return FaultyFile(real_fdopen(fd, *a, **kw), step, error)

        m.setattr(os, "fdopen", fdopen)
    elif step == "fsync":
        calls = []

        def fsync(fd: int) -> None:
            calls.append(fd)
            if len(calls) == 1:
                raise error

        m.setattr(os, "fsync", fsync)
    elif step == "replace":

        def replace(*a: Any, **kw: Any) -> None:
            raise error

        m.setattr(os, "replace", replace)
        m.setattr(time, "sleep", lambda s: None)
    else:  # pragma: no cover
        raise AssertionError(step)


ERRORS = {
    "ENOSPC": (OSError(errno.ENOSPC, "No space left on device"), "de schijf is vol"),
    "EACCES": (PermissionError(errno.EACCES, "Permission denied"), "geen toegang"),
    "EIO": (OSError(errno.EIO, "Input/output error"), "schrijf- of leesfout"),
    "EROFS": (OSError(errno.EROFS, "Read-only file system"), "alleen-lezen"),
    "other": (OSError(errno.EBADMSG, "Bad message"), "systeemfout: Bad message"),
}
STEPS = ["mkstemp", "write", "flush", "fsync", "replace"]


def check_failed_save(path: Path, before: bytes, info: pytest.ExceptionInfo[StoreError]) -> str:
    assert type(info.value) is StoreError
    message = str(info.value)
    assert message.startswith(f"{path}: opslaan mislukt (")
    assert "het register op schijf is ongewijzigd" in message
    assert "\n" not in message
    assert path.read_bytes() == before
    assert temp_files(path) == []
    return message


@pytest.mark.parametrize("error", sorted(ERRORS))
@pytest.mark.parametrize("step", STEPS)
def test_failed_save_leaves_file_and_keeps_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str, error: str
) -> None:
    path = make(tmp_path / "store.json")
    before = path.read_bytes()
    exc, reason = ERRORS[error]
    with Store.open(path, daily_backup=False) as store:
        pilot = store.register.pilots[1]
        pilot.doel = "niet verloren"
        with monkeypatch.context() as m:
            inject(m, step, exc)
            with pytest.raises(StoreError) as info:
                store.save_pilot(pilot)
        assert reason in check_failed_save(path, before, info)
        assert store.dirty
        assert store.register.pilots[1].doel == "niet verloren"
        store.flush()  # the problem is solved: retry
        assert not store.dirty
        assert temp_files(path) == []
    assert Store.open(path, readonly=True).register.pilots[1].doel == "niet verloren"


SAVES: dict[str, Callable[[Store], None]] = {
    "save_pilot-new": lambda s: s.save_pilot(NEW_PILOT),
    "delete_pilot": lambda s: s.delete_pilot("pilot-00002"),
    "save_meta": lambda s: (setattr(s.register, "title", "Nieuw"), s.save_meta())[1],
    "add_audit": lambda s: s.add_audit(AUDIT),
    "save_all": lambda s: (s.register.pilots.pop(0), s.save_all())[1],
    "batch": lambda s: _batch(s),
}
NEW_PILOT = full_pilot(70)
AUDIT = [AuditEntry(datetime(2023, 3, 1, 8, 0), "pilot-00001", "doel", "a", "b")]


def _batch(store: Store) -> None:
    with store.batch():
        store.save_pilot(NEW_PILOT)
        store.delete_pilot("pilot-00002")
        store.register.title = "Nieuw"
        store.save_meta()
        store.add_audit(AUDIT)


@pytest.mark.parametrize("how", ["flush", "repeat"])
@pytest.mark.parametrize("save", sorted(SAVES))
def test_every_save_can_be_retried_after_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, save: str, how: str
) -> None:
    path = make(tmp_path / "store.json")
    before = path.read_bytes()
    expected = make(tmp_path / "expected.json")
    with Store.open(expected, daily_backup=False) as store:
        SAVES[save](store)
    with Store.open(path, daily_backup=False) as store:
        with monkeypatch.context() as m:
            inject(m, "replace", OSError(errno.ENOSPC, "No space left on device"))
            with pytest.raises(StoreError) as info:
                SAVES[save](store)
        check_failed_save(path, before, info)
        assert store.dirty
        if how == "flush":
            store.flush()
        elif save == "save_all":
            store.save_all()
        else:
            SAVES[save](store)  # the app simply does the same again
        assert not store.dirty
    assert path.read_bytes() == expected.read_bytes()


def test_replace_retried_while_windows_holds_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make(tmp_path / "store.json")
    real_replace = os.replace
    attempts: list[int] = []
    sleeps: list[float] = []

    def flaky(src: Any, dst: Any) -> None:
        attempts.append(1)
        if len(attempts) <= 3:
            raise PermissionError(errno.EACCES, "The process cannot access the file")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", flaky)
    monkeypatch.setattr(time, "sleep", sleeps.append)
    with Store.open(path, daily_backup=False) as store:
        store.register.title = "na drie pogingen"
        store.save_meta()
        assert not store.dirty
    assert len(attempts) == 4 and len(sleeps) == 3
    assert temp_files(path) == []
    monkeypatch.undo()
    assert Store.open(path, readonly=True).register.title == "na drie pogingen"


def test_replace_retries_exhausted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make(tmp_path / "store.json")
    before = path.read_bytes()
    attempts: list[int] = []

    def locked(src: Any, dst: Any) -> None:
        attempts.append(1)
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    with Store.open(path, daily_backup=False) as store:
        with monkeypatch.context() as m:
            m.setattr(os, "replace", locked)
            m.setattr(time, "sleep", lambda s: None)
            store.register.title = "nog niet"
            with pytest.raises(StoreError) as info:
                store.save_meta()
        assert "geen toegang" in check_failed_save(path, before, info)
        assert len(attempts) == 10
        store.flush()
    assert Store.open(path, readonly=True).register.title == "nog niet"


def test_interrupt_during_write_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.txt"
    path.write_text("oud")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(path, "nieuw")
    assert path.read_text() == "oud"
    assert temp_files(path) == []


def test_failed_create_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inject(monkeypatch, "fsync", OSError(errno.ENOSPC, "No space left on device"))
    with pytest.raises(StoreError, match="de schijf is vol"):
        Store.create(tmp_path / "store.json", full_register(2))
    assert sorted(p.name for p in tmp_path.iterdir()) == [".store.json.lock"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_save_keeps_file_permissions(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    umask = os.umask(0o022)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's private 0600
    path.chmod(0o640)
    with Store.open(path, daily_backup=False) as store:
        store.save_meta()
    assert path.stat().st_mode & 0o777 == 0o640


# Another user's ids. Only root may give a file away, so only a run as root (as in the
# project's test environment) can put a register of another user on disk; otherwise the
# register is the tester's own, and what is checked is that a save keeps that.
OTHER_USER = (4321, 4321) if os.geteuid() == 0 else (os.getuid(), os.getgid())


def test_save_keeps_owner_and_group(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    os.chown(path, *OTHER_USER)
    with Store.open(path) as store:  # the daily backup is made too
        store.register.title = "door root opgeslagen"
        store.save_meta()
        backup = store.backup("handmatig")
    st = path.stat()
    assert (st.st_uid, st.st_gid) == OTHER_USER  # still theirs, not the writer's
    assert (backup.stat().st_uid, backup.stat().st_gid) == OTHER_USER
    assert Store.open(path, readonly=True).register.title == "door root opgeslagen"


def test_backup_of_a_private_register_is_private(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    path.chmod(0o600)
    with Store.open(path) as store:
        backup = store.backup("handmatig")
    assert backup.stat().st_mode & 0o777 == 0o600
    assert all(b.stat().st_mode & 0o777 == 0o600 for b in list_backups(path))


def test_read_only_register_is_refused_for_writing(tmp_path: Path) -> None:
    """A read-only file in a writable folder: a rename could replace it, so the save
    did (and as root the write permission is not even checked). Refused, one line."""
    path = make(tmp_path / "store.json")
    good = make(tmp_path / "goed.json", 2)
    path.chmod(0o444)
    before = snapshot(tmp_path)
    result = run_cli("set", "--store", str(path), "pilot-00001", "doel=overschreven")
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "alleen-lezen (schrijfbeveiligd)" in lines[0], result.stderr
    result = run_cli("restore", "--store", str(path), str(good))
    assert result.returncode == 2 and "niet teruggezet" in result.stderr, result.stderr
    with pytest.raises(store_mod.StoreWriteProtected):
        Store.open(path)
    assert snapshot(tmp_path) == before
    assert path.stat().st_mode & 0o777 == 0o444
    assert run_cli("list", "--store", str(path)).returncode == 0  # reading is fine


def test_register_made_read_only_while_open_is_not_saved(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path, daily_backup=False) as store:
        path.chmod(0o444)
        before = path.read_bytes()
        store.register.title = "na chmod"
        with pytest.raises(StoreError, match="alleen-lezen") as info:
            store.save_meta()
        assert "\n" not in str(info.value)
        assert store.dirty  # kept in memory, to save once it may
        assert path.read_bytes() == before and temp_files(path) == []
        path.chmod(0o644)
        store.flush()
    assert Store.open(path, readonly=True).register.title == "na chmod"


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_save_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    target = make(tmp_path / "echt.json")
    link = tmp_path / "store.json"
    link.symlink_to(target)
    with Store.open(link, daily_backup=False) as store:
        store.register.title = "via de link"
        store.save_meta()
        with pytest.raises(StoreLocked):  # one lock, whichever name is used
            Store.open(target)
        backup = store.backup()
    assert link.is_symlink()
    assert Store.open(target, readonly=True).register.title == "via de link"
    assert backup.parent == backup_dir(target) and list_backups(link) == [backup]
    assert temp_files(link) == temp_files(target) == []


# -- leftovers of a crash -----------------------------------------------------------------------


def leave_temps(path: Path) -> list[Path]:
    old = path.parent / f".{path.name}.abc123.tmp"
    old.write_bytes(valid_bytes()[:100])
    ancient = time.time() - 3600
    os.utime(old, (ancient, ancient))
    fresh = path.parent / f".{path.name}.xyz789.tmp"
    fresh.write_bytes(b"")
    return [old, fresh]


def test_stale_temps_are_ignored_on_open_and_removed_on_save(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    temps = leave_temps(path)
    other = tmp_path / ".other.json.abc.tmp"  # not ours
    other.write_text("x")
    with Store.open(path, daily_backup=False) as store:
        assert len(store.register.pilots) == 4
        assert all(t.exists() for t in temps)  # opening changes nothing
        store.save_meta()
        assert temp_files(path) == []  # we hold the lock: all of ours go
    assert other.exists()


def test_stale_temps_without_the_lock_only_old_ones(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    old, fresh = leave_temps(path)
    assert remove_stale_temps(path) == 1
    assert not old.exists() and fresh.exists()
    assert remove_stale_temps(path, older_than=None) == 1
    assert temp_files(path) == []


def test_readonly_store_leaves_temps_alone(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    temps = leave_temps(path)
    with Store.open(path, readonly=True) as store:
        assert store.register.pilots
    assert all(t.exists() for t in temps)


def test_temp_pattern_with_glob_characters(tmp_path: Path) -> None:
    path = make(tmp_path / "[reg]*.json")
    old, _ = leave_temps(path)
    decoy = tmp_path / ".r.json.abc.tmp"
    decoy.write_text("x")
    with Store.open(path, daily_backup=False) as store:
        store.save_meta()
    assert temp_files(path) == [] and decoy.exists() and not old.exists()


# -- backups --------------------------------------------------------------------------------------


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    c = Clock(datetime(2024, 3, 1, 9, 0))
    monkeypatch.setattr(backups_mod, "_now", c)
    yield c


def test_backup_rotation_keeps_ten_newest(tmp_path: Path, clock: Clock) -> None:
    path = make(tmp_path / "store.json")
    stray = backup_dir(path)
    stray.mkdir()
    (stray / "notities.txt").write_text("van de gebruiker")
    (stray / "store-kopie.json").write_text("{}")
    made = []
    with Store.open(path, daily_backup=False) as store:
        for i in range(15):
            store.register.title = f"versie {i}"
            store.save_meta()
            made.append(store.backup("import" if i % 2 else ""))
    backups = list_backups(path)
    assert backups == made[::-1][:10]  # newest first
    assert [p.name for p in backups] == sorted((p.name for p in backups), reverse=True)
    assert json.loads(backups[0].read_text())["meta"]["1"]["title"] == "versie 14"
    assert (stray / "notities.txt").exists() and (stray / "store-kopie.json").exists()
    assert "-import" in backups[1].name
    assert [p for p in backup_dir(path).iterdir() if p.name.endswith(".tmp")] == []


def test_backup_count_is_configurable(tmp_path: Path, clock: Clock) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path, daily_backup=False, backups_keep=3) as store:
        made = [store.backup(f"reden {i}/../x") for i in range(5)]
        assert store.backups_keep == 3
    assert list_backups(path) == made[::-1][:3]
    assert all(p.parent == backup_dir(path) for p in made)
    assert "reden-4-x" in made[-1].name


def test_future_and_foreign_backup_names_never_push_out_real_backups(
    tmp_path: Path, clock: Clock
) -> None:
    """Ten copies named for 2030 (a wrong clock, a synced folder) sorted ahead of every
    real backup, so each new backup deleted all the others."""
    path = make(tmp_path / "store.json")
    folder = backup_dir(path)
    folder.mkdir()
    foreign = [folder / f"store-20300101-0000{i:02d}-000000-dagelijks.json" for i in range(10)]
    foreign.append(folder / "store-20241399-000000-000000.json")  # no such date
    for f in foreign:
        f.write_bytes(path.read_bytes())
    made = []
    with Store.open(path, daily_backup=False) as store:
        for i in range(14):
            store.register.title = f"versie {i}"
            store.save_meta()
            made.append(store.backup())
    backups = list_backups(path)
    assert backups[:10] == made[::-1][:10]  # the newest real ones first, all there
    assert all(not m.exists() for m in made[:4])  # the older real ones rotated out
    assert all(f.exists() for f in foreign)  # what is not judged ours is left alone
    assert set(backups[10:]) == set(foreign)
    assert json.loads(backups[0].read_text())["meta"]["1"]["title"] == "versie 13"


def test_rotation_keeps_todays_daily_and_the_pre_import_copy(tmp_path: Path, clock: Clock) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path, backups_keep=3) as store:  # today's daily backup
        daily = list_backups(path)[0]
        assert "-dagelijks" in daily.name
        store.register.title = "voor de import"
        store.save_meta()
        before_import = store.backup("import")
        made = []
        for i in range(6):
            store.register.title = f"versie {i}"
            store.save_meta()
            made.append(store.backup("extern-gewijzigd"))
    backups = list_backups(path)
    assert daily in backups and before_import in backups
    assert backups == sorted([daily, before_import, *made[-3:]], reverse=True)


def test_daily_backup_on_first_writable_open(tmp_path: Path, clock: Clock) -> None:
    path = make(tmp_path / "store.json")
    assert list_backups(path) == []
    with Store.open(path, readonly=True):
        pass
    assert list_backups(path) == []  # a reader makes none
    with Store.open(path) as store:
        store.register.title = "dag 1"
        store.save_meta()
    first = list_backups(path)
    assert len(first) == 1 and "-dagelijks" in first[0].name and "20240301" in first[0].name
    with Store.open(path):  # same day: no second copy
        pass
    assert list_backups(path) == first
    clock.now += timedelta(days=1)
    with Store.open(path, daily_backup=False):
        pass
    assert list_backups(path) == first
    with Store.open(path):  # next day, changed since the last copy: a new one
        pass
    second = list_backups(path)
    assert len(second) == 2 and "20240302" in second[0].name
    assert json.loads(second[0].read_text())["meta"]["1"]["title"] == "dag 1"
    clock.now += timedelta(days=1)
    with Store.open(path):  # unchanged since the newest copy: keep the older ones instead
        pass
    assert list_backups(path) == second


def test_daily_backup_failure_is_a_warning_not_a_refusal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make(tmp_path / "store.json")
    backup_dir(path).write_text("een bestand waar de map hoort")
    with Store.open(path) as store:
        assert len(store.warnings) == 1 and "reservekopie maken mislukt" in store.warnings[0]
        store.save_meta()


def test_cli_shows_a_warning_of_the_store(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    backup_dir(path).write_text("een bestand waar de map hoort")
    result = run_cli("set", "--store", str(path), "pilot-00001", "doel=toch opgeslagen")
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(warnings) == 1, result.stderr
    assert warnings[0].startswith("pilot-tui: waarschuwing: ")
    assert "reservekopie maken mislukt" in warnings[0]
    assert Store.open(path, readonly=True).register.pilots[1].doel == "toch opgeslagen"


def test_restore_backup(tmp_path: Path, clock: Clock) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path, daily_backup=False) as store:
        store.register.title = "oud"
        store.save_meta()
        old = store.backup()
        store.register.title = "nieuw"
        store.save_meta()
    current = path.read_bytes()
    saved = restore_backup(path, Path(old.name))  # by name, as the CLI allows
    assert saved is not None and saved.read_bytes() == current
    assert "voor-herstel" in saved.name and list_backups(path)[0] == saved
    assert path.read_bytes() == old.read_bytes()
    assert Store.open(path, readonly=True).register.title == "oud"
    assert temp_files(path) == []


def test_restore_refuses_a_corrupt_backup(tmp_path: Path, clock: Clock) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path, daily_backup=False) as store:
        bad = store.backup()
    bad.write_bytes(valid_bytes()[:50])
    before = snapshot(tmp_path)
    with pytest.raises(StoreError) as info:
        restore_backup(path, bad)
    message = str(info.value)
    assert str(bad) in message and "niet teruggezet" in message and "\n" not in message
    assert snapshot(tmp_path) == before


def test_restore_over_a_corrupt_register_keeps_a_copy_of_it(tmp_path: Path, clock: Clock) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path) as store:
        pass
    good = list_backups(path)[0]
    path.write_bytes(b"\x00" * 100)
    saved = restore_backup(path, good)
    assert saved is not None and saved.read_bytes() == b"\x00" * 100
    with Store.open(path) as store:
        assert len(store.register.pilots) == 4
    # The broken copy is now the newest backup, but a refusal names the good one.
    path.write_bytes(b"{")
    with pytest.raises(StoreError, match=f"laatste reservekopie: {good}$"):
        Store.open(path)


def test_restore_while_in_use_is_refused(tmp_path: Path, clock: Clock) -> None:
    path = make(tmp_path / "store.json")
    with Store.open(path) as store:
        good = list_backups(path)[0]
        store.register.title = "in gebruik"
        store.save_meta()
        with pytest.raises(StoreLocked):
            restore_backup(path, good)
    assert Store.open(path, readonly=True).register.title == "in gebruik"


def test_restore_of_missing_backup(tmp_path: Path) -> None:
    path = make(tmp_path / "store.json")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="bestand bestaat niet"):
        restore_backup(path, tmp_path / "geen.json")
    assert path.read_bytes() == before


# -- fuzzing: only StoreError, never another exception ------------------------------------------

FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True)
    | st.text(max_size=20)
    | st.sampled_from(["2021-12-01", "lopend", "bezig", "1", "0", "", "x" * 3]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*prefix, i))


VALID = valid_data(3)
VALID_PATHS = list(_paths(VALID))[1:]


@st.composite
def mutated_registers(draw: st.DrawFn) -> bytes:
    data = json.loads(json.dumps(VALID))
    for _ in range(draw(st.integers(1, 4))):
        paths = list(_paths(data))[1:]
        if not paths:
            break
        where = draw(st.sampled_from(paths))
        parent = data
        for key in where[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["set", "delete", "rename"]))
        if action == "set":
            parent[where[-1]] = draw(json_values)
        elif action == "delete":
            del parent[where[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=6))] = parent.pop(where[-1])
    return json.dumps(data, ensure_ascii=draw(st.booleans())).encode("utf-8")


@st.composite
def byte_mutations(draw: st.DrawFn) -> bytes:
    raw = bytearray(valid_bytes(2))
    for _ in range(draw(st.integers(1, 5))):
        i = draw(st.integers(0, len(raw) - 1))
        action = draw(st.sampled_from(["flip", "insert", "delete", "truncate"]))
        if action == "flip":
            raw[i] = draw(st.integers(0, 255))
        elif action == "insert":
            raw[i:i] = draw(st.binary(min_size=1, max_size=4))
        elif action == "delete":
            del raw[i : i + draw(st.integers(1, 8))]
        else:
            del raw[i:]
        if not raw:
            break
    return bytes(raw)


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def open_bytes(folder: Path, raw: bytes) -> None:
    """Write ``raw`` as a register and open it every way; only StoreError may come out."""
    path = folder / "store.json"
    path.write_bytes(raw)
    try:
        parse_register_bytes(path, raw)
    except StoreError as exc:
        assert "\n" not in str(exc)
    try:
        read_register_file(path)
        readable = True
    except StoreError:
        readable = False
    try:
        with Store.open(path, readonly=True) as store:
            register = store.register
    except StoreError as exc:
        assert "\n" not in str(exc) and path.name in str(exc)
        assert path.read_bytes() == raw
        assert not readable
        return
    assert readable
    # Accepted: then it must also save and read back the same register.
    with Store.open(path, daily_backup=False) as store:
        store.save_all()
    with Store.open(path, readonly=True) as store:
        assert store.register == register


@FUZZ
@given(raw=st.binary(max_size=300))
def test_fuzz_arbitrary_bytes(fuzz_dir: Path, raw: bytes) -> None:
    open_bytes(fuzz_dir, raw)


@FUZZ
@given(
    raw=st.text(alphabet=st.sampled_from('{}[]":,0123456789.-+eE \n\\u"abmetapilots'), max_size=80)
)
def test_fuzz_json_like_text(fuzz_dir: Path, raw: str) -> None:
    open_bytes(fuzz_dir, raw.encode("utf-8"))


@FUZZ
@given(raw=mutated_registers())
def test_fuzz_mutated_registers(fuzz_dir: Path, raw: bytes) -> None:
    open_bytes(fuzz_dir, raw)


@FUZZ
@given(raw=byte_mutations())
def test_fuzz_byte_mutations(fuzz_dir: Path, raw: bytes) -> None:
    assume(raw != valid_bytes(2))
    open_bytes(fuzz_dir, raw)


def test_conflict_is_a_store_error() -> None:
    assert issubclass(StoreConflict, StoreError) and issubclass(StoreLocked, StoreError)
