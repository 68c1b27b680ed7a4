"""The editing screens on their own, in a small host app: pilot form, stand-van-zaken form,
confirmation, review mode (with a fake host); and the review order (pure)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from pilot_tui.changes import EntryChange
from pilot_tui.model import Footnote, HistoryEntry, Pilot, Status
from pilot_tui.periods import parse_window
from pilot_tui.review import ReviewGroup, first_open, progress, review_order
from pilot_tui.tui.dialogs.confirm import ConfirmDialog
from pilot_tui.tui.screens.pilot_form import PilotForm, footnotes_from, read_looptijd
from pilot_tui.tui.screens.review import ReviewScreen
from pilot_tui.tui.screens.update_entry import UpdateEntryForm, prefill
from pilot_tui.tui.view import Detail

from ..conftest import D2, small_register

NOT_YET = object()


class Host(App[None]):
    """Pushes one screen on mount and keeps what it was dismissed with."""

    def __init__(self, make: Callable[[], Any]) -> None:
        super().__init__()
        self.make = make
        self.result: object = NOT_YET

    def compose(self) -> ComposeResult:
        yield Label("host")

    def on_mount(self) -> None:
        self.theme = "textual-dark"
        self.push_screen(self.make(), self.done)

    def done(self, result: object) -> None:
        self.result = result


def text_of(app: App[Any], selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


# -- looptijd reading and footnotes (pure) ------------------------------------------------


def test_looptijd_reading() -> None:
    good = read_looptijd("September 2020 – juni 2022")
    assert good.ok
    assert good.text == "Gelezen als: 1 september 2020 – uiterlijk 30 juni 2022"
    bad = read_looptijd("ooit eens")
    assert not bad.ok
    assert bad.text.startswith("Niet te lezen: ")
    assert read_looptijd("  ").empty


def test_footnotes_keep_their_place() -> None:
    old = [Footnote("een", "achtergrond", "ankertje"), Footnote("twee", "doel", "b")]
    new = footnotes_from("twee\neen (aangepast)\n\ndrie", old)
    assert [f.text for f in new] == ["twee", "een (aangepast)", "drie"]
    assert (new[0].section, new[0].anchor) == ("doel", "b")  # same text: same place
    assert (new[1].section, new[1].anchor) == ("achtergrond", "ankertje")  # edited "een"
    assert new[2].section == "stand_van_zaken"


# -- the pilot form ---------------------------------------------------------------------


def huur() -> tuple[Any, Pilot]:
    register = small_register()
    pilot = register.get("huur")
    assert pilot is not None
    return register, pilot


async def test_edit_form_shows_every_field_and_returns_only_changes() -> None:
    register, pilot = huur()
    pilot.partners = ["Het Juridisch Loket", "Raad"]
    app = Host(lambda: PilotForm(register, pilot))
    async with app.run_test(size=(100, 40)) as pilot_driver:
        await pilot_driver.pause()
        screen = app.screen
        assert isinstance(screen, PilotForm)
        assert screen.query_one("#f-name", Input).value == pilot.name
        assert screen.query_one("#f-doel", TextArea).text == "Doelen:\n• sneller\n• beter"
        assert screen.query_one("#f-partners", Input).value == "Het Juridisch Loket; Raad"
        assert screen.query_one("#f-status", Select).value == "lopend"
        assert "Gelezen als: " in text_of(app, "#looptijd-reading")
        # change the looptijd: the reading follows as you type
        looptijd = screen.query_one("#f-looptijd", Input)
        looptijd.focus()
        looptijd.value = ""
        await pilot_driver.press(*"1 sep 2020 - 30 jun 2022")
        await pilot_driver.pause()
        assert text_of(app, "#looptijd-reading") == ("Gelezen als: 1 september 2020 – 30 juni 2022")
        await pilot_driver.press("ctrl+s")
        await pilot_driver.pause()
    result = app.result
    assert isinstance(result, Pilot)
    assert result.looptijd == "1 sep 2020 - 30 jun 2022"
    # everything else exactly as stored
    assert result.name == pilot.name
    assert result.partners == ["Het Juridisch Loket", "Raad"]
    assert result.footnotes == pilot.footnotes
    assert result.history == pilot.history


async def test_unreadable_looptijd_is_shown_as_warning_but_saves() -> None:
    register, pilot = huur()
    app = Host(lambda: PilotForm(register, pilot))
    async with app.run_test(size=(100, 40)) as driver:
        await driver.pause()
        screen = app.screen
        screen.query_one("#f-looptijd", Input).value = "ooit eens"
        await driver.pause()
        reading = screen.query_one("#looptijd-reading", Static)
        assert str(reading.content).startswith("Niet te lezen: ")
        assert reading.has_class("-warning")
        await driver.press("ctrl+s")
        await driver.pause()
    assert isinstance(app.result, Pilot)
    assert app.result.looptijd == "ooit eens"


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("", "de naam mag niet leeg zijn"),
        (
            "  divosa / gemeente ALMERE ",
            "er is al een pilot met de naam „Divosa / Gemeente Almere”",
        ),
    ],
)
async def test_bad_names_are_refused_inline(name: str, problem: str) -> None:
    register, pilot = huur()
    app = Host(lambda: PilotForm(register, pilot))
    async with app.run_test(size=(100, 40)) as driver:
        await driver.pause()
        screen = app.screen
        field = screen.query_one("#f-name", Input)
        field.value = name
        await driver.pause()
        assert text_of(app, "#name-problem") == problem  # as you type
        assert field.has_class("-invalid")
        await driver.press("ctrl+s")
        await driver.pause()
        assert app.screen is screen  # refused: the form stays
        assert field.has_focus
        assert app.result is NOT_YET


async def test_new_form_starts_quiet_and_refuses_an_empty_name() -> None:
    register = small_register()
    app = Host(lambda: PilotForm(register))
    async with app.run_test(size=(100, 40)) as driver:
        await driver.pause()
        assert not app.screen.query_one("#name-problem").display
        toasts: list[object] = []
        bells: list[None] = []
        app.notify = lambda *a, **k: toasts.append(a)  # type: ignore[method-assign]
        app.bell = lambda: bells.append(None)  # type: ignore[method-assign]
        await driver.press("ctrl+s")
        await driver.pause()
        assert text_of(app, "#name-problem") == "de naam mag niet leeg zijn"
        assert bells and not toasts  # said under the field: no toast over the form
        await driver.press(*"Nieuwe pilot", "tab")
        await driver.pause()
        assert not app.screen.query_one("#name-problem").display
        await driver.press("ctrl+s")
        await driver.pause()
    assert isinstance(app.result, Pilot)
    assert app.result.name == "Nieuwe pilot"
    assert app.result.id == ""


async def test_escape_without_changes_closes_at_once() -> None:
    register, pilot = huur()
    app = Host(lambda: PilotForm(register, pilot))
    async with app.run_test(size=(100, 40)) as driver:
        await driver.pause()
        await driver.press("escape")
        await driver.pause()
    assert app.result is None


async def test_escape_with_changes_asks_first() -> None:
    register, pilot = huur()
    app = Host(lambda: PilotForm(register, pilot))
    async with app.run_test(size=(100, 40)) as driver:
        await driver.pause()
        await driver.press(*" (nieuw)")
        await driver.press("escape")
        await driver.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Wijzigingen weggooien?" in str(
            app.screen.query_one(".confirm-title", Label).content
        )
        await driver.press("enter")  # the focus is on "Verder bewerken"
        await driver.pause()
        assert isinstance(app.screen, PilotForm)
        assert app.screen.query_one("#f-name", Input).value.endswith(" (nieuw)")
        await driver.press("escape")
        await driver.pause()
        await driver.press("shift+tab", "enter")  # "Weggooien" never takes the focus
        await driver.pause()
        assert isinstance(app.screen, PilotForm)
        await driver.press("escape")
        await driver.pause()
        assert "Weggooien (w)" in str(app.screen.query_one("#confirm-yes", Button).label)
        await driver.press("w")  # its own key
        await driver.pause()
    assert app.result is None


async def test_edit_form_fits_80x24_and_scrolls_to_the_focused_field() -> None:
    register, pilot = huur()
    app = Host(lambda: PilotForm(register, pilot))
    async with app.run_test(size=(80, 24)) as driver:
        await driver.pause()
        for _ in range(9):
            await driver.press("tab")
        await driver.pause()
        focused = app.focused
        assert focused is not None
        fields = app.screen.query_one("#form-fields")
        assert fields.scroll_y > 0
        assert focused.region.y < 24


# -- the stand-van-zaken form ------------------------------------------------------------


def test_prefill_takes_the_previous_entry() -> None:
    _register, pilot = huur()
    text, status, zaken, note = prefill(pilot, date(2022, 12, 1))
    assert text == pilot.history[-1].stand_van_zaken
    assert status is Status.LOPEND
    assert zaken == ""
    assert "1 juni 2022" in note
    pilot.set_entry(HistoryEntry(D2, "nu", Status.LOPEND, zaken=12))
    assert prefill(pilot, D2)[2] == "12"
    assert "al een stand van zaken" in prefill(pilot, D2)[3]


async def test_update_form_returns_the_change() -> None:
    _register, pilot = huur()
    new = date(2022, 12, 1)
    app = Host(lambda: UpdateEntryForm(pilot, new, new_peildatum=True))
    async with app.run_test(size=(80, 24)) as driver:
        await driver.pause()
        screen = app.screen
        area = screen.query_one("#e-text", TextArea)
        assert area.has_focus
        assert area.text == pilot.history[-1].stand_van_zaken
        assert "Peildatum 1 december 2022 is nieuw" in "\n".join(
            str(w.content) for w in screen.query(".form-note").results(Static)
        )
        area.text = "Afgerond met een evaluatie."
        screen.query_one("#e-status", Select).value = "afgerond"
        zaken = screen.query_one("#e-zaken", Input)
        zaken.value = "twaalf"
        await driver.pause()
        assert "geheel getal" in text_of(app, "#zaken-problem")
        await driver.press("ctrl+s")
        await driver.pause()
        assert app.result is NOT_YET  # refused inline
        zaken.value = "12"
        await driver.press("ctrl+s")
        await driver.pause()
    assert app.result == EntryChange("Afgerond met een evaluatie.", Status.AFGEROND, 12, True)


# -- confirmation ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["enter"], False),  # the safe answer, always
        (["escape"], False),
        (["tab", "enter"], False),  # the destructive button never takes the focus
        (["right", "enter"], False),
        (["v"], True),  # its own key
        (["x", "enter"], False),
    ],
)
async def test_confirm_dialog_enter_is_the_safe_answer(keys: list[str], expected: bool) -> None:
    app = Host(
        lambda: ConfirmDialog("Pilot verwijderen?", "„X” verwijderen?", "Verwijderen", key="v")
    )
    async with app.run_test(size=(80, 24)) as driver:
        await driver.pause()
        assert "„X” verwijderen?" in text_of(app, "#confirm-message")
        # the key is on the button and in the line of keys
        assert str(app.screen.query_one("#confirm-yes", Button).label) == "Verwijderen (v)"
        assert "v: Verwijderen · enter of escape: Annuleren" in text_of(app, ".confirm-help")
        await driver.press(*keys)
        await driver.pause()
    assert app.result is expected


async def test_confirm_dialog_destructive_button_answers_a_click() -> None:
    app = Host(lambda: ConfirmDialog("Weggooien?", "Zeker?", "Weggooien", "Verder", key="w"))
    async with app.run_test(size=(80, 24)) as driver:
        await driver.pause()
        await driver.click("#confirm-yes")
        await driver.pause()
    assert app.result is True


# -- review order (pure) -----------------------------------------------------------------


def test_review_order_urgent_first_closed_left_out() -> None:
    register = small_register()
    window = parse_window("3m")
    assert window is not None
    items = review_order(register, D2, window)
    ids = [item.pilot_id for item in items]
    assert "klaar" not in ids  # afgerond
    assert ids[0] == "huur"  # verlopen (december 2021)
    assert items[0].group is ReviewGroup.VERLOPEN
    groups = [item.group for item in items]
    assert groups == sorted(groups)
    # "niet bijgewerkt": no entry for the peildatum before D2 (D1)
    register.peildata.append(date(2022, 12, 1))
    later = review_order(register, date(2022, 12, 1), window)
    stale = {i.pilot_id for i in later if i.group is ReviewGroup.NIET_BIJGEWERKT}
    assert "huur" not in stale  # verlopen comes first
    assert stale <= {"almere", "later", "hostile"}


def test_review_progress_from_the_register() -> None:
    register = small_register()
    window = parse_window("3m")
    assert window is not None
    items = review_order(register, D2, window)
    done = progress(register, items, D2)
    assert done == 1  # huur has an entry for D2
    assert first_open(register, items, D2) == 1
    for item in items:
        pilot = register.get(item.pilot_id)
        assert pilot is not None
        pilot.set_entry(HistoryEntry(D2, "x", Status.LOPEND))
    assert progress(register, items, D2) == len(items)
    assert first_open(register, items, D2) is None


def test_review_order_stays_when_a_pilot_is_closed_at_the_peildatum() -> None:
    register = small_register()
    window = parse_window("3m")
    assert window is not None
    before = review_order(register, D2, window)
    almere = register.get("almere")
    assert almere is not None
    almere.set_entry(HistoryEntry(D2, "klaar", Status.AFGEROND))
    assert review_order(register, D2, window) == before


# -- review screen with a fake host ------------------------------------------------------


class FakeHost:
    def __init__(self) -> None:
        self.states: dict[str, str] = {}
        self.moved: list[str] = []
        self.updates: list[str] = []

    def review_detail(self, pilot_id: str) -> Detail | None:
        return None

    def review_state(self, pilot_id: str) -> str:
        return self.states.get(pilot_id, "")

    def review_update(self, pilot_id: str, then: Callable[[bool], None]) -> None:
        self.updates.append(pilot_id)
        self.states[pilot_id] = "updated"
        then(True)

    def review_keep(self, pilot_id: str) -> bool:
        self.states[pilot_id] = "unchanged"
        return True

    def review_moved(self, pilot_id: str) -> None:
        self.moved.append(pilot_id)


async def test_review_screen_walks_and_counts() -> None:
    register = small_register()
    window = parse_window("3m")
    assert window is not None
    items = review_order(register, D2, window)
    host = FakeHost()
    app = Host(lambda: ReviewScreen(host, items, D2, 0))
    async with app.run_test(size=(80, 24)) as driver:
        await driver.pause()
        total = len(items)
        assert text_of(app, "#review-progress").endswith(
            f"bijgewerkt 0/{total} voor peildatum 1 juni 2022"
        )
        assert f"· pilot 1 van {total} ·" in text_of(app, "#review-title")
        await driver.press("u")  # update: the host saves, the screen moves on
        await driver.pause()
        assert host.updates == [items[0].pilot_id]
        assert f"· pilot 2 van {total} ·" in text_of(app, "#review-title")
        await driver.press("g")  # keep unchanged
        await driver.pause()
        assert host.states[items[1].pilot_id] == "unchanged"
        assert f"bijgewerkt 2/{total}" in text_of(app, "#review-progress")
        await driver.press("s")  # skip
        await driver.press("left")  # previous
        await driver.pause()
        assert f"· pilot 3 van {total} ·" in text_of(app, "#review-title")
        assert "nog niet bijgewerkt" in text_of(app, "#review-state")
        await driver.press("escape")
        await driver.pause()
    assert app.result is None
    assert host.moved[0] == items[0].pilot_id
    assert host.moved[-1] == items[2].pilot_id


# -- history and word diff (pure) --------------------------------------------------------


def test_history_lines_and_word_diff() -> None:
    from pilot_tui.tui.history import entry_diff, history_lines

    _register, pilot = huur()  # entries at D1 and D2
    pilot.set_entry(HistoryEntry(D2, "Huurders sneller geholpen dan verwacht.", Status.LOPEND, 7))
    pilot.history[0].stand_van_zaken = "Huurders sneller helpen."
    lines = history_lines(pilot, D2)
    assert [line.peildatum for line in lines] == [D2, date(2021, 12, 1)]
    assert lines[0].label == "1 juni 2022 · status lopend · 7 zaken"
    assert lines[0].current and not lines[1].current
    assert history_lines(pilot, date(2022, 1, 1))[1].current  # per-peildatum lookup
    diff = entry_diff(pilot, D2)
    assert diff is not None and not diff.same
    assert diff.title == "Gewijzigd t.o.v. 1 december 2021"
    ops = [(op.op, op.text) for line in diff.lines for op in line]
    assert ("delete", "helpen.") in ops
    assert ("insert", "geholpen dan verwacht.") in ops
    assert entry_diff(pilot, date(2022, 1, 1)) is None  # the first entry: nothing before it
    pilot.history[1].stand_van_zaken = "Huurders sneller helpen. Nu ook in Utrecht."
    appended = entry_diff(pilot, D2)
    assert appended is not None
    assert [(op.op, op.text.strip()) for line in appended.lines for op in line] == [
        ("equal", "Huurders sneller helpen."),
        ("insert", "Nu ook in Utrecht."),
    ]  # the last word before the addition is not shown as changed
    pilot.history[1].stand_van_zaken = "Huurders sneller helpen."
    same = entry_diff(pilot, D2)
    assert same is not None and same.same and same.title == "Geen verschil met 1 december 2021."
