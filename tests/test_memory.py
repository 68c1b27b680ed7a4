"""pilot_tui.memory: the cyclic collector paused while a register is read, and a large
register kept out of collections while the app holds it."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pilot_tui import cli, memory
from pilot_tui.cli import reading
from pilot_tui.store import Store, facade


@pytest.fixture(autouse=True)
def _collector_as_found() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    (gc.enable if enabled else gc.disable)()


@pytest.mark.parametrize("enabled", [True, False])
def test_a_pause_restores_the_collector_as_it_was(enabled: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    with memory.collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled() is enabled


def test_a_pause_ends_with_its_last_overlapping_pause() -> None:
    gc.enable()
    outer = memory.collector_paused()
    inner = memory.collector_paused()
    outer.__enter__()
    inner.__enter__()
    outer.__exit__(None, None, None)  # overlapping, not nested: the first to begin ends first
    assert not gc.isenabled()
    inner.__exit__(None, None, None)
    assert gc.isenabled()


def test_pauses_in_two_threads_overlap() -> None:
    gc.enable()
    entered, release = threading.Event(), threading.Event()

    def other() -> None:
        with memory.collector_paused():
            entered.set()
            release.wait(5)

    thread = threading.Thread(target=other)
    thread.start()
    assert entered.wait(5)
    with memory.collector_paused():
        release.set()
        thread.join(5)
        assert not gc.isenabled()  # the other thread's pause ended, this one has not
    assert gc.isenabled()


def test_a_pause_ends_when_its_block_raises() -> None:
    gc.enable()
    with pytest.raises(ValueError), memory.collector_paused():
        raise ValueError("boom")
    assert gc.isenabled()


@pytest.mark.parametrize(
    ("pilots", "kept"),
    [(0, False), (memory.LARGE - 1, False), (memory.LARGE, True), (10 * memory.LARGE, True)],
)
def test_only_a_large_register_is_kept_out_of_collections(pilots: int, kept: bool) -> None:
    gc.unfreeze()
    assert memory.keep_out_of_collections(pilots) is kept
    assert (gc.get_freeze_count() > 0) is kept
    memory.return_to_collections()
    assert gc.get_freeze_count() == 0


def test_a_register_is_read_with_the_collector_paused(
    seed_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gc.enable()
    seen: list[bool] = []
    parse = facade.parse

    def watching(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return parse(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(facade, "parse", watching)
    with Store.open(seed_store) as opened:
        opened.reload()
    assert seen == [False, False]  # open and reload
    assert gc.isenabled()


def test_a_pause_ends_once() -> None:
    gc.enable()
    first, second = memory.Pause(), memory.Pause()
    first.end()
    first.end()  # again: nothing (it must not end the second pause)
    assert not gc.isenabled()
    second.end()
    assert gc.isenabled()


def test_a_command_runs_with_the_collector_the_start_paused(
    seed_store: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """pilot_tui.launcher pauses the collector for the start; a command other than the
    app (here ``list``) gets it back before it runs: its garbage must be collected."""
    gc.enable()
    seen: list[bool] = []
    assess_all = reading.assess_all

    def watching(*args: Any) -> Any:
        seen.append(gc.isenabled())
        return assess_all(*args)

    monkeypatch.setattr(reading, "assess_all", watching)
    assert cli.main(["list", "--store", str(seed_store)], starting=memory.Pause()) == 0
    assert seen == [True]
    capsys.readouterr()


@pytest.mark.parametrize("fmt", ["md", "csv", "docx"])
def test_a_snapshot_is_made_with_the_collector_paused(
    seed_store: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """Building the model and writing a file pause the collector (the register and the
    snapshot stay while millions of strings are made), Word included: its body is XML
    text too."""
    import importlib

    from pilot_tui import snapshot
    from pilot_tui.periods import parse_window
    from pilot_tui.snapshot import build as model

    gc.enable()
    seen: dict[str, bool] = {}
    assess = model.assess

    def watching_assess(*args: Any) -> Any:
        seen["build"] = gc.isenabled()
        return assess(*args)

    module = importlib.import_module(f"pilot_tui.snapshot.{fmt}")
    render = module.render

    def watching_render(*args: Any, **kwargs: Any) -> Any:
        seen["render"] = gc.isenabled()
        return render(*args, **kwargs)

    monkeypatch.setattr(model, "assess", watching_assess)
    monkeypatch.setattr(module, "render", watching_render)
    window = parse_window("3m")
    assert window is not None
    with Store.open(seed_store, readonly=True) as opened:
        built = snapshot.build_snapshot(
            opened.register, snapshot.SnapshotOptions(opened.register.latest_peildatum(), window)
        )
    snapshot.render(built, fmt)
    assert seen == {"build": False, "render": False}
    assert gc.isenabled()
