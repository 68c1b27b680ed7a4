"""The CLI as a user runs it: subprocesses, exit codes, JSON, one-line errors."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from .conftest import run_cli


def assert_one_line_error(stderr: str) -> None:
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("pilot-tui: ")


# -- the seed register: what the product promises of it -------------------------------


def test_list_seed_three_end_soon(seed_store: Path) -> None:
    result = run_cli(
        "list", "--store", str(seed_store), "--peildatum", "2021-12-01", "--window", "90d", "--json"
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 33
    soon = sorted(r["name"] for r in rows if r["attention"] == "eindigt binnenkort")
    assert len(soon) == 3
    assert any("huurdomein" in n for n in soon)
    assert any("Pakketafhankelijke" in n for n in soon)
    assert any("bezwaarplatform" in n.replace("-", "").lower() for n in soon)
    assert not [r for r in rows if r["attention"] == "verlopen"]
    for key in (
        "id",
        "name",
        "status",
        "attention",
        "start",
        "end",
        "days_left",
        "looptijd",
        "niet_bijgewerkt",
    ):
        assert all(key in r for r in rows)


def test_list_table_is_readable(seed_store: Path) -> None:
    result = run_cli("list", "--store", str(seed_store), "--peildatum", "1 december 2021")
    assert result.returncode == 0, result.stderr
    assert "peildatum 1 december 2021" in result.stdout
    assert "eindigt binnenkort" in result.stdout
    assert "33 pilots" in result.stdout
    # a name longer than the column ends in "…" (not cut off mid-word without a sign)
    assert "Pilot ZSM (intensivering rechtsbijstand en ontwikkeling bij…" in result.stdout


def test_list_filters(seed_store: Path) -> None:
    result = run_cli(
        "list",
        "--store",
        str(seed_store),
        "--attention",
        "eindigt-binnenkort",
        "--window",
        "3m",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 3
    result = run_cli("list", "--store", str(seed_store), "--status", "afgerond", "--json")
    rows = json.loads(result.stdout)
    assert rows and all(r["status"] == "afgerond" for r in rows)


def test_check_seed_is_clean_and_untouched(seed_store: Path) -> None:
    before = seed_store.read_bytes()
    result = run_cli("check", "--store", str(seed_store))
    assert result.returncode == 0, result.stdout + result.stderr
    assert seed_store.read_bytes() == before
    assert sorted(p.name for p in seed_store.parent.iterdir()) == ["store.json"]


def test_store_from_environment(seed_store: Path) -> None:
    env = {**os.environ, "PILOT_TUI_STORE": str(seed_store)}
    result = run_cli("list", "--json", env=env)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 33


def test_show_json(seed_store: Path) -> None:
    result = run_cli("show", "--store", str(seed_store), "Wijkrechtbank Eindhoven", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    for key in (
        "achtergrond",
        "doel",
        "stand_van_zaken",
        "looptijd",
        "status",
        "history",
        "footnotes",
    ):
        assert key in data
    assert data["stand_van_zaken"]
    assert data["footnotes"]
    assert data["looptijd"] == "Oktober 2019 – medio 2022"


# -- period -------------------------------------------------------------------------


def test_period_json() -> None:
    result = run_cli("period", "Mei 2020 – voorjaar 2022", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["start"] == "2020-05-01"
    assert data["end"] == "2022-05-31"
    for key in ("start_latest", "end_earliest", "open_end", "phases", "status_hint", "error"):
        assert key in data


def test_period_unreadable_exits_1() -> None:
    result = run_cli("period", "nog onbekend")
    assert result.returncode == 1
    assert_one_line_error(result.stderr)


# -- errors: exit 2, one line, nothing written -----------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--peildatum", "gisteravond laat"],
        ["list", "--window", "soms"],
        ["list", "--status", "bezig"],
        ["list", "--attention", "rood"],
        ["show", "bestaat-niet"],
        ["frobnicate"],
        ["list", "--onbekende-optie"],
    ],
)
def test_bad_usage_exits_2(small_store: Path, args: list[str]) -> None:
    before = small_store.read_bytes()
    result = (
        run_cli(*args, "--store", str(small_store)) if args[0] != "frobnicate" else run_cli(*args)
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert_one_line_error(result.stderr)
    assert small_store.read_bytes() == before


def test_missing_store(tmp_path: Path) -> None:
    result = run_cli("list", "--store", str(tmp_path / "nergens.json"))
    assert result.returncode == 2
    assert_one_line_error(result.stderr)
    assert "nergens.json" in result.stderr


# -- set / history ------------------------------------------------------------------------


def test_set_and_history(small_store: Path) -> None:
    result = run_cli(
        "set",
        "--store",
        str(small_store),
        "almere",
        "stand_van_zaken=Alles loopt.",
        "status=lopend",
        "zaken=12",
        "--peildatum",
        "2022-06-01",
    )
    assert result.returncode == 0, result.stderr
    history = json.loads(run_cli("history", "--store", str(small_store), "almere", "--json").stdout)
    assert [h["peildatum"] for h in history] == ["2021-12-01", "2022-06-01"]
    assert history[-1]["stand_van_zaken"] == "Alles loopt."
    assert history[-1]["zaken"] == 12
    assert history[0]["stand_van_zaken"].startswith("Stand van")
    data = json.loads(small_store.read_text(encoding="utf-8"))
    audit = list(data["audit"].values())
    assert audit and audit[-1]["pilot_id"] == "almere"
    # the number of cases is shown in text too, not only in JSON
    text = run_cli("history", "--store", str(small_store), "almere").stdout
    assert "1 juni 2022 · lopend · 12 zaken" in text
    shown = run_cli("show", "--store", str(small_store), "almere", "--peildatum", "2022-06-01")
    assert "Aantal zaken: 12" in shown.stdout


def test_set_by_exact_name_and_plain_field(small_store: Path) -> None:
    result = run_cli(
        "set",
        "--store",
        str(small_store),
        "Divosa / Gemeente Almere",
        "gemeente=Almere-Haven",
        "partners=Divosa; Gemeente",
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(run_cli("show", "--store", str(small_store), "almere", "--json").stdout)
    assert shown["gemeente"] == "Almere-Haven"
    assert shown["partners"] == ["Divosa", "Gemeente"]


@pytest.mark.parametrize(
    "assignment",
    [
        "kleur=rood",
        "status=bezig",
        "geen-is-teken",
        "=leeg",
        "name=",
        "name=Online keuzehulp bij scheiden",
        "zaken=veel",
        "zaken=²",
        "zaken=-5",
        "zaken=12a",
        "zaken=" + "9" * 30,
        "zaken=" + "9" * 5_000,
    ],
)
def test_set_refusals_leave_file_identical(small_store: Path, assignment: str) -> None:
    before = small_store.read_bytes()
    result = run_cli("set", "--store", str(small_store), "almere", assignment)
    assert result.returncode == 2, result.stdout + result.stderr
    assert_one_line_error(result.stderr)
    assert small_store.read_bytes() == before


def test_set_unknown_pilot(small_store: Path) -> None:
    before = small_store.read_bytes()
    result = run_cli("set", "--store", str(small_store), "niemand", "doel=x")
    assert result.returncode == 2
    assert_one_line_error(result.stderr)
    assert small_store.read_bytes() == before


def test_hostile_text_is_not_echoed_raw(small_store: Path) -> None:
    result = run_cli("show", "--store", str(small_store), "hostile")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "\x07" not in result.stdout
    assert "[@click=app.quit]x[/]" in result.stdout


@pytest.mark.parametrize(
    ("args", "dutch"),
    [
        (["snapshot", "--format", "pdf"], "ongeldige keuze"),
        (["list", "--peildatum"], "verwacht een waarde"),
        (["list", "--wat"], "onbekende argumenten"),
        (["show"], "ontbreekt"),
    ],
)
def test_usage_errors_are_dutch(args: list[str], dutch: str) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert_one_line_error(result.stderr)
    assert dutch in result.stderr
    for english in ("invalid choice", "expected one argument", "unrecognized", "required"):
        assert english not in result.stderr


def test_help_is_dutch() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("gebruik: pilot-tui")
    for english in ("usage:", "positional arguments", "options:", "show this help"):
        assert english not in result.stdout
    assert result.stdout.count("\nopties:\n") == 1  # one heading for all the options


@pytest.mark.parametrize("command", ["list", "snapshot", "import", "set"])
def test_command_help_has_one_heading_each(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.returncode == 0
    for heading in ("opties:", "argumenten:"):
        assert result.stdout.count(f"\n{heading}\n") <= 1, result.stdout
    assert "options:" not in result.stdout


def test_unreadable_period_is_one_line_on_stderr_only() -> None:
    result = run_cli("period", "binnenkort")
    assert result.returncode == 1
    assert result.stdout == ""
    assert_one_line_error(result.stderr)


@pytest.mark.parametrize("word", ["geen", "Geen", "-"])
def test_snapshot_since_geen_means_without_changes(
    seed_store: Path, tmp_path: Path, word: str
) -> None:
    """As in the app's snapshot dialog: "geen" leaves the changes section out."""
    out = tmp_path / "stand.md"
    result = run_cli(
        "snapshot", "--store", str(seed_store), "--format", "md", "--since", word, "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert "Stand van zaken pilots" in out.read_text(encoding="utf-8")
    assert "Wijzigingen sinds" not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "name", "written"),
    [
        ((), "stand.md", "md"),  # no --format: the extension says
        ((), "stand.JSON", "json"),
        ((), "stand", "docx"),  # no extension: Word, as always
        (("--format", "md"), "stand.markdown", "md"),  # the format given: any name
        (("--format", "html"), "stand.html", "html"),
        (("--format", "md"), "stand", "md"),
    ],
)
def test_snapshot_format_follows_the_file_name(
    seed_store: Path, tmp_path: Path, args: tuple[str, ...], name: str, written: str
) -> None:
    out = tmp_path / name
    result = run_cli("snapshot", "--store", str(seed_store), *args, "-o", str(out))
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    if written == "docx":
        assert data.startswith(b"PK")  # a zip: Word
    elif written == "json":
        assert json.loads(data)["title"].startswith("Bijlage 2 – Stand van zaken pilots")
    elif written == "html":
        assert b"<html" in data[:200]
    else:
        assert data.startswith("# Bijlage 2 – Stand van zaken pilots".encode())


def test_snapshot_asks_the_format_of_an_unknown_extension(seed_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "stand.txt"
    result = run_cli("snapshot", "--store", str(seed_store), "-o", str(out))
    assert result.returncode == 2
    assert_one_line_error(result.stderr)
    assert "welk formaat?" in result.stderr
    assert not out.exists()


def test_snapshot_refuses_a_name_for_another_format(seed_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "stand.md"
    result = run_cli("snapshot", "--store", str(seed_store), "--format", "docx", "-o", str(out))
    assert result.returncode == 2
    assert_one_line_error(result.stderr)
    assert ".md past niet bij --format docx" in result.stderr
    assert not out.exists()


# -- the Word Bijlage: the Kamer version by default, the internal parts on request --------


def test_snapshot_word_is_the_kamer_version_unless_asked(seed_store: Path, tmp_path: Path) -> None:
    from tests.helpers import wordxml

    kamer = tmp_path / "kamer.docx"
    result = run_cli("snapshot", "--store", str(seed_store), "-o", str(kamer))
    assert result.returncode == 0, result.stderr
    text = wordxml.body_text(kamer.read_bytes())
    assert text.startswith(
        "[Title] Bijlage 2 – Stand van zaken pilots – peildatum 1 december 2021\n"
    )
    assert "Aandachtspunten" not in text and "Wijzigingen sinds" not in text
    assert len(wordxml.footnotes(kamer.read_bytes())) == 4

    intern = tmp_path / "intern.docx"
    result = run_cli(
        "snapshot", "--store", str(seed_store), "--summary", "--since", "1 juni 2021",
        "--annex", "Bijlage 3", "--toc", "-o", str(intern),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = wordxml.body_text(intern.read_bytes())
    assert text.startswith("[Title] Bijlage 3 – Stand van zaken pilots")
    assert "[heading 1] Aandachtspunten" in text
    assert "[heading 1] Wijzigingen sinds peildatum 1 juni 2021" in text
    assert "[TOC Heading] Inhoud" in text

    md = tmp_path / "stand.md"
    result = run_cli("snapshot", "--store", str(seed_store), "--annex", "", "-o", str(md))
    assert result.returncode == 0, result.stderr
    written = md.read_text(encoding="utf-8")
    assert written.startswith("# Stand van zaken pilots – peildatum 1 december 2021\n")
    assert "## Aandachtspunten" in written  # for reading: with the summary, as before
    result = run_cli(
        "snapshot", "--store", str(seed_store), "--no-summary", "-o", str(md), "--force"
    )
    assert "Aandachtspunten" not in md.read_text(encoding="utf-8")


def test_snapshot_with_a_template(seed_store: Path, tmp_path: Path) -> None:
    import io

    from docx import Document

    template = tmp_path / "eigen.docx"
    buf = io.BytesIO()
    Document().save(buf)
    template.write_bytes(buf.getvalue())
    out = tmp_path / "stand.docx"
    result = run_cli(
        "snapshot", "--store", str(seed_store), "--template", str(template), "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert b"Pilotnaam" in Document(str(out)).styles.element.xml.encode()

    bad = tmp_path / "kapot.dotx"
    bad.write_bytes(b"geen Word")
    for args, says in (
        (("--template", str(bad)), "geen Word-bestand"),
        (("--template", str(tmp_path / "weg.dotx")), "niet gevonden"),
        (("--template", str(template), "--format", "md"), "alleen voor Word"),
        (("--toc", "--format", "html"), "alleen voor Word"),
    ):
        target = tmp_path / "niet"  # no extension: the format is Word or as given
        result = run_cli("snapshot", "--store", str(seed_store), *args, "-o", str(target))
        assert result.returncode == 2, args
        assert_one_line_error(result.stderr)
        assert says in result.stderr
        assert not target.exists()
