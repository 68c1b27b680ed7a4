"""The start cache: the first screen of the last session, painted before the register is read.

Reading a register of thousands of pilots takes a second or more. When the file is the one
the app last showed (same size, modification and change time, inode) and the start asks
for the same peildatum and window, the app paints the list from this small file at once
and reads the register in the background; keys that need the register wait for it.

Only what was on screen is kept here (the first rows, the status line and the first
pilot's document, for its detail) and nothing is ever written back from it: a stale cache
can at worst show old rows until the register is read, a moment later. A cache that cannot
be read or written is ignored, since it only saves time.

``PILOT_TUI_START_CACHE=0`` turns it off; ``PILOT_TUI_CACHE_DIR`` moves it (default:
platformdirs' user cache folder).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pilot_tui.atomic import atomic_write
from pilot_tui.attention import Attention
from pilot_tui.store import FileStamp
from pilot_tui.tui.settings import resolved
from pilot_tui.tui.view import Row
from pilot_tui.tui.widgets.status_line import Status

ENV_SWITCH = "PILOT_TUI_START_CACHE"
ENV_DIR = "PILOT_TUI_CACHE_DIR"
VERSION = 2  # 2: rows carry programma and gemeente (the c column)
ROWS = 200  # more than any terminal shows at once


@dataclass(frozen=True)
class StartKey:
    """What the start asks for: the register file, and the peildatum and window (None: the
    defaults, i.e. the register's latest peildatum, else today)."""

    path: str
    peildatum: str | None
    window: str | None
    today: str

    @classmethod
    def make(cls, store_path: Path, peildatum: date | None, window: str | None) -> StartKey:
        return cls(
            str(resolved(store_path)),
            peildatum.isoformat() if peildatum else None,
            window,
            date.today().isoformat(),
        )


@dataclass(frozen=True)
class StartView:
    """The first screen, as the app showed it."""

    peildatum: date
    latest: date | None  # the register's latest peildatum up to it (for "niet bijgewerkt")
    status: Status
    rows: tuple[Row, ...]
    end_width: int  # of the list's end column, over all rows
    total: int
    first: dict[str, Any] | None  # the first row's pilot as stored, for its detail


def enabled() -> bool:
    return os.environ.get(ENV_SWITCH, "1").strip().lower() not in {"0", "no", "nee", "off"}


def cache_dir() -> Path:
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("pilot-tui", appauthor=False))


def cache_file(key: StartKey) -> Path:
    name = hashlib.blake2b(key.path.encode("utf-8", "surrogatepass"), digest_size=8)
    return cache_dir() / f"start-{name.hexdigest()}.json"


def read(key: StartKey) -> StartView | None:
    """The cached first screen for this start, or None (none, stale, or unreadable)."""
    if not enabled():
        return None
    try:
        raw = json.loads(cache_file(key).read_bytes())
        if raw.get("version") != VERSION or raw.get("key") != _key_json(key, raw):
            return None
        stamp = FileStamp.of(Path(key.path))
        if stamp is None or raw.get("stamp") != _stamp_json(stamp):
            return None
        return _view_from_json(raw)
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None  # no cache, or not one of ours: start the normal way


def write(key: StartKey, stamp: FileStamp | None, view: StartView, *, from_today: bool) -> None:
    """Keep ``view`` for the next start with ``key`` while the file keeps ``stamp``.
    ``from_today``: the peildatum was today's date (no peildatum in the register), so the
    cache holds only today."""
    if not enabled() or stamp is None:
        return
    data = {
        "version": VERSION,
        "key": {
            "path": key.path,
            "peildatum": key.peildatum,
            "window": key.window,
            "today": key.today if from_today and key.peildatum is None else None,
        },
        "stamp": _stamp_json(stamp),
        "peildatum": view.peildatum.isoformat(),
        "latest": view.latest.isoformat() if view.latest else None,
        "status": {
            "title": view.status.title,
            "peildatum": view.status.peildatum,
            "window": view.status.window,
            "counts": [[cls.value, text] for cls, text in view.status.counts],
            "extra": list(view.status.extra),
        },
        "rows": [
            [
                r.pilot_id,
                r.name,
                r.status,
                r.attention.value,
                r.stale,
                r.end,
                r.days,
                r.programma,
                r.gemeente,
            ]
            for r in view.rows[:ROWS]
        ],
        "end_width": view.end_width,
        "total": view.total,
        "first": view.first,
    }
    target = cache_file(key)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        atomic_write(target, text.encode("utf-8"))
    except OSError:
        return  # a cache that cannot be written only costs the next start its head start


def _stamp_json(stamp: FileStamp) -> list[int]:
    return [stamp.mtime_ns, stamp.size, stamp.ino, stamp.ctime_ns]


def _key_json(key: StartKey, raw: dict[str, Any]) -> dict[str, Any]:
    """The key as written, for comparison: ``today`` counts only when the cached
    peildatum was today's date."""
    cached_today = raw.get("key", {}).get("today")
    return {
        "path": key.path,
        "peildatum": key.peildatum,
        "window": key.window,
        "today": key.today if cached_today is not None else None,
    }


def _view_from_json(raw: dict[str, Any]) -> StartView:
    status = raw["status"]
    rows = tuple(
        Row(
            pilot_id=str(r[0]),
            name=str(r[1]),
            status=str(r[2]),
            attention=Attention(r[3]),
            stale=bool(r[4]),
            end=str(r[5]),
            days=str(r[6]),
            programma=str(r[7]),
            gemeente=str(r[8]),
        )
        for r in raw["rows"]
    )
    first = raw.get("first")
    latest = raw.get("latest")
    return StartView(
        peildatum=date.fromisoformat(raw["peildatum"]),
        latest=date.fromisoformat(latest) if latest else None,
        status=Status(
            title=str(status["title"]),
            peildatum=str(status["peildatum"]),
            window=str(status["window"]),
            counts=tuple((Attention(c), str(t)) for c, t in status["counts"]),
            extra=tuple(str(e) for e in status["extra"]),
        ),
        rows=rows,
        end_width=int(raw["end_width"]),
        total=int(raw["total"]),
        first=first if isinstance(first, dict) else None,
    )
