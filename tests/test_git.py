"""The register in git, for real: `pilot-tui git-setup` in a repository in tmp_path, two
branches edited with the command line, `git merge` running `pilot-tui merge` as its merge
driver. After every merge the register loads, `check` is clean or lists the conflicts,
and no edit of either branch is lost. Also: `git diff` and `git log -p` through the
textconv, the merge, diff and git-setup commands' errors.

The commands that edit run in this process (faster); git runs the merge driver and the
textconv as the separate programs git-setup configured.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pilot_tui.merge import CONFLICTS, conflicts_of
from pilot_tui.store import Store

from .conftest import D1, D2, run_cli
from .helpers.git_repo import SECOND, Repo, check, clean_register, make_repo, merge


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return make_repo(tmp_path)


# -- git-setup ----------------------------------------------------------------------------


def test_git_setup_writes_attributes_and_config_and_is_idempotent(repo: Repo) -> None:
    attributes = (repo.root / ".gitattributes").read_text(encoding="utf-8")
    assert attributes == "/store.json merge=pilot-tui diff=pilot-tui\n"
    ignored = (repo.root / ".gitignore").read_text(encoding="utf-8")
    assert ignored == "/.store.json.lock\n/store.json.backups/\n"
    driver = repo.git("config", "--get", "merge.pilot-tui.driver").stdout
    assert driver.strip().endswith("-m pilot_tui.launcher merge --path %P %O %A %B")
    textconv = repo.git("config", "--get", "diff.pilot-tui.textconv").stdout
    assert textconv.strip().endswith("-m pilot_tui.launcher diff --textconv")
    again = repo.cli("git-setup")
    assert again.code == 0
    assert ".gitattributes: al in orde" in again.out
    assert "git config merge.pilot-tui.driver: al ingesteld" in again.out
    assert (repo.root / ".gitattributes").read_text(encoding="utf-8") == attributes
    check_attr = repo.git("check-attr", "merge", "diff", "--", "store.json").stdout
    assert "merge: pilot-tui" in check_attr and "diff: pilot-tui" in check_attr


def test_git_setup_refuses_outside_a_git_work_tree(tmp_path: Path) -> None:
    Store.create(tmp_path / "store.json", clean_register()).close()
    result = run_cli("--store", str(tmp_path / "store.json"), "git-setup", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "geen git-werkmap" in result.stderr
    assert not (tmp_path / ".gitattributes").exists()


# -- merges -------------------------------------------------------------------------------


def test_branches_editing_different_pilots_merge_cleanly(repo: Repo) -> None:
    repo.branch("collega")
    repo.edit(
        "set", "zuid", "looptijd=Januari 2021 – juni 2031", "stand_van_zaken=Zuid loopt door."
    )
    repo.commit("Zuid bijgewerkt")
    repo.checkout("main")
    repo.edit("set", "noord", "achtergrond=Nieuwe achtergrond van Noord.")
    repo.commit("Noord bijgewerkt")
    result = merge(repo, "collega")
    assert result.returncode == 0, result.stdout + result.stderr
    register = repo.register()
    assert not register.extra.get(CONFLICTS)
    noord, zuid = register.get("noord"), register.get("zuid")
    assert noord is not None and zuid is not None
    assert noord.value_at("achtergrond", D2) == "Nieuwe achtergrond van Noord."
    assert noord.value_at("achtergrond", D1) == f"Achtergrond van Pilot Noord. {SECOND}"
    assert zuid.value_at("looptijd", D2) == "Januari 2021 – juni 2031"
    entry = zuid.entry_for(D2)
    assert entry is not None and entry.stand_van_zaken == "Zuid loopt door."
    assert {a.field for a in register.audit} >= {
        "achtergrond@2022-06-01",
        "looptijd@2022-06-01",
        "stand_van_zaken@2022-06-01",
    }
    assert check(repo).code == 0
    assert repo.git("status", "--porcelain").stdout == ""


def test_the_same_pilots_different_fields_merge_cleanly(repo: Repo) -> None:
    repo.branch("collega")
    repo.edit("set", "noord", "gemeente=Amersfoort")
    repo.edit(
        "set", "noord", "doel=Doel volgens de collega.", "--peildatum", "2021-12-01", "--correct"
    )
    repo.commit("Noord: gemeente, doel van 2021")
    repo.checkout("main")
    repo.edit("set", "noord", "doel=Mijn doel.")
    repo.commit("Noord: doel")
    assert merge(repo, "collega").returncode == 0
    noord = repo.register().get("noord")
    assert noord is not None
    assert noord.value_at("gemeente", D2) == "Amersfoort"
    assert noord.value_at("doel", D1) == "Doel volgens de collega."
    assert noord.value_at("doel", D2) == "Mijn doel."
    assert check(repo).code == 0


def test_the_same_field_is_a_conflict_inside_a_valid_register(repo: Repo) -> None:
    repo.branch("collega")
    repo.edit("set", "oost", "gemeente=Deventer")
    repo.commit("Oost: Deventer")
    repo.checkout("main")
    repo.edit("set", "oost", "gemeente=Zwolle")
    repo.edit("set", "zuid", "gemeente=Houten")
    repo.commit("Oost: Zwolle")
    result = merge(repo, "collega")
    assert result.returncode != 0
    assert "1 conflict" in result.stdout
    assert (
        "„Pilot Oost” (oost): gemeente/regio vanaf 1 juni 2022: mijn „Zwolle” · hun „Deventer”"
        in (result.stdout)
    )
    raw = repo.store.read_text(encoding="utf-8")
    assert "<<<<<<<" not in raw and ">>>>>>>" not in raw and "=======" not in raw
    register = repo.register()  # a valid register ...
    oost = register.get("oost")
    assert oost is not None and oost.value_at("gemeente", D2) == "Zwolle"  # ... holding ours
    (conflict,) = conflicts_of(register)
    assert (conflict.ours, conflict.theirs, conflict.base) == ("Zwolle", "Deventer", "Utrecht")
    checked = check(repo)
    assert checked.code == 1
    assert "onopgelost conflict van het samenvoegen: gemeente/regio vanaf 1 juni 2022" in (
        checked.out
    )
    # resolved on the command line here (the app: tests/tui/test_merge_conflicts.py)
    listed = repo.cli("resolve")
    assert listed.code == 1 and listed.out.startswith("1. „Pilot Oost” (oost)")
    assert repo.cli("resolve", "1", "--theirs").code == 0
    assert check(repo).code == 0
    repo.git("add", "store.json")
    repo.git("commit", "-q", "--no-edit")
    register = repo.register()
    oost, zuid = register.get("oost"), register.get("zuid")
    assert oost is not None and zuid is not None
    assert oost.value_at("gemeente", D2) == "Deventer"
    assert zuid.value_at("gemeente", D2) == "Houten"
    assert repo.git("status", "--porcelain").stdout == ""


def test_both_adding_pilots_keeps_both_also_under_the_same_slug(repo: Repo) -> None:
    repo.branch("collega")
    repo.edit(
        "add",
        "Pilot West?",
        "achtergrond=Hun west.",
        "doel=D.",
        "looptijd=2022 – 2030",
        "stand_van_zaken=Gestart.",
    )
    repo.edit(
        "add",
        "Pilot Centrum",
        "achtergrond=C.",
        "doel=D.",
        "looptijd=2022 – 2030",
        "stand_van_zaken=Gestart.",
    )
    repo.commit("Twee pilots erbij")
    repo.checkout("main")
    repo.edit(
        "add",
        "Pilot West!",
        "achtergrond=Onze west.",
        "doel=D.",
        "looptijd=2022 – 2030",
        "stand_van_zaken=Begonnen.",
    )
    repo.commit("Een pilot erbij")
    result = merge(repo, "collega")
    assert result.returncode == 0, result.stdout
    assert "hun pilot pilot-west heet nu pilot-west-2" in result.stdout
    register = repo.register()
    names = {p.id: p.name for p in register.pilots}
    assert names["pilot-west"] == "Pilot West!"
    assert names["pilot-west-2"] == "Pilot West?"
    assert names["pilot-centrum"] == "Pilot Centrum"
    added = [a for a in register.audit if a.field.startswith("pilot@")]
    assert sorted(a.pilot_id for a in added) == ["pilot-centrum", "pilot-west", "pilot-west-2"]
    west2 = register.get("pilot-west-2")
    assert west2 is not None and not west2.exists_at(D1) and west2.exists_at(D2)
    assert check(repo).code == 0


def test_one_retiring_a_pilot_the_other_edits(repo: Repo) -> None:
    repo.branch("collega")
    repo.edit("set", "zuid", "stand_van_zaken=Zuid is uitgebreid.")
    repo.commit("Zuid bijgewerkt")
    repo.checkout("main")
    repo.edit("delete", "zuid")
    repo.commit("Zuid verwijderd")
    result = merge(repo, "collega")
    assert result.returncode != 0
    register = repo.register()
    zuid = register.get("zuid")
    assert zuid is not None and not zuid.exists_at(D2)  # ours holds: retired
    entry = zuid.entry_for(D2)
    assert entry is not None and entry.stand_van_zaken == "Zuid is uitgebreid."  # not lost
    (conflict,) = conflicts_of(register)
    assert (conflict.field, conflict.ours, conflict.theirs) == ("removed", True, False)
    assert check(repo).code == 1
    assert repo.cli("resolve", "1", "--theirs").code == 0  # keep it, with their update
    zuid = repo.register().get("zuid")
    assert zuid is not None and zuid.exists_at(D2)
    assert check(repo).code == 0
    repo.git("add", "store.json")
    repo.git("commit", "-q", "--no-edit")


def test_git_diff_and_log_show_fields_not_json(repo: Repo) -> None:
    text = (
        "Achtergrond van Pilot Noord. Met een andere zin. En een derde zin die de tekst lang "
        "genoeg maakt voor een blok."
    )
    repo.edit("set", "noord", f"achtergrond={text}")
    diff = repo.git("diff").stdout
    assert f"-    {SECOND}" not in diff  # the old text stays at its peildatum
    assert "+achtergrond vanaf 1 juni 2022:" in diff
    assert "+    Met een andere zin." in diff
    assert '"achtergrond"' not in diff  # no JSON
    repo.commit("Noord: achtergrond")
    log = repo.git("log", "-p", "-1").stdout
    assert "+achtergrond vanaf 1 juni 2022:" in log
    assert "noord achtergrond@2022-06-01" in log  # the audit log's line


# -- the commands' errors and output ---------------------------------------------------------


def test_merge_usage_and_unreadable_input_exit_2_with_one_line(tmp_path: Path) -> None:
    ours = tmp_path / "ours.json"
    Store.create(ours, clean_register()).close()
    raw = ours.read_bytes()
    broken = tmp_path / "broken.json"
    broken.write_text('{"meta": ', encoding="utf-8")
    for args in (
        ["merge", str(ours), str(ours)],
        ["merge", "--no-base", str(ours)],
        ["merge", str(broken), str(ours), str(ours)],
        ["merge", "--no-base", str(ours), str(tmp_path / "missing.json")],
        ["diff", str(ours)],
        ["diff", "--textconv", str(broken)],
    ):
        result = run_cli(*args)
        assert result.returncode == 2, args
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, args
    assert ours.read_bytes() == raw


def test_merge_without_a_base_and_diff_of_two_copies(tmp_path: Path) -> None:
    """A colleague's emailed copy: no common base, every difference a conflict."""
    mine, theirs = clean_register(), clean_register()
    noord = mine.get("noord")
    assert noord is not None
    noord.set_at("gemeente", "Zeist", D2)
    other = theirs.get("noord")
    assert other is not None
    other.set_at("gemeente", "Nieuwegein", D2)
    other.set_at("name", "\x1b[31mPilot Noord\x1b[0m", D2)  # what is printed is printable
    ours_path, theirs_path = tmp_path / "store.json", tmp_path / "collega.json"
    Store.create(ours_path, mine).close()
    Store.create(theirs_path, theirs).close()
    (tmp_path / "store.json.backups").mkdir()  # a register the app keeps backups of
    diff = run_cli("diff", str(ours_path), str(theirs_path))
    assert diff.returncode == 0
    assert "\x1b" not in diff.stdout
    assert "gemeente/regio vanaf 1 juni 2022: „Zeist” → „Nieuwegein”" in diff.stdout
    result = run_cli("merge", "--no-base", str(ours_path), str(theirs_path))
    assert result.returncode == 1
    assert "\x1b" not in result.stdout
    assert "2 conflicten" in result.stdout
    with Store.open(ours_path, readonly=True) as store:
        assert [c.field for c in conflicts_of(store.register)] == ["name", "gemeente"]
    backups = list((tmp_path / "store.json.backups").iterdir())
    assert len(backups) == 1 and "voor-samenvoegen" in backups[0].name


def test_textconv_is_stable_and_readable(tmp_path: Path) -> None:
    path = tmp_path / "store.json"
    Store.create(path, clean_register()).close()
    first = run_cli("diff", "--textconv", str(path))
    assert first.returncode == 0
    assert first.stdout == run_cli("diff", "--textconv", str(path)).stdout
    lines = first.stdout.splitlines()
    assert lines[0] == "Register: Stand van zaken pilots"
    assert "== Pilot noord: Pilot Noord" in lines
    assert "achtergrond:" in lines
    assert "  Achtergrond van Pilot Noord." in lines
    assert f"    {SECOND}" in lines
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["meta"]["1"]["title"] in first.stdout


def test_merge_refuses_a_register_open_in_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pilot_tui.cli import git as cli_git
    from pilot_tui.cli import main

    monkeypatch.setattr(cli_git, "WRITER_LOCK_TIMEOUT", 0.05)
    ours, theirs = tmp_path / "store.json", tmp_path / "collega.json"
    Store.create(ours, clean_register()).close()
    Store.create(theirs, clean_register()).close()
    raw = ours.read_bytes()
    with Store.open(ours):  # the app has it open (and holds the lock)
        code = main(["merge", "--no-base", str(ours), str(theirs)])
    assert code == 2
    assert ours.read_bytes() == raw
