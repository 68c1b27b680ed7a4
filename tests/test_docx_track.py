"""The Word Bijlage with the changes since an earlier peildatum as Word revisions
(``--since D0 --track-changes``): accepting every revision gives exactly the clean document
at P, rejecting every revision the one at D0; each revision by "pilot-tui", dated from the
audit log (else the peildatum).

The revisions are resolved in the XML (tests/helpers/revisions.py) and the text of the
body (styles, rows, footnote references, links) and the footnotes compared with the clean
documents.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from pilot_tui.model import Footnote, HistoryEntry, Pilot, Register, Status
from pilot_tui.periods import parse_window
from pilot_tui.snapshot import SnapshotOptions, build_snapshot, render
from pilot_tui.store import Store
from tests.conftest import SEED_STORE
from tests.fixtures.snapshot_register import snapshot_register
from tests.helpers.revisions import readable, resolve, revisions
from tests.helpers.wordxml import NS, body_text, footnotes, w
from tests.test_history import cli, scripted_round

D0 = date(2021, 12, 1)
P = date(2022, 6, 1)
WINDOW = parse_window("3m")


def _options(peildatum: date, **kw: Any) -> SnapshotOptions:
    assert WINDOW is not None
    kw.setdefault("summary", False)
    return SnapshotOptions(peildatum, WINDOW, **kw)


def documents(
    register: Register, since: date = D0, peildatum: date = P, toc: bool = False, **kw: Any
) -> tuple[bytes, bytes, bytes]:
    """The Word file with revisions, and the clean ones at P and at D0."""
    tracked = build_snapshot(register, _options(peildatum, since=since, track_changes=True, **kw))
    return (
        render(tracked, "docx", toc=toc),
        render(build_snapshot(register, _options(peildatum, **kw)), "docx", toc=toc),
        render(build_snapshot(register, _options(since, **kw)), "docx", toc=toc),
    )


def assert_resolves(tracked: bytes, at_p: bytes, at_d0: bytes) -> None:
    # accepting: exactly P's document, its contents' links included; the footnotes are
    # numbered by their place (as Word shows them: the ids are names)
    assert readable(resolve(tracked, accept=True)) == readable(at_p)
    # rejecting: D0's document; a contents link's bookmark may have another name
    rejected = resolve(tracked, accept=False)
    assert readable(rejected, anchors=False) == readable(at_d0, anchors=False)


@pytest.fixture(scope="module")
def seed_round(tmp_path_factory: pytest.TempPathFactory) -> Register:
    """The real register after a half-year round from the command line (every kind of
    change: looptijd, name, status, texts, kept texts, fields, footnotes, added, deleted)."""
    store = tmp_path_factory.mktemp("ronde") / "store.json"
    store.write_bytes(SEED_STORE.read_bytes())
    scripted_round(store)
    with Store.open(store, readonly=True) as opened:
        return opened.register


@pytest.fixture(scope="module")
def seed_docs(seed_round: Register) -> tuple[bytes, bytes, bytes]:
    return documents(seed_round)


@pytest.mark.parametrize(
    "kw",
    [
        {},
        {"summary": True, "group_by": "programma", "toc": True},
        {"group_by": "status"},  # a pilot stopped: it moves to another group
    ],
    ids=["kamer", "summary-programma-toc", "status"],
)
def test_accept_all_gives_p_and_reject_all_gives_d0_for_the_seed_round(
    seed_round: Register, kw: dict[str, Any]
) -> None:
    tracked, at_p, at_d0 = documents(seed_round, **kw)
    assert len(revisions(tracked)) > 50
    assert_resolves(tracked, at_p, at_d0)


def _body(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read("word/document.xml"))


def _all_text(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(w("t"), w("delText")))


def pilot_table(data: bytes, name: str) -> etree._Element:
    """The table of the pilot whose name (at either date) starts with ``name``."""
    for table in _body(data).iterfind("w:body/w:tbl", NS):
        rows = table.findall("w:tr", NS)
        if len(rows) > 1 and _all_text(rows[1].find("w:tc", NS)).startswith(name):
            return table
    raise AssertionError(f"geen tabel voor {name}")


def _audit_time(register: Register, pilot_id: str, field: str) -> str:
    (entry,) = [a for a in register.audit if a.pilot_id == pilot_id and a.field == field]
    return entry.when.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_no_changes_chapter_and_every_revision_by_pilot_tui_with_a_date(
    seed_docs: tuple[bytes, bytes, bytes],
) -> None:
    tracked = seed_docs[0]
    assert "Wijzigingen sinds" not in _all_text(_body(tracked))
    ids = []
    for rev in revisions(tracked):
        assert rev.get(w("author")) == "pilot-tui"
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", rev.get(w("date")))
        ids.append(rev.get(w("id")))
    assert len(ids) == len(set(ids)), "every revision its own id"
    # the title: the peildatum word by word
    title = _body(tracked).find("w:body/w:p", NS)
    assert _all_text(title.find("w:del", NS)) == "december 2021"
    assert _all_text(title.find("w:ins", NS)) == "juni 2022"
    doc = Document(io.BytesIO(tracked))  # python-docx reads it
    assert doc.tables


def test_an_added_pilot_is_inserted_and_a_deleted_one_deleted_row_by_row(
    seed_round: Register, seed_docs: tuple[bytes, bytes, bytes]
) -> None:
    tracked = seed_docs[0]
    added = pilot_table(tracked, "Nieuwe pilot Zwolle")
    when = _audit_time(seed_round, "nieuwe-pilot-zwolle", "pilot@2022-06-01")
    for row in added.findall("w:tr", NS):
        mark = row.find("w:trPr/w:ins", NS)
        assert mark is not None and mark.get(w("date")) == when
        assert row.find(".//w:del", NS) is None
    removed = pilot_table(tracked, "Huizen van het Recht")
    when = _audit_time(seed_round, "huizen-van-het-recht-heerlen", "pilot@2022-06-01")
    for row in removed.findall("w:tr", NS):
        mark = row.find("w:trPr/w:del", NS)
        assert mark is not None and mark.get(w("date")) == when
        assert row.find(".//w:t", NS) is None, "only deleted text in a deleted row"
        for p in row.iter(w("p")):  # and every paragraph mark deleted with it
            assert p.find("w:pPr/w:rPr/w:del", NS) is not None


def test_changed_texts_word_by_word_with_the_audit_logs_date(
    seed_round: Register, seed_docs: tuple[bytes, bytes, bytes]
) -> None:
    tracked = seed_docs[0]
    looptijd = pilot_table(tracked, "Pakketafhankelijke")
    when = _audit_time(seed_round, "pakketafhankelijke-eigen-bijdrage", "looptijd@2022-06-01")
    inserted = [(_all_text(e), e.get(w("date"))) for e in looptijd.iter(w("ins"))]
    assert ("2023", when) in inserted
    deleted = [_all_text(e) for e in looptijd.iter(w("del"))]
    assert "De subsidieregeling loopt van " in deleted
    # the name: "Beslisboom" kept, the new words inserted
    renamed = pilot_table(tracked, "Beslisboom")
    name = renamed.findall("w:tr", NS)[1].find("w:tc/w:p", NS)
    assert _all_text(name).startswith("Beslisboom")
    assert "Online" in "".join(_all_text(e) for e in name.iter(w("ins")))
    assert name.find(".//w:del", NS) is None
    when = _audit_time(seed_round, "beslisboom", "name@2022-06-01")
    assert {e.get(w("date")) for e in name.iter(w("ins"))} == {when}


def test_a_text_not_updated_says_so_dated_at_the_peildatum(
    seed_round: Register, seed_docs: tuple[bytes, bytes, bytes]
) -> None:
    tracked = seed_docs[0]
    # kept "ongewijzigd" in the round: the audit log's time
    kept = pilot_table(tracked, "Divosa / Gemeente Almere")
    when = _audit_time(seed_round, "divosa-gemeente-almere", "stand_van_zaken@2022-06-01")
    found = [(_all_text(e), e.get(w("date"))) for e in kept.iter(w("ins"))]
    assert ("(per 1 december 2021)", when) in found
    # not touched in the round: no audit entry, so the peildatum
    untouched = pilot_table(tracked, "Pilot Rotterdam-Zuid")
    found = [(_all_text(e), e.get(w("date"))) for e in untouched.iter(w("ins"))]
    assert ("(per 1 december 2021)", "2022-06-01T00:00:00Z") in found


def test_footnotes_a_new_reference_inserted_an_old_one_deleted(
    seed_docs: tuple[bytes, bytes, bytes],
) -> None:
    tracked = seed_docs[0]
    notes = footnotes(tracked)

    def refs(table: etree._Element, tag: str) -> list[str]:
        return [
            notes[int(r.get(w("id")))]
            for e in table.iter(w(tag))
            for r in e.iter(w("footnoteReference"))
        ]

    changed = pilot_table(tracked, "Wijkrechtbank Eindhoven")
    assert refs(changed, "ins") == ["Kamerstukken II, nr. 9"]
    (old,) = refs(changed, "del")
    assert old != "Kamerstukken II, nr. 9"  # the old note's text, kept for rejecting
    added = pilot_table(tracked, "Samenwerken in de eerste lijn")
    assert refs(added, "ins") == ["Zie ook de evaluatie."]
    assert refs(added, "del") == []
    # the ids follow the references, deleted ones included, and so does the footnotes
    # part (LibreOffice gives the notes to the references in that order)
    ids = [int(r.get(w("id"))) for r in _body(tracked).iter(w("footnoteReference"))]
    assert ids == sorted(ids) == list(range(1, len(ids) + 1))
    assert list(notes) == ids


def test_aandachtspunten_an_item_per_pilot_kept_inserted_or_deleted(seed_round: Register) -> None:
    """A list item names one pilot: never one pilot's item turned into another's."""
    tracked = documents(seed_round, summary=True)[0]
    items = 0
    for p in _body(tracked).iterfind("w:body/w:p", NS):
        style = p.find("w:pPr/w:pStyle", NS)
        if style is None or style.get(w("val")) != "ListBullet":
            continue
        items += 1
        bold = {
            change.tag for change in p if change.find("w:r/w:rPr/w:b", NS) is not None
        }  # the name is the bold part: deleted, inserted or (a plain run) kept
        assert len(bold) == 1, _all_text(p)
    assert items > 10


def test_without_the_option_the_document_is_clean(seed_round: Register) -> None:
    for kw in ({}, {"since": D0}):
        data = render(build_snapshot(seed_round, _options(P, **kw)), "docx")
        assert revisions(data) == []
    assert "Wijzigingen sinds" in body_text(data)  # --since alone: the chapter, as before


def test_revisions_are_for_word_and_need_an_earlier_date(seed_round: Register) -> None:
    tracked = build_snapshot(seed_round, _options(P, since=D0, track_changes=True))
    for fmt in ("md", "html", "csv", "json"):
        with pytest.raises(ValueError, match="alleen voor Word"):
            render(tracked, fmt)
    for since in (None, P):
        with pytest.raises(ValueError, match="eerdere peildatum"):
            build_snapshot(seed_round, _options(P, since=since, track_changes=True))


def test_the_same_register_gives_the_same_bytes(seed_round: Register) -> None:
    first = documents(seed_round, summary=True)[0]
    assert documents(seed_round, summary=True)[0] == first


def test_the_snapshot_register_with_its_hostile_text(tmp_path: Path) -> None:
    """The small test register (D0 -> D): new, closed, retitled texts, markup as text."""
    register = snapshot_register()
    tracked, at_p, at_d0 = documents(
        register, since=date(2021, 6, 1), peildatum=date(2021, 12, 1), summary=True, toc=True
    )
    assert revisions(tracked)
    assert_resolves(tracked, at_p, at_d0)
    assert "<script>" in _all_text(_body(tracked))  # text, never markup


# -- the command line -----------------------------------------------------------------------


def test_the_command_line_option(tmp_path: Path) -> None:
    store = tmp_path / "store.json"
    store.write_bytes(SEED_STORE.read_bytes())
    scripted_round(store)
    s = ("--store", str(store))
    code, _out, err = cli("snapshot", *s, "--track-changes", "-o", str(tmp_path / "a.docx"))
    assert code == 2 and err.count("\n") == 1 and "--since" in err
    code, _out, err = cli(
        "snapshot", *s, "--since", "2021-12-01", "--track-changes", "-o", str(tmp_path / "a.md")
    )
    assert code == 2 and err.count("\n") == 1 and "Word" in err
    assert not (tmp_path / "a.docx").exists() and not (tmp_path / "a.md").exists()
    target = tmp_path / "review.docx"
    code, _out, err = cli(
        "snapshot", *s, "--since", "1 december 2021", "--track-changes", "-o", str(target)
    )
    assert code == 0, err
    data = target.read_bytes()
    assert revisions(data)
    assert "Wijzigingen sinds" not in body_text(data)


# -- any two texts ----------------------------------------------------------------------------

WORDS = st.sampled_from(
    ["de", "pilot", "loopt", "in", "Rotterdam", "2021.", "(zie", "www.example.nl/x).", "• ", "\n"]
)
TEXT = st.lists(WORDS, max_size=14).map(lambda ws: " ".join(ws).replace(" \n ", "\n"))
NOTE = st.builds(
    Footnote,
    st.sampled_from(["Kamerstukken II", "Zie www.example.nl.", "Brief van 1 juni"]),
    st.sampled_from(["name", "achtergrond", "doel", "stand_van_zaken", "looptijd"]),
    st.sampled_from(["", "pilot", "Rotterdam", "loopt in"]),
)
VALUES = st.fixed_dictionaries(
    {
        "name": st.sampled_from(["Pilot Noord", "Pilot Noord-Oost", "Pilot Zuid"]),
        "achtergrond": TEXT,
        "doel": TEXT,
        "looptijd": st.sampled_from(["", "2022", "Mei 2020 – voorjaar 2022"]),
        "programma": st.sampled_from(["", "Divosa"]),
        "footnotes": st.lists(NOTE, max_size=2),
        "svz": TEXT,
        "entry": st.booleans(),  # an entry for the date (else the earlier text is kept)
        "status": st.sampled_from([Status.LOPEND, Status.AFGEROND]),
    }
)
LIFE = st.sampled_from([(True, True), (True, False), (False, True)])


def _pilot(pid: str, old: dict[str, Any], new: dict[str, Any], life: tuple[bool, bool]) -> Pilot:
    fields = ("name", "achtergrond", "doel", "looptijd", "programma", "footnotes")
    pilot = Pilot(id=pid, **{f: old[f] for f in fields})
    pilot.set_entry(HistoryEntry(D0, old["svz"], old["status"]))
    for f in fields:
        pilot.set_at(f, new[f], P)
    if new["entry"]:
        pilot.set_entry(HistoryEntry(P, new["svz"], new["status"]))
    then, now = life
    if not then:
        pilot.removed = True
        pilot.set_at("removed", False, P)
    elif not now:
        pilot.set_at("removed", True, P)
    return pilot


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(VALUES, VALUES, LIFE), min_size=1, max_size=4),
    st.sampled_from([None, "programma", "status"]),
    st.booleans(),
    st.booleans(),
)
def test_any_two_versions_resolve_to_their_documents(
    pilots: list[tuple[dict[str, Any], dict[str, Any], tuple[bool, bool]]],
    group_by: str | None,
    summary: bool,
    toc: bool,
) -> None:
    register = Register(title="Stand van zaken pilots", intro="Inleiding.", peildata=[D0, P])
    for k, (old, new, life) in enumerate(pilots):
        register.pilots.append(_pilot(f"p{k}", old, new, life))
    tracked, at_p, at_d0 = documents(register, group_by=group_by, summary=summary, toc=toc)
    assert_resolves(tracked, at_p, at_d0)
