"""A git repository holding a register, for tests: `git init` in tmp_path, the register,
`pilot-tui git-setup`, one commit. Edits run the command line in this process; git runs
the merge driver and the textconv as the separate programs git-setup configured.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pilot_tui.cli import main
from pilot_tui.model import HistoryEntry, Pilot, Register, Status
from pilot_tui.store import Store

from ..conftest import D1, D2

SECOND = "Met een tweede zin, lang genoeg voor een eigen regel."
AUTHOR = ("-c", "user.name=Analist", "-c", "user.email=analist@example.nl")


def clean_register() -> Register:
    """Three pilots that `check` finds nothing wrong with, updated for both peildata."""
    register = Register(title="Stand van zaken pilots", intro="Inleiding.", peildata=[D1, D2])
    for pilot_id, name in (
        ("noord", "Pilot Noord"),
        ("zuid", "Pilot Zuid"),
        ("oost", "Pilot Oost"),
    ):
        pilot = Pilot(
            id=pilot_id,
            name=name,
            achtergrond=f"Achtergrond van {name}. {SECOND}",
            doel=f"Doel van {name}.",
            looptijd="Januari 2021 – december 2030",
            gemeente="Utrecht",
        )
        for when in (D1, D2):
            pilot.set_entry(HistoryEntry(when, f"Stand van {name} op {when}.", Status.LOPEND))
        register.pilots.append(pilot)
    return register


@dataclass
class Result:
    code: int
    out: str
    err: str


@dataclass
class Repo:
    root: Path
    env: dict[str, str]

    @property
    def store(self) -> Path:
        return self.root / "store.json"

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            ["git", *AUTHOR, *args],
            cwd=self.root,
            env=self.env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"git {' '.join(args)}: {result.stdout}{result.stderr}")
        return result

    def cli(self, *args: str) -> Result:
        """`pilot-tui --store store.json ARGS`, in this process."""
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--store", str(self.store), *args])
        return Result(code, out.getvalue(), err.getvalue())

    def edit(self, *args: str) -> None:
        result = self.cli(*args)
        assert result.code == 0, result.err

    def commit(self, message: str) -> None:
        self.git("commit", "-q", "-a", "-m", message)

    def register(self) -> Register:
        with Store.open(self.store, readonly=True) as store:
            return store.register

    def branch(self, name: str) -> None:
        self.git("checkout", "-q", "-b", name)

    def checkout(self, name: str) -> None:
        self.git("checkout", "-q", name)


def make_repo(tmp_path: Path) -> Repo:
    """A repository in tmp_path/register with the register committed and git-setup done."""
    root = tmp_path / "register"
    root.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C.UTF-8"}
    env.pop("GIT_DIR", None)
    env.pop("GIT_WORK_TREE", None)
    repo = Repo(root, env)
    repo.git("init", "-q", "-b", "main")
    Store.create(repo.store, clean_register()).close()
    setup = repo.cli("git-setup")
    assert setup.code == 0, setup.err
    repo.git("add", "-A")
    repo.commit("Register")
    return repo


def merge(repo: Repo, branch: str) -> subprocess.CompletedProcess[str]:
    return repo.git("merge", "--no-edit", branch, check=False)


def check(repo: Repo) -> Result:
    return repo.cli("check")
