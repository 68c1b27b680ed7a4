"""The core never imports textual or rich: the arrows point one way (DESIGN.md).

The whole rule set (core, operations, front ends) is the import-linter contracts in
pyproject.toml, checked by tests/test_layers.py; these tests also check what a headless
command loads when it runs."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "pilot_tui"
# Every module at the top of the package is core, except the CLI (a thin layer); the
# command-line modules beside it import no UI either.
NOT_CORE = {"cli", "__init__"}
FORBIDDEN = ("textual", "rich")


def _core_files() -> list[Path]:
    files = sorted(p for p in PACKAGE.glob("*.py") if p.stem not in NOT_CORE)
    files += sorted((PACKAGE / "snapshot").glob("*.py"))
    return files


@pytest.mark.parametrize("path", _core_files(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_core_source_imports_no_ui(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        for name in names:
            assert name.split(".")[0] not in FORBIDDEN, f"{path.name} imports {name}"


def test_headless_cli_loads_no_ui() -> None:
    code = (
        "import sys\n"
        "import pilot_tui.cli, pilot_tui.importer, pilot_tui.snapshot\n"
        "from pilot_tui import model, periods, attention, store, changes, timeline\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_ui_lives_only_in_tui() -> None:
    """Outside tui/, nothing imports textual at module level."""
    for path in PACKAGE.rglob("*.py"):
        if "tui" in path.relative_to(PACKAGE).parts[:1]:
            continue
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith(FORBIDDEN), path
