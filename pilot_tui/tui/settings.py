"""The small settings file of the TUI: chosen theme and window.

It lives in ``platformdirs.user_config_dir("pilot-tui")``; the environment variable
``PILOT_TUI_CONFIG_DIR`` points it elsewhere (tests use it to stay out of the user's home).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dateutil.relativedelta import relativedelta
from platformdirs import user_config_dir

from pilot_tui.atomic import atomic_write
from pilot_tui.files import FileRefused, read_regular
from pilot_tui.periods import Window, parse_window

ENV_CONFIG_DIR = "PILOT_TUI_CONFIG_DIR"
FILENAME = "settings.json"


def config_dir() -> Path:
    override = os.environ.get(ENV_CONFIG_DIR)
    if override:
        return Path(override)
    return Path(user_config_dir("pilot-tui", appauthor=False))


def window_spec(window: Window) -> str | None:
    """A text parse_window reads back as this window, with the same label: the label
    itself ("1 jaar", "12 maanden"; "1j" came back as "12 maanden"), else a short one
    ("3m", "90d", "1j"), or None."""
    again = parse_window(window.label)
    if again is not None and again.delta == window.delta and again.label == window.label:
        return window.label
    delta = window.delta
    months = delta.years * 12 + delta.months
    days = delta.days
    if months and not days:
        return f"{months // 12}j" if months % 12 == 0 else f"{months}m"
    if days and not months:
        return f"{days}d"
    return None


def default_window() -> Window:
    return Window(relativedelta(months=3), "3 maanden")


MAX_REVIEWS = 20  # review positions remembered (the most recent ones)


def resolved(path: Path) -> Path:
    """The file's full path, to recognise it whichever way it was named."""
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def review_key(store_path: Path, peildatum: date) -> str:
    """Key of a review position: the register file (resolved) and the peildatum."""
    return f"{resolved(store_path)}#{peildatum.isoformat()}"


@dataclass
class Settings:
    theme: str | None = None
    window: str | None = None  # a window_spec
    column: str | None = None  # the list's extra column: "programma", "gemeente" or none
    # review mode: where the user was, per register and peildatum (review_key -> pilot id)
    review: dict[str, str] = field(default_factory=dict)

    def set_review(self, key: str, pilot_id: str) -> None:
        self.review.pop(key, None)
        self.review[key] = pilot_id  # most recent last
        while len(self.review) > MAX_REVIEWS:
            self.review.pop(next(iter(self.review)))

    def load_window(self) -> Window | None:
        if not self.window:
            return None
        return parse_window(self.window)


MAX_BYTES = 1024 * 1024  # a settings file is a few hundred bytes


def load(folder: Path) -> tuple[Settings, str | None]:
    """The settings, and a problem to mention (None when all is well or no file yet).
    A file that cannot be used (not UTF-8, not JSON, nested past any use, not a regular
    file, far too large) gives the defaults and the problem: it never stops the app."""
    path = folder / FILENAME
    try:
        raw, _st = read_regular(path, MAX_BYTES)
    except FileNotFoundError:
        return Settings(), None
    except (OSError, FileRefused):
        return Settings(), str(path)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):  # UnicodeDecodeError and JSONDecodeError included
        return Settings(), str(path)
    if not isinstance(data, dict):
        return Settings(), str(path)
    theme = data.get("theme")
    window = data.get("window")
    column = data.get("column")
    review = data.get("review")
    if not isinstance(review, dict):
        review = {}
    return (
        Settings(
            theme=theme if isinstance(theme, str) else None,
            window=window if isinstance(window, str) else None,
            column=column if column in ("programma", "gemeente") else None,
            review={k: v for k, v in review.items() if isinstance(v, str)},
        ),
        None,
    )


def save(folder: Path, settings: Settings) -> None:
    """Write the settings atomically. Raises OSError when that is not possible."""
    folder.mkdir(parents=True, exist_ok=True)
    data = {
        "theme": settings.theme,
        "window": settings.window,
        "column": settings.column,
        "review": settings.review,
    }
    # not sort_keys: the order of the review positions is their recency
    atomic_write(folder / FILENAME, json.dumps(data, indent=1) + "\n")
