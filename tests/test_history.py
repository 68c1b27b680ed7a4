"""The register remembers every peildatum: a round edited in any way leaves every earlier
Bijlage reproducible byte for byte, and "Wijzigingen sinds" reports each change."""

from __future__ import annotations

import io
import json
import zipfile
from contextlib import redirect_stderr, redirect_stdout
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pilot_tui.cli import main
from pilot_tui.model import SCHEMA_VERSION, Footnote, HistoryEntry, Pilot
from pilot_tui.snapshot import FORMATS
from pilot_tui.store import Store, list_backups

D1 = date(2021, 12, 1)
D2 = date(2022, 6, 1)
IDS = (
    "pakketafhankelijke-eigen-bijdrage",
    "samenwerken-in-de-eerste-lijn",
    "beslisboom",
    "mijn-zaak",
    "wijkrechtbank-eindhoven",
    "divosa-gemeente-almere",
)


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:  # --help
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def ok(*args: str) -> str:
    code, out, err = cli(*args)
    assert code == 0, err
    return out


def docx_parts(path: Path) -> dict[str, bytes]:
    """Every part of a Word file but its creation metadata (a time stamp)."""
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


def everything_at(store: Path, folder: Path, when: str) -> dict[str, object]:
    """All a user can see of the register at one peildatum: the five documents, and
    the JSON of list, check, show and history."""
    folder.mkdir()
    seen: dict[str, object] = {}
    for fmt in FORMATS:
        target = folder / f"bijlage.{fmt}"
        ok("snapshot", "--store", str(store), "--peildatum", when, "-o", str(target))
        seen[fmt] = docx_parts(target) if fmt == "docx" else target.read_bytes()
    seen["list"] = ok("list", "--store", str(store), "--peildatum", when, "--json")
    seen["list-90d"] = ok("list", "--store", str(store), "--peildatum", when, "--window", "90d")
    seen["check"] = cli("check", "--store", str(store), "--peildatum", when, "--json")[1]
    for pid in IDS:
        seen[f"show {pid}"] = ok("show", "--store", str(store), "--peildatum", when, "--json", pid)
        seen[f"history {pid}"] = ok(
            "history", "--store", str(store), "--peildatum", when, "--json", pid
        )
    return seen


def scripted_round(store: Path) -> None:
    """A half-year round from the command line: every kind of change."""
    s = ("--store", str(store))
    ok("start-round", *s, "2022-06-01")
    ok("set", *s, "Pakketafhankelijke", "looptijd=1 oktober 2019 – 1 januari 2023")
    ok("set", *s, "beslisboom", "name=Beslisboom Online")
    ok("set", *s, "mijn-zaak", "status=stopgezet", "stand_van_zaken=Gestopt in maart.")
    ok("set", *s, "divosa-gemeente-almere", "--unchanged")
    ok("set", *s, "divosa-gemeente-tilburg", "--unchanged")
    ok("set", *s, "gezinsadvocaat", "stand_van_zaken=Tweede tussenevaluatie is gestart.")
    ok("set", *s, "zelf-regieroute-scheiden", "doel=Een nieuw doel.", "gemeente=Utrecht")
    ok("footnote", *s, "change", "wijkrechtbank-eindhoven", "1", "--text", "Kamerstukken II, nr. 9")
    ok("footnote", *s, "add", "samenwerken", "--text", "Zie ook de evaluatie.")
    new_id = ok("add", *s, "Nieuwe pilot Zwolle", "looptijd=2022", "stand_van_zaken=Gestart.")
    assert new_id.strip() == "nieuwe-pilot-zwolle"
    ok("delete", *s, "huizen-van-het-recht-heerlen")


def test_an_edited_round_leaves_every_earlier_bijlage_byte_identical(tmp_path: Path) -> None:
    store = tmp_path / "store.json"
    store.write_bytes((Path(__file__).parent.parent / "store.json").read_bytes())
    before = everything_at(store, tmp_path / "voor", "2021-12-01")
    scripted_round(store)
    after = everything_at(store, tmp_path / "na", "2021-12-01")
    assert before.keys() == after.keys()
    for key in before:
        assert after[key] == before[key], f"{key} is veranderd op 1 december 2021"

    # the new peildatum shows the round, and "Wijzigingen sinds" names every change
    target = tmp_path / "juni.md"
    ok("snapshot", "--store", str(store), "--since", "2021-12-01", "-o", str(target))
    md = target.read_text(encoding="utf-8")
    changes = md.split("## Wijzigingen sinds peildatum 1 december 2021")[1].split("\n## ")[0]
    for expected in (
        "### Nieuwe pilots\n\n- Nieuwe pilot Zwolle",
        "### Verwijderde pilots\n\n- Huizen van het Recht (Heerlen)",
        "- Beslisboom Online (voorheen „Beslisboom”)",
        "MIJN ZAAK (lopend → stopgezet)",
        "~~De subsidieregeling loopt van 1 oktober 2019 tot 1 januari 2022.",
        "**1 oktober 2019 – 1 januari 2023** – einde ruim 12 maanden later",
        "#### Gezinsadvocaat",
        "### Stand van zaken ongewijzigd",
        "- Divosa / Gemeente Almere",
        "#### Zelf-regieroute scheiden: Doel",
        "#### Zelf-regieroute scheiden: Gemeente",
        "#### Wijkrechtbank Eindhoven: Voetnoten",
        "#### Samenwerken in de eerste lijn: Voetnoten",
    ):
        assert expected in changes, expected
    assert "Huizen van het Recht (Heerlen)" not in md.split("## Pilots")[1]
    assert "Stand van zaken (per 1 december 2021)" in md  # the kept texts say their date


def test_the_audit_log_holds_every_change_with_old_and_new(tmp_path: Path) -> None:
    store = tmp_path / "store.json"
    store.write_bytes((Path(__file__).parent.parent / "store.json").read_bytes())
    scripted_round(store)
    with Store.open(store, readonly=True) as opened:
        fields = {(a.pilot_id, a.field) for a in opened.register.audit}
        looptijd = next(a for a in opened.register.audit if a.field == "looptijd@2022-06-01")
    assert looptijd.old.startswith("De subsidieregeling loopt van 1 oktober 2019")  # the seed's
    assert looptijd.new == "1 oktober 2019 – 1 januari 2023"
    assert ("", "peildatum") in fields
    assert ("beslisboom", "name@2022-06-01") in fields
    assert ("huizen-van-het-recht-heerlen", "pilot@2022-06-01") in fields
    assert ("nieuwe-pilot-zwolle", "pilot@2022-06-01") in fields
    assert ("wijkrechtbank-eindhoven", "footnotes@2022-06-01") in fields
    assert ("divosa-gemeente-almere", "stand_van_zaken@2022-06-01") in fields


def test_a_deleted_pilot_comes_back(tmp_path: Path) -> None:
    store = tmp_path / "store.json"
    store.write_bytes((Path(__file__).parent.parent / "store.json").read_bytes())
    ok("start-round", "--store", str(store), "2022-06-01")
    ok("delete", "--store", str(store), "beslisboom")
    code, _out, err = cli("show", "--store", str(store), "beslisboom")
    assert code == 2 and "bestaat niet op 1 juni 2022" in err
    ok("undelete", "--store", str(store), "beslisboom")
    assert "Beslisboom" in ok("show", "--store", str(store), "beslisboom")


# -- rounds are begun deliberately ------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("set", "beslisboom", "doel=x", "--peildatum", "2022-06-01"), "start-round 1 juni 2022"),
        (("delete", "beslisboom", "--peildatum", "2022-06-01"), "start-round"),
        (("add", "Nieuw", "--peildatum", "2023-01-01"), "start-round"),
        (("set", "beslisboom", "doel=x", "--peildatum", "2021-06-01"), "geen peildatum"),
        (("start-round", "2021-12-01"), "al een peildatum"),
        (("start-round", "2021-01-01"), "na de laatste peildatum"),
        (("set", "beslisboom", "stand_van_zaken=  "), "niet leeg"),
        (("set", "beslisboom"), "--unchanged"),
        (("snapshot", "--since", "2021-12-01", "-o", "x.md"), "voor de peildatum"),
        (("show", "divosa"), "past bij 9 pilots"),
    ],
)
def test_refused_with_one_line_and_exit_2(
    seed_store: Path, args: tuple[str, ...], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(seed_store.parent)
    raw = seed_store.read_bytes()
    code, _out, err = cli(*args, "--store", str(seed_store))
    assert code == 2
    assert message in err and err.count("\n") == 1, err
    assert seed_store.read_bytes() == raw


def test_a_correction_of_an_earlier_peildatum_is_explicit(seed_store: Path) -> None:
    s = ("--store", str(seed_store))
    ok("start-round", *s, "2022-06-01")
    code, _out, err = cli("set", *s, "--peildatum", "2021-12-01", "beslisboom", "doel=Typo weg")
    assert code == 2 and "--correct" in err
    ok("set", *s, "--peildatum", "2021-12-01", "--correct", "beslisboom", "doel=Typo weg")
    assert "Typo weg" in ok("show", *s, "--peildatum", "2021-12-01", "beslisboom")
    assert "Typo weg" not in ok("show", *s, "beslisboom")  # a later round stays as it was


def test_a_correction_never_changes_a_later_round(seed_store: Path, tmp_path: Path) -> None:
    s = ("--store", str(seed_store))
    ok("start-round", *s, "2022-06-01")
    ok("set", *s, "huizen", "looptijd=Januari 2020 – juli 2022")
    ok("set", *s, "Digitaal bezwaar", "--unchanged")
    june = everything_at(seed_store, tmp_path / "juni", "2022-06-01")
    ok("set", *s, "--peildatum", "2021-12-01", "--correct", "huizen", "looptijd=Juli 2019 – 2022")
    ok("set", *s, "--peildatum", "2021-12-01", "--correct", "beslisboom", "gemeente=Zwolle")
    # the text of 2021 is shown (carried) by the round of 2022 for a pilot not updated
    code, _out, err = cli(
        "set", *s, "--peildatum", "2021-12-01", "--correct", "mijn-zaak", "stand_van_zaken=Fout."
    )
    assert code == 2 and "toont deze stand van zaken ook" in err
    again = everything_at(seed_store, tmp_path / "juni-na", "2022-06-01")
    for key in june:
        if key not in ("check",):  # check names the pilots changed, and may differ
            assert again[key] == june[key], key
    assert "Juli 2019 – 2022" in ok("show", *s, "--peildatum", "2021-12-01", "huizen")


def test_import_of_an_earlier_round_is_refused_and_names_match_as_they_were(
    seed_store: Path,
) -> None:
    s = ("--store", str(seed_store))
    text = str(
        Path(__file__).parent / "fixtures" / "bijlage2-stand-van-zaken-pilots-2021-12-01.txt"
    )
    ok("start-round", *s, "2022-06-01")
    ok("set", *s, "beslisboom", "name=Beslisboom 2.0")
    ok("set", *s, "Dynamisch", "name=Beslisboom")
    ok("delete", *s, "gezinsadvocaat")
    raw = seed_store.read_bytes()
    code, _out, err = cli("import", *s, text)
    assert code == 2 and "voor de laatste ronde" in err
    assert seed_store.read_bytes() == raw
    out = ok("import", *s, "--peildatum", "2022-06-01", "--update", text)
    assert "verwijderd in het register en niet teruggezet (Gezinsadvocaat)" in out
    with Store.open(seed_store, readonly=True) as opened:
        register = opened.register
        assert len(register.pilots) == 33  # no duplicate made of a renamed pilot
        assert register.get("gezinsadvocaat").as_of(D2) is None  # type: ignore[union-attr]
        # the document's "Beslisboom" is the pilot that was Beslisboom (by its old name)
        beslisboom = register.get("beslisboom")
        assert beslisboom is not None and beslisboom.value_at("name", D2) == "Beslisboom"


def test_a_status_change_alone_carries_the_text_as_unchanged(seed_store: Path) -> None:
    s = ("--store", str(seed_store))
    ok("start-round", *s, "2022-06-01")
    ok("set", *s, "beslisboom", "status=afgerond")
    history = json.loads(ok("history", *s, "--json", "beslisboom"))
    assert history[-1]["peildatum"] == "2022-06-01"
    assert history[-1]["unchanged"] is True
    assert history[-1]["status"] == "afgerond"
    assert history[-1]["stand_van_zaken"] == history[0]["stand_van_zaken"]


def test_set_help_lists_every_field() -> None:
    from pilot_tui.changes import ALL_FIELDS

    code, out, _err = cli("set", "--help")
    assert code == 0
    for name in ALL_FIELDS:
        assert f"  {name} " in out


def test_every_field_of_the_table_is_written_and_read_back() -> None:
    """A field added to pilot_tui.fields is kept by Pilot.to_dict and from_dict (now and
    as an earlier value), and `set` takes it when it is typed on one line."""
    from pilot_tui import fields
    from pilot_tui.changes import ALL_FIELDS
    from pilot_tui.fields import Kind

    def value(spec: fields.PilotField) -> object:
        if spec.kind is Kind.LIST:
            return ["a", "b"]
        if spec.kind is Kind.FOOTNOTES:
            return [Footnote("noot", anchor="a")]
        if spec.kind is Kind.FLAG:
            return True
        return spec.choices[-1] if spec.choices else f"tekst van {spec.name}"

    pilot = Pilot(id="p", name="")
    for spec in fields.PILOT_FIELDS:
        pilot.set_at(spec.name, value(spec), D2)
        assert spec.name in ALL_FIELDS or not spec.editable or spec.kind is Kind.FOOTNOTES
    again = Pilot.from_dict(json.loads(json.dumps(pilot.to_dict())))
    assert again == pilot
    for spec in fields.PILOT_FIELDS:
        assert getattr(again, spec.name) == value(spec)
        assert again.value_at(spec.name, D1) == getattr(Pilot(id="p", name=""), spec.name)


def test_list_filters_repeat_and_combine(seed_store: Path) -> None:
    rows = json.loads(
        ok(
            "list", "--store", str(seed_store), "--json",
            "--status", "lopend", "--status", "afgerond",
            "--attention", "lopend", "--attention", "afgerond",
        )
    )  # fmt: skip
    assert rows and {r["status"] for r in rows} <= {"lopend", "afgerond"}
    assert {r["attention"] for r in rows} <= {"lopend", "afgerond"}
    assert {r["status"] for r in rows} == {"lopend", "afgerond"}


def test_check_reports_what_a_reader_trips_over(seed_store: Path) -> None:
    with Store.open(seed_store) as store:
        pilot = store.register.get("beslisboom")
        assert pilot is not None
        pilot.history.append(HistoryEntry(D1, "Een tweede tekst.", None))
        pilot.footnotes.append(Footnote("Zie daar.", "doel", "woorden die er niet staan"))
        other = store.register.get("mijn-zaak")
        assert other is not None
        other.name = "  beslisboom "
        store.save_pilot(pilot)
        store.save_pilot(other)
    code, out, _err = cli("check", "--store", str(seed_store))
    assert code == 1
    assert "twee standen van zaken voor peildatum 1 december 2021" in out
    assert "voetnoot 1 hoort bij „woorden die er niet staan”" in out
    assert "naam gelijk op hoofdletters of spaties na" in out
    ok("start-round", "--store", str(seed_store), "2022-06-01")
    code, out, _err = cli("check", "--store", str(seed_store), "--json")
    stale = [p for p in json.loads(out) if p.get("notice")]
    assert len(stale) > 20  # every open pilot, right after the round began
    code_strict, _out, _err = cli("check", "--store", str(seed_store), "--strict")
    assert code_strict == 1


# -- the schema upgrade --------------------------------------------------------------------


def test_a_register_of_the_previous_schema_is_upgraded_after_a_backup(seed_store: Path) -> None:
    raw = seed_store.read_bytes()
    assert json.loads(raw)["meta"]["1"]["schema_version"] == 1
    with Store.open(seed_store, readonly=True) as opened:
        before = {p.id: p.to_dict() for p in opened.register.pilots}
    ok("set", "--store", str(seed_store), "beslisboom", "gemeente=Den Haag")
    data = json.loads(seed_store.read_bytes())
    assert data["meta"]["1"]["schema_version"] == SCHEMA_VERSION
    backups = list_backups(seed_store)
    assert any(b.read_bytes() == raw for b in backups)
    assert any("schema-1" in b.name for b in backups)
    with Store.open(seed_store, readonly=True) as opened:
        after = {p.id: p.to_dict() for p in opened.register.pilots}
    changed = {pid for pid in before if before[pid] != after[pid]}
    assert changed == {"beslisboom"}
    assert after["beslisboom"]["past"] == [{"until": "2021-12-01", "values": {"gemeente": ""}}]


def test_unknown_fields_are_kept_at_every_level(seed_store: Path) -> None:
    data = json.loads(seed_store.read_bytes())
    meta = data["meta"]["1"]
    meta["afdeling"] = "DGRR"
    doc = next(d for d in data["pilots"].values() if d["id"] == "wijkrechtbank-eindhoven")
    doc["kleur"] = "rood"
    doc["history"][0]["bron"] = {"pagina": 12}
    doc["footnotes"][0]["url"] = "https://example.org"
    seed_store.write_text(json.dumps(data), encoding="utf-8")
    ok("set", "--store", str(seed_store), "wijkrechtbank", "doel=Nieuw doel.")
    ok("set", "--store", str(seed_store), "wijkrechtbank", "stand_van_zaken=Nieuwe stand.")
    after = json.loads(seed_store.read_bytes())
    doc = next(d for d in after["pilots"].values() if d["id"] == "wijkrechtbank-eindhoven")
    assert after["meta"]["1"]["afdeling"] == "DGRR"
    assert doc["kleur"] == "rood"
    assert doc["history"][0]["bron"] == {"pagina": 12}
    assert doc["footnotes"][0]["url"] == "https://example.org"


# -- the property: earlier views never change ----------------------------------------------

DATES = [date(2020 + i // 2, 6 if i % 2 else 1, 1) for i in range(8)]
FIELDS = ("name", "looptijd", "doel", "programma", "removed", "partners")


def _value(field: str, n: int) -> object:
    if field == "removed":
        return bool(n % 2)
    if field == "partners":
        return [f"partner {n}"] if n else []
    return f"{field} {n}"


def _view(pilot: Pilot, when: date) -> dict[str, object] | None:
    view = pilot.as_of(when)
    if view is None:
        return None
    return {f: getattr(view, f) for f in ("name", "looptijd", "doel", "programma", "partners")}


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(FIELDS), st.integers(0, 4), st.integers(0, len(DATES) - 1)),
        max_size=25,
    )
)
def test_an_edit_for_a_peildatum_changes_no_earlier_view(
    edits: list[tuple[str, int, int]],
) -> None:
    pilot = Pilot(id="p", name="name 0")
    expected: dict[str, list[object]] = {
        f: [getattr(pilot, f)] * len(DATES) for f in FIELDS
    }  # the model: each field's value per date
    for field, n, i in edits:
        views = [_view(pilot, d) for d in DATES]
        value = _value(field, n)
        old = expected[field][i]
        pilot.set_at(field, value, DATES[i])
        # the model: from i until the field's next change (a date whose value differed)
        j = i
        while j < len(DATES) and expected[field][j] == old:
            expected[field][j] = value
            j += 1
        for k, d in enumerate(DATES):
            if k < i:
                assert _view(pilot, d) == views[k]  # never an earlier view
            assert pilot.value_at(field, d) == expected[field][k]
        # the stored form is minimal and sorted, and survives a round trip
        assert [p.until for p in pilot.past] == sorted({p.until for p in pilot.past})
        assert all(p.values for p in pilot.past)
        assert Pilot.from_dict(json.loads(json.dumps(pilot.to_dict()))) == pilot


def test_a_new_pilot_that_starts_later_is_planned(seed_store: Path) -> None:
    s = ("--store", str(seed_store))
    ok("add", *s, "Start in 2023", "looptijd=Voorjaar 2023 – 2024", "stand_van_zaken=Voorbereid.")
    shown = json.loads(ok("show", *s, "--json", "Start in 2023"))
    assert shown["status"] == "gepland"
    ok("add", *s, "Loopt al", "looptijd=2021 – 2023", "stand_van_zaken=Bezig.")
    assert json.loads(ok("show", *s, "--json", "Loopt al"))["status"] == "lopend"


def test_a_writer_meeting_the_app_says_so_at_once(seed_store: Path) -> None:
    from .conftest import run_cli

    with Store.open(seed_store) as app_store:
        app_store.announce_app()
        result = run_cli("set", "--store", str(seed_store), "beslisboom", "gemeente=X")
        assert result.returncode == 2
        assert "geopend in de app pilot-tui" in result.stderr and "--wait" in result.stderr
        waited = run_cli("set", "--store", str(seed_store), "--wait", "0.2", "beslisboom", "x=y")
        assert waited.returncode == 2  # the field is refused before any wait
        waited = run_cli(
            "set", "--store", str(seed_store), "--wait", "0.2", "beslisboom", "gemeente=X"
        )
        assert waited.returncode == 2 and "register in gebruik" in waited.stderr
    # the app closed: the announcement went with it
    assert run_cli("set", "--store", str(seed_store), "beslisboom", "gemeente=X").returncode == 0


def test_undelete_finds_the_pilot_by_id_and_by_part_of_any_name(seed_store: Path) -> None:
    s = ("--store", str(seed_store))
    ok("start-round", *s, "2022-06-01")
    ok("delete", *s, "gezinsadvocaat")
    ok("start-round", *s, "2022-12-01")
    ok("add", *s, "Gezinsadvocaat", "stand_van_zaken=Een andere pilot met die naam.")
    code, _out, err = cli("undelete", *s, "gezinsadvocaat")  # the id wins, but the name
    assert code == 2 and "er is al een pilot met de naam „Gezinsadvocaat”" in err  # is taken
    ok("set", *s, "gezinsadvocaat-2", "name=Gezinsadvocaat Noord")
    assert "teruggezet" in ok("undelete", *s, "gezinsadvocaat")
    ok("delete", *s, "huizen")
    assert "teruggezet" in ok("undelete", *s, "huizen van het")  # part of its name


def test_a_pilot_added_and_deleted_in_one_round_can_come_back(seed_store: Path) -> None:
    s = ("--store", str(seed_store))
    ok("start-round", *s, "2022-06-01")
    ok("add", *s, "Tijdelijk", "stand_van_zaken=t")
    ok("delete", *s, "Tijdelijk")
    code, _out, _err = cli("show", *s, "Tijdelijk")
    assert code == 2
    ok("undelete", *s, "tijdelijk")
    assert "Tijdelijk" in ok("show", *s, "Tijdelijk")
