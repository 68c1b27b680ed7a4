"""Random text in every field of every form and dialog: the app never exits, the form
keeps its text (or saves exactly that text).

Hypothesis draws the texts; each screen is opened once in one app and the examples run
inside it (hypothesis runs in a thread and hands each example to the app's event loop),
so many examples cost little. Text arrives as a burst of typed keys or as a bracketed
paste, field after field with tab in between, sometimes followed at once by ctrl+s or
enter, as tests/tui/input_burst.py sends it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual import events
from textual.widgets import Input, Static, TextArea

from pilot_tui.changes import ChangeError, parse_zaken, split_list
from pilot_tui.periods import parse_date, parse_window
from pilot_tui.tui.app import PilotApp
from pilot_tui.tui.dialogs.import_preview import ImportFileScreen
from pilot_tui.tui.dialogs.peildatum import PeildatumDialog
from pilot_tui.tui.dialogs.snapshot import SnapshotDialog
from pilot_tui.tui.dialogs.window import WindowDialog
from pilot_tui.tui.screens.main import MainScreen
from pilot_tui.tui.screens.pilot_form import PilotForm
from pilot_tui.tui.screens.update_entry import UpdateEntryForm
from pilot_tui.tui.widgets.text_fields import pasted_line

from .conftest import TODAY, MakeApp
from .input_burst import CTRL_S, ENTER, TAB, burst, settle, typed

SIZE = (80, 24)
EXAMPLES = 10
LINE_ENDS = ("\r\n", "\n", "\r")


# -- what the user sends, and what a field then holds -------------------------------------


@st.composite
def entries(draw: st.DrawFn, *, lines: bool) -> tuple[str, bool]:
    """(text, pasted): text for one field, pasted or typed. Typed text is what keys can
    type (printable characters; in a text area also new lines); a paste is anything."""
    if draw(st.booleans()):
        return draw(st.text(max_size=80)), True
    alphabet = st.characters(
        blacklist_categories=("Cs", "Cc", "Cf", "Zl", "Zp", "Co", "Cn"),
    )
    text = draw(st.text(alphabet=alphabet, max_size=80).filter(str.isprintable))
    if lines and text and draw(st.booleans()):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + "\n" + text[at:]
    return text, False


def keys_for(entry: tuple[str, bool]) -> list[Any]:
    """The entry typed or pasted (into a field emptied before: see ``emptied``)."""
    text, pasted = entry
    return [events.Paste(text) if pasted else text]


def emptied(screen: Any) -> None:
    """Every field of ``screen`` empty (set directly: selecting and deleting them with
    keys is tested elsewhere, and costs a frame per key)."""
    for field in screen.query(Input):
        field.value = ""
    for area in screen.query(TextArea):
        area.text = ""


def in_field(entry: tuple[str, bool]) -> str:
    """What a one-line field holds after the entry."""
    text, pasted = entry
    return pasted_line(text) if pasted else text


def in_area(entry: tuple[str, bool]) -> str:
    """What a text area holds after the entry: Textual's document splits lines at every
    line separator Python knows and joins them with a newline."""
    text, _pasted = entry
    lines = text.splitlines()
    if text.endswith(LINE_ENDS) or not text:
        lines.append("")
    return "\n".join(lines)


async def fuzz(
    app: PilotApp,
    strategy: st.SearchStrategy[Any],
    example: Callable[[Any], Awaitable[None]],
) -> None:
    """Run ``example`` in the app's event loop for each value hypothesis draws."""
    loop = asyncio.get_running_loop()

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(strategy)
    def run(value: Any) -> None:
        asyncio.run_coroutine_threadsafe(example(value), loop).result(timeout=120)
        assert app.is_running  # never exits

    await asyncio.to_thread(run)


async def opened(app: PilotApp, pilot: Any, key: str, screen_type: type) -> Any:
    if not isinstance(app.screen, screen_type):
        await burst(app, pilot, key)
    assert isinstance(app.screen, screen_type), app.screen
    return app.screen


# -- the forms -------------------------------------------------------------------------------

PILOT_INPUTS = ("name", "former_names")
PILOT_AREAS = ("achtergrond", "doel")
PILOT_MORE = ("programma", "gemeente", "rechtsgebied", "partners")


async def test_pilot_form_keeps_or_saves_any_text(make_app: MakeApp) -> None:
    app = make_app()
    line, area = entries(lines=False), entries(lines=True)
    strategy = st.tuples(
        st.tuples(*[line] * 2),
        st.tuples(*[area] * 2),
        line,
        st.tuples(*[line] * 4),
        area,
        st.booleans(),
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)

        async def example(value: Any) -> None:
            inputs, areas, looptijd, more, footnotes, save = value
            form = await opened(app, pilot, "n", PilotForm)
            emptied(form)
            form.query_one("#f-name", Input).focus()
            keys: list[Any] = []
            for entry in (*inputs, *areas, looptijd):
                keys += [*keys_for(entry), TAB]
            keys += [TAB, TAB]  # the two dropdowns
            for entry in (*more, footnotes):
                keys += [*keys_for(entry), TAB]
            await burst(app, pilot, *keys, *([CTRL_S] if save else []))
            want = {
                **{f: in_field(e) for f, e in zip(PILOT_INPUTS, inputs, strict=True)},
                **{f: in_area(e) for f, e in zip(PILOT_AREAS, areas, strict=True)},
                "looptijd": in_field(looptijd),
                **{f: in_field(e) for f, e in zip(PILOT_MORE, more, strict=True)},
                "footnotes": in_area(footnotes),
            }
            if isinstance(app.screen, PilotForm):  # not saved: every text is kept
                assert app.screen is form
                got = form.values()
                assert {f: got[f] for f in want} == want
                if save:
                    assert str(form.query_one("#name-problem", Static).content)
                return
            assert save and isinstance(app.screen, MainScreen)
            saved = [p for p in app.store.register.pilots if p.name == want["name"].strip()]
            assert len(saved) == 1
            new = saved[0]
            assert new.achtergrond == want["achtergrond"]
            assert new.doel == want["doel"]
            assert new.looptijd == want["looptijd"]
            assert new.former_names == split_list(want["former_names"])
            assert new.partners == split_list(want["partners"])
            assert new.gemeente == want["gemeente"]

        await fuzz(app, strategy, example)


ZAKEN = st.one_of(
    st.text(max_size=40).map(lambda t: (t, True)),
    st.integers(0, 2_000_000_000).map(lambda n: (f"{n:,}".replace(",", "."), False)),
    st.integers(-5, 99_999).map(lambda n: (str(n), False)),
    st.sampled_from(["²", "12a", "1 240", "1,5", "9" * 30, "9" * 5_000]).map(lambda t: (t, True)),
)


async def test_update_form_keeps_or_saves_any_text(make_app: MakeApp) -> None:
    app = make_app()
    strategy = st.tuples(entries(lines=True), ZAKEN, st.booleans())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)

        async def example(value: Any) -> None:
            text, zaken, save = value
            form = await opened(app, pilot, "u", UpdateEntryForm)
            pilot_id = form.pilot.id
            emptied(form)
            form.query_one("#e-text", TextArea).focus()
            keys = [*keys_for(text), TAB, TAB, *keys_for(zaken)]
            await burst(app, pilot, *keys, *([CTRL_S] if save else []))
            want_text, want_zaken = in_area(text), in_field(zaken)
            try:
                count = parse_zaken(want_zaken)
            except ChangeError:
                count = -1
            if isinstance(app.screen, UpdateEntryForm):  # not saved: every text is kept
                assert app.screen is form
                assert form.values()[0] == want_text
                assert form.values()[2] == want_zaken
                if save and not want_text.strip():  # a text is needed: said at the field
                    assert str(form.query_one("#text-problem", Static).content)
                elif save:
                    assert count == -1
                    assert str(form.query_one("#zaken-problem", Static).content)
                return
            assert save and count != -1 and want_text.strip()
            saved = app.store.register.get(pilot_id)
            assert saved is not None
            entry = saved.entry_for(app.peildatum)
            assert entry is not None and entry.zaken == count
            if form.initial is not None and want_text == form.initial[0]:
                assert entry.stand_van_zaken == form.prefilled  # untouched: as stored
            else:
                assert entry.stand_van_zaken == want_text.strip()

        await fuzz(app, strategy, example)


# -- the dialogs with a field ----------------------------------------------------------------


async def test_peildatum_dialog_any_text(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)

        async def example(value: tuple[tuple[str, bool], bool]) -> None:
            entry, enter = value
            dialog = await opened(app, pilot, "p", PeildatumDialog)
            field = dialog.query_one(Input)
            emptied(dialog)
            field.focus()
            await burst(app, pilot, *keys_for(entry), *([ENTER] if enter else []))
            text = in_field(entry)
            parsed = parse_date(text, today=TODAY) if text.strip() else None
            if enter and parsed is not None:
                assert isinstance(app.screen, MainScreen)
                assert app.peildatum == parsed
            else:
                assert app.screen is dialog and field.value == text

        await fuzz(app, st.tuples(entries(lines=False), st.booleans()), example)


async def test_window_dialog_any_text(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)

        async def example(value: tuple[tuple[str, bool], bool]) -> None:
            entry, enter = value
            dialog = await opened(app, pilot, "w", WindowDialog)
            field = dialog.query_one("#window-input", Input)
            emptied(dialog)
            field.focus()
            await burst(app, pilot, *keys_for(entry), *([ENTER] if enter else []))
            text = in_field(entry)
            parsed = parse_window(text) if text.strip() else None
            if enter and parsed is not None:
                assert isinstance(app.screen, MainScreen)
                assert app.window == parsed
            else:
                assert app.screen is dialog and field.value == text

        await fuzz(app, st.tuples(entries(lines=False), st.booleans()), example)


async def test_search_any_text(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)

        async def example(value: tuple[tuple[str, bool], bool]) -> None:
            entry, enter = value
            app.main.search.value = ""
            app.main.pilot_list.focus()  # "/" in the search box would be text
            await burst(app, pilot, "/", *keys_for(entry), *([ENTER] if enter else []))
            assert isinstance(app.screen, MainScreen)
            assert app.main.search.value == in_field(entry)
            assert app.search_query == in_field(entry)
            assert (app.focused is app.main.pilot_list) == enter

        await fuzz(app, st.tuples(entries(lines=False), st.booleans()), example)


async def test_snapshot_dialog_any_file_name_and_date(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typed, not entered: an entered random name would write a file wherever it says."""
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)

        async def example(value: tuple[tuple[str, bool], tuple[str, bool], bool]) -> None:
            name, since, left = value
            dialog = await opened(app, pilot, "s", SnapshotDialog)
            path = dialog.query_one("#snapshot-path", Input)
            emptied(dialog)
            path.focus()
            keys = [*keys_for(name), TAB, *keys_for(since)]
            await burst(app, pilot, *keys, *([events.Key("left", None)] if left else []))
            assert app.screen is dialog
            assert dialog.query_one("#snapshot-since", Input).value == in_field(since)
            shown = path.value
            if not left:  # a format chosen with the arrows may change the extension
                assert shown == in_field(name)

        await fuzz(
            app, st.tuples(entries(lines=False), entries(lines=False), st.booleans()), example
        )


async def test_import_dialog_any_path(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.action_import_overview()
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ImportFileScreen)

        async def example(entry: tuple[str, bool]) -> None:
            field = dialog.query_one(Input)
            emptied(dialog)
            field.focus()
            await burst(app, pilot, *keys_for(entry))
            assert app.screen is dialog and field.value == in_field(entry)
            assert dialog.message

        await fuzz(app, entries(lines=False), example)


def test_typed_text_is_keys_of_printable_characters() -> None:
    assert [k.key for k in typed("a/é\n")] == ["a", "slash", "é", "enter"]  # type: ignore[attr-defined]
    assert in_area(("a\r\nb\n", True)) == "a\nb\n"
    assert in_field(("a\nb", True)) == "a b"


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("~geen-gebruiker-hier/stand.md", "geen gebruiker"),
        ("x" * 300 + ".md", "te lang"),
        ("sta\x00nd.md", "teken"),
        ("/", "een map"),
        ("geen/map/hier/stand.md", "Map bestaat niet"),
    ],
)
async def test_snapshot_dialog_says_why_a_name_cannot_be_used(
    make_app: MakeApp,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    says: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        dialog = await opened(app, pilot, "s", SnapshotDialog)
        path = dialog.query_one("#snapshot-path", Input)
        emptied(dialog)
        path.focus()
        await burst(app, pilot, events.Paste(name), ENTER, events.Key("left", None))
        assert app.screen is dialog  # refused: no file, the dialog stays with the name
        assert path.value.endswith(name[-6:])
        message = str(dialog.query_one("#snapshot-path-message", Static).content)
        assert says in message and "\n" not in message
    assert not [p for p in tmp_path.rglob("*") if p.suffix in (".md", ".docx")]
