"""The one way the TUI keeps its styles: a ``.tcss`` file beside the module it styles.

* A screen or dialog names its file in ``CSS_PATH`` (Textual reads it when the screen is
  first shown); dialogs that look alike share one file (``dialogs/dialogs.tcss``).
* A widget has no ``CSS_PATH``: it reads its file into ``DEFAULT_CSS`` with
  :func:`stylesheet`, so that a screen's file can still override any of it.

No styles in Python strings; ``pyproject.toml`` ships every ``.tcss`` file as package data.
"""

from __future__ import annotations

from pathlib import Path


def stylesheet(module_file: str, name: str) -> str:
    """The text of the stylesheet ``name`` beside ``module_file`` (a module's ``__file__``)."""
    return Path(module_file).with_name(name).read_text(encoding="utf-8")
