"""The commands that make the register a good citizen of git: ``merge`` (git's merge
driver, and merging a colleague's copy outside git), ``diff`` (readable differences, and
git's ``textconv``), ``git-setup`` and ``resolve``. Argument parsing and output only: the
merge and the diff are :mod:`pilot_tui.merge` and :mod:`pilot_tui.regdiff`.

Registered in :mod:`pilot_tui.cli.commands`; the exit codes and the one-line errors
are those of the command line.
"""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

from pilot_tui.atomic import os_reason
from pilot_tui.cli.context import open_readonly, open_writable, store_path
from pilot_tui.cli.output import EXIT_OK, EXIT_PROBLEMS, UsageError, out
from pilot_tui.merge import (
    EDIT,
    OURS,
    THEIRS,
    Conflict,
    FileMerge,
    conflicts_of,
    describe,
    merge_files,
    value_text,
)
from pilot_tui.model import Register
from pilot_tui.ops.register import WRITER_LOCK_TIMEOUT
from pilot_tui.store import (
    StoreError,
    backup_dir,
    lock_path,
    make_backup,
    read_register_file,
    register_from_data,
)
from pilot_tui.text import strip_controls

DRIVER = "pilot-tui"  # the name of the merge driver and the diff in git's configuration


# -- merge ------------------------------------------------------------------------------------


def cmd_merge(args: argparse.Namespace) -> int:
    files: list[Path] = args.files
    if args.no_base and len(files) != 2:
        raise UsageError("geef met --no-base twee bestanden: OURS THEIRS")
    if not args.no_base and len(files) != 3:
        raise UsageError(
            "geef drie bestanden: BASE OURS THEIRS (of twee met --no-base, zonder voorouder)"
        )
    base: Path | None
    if args.no_base:
        base, (ours, theirs) = None, files
    else:
        base, ours, theirs = files
    name = args.path or str(ours)
    lock = _lock_if_used(ours)
    try:
        result = merge_files(base, ours, theirs, before_write=lambda: _backup_if_kept(ours))
    finally:
        if lock is not None:
            lock.release()
    return _report(result, strip_controls(name))


def _lock_if_used(path: Path) -> Any:
    """The register's lock, when pilot-tui uses this file (its lock file exists): the app
    or a command may have it open. A file git made for the merge has none, and gets none
    (a lock file would be left in the work tree)."""
    if not lock_path(path).exists():
        return None
    from filelock import FileLock, Timeout

    lock = FileLock(lock_path(path), timeout=WRITER_LOCK_TIMEOUT)
    try:
        lock.acquire()
    except Timeout:
        raise UsageError(
            f"register in gebruik: {path} is geopend in de app of door een opdracht; "
            "sluit die eerst"
        ) from None
    except OSError as exc:
        raise UsageError(f"{path}: kan het slot niet zetten ({os_reason(exc)})") from None
    return lock


def _backup_if_kept(path: Path) -> None:
    """A copy of our version before it is replaced, where the register keeps backups (the
    app made the folder); a file git made for the merge has none: git keeps the versions."""
    if not backup_dir(path).is_dir():
        return
    try:
        make_backup(path, "voor-samenvoegen")
    except OSError as exc:
        raise StoreError(
            f"{path}: reservekopie vóór het samenvoegen mislukt ({os_reason(exc)}); "
            "niet samengevoegd"
        ) from None


def _report(result: FileMerge, name: str) -> int:
    merged = result.merged
    stats = merged.stats
    parts = []
    if stats.added:
        parts.append(f"{stats.added} {'pilot' if stats.added == 1 else 'pilots'} toegevoegd")
    if stats.taken:
        parts.append(
            f"{stats.taken} {'wijziging' if stats.taken == 1 else 'wijzigingen'} overgenomen"
        )
    if stats.audit_added:
        parts.append(f"{stats.audit_added} logregels erbij")
    for old, new in sorted(stats.renamed.items()):
        parts.append(
            f"hun pilot {strip_controls(old)} heet nu {strip_controls(new)} (het id bestond al)"
        )
    summary = "; ".join(parts) if parts else "geen wijzigingen van de andere kant"
    conflicts = conflicts_of(merged.register)
    out(f"{name}: samengevoegd: {summary}")
    if not conflicts:
        return EXIT_OK
    n = len(conflicts)
    out(f"{name}: {n} {'conflict' if n == 1 else 'conflicten'}; het register houdt mijn versie:")
    for conflict in conflicts:
        out(f"  {_conflict_line(conflict)}")
    out(
        "Kies per conflict in de app (pilot-tui opent ermee) of met pilot-tui resolve; "
        "daarna git add en git commit."
    )
    return EXIT_PROBLEMS


def _conflict_line(conflict: Conflict) -> str:
    mine = value_text(conflict.field, conflict.ours, 60)
    theirs = value_text(conflict.field, conflict.theirs, 60)
    return strip_controls(f"{describe(conflict)}: mijn „{mine}” · hun „{theirs}”")


# -- diff -------------------------------------------------------------------------------------


def _read(path: Path) -> Register:
    data = read_register_file(path)
    return register_from_data(path, data)[0]


def cmd_diff(args: argparse.Namespace) -> int:
    from pilot_tui.regdiff import diff_lines, textconv

    files: list[Path] = args.files
    if args.textconv:
        if len(files) != 1:
            raise UsageError("geef met --textconv één bestand")
        sys.stdout.write(textconv(_read(files[0])))
        return EXIT_OK
    if len(files) != 2:
        raise UsageError("geef twee bestanden: OUD NIEUW (of --textconv BESTAND)")
    old, new = _read(files[0]), _read(files[1])
    lines = diff_lines(old, new)
    for line in lines:
        out(strip_controls(line))
    if not lines:
        out("geen verschillen")
    return EXIT_OK


# -- git-setup --------------------------------------------------------------------------------


def _git(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", check=False
        )
    except FileNotFoundError:
        raise UsageError("git is niet gevonden; installeer git en probeer het opnieuw") from None
    except OSError as exc:
        raise UsageError(f"git starten mislukt ({os_reason(exc)})") from None


def command_line() -> str:
    """How git starts this pilot-tui: this Python with the program's module (works
    without the virtual environment being active; run git-setup again after moving it)."""
    return shlex.join([Path(sys.executable).as_posix(), "-m", "pilot_tui.launcher"])


def attribute_pattern(relative: Path) -> str:
    """A .gitattributes pattern for exactly this file (from the top of the work tree)."""
    text = relative.as_posix()
    for char in "\\*?[":
        text = text.replace(char, "\\" + char)
    return "/" + text.replace(" ", "[[:space:]]")


def cmd_git_setup(args: argparse.Namespace) -> int:
    path = store_path(args).absolute()
    folder = path.parent
    if not folder.is_dir():
        raise UsageError(f"{folder}: map bestaat niet")
    found = _git("rev-parse", "--show-toplevel", cwd=folder)
    if found.returncode != 0 or not found.stdout.strip():
        raise UsageError(
            f"{folder} is geen git-werkmap; begin er een (git init) of kies het register "
            "met --store"
        )
    top = Path(found.stdout.strip())
    try:
        relative = path.resolve().relative_to(top.resolve())
    except ValueError:
        raise UsageError(f"{path} ligt niet in de git-werkmap {top}") from None
    done = []
    line = f"{attribute_pattern(relative)} merge={DRIVER} diff={DRIVER}"
    done.append(_add_lines(top / ".gitattributes", [line]))
    ignored = [
        attribute_pattern(lock_path(path).resolve().relative_to(top.resolve())),
        attribute_pattern(backup_dir(path).resolve().relative_to(top.resolve())) + "/",
    ]
    done.append(_add_lines(top / ".gitignore", ignored))
    command = command_line()
    settings = {
        f"merge.{DRIVER}.name": "pilot-tui: register samenvoegen per pilot en veld",
        f"merge.{DRIVER}.driver": f"{command} merge --path %P %O %A %B",
        f"diff.{DRIVER}.textconv": f"{command} diff --textconv",
    }
    for key, value in settings.items():
        current = _git("config", "--local", "--get", key, cwd=top)
        if current.returncode == 0 and current.stdout.rstrip("\n") == value:
            done.append(f"git config {key}: al ingesteld")
            continue
        result = _git("config", "--local", key, value, cwd=top)
        if result.returncode != 0:
            raise UsageError(f"git config {key} mislukt: {' '.join(result.stderr.split())}")
        done.append(f"git config {key}: ingesteld")
    for item in done:
        out(strip_controls(item))
    out(
        "Klaar. Zet .gitattributes en .gitignore in git (git add, commit); elke collega "
        "voert pilot-tui git-setup zelf één keer uit (de git-instellingen zijn lokaal)."
    )
    return EXIT_OK


def _add_lines(path: Path, lines: list[str]) -> str:
    """Append the lines ``path`` lacks; say what was done."""
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
    except (OSError, UnicodeDecodeError) as exc:
        reason = os_reason(exc) if isinstance(exc, OSError) else "geen UTF-8-tekst"
        raise UsageError(f"{path}: kan niet gelezen worden ({reason})") from None
    present = {existing.strip() for existing in text.splitlines()}
    missing = [line for line in lines if line not in present]
    if not missing:
        return f"{path.name}: al in orde"
    if text and not text.endswith("\n"):
        text += "\n"
    text += "".join(f"{line}\n" for line in missing)
    try:
        from pilot_tui.atomic import atomic_write

        atomic_write(path, text)
    except OSError as exc:
        raise UsageError(f"{path}: kan niet schrijven ({os_reason(exc)})") from None
    return f"{path.name}: toegevoegd: {', '.join(missing)}"


# -- resolve ----------------------------------------------------------------------------------


def cmd_resolve(args: argparse.Namespace) -> int:
    from pilot_tui.changes import EditSession
    from pilot_tui.merge import resolve_conflict

    chosen = args.ours or args.theirs or args.value is not None
    if args.number is None:
        if chosen:
            raise UsageError("geef het nummer van het conflict (pilot-tui resolve toont ze)")
        return _list_conflicts(args)
    if not chosen:
        raise UsageError("kies --ours, --theirs of --value TEKST")
    with open_writable(args) as store:
        try:
            conflicts = conflicts_of(store.register)
        except ValueError as exc:
            raise UsageError(f"de lijst met conflicten is onleesbaar: {exc}") from None
        if not 1 <= args.number <= len(conflicts):
            raise UsageError(
                f"geef een nummer van 1 tot en met {len(conflicts)}"
                if conflicts
                else "er zijn geen conflicten"
            )
        choice = OURS if args.ours else THEIRS if args.theirs else EDIT
        op = resolve_conflict(EditSession(store), args.number - 1, choice, args.value)
        out(strip_controls(op.description))
        left = len(conflicts) - 1
        out(
            f"nog {left} {'conflict' if left == 1 else 'conflicten'}"
            if left
            else "geen conflicten meer"
        )
    return EXIT_OK


def _list_conflicts(args: argparse.Namespace) -> int:
    with open_readonly(args) as store:
        try:
            conflicts = conflicts_of(store.register)
        except ValueError as exc:
            raise UsageError(f"de lijst met conflicten is onleesbaar: {exc}") from None
    for number, conflict in enumerate(conflicts, start=1):
        out(f"{number}. {_conflict_line(conflict)}")
    if not conflicts:
        out("geen conflicten")
        return EXIT_OK
    return EXIT_PROBLEMS
