"""The importer merging an overview into a register: added, changed, missing and renamed
pilots."""

from __future__ import annotations

from pilot_tui import fields
from pilot_tui.importer import merge, parse_overview
from pilot_tui.importing.merging import _UPDATABLE
from pilot_tui.model import HistoryEntry, Pilot, Register, Status

from .helpers.importer import D1, D2, assert_same_pilots, by_name, comparable


def fresh(seed_text: str) -> Register:
    return parse_overview(seed_text).register


# -- merging --------------------------------------------------------------------------------


def test_first_merge_adds_all(seed_text: str) -> None:
    register = Register()
    report = merge(register, fresh(seed_text), D1, update=True)
    assert report.summary() == "33 nieuw · 0 bijgewerkt · 0 ongewijzigd · 0 niet in het document"
    assert len(register.pilots) == 33
    assert register.peildata == [D1]
    assert register.annex == "Bijlage 2"  # kept from the document
    assert_same_pilots(register, fresh(seed_text))


def test_an_import_keeps_an_annex_label_unless_updating(seed_text: str) -> None:
    register = Register(annex="Bijlage 5")
    merge(register, fresh(seed_text), D1, update=False)
    assert register.annex == "Bijlage 5"
    merge(register, fresh(seed_text), D1, update=True)
    assert register.annex == "Bijlage 2"
    unlabelled = seed_text.replace("Bijlage 2 - ", "", 1)
    assert fresh(unlabelled).annex == ""
    merge(register, fresh(unlabelled), D1, update=True)
    assert register.annex == "Bijlage 2"  # a document without a label wipes nothing


def test_second_import_changes_nothing(seed_text: str) -> None:
    register = fresh(seed_text)
    before = comparable(register)
    report = merge(register, fresh(seed_text), D1, update=True)
    assert report.summary() == "0 nieuw · 0 bijgewerkt · 33 ongewijzigd · 0 niet in het document"
    assert comparable(register) == before


def test_new_peildatum_with_changed_stand(seed_text: str) -> None:
    register = fresh(seed_text)
    incoming = parse_overview(seed_text, peildatum=D2).register
    target = by_name(incoming, "Gezinsadvocaat")
    target.history[0].stand_van_zaken = "Er zijn nu 40 zaken aangemeld."
    incoming.pilots[1].achtergrond = "Nieuwe achtergrond."
    report = merge(register, incoming, D2, update=False)
    assert report.bijgewerkt == ["Gezinsadvocaat"]
    assert len(report.ongewijzigd) == 32
    assert register.peildata == [D1, D2]
    pilot = by_name(register, "Gezinsadvocaat")
    assert [h.peildatum for h in pilot.history] == [D1, D2]
    assert pilot.history[1].stand_van_zaken == "Er zijn nu 40 zaken aangemeld."
    assert pilot.history[0].stand_van_zaken.startswith("Vanaf 1 mei 2021")
    # update=False: the other fields stay as they were
    assert register.pilots[1].achtergrond.startswith("Wanneer een rechtzoekende")
    # unchanged pilots are carried forward explicitly
    other = by_name(register, "Beslisboom")
    assert [h.unchanged for h in other.history] == [False, True]


def test_update_true_changes_fields(seed_text: str) -> None:
    register = fresh(seed_text)
    incoming = fresh(seed_text)
    incoming.pilots[1].achtergrond = "Nieuwe achtergrond."
    report = merge(register, incoming, D1, update=True)
    assert report.bijgewerkt == [register.pilots[1].name]
    assert register.pilots[1].achtergrond == "Nieuwe achtergrond."


def test_update_takes_the_importable_fields_and_keeps_what_a_blank_would_wipe(
    seed_text: str,
) -> None:
    """import --update reads pilot_tui.fields: every importable field but the names is
    taken from the document, except that a blank never wipes a keep_when_blank field."""
    assert tuple(n for n in fields.IMPORTABLE if n not in ("name", "former_names")) == _UPDATABLE
    keep = {f.name for f in fields.PILOT_FIELDS if f.keep_when_blank}
    assert keep == {"programma", "gemeente", "rechtsgebied", "partners"}
    register = fresh(seed_text)
    target = register.pilots[2]
    target.programma, target.gemeente = "Programma X", "Utrecht"
    target.rechtsgebied, target.partners = "Familierecht", ["Raad"]
    incoming = fresh(seed_text)
    source = incoming.pilots[2]
    source.programma = source.gemeente = source.rechtsgebied = ""
    source.partners = []
    source.doel = ""  # not kept when blank: the document's blank is taken
    merge(register, incoming, D1, update=True)
    assert (target.programma, target.gemeente) == ("Programma X", "Utrecht")
    assert (target.rechtsgebied, target.partners) == ("Familierecht", ["Raad"])
    assert target.doel == ""


def test_same_peildatum_text_replaced_only_when_different(seed_text: str) -> None:
    register = fresh(seed_text)
    register.pilots[0].history[0].zaken = 12
    incoming = fresh(seed_text)
    incoming.pilots[0].history[0].stand_van_zaken = "Anders."
    report = merge(register, incoming, D1, update=False)
    assert report.bijgewerkt == [register.pilots[0].name]
    assert len(register.pilots[0].history) == 1
    assert register.pilots[0].history[0].stand_van_zaken == "Anders."
    assert register.pilots[0].history[0].zaken == 12


def test_missing_and_new_pilots(seed_text: str) -> None:
    register = fresh(seed_text)
    register.pilots.append(Pilot(id="eigen", name="Een eigen pilot"))
    incoming = fresh(seed_text)
    dropped = incoming.pilots.pop(3)
    incoming.pilots.append(
        Pilot(
            id="whatever",
            name="Gezinsadvocaat",  # a second pilot of that name: a new one
            history=[HistoryEntry(D1, "Nieuw.", Status.LOPEND)],
        )
    )
    report = merge(register, incoming, D1, update=False)
    assert report.niet_in_document == [dropped.name, "Een eigen pilot"]
    assert report.nieuw == ["Gezinsadvocaat"]
    assert len({p.id for p in register.pilots}) == len(register.pilots) == 35
    assert register.pilots[-1].id == "gezinsadvocaat-2"


def test_match_by_former_name(seed_text: str) -> None:
    register = fresh(seed_text)
    incoming = fresh(seed_text)
    p = by_name(incoming, "Berekenjescheiding.nl")
    p.name, p.former_names = "Onlinetool financiën bij Scheiden", []
    report = merge(register, incoming, D1, update=False)
    assert report.nieuw == [] and len(report.ongewijzigd) == 33
    report = merge(register, incoming, D1, update=True)
    renamed = by_name(register, "Onlinetool financiën bij Scheiden")
    assert renamed.id == "berekenjescheiding-nl"
    assert "Berekenjescheiding.nl" in renamed.former_names
