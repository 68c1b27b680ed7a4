"""Data safety of what is written beside the register: a snapshot or import never replaces
the register, its lock, its backups, a FIFO or a device."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import pilot_tui.store as store_mod
from pilot_tui.atomic import atomic_write, temp_files
from pilot_tui.outputs import output_problem
from pilot_tui.store import Store, backup_dir, list_backups

from .conftest import run_cli
from .helpers.files import folder_state
from .helpers.safety import make, snapshot

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
