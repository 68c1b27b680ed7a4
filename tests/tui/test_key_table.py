"""Every key of the app does one thing: a key bound twice (on the app and on a screen, or
twice on one screen) would silently do only one of them, and help would show only that one."""

from __future__ import annotations

import pytest
from textual.binding import Binding, BindingType
from textual.screen import Screen

from pilot_tui.tui.app import PilotApp
from pilot_tui.tui.screens.main import MainScreen
from pilot_tui.tui.screens.overview import OverviewScreen
from pilot_tui.tui.screens.review import ReviewScreen


def _keys(bindings: list[BindingType]) -> list[str]:
    keys: list[str] = []
    for binding in bindings:
        assert isinstance(binding, Binding)
        keys += [key.strip() for key in binding.key.split(",")]
    return keys


def _twice(keys: list[str]) -> set[str]:
    return {key for key in keys if keys.count(key) > 1}


@pytest.mark.parametrize("screen", [MainScreen, OverviewScreen, ReviewScreen])
def test_no_key_of_a_screen_is_bound_twice(screen: type[Screen[None]]) -> None:
    assert _twice(_keys(screen.BINDINGS)) == set()


def test_no_key_of_the_app_is_taken_by_the_main_screen() -> None:
    """The main screen's bindings come before the app's: a key on both never reaches the
    app's action."""
    assert set(_keys(PilotApp.BINDINGS)) & set(_keys(MainScreen.BINDINGS)) == set()


def test_a_shadowed_key_is_found() -> None:
    """The checks above can fail: a key bound twice is reported."""
    bindings: list[BindingType] = [Binding("g", "a", "A"), Binding("x,g", "b", "B")]
    assert _twice(_keys(bindings)) == {"g"}
