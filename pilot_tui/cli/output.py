"""What a command gives back: its exit code, its lines on stdout and stderr, its JSON.

Exit codes are an API: 0 success, 1 problems found, 2 bad usage or unreadable input.
Errors are one Dutch line on stderr, never a traceback. Everything printed may quote the
register or a file name, so nothing a terminal acts on gets through.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from typing import Any

from pilot_tui.text import one_line, strip_controls

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad usage or unreadable input: exit 2 with this one line."""


def out(text: str = "") -> None:
    """Print a line of output. Nothing a terminal acts on gets through (escape
    sequences, controls, bidi overrides, a carriage return that would overwrite the
    line)."""
    text = strip_controls(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    sys.stdout.write(text + "\n")


def err(text: str) -> None:
    """One line on stderr, made printable as :func:`out` does."""
    sys.stderr.write(f"pilot-tui: {one_line(text)}\n")


def fail(message: str) -> int:
    err(message)
    return EXIT_USAGE


# Anything but printable ASCII and the newlines of the indentation: looked at one by one.
_NOT_PLAIN = re.compile("[^\n -~]")


def _printable_json(match: re.Match[str]) -> str:
    char = match[0]
    return char if char.isprintable() else json.dumps(char)[1:-1]  # "\\u202e"


def out_json(value: Any) -> None:
    """Print ``value`` as JSON. A character a terminal would act on (a control, a bidi
    override) is written as its \\u escape: inside a JSON string that is the same
    character, so a script reads the data exactly and a terminal shows text."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    if not text.replace("\n", " ").isprintable():
        text = _NOT_PLAIN.sub(_printable_json, text)
    sys.stdout.write(text + "\n")


def table(rows: list[list[str]], headers: list[str]) -> list[str]:
    """Rows as aligned columns under a line of dashes."""
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    return lines


def shortened(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def progress(label: str, minimum: int = 500, every: int = 100) -> Callable[[int, int], None] | None:
    """Progress on stderr, on a terminal only, for work of at least ``minimum`` steps."""
    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int) -> None:
        if total >= minimum and (done == total or done % every == 0):
            sys.stderr.write(f"\r{done}/{total} {label}")
            if done == total:
                sys.stderr.write("\n")
            sys.stderr.flush()

    return report
