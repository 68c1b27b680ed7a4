"""The plain-data side of the TUI: search, highlighting, sort, filter, settings, run()."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from pilot_tui.attention import Attention, assess_all
from pilot_tui.model import CLOSED_STATUSES
from pilot_tui.store import Store
from pilot_tui.text import for_screen, normalise, strip_controls
from pilot_tui.tui import app as app_module
from pilot_tui.tui import run as run_module
from pilot_tui.tui import settings
from pilot_tui.tui.view import (
    Filter,
    SortOrder,
    fold,
    match_spans,
    narrows,
    pilot_search_text,
    query_words,
    select,
)

from .conftest import window


def test_match_spans_fold_case_accents_and_ligatures() -> None:
    text = "ADR cliëntenondersteuning in Oude Ĳsselstreek"
    spans = match_spans(text, query_words("CLIENTEN ijssel"))
    assert [text[s:e] for s, e in spans] == ["cliënten", "Ĳssel"]
    assert match_spans(text, ()) == []
    assert match_spans("", ("x",)) == []


def test_match_spans_merge_overlaps() -> None:
    assert match_spans("divosa", ("divo", "vosa")) == [(0, 6)]


def test_clean_strips_controls_but_keeps_markup_characters() -> None:
    assert for_screen("[b]x[/b]\x1b]0;title\x07\u202e!") == "[b]x[/b]!"
    assert for_screen("a\tb") == "a b"


def test_search_text_covers_every_field(small_store: Path) -> None:
    with Store.open(small_store, readonly=True) as store:
        pilot = store.register.get("huur")
        assert pilot is not None
        text = pilot_search_text(pilot)
    for needle in ("huurdomein", "huurders", "sneller", "raad voor rechtsbijstand", "example"):
        assert needle in text
    assert "stand van regie" in text  # history texts too


def test_select_filters_and_sorts(seed_store: Path) -> None:
    with Store.open(seed_store, readonly=True) as store:
        assessed = assess_all(store.register, date(2022, 6, 1), window("3m"))
        texts = {a.pilot.id: pilot_search_text(a.pilot) for a in assessed}
    every = select(assessed, texts, (), Filter(), SortOrder.ATTENTION)
    ranks = [a.attention.rank for a in every]
    assert ranks == sorted(ranks)
    by_name = select(assessed, texts, (), Filter(), SortOrder.NAME)
    assert [a.pilot.name.casefold() for a in by_name] == sorted(
        a.pilot.name.casefold() for a in by_name
    )
    by_days = select(assessed, texts, (), Filter(), SortOrder.DAYS)
    closed = [a.status in CLOSED_STATUSES for a in by_days]
    assert closed == sorted(closed) and any(closed)  # the closed ones, without days, last
    open_ones = [a for a in by_days if a.status not in CLOSED_STATUSES]
    days = [a.days_left for a in open_ones if a.days_left is not None]
    assert days == sorted(days)
    by_end = select(assessed, texts, (), Filter(), SortOrder.END)
    assert [a.pilot.id for a in by_days] != [a.pilot.id for a in by_end]
    expired = select(
        assessed, texts, (), Filter(attentions=frozenset({Attention.VERLOPEN})), SortOrder.END
    )
    assert expired and all(a.attention is Attention.VERLOPEN for a in expired)
    divosa_almere = select(assessed, texts, query_words("divosa almere"), Filter(), SortOrder.NAME)
    assert [a.pilot.name for a in divosa_almere] == ["Divosa / Gemeente Almere"]


def test_sort_order_cycles_through_all() -> None:
    order = SortOrder.ATTENTION
    seen = []
    for _ in SortOrder:
        seen.append(order)
        order = order.next()
    assert order is SortOrder.ATTENTION and set(seen) == set(SortOrder)


def test_window_spec_round_trips() -> None:
    for text in ("1m", "3m", "6m", "12m", "90d", "1j"):
        w = window(text)
        spec = settings.window_spec(w)
        assert spec is not None
        assert window(spec).delta == w.delta
    # it comes back with the same name: a year as a year, 12 months as 12 months
    for text, label in (("1j", "1 jaar"), ("12m", "12 maanden"), ("90d", "90 dagen")):
        assert window(settings.window_spec(window(text)) or "").label == label


def test_settings_save_and_load(tmp_path: Path) -> None:
    folder = tmp_path / "cfg"
    settings.save(folder, settings.Settings(theme="nord", window="6m"))
    loaded, problem = settings.load(folder)
    assert problem is None
    assert loaded.theme == "nord" and loaded.window == "6m"
    (folder / settings.FILENAME).write_text("[]", encoding="utf-8")
    loaded, problem = settings.load(folder)
    assert problem is not None and loaded == settings.Settings()


def test_config_dir_from_environment(config_dir: Path) -> None:
    assert settings.config_dir() == config_dir


def test_run_opens_read_only_when_the_register_is_locked(
    seed_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, object] = {}

    def fake_run(self: app_module.PilotApp) -> None:
        seen["readonly"] = self.store.readonly
        seen["notice"] = self.notice
        seen["peildatum"] = self.peildatum

    monkeypatch.setattr(app_module.PilotApp, "run", fake_run)
    assert run_module.run(seed_store, date(2022, 6, 1), None) == 0
    assert seen == {"readonly": False, "notice": None, "peildatum": date(2022, 6, 1)}
    with Store.open(seed_store):  # someone else has it open
        assert run_module.run(seed_store, None, None) == 0
    assert seen["readonly"] is True
    assert "register in gebruik" in str(seen["notice"])


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (("p063",), ("p0632",), True),  # typing on
        (("jeugd",), ("jeugd", "zorg"), True),  # another word
        (("jeugd", "zorg"), ("jeugdzorg",), True),  # both inside one
        (("p0632",), ("p063",), False),  # backspace: more can match
        (("jeugd",), ("zorg",), False),  # another query
        ((), ("a",), False),  # nothing searched before: the whole list
        (("a",), (), False),  # search cleared
    ],
)
def test_narrows(before: tuple[str, ...], after: tuple[str, ...], expected: bool) -> None:
    assert narrows(before, after) is expected


# Text with what register text holds: Dutch accents, ligatures, combining marks, other
# scripts, white space of every kind, control characters and terminal escapes.
_TEXTS = st.text(
    alphabet=st.one_of(
        st.sampled_from("aeiouAEIOU ijsselĲĳßæœéëïöüÉËÏÖÜ\u0301\u0308\t\n\r\u00a0\x07\x1b[m"),
        st.characters(exclude_categories=("Cs",)),
    ),
    max_size=40,
)


@given(_TEXTS)
@example("Ꭰ")  # casefold() makes Cherokee small letters capitals; lower() must not undo it
@example("ꭰ Straße İ ﬁ")
def test_fold_is_normalise_per_word(text: str) -> None:
    """fold() (fast, per character) finds the same words as model.normalise."""
    assert " ".join(fold(text).split()) == normalise(strip_controls(text))


@given(_TEXTS.filter(lambda t: "\x1b" not in t), st.data())
def test_match_spans_mark_where_the_word_is(text: str, data: st.DataObject) -> None:
    folded = fold(text)
    words = folded.split()
    if not words:  # nothing to find
        assert match_spans(text, ("x",)) == []
        return
    word = data.draw(st.sampled_from(words))
    start = data.draw(st.integers(0, len(word) - 1))
    part = word[start : data.draw(st.integers(start + 1, len(word)))]
    spans = match_spans(text, (part,))
    assert spans  # it is in the text, so it is marked
    for s, e in spans:
        assert 0 <= s < e <= len(text)
        assert part in fold(text[s:e])


@pytest.mark.parametrize(
    ("text", "query", "marked"),
    [
        ("Ĳsselstreek", "ijssel", ["Ĳssel"]),
        ("Straße", "strasse", ["Straße"]),
        ("café e\u0301tude", "cafe etude", ["café", "e\u0301tude"]),
        ("ab\x07cd", "abcd", ["ab\x07cd"]),  # a control character does not split a word
        ("plain ASCII text", "ascii", ["ASCII"]),
    ],
)
def test_match_spans_table(text: str, query: str, marked: list[str]) -> None:
    assert [text[s:e] for s, e in match_spans(text, query_words(query))] == marked


def test_search_ranks_name_before_other_fields_and_whole_words_first() -> None:
    from datetime import date

    from pilot_tui.attention import assess
    from pilot_tui.model import Pilot
    from pilot_tui.tui.view import query_words, ranked

    def a(pid: str, name: str) -> object:
        return assess(Pilot(id=pid, name=name), date(2022, 1, 1), date(2022, 4, 1), None)

    found = [
        a("elders", "Wijkteam Hillesluis"),  # matched in another field
        a("deel", "Sociaal raadsliedenwerk"),  # part of a word
        a("heel", "Sociaal raadslieden Rotterdam"),  # whole words
        a("heel2", "Sociaal Raadslieden Utrecht"),
    ]
    order = [x.pilot.id for x in ranked(found, query_words("sociaal raadslieden"))]  # type: ignore[attr-defined]
    assert order == ["heel", "heel2", "deel", "elders"]
    assert ranked(found, ()) == found  # no search: the list's own order
